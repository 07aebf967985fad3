/* Kennisbank: search from every page.

   - "/" or Ctrl+K (Cmd+K on a Mac) puts the cursor in the search field: the search page's own field,
     else the header's (on a phone it opens the header field first).
   - The header field lists the first results while typing: a combobox with a listbox (WAI-ARIA
     pattern). Arrow keys walk the list, Enter opens the chosen result (or, with none chosen, the
     search page with the query), Escape closes the list and then leaves the field. The last option
     leads to all results on /zoeken/?q=...
   - Pagefind is loaded when the field first gets focus, never on a page that is only read. */
(function () {
  "use strict";

  var SHOWN = 6;              // results listed under the header field
  var MIN_LETTERS = 3;        // shorter queries list nothing yet (Enter still opens the search page)

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function visible(el) {
    return el && el.offsetParent !== null && !el.closest("[hidden]");
  }

  var form = document.querySelector("[data-kb-typeahead]");
  var button = document.querySelector(".kb-header-search__button");
  var typeahead = form && window.KennisbankSearch ? Typeahead(form) : null;

  function focusSearch() {
    var fields = document.querySelectorAll("[data-kb-search-box]");
    for (var i = 0; i < fields.length; i++) {
      if (visible(fields[i])) {
        fields[i].focus();
        fields[i].select();
        return true;
      }
    }
    if (typeahead) {
      typeahead.open();
      return true;
    }
    if (button) {
      location.href = button.href;
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    var shortcut = (event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey) && !event.altKey;
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
    if ((shortcut || slash) && focusSearch()) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  if (!form) return;
  var field = form.querySelector("#kb-header-q");

  // An empty field leads to the search page itself, where the facets invite browsing.
  form.addEventListener("submit", function (event) {
    if (!field.value.trim()) {
      event.preventDefault();
      location.href = form.action;
    }
  });

  if (!typeahead) {
    field.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { field.value = ""; field.blur(); }
    });
    return;
  }

  // On a phone the search button opens the header field over the header, instead of leaving the page.
  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      typeahead.open();
    });
  }

  function Typeahead(form) {
    var core = window.KennisbankSearch;
    var h = core.h;
    var input = form.querySelector("#kb-header-q");
    var panel = form.querySelector("[data-kb-typeahead-panel]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-kb-typeahead-status]");
    var close = form.querySelector("[data-kb-typeahead-close]");
    var kinds = JSON.parse(form.getAttribute("data-kinds") || "{}");
    var stopWords = (form.getAttribute("data-stop-words") || "").split(" ");
    var commonWords = (form.getAttribute("data-common-words") || "").split(" ");
    var pagefind = null;
    var searches = core.Searches();  // one search at a time, the latest only (search-core.js)
    var active = -1;

    function load() {
      return core.load(form.getAttribute("data-pagefind")).then(function (module) {
        pagefind = module;
        return module.init();  // the WebAssembly and the page list, before the first word is typed
      });
    }

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function setExpanded(on) {
      panel.hidden = !on;
      input.setAttribute("aria-expanded", on ? "true" : "false");
      if (!on) choose(-1);
    }

    function choose(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function allResultsUrl(text) {
      return form.action + "?" + new URLSearchParams({ q: text }).toString();
    }

    function option(id, href, children, extraClass) {
      var node = h("li", { id: id, role: "option", "aria-selected": "false", "class": "kb-typeahead__option" + (extraClass || ""),
        "data-href": href }, children);
      // A pointer picks an option without taking the focus from the field.
      node.addEventListener("mousedown", function (event) { event.preventDefault(); });
      node.addEventListener("click", function () { location.href = href; });
      return node;
    }

    function render(text, response, items) {
      list.textContent = "";
      items.forEach(function (data, i) {
        var meta = data.meta || {};
        var kind = ((data.filters || {}).soort || [])[0];
        var children = [
          h("span", { "class": "kb-typeahead__kind", text: kinds[kind] || "" }),
          h("span", { "class": "kb-typeahead__title", text: meta.title || data.url })
        ];
        if (data.excerpt) children.push(core.snippet(data.excerpt, "kb-typeahead__snippet"));
        list.appendChild(option("kb-header-result-" + i, data.url, children));
      });
      var count = response.results.length;
      var more = count ? "Alle " + count.toLocaleString("nl-NL") + " resultaten voor \u201c" + text + "\u201d"
        : "Geen resultaten voor \u201c" + text + "\u201d \u2014 naar de zoekpagina";
      list.appendChild(option("kb-header-result-all", allResultsUrl(text), [
        h("span", { "class": "kb-typeahead__all", text: more })
      ], " kb-typeahead__option--all"));
      status.textContent = count
        ? (count === 1 ? "1 resultaat" : count.toLocaleString("nl-NL") + " resultaten") + "; kies met de pijltjestoetsen."
        : "Geen resultaten.";
      setExpanded(true);
    }

    function tooShort(query) {
      return query.term.replace(/\s/g, "").length < MIN_LETTERS;
    }

    function search() {
      var query = core.query(input.value, stopWords, commonWords);
      if (tooShort(query)) {
        searches.cancel();
        list.textContent = "";
        status.textContent = "";
        setExpanded(false);
        return;
      }
      searches.schedule(function (id) { return run(id, query); }, { pagefind: pagefind, term: query.term });
    }

    function run(id, query) {
      return load().then(function () {
        return searches.current(id) ? pagefind.search(query.term) : null;
      }).then(function (response) {
        if (!response || !searches.current(id)) return null;
        return Promise.all(response.results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (items) {
          if (searches.current(id) && document.activeElement === input) render(query.typed, response, items);
        });
      }).catch(function (error) {
        status.textContent = "Zoeken lukt nu niet; Enter opent de zoekpagina.";
        if (window.console && error) console.warn("Kennisbank-zoeken:", error);
      });
    }

    function closeOverlay() {
      form.classList.remove("kb-header-search--open");
      close.hidden = true;
    }

    input.addEventListener("focus", function () {
      load().catch(function () { /* reported when a search fails */ });
      if (input.value.trim() && list.children.length) setExpanded(true);
    });
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (event) {
      var all = options();
      var open = !panel.hidden && all.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) { if (all.length) setExpanded(true); else return; }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= all.length) next = 0;
        if (next < -1) next = all.length - 1;
        choose(next);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        location.href = all[active].getAttribute("data-href");
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (open) {
          setExpanded(false);
        } else {
          input.value = "";
          list.textContent = "";
          status.textContent = "";
          closeOverlay();
          input.blur();
        }
      } else if (event.key === "Home" && open && active >= 0) {
        event.preventDefault();
        choose(0);
      } else if (event.key === "End" && open && active >= 0) {
        event.preventDefault();
        choose(all.length - 1);
      }
    });
    // Leaving the field (Tab, a click elsewhere) closes the list; on a phone also the field.
    form.addEventListener("focusout", function (event) {
      if (event.relatedTarget && form.contains(event.relatedTarget)) return;
      setExpanded(false);
      closeOverlay();
    });
    close.addEventListener("click", function () {
      input.value = "";
      setExpanded(false);
      closeOverlay();
    });

    return {
      open: function () {
        if (!visible(input)) {
          form.classList.add("kb-header-search--open");
          close.hidden = false;
        }
        input.focus();
        input.select();
      }
    };
  }
})();
