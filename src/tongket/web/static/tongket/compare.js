// Comparison table: clicking a column header sorts the rows at once, in the page.
// Progressive enhancement: without this script each header is a link the server sorts by,
// and the address the script writes is that same link, so a reload keeps the order.
(function () {
  "use strict";
  var table = document.getElementById("bang-so-sanh");
  if (!table || !table.tBodies.length) return;
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;

  function valueOf(row, column, numeric) {
    var cell = row.cells[column];
    // A unit without figures spans the columns after its name: it has no value there.
    if (!cell || (column > 0 && row.cells.length < headers.length)) return null;
    var text = cell.getAttribute("data-v") || "";
    if (text === "") return null;
    return numeric ? parseFloat(text) : text;
  }

  function sortBy(column, descending) {
    var numeric = headers[column].getAttribute("data-key") === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = valueOf(a, column, numeric), y = valueOf(b, column, numeric);
      if (x === null || y === null) return (x === null) - (y === null);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(headers, function (th, column) {
    var link = th.querySelector("a");
    if (!link) return;
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      var current = th.getAttribute("aria-sort");
      var descending = current ? current === "ascending" : th.getAttribute("data-key") === "number";
      sortBy(column, descending);
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var sort = (descending ? "-" : "") + th.getAttribute("data-sort");
      var next = (descending ? "" : "-") + th.getAttribute("data-sort");
      var here = new URL(window.location.href);
      here.searchParams.set("sap-xep", sort);
      history.replaceState(null, "", here.toString());
      var again = new URL(link.href);
      again.searchParams.set("sap-xep", next);
      link.href = again.toString();
    });
  });
})();

