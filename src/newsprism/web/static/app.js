// newsprism web: scroll a cited span into view, sort tables. No inline script anywhere (CSP).
(function () {
  "use strict";
  function showCited(root) {
    var mark = (root || document).querySelector("mark.cited");
    if (mark) { mark.scrollIntoView({block: "center"}); }
  }
  document.addEventListener("DOMContentLoaded", function () { showCited(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    showCited(event.detail.target);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.cite");
    if (link) {
      document.querySelectorAll("a.cite.active").forEach(function (a) { a.classList.remove("active"); });
      link.classList.add("active");
    }
    var th = event.target.closest && event.target.closest("table.sortable th");
    if (!th) { return; }
    var table = th.closest("table"), body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var desc = !th.classList.contains("desc");
    th.parentNode.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
    th.classList.add(desc ? "desc" : "asc");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
      var c = x.localeCompare(y, undefined, {numeric: true});
      return desc ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
})();
