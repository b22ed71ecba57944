// Thin glue for the calculator page: serialise the form (already in the HTML), ask the Python worker
// to score it, and render the JSON that comes back. Every rule, label and message comes either from
// the page (rendered at build time from rubrics/*.yaml and rubrics/ui.yaml) or from the Python result.
// Nothing leaves the browser: answers are kept in this browser's localStorage only.

const ASSETS = new URL("./", import.meta.url);
let worker = null; // module scope: survives instant navigation between pages
let bootState = { stage: "idle", error: null };
const stageListeners = new Set();
const pending = new Map();
let nextId = 1;

function onWorkerMessage(msg) {
  if (msg.type === "stage" || msg.type === "error") {
    bootState = msg.type === "error" ? { stage: "error", error: msg.message } : { stage: msg.stage, error: null };
    stageListeners.forEach((fn) => fn(bootState));
  } else if (msg.type === "result") {
    const done = pending.get(msg.id);
    pending.delete(msg.id);
    if (done) done(msg);
  }
}

function getWorker(wheel) {
  if (worker) return worker;
  bootState = { stage: "runtime", error: null }; // the worker's first import is the runtime itself
  const early = window.zhipingBoot; // started by the page head (calculator pages), messages kept
  if (early) {
    worker = early.worker;
    early.messages.splice(0).forEach(onWorkerMessage);
  } else {
    worker = new Worker(new URL("worker.mjs", ASSETS), { type: "module" });
    worker.postMessage({ type: "boot", wheel: new URL(wheel, ASSETS).href });
  }
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => onWorkerMessage({ type: "error", message: event.message || "worker failed" });
  return worker;
}

function callScore(rubric, answers, lang) {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const text = typeof answers === "string" ? answers : JSON.stringify(answers);
    worker.postMessage({ type: "score", id, rubric, answers: text, lang });
  });
}

// Storage may be switched off (private windows, strict policies): the calculator then simply forgets.
const store = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* not kept */
    }
  },
};

// ---- form <-> answers (the documented answers format) ----

function collect(form, rubric) {
  const answers = { rubric, questions: {}, scenarios: {}, data: {} };
  for (const fs of form.querySelectorAll("[data-question]")) {
    const q = fs.dataset.question;
    const checked = [...fs.querySelectorAll("input[data-option]:checked")].map((i) => Number(i.value));
    if (!checked.length) continue;
    answers.questions[q] = fs.dataset.type === "multi" ? checked : checked[0];
  }
  for (const fs of form.querySelectorAll("[data-scenario]")) {
    const input = fs.querySelector("input[data-level]:checked");
    if (input) answers.scenarios[fs.dataset.scenario] = Number(input.value);
  }
  for (const input of form.querySelectorAll("input[data-field]")) {
    const [q, field] = input.dataset.field.split(".");
    const energy = [...form.querySelectorAll(`input[data-energy^="${q}.${field}."]`)].filter((e) => e.value.trim());
    let value = input.value.trim();
    if (energy.length && !value) {
      value = Object.fromEntries(energy.map((e) => [e.dataset.energy.split(".")[2], e.value.trim()]));
    }
    if (value === "") continue;
    (answers.data[q] ??= {})[field] = value;
  }
  return answers;
}

function apply(form, answers) {
  form.reset();
  for (const [q, value] of Object.entries(answers.questions || {})) {
    const picked = new Set([].concat(value).map(String));
    form.querySelectorAll(`[data-question="${q}"] input[data-option]`).forEach((i) => (i.checked = picked.has(i.value)));
  }
  for (const [s, level] of Object.entries(answers.scenarios || {})) {
    const fs = [...form.querySelectorAll("[data-scenario]")].find((f) => f.dataset.scenario === s);
    fs?.querySelectorAll("input[data-level]").forEach((i) => (i.checked = i.value === String(level)));
  }
  for (const [q, fields] of Object.entries(answers.data || {})) {
    for (const [field, value] of Object.entries(fields)) {
      if (value && typeof value === "object") {
        for (const [energy, qty] of Object.entries(value)) {
          const e = form.querySelector(`input[data-energy="${q}.${field}.${energy}"]`);
          if (e) e.value = String(qty);
        }
      } else {
        const input = form.querySelector(`input[data-field="${q}.${field}"]`);
        if (input) input.value = String(value);
      }
    }
  }
}

// ---- rendering ----

const el = (tag, { dataset, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset || {});
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};
const mark = (ok) => el("span", { className: ok ? "zp-ok" : "zp-no", textContent: ok ? "✓" : "✗" });

function fill(root, slot, ...nodes) {
  const target = root.querySelector(`[data-slot="${slot}"]`);
  if (target) target.replaceChildren(...nodes);
}

function clearMarks(root) {
  root.querySelectorAll(".zp-invalid, .zp-warn").forEach((n) => {
    n.classList.remove("zp-invalid", "zp-warn");
    n.removeAttribute("aria-invalid");
  });
}

