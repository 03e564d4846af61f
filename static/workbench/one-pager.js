// "Preparing your one-pager": when the status polled by htmx says ready, start the download.
// Without this file (or without JavaScript) the page's own links do the same by hand.
(function () {
  "use strict";
  function start(root) {
    var link = root && root.querySelector && root.querySelector("[data-download-start]");
    if (link && !link.dataset.started) {
      link.dataset.started = "1";
      window.location.assign(link.href);
    }
  }
  document.addEventListener("htmx:afterSettle", function () { start(document); });
  document.addEventListener("DOMContentLoaded", function () { start(document); });
})();
