/* Kennisbank: filters and sorting for the examples overview. Without JavaScript the full table stays. */
(function () {
  "use strict";
  function initTable(form, table, counter) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var total = rows.length;
    form.hidden = false;
    var params = new URLSearchParams(location.search);
    ["q", "theme", "org", "province", "tag"].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });
    function has(row, attr, value, sep) {
      return !value || (row.getAttribute("data-" + attr) || "").split(sep).indexOf(value) >= 0;
    }
    function apply() {
      var q = form.elements.q.value.trim().toLowerCase();
      var f = { theme: form.elements.theme.value, org: form.elements.org.value,
                province: form.elements.province.value, tag: form.elements.tag.value };
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!q || row.getAttribute("data-title").indexOf(q) >= 0) &&
          has(row, "theme", f.theme, " ") && has(row, "org", f.org, " ") &&
          has(row, "province", f.province, "|") && has(row, "tag", f.tag, " ");
        row.hidden = !ok;
        if (ok) shown++;
      });
      counter.textContent = shown === total ? total + " praktijkvoorbeelden"
        : shown + " van de " + total + " praktijkvoorbeelden";
      var next = new URLSearchParams();
      if (q) next.set("q", form.elements.q.value.trim());
      Object.keys(f).forEach(function (k) { if (f[k]) next.set(k, f[k]); });
      var query = next.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-sort]"), function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        table.tHead.querySelectorAll("th").forEach(function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
          return (key === "period" ? (x - y) : x.localeCompare(y, "nl")) * dir;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
    apply();
  }
  function init() {
    var form = document.querySelector("[data-kb-filters]");
    var table = document.querySelector("[data-kb-table]");
    var counter = document.querySelector("[data-kb-count]");
    if (form && table && counter) initTable(form, table, counter);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
