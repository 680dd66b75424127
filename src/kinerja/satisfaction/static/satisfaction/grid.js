/* Paper-entry grid: typing a digit 1-4 jumps to the next cell, so a questionnaire is typed without the mouse. */
(function () {
  "use strict";
  var grid = document.getElementById("skm-grid");
  if (!grid) return;
  var cells = Array.prototype.slice.call(grid.querySelectorAll("tbody input"));
  grid.addEventListener("input", function (e) {
    var el = e.target;
    if (!el.classList.contains("skm-digit")) return;
    var ok = /^[1-4]?$/.test(el.value);
    el.classList.toggle("skm-bad", !ok);
    if (ok && el.value) {
      var next = cells[cells.indexOf(el) + 1];
      if (next) next.focus();
    }
  });
  grid.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || e.ctrlKey) return;
    var el = e.target;
    if (cells.indexOf(el) < 0) return;
    e.preventDefault();  // Enter moves to the next row; Ctrl+Enter saves
    var row = el.closest("tr").nextElementSibling;
    if (row) row.querySelector("input").focus();
  });
  grid.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.ctrlKey) grid.submit();
  });
})();
