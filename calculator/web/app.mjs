// Thin glue for the calculator page: serialise the form (already in the HTML), ask the Python worker
// to score it, and render the JSON that comes back. Every rule, label and message comes either from
// the page (rendered at build time from rubrics/*.yaml and rubrics/ui.yaml) or from the Python result.
// Python is the only reader of an answers file: an imported file's bytes go to the worker, and the
// form is filled from what Python read back. Nothing is ever looked up with a selector built from
// data: nodes are found by comparing their data attributes.
// Nothing leaves the browser: answers are kept in this browser's storage only (store.mjs: several
// assessments per calculator, the current one saved as the user types).

import * as store from "./store.mjs";

const ASSETS = new URL("./", import.meta.url);
let worker = null; // module scope: survives instant navigation between pages
let bootState = { stage: "idle", error: null, from: null };
let snapshotSaved = null; // the worker kept a snapshot of the engine for the next visit (bytes)
const stageListeners = new Set();
const pending = new Map();
let nextId = 1;

function onWorkerMessage(msg) {
  if (msg.type === "stage" || msg.type === "error") {
    bootState = msg.type === "error" ? { stage: "error", error: msg.message, from: null } : { stage: msg.stage, error: null, from: msg.from ?? null, note: msg.note ?? null, ms: msg.ms ?? null };
    stageListeners.forEach((fn) => fn(bootState));
  } else if (msg.type === "snapshot") {
    snapshotSaved = msg.saved ? msg.bytes : 0;
    stageListeners.forEach((fn) => fn(bootState));
  } else if (msg.type === "result") {
    const done = pending.get(msg.id);
    pending.delete(msg.id);
    if (done) done(msg);
  }
}

// Once a result is shown: asks the site's service worker, when one is active, to keep the calculator
// runtime for the next visit and for when the server cannot be reached (calculator/web/sw.js).
function keepForOffline(root) {
  const sw = navigator.serviceWorker;
  if (!sw || root.dataset.offline) return;
  root.dataset.offline = "asked";
  window.zhipingOffline?.register(); // a calculator page registers it only now (zhiping-offline.js)
  sw.addEventListener("message", (event) => {
    if (event.data?.type === "kept") root.dataset.offline = event.data.files === event.data.of ? "kept" : "partial";
  });
  sw.ready.then((reg) => reg.active?.postMessage({ type: "keep" })).catch(() => {});
}

function getWorker(wheel, runtime) {
  if (worker) return worker;
  bootState = { stage: "runtime", error: null, from: null }; // the worker's first import is the runtime itself
  const early = window.zhipingBoot; // started by the page head (calculator pages), messages kept
  if (early) {
    worker = early.worker;
    early.messages.splice(0).forEach(onWorkerMessage);
  } else {
    worker = new Worker(new URL("worker.mjs", ASSETS), { type: "module" });
    worker.postMessage({ type: "boot", wheel: new URL(wheel, ASSETS).href, runtime: new URL(runtime, ASSETS).href });
  }
  worker.onmessage = (event) => onWorkerMessage(event.data);
  worker.onerror = (event) => onWorkerMessage({ type: "error", message: event.message || "worker failed" });
  return worker;
}

// `answers` is the form's answers object, or an ArrayBuffer holding a file's bytes. `fn` is the api
// function the worker calls: score_json (the result) unless told (export_csv: a CSV file).
function callScore(rubric, answers, lang, fn = "score_json") {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    if (answers instanceof ArrayBuffer) worker.postMessage({ type: "score", id, fn, rubric, bytes: answers, lang }, [answers]);
    else worker.postMessage({ type: "score", id, fn, rubric, answers: JSON.stringify(answers), lang });
  });
}

// ---- lookups by data attribute (never a selector built from data) ----

const all = (root, selector) => [...root.querySelectorAll(selector)];
const byData = (root, selector, key, value) => all(root, selector).find((n) => n.dataset[key] === String(value));
const own = (obj) => (obj && typeof obj === "object" && !Array.isArray(obj) ? Object.entries(obj) : []);

// ---- form <-> answers (the documented answers format) ----

function collect(form, rubric, extraMeta) {
  const answers = { rubric };
  // the sections of the first family's markup, when the form has them
  if (form.querySelector("[data-question]")) Object.assign(answers, { questions: {}, scenarios: {}, data: {} });
  answers.meta = { ...extraMeta };
  for (const fs of all(form, "[data-question]")) {
    const checked = all(fs, "input[data-option]").filter((i) => i.checked).map((i) => Number(i.value));
    if (checked.length) answers.questions[fs.dataset.question] = fs.dataset.type === "multi" ? checked : checked[0];
  }
  for (const fs of all(form, "[data-scenario]")) {
    const input = all(fs, "input[data-level]").find((i) => i.checked);
    if (input) answers.scenarios[fs.dataset.scenario] = Number(input.value);
  }
  const energy = all(form, "input[data-energy]");
  for (const input of all(form, "input[data-field]")) {
    const [q, field] = input.dataset.field.split(".");
    let value = input.value.trim();
    const parts = energy.filter((e) => e.dataset.energy.startsWith(`${input.dataset.field}.`) && e.value.trim());
    if (parts.length && !value) value = Object.fromEntries(parts.map((e) => [e.dataset.energy.split(".")[2], e.value.trim()]));
    if (value === "") continue;
    (answers.data[q] ??= {})[field] = value;
  }
  for (const input of all(form, "input[data-meta]")) {
    if (input.value.trim()) answers.meta[input.dataset.meta] = input.value.trim();
    else delete answers.meta[input.dataset.meta];
  }
  collectPaths(form, answers);
  return answers;
}

