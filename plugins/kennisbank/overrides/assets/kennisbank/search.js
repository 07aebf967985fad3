/* Kennisbank: the search page (/zoeken/) on Pagefind's JavaScript API.

   The query and the chosen filters live in the URL (?q=...&thema=...&tag=...), so a result list can
   be copied into an invitation and opens the same way. Facet values travel as keys; the page carries
   their labels (search.vocabulary in Python). Pagefind loads only the index chunks a query needs. */
(function () {
  "use strict";

  var root = document.querySelector("[data-kb-search]");
  if (!root) return;

  var PAGE_SIZE = 10;        // results shown at once
  var DEBOUNCE_MS = 80;      // pause after the last keystroke before searching
  var FACET_PREVIEW = 6;     // facet values shown before "Toon alle"
  var WIDE = window.matchMedia("(min-width: 60em)");

  var vocab = JSON.parse(root.querySelector("[data-kb-search-vocabulary]").textContent);
  var FACETS = vocab.facets;
  var el = {
    form: root.querySelector("[data-kb-search-form]"),
    input: root.querySelector("[data-kb-search-input]"),
    status: root.querySelector("[data-kb-search-status]"),
    facets: root.querySelector("[data-kb-search-facets]"),
    facetList: root.querySelector("[data-kb-search-facet-list]"),
    chosenCount: root.querySelector("[data-kb-search-chosen-count]"),
    chosen: root.querySelector("[data-kb-search-chosen]"),
    results: root.querySelector("[data-kb-search-results]"),
    more: root.querySelector("[data-kb-search-more]"),
    help: root.querySelector("[data-kb-search-help]"),
    helpTitle: root.querySelector("[data-kb-search-help-title]"),
    tips: root.querySelector("[data-kb-search-tips]")
  };

  var state = { q: "", filters: {} };   // filters: facet name -> list of chosen keys
  var pagefind = null;                  // the Pagefind module once loaded
  var totals = {};                      // facet counts over the whole site
  var current = null;                   // the last search response shown
  var shown = 0;                        // results of `current` on screen
  var sequence = 0;                     // drops answers to searches that were overtaken
  var expanded = {};                    // facet name -> show all values

  /* ---------- small helpers ---------- */

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function label(facet, value) {
    var labels = vocab.labels[facet];
    return (labels && labels[value]) || value;
  }

  function plural(n, one, many) {
    return n.toLocaleString("nl-NL") + " " + (n === 1 ? one : many);
  }

  function quoted(text) {
    return "\u201c" + text + "\u201d";
  }

  function chosenCount() {
    return FACETS.reduce(function (n, name) { return n + (state.filters[name] || []).length; }, 0);
  }

  function pagefindFilters() {
    var filters = {};
    FACETS.forEach(function (name) {
      if ((state.filters[name] || []).length) filters[name] = state.filters[name].slice();
    });
    return filters;
  }

  // Pagefind's excerpt is text with <mark> around the matches; only those become markup here.
  function snippet(excerpt) {
    var p = h("p", { "class": "kb-result__snippet" });
    var decoder = document.createElement("textarea");
    (excerpt || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>/.test(part);
      decoder.innerHTML = part.replace(/<\/?mark>/g, "").replace(/</g, "&lt;");
      var text = decoder.value;
      if (!text) return;
      p.appendChild(marked ? h("mark", { text: text }) : document.createTextNode(text));
    });
    return p;
  }

  /* ---------- the URL ---------- */

  function readUrl() {
    var params = new URLSearchParams(location.search);
    state.q = params.get("q") || "";
    state.filters = {};
    FACETS.forEach(function (name) {
      var values = params.getAll(name).filter(function (v, i, all) { return v && all.indexOf(v) === i; });
      if (values.length) state.filters[name] = values;
    });
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    FACETS.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) { params.append(name, value); });
    });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);
  }

  /* ---------- searching ---------- */

  function search(immediately) {
    var id = ++sequence;
    var term = state.q.trim();
    writeUrl();
    renderChosen();
    if (!pagefind) return;
    if (!term && !chosenCount()) {
      showIdle();
      return;
    }
    var options = { filters: pagefindFilters() };
    var query = term || null;
    var pending = immediately ? pagefind.search(query, options) : pagefind.debouncedSearch(query, options, DEBOUNCE_MS);
    el.results.setAttribute("aria-busy", "true");
    pending.then(function (response) {
      if (!response || id !== sequence) return null;
      return firstPage(response).then(function (items) {
        if (id !== sequence) return;
        show(response, term, items);
      });
    }).catch(failed);
  }

  function firstPage(response) {
    return Promise.all(response.results.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }));
  }

  function show(response, term, items) {
    current = response;
    shown = 0;
    el.results.removeAttribute("aria-busy");
    el.results.textContent = "";
    appendResults(items);
    var count = response.results.length;
    el.status.textContent = statusText(count, term);
    renderFacets(response.filters);
    if (count === 0) showHelp(term, response);
    else el.help.hidden = true;
  }

  function statusText(count, term) {
    var filters = chosenCount();
    var withFilters = filters ? ", met " + plural(filters, "filter", "filters") : "";
    if (!term) return count
      ? plural(count, "pagina past", "pagina's passen") + " bij de gekozen filters."
      : "Geen pagina's bij de gekozen filters.";
    if (!count) return "Geen resultaten voor " + quoted(term) + withFilters + ".";
    return plural(count, "resultaat", "resultaten") + " voor " + quoted(term) + withFilters + ".";
  }

  function appendResults(items) {
    var first = null;
    items.forEach(function (data) {
      var meta = data.meta || {};
      var link = h("a", { href: data.url, "class": "kb-result__link", text: meta.title || data.url });
      var item = h("li", { "class": "kb-result" }, [
        h("p", { "class": "kb-result__kind", text: meta.soort || "" }),
        h("h2", { "class": "kb-result__title" }, [link])
      ]);
      if (meta.info) item.appendChild(h("p", { "class": "kb-result__info", text: meta.info }));
      item.appendChild(snippet(data.excerpt));
      var section = (data.sub_results || [])[0];
      if (section && section.url && section.url.indexOf("#") > 0 && section.title && section.title !== meta.title) {
        item.appendChild(h("p", { "class": "kb-result__section" }, [
          "Gevonden bij ", h("a", { href: section.url, text: section.title })
        ]));
      }
      el.results.appendChild(item);
      first = first || link;
    });
    shown += items.length;
    var total = current ? current.results.length : 0;
    el.more.hidden = shown >= total;
    el.more.textContent = "Meer resultaten (" + shown.toLocaleString("nl-NL") + " van " + total.toLocaleString("nl-NL") + " getoond)";
    return first;
  }

  function loadMore() {
    if (!current) return;
    var response = current;
    var next = response.results.slice(shown, shown + PAGE_SIZE);
    Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (response !== current) return;
      var first = appendResults(items);
      if (first) first.focus();
    }).catch(failed);
  }

  function failed(error) {
    el.results.removeAttribute("aria-busy");
    el.status.textContent = "Zoeken lukt nu niet. Probeer het opnieuw of blader via de thema's.";
    el.help.hidden = false;
    el.helpTitle.textContent = "";
    el.tips.textContent = "";
    if (window.console && error) console.warn("Kennisbank-zoeken:", error);
  }

  /* ---------- idle and empty states ---------- */

  function showIdle() {
    current = null;
    shown = 0;
    el.results.removeAttribute("aria-busy");
    el.results.textContent = "";
    el.more.hidden = true;
    el.status.textContent = "Typ een zoekwoord of kies een filter.";
    renderFacets(totals);
    el.help.hidden = false;
    el.helpTitle.textContent = "";
    el.tips.textContent = "";
  }

  function tipLink(text, params) {
    var link = h("a", { href: "?" + new URLSearchParams(params).toString(), text: text });
    link.addEventListener("click", function (event) {
      event.preventDefault();
      history.replaceState(null, "", link.getAttribute("href"));
      readUrl();
      el.input.value = state.q;
      search(true);
      el.input.focus();
    });
    return link;
  }

  function currentParams(q) {
    var params = [];
    if (q) params.push(["q", q]);
    FACETS.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) { params.push([name, value]); });
    });
    return params;
  }

  function showHelp(term, response) {
    el.help.hidden = false;
    el.helpTitle.textContent = "Geen resultaten voor " + (term ? quoted(term) : "deze filters") + " \u2014 probeer:";
    el.tips.textContent = "";
    var tips = [];
    if (chosenCount()) {
      var clear = h("button", { type: "button", "class": "kb-search__link-button", text: "wis alle filters" });
      clear.addEventListener("click", function () { state.filters = {}; search(true); el.input.focus(); });
      var without = term && response.unfilteredResultCount
        ? " (zonder filters: " + plural(response.unfilteredResultCount, "resultaat", "resultaten") + ")" : "";
      tips.push(["Minder filters: haal een filter weg of ", clear, without + "."]);
    }
    var words = term ? term.split(/\s+/).filter(Boolean) : [];
    if (words.length > 1) {
      var parts = ["Minder woorden: zoek alleen op "];
      words.slice(0, 4).forEach(function (word, i) {
        if (i) parts.push(i === Math.min(words.length, 4) - 1 ? " of " : ", ");
        parts.push(tipLink(word, currentParams(word)));
      });
      parts.push(".");
      tips.push(parts);
    }
    words.forEach(function (word) {
      var tag = vocab.synonyms[word.toLowerCase()];
      if (tag && !(state.filters.tag || []).length) {
        tips.push(["Alles met de tag ", tipLink(label("tag", tag), [["tag", tag]]), "."]);
      }
    });
    var longest = words.slice().sort(function (a, b) { return b.length - a.length; })[0];
    if (longest && longest.length >= 6) {
      var start = longest.slice(0, Math.max(4, Math.ceil(longest.length * 0.6)));
      var others = term.replace(longest, start);
      tips.push(["Een andere woordvorm of alleen het begin van een woord, zoals ",
                 tipLink(start, currentParams(others)), "."]);
    } else if (term) {
      tips.push(["Een ander woord met dezelfde betekenis."]);
    }
    tips.forEach(function (parts) { el.tips.appendChild(h("li", {}, parts)); });
  }

  /* ---------- facets ---------- */

  function renderFacets(counts) {
    counts = counts || {};
    var focused = document.activeElement;
    var focusKey = focused && focused.name && focused.closest && focused.closest("[data-kb-search-facet-list]")
      ? focused.name + "=" + focused.value : null;
    el.facetList.textContent = "";
    FACETS.forEach(function (name) {
      var chosen = state.filters[name] || [];
      var values = Object.keys(counts[name] || {}).filter(function (v) {
        return counts[name][v] > 0 || chosen.indexOf(v) >= 0;
      });
      chosen.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      if (!values.length) return;
      values.sort(facetOrder(name, counts[name] || {}));
      var all = expanded[name] || values.length <= FACET_PREVIEW + 2;
      var list = h("ul", { "class": "kb-facet__values" });
      values.forEach(function (value, i) {
        var on = chosen.indexOf(value) >= 0;
        if (!all && i >= FACET_PREVIEW && !on) return;
        var n = (counts[name] || {})[value] || 0;
        var box = h("input", { type: "checkbox", name: name, value: value, checked: on ? "checked" : null });
        box.checked = on;
        list.appendChild(h("li", {}, [h("label", { "class": "kb-facet__value" }, [
          box, h("span", { "class": "kb-facet__label", text: label(name, value) }),
          h("span", { "class": "kb-facet__count", text: n.toLocaleString("nl-NL") })
        ])]));
      });
      var set = h("fieldset", { "class": "kb-facet" }, [h("legend", { text: vocab.facetLabels[name] || name }), list]);
      if (values.length > FACET_PREVIEW + 2) {
        var toggle = h("button", {
          type: "button", "class": "kb-facet__toggle", "aria-expanded": all ? "true" : "false",
          text: all ? "Toon minder" : "Toon alle " + values.length
        });
        toggle.addEventListener("click", function () {
          expanded[name] = !expanded[name];
          renderFacets(counts);
          var again = el.facetList.querySelector("[data-facet-toggle='" + name + "']");
          if (again) again.focus();
        });
        toggle.setAttribute("data-facet-toggle", name);
        set.appendChild(toggle);
      }
      el.facetList.appendChild(set);
    });
    el.facets.hidden = !el.facetList.childNodes.length;
    if (focusKey) {
      var again = el.facetList.querySelector("input[name='" + focusKey.split("=")[0] + "'][value='" +
        focusKey.slice(focusKey.indexOf("=") + 1).replace(/'/g, "\\'") + "']");
      if (again) again.focus();
    }
  }

  function facetOrder(name, counts) {
    var order = Object.keys(vocab.labels[name] || {});
    return function (a, b) {
      if (name === "jaar") return Number(b) - Number(a);
      if (name === "soort" || name === "thema") return order.indexOf(a) - order.indexOf(b);
      return (counts[b] || 0) - (counts[a] || 0) || label(name, a).localeCompare(label(name, b), "nl");
    };
  }

  function renderChosen() {
    var n = chosenCount();
    el.chosenCount.textContent = n ? "(" + n + " gekozen)" : "";
    el.chosen.textContent = "";
    el.chosen.hidden = !n;
    if (!n) return;
    FACETS.forEach(function (name) {
      (state.filters[name] || []).forEach(function (value) {
        var text = (vocab.facetLabels[name] || name) + ": " + label(name, value);
        var button = h("button", { type: "button", "class": "kb-chip kb-search__remove", "aria-label": "Filter " + text + " weghalen" }, [
          text, h("span", { "aria-hidden": "true", text: " \u00d7" })
        ]);
        button.addEventListener("click", function () { toggleFilter(name, value, false); el.input.focus(); });
        el.chosen.appendChild(h("li", {}, [button]));
      });
    });
    var clear = h("button", { type: "button", "class": "kb-search__link-button", text: "Wis alle filters" });
    clear.addEventListener("click", function () { state.filters = {}; search(true); el.input.focus(); });
    el.chosen.appendChild(h("li", {}, [clear]));
  }

  function toggleFilter(name, value, on) {
    var values = (state.filters[name] || []).filter(function (v) { return v !== value; });
    if (on) values.push(value);
    if (values.length) state.filters[name] = values;
    else delete state.filters[name];
    search(true);
  }

  /* ---------- keyboard ---------- */

  function resultLinks() {
    return Array.prototype.slice.call(el.results.querySelectorAll(".kb-result__link"));
  }

  el.input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && resultLinks().length) {
      event.preventDefault();
      resultLinks()[0].focus();
    }
  });

  el.results.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : el.input).focus();
  });

  /* ---------- wiring ---------- */

  el.input.addEventListener("input", function () {
    state.q = el.input.value;
    search(false);
  });
  el.form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.q = el.input.value;
    search(true);
  });
  el.facetList.addEventListener("change", function (event) {
    var box = event.target;
    if (box && box.type === "checkbox") toggleFilter(box.name, box.value, box.checked);
  });
  el.more.addEventListener("click", loadMore);
  el.facets.open = WIDE.matches;

  readUrl();
  el.input.value = state.q;
  renderChosen();
  if (!state.q) el.input.focus();
  el.status.textContent = state.q || chosenCount() ? "Zoeken\u2026" : "";

  var bundle = new URL(root.getAttribute("data-pagefind"), location.href).href;
  import(bundle).then(function (module) {
    pagefind = module;
    return pagefind.options({ excerptLength: 28 });
  }).then(function () {
    return pagefind.init();
  }).then(function () {
    // Loads every facet once, so each search can tell how many results a filter would leave.
    return pagefind.filters();
  }).then(function (all) {
    totals = all || {};
    search(true);
  }).catch(function (error) {
    el.status.textContent = "Zoeken is nu niet beschikbaar: de zoekindex ontbreekt of kon niet laden.";
    el.help.hidden = false;
    if (window.console) console.warn("Kennisbank-zoeken:", error);
  });
})();
