// Replays scoring requests on Node with the npm Pyodide (no browser):
//   node tests/node/replay.mjs <pyodide dir> <wheel file> <requests.json>
// requests.json: [{"rubric", "lang", "text"}]; prints [result JSON text, ...] in the same order.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheelPath, requestsPath] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep });
const sitePackages = py.runPython("import site; site.getsitepackages()[0]");
const wheel = await readFile(wheelPath);
py.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "wheel", { extractDir: sitePackages });
const api = py.pyimport("zhiping.api");
const requests = JSON.parse(await readFile(requestsPath, "utf-8"));
const version = py.runPython("import sys; sys.version.split()[0]");
const out = requests.map((r) => api.score_json(r.rubric, r.text, r.lang));
process.stdout.write(JSON.stringify({ python: version, results: out }));
