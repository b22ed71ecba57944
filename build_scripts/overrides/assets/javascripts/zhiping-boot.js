// Calculator pages: starts the scoring engine from the page head, before stylesheets and the body,
// so the worker boots Pyodide while the page is still loading; its messages are kept until app.mjs
// takes the worker over (window.zhipingBoot). A classic script, not a module: it also runs on a
// page opened from a file (file://), where browsers load neither module scripts nor WebAssembly,
// and there it shows the page's explanation instead of a form that would wait forever.
(function () {
  "use strict";
  var script = document.currentScript;
  if (location.protocol === "file:") {
    document.addEventListener("DOMContentLoaded", function () {
      var root = document.getElementById("zp-calc");
      if (!root) return;
      root.dataset.state = "error";
      root.dataset.stage = "file";
      var status = root.querySelector("[data-slot=status]");
      if (status) status.textContent = root.dataset.msgFile;
    });
    return;
  }
  var boot = {
    messages: [],
    worker: new Worker(new URL(script.dataset.worker, location.href), { type: "module" }),
  };
  boot.worker.onmessage = function (e) {
    boot.messages.push(e.data);
  };
  boot.worker.onerror = function (e) {
    boot.messages.push({ type: "error", message: e.message || "worker failed" });
  };
  boot.worker.postMessage({
    type: "boot",
    wheel: new URL(script.dataset.wheel, location.href).href,
    runtime: new URL(script.dataset.runtime, location.href).href,
  });
  window.zhipingBoot = boot;
})();