function itemNode(root, item) {
  return [...root.querySelectorAll("[data-item]")].find((n) => n.dataset.item === item || item.startsWith(n.dataset.item + "."));
}

function fieldNode(root, item) {
  const [kind, rest] = [item.slice(0, item.indexOf(":")), item.slice(item.indexOf(":") + 1)];
  if (kind === "field") return root.querySelector(`input[data-field="${rest}"]`)?.closest("[data-item]");
  if (kind === "energy") return root.querySelector(`input[data-energy="${rest}"]`)?.closest("[data-item]");
  return itemNode(root, item);
}

function renderDerived(root, out) {
  root.querySelectorAll("output[data-energy-total]").forEach((o) => (o.textContent = ""));
  for (const e of out.energy || []) {
    const o = root.querySelector(`output[data-energy-total="${e.question}.${e.field}"]`);
    if (o) o.textContent = e.text;
  }
}

const isMissing = (e) => e.code === "missing_answer" || e.code === "missing_scenario";

// A list of problems, each linked to the form item it concerns; `mark` also flags that item.
function errorList(root, errors, { mark = false, className = "zp-error" } = {}) {
  return el("ul", { className: "zp-errors" }, ...errors.map((e) => {
    const target = fieldNode(root, e.item);
    if (target && mark) {
      target.classList.add("zp-invalid");
      target.setAttribute("aria-invalid", "true");
    }
    const text = target?.id ? el("a", { href: `#${target.id}`, textContent: e.message }) : document.createTextNode(e.message);
    return el("li", { className, dataset: { code: e.code } }, text);
  }));
}

function renderErrors(root, out) {
  const section = root.querySelector("[data-slot=result]");
  const invalid = out.errors.filter((e) => !isMissing(e));
  const missing = out.errors.filter(isMissing);
  section.dataset.resultState = invalid.length ? "errors" : "incomplete";
  const nodes = [];
  if (invalid.length) {
    nodes.push(el("p", { className: "zp-error-title", textContent: out.title }), errorList(root, invalid, { mark: true }));
  }
  if (missing.length) {
    const total = root.querySelectorAll("[data-question],[data-scenario]").length;
    const done = String(total - missing.length);
    nodes.push(
      el("p", { className: "zp-progress", textContent: root.dataset.msgIncomplete.replace("{done}", done).replace("{total}", total) }),
      el("details", {}, el("summary", { textContent: root.dataset.msgMissingList }), errorList(root, missing, { className: "zp-missing" })),
    );
  }
  fill(root, "summary", ...nodes);
  fill(root, "sticky", nodes[0].textContent);
}

function renderResult(root, out) {
  root.querySelector("[data-slot=result]").dataset.resultState = "ok";
  fill(root, "summary",
    el("p", { className: "zp-level" }, el("span", { className: "zp-label", textContent: root.dataset.msgLevel }),
      el("strong", { dataset: { levelRank: out.level.rank }, textContent: out.level.label })),
    el("p", { className: "zp-score" }, el("span", { className: "zp-label", textContent: root.dataset.msgScore }),
      el("strong", { title: out.score.exact, textContent: out.score.display }), ` / ${out.score.max}`));
  fill(root, "sticky", `${root.dataset.msgLevel}${out.level.label} · ${root.dataset.msgScore}${out.score.display}`);
  const next = out.next
    ? [el("p", { textContent: out.next.intro }), el("ul", {}, ...out.next.text.map((t) => el("li", { textContent: t })))]
    : [el("p", { textContent: root.dataset.msgTop })];
  fill(root, "next", ...next);
  fill(root, "levels", ...out.levels.map((lv) => el("tr", { className: lv.holds ? "zp-holds" : "" },
    el("th", {}, mark(lv.holds), " ", lv.label),
    ...lv.conditions.map((c) => el("td", { dataset: { condition: c.id } }, mark(c.holds), " ", c.text)))));
  fill(root, "dimensions", ...out.dimensions.flatMap((d) => [
    el("tr", { className: "zp-dim" }, el("th", { textContent: d.name }), el("td", { textContent: `${d.points} / ${d.max}` })),
    ...d.indicators.map((i) => el("tr", {}, el("td", { className: "zp-indent", textContent: i.name }), el("td", { textContent: `${i.points} / ${i.max}` }))),
  ]));
  fill(root, "counts", ...out.scenarios.counts.map((c) => el("tr", {},
    el("th", { textContent: c.label }), el("td", { textContent: c.total }), el("td", { textContent: c.constrained }), el("td", { textContent: c.guiding }))));
  fill(root, "warnings", ...out.warnings.map((w) => el("li", { textContent: w.message })));
  for (const w of out.warnings) itemNode(root, w.item)?.classList.add("zp-warn");
  for (const q of out.questions) {
    const o = root.querySelector(`output[data-points-for="${q.number}"]`);
    if (o) o.textContent = `${q.points} / ${q.max}`;
  }
}

// ---- page wiring ----

