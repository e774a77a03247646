// "Thêm dòng": copy the last empty row of a table of rows; the form works without it.
(function () {
  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    var body = button.closest("fieldset, form").querySelector("[data-rows]");
    if (!body) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var last = body.rows[body.rows.length - 1];
      var row = last.cloneNode(true);
      row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
      row.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
      row.querySelectorAll(".error").forEach(function (error) { error.remove(); });
      row.classList.remove("invalid");
      var number = row.querySelector(".num");
      if (number) number.textContent = String(body.rows.length + 1);
      body.appendChild(row);
      var first = row.querySelector("input");
      if (first) first.focus();
    });
  });
})();
