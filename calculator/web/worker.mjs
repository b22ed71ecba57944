// Runs Pyodide off the main thread. Boots in stages (runtime → package → ready), reporting each,
// then answers {id, fn, rubric, answers | bytes, lang} messages with the JSON text of zhiping.api's
// function `fn`: score_json (the default), export_csv, export_json or report_json, nothing else.
// It knows nothing about any rubric: the Python package holds every rule and text.
//
// Repeat visits: once the page has its first result and the engine has been idle a moment, a second
// copy of this worker boots an engine of its own (never shown an answer: it only imports the
// package), and keeps its memory as a snapshot in this browser's IndexedDB, keyed by the Pyodide
// release and the package's digest. The next boot restores that snapshot instead of starting
// Python (about a tenth of the time). A snapshot that is missing, stale or unreadable is ignored and
// replaced: a broken store never blocks the engine. It never leaves the browser.

let api = null;
let pyodide = null;

const DB = "zhiping-engine";
const STORE = "snapshot";
const RECORD = "engine";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openStore(mode) {
  if (!self.indexedDB) return null;
  const open = indexedDB.open(DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  const db = await request(open);
  return { db, store: db.transaction(STORE, mode).objectStore(STORE) };
}

// Kept gzip-compressed (most of the interpreter's memory is empty): a fifth of the size, and
// quicker to read back and inflate than the raw bytes are to read.
async function piped(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

// The kept snapshot for this runtime and package, as a Blob (not read yet), or null.
async function findSnapshot(key) {
  try {
    const opened = await openStore("readonly");
    if (!opened) return null;
    const record = await request(opened.store.get(RECORD));
    opened.db.close();
    return record && record.key === key && record.gzip instanceof Blob ? record.gzip : null;
  } catch {
    return null;
  }
}

// Resolves once the write is committed: the maker is ended as soon as it reports, and a transaction
// still open then would be lost. A failure (no room, private mode, storage switched off) is thrown:
// the page is told the snapshot was not kept, and the next visit boots the long way.
async function writeSnapshot(key, bytes) {
  const gzip = new Blob([await piped(bytes, new CompressionStream("gzip"))]);
  const opened = await openStore("readwrite");
  if (!opened) throw new Error("no IndexedDB");
  const tx = opened.store.transaction;
  const committed = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("snapshot not written"));
  });
  opened.store.put({ key, gzip }, RECORD);
  await committed;
  opened.db.close();
}

async function fetchWheel(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  return resp.arrayBuffer();
}

// Set when this boot started the long way: the next visit's snapshot is then made once.
let snapshotJob = null;
let snapshotTimer = null;

async function startEngine(py, wheel) {
  // The package's files (its rubric data among them) live in the file system, which a memory
  // snapshot does not hold: unpacked on every boot.
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  py.unpackArchive(new Uint8Array(await wheel), "wheel", { extractDir: sitePackages });
  return py.pyimport("zhiping.api");
}

async function boot(wheelUrl, runtimeUrl) {
  const t0 = performance.now(); // the stages' durations go with "ready" (for `make bench`)
  const ms = {};
  postMessage({ type: "stage", stage: "runtime" });
  const wheel = fetchWheel(wheelUrl); // in parallel with the runtime
  const key = `${runtimeUrl} ${wheelUrl}`; // both URLs name their release
  const [{ loadPyodide }, saved] = await Promise.all([import(runtimeUrl), findSnapshot(key)]);
  const indexURL = new URL("./", runtimeUrl).href;
  let from = "start";
  let note = saved ? null : "no snapshot";
  if (saved) {
    try {
      // inflated while the runtime is fetched and compiled
      pyodide = await loadPyodide({ indexURL, _loadSnapshot: piped(saved, new DecompressionStream("gzip")) });
      postMessage({ type: "stage", stage: "package" });
      api = await startEngine(pyodide, wheel);
      from = "snapshot";
    } catch (err) {
      api = null; // a snapshot this runtime cannot restore: start afresh, and replace it
      note = String(err && err.message ? err.message : err).slice(0, 200);
    }
  }
  if (!api) {
    const t1 = performance.now();
    pyodide = await loadPyodide({ indexURL });
    ms.runtime = performance.now() - t1;
    postMessage({ type: "stage", stage: "package" });
    const t2 = performance.now();
    api = await startEngine(pyodide, wheel);
    ms.package = performance.now() - t2;
    if (self.indexedDB) snapshotJob = { wheel: wheelUrl, runtime: runtimeUrl, key };
  }
  ms.boot = performance.now() - t0;
  postMessage({ type: "stage", stage: "ready", from, note, ms });
}

// The snapshot maker (a second copy of this worker): boots, imports the package and every family,
// keeps its memory, and ends. Pyodide restores a snapshot into the memory a fresh runtime starts with, so a snapshot
// is kept only while the memory has not grown (the rubric data, read on the first result, would
// grow it: it is read after the restore).
async function makeSnapshot({ wheel, runtime, key }) {
  const wheelBytes = fetchWheel(wheel);
  const { loadPyodide } = await import(runtime);
  const py = await loadPyodide({ indexURL: new URL("./", runtime).href, _makeSnapshot: true });
  const memory = () => py._module?.HEAP8?.length ?? 0;
  const initial = memory();
  const engine = await startEngine(py, wheelBytes);
  engine.destroy();
  // A page imports only its own rubric's family; the snapshot holds them all, for every calculator.
  const families = py.pyimport("zhiping.families");
  families.load_all();
  families.destroy();
  if (!initial || memory() > initial) throw new Error(`memory grew from ${initial} to ${memory()}`);
  const bytes = py.makeMemorySnapshot();
  await writeSnapshot(key, bytes);
  return bytes.byteLength;
}

// Once, when the page has a result and the engine has been idle for a few seconds: never before
// the first result, never beside a burst of clicks (each one restarts the wait).
function scheduleSnapshot() {
  if (!snapshotJob) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    const job = { ...snapshotJob, type: "make-snapshot" };
    snapshotJob = null;
    const maker = new Worker(import.meta.url, { type: "module" });
    maker.onmessage = (event) => {
      postMessage({ type: "snapshot", ...event.data });
      maker.terminate();
    };
    maker.onerror = () => maker.terminate();
    maker.postMessage(job);
  }, 4000);
}

let booting = null;
const FUNCTIONS = new Set(["score_json", "export_csv", "export_json", "report_json"]); // what a page may call

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "boot") {
    booting ??= boot(msg.wheel, msg.runtime).catch((err) => {
      postMessage({ type: "error", message: String(err && err.message ? err.message : err) });
      throw err;
    });
    return;
  }
  if (msg.type === "make-snapshot") {
    makeSnapshot(msg).then(
      (bytes) => postMessage({ saved: true, bytes }),
      (err) => postMessage({ saved: false, error: String(err) }),
    );
    return;
  }
  if (msg.type === "score") {
    try {
      await booting;
      const t0 = performance.now();
      const fn = msg.fn ?? "score_json";
      if (!FUNCTIONS.has(fn)) throw new Error(`unknown function ${fn}`);
      // A file's bytes go to Python as they are: it decodes them strictly and bounds them.
      const answers = msg.bytes ? pyodide.toPy(new Uint8Array(msg.bytes)) : msg.answers;
      let text;
      try {
        text = api[fn](msg.rubric, answers, msg.lang);
      } finally {
        if (msg.bytes) answers.destroy();
      }
      postMessage({ type: "result", id: msg.id, text, ms: performance.now() - t0 });
      scheduleSnapshot();
    } catch (err) {
      postMessage({ type: "result", id: msg.id, error: String(err) });
    }
  }
};
