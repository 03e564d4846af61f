// Mission Workbench: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function renumber(list) {
    // Formset ORDER fields follow the order on screen, so a reorder survives the save.
    list.querySelectorAll("[data-item-row]").forEach(function (row, index) {
      var order = row.querySelector("input[name$='-ORDER']");
      if (order) { order.value = String(index + 1); }
    });
  }

  function announce(form, text) {
    var region = form.querySelector("[data-announce]");
    if (region) { region.textContent = text; }
  }

  function markDirty(form) {
    if (form.dataset.dirty === "1") { return; }
    form.dataset.dirty = "1";
    var note = form.querySelector("[data-dirty-note]");
    if (note) { note.hidden = false; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-move]");
    if (!button) { return; }
    var row = button.closest("[data-item-row]");
    var list = row && row.parentElement;
    if (!list) { return; }
    var up = button.dataset.move === "up";
    var sibling = up ? row.previousElementSibling : row.nextElementSibling;
    while (sibling && !sibling.matches("[data-item-row]")) {
      sibling = up ? sibling.previousElementSibling : sibling.nextElementSibling;
    }
    if (!sibling) { announce(row.closest("form"), up ? "Already first." : "Already last."); return; }
    if (up) { list.insertBefore(row, sibling); } else { list.insertBefore(sibling, row); }
    renumber(list);
    button.focus();
    var form = row.closest("form");
    markDirty(form);
    announce(form, up ? "Moved up." : "Moved down.");
  });

  document.addEventListener("change", function (event) {
    var form = event.target.closest("form[data-editor]");
    if (!form) { return; }
    markDirty(form);
    if (event.target.matches("[data-remove]")) {
      event.target.closest("[data-item-row]").classList.toggle("is-removed", event.target.checked);
    }
  });

  document.addEventListener("input", function (event) {
    var form = event.target.closest("form[data-editor]");
    if (form) { markDirty(form); }
  });

  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-editor]")) { event.target.dataset.submitting = "1"; }
  });

  window.addEventListener("beforeunload", function (event) {
    var form = document.querySelector("form[data-editor]");
    if (form && form.dataset.dirty === "1" && form.dataset.submitting !== "1") {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-remove]:checked").forEach(function (box) {
      box.closest("[data-item-row]").classList.add("is-removed");
    });
  });
})();