// ---- the generic vocabulary: an input names where its answer goes ----
// data-path="a.b.c" puts the answer at answers.a.b.c: a checked radio or checkbox its data-json
// value (a JSON literal; a radio without data-json is the "blank" choice: nothing is sent, and it
// is checked when the answers have nothing there), a text field its trimmed text.
// data-off-when="id1 id2" on an input, or on a fieldset holding a whole part of the form, switches
// it off (not collected, disabled) while one of those choices is checked.
//
// Repeatable blocks (a list the person grows: links of a product, rows of a table):
// - data-repeat="<path>" on a container: each item is a child with data-repeat-item="<key>", its
//   answers at <path>.<key>. The container's own <template> holds one item's markup, with
//   "{<data-repeat-key>}" (e.g. "{seg}") standing for the key in any attribute (data-path, data-item,
//   id, for, name, aria-*, …), in nested templates too. New keys are data-repeat-prefix + a number
//   above any this container has used (s1, s2, …): a removed key is not reused.
// - data-repeat-mirror="<path>" on a container: its items follow another container's items, one
//   per key, in that order (the per-link block of each table follows the list of links); they are
//   never added or removed by hand, and are not sent when empty.
// - button[data-repeat-add="<path>"] adds an item to that container; button[data-repeat-remove]
//   inside an item removes it and its mirrors (undo offered). Every item of a container that is not
//   a mirror is sent, as {} at least, so that an added row or link survives a reload.
// - [data-text-from="<path>"] shows the text typed in that field (data-text-empty when blank);
//   [data-repeat-index] shows the item's position (1, 2, …); [data-repeat-empty="<path>"] shows only
//   while that container has no item.
//
// Result additions: output[data-note-for="<item>"] shows the text of the result's note for that
// item (e.g. an advisory figure beside the rater's own); a result table cell's tone (1 weakest …
// 5 strongest) becomes data-tone, coloured by calculator.css.
const DANGEROUS = new Set(["__proto__", "prototype", "constructor"]);
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/; // a repeat item's key: safe in a path and an id

function setPath(obj, path, value) {
  const keys = path.split(".");
  if (keys.some((k) => DANGEROUS.has(k))) return;
  let node = obj;
  for (const key of keys.slice(0, -1)) {
    if (!Object.hasOwn(node, key) || typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key];
  }
  node[keys.at(-1)] = value;
}

