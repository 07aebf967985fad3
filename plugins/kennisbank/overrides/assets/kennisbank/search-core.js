/* Kennisbank: what the search page (search.js) and the header field (search-box.js) share.

   Nothing here fetches anything by itself: Pagefind is loaded the first time a script asks for it
   (the header field does so when it gets focus), so a page that is only read loads no search files. */
(function () {
  "use strict";

  // How Pagefind ranks (its `ranking` options). A page's text is weighted per kind at build time
  // (search.weights in Python). pageLength: Pagefind's default (0.75) lets the shortest pages, tags and
  // organisations of a few lines, win over lessons and cases that say the same at length.
  // metaWeights: a word in the title counts most; the fields a page lists (organisations, tags,
  // provinces) help find it; the result line (info) only repeats them.
  var RANKING = { pageLength: 0.3, metaWeights: { title: 3, organisaties: 1, tags: 1, provincie: 0.5, info: 0 } };
  var EXCERPT_WORDS = 28;
  var PAUSE_MS = 80;  // quiet after the last keystroke before a search while typing
  // Preloading starts at this many letters: a shorter start of a word ("sam") matches so many words
  // that Pagefind would fetch several index chunks the finished word does not need.
  var PRELOAD_LETTERS = 5;

  var loaded = {};

  // The Pagefind module at `url` (its pagefind.js), loaded and set up once per page.
  function load(url) {
    var href = new URL(url, location.href).href;
    if (!loaded[href]) {
      loaded[href] = import(href).then(function (pagefind) {
        return pagefind.options({ excerptLength: EXCERPT_WORDS, ranking: RANKING }).then(function () {
          return pagefind;
        });
      });
      loaded[href].catch(function () { delete loaded[href]; });  // a later attempt may work
    }
    return loaded[href];
  }

  // Words not in `list`, unless nothing else is left.
  function without(words, list) {
    var kept = words.filter(function (w) { return list.indexOf(w.toLowerCase()) < 0; });
    return kept.length ? kept : words;
  }

  // What Pagefind searches for: the query without function words and the site's words on nearly
  // every page (search.common_words) while other words remain; `skipped` lists the latter, so a page
  // can say so. Pagefind also finds what starts with the last word, so a last word that is still
  // being typed ("gem" on the way to "gemeente") waits too. A "quoted phrase" keeps every word.
  function query(text, stopWords, commonWords) {
    var typed = (text || "").trim();
    if (/^".+"$/.test(typed)) return { typed: typed, term: typed, skipped: [] };
    var common = commonWords || [];
    var words = without(typed.split(/\s+/).filter(Boolean), stopWords || []);
    var last = words.length > 1 && !/\s$/.test(text) ? words[words.length - 1].toLowerCase() : "";
    var growing = last && common.some(function (w) { return w.length > last.length && w.indexOf(last) === 0; });
    var kept = without(growing ? words.slice(0, -1) : words, common);
    var skipped = words.filter(function (w) { return kept.indexOf(w) < 0 && common.indexOf(w.toLowerCase()) >= 0; });
    return { typed: typed, term: kept.join(" "), skipped: skipped };
  }

  // Searches while typing, for the search page and the header field. A Pagefind search that has
  // started cannot be stopped, so one runs at a time: schedule(task) runs task(id) after a pause in
  // typing (or at once), and when a search is still running, right after it, the latest task only.
  // current(id) tells a task whether it is still the latest; if not, it drops its answer. While the
  // pause lasts, Pagefind already fetches the index chunks of the words typed (preload), so a search
  // after typing waits for the network as little as possible.
  function Searches() {
    var sequence = 0;
    var timer = null;
    var running = false;
    var waiting = null;

    function start(run) {
      if (running) { waiting = run; return; }
      running = true;
      Promise.resolve().then(run).catch(function () { /* each task reports its own errors */ }).then(function () {
        running = false;
        var next = waiting;
        waiting = null;
        if (next) start(next);
      });
    }

    function cancel() {
      ++sequence;
      clearTimeout(timer);
      waiting = null;
    }

    return {
      // options: { now: true } runs without a pause; { pagefind, term } preloads term meanwhile.
      schedule: function (task, options) {
        options = options || {};
        cancel();
        var id = sequence;
        var run = function () { return task(id); };
        if (options.now) {
          start(run);
          return;
        }
        var term = options.term || "";
        if (options.pagefind && term.replace(/\s/g, "").length >= PRELOAD_LETTERS) {
          options.pagefind.preload(term).catch(function () { /* the search itself reports */ });
        }
        timer = setTimeout(function () { start(run); }, PAUSE_MS);
      },
      cancel: cancel,
      current: function (id) { return id === sequence; }
    };
  }

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

  // Pagefind's excerpt is text with <mark> around the matches; only those become markup here. An
  // excerpt that starts or stops within a sentence gets an ellipsis there.
  function snippet(excerpt, className) {
    var p = h("p", { "class": className });
    var decoder = document.createElement("textarea");
    (excerpt || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>/.test(part);
      decoder.innerHTML = part.replace(/<\/?mark>/g, "").replace(/</g, "&lt;");
      var text = decoder.value;
      if (text) p.appendChild(marked ? h("mark", { text: text }) : document.createTextNode(text));
    });
    var text = p.textContent.trim();
    if (/^[a-z\u00e0-\u00ff]/.test(text)) p.insertBefore(document.createTextNode("\u2026 "), p.firstChild);
    if (text && !/[.!?:\u2026]$/.test(text)) p.appendChild(document.createTextNode(" \u2026"));
    return p;
  }

  window.KennisbankSearch = { load: load, query: query, Searches: Searches, h: h, snippet: snippet, RANKING: RANKING };
})();
