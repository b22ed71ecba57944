// Every page: registers the site's service worker (site/sw.js, see calculator/web/sw.js) once the
// page has loaded, so that repeat visits and an unreachable server are served from this browser's
// cache. Browsers allow service workers on https and on localhost only; elsewhere (plain http on an
// intranet address, a file) this does nothing and the site works as before.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var sw = new URL(document.currentScript.dataset.sw, location.href);
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(sw, { scope: new URL("./", sw).pathname }).catch(function () {
      // not registered (storage off, a policy): the site works without it
    });
  });
})();