function getPath(obj, path) {
  let node = obj;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

const offSelf = (node) => (node.dataset.offWhen || "").split(" ").filter(Boolean).some((id) => document.getElementById(id)?.checked);

// Off: the node itself, or a part of the form holding it, is switched off.
function isOff(node) {
  for (let n = node.closest("[data-off-when]"); n; n = n.parentElement?.closest("[data-off-when]")) if (offSelf(n)) return true;
  return false;
}

function collectPaths(form, answers) {
  // in the order shown: an item (sent as {} at least) comes before the fields that fill it
  for (const node of all(form, "input[data-path], [data-repeat-item]")) {
    if (isOff(node)) continue;
    if (node.hasAttribute("data-repeat-item")) {
      const box = node.parentElement;
      const path = `${box.dataset.repeat}.${node.dataset.repeatItem}`;
      if (!box.hasAttribute("data-repeat-mirror") && getPath(answers, path) === undefined) setPath(answers, path, {});
    } else if (node.type === "radio" || node.type === "checkbox") {
      if (node.checked && node.dataset.json !== undefined) setPath(answers, node.dataset.path, JSON.parse(node.dataset.json));
    } else if (node.value.trim()) {
      setPath(answers, node.dataset.path, node.value.trim());
    }
  }
}

function applyPaths(form, answers) {
  for (const input of all(form, "input[data-path]")) {
    const value = getPath(answers, input.dataset.path);
    if (input.type === "radio" && input.dataset.json === undefined) input.checked = value === undefined;
    else if (input.type === "radio" || input.type === "checkbox") input.checked = value !== undefined && JSON.stringify(value) === input.dataset.json;
    else input.value = value === undefined || value === null || typeof value === "object" ? "" : String(value);
  }
  syncOff(form);
  syncTexts(form);
}

function syncOff(form) {
  for (const node of all(form, "[data-off-when]")) node.disabled = offSelf(node);
}

// ---- repeatable blocks ----

const items = (box) => [...box.children].filter((n) => n.hasAttribute("data-repeat-item"));
const template = (box) => [...box.children].find((n) => n.tagName === "TEMPLATE");
const firstField = (item) => all(item, "input, select, textarea, button").find((n) => !n.disabled && n.type !== "hidden");
const repeatBox = (form, path) => byData(form, "[data-repeat]", "repeat", path);

// Puts `key` for "{name}" in every attribute of the fragment, nested templates included.
function substitute(fragment, name, key) {
  const mark = `{${name}}`;
  for (const node of fragment.querySelectorAll("*")) {
    for (const attr of [...node.attributes]) if (attr.value.includes(mark)) node.setAttribute(attr.name, attr.value.replaceAll(mark, key));
    if (node.tagName === "TEMPLATE") substitute(node.content, name, key);
  }
}

function keyNumber(box, key) {
  const prefix = box.dataset.repeatPrefix || "";
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : "";
  return /^[0-9]{1,9}$/.test(rest) ? Number(rest) : 0;
}

// Creates the item `key` at the end of `box` (and of its mirrors); returns it.
function addItem(form, box, key) {
  const fragment = template(box).content.cloneNode(true);
  substitute(fragment, box.dataset.repeatKey, key);
  const item = fragment.firstElementChild;
  item.dataset.repeatItem = key;
  box.append(fragment);
  box.dataset.repeatHigh = String(Math.max(Number(box.dataset.repeatHigh || 0), keyNumber(box, key)));
  for (const mirror of all(form, "[data-repeat-mirror]").filter((m) => m.dataset.repeatMirror === box.dataset.repeat)) addItem(form, mirror, key);
  return item;
}

function removeItem(form, box, item) {
  const key = item.dataset.repeatItem;
  item.remove();
  for (const mirror of all(form, "[data-repeat-mirror]").filter((m) => m.dataset.repeatMirror === box.dataset.repeat)) {
    items(mirror).filter((i) => i.dataset.repeatItem === key).forEach((i) => removeItem(form, mirror, i));
  }
}

function newKey(box) {
  const high = Math.max(Number(box.dataset.repeatHigh || 0), ...items(box).map((i) => keyNumber(box, i.dataset.repeatItem)));
  return `${box.dataset.repeatPrefix || ""}${high + 1}`;
}

// Creates exactly the items the answers have (the keys of the object at each container's path, in
// order), containers inside new items after their parents; mirrors follow their masters.
function buildRepeats(form, answers) {
  for (const box of all(form, "[data-repeat]")) if (!box.closest("[data-repeat-item]")) items(box).forEach((i) => i.remove());
  const keys = (box) => own(getPath(answers, box.dataset.repeat)).map(([key]) => key).filter((key) => KEY.test(key) && !DANGEROUS.has(key));
  // level by level: the items of the outer containers bring the inner containers
  for (let depth = 0; depth < 8; depth++) {
    const empty = all(form, "[data-repeat]:not([data-repeat-mirror])").filter((box) => !items(box).length && keys(box).length);
    if (!empty.length) break;
    for (const box of empty) keys(box).forEach((key) => addItem(form, box, key));
  }
  syncRepeats(form);
}

// What repeats show of themselves: item numbers, the "add one" prompt, texts copied from fields.
function syncRepeats(form) {
  for (const box of all(form, "[data-repeat]")) {
    items(box).forEach((item, i) => all(item, "[data-repeat-index]").filter((n) => n.closest("[data-repeat-item]") === item).forEach((n) => (n.textContent = String(i + 1))));
  }
  for (const prompt of all(form, "[data-repeat-empty]")) {
    const box = repeatBox(form, prompt.dataset.repeatEmpty);
    prompt.hidden = Boolean(box && items(box).length);
  }
  syncTexts(form);
}

function syncTexts(form) {
  const fields = new Map(all(form, "input[data-path]").map((i) => [i.dataset.path, i]));
  for (const node of all(form, "[data-text-from]")) node.textContent = fields.get(node.dataset.textFrom)?.value.trim() || node.dataset.textEmpty || "";
}

// Fills the form from answers in the documented format: Python's read-back of a file, or what this
// page saved itself. Unknown items are skipped. Returns the meta keys the form has no field for.
function apply(form, answers) {
  form.reset();
  buildRepeats(form, answers);
  for (const [q, value] of own(answers.questions)) {
    const fs = byData(form, "[data-question]", "question", q);
    const picked = new Set([].concat(value).map(String));
    if (fs) all(fs, "input[data-option]").forEach((i) => (i.checked = picked.has(i.value)));
  }
  for (const [s, level] of own(answers.scenarios)) {
    const fs = byData(form, "[data-scenario]", "scenario", s);
    if (fs) all(fs, "input[data-level]").forEach((i) => (i.checked = i.value === String(level)));
  }
  for (const [q, fields] of own(answers.data)) {
    for (const [field, value] of own(fields)) {
      if (value && typeof value === "object") {
        for (const [energy, qty] of own(value)) {
          const e = byData(form, "input[data-energy]", "energy", `${q}.${field}.${energy}`);
          if (e) e.value = String(qty);
        }
      } else {
        const input = byData(form, "input[data-field]", "field", `${q}.${field}`);
        if (input) input.value = String(value);
      }
    }
  }
  applyPaths(form, answers);
  const extra = {};
  for (const [key, value] of own(answers.meta)) {
    const input = byData(form, "input[data-meta]", "meta", key);
    if (input) input.value = String(value);
    else extra[key] = String(value);
  }
  return extra;
}

// ---- rendering ----

const el = (tag, { dataset, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset || {});
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};
const mark = (ok) => el("span", { className: ok ? "zp-ok" : "zp-no", textContent: ok ? "✓" : "✗" });
const slot = (root, name) => byData(root, "[data-slot]", "slot", name);

function fill(root, name, ...nodes) {
  slot(root, name)?.replaceChildren(...nodes);
}

function clearMarks(root) {
  all(root, ".zp-invalid, .zp-warn").forEach((n) => {
    n.classList.remove("zp-invalid", "zp-warn");
    n.removeAttribute("aria-invalid");
  });
}

// The form node a problem's item names ("question:<n>", "field:<n>.<field>", "energy:<n>.<field>.<row>", …).
function itemNode(root, item) {
  const cut = item.indexOf(":");
  const [kind, rest] = [item.slice(0, cut), item.slice(cut + 1)];
  if (kind === "field") return byData(root, "input[data-field]", "field", rest)?.closest("[data-item]");
  if (kind === "energy") return byData(root, "input[data-energy]", "energy", rest)?.closest("[data-item]");
  if (kind === "meta") return byData(root, "input[data-meta]", "meta", rest)?.closest("fieldset");
  return byData(root, "[data-item]", "item", item);
}

const isMissing = (e) => Boolean(e.missing);

// A list of problems, each linked to the form item it concerns; `flag` marks that item too.
function problemList(root, problems, options = {}) {
  return el("ul", { className: "zp-errors" }, ...problemItems(root, problems, options));
}

function problemItems(root, problems, { flag = null, className = "zp-error" } = {}) {
  return problems.map((e) => {
    const target = itemNode(root, e.item);
    if (target && flag) {
      target.classList.add(flag);
      if (flag === "zp-invalid") target.setAttribute("aria-invalid", "true");
    }
    const text = target?.id ? el("a", { href: `#${target.id}`, textContent: e.message }) : document.createTextNode(e.message);
    return el("li", { className, dataset: { code: e.code } }, text);
  });
}

function renderPoints(root, questions) {
  all(root, "output[data-points-for]").forEach((o) => (o.textContent = ""));
  for (const q of questions || []) {
    const o = byData(root, "output[data-points-for]", "pointsFor", q.number);
    if (o) o.textContent = `${q.points} / ${q.max}`;
  }
}

function renderDerived(root, out, accept) {
  all(root, "output[data-energy-total]").forEach((o) => (o.textContent = ""));
  for (const e of out.energy || []) {
    const o = byData(root, "output[data-energy-total]", "energyTotal", `${e.question}.${e.field}`);
    if (o) o.textContent = e.text;
  }
  // A figure suggests an option; only the user's click changes a choice.
  all(root, "[data-suggest-for]").forEach((n) => {
    n.hidden = true;
    n.replaceChildren();
  });
  for (const d of out.derived || []) {
    const box = byData(root, "[data-suggest-for]", "suggestFor", d.question);
    if (!box || !d.mismatch) continue;
    const button = el("button", { type: "button", className: "md-button zp-accept", textContent: d.accept });
    button.addEventListener("click", () => accept(d.question, d.option));
    box.replaceChildren(el("span", { textContent: d.text }), " ", button);
    box.hidden = false;
  }
}

// Short texts beside form elements (e.g. an advisory figure next to the rater's own): every output
// named by a note gets its text, the others are emptied.
function renderNotes(root, notes) {
  const outputs = all(root, "output[data-note-for]");
  outputs.forEach((o) => (o.textContent = ""));
  for (const note of notes) outputs.filter((o) => o.dataset.noteFor === note.for).forEach((o) => (o.textContent = note.text));
}

function renderWarnings(root, warnings) {
  const block = slot(root, "warnings-block");
  block.hidden = !warnings.length;
  fill(root, "warnings", ...problemItems(root, warnings, { flag: "zp-warn", className: "zp-warning" }));
}

function renderIncomplete(root, out) {
  const errors = out.errors || [];
  const invalid = errors.filter((e) => !isMissing(e));
  const missing = errors.filter(isMissing);
  // how far the answers go: given by Python, or counted on the first family's markup
  const counted = all(root, "[data-question],[data-scenario]").length;
  const progress = out.progress || (counted ? { done: counted - missing.length, total: counted } : null);
  const nothing = !invalid.length && progress?.done === 0 && missing.length > 0; // nothing answered yet: no bar
  slot(root, "result").dataset.resultState = invalid.length ? "errors" : nothing ? "none" : "incomplete";
  slot(root, "details").hidden = true;
  const nodes = [];
  if (invalid.length) nodes.push(el("p", { className: "zp-error-title", textContent: out.title }), problemList(root, invalid, { flag: "zp-invalid" }));
  let line = invalid.length ? out.title : "";
  if (missing.length) {
    const next = root.dataset.msgNextMissing.replace("{item}", missing[0].label);
    line = progress ? root.dataset.msgIncomplete.replace("{done}", String(progress.done)).replace("{total}", String(progress.total)) : next;
    if (progress) nodes.push(el("p", { className: "zp-progress", textContent: line }));
    const first = itemNode(root, missing[0].item);
    if (first?.id) nodes.push(el("p", {}, el("a", { className: "zp-next-missing", href: `#${first.id}`, textContent: next })));
    nodes.push(el("details", {}, el("summary", { textContent: root.dataset.msgMissingList }), problemList(root, missing, { className: "zp-missing" })));
  }
  const part = out.partial?.score;
  if (part) nodes.unshift(el("p", { className: "zp-part-score", textContent: part.text }));
  fill(root, "summary", ...nodes);
  fill(root, "sticky", line);
  return line;
}

function renderResult(root, out) {
  slot(root, "result").dataset.resultState = "ok";
  slot(root, "details").hidden = false;
  fill(root, "summary",
    el("p", { className: "zp-level" }, el("span", { className: "zp-label", textContent: root.dataset.msgLevel }),
      el("strong", { dataset: { levelRank: out.level.rank }, textContent: out.level.label })),
    el("p", { className: "zp-score" }, el("span", { className: "zp-label", textContent: root.dataset.msgScore }),
      el("strong", { title: out.score.exact, textContent: out.score.display }), ` / ${out.score.max}`));
  fill(root, "sticky", out.summary);
  const link = (item, text) => {
    const target = itemNode(root, item);
    return target?.id ? el("a", { href: `#${target.id}`, textContent: text }) : text;
  };
  const next = out.next
    ? out.next.groups.map((g) => el("div", { className: "zp-next-group" }, el("p", { textContent: g.text }),
      el("ul", {}, ...g.items.map((i) => el("li", { dataset: { item: i.item } }, link(i.item, i.text))))))
    : [el("p", { textContent: root.dataset.msgTop })];
  fill(root, "next", ...(out.next ? [el("p", { textContent: out.next.intro })] : []), ...next);
  fill(root, "levels", ...out.levels.map((lv) => el("tr", { className: lv.holds ? "zp-holds" : "" },
    el("th", {}, mark(lv.holds), " ", lv.label),
    ...lv.conditions.map((c) => el("td", { dataset: { condition: c.id } }, mark(c.holds), " ", c.text)))));
  fill(root, "dimensions", ...out.dimensions.flatMap((d) => [
    el("tr", { className: "zp-dim" }, el("th", { textContent: d.name }), el("td", { textContent: `${d.points} / ${d.max}` })),
    ...d.indicators.map((i) => el("tr", {}, el("td", { className: "zp-indent", textContent: i.name }), el("td", { textContent: `${i.points} / ${i.max}` }))),
  ]));
  fill(root, "counts", ...out.scenarios.counts.map((c) => el("tr", {},
    el("th", { textContent: c.label }), el("td", { textContent: c.total }), el("td", { textContent: c.constrained }), el("td", { textContent: c.guiding }))));
  return out.summary;
}

// A result described as plain blocks (headline + view): every family but the first uses it.
function renderView(root, out) {
  slot(root, "result").dataset.resultState = "ok";
  slot(root, "details").hidden = false;
  fill(root, "summary", ...out.headline.map((h) => el("p", { className: "zp-level" },
    el("span", { className: "zp-label", textContent: `${h.label}${root.dataset.msgColon}` }),
    el("strong", { dataset: h.rank === undefined ? {} : { levelRank: h.rank }, textContent: h.value }),
    h.max ? ` / ${h.max}` : "")));
  fill(root, "sticky", out.summary);
  fill(root, "view", ...out.view.map((block) => renderBlock(root, block)));
  return out.summary;
}

function linked(root, item, ...content) {
  const target = item ? itemNode(root, item) : null;
  return target?.id ? el("a", { href: `#${target.id}` }, ...content) : el("span", {}, ...content);
}

// A cell's tone (1–5) colours its background; its text always carries the value too.
const tone = (cell) => (Number.isInteger(cell.tone) && cell.tone >= 1 && cell.tone <= 5 ? { tone: String(cell.tone) } : {});

const withMark = (entry) => (entry.holds === undefined ? [entry.text] : [mark(entry.holds), " ", entry.text]);

function renderBlock(root, b) {
  if (b.type === "heading") return el("h3", { textContent: b.text });
  if (b.type === "paragraph") return el("p", { className: b.kind ? `zp-${b.kind}` : "", textContent: b.text });
  if (b.type === "list") return el("ul", {}, ...b.items.map((i) => el("li", { dataset: i.item ? { item: i.item } : {} }, linked(root, i.item, ...withMark(i)))));
  if (b.type === "table") {
    const head = el("thead", {}, el("tr", {}, ...b.head.map((h) => el("th", { scope: "col", textContent: h }))));
    const body = el("tbody", {}, ...b.rows.map((r) => el("tr", { className: r.mark ? "zp-holds" : "" },
      ...r.cells.map((c) => el(c.head ? "th" : "td", { ...(c.head ? { scope: "row" } : {}), dataset: tone(c) }, linked(root, c.item, ...withMark(c)))))));
    return el("div", { className: "zp-table", tabIndex: 0, role: "region", ariaLabel: b.caption }, el("table", {}, head, body));
  }
  if (b.type === "bars") return barChart(b);
  return el("p", { textContent: "" });
}

// A horizontal bar chart in SVG: an image with a text alternative; the same figures follow as a table.
function barChart(b) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs, ...children) => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    node.append(...children);
    return node;
  };
  const row = 26;
  const [labelW, barW, valueW] = [300, 260, 64];
  const height = b.bars.length * row + 8;
  const alt = b.bars.map((x) => `${x.label}${x.text ? `: ${x.text}` : ""}`).join("; ");
  const chart = svg("svg", { viewBox: `0 0 ${labelW + barW + valueW} ${height}`, role: "img", "aria-label": `${b.caption}. ${alt}`, class: "zp-bars" });
  b.bars.forEach((x, i) => {
    const y = i * row + 4;
    const width = x.value ? (barW * x.value) / b.max : 0;
    chart.append(svg("text", { x: labelW - 8, y: y + 16, "text-anchor": "end", class: "zp-bar-label" }, x.label.length > 26 ? `${x.label.slice(0, 25)}…` : x.label),
      svg("rect", { x: labelW, y: y + 3, width: barW, height: row - 8, class: "zp-bar-track" }),
      svg("rect", { x: labelW, y: y + 3, width, height: row - 8, class: "zp-bar" }, svg("title", {}, `${x.label}: ${x.text}`)),
      svg("text", { x: labelW + barW + 6, y: y + 16, class: "zp-bar-value" }, x.text));
  });
  return el("figure", { className: "zp-chart" }, chart);
}

