// Mission Workbench review: puts the comment counts beside the sections and items they concern.
// Every page works without this file; the review panel lists the same threads.
(function () {
  "use strict";

  function badge(href, count, label) {
    var link = document.createElement("a");
    link.className = "review-count";
    link.href = href;
    link.textContent = String(count);
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = " " + label;
    link.appendChild(hidden);
    return link;
  }

  function placeCounts() {
    document.querySelectorAll("[data-review-section]").forEach(function (row) {
      var target = document.getElementById(row.dataset.reviewSection);
      var count = Number(row.dataset.reviewCount || "0");
      if (!target || !count) { return; }
      var heading = target.matches("h1, h2") ? target : target.querySelector("h2");
      if (!heading || heading.querySelector(".review-count")) { return; }
      heading.appendChild(badge(row.dataset.reviewLink, count, count === 1 ? "open comment" : "open comments"));
    });
    document.querySelectorAll("[data-review-items] [data-item]").forEach(function (row) {
      var item = document.getElementById(row.dataset.item);
      var count = Number(row.dataset.count || "0");
      if (!item || !count || item.querySelector(".review-count")) { return; }
      var threads = document.querySelectorAll("[data-thread-target='" + row.dataset.item + "']");
      var first = threads.length ? "#" + threads[0].id : "#review";
      var holder = item.matches("tr") ? item.querySelector("th, td") : item;
      holder.appendChild(badge(first, count, count === 1 ? "open comment on this item" : "open comments on this item"));
      item.classList.add("has-review-comments");
    });
  }

  // A thread's target flashes when the thread is opened from a link, so the eye finds it on the canvas.
  function highlightTarget() {
    var hash = window.location.hash.slice(1);
    if (!hash) { return; }
    document.querySelectorAll(".review-target-highlight").forEach(function (el) { el.classList.remove("review-target-highlight"); });
    var thread = document.getElementById(hash);
    if (thread && thread.dataset.threadTarget) {
      var target = document.getElementById(thread.dataset.threadTarget);
      if (target) { target.classList.add("review-target-highlight"); }
    }
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-select-on-focus]")) { event.target.select(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    placeCounts();
    highlightTarget();
  });
  window.addEventListener("hashchange", highlightTarget);
})();
