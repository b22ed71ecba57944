// The assessments kept on this device: several per calculator, each {id, rubric, name, updated,
// result_summary, answers}, in this browser's localStorage and nowhere else. The one storage module
// of the calculator pages: app.mjs reads and writes assessments through it only.
//
// Key layout (version 2):
//   zhiping:v2:a:<id>            one assessment, as JSON
//   zhiping:v2:current:<rubric>  the id of the calculator's current assessment
// Version 1 kept one answers object per calculator at zhiping:<rubric>:answers; it becomes that
// calculator's first assessment the first time it is asked for (and the old key is removed).
//
// When storage is switched off (private windows, strict policies) the assessments live in this
// page's memory only, and `kept()` says so; a later write failure (quota) is reported once through
// `onFailure`. Nothing here knows a rubric: `rubric` is an opaque id given by the page.

const PREFIX = "zhiping:";
const V2 = `${PREFIX}v2:`;
const RECORD = `${V2}a:`;
const CURRENT = `${V2}current:`;
const ID = /^[a-z0-9]{4,32}$/;

// The backend: localStorage when it reads and writes, else a Map (forgotten with the page).
function pickBackend() {
  try {
    const ls = window.localStorage;
    const probe = `${V2}probe`;
    ls.setItem(probe, "1");
    ls.removeItem(probe);
    return { ls, kept: true };
  } catch {
    return { ls: null, kept: false };
  }
}

const memory = new Map();
let { ls, kept: isKept } = pickBackend();
const failureListeners = new Set();

function fail() {
  if (!isKept) return;
  isKept = false;
  failureListeners.forEach((fn) => fn());
}

const backend = {
  get(key) {
    if (!ls) return memory.get(key) ?? null;
    try {
      return ls.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    if (!ls) {
      memory.set(key, value);
      return;
    }
    try {
      ls.setItem(key, value);
    } catch {
      fail(); // full or switched off since: this change is not kept
    }
  },
  remove(key) {
    if (!ls) memory.delete(key);
    else {
      try {
        ls.removeItem(key);
      } catch {
        /* nothing to remove */
      }
    }
  },
  keys() {
    if (!ls) return [...memory.keys()];
    try {
      return Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k) => k !== null);
    } catch {
      return [];
    }
  },
};

/** True while what is saved here survives the page (localStorage works). */
export const kept = () => isKept;

/** Calls `fn` once storage stops keeping things (a write failed). */
export function onFailure(fn) {
  failureListeners.add(fn);
}

const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`.toLowerCase();

function parse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function read(id) {
  if (typeof id !== "string" || !ID.test(id)) return null;
  const rec = parse(backend.get(RECORD + id));
  if (!rec || rec.id !== id || typeof rec.rubric !== "string") return null;
  return {
    id,
    rubric: rec.rubric,
    name: typeof rec.name === "string" ? rec.name : "",
    updated: typeof rec.updated === "string" ? rec.updated : "",
    result_summary: typeof rec.result_summary === "string" ? rec.result_summary : "",
    answers: rec.answers && typeof rec.answers === "object" && !Array.isArray(rec.answers) ? rec.answers : {},
  };
}

const write = (rec) => backend.set(RECORD + rec.id, JSON.stringify(rec));

// Version 1's single answers object of this calculator becomes its first assessment.
function migrate(rubric) {
  const old = `${PREFIX}${rubric}:answers`;
  const text = backend.get(old);
  if (text === null) return;
  const answers = parse(text);
  if (answers && !backend.get(CURRENT + rubric) && !list(rubric, false).length) {
    const company = typeof answers.meta?.company === "string" ? answers.meta.company.slice(0, 100) : "";
    const rec = create(rubric, company, answers);
    rec.updated = new Date().toISOString();
    write(rec);
  }
  backend.remove(old);
}

/** The calculator's assessments without their answers, the latest change first. */
export function list(rubric, withMigration = true) {
  if (withMigration) migrate(rubric);
  return backend
    .keys()
    .filter((k) => k.startsWith(RECORD))
    .map((k) => read(k.slice(RECORD.length)))
    .filter((rec) => rec && rec.rubric === rubric)
    .map(({ answers, ...head }) => head)
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.name.localeCompare(b.name));
}

/** One assessment (with answers), or null. */
export const get = (id) => read(id);

/** The calculator's current assessment, or null when it has none. */
export function current(rubric) {
  migrate(rubric);
  const rec = read(backend.get(CURRENT + rubric));
  return rec && rec.rubric === rubric ? rec : null;
}

export function setCurrent(rubric, id) {
  if (id === null) backend.remove(CURRENT + rubric);
  else backend.set(CURRENT + rubric, id);
}

/** A new assessment (made the current one); returns it. */
export function create(rubric, name, answers = {}) {
  const rec = { id: newId(), rubric, name: String(name).slice(0, 100), updated: new Date().toISOString(), result_summary: "", answers };
  write(rec);
  setCurrent(rubric, rec.id);
  return rec;
}

/** Saves answers and/or the result summary; the last change moves only when the answers change
 * (and `touch` is true: false when the answers are only re-read, e.g. on opening). */
export function save(id, { answers, result_summary } = {}, touch = true) {
  const rec = read(id);
  if (!rec) return null;
  if (answers !== undefined && JSON.stringify(answers) !== JSON.stringify(rec.answers)) {
    rec.answers = answers;
    if (touch) rec.updated = new Date().toISOString();
  } else if (result_summary === undefined || result_summary === rec.result_summary) {
    return rec;
  }
  if (result_summary !== undefined) rec.result_summary = String(result_summary);
  write(rec);
  return rec;
}

export function rename(id, name) {
  const rec = read(id);
  if (!rec) return null;
  rec.name = String(name).slice(0, 100);
  rec.updated = new Date().toISOString();
  write(rec);
  return rec;
}

/** A copy under a new name (not made current); returns it. */
export function duplicate(id, name) {
  const rec = read(id);
  if (!rec) return null;
  const copy = { ...rec, id: newId(), name: String(name).slice(0, 100), updated: new Date().toISOString() };
  write(copy);
  return copy;
}

/** Deletes one assessment; returns it (for an undo through `restore`), or null. */
export function remove(id) {
  const rec = read(id);
  if (!rec) return null;
  backend.remove(RECORD + id);
  if (backend.get(CURRENT + rec.rubric) === id) backend.remove(CURRENT + rec.rubric);
  return rec;
}

export function restore(rec) {
  write(rec);
}

function settle(req) {
  return new Promise((resolve) => {
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Wipes everything this site keeps in the browser: every assessment of every calculator (and
 * version 1's answers), the engine snapshot (IndexedDB "zhiping-engine", kept by worker.mjs) and
 * the service worker's caches ("zhiping-site-…"). For shared computers. */
export async function clearDevice() {
  memory.clear();
  backend.keys().filter((k) => k.startsWith(PREFIX)).forEach((k) => backend.remove(k));
  try {
    if (window.indexedDB) await settle(indexedDB.deleteDatabase("zhiping-engine"));
  } catch {
    /* no IndexedDB here */
  }
  try {
    if (window.caches) for (const name of await caches.keys()) if (name.startsWith("zhiping-site-")) await caches.delete(name);
  } catch {
    /* no Cache Storage here */
  }
}