// ---- the printed report: shown by print media only (calculator.css) ----
// Its header (the rubric, its document number and date, the disclaimer) is in the page; Python's
// report_json gives the rest as plain rows: the notes and result lines, then one table per section
// of the answers given (the same rows as the CSV file). The result panel between them is the
// reasoning, as on screen.
function renderReport(root, out) {
  fill(root, "report-date", new Date().toLocaleDateString(root.dataset.lang, { year: "numeric", month: "long", day: "numeric" }));
  const company = slot(root, "report-company");
  if (company) company.textContent = out?.company || company.dataset.empty;
  const line = ([label, ...values]) => el("tr", {}, el("th", { scope: "row", textContent: label }), el("td", { textContent: values.filter(Boolean).join(" ") }));
  fill(root, "report-lines", ...(out?.ok ? [...out.meta, ...out.lines].filter((r) => r.length).map(line) : []));
  const table = (s) => {
    const width = Math.max(1, s.head.length);
    const head = el("thead", {}, el("tr", {}, ...s.head.map((h) => el("th", { scope: "col", textContent: h }))));
    const body = el("tbody", {}, ...s.rows.map((r) => el("tr", {}, ...r.map((c, i) =>
      el("td", { textContent: c, ...(i === r.length - 1 && r.length < width ? { colSpan: width - i } : {}) })))));
    return el("div", { className: "zp-report-section" }, el("h3", { textContent: s.title }), el("table", { className: "zp-report-table" }, head, body));
  };
  fill(root, "report-sections", ...(out?.ok ? out.sections.map(table) : []));
}

