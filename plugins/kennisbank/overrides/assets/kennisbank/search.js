/* Kennisbank: the search page (/zoeken/) on Pagefind's JavaScript API.

   The query and the chosen filters live in the URL (?q=...&thema=...&tag=...), so a result list can
   be copied into an invitation and opens the same way. Facet values travel as keys; the page carries
   their labels (search.vocabulary in Python).

   Within one facet group, ticked values combine with "or" (any of them); groups combine with "and".
   The counts of a group are those of the results without that group's own choice, so unticked values
   keep their counts and can be added.

   Pagefind downloads only the index chunks a query needs. Two things would download much more on a
   large site, so they are kept small here:
   - facet counts need that facet's whole filter chunk: a facet group is loaded when it is opened;
     on a small site every group is open and loaded at once;
   - a search without words needs every index chunk: on a large site the page asks for a word
     instead (a tag or theme page lists everything with that tag or theme anyway);
   - Dutch function words ("de", "het", ...) and the site's words on nearly every page match almost
     everything: beside other words they are left out (the status line names the latter). */
(function () {
  "use strict";

  var root = document.querySelector("[data-kb-search]");
  if (!root || !window.KennisbankSearch) return;
  var core = window.KennisbankSearch;
  var h = core.h;

  var PAGE_SIZE = 10;        // results shown at once
  var MIN_LETTERS = 3;       // while typing, shorter words are not searched yet (Enter does search them)
  var FACET_PREVIEW = 6;     // facet values shown before "Toon alle"
  var BROWSE_LIMIT = 400;    // up to this many indexed pages, filters alone (no words) list results
  var WIDE = window.matchMedia("(min-width: 60em)");

  var vocab = JSON.parse(root.querySelector("[data-kb-search-vocabulary]").textContent);
  var FACETS = vocab.facets;
  // Dutch function words, and the words on nearly every page of this site (both from search.py):
  // they slow a search down and narrow or rank nothing.
  var STOP_WORDS = vocab.stopWords || [];
  var COMMON_WORDS = vocab.commonWords || [];
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
  var browsable = false;                // small site: filters alone list results, all facets loaded
  var loaded = {};                      // facet name -> its filter chunk is loaded
  var open = {};                        // facet name -> its group is open
  var counts = {};                      // facet counts on screen
  var current = null;                   // the search response on screen
  var shown = 0;                        // results of `current` on screen
  var searches = core.Searches();       // one search at a time, the latest only (search-core.js)
  var showAll = {};                     // facet name -> show every value

  /* ---------- small helpers ---------- */

  function label(facet, value) {
    var labels = vocab.labels[facet];
    return (labels && labels[value]) || value;
  }

  function number(n) {
    return n.toLocaleString("nl-NL");
  }

  function plural(n, one, many) {
    return number(n) + " " + (n === 1 ? one : many);
  }

  function quoted(text) {
    return "\u201c" + text + "\u201d";
  }

  function chosenNames() {
    return FACETS.filter(function (name) { return (state.filters[name] || []).length; });
  }

  function chosenCount() {
    return chosenNames().reduce(function (n, name) { return n + state.filters[name].length; }, 0);
  }

  // The chosen filters as Pagefind's: any of the values within a group, every group (all). `except`
  // leaves one group out, for that group's counts.
  function pagefindFilters(except) {
    var filters = {};
    chosenNames().forEach(function (name) {
      if (name !== except) filters[name] = { any: state.filters[name].slice() };
    });
    return filters;
  }

  function searchQuery(q) {
    return core.query(q, STOP_WORDS, COMMON_WORDS);
  }

  function snippet(excerpt) {
    return core.snippet(excerpt, "kb-result__snippet");
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
    // The share panel follows the address (share.js), also after tipLink set it itself.
    document.dispatchEvent(new CustomEvent("kb:urlchange"));
  }

  /* ---------- searching ---------- */

  // Load the filter chunks of open and chosen facets that are not loaded yet, with the term's own chunks.
  function loadFacets(term) {
    var missing = {};
    FACETS.forEach(function (name) {
      if ((open[name] || (state.filters[name] || []).length) && !loaded[name]) missing[name] = [];
    });
    var names = Object.keys(missing);
    if (!names.length || !term) return Promise.resolve();
    return pagefind.preload(term, { filters: missing }).then(function () {
      names.forEach(function (name) { loaded[name] = true; });
    });
  }

  // While typing, wait for a pause (search-core.js: Searches); a click or Enter searches at once.
  function search(immediately) {
    searches.cancel();
    writeUrl();
    renderChosen();
    if (!pagefind) return;
    var query = searchQuery(state.q);
    var term = query.term;
    if (!term && !chosenCount()) return showIdle();
    if (!term && !browsable) return askForWord();
    if (!immediately && term.replace(/\s/g, "").length < MIN_LETTERS) {
      clearResults();
      el.help.hidden = true;
      el.status.textContent = "Typ verder: zoeken begint bij " + MIN_LETTERS + " letters (of druk op Enter).";
      return;
    }
    searches.schedule(function (id) { return run(id, query); },
      immediately ? { now: true } : { pagefind: pagefind, term: term });
  }

  function run(id, query) {
    el.results.setAttribute("aria-busy", "true");
    return loadFacets(query.term).then(function () {
      return searches.current(id) ? pagefind.search(query.term || null, { filters: pagefindFilters() }) : null;
    }).then(function (response) {
      if (!response || !searches.current(id)) return null;
      return firstPage(response).then(function (items) {
        if (!searches.current(id)) return null;
        show(response, query, items);
        return groupCounts(query.term, response).then(function (facetCounts) {
          if (searches.current(id)) renderFacets(facetCounts);
        });
      });
    }).catch(failed);
  }

  // Counts per facet value. Pagefind counts a value "in addition to" the chosen filters; that is right
  // for a group without a choice. A group with a choice is counted without its own choice: with one
  // such group that is Pagefind's totalFilters, with more it takes one search per group.
  function groupCounts(term, response) {
    var facetCounts = Object.assign({}, response.filters || {});
    var names = chosenNames();
    if (names.length === 1) {
      var alone = term ? response.totalFilters : counts.total;
      facetCounts[names[0]] = (alone || {})[names[0]] || facetCounts[names[0]];
      return Promise.resolve(facetCounts);
    }
    return Promise.all(names.map(function (name) {
      return pagefind.search(term || null, { filters: pagefindFilters(name) });
    })).then(function (answers) {
      names.forEach(function (name, i) {
        if (answers[i] && answers[i].filters && answers[i].filters[name]) facetCounts[name] = answers[i].filters[name];
      });
      return facetCounts;
    });
  }

  function firstPage(response) {
    return Promise.all(response.results.slice(0, PAGE_SIZE).map(function (r) { return r.data(); }));
  }

  function show(response, query, items) {
    current = response;
    shown = 0;
    el.results.removeAttribute("aria-busy");
    el.results.textContent = "";
    appendResults(items);
    var count = response.results.length;
    el.status.textContent = statusText(count, query.typed) + skippedText(query.skipped);
    if (count === 0) showHelp(query.typed, response);
    else el.help.hidden = true;
  }

  // Words left out because they are on nearly every page: said, so a reader knows why.
  function skippedText(words) {
    if (!words || !words.length) return "";
    var list = words.map(quoted).join(" en ");
    return " " + list + (words.length === 1 ? " staat" : " staan") + " op bijna elke pagina en " +
      (words.length === 1 ? "is" : "zijn") + " daarom overgeslagen.";
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
      var facets = data.filters || {};
      var kind = (facets.soort || [])[0];
      // Examples carry their own line (who, when); a lesson shows its theme.
      var info = meta.info || (kind === "les" && (facets.thema || []).length ? label("thema", facets.thema[0]) : "");
      var link = h("a", { href: data.url, "class": "kb-result__link", text: meta.title || data.url });
      var item = h("li", { "class": "kb-result" }, [
        h("p", { "class": "kb-result__kind", text: kind ? label("soort", kind) : "" }),
        h("h2", { "class": "kb-result__title" }, [link])
      ]);
      if (info) item.appendChild(h("p", { "class": "kb-result__info", text: info }));
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
    el.more.textContent = "Meer resultaten (" + number(shown) + " van " + number(total) + " getoond)";
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

  function clearResults() {
    current = null;
    shown = 0;
    el.results.removeAttribute("aria-busy");
    el.results.textContent = "";
    el.more.hidden = true;
  }

  function failed(error) {
    el.results.removeAttribute("aria-busy");
    el.status.textContent = "Zoeken lukt nu niet. Probeer het opnieuw of blader via de thema's.";
    el.help.hidden = false;
    el.helpTitle.textContent = "";
    el.tips.textContent = "";
    if (window.console && error) console.warn("Kennisbank-zoeken:", error);
  }

  /* ---------- states without results ---------- */

  function showIdle() {
    clearResults();
    el.status.textContent = browsable ? "Typ een zoekwoord of kies een filter." : "Typ een zoekwoord.";
    renderFacets(browsable ? counts.total || {} : null);
    el.help.hidden = false;
    el.helpTitle.textContent = "";
    el.tips.textContent = "";
  }

  // A large site with filters but no words: searching would download the whole index.
  function askForWord() {
    clearResults();
    var names = chosenNames().map(function (name) {
      return state.filters[name].map(function (v) { return label(name, v); }).join(", ");
    });
    el.status.textContent = "Typ een zoekwoord om te zoeken binnen " + names.join(" en ") + ".";
    renderFacets(null);
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
    var params = q ? [["q", q]] : [];
    chosenNames().forEach(function (name) {
      state.filters[name].forEach(function (value) { params.push([name, value]); });
    });
    return params;
  }

  function clearFiltersButton(text) {
    var button = h("button", { type: "button", "class": "kb-search__link-button", text: text });
    button.addEventListener("click", function () { state.filters = {}; search(true); el.input.focus(); });
    return button;
  }

  function showHelp(term, response) {
    el.help.hidden = false;
    el.helpTitle.textContent = "Geen resultaten voor " + (term ? quoted(term) : "deze filters") + " \u2014 probeer:";
    el.tips.textContent = "";
    var tips = [];
    if (chosenCount()) {
      var without = term && response.unfilteredResultCount
        ? " (zonder filters: " + plural(response.unfilteredResultCount, "resultaat", "resultaten") + ")" : "";
      tips.push(["Minder filters: haal een filter weg of ", clearFiltersButton("wis alle filters"), without + "."]);
    }
    var words = term ? term.split(/\s+/).filter(Boolean) : [];
    if (words.length > 1) {
      var parts = ["Minder woorden: zoek alleen op "];
      var few = words.slice(0, 4);
      few.forEach(function (word, i) {
        if (i) parts.push(i === few.length - 1 ? " of " : ", ");
        parts.push(tipLink(word, currentParams(word)));
      });
      parts.push(".");
      tips.push(parts);
    }
    words.forEach(function (word) {
      var tag = vocab.synonyms[word.toLowerCase()];
      if (tag && (state.filters.tag || []).indexOf(tag) < 0) {
        tips.push(["Alles met de tag ", tipLink(label("tag", tag), [["tag", tag]]), "."]);
      }
    });
    var longest = words.slice().sort(function (a, b) { return b.length - a.length; })[0];
    if (longest && longest.length >= 6) {
      var start = longest.slice(0, Math.max(4, Math.ceil(longest.length * 0.6)));
      tips.push(["Een andere woordvorm of alleen het begin van een woord, zoals ",
                 tipLink(start, currentParams(term.replace(longest, start))), "."]);
    } else if (term) {
      tips.push(["Een ander woord met dezelfde betekenis."]);
    }
    tips.forEach(function (parts) { el.tips.appendChild(h("li", {}, parts)); });
  }

  /* ---------- facets ---------- */

  // Remember which control had focus, so a redraw does not throw a keyboard user back to the top.
  function focusKey() {
    var node = document.activeElement;
    if (!node || !el.facetList.contains(node)) return null;
    return node.getAttribute("data-key");
  }

  function restoreFocus(key) {
    if (!key) return;
    var nodes = el.facetList.querySelectorAll("[data-key]");
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getAttribute("data-key") === key) { nodes[i].focus(); return; }
    }
  }

  // facetCounts: value counts per facet, or null to hide the facets.
  function renderFacets(facetCounts) {
    var key = focusKey();
    counts = facetCounts ? Object.assign({ total: counts.total }, facetCounts) : { total: counts.total };
    el.facetList.textContent = "";
    if (!facetCounts) {
      el.facets.hidden = true;
      return;
    }
    FACETS.forEach(function (name) {
      var chosen = state.filters[name] || [];
      var known = facetCounts[name];
      // A facet none of these results has (organisations of lessons, say) is left out.
      if (known && !chosen.length && !Object.keys(known).some(function (v) { return known[v] > 0; })) return;
      var isOpen = !!open[name] || chosen.length > 0;
      var legend = (vocab.facetLabels[name] || name);
      var toggle = h("button", {
        type: "button", "class": "kb-facet__heading", "aria-expanded": isOpen ? "true" : "false",
        "data-key": "open:" + name
      }, [legend, chosen.length ? h("span", { "class": "kb-facet__chosen", text: " (" + chosen.length + ")" }) : ""]);
      toggle.addEventListener("click", function () { toggleGroup(name); });
      var group = h("div", { "class": "kb-facet" + (isOpen ? " kb-facet--open" : "") }, [h("h2", { "class": "kb-facet__title" }, [toggle])]);
      if (isOpen) group.appendChild(facetValues(name, legend, chosen, facetCounts[name]));
      el.facetList.appendChild(group);
    });
    el.facets.hidden = false;
    restoreFocus(key);
  }

  function facetValues(name, legend, chosen, valueCounts) {
    if (!valueCounts) return h("p", { "class": "kb-facet__loading", text: "Laden\u2026" });
    var values = Object.keys(valueCounts).filter(function (v) { return valueCounts[v] > 0 || chosen.indexOf(v) >= 0; });
    chosen.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
    if (!values.length) return h("p", { "class": "kb-facet__loading", text: "Geen waarden bij deze resultaten." });
    values.sort(facetOrder(name, valueCounts));
    var all = showAll[name] || values.length <= FACET_PREVIEW + 2;
    var list = h("ul", { "class": "kb-facet__values" });
    values.forEach(function (value, i) {
      var on = chosen.indexOf(value) >= 0;
      if (!all && i >= FACET_PREVIEW && !on) return;
      var box = h("input", { type: "checkbox", name: name, value: value, "data-key": name + "=" + value });
      box.checked = on;
      list.appendChild(h("li", {}, [h("label", { "class": "kb-facet__value" }, [
        box, h("span", { "class": "kb-facet__label", text: label(name, value) }),
        h("span", { "class": "kb-facet__count", text: number(valueCounts[value] || 0) })
      ])]));
    });
    var set = h("fieldset", { "class": "kb-facet__set" }, [h("legend", { "class": "kb-visually-hidden", text: legend }), list]);
    if (values.length > FACET_PREVIEW + 2) {
      var more = h("button", {
        type: "button", "class": "kb-facet__toggle", "aria-expanded": all ? "true" : "false", "data-key": "all:" + name,
        text: all ? "Toon minder" : "Toon alle " + values.length
      });
      more.addEventListener("click", function () {
        showAll[name] = !showAll[name];
        renderFacets(counts);
        restoreFocus("all:" + name);
      });
      set.appendChild(more);
    }
    return set;
  }

  function toggleGroup(name) {
    open[name] = !open[name];
    if (open[name] && !loaded[name] && searchQuery(state.q).term) {
      renderFacets(counts);
      search(true);  // loads this facet's chunk, then shows its counts
    } else {
      renderFacets(counts);
    }
  }

  function facetOrder(name, valueCounts) {
    var order = Object.keys(vocab.labels[name] || {});
    return function (a, b) {
      if (name === "jaar") return Number(b) - Number(a);
      if (name === "soort" || name === "thema") return order.indexOf(a) - order.indexOf(b);
      return (valueCounts[b] || 0) - (valueCounts[a] || 0) || label(name, a).localeCompare(label(name, b), "nl");
    };
  }

  function renderChosen() {
    var n = chosenCount();
    el.chosenCount.textContent = n ? "(" + n + " gekozen)" : "";
    el.chosen.textContent = "";
    el.chosen.hidden = !n;
    if (!n) return;
    chosenNames().forEach(function (name) {
      state.filters[name].forEach(function (value) {
        var text = (vocab.facetLabels[name] || name) + ": " + label(name, value);
        var button = h("button", { type: "button", "class": "kb-chip kb-search__remove", "aria-label": "Filter " + text + " weghalen" }, [
          text, h("span", { "aria-hidden": "true", text: " \u00d7" })
        ]);
        button.addEventListener("click", function () { toggleFilter(name, value, false); el.input.focus(); });
        el.chosen.appendChild(h("li", {}, [button]));
      });
    });
    el.chosen.appendChild(h("li", {}, [clearFiltersButton("Wis alle filters")]));
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
  if (!state.q && !chosenCount()) el.input.focus();
  el.status.textContent = state.q || chosenCount() ? "Zoeken\u2026" : "";

  var bundle = new URL(root.getAttribute("data-pagefind"), location.href);
  var entry = new URL("pagefind-entry.json", bundle);
  core.load(bundle.href).then(function (module) {
    pagefind = module;
    return Promise.all([
      pagefind.init(),
      fetch(entry.href).then(function (r) { return r.json(); })
    ]);
  }).then(function (answers) {
    var pages = 0;
    var languages = (answers[1] && answers[1].languages) || {};
    Object.keys(languages).forEach(function (lang) { pages += languages[lang].page_count || 0; });
    browsable = pages <= BROWSE_LIMIT;
    // A large site opens a facet group (and fetches its counts) only when the reader asks for it.
    FACETS.forEach(function (name) { open[name] = browsable; });
    // A small site loads every facet at once; its counts also serve the page before anything is typed.
    return browsable ? pagefind.filters().then(function (all) {
      FACETS.forEach(function (name) { loaded[name] = true; });
      counts.total = all || {};
    }) : null;
  }).then(function () {
    search(true);
  }).catch(function (error) {
    el.status.textContent = "Zoeken is nu niet beschikbaar: de zoekindex ontbreekt of kon niet laden.";
    el.help.hidden = false;
    if (window.console) console.warn("Kennisbank-zoeken:", error);
  });
})();