function init() {
  const root = document.getElementById("zp-calc");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "1";
  const form = root.querySelector("form");
  const { rubric, lang } = root.dataset;
  const storeKey = `zhiping:${rubric}:answers`;
  const status = root.querySelector("[data-slot=status]");
  const dirty = new Set();
  let timer = null;
  let latest = 0;
  let resultCount = 0;

  form.addEventListener("submit", (e) => e.preventDefault());
  if (location.protocol === "file:") {
    root.dataset.state = "error";
    status.textContent = root.dataset.msgFile;
    return;
  }

  const showStage = ({ stage, error }) => {
    root.dataset.state = stage === "ready" ? "ready" : stage === "error" ? "error" : "loading";
    root.dataset.stage = stage;
    if (stage === "ready" && !root.dataset.tReady) root.dataset.tReady = performance.now().toFixed(1);
    status.textContent = error ? `${root.dataset.msgError} (${error})` : root.dataset[`msgStage${stage[0].toUpperCase()}${stage.slice(1)}`] || "";
    if (stage === "ready") schedule(0);
  };

  async function evaluate() {
    const answers = collect(form, rubric);
    store.set(storeKey, JSON.stringify(answers));
    if (bootState.stage !== "ready") return;
    const id = ++latest;
    const msg = await callScore(rubric, answers, lang);
    if (id !== latest || !root.isConnected) return;
    if (msg.error) {
      status.textContent = `${root.dataset.msgError} (${msg.error})`;
      return;
    }
    const out = JSON.parse(msg.text);
    let changed = false;
    for (const d of out.derived || []) {
      if (!dirty.has(String(d.question))) continue;
      const input = form.querySelector(`[data-question="${d.question}"] input[data-option][value="${d.option}"]`);
      if (input && !input.checked) {
        input.checked = true;
        changed = true;
      }
    }
    dirty.clear();
    if (changed) return schedule(0);
    clearMarks(root);
    renderDerived(root, out);
    if (out.ok) renderResult(root, out);
    else renderErrors(root, out);
    root.dataset.resultCount = String(++resultCount);
    if (out.ok && !root.dataset.tFirstResult) root.dataset.tFirstResult = performance.now().toFixed(1);
    root.dataset.lastMs = msg.ms.toFixed(3);
  }

  function schedule(delay = 120) {
    clearTimeout(timer);
    timer = setTimeout(evaluate, delay);
  }

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.hasAttribute("data-option") && input.type === "checkbox" && input.checked) {
      // The exclusive "none" option clears every other option of its question, and the other way round.
      const fs = input.closest("[data-question]");
      fs.querySelectorAll("input[data-option]").forEach((other) => {
        if (other !== input && (input.hasAttribute("data-none") || other.hasAttribute("data-none"))) other.checked = false;
      });
    }
    schedule();
  });
  form.addEventListener("input", (event) => {
    const input = event.target;
    const ref = input.dataset.field || input.dataset.energy;
    if (ref) dirty.add(ref.split(".")[0]);
    schedule(250);
  });

  root.querySelector("[data-action=print]")?.addEventListener("click", () => window.print());
  root.querySelector("[data-action=clear]")?.addEventListener("click", () => {
    fill(root, "notice");
    form.reset();
    store.set(storeKey, null);
    schedule(0);
  });
  root.querySelector("[data-action=export]")?.addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(collect(form, rubric), null, 2)], { type: "application/json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `${rubric}-answers.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const fileInput = root.querySelector("input[data-action=import]");
  fileInput?.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    const text = await file.text();
    fileInput.value = "";
    // Python checks the file itself and words every problem in the page's language (an incomplete
    // file is fine). A file that is not answers to this rubric leaves the form as it was.
    const msg = await callScore(rubric, text, lang);
    const out = msg.text ? JSON.parse(msg.text) : { ok: false, title: msg.error, errors: [] };
    const problems = out.ok ? [] : out.errors.filter((e) => !isMissing(e));
    fill(root, "notice", ...(problems.length ? [
      el("p", { className: "zp-error-title", textContent: out.title }),
      errorList(root, problems),
    ] : []));
    let answers = null;
    try {
      answers = JSON.parse(text);
    } catch {
      /* reported above */
    }
    const unusable = problems.some((e) => e.code === "rubric_mismatch" || e.code === "not_an_object");
    if (unusable || !answers || typeof answers !== "object" || Array.isArray(answers)) return;
    apply(form, answers);
    schedule(0);
  });

  try {
    const saved = JSON.parse(store.get(storeKey) || "null");
    if (saved) apply(form, saved);
  } catch {
    store.set(storeKey, null);
  }
  root.dataset.interactive = "1";
  root.dataset.tInteractive = performance.now().toFixed(1); // milestones for `make bench`
  stageListeners.clear();
  stageListeners.add(showStage);
  getWorker(root.dataset.wheel);
  showStage(bootState);
}

function start() {
  if (window.document$) window.document$.subscribe(init); // instant navigation re-emits per page
  else init();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