function notice(root, ...nodes) {
  fill(root, "notice", ...nodes);
}

// ---- the assessments kept on this device (store.mjs) ----
// The panel of the page's chrome: the current assessment's name, the list of this calculator's
// saved assessments (open, rename, duplicate, delete with undo), "new" and "clear this device";
// a <dialog> confirms and asks for names. `host.id()` is the current assessment's id (or null),
// `host.open(record | null)` makes a saved assessment (or a blank form) the current one.
function assessmentPanel(root, rubric, lang, host) {
  const box = root.querySelector("[data-assessments]");
  const msg = box.dataset;
  const nameInput = box.querySelector("input[data-assessment-name]");
  const rows = slot(box, "assessment-rows");
  const dialog = slot(box, "confirm");
  const input = slot(box, "confirm-input");
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
  const named = (text, name) => text.replace("{name}", name || msg.msgUnnamed);
  let shown = "";

  const announce = (text) => (slot(box, "assessment-announce").textContent = text);
  const showOff = () => (slot(box, "storage-off").hidden = false);
  if (!store.kept()) showOff();
  store.onFailure(showOff);

  function nextName() {
    const names = new Set(store.list(rubric).map((a) => a.name));
    let n = names.size + 1;
    while (names.has(msg.msgDefaultName.replace("{n}", n))) n++;
    return msg.msgDefaultName.replace("{n}", n);
  }

  // Asks in the dialog; resolves with "" (or the new name when `value` is given), null if cancelled.
  function ask(text, okLabel, value) {
    slot(dialog, "confirm-text").textContent = text;
    slot(dialog, "confirm-ok").textContent = okLabel;
    slot(dialog, "confirm-field").hidden = value === undefined;
    input.value = value ?? "";
    dialog.returnValue = "";
    const opener = document.activeElement;
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => {
        opener?.isConnected && opener.focus();
        resolve(dialog.returnValue === "ok" ? input.value.trim() : null);
      }, { once: true });
      dialog.showModal();
      if (value === undefined) dialog.querySelector("button[value=cancel]").focus();
      else input.select();
    });
  }

  const button = (action, label, rec) => el("button", { type: "button", className: "md-button zp-small", textContent: label,
    ariaLabel: `${label}${root.dataset.msgColon}${rec.name || msg.msgUnnamed}`, dataset: { assessmentAction: action, assessmentId: rec.id } });

  function render() {
    const list = store.list(rubric);
    const id = host.id();
    const now = list.find((a) => a.id === id);
    if (document.activeElement !== nameInput) nameInput.value = now?.name ?? "";
    nameInput.placeholder = now ? msg.msgUnnamed : nextName();
    const state = JSON.stringify([id, list]);
    if (state === shown) return;
    shown = state;
    const focused = document.activeElement?.closest("[data-assessment-action]")?.dataset;
    const keep = focused ? { ...focused } : null;
    rows.replaceChildren(...list.map((a) => el("tr", { className: a.id === id ? "zp-current" : "", dataset: { assessmentId: a.id } },
      el("th", { scope: "row" }, el("span", { dataset: { assessmentName: "" }, textContent: a.name || msg.msgUnnamed }), a.id === id ? ` ${msg.msgCurrent}` : ""),
      el("td", {}, el("time", { dateTime: a.updated, textContent: a.updated ? dateFormat.format(new Date(a.updated)) : "" })),
      el("td", { dataset: { assessmentResult: "" }, textContent: a.result_summary || msg.msgNoResult }),
      el("td", { className: "zp-assessment-buttons" },
        a.id === id ? null : button("open", msg.msgOpen, a),
        button("rename", msg.msgRename, a), button("duplicate", msg.msgDuplicate, a), button("delete", msg.msgDelete, a)))));
    slot(box, "assessment-count").textContent = String(list.length);
    slot(box, "assessment-none").hidden = list.length > 0;
    if (keep) {
      const again = all(rows, "[data-assessment-action]").find((b) => b.dataset.assessmentId === keep.assessmentId && b.dataset.assessmentAction === keep.assessmentAction);
      (again || nameInput).focus();
    }
  }

  nameInput.addEventListener("input", () => {
    const name = nameInput.value.trim();
    if (host.id()) store.rename(host.id(), name);
    else if (name) host.open(store.create(rubric, name));
    render();
  });

  rows.addEventListener("click", async (event) => {
    const b = event.target.closest("[data-assessment-action]");
    const rec = b ? store.get(b.dataset.assessmentId) : null;
    if (!rec) return;
    const action = b.dataset.assessmentAction;
    if (action === "open") {
      host.open(rec);
      render();
      announce(named(msg.msgOpened, rec.name));
      nameInput.focus();
    } else if (action === "rename") {
      const name = await ask(msg.msgRenameTitle, msg.msgConfirm, rec.name);
      if (name === null) return;
      store.rename(rec.id, name);
      render();
      announce(named(msg.msgRenamed, name));
    } else if (action === "duplicate") {
      const copy = store.duplicate(rec.id, named(msg.msgCopyName, rec.name));
      render();
      announce(named(msg.msgDuplicated, copy?.name));
    } else if (action === "delete") {
      if ((await ask(named(msg.msgConfirmDelete, rec.name), msg.msgDeleteConfirm)) === null) return;
      const wasCurrent = rec.id === host.id();
      const gone = store.remove(rec.id);
      if (wasCurrent) host.open(null);
      render();
      nameInput.focus();
      const undo = el("button", { type: "button", className: "md-button zp-undo", textContent: root.dataset.msgUndo });
      undo.addEventListener("click", () => {
        store.restore(gone);
        if (wasCurrent) host.open(gone);
        render();
        notice(root, el("p", { textContent: named(msg.msgRestored, gone.name) }));
      });
      notice(root, el("p", {}, named(msg.msgDeleted, rec.name), " ", undo));
    }
  });

  box.querySelector("[data-action=assessment-new]").addEventListener("click", () => {
    const rec = store.create(rubric, nextName());
    host.open(rec);
    render();
    announce(named(msg.msgCreated, rec.name));
    nameInput.focus();
    nameInput.select();
  });

  box.querySelector("[data-action=clear-device]").addEventListener("click", async () => {
    if ((await ask(msg.msgConfirmClear, msg.msgClearConfirm)) === null) return;
    await store.clearDevice();
    host.open(null);
    render();
    notice(root, el("p", { textContent: msg.msgCleared }));
    box.dataset.cleared = "1";
  });

  return { render, nextName };
}

