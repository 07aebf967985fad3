/* Kennisbank: filters and sorting for the examples overview, both kept in the address
   (?theme=...&sort=-period), so a shared link shows the same list. Without JavaScript the full table stays. */
(function () {
  "use strict";
  var FILTERS = ["q", "theme", "org", "province", "tag"];

  function initTable(form, table, counter, empty) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var original = rows.slice();
    var total = rows.length;
    var heads = Array.prototype.slice.call(table.tHead.querySelectorAll("th[data-sort]"));
    var sort = { key: "", dir: 1 };  // "": the order of the page (by title)
    form.hidden = false;

    function has(row, attr, value, sep) {
      return !value || (row.getAttribute("data-" + attr) || "").split(sep).indexOf(value) >= 0;
    }
    function compare(key, dir) {
      return function (a, b) {
        var x = a.getAttribute("data-" + key) || "", y = b.getAttribute("data-" + key) || "";
        if (key === "period") {  // unknown periods last, in either direction
          if (!x || !y) return (!x) - (!y);
          return (x - y) * dir;
        }
        return x.localeCompare(y, "nl") * dir;
      };
    }
    function showSort() {
      heads.forEach(function (th) {
        var key = th.getAttribute("data-sort");
        var active = sort.key ? key === sort.key : key === "title";
        var dir = sort.key ? sort.dir : 1;
        if (active) th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
        var button = th.querySelector("button");
        if (button) button.title = (active && dir === 1 ? "Sorteer aflopend op " : "Sorteer oplopend op ") + button.textContent.toLowerCase();
      });
    }
    function sortRows() {
      rows = sort.key ? original.slice().sort(compare(sort.key, sort.dir)) : original.slice();
      rows.forEach(function (row) { body.appendChild(row); });
      showSort();
    }
    function writeUrl(values) {
      var next = new URLSearchParams();
      FILTERS.forEach(function (k) { if (values[k]) next.set(k, values[k]); });
      if (sort.key) next.set("sort", (sort.dir === -1 ? "-" : "") + sort.key);
      var query = next.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      document.dispatchEvent(new CustomEvent("kb:urlchange"));
    }
    function apply() {
      var values = {};
      FILTERS.forEach(function (k) { values[k] = form.elements[k].value.trim(); });
      var q = values.q.toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!q || row.getAttribute("data-title").indexOf(q) >= 0) &&
          has(row, "theme", values.theme, " ") && has(row, "org", values.org, " ") &&
          has(row, "province", values.province, "|") && has(row, "tag", values.tag, " ");
        row.hidden = !ok;
        if (ok) shown++;
      });
      counter.textContent = shown === total ? total + " praktijkvoorbeelden"
        : shown + " van de " + total + " praktijkvoorbeelden";
      empty.hidden = shown > 0;
      table.hidden = shown === 0;
      writeUrl(values);
    }

    // The state in the address: filters (unknown values are ignored) and sort=[-]key.
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var value = params.get(name);
      if (!value) return;
      var field = form.elements[name];
      field.value = value;
      if (field.value !== value) field.value = "";
    });
    var wanted = (params.get("sort") || "").replace(/^-/, "");
    if (heads.some(function (th) { return th.getAttribute("data-sort") === wanted; })) {
      sort = { key: wanted, dir: (params.get("sort") || "").charAt(0) === "-" ? -1 : 1 };
    }

    heads.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        var current = th.getAttribute("aria-sort") === "ascending" ? 1 : th.getAttribute("aria-sort") === "descending" ? -1 : 0;
        sort = { key: key, dir: current === 1 ? -1 : 1 };
        sortRows();
        apply();
      });
    });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    sortRows();
    apply();
    reveal();
  }

  // Show the page (overview-early.js hid it) once every deferred script ran, so that the share panel
  // (share.js) has its final address too: nothing moves after the first paint.
  function reveal() {
    function show() { document.documentElement.classList.remove("kb-restoring"); }
    var nav = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    if (document.readyState === "complete" || (nav && nav.domContentLoadedEventStart > 0)) show();
    else document.addEventListener("DOMContentLoaded", show);
  }

  // The Organisaties page: filter the grouped list on name and kind; empty groups disappear.
  function initOrganisations(form) {
    var groups = Array.prototype.slice.call(document.querySelectorAll(".kb-org-group"));
    var counter = document.querySelector("[data-kb-org-count]");
    var empty = document.querySelector("[data-kb-org-empty]");
    var total = document.querySelectorAll(".kb-org-group li[data-name]").length;
    form.hidden = false;
    function apply() {
      var q = form.elements.q.value.trim().toLowerCase(), kind = form.elements.kind.value, shown = 0;
      groups.forEach(function (group) {
        var inGroup = 0;
        Array.prototype.forEach.call(group.querySelectorAll("li[data-name]"), function (li) {
          var ok = (!kind || group.getAttribute("data-kind") === kind) && li.getAttribute("data-name").indexOf(q) >= 0;
          li.hidden = !ok;
          if (ok) inGroup++;
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
      });
      counter.textContent = shown === total ? total + " organisaties" : shown + " van de " + total + " organisaties";
      empty.hidden = shown > 0;
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
  }

  function init() {
    var orgs = document.querySelector("[data-kb-org-filter]");
    if (orgs) initOrganisations(orgs);
    var form = document.querySelector("[data-kb-filters]");
    var table = document.querySelector("[data-kb-table]");
    var counter = document.querySelector("[data-kb-count]");
    var empty = document.querySelector("[data-kb-empty]");
    if (form && table && counter && empty) initTable(form, table, counter, empty);
    else reveal();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
