// Runs Pyodide off the main thread. Boots in stages (runtime → package → ready), reporting each,
// then answers {id, fn, rubric, answers | bytes, lang} messages with the JSON text of zhiping.api's
// function `fn`: score_json (the default) or export_csv, nothing else.
// It knows nothing about any rubric: the Python package holds every rule and text.
import { loadPyodide } from "../pyodide/pyodide.mjs";

let api = null;
let pyodide = null;

async function fetchWheel(url) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  return resp.arrayBuffer();
}

async function boot(wheelUrl) {
  const indexURL = new URL("../pyodide/", import.meta.url).href;
  postMessage({ type: "stage", stage: "runtime" });
  const wheel = fetchWheel(wheelUrl); // in parallel with the runtime
  const py = await loadPyodide({ indexURL });
  pyodide = py;
  postMessage({ type: "stage", stage: "package" });
  const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
  py.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  api = py.pyimport("zhiping.api");
  postMessage({ type: "stage", stage: "ready" });
}

let booting = null;
const FUNCTIONS = new Set(["score_json", "export_csv"]); // what a page may call

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "boot") {
    booting ??= boot(msg.wheel).catch((err) => {
      postMessage({ type: "error", message: String(err && err.message ? err.message : err) });
      throw err;
    });
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
    } catch (err) {
      postMessage({ type: "result", id: msg.id, error: String(err) });
    }
  }
};