// ---- page wiring ----

function init() {
  const root = document.getElementById("zp-calc");
  if (!root || root.dataset.bound) return;
  root.dataset.bound = "1";
  const form = root.querySelector("form.zp-form");
  const { rubric, lang } = root.dataset;
  const blank = JSON.stringify(collect(form, rubric, {})); // the form as the page brings it
  let assessment = null; // the id of the current assessment; none until there is something to keep
  const status = slot(root, "status");
  let extraMeta = {}; // meta keys of an imported file that the form has no field for: kept, exported
  let timer = null;
  let latest = 0;
  let resultCount = 0;

  form.addEventListener("submit", (e) => e.preventDefault());
  if (location.protocol === "file:") {
    root.dataset.state = "error";
    status.textContent = root.dataset.msgFile;
    return;
  }

  const showStage = ({ stage, error, from, note, ms }) => {
    root.dataset.state = stage === "ready" ? "ready" : stage === "error" ? "error" : "loading";
    root.dataset.stage = stage;
    if (from) root.dataset.boot = from; // "snapshot" on a repeat visit, "start" otherwise
    if (note) root.dataset.bootNote = note; // why not from a snapshot (diagnostics, `make bench`)
    if (snapshotSaved !== null) root.dataset.snapshot = snapshotSaved ? "saved" : "failed";
    if (stage === "ready" && !root.dataset.tReady) root.dataset.tReady = performance.now().toFixed(1);
    if (ms) root.dataset.tWorker = JSON.stringify(ms); // the worker's own stage durations (bench)
    status.textContent = error ? `${root.dataset.msgError} (${error})` : root.dataset[`msgStage${stage[0].toUpperCase()}${stage.slice(1)}`] || "";
    if (stage === "ready") {
      schedule(0);
      offerTake();
    }
  };

  const current = () => collect(form, rubric, extraMeta);

  async function evaluate() {
    const answers = current();
    if (!assessment && JSON.stringify(answers) !== blank) assessment = store.create(rubric, panel.nextName()).id;
    if (assessment) store.save(assessment, { answers });
    panel.render();
    if (bootState.stage !== "ready") return;
    const scored = assessment; // the result belongs to this assessment, even if another is opened meanwhile
    const id = ++latest;
    const msg = await callScore(rubric, answers, lang);
    if (id !== latest || !root.isConnected) return; // a newer change is being scored
    if (msg.error) {
      status.textContent = `${root.dataset.msgError} (${msg.error})`;
      return;
    }
    const out = JSON.parse(msg.text);
    // Everything below is replaced on every result: nothing stale from earlier answers stays.
    clearMarks(root);
    renderDerived(root, out, acceptSuggestion);
    renderPoints(root, out.ok ? out.questions : out.partial?.questions);
    renderWarnings(root, out.warnings || []);
    renderNotes(root, out.notes || []);
    const line = out.ok ? (out.view ? renderView(root, out) : renderResult(root, out)) : renderIncomplete(root, out);
    const announce = slot(root, "announce");
    if (announce.textContent !== line) announce.textContent = line;
    if (scored && scored === assessment) {
      store.save(scored, { result_summary: line });
      panel.render();
    }
    root.dataset.resultCount = String(++resultCount);
    if (out.ok && !root.dataset.tFirstResult) {
      root.dataset.tFirstResult = performance.now().toFixed(1);
      keepForOffline(root);
    }
    root.dataset.lastMs = msg.ms.toFixed(3);
    const report = await callScore(rubric, answers, lang, "report_json");
    if (id !== latest || !root.isConnected) return;
    renderReport(root, report.text ? JSON.parse(report.text) : null);
    root.dataset.reportCount = String(resultCount);
  }

  function schedule(delay = 0) {
    clearTimeout(timer);
    timer = setTimeout(evaluate, delay);
  }

  function acceptSuggestion(question, option) {
    const fs = byData(form, "[data-question]", "question", question);
    const input = fs ? all(fs, "input[data-option]").find((i) => i.value === String(option)) : null;
    if (!input) return;
    all(fs, "input[data-option]").forEach((i) => (i.checked = i === input));
    input.focus();
    schedule(0);
  }

  // Replaces every answer, offering to undo it (clearing and importing never lose work by a click).
  function replaceAll(next, message, extraNodes = []) {
    const before = current();
    extraMeta = apply(form, next);
    const undo = el("button", { type: "button", className: "md-button zp-undo", textContent: root.dataset.msgUndo });
    undo.addEventListener("click", () => {
      extraMeta = apply(form, before);
      notice(root, el("p", { textContent: root.dataset.msgUndone }));
      schedule(0);
    });
    notice(root, el("p", {}, message, " ", undo), ...extraNodes);
    schedule(0);
  }

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.hasAttribute("data-option") && input.type === "checkbox" && input.checked) {
      // The exclusive "none" option clears every other option of its question, and the other way round.
      const fs = input.closest("[data-question]");
      all(fs, "input[data-option]").forEach((other) => {
        if (other !== input && (input.hasAttribute("data-none") || other.hasAttribute("data-none"))) other.checked = false;
      });
    }
    syncOff(form);
    schedule(0); // a click is scored at once; only typing waits
  });
  form.addEventListener("input", (event) => {
    if (["text", "date", "number"].includes(event.target.type)) schedule(250);
    if (event.target.type === "text") syncTexts(form);
  });

  // Repeatable blocks: add one (focus to its first field), remove one (focus to its neighbour, undo
  // offered: a link's blocks in every table go with it).
  form.addEventListener("click", (event) => {
    const add = event.target.closest("button[data-repeat-add]");
    const remove = event.target.closest("button[data-repeat-remove]");
    if (add) {
      const box = repeatBox(form, add.dataset.repeatAdd);
      if (!box) return;
      const item = addItem(form, box, newKey(box));
      syncRepeats(form);
      syncOff(form);
      firstField(item)?.focus();
      schedule(0);
    } else if (remove) {
      const item = remove.closest("[data-repeat-item]");
      const box = item?.parentElement;
      if (!box?.hasAttribute("data-repeat")) return;
      const before = current();
      const next = item.nextElementSibling?.hasAttribute("data-repeat-item") ? item.nextElementSibling : item.previousElementSibling;
      const neighbour = next?.hasAttribute("data-repeat-item") ? firstField(next) : null;
      const addButton = byData(form, "button[data-repeat-add]", "repeatAdd", box.dataset.repeat);
      removeItem(form, box, item);
      syncRepeats(form);
      (neighbour || addButton)?.focus();
      if (root.dataset.msgRemoved) {
        const undo = el("button", { type: "button", className: "md-button zp-undo", textContent: root.dataset.msgUndo });
        undo.addEventListener("click", () => {
          extraMeta = apply(form, before);
          notice(root, el("p", { textContent: root.dataset.msgUndone }));
          schedule(0);
        });
        notice(root, el("p", {}, root.dataset.msgRemoved, " ", undo));
      }
      schedule(0);
    }
  });

  // A figure taken from another calculator's result, in one click: that calculator's answers are
  // saved in this browser; they are scored again here and the result's hand-over value offered.
  const take = root.querySelector("[data-take-from]");
  async function offerTake() {
    if (!take || bootState.stage !== "ready") return;
    const saved = store.current(take.dataset.takeFrom)?.answers ?? null;
    const msg = saved ? await callScore(take.dataset.takeFrom, saved, lang) : null;
    const out = msg?.text ? JSON.parse(msg.text) : null;
    take.hidden = !out?.handover;
    if (out?.handover) {
      take.dataset.value = out.handover.value;
      take.dataset.display = out.handover.display;
      take.textContent = root.dataset.msgTake.replace("{score}", out.handover.display);
    }
    slot(root, "take-none").hidden = Boolean(out?.handover);
  }
  take?.addEventListener("click", () => {
    const input = byData(form, "input[data-path]", "path", take.dataset.takeInto);
    if (!input || !take.dataset.value) return;
    input.value = take.dataset.value;
    notice(root, el("p", { textContent: root.dataset.msgTaken.replace("{score}", take.dataset.display) }));
    input.focus();
    schedule(0);
  });
  window.addEventListener("focus", () => root.isConnected && offerTake());

  root.querySelector("[data-action=print]")?.addEventListener("click", () => window.print());
  root.querySelector("[data-action=clear]")?.addEventListener("click", () => {
    replaceAll({}, root.dataset.msgCleared);
  });
  // Python writes the file (format, rubric edition, digest, then the answers as it read them);
  // before it has loaded, the bare answers (file format 1, which every version still reads).
  root.querySelector("[data-action=export]")?.addEventListener("click", async () => {
    let text = JSON.stringify(current(), null, 2);
    if (bootState.stage === "ready") {
      const msg = await callScore(rubric, current(), lang, "export_json");
      const out = msg.text ? JSON.parse(msg.text) : { ok: false, title: msg.error, errors: [] };
      if (!out.ok) {
        notice(root, el("p", { className: "zp-error-title", textContent: out.title }), problemList(root, out.errors || []));
        return;
      }
      text = out.text;
    }
    const blob = new Blob([text], { type: "application/json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `${rubric}-answers.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  // A CSV file made by Python from the current answers (offered by calculators that have one).
  root.querySelector("[data-action=export-csv]")?.addEventListener("click", async () => {
    if (bootState.stage !== "ready") {
      notice(root, el("p", { textContent: status.textContent }));
      return;
    }
    const msg = await callScore(rubric, current(), lang, "export_csv");
    const out = msg.text ? JSON.parse(msg.text) : { ok: false, title: msg.error, errors: [] };
    if (!out.ok) {
      notice(root, el("p", { className: "zp-error-title", textContent: out.title }), problemList(root, out.errors || []));
      return;
    }
    const blob = new Blob([out.text], { type: "text/csv;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: out.name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const fileInput = root.querySelector("input[data-import-file]");
  root.querySelector("[data-action=import]")?.addEventListener("click", () => fileInput.click());
  fileInput?.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    // Python reads the bytes (at most one past the limit, so it can say the file is too large).
    const bytes = await file.slice(0, Number(root.dataset.maxBytes) + 1).arrayBuffer();
    const msg = await callScore(rubric, bytes, lang);
    const out = msg.text ? JSON.parse(msg.text) : { ok: false, refused: true, title: msg.error, errors: [] };
    if (out.refused) {
      // Nothing could be read: the form, the saved answers and the result stay as they were.
      notice(root, el("p", { className: "zp-error-title", textContent: out.title }), problemList(root, out.errors));
      return;
    }
    const unread = [...(out.errors || []).filter((e) => !isMissing(e)), ...(out.warnings || []).filter((w) => w.code !== "derived_mismatch")];
    const details = unread.length ? [el("p", { textContent: root.dataset.msgReadFile }), problemList(root, unread)] : [];
    // What reading the file changed (an older format or rubric edition, a hand edit), said by Python.
    const notices = (out.notices || []).map((n) => el("li", { className: "zp-file-notice", textContent: n.message }));
    if (notices.length) details.unshift(el("ul", { className: "zp-file-notices" }, ...notices));
    replaceAll(out.answers, root.dataset.msgImported.replace("{file}", file.name), details);
  });

  const panel = assessmentPanel(root, rubric, lang, {
    id: () => assessment,
    open(rec) {
      assessment = rec?.id ?? null;
      store.setCurrent(rubric, assessment);
      extraMeta = apply(form, rec?.answers ?? {});
      if (assessment) store.save(assessment, { answers: current() }, false); // as the form reads them: opening is no change
      schedule(0);
    },
  });
  const saved = store.current(rubric);
  if (saved) {
    assessment = saved.id;
    extraMeta = apply(form, saved.answers);
    store.save(assessment, { answers: current() }, false);
  }
  panel.render();
  root.dataset.interactive = "1";
  root.dataset.tInteractive = performance.now().toFixed(1); // milestones for `make bench`
  stageListeners.clear();
  stageListeners.add(showStage);
  getWorker(root.dataset.wheel, root.dataset.runtime);
  showStage(bootState);
}

// The jump-to-result bar shows once the page has been scrolled (calculator.css): at the top of the
// page it would only cover the first fields of the form.
window.addEventListener(
  "scroll",
  () => {
    const root = document.getElementById("zp-calc");
    if (root) root.dataset.scrolled = window.scrollY > 0 ? "1" : "";
  },
  { passive: true },
);

function start() {
  if (window.document$) window.document$.subscribe(init); // instant navigation re-emits per page
  else init();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
