// Keyboard access to wide tables. Material wraps every content table in .md-typeset__scrollwrap at
// run time; when a table is wider than the page (phones) that wrapper scrolls sideways, and a
// keyboard user can only scroll what can take focus (WCAG 2.1.1). A wrapper that scrolls becomes a
// focusable region named after the heading above it; one that fits is left out of the Tab order.
// No text of its own: the name is the page's heading.
(function () {
  "use strict";
  const WRAP = ".md-typeset__scrollwrap";

  function headingBefore(node) {
    for (let n = node; n && !n.matches?.(".md-content__inner"); n = n.parentElement) {
      for (let s = n.previousElementSibling; s; s = s.previousElementSibling) {
        if (/^H[1-6]$/.test(s.tagName)) return s;
      }
    }
    return null;
  }

  const headingText = (h) => [...h.childNodes]
    .filter((n) => !n.classList?.contains("headerlink"))
    .map((n) => n.textContent).join("").trim();

  function update(wrap) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      const heading = headingBefore(wrap);
      if (heading) wrap.setAttribute("aria-label", headingText(heading));
    } else if (!scrolls && wrap.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach((a) => wrap.removeAttribute(a));
    }
  }

  const observer = "ResizeObserver" in window
    ? new ResizeObserver((entries) => entries.forEach((e) => update(e.target.closest(WRAP) || e.target)))
    : null;

  function mount() {
    document.querySelectorAll(WRAP).forEach((wrap) => {
      update(wrap);
      if (observer) {
        observer.observe(wrap);
        if (wrap.firstElementChild) observer.observe(wrap.firstElementChild);
      }
    });
  }

  if (window.document$) window.document$.subscribe(mount); // instant navigation re-emits per page
  else document.addEventListener("DOMContentLoaded", mount);
})();
