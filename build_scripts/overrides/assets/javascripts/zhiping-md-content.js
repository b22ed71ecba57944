// Material for MkDocs 9.8.1's content scripts (partials/javascripts/content.html), moved to a file
// so the Content-Security-Policy allows no inline script: restore the linked content tab chosen
// on an earlier page (feature content.tabs.link), and check the tab a URL fragment names.
(function () {
  if (document.currentScript && document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs))
      e: for (var set of document.querySelectorAll(".tabbed-set")) {
        var labels = set.querySelector(".tabbed-labels");
        for (var tab of tabs)
          for (var label of labels.getElementsByTagName("label"))
            if (label.innerText.trim() === tab) {
              var input = document.getElementById(label.htmlFor);
              input.checked = true;
              continue e;
            }
      }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
