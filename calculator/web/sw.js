// The site's service worker: repeat visits and an unreachable server are served from this browser's
// cache. Written to site/sw.js by build_scripts/offline_cache.py, which puts the build's version, the
// immutable URL patterns (those of build_scripts/site_server.py) and the calculator runtime's files
// into BUILD below; a new build is a new sw.js, whose cache replaces the old one on activation.
//
// - Immutable files (the Pyodide runtime in its release folder, Material's hashed bundles, URLs with
//   ?v=<digest>): from the cache, else fetched and kept.
// - Everything else (pages, search index, app scripts): from the network, kept as it arrives; from
//   the cache only when the network fails.
// - A calculator page, once it shows a result, asks to keep the runtime ("keep"): the files come
//   from the browser's HTTP cache, so nothing is downloaded twice.
// Every failure of the cache falls through to the network: a broken cache never blocks a page.
// It sees only this site's own GET requests, and stores only what the site served.

const BUILD = self.ZHIPING_BUILD ?? { version: "dev", immutable: [], keep: [] };
const PREFIX = "zhiping-site-";
const CACHE = PREFIX + BUILD.version;
const SCOPE = new URL(self.registration.scope);
const IMMUTABLE = BUILD.immutable.map((source) => new RegExp(source));

function isImmutable(url) {
  if (/(?:^|&)v=[^&]+/.test(url.search.slice(1))) return true;
  const path = "/" + url.pathname.slice(SCOPE.pathname.length);
  return IMMUTABLE.some((re) => re.test(path));
}

async function keep(cache, request, response) {
  if (response.ok && response.type === "basic") {
    try {
      await cache.put(request, response);
    } catch {
      // quota or a storage error: the page is served all the same
    }
  }
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  if (isImmutable(url)) {
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    keep(cache, request, response.clone());
    return response;
  }
  try {
    const response = await fetch(request);
    keep(cache, request, response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || request.headers.has("range") || !url.href.startsWith(SCOPE.href)) return;
  event.respondWith(respond(request, url).catch(() => fetch(request)));
});

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep") return;
  event.waitUntil(
    (async () => {
      let kept = 0;
      try {
        const cache = await caches.open(CACHE);
        for (const path of BUILD.keep) {
          const url = new URL(path, SCOPE).href;
          if (!(await cache.match(url))) {
            const response = await fetch(url);
            if (!response.ok) continue;
            await cache.put(url, response);
          }
          kept += 1;
        }
      } catch {
        // not kept: the next visit fetches what is missing
      }
      event.source?.postMessage({ type: "kept", files: kept, of: BUILD.keep.length, version: BUILD.version });
    })(),
  );
});
