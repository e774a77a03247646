// Entry grid: Enter moves to the same column in the next row (Shift+Enter: the row above).
// Progressive enhancement: without this script the form works and Enter submits it.
(function () {
  "use strict";
  var table = document.querySelector(".entry-grid");
  if (!table) return;
  var form = table.closest("form");

  function sameColumn(field, step) {
    var column = field.getAttribute("data-col");
    var fields = Array.prototype.filter.call(
      table.querySelectorAll("[data-col='" + column + "']"),
      function (el) { return !el.disabled && el.type !== "hidden"; }
    );
    var index = fields.indexOf(field) + step;
    return index >= 0 && index < fields.length ? fields[index] : null;
  }

  table.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field.hasAttribute("data-col")) return;
    if (event.ctrlKey || event.metaKey) {
      // Ctrl+Enter saves, as Enter would without the script.
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
      return;
    }
    event.preventDefault();
    var next = sameColumn(field, event.shiftKey ? -1 : 1);
    if (next) {
      next.focus();
      if (next.select && next.type === "text") next.select();
    }
  });
})();
