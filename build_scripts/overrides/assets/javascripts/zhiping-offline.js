// Every page: registers the site's service worker (site/sw.js, see calculator/web/sw.js), so that
// repeat visits and an unreachable server are served from this browser's cache. A page registers it
// once it has loaded; a calculator page once it shows its first result (calculator/web/app.mjs calls
// zhipingOffline.register), so that nothing competes with the engine's boot for the two cores of a
// modest machine. Browsers allow service workers on https and on localhost only; elsewhere (plain
// http on an intranet address, a file) this does nothing and the site works as before.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var sw = new URL(document.currentScript.dataset.sw, location.href);
  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register(sw, { scope: new URL("./", sw).pathname }).catch(function () {
      // not registered (storage off, a policy): the site works without it
    });
  }
  window.zhipingOffline = { register: register };
  window.addEventListener("load", function () {
    if (!document.getElementById("zp-calc")) register();
  });
})();
