// Material for MkDocs 9.8.1's head script (partials/javascripts/base.html), moved to a file so the
// Content-Security-Policy allows no inline script. Same globals, same storage keys: the scope is
// the site root, two folders above this file (Material's default is base_url, the same root).
/* eslint-disable no-global-assign */
__md_scope = new URL("../../", document.currentScript.src);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};
