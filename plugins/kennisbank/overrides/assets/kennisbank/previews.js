/* Kennisbank: hovering or focusing a link to a lesson, an example or a tag shows its title and summary.
   The preview comes from the linked page itself (its kicker, h1 and meta description), fetched from this
   site once per page and read with DOMParser: no script of that page runs, nothing leaves the site. */
(function () {
  "use strict";
  var TARGET = /\/(lessen|voorbeelden|tags)\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/;
  var SKIP = ".kb-crumbs, [data-kb-search], .kb-share, .kb-preview, .md-nav, .md-tabs, .md-header";
  var DELAY = 300;
  var cache = {};
  var box = null, current = null, timer = null;

  function previewable(a) {
    if (!a || !a.href || a.closest(SKIP) || !a.closest(".md-content")) return null;
    var url;
    try { url = new URL(a.href, location.href); } catch (e) { return null; }
    if (url.origin !== location.origin || !TARGET.test(url.pathname) || url.pathname === location.pathname) return null;
    return url.origin + url.pathname;
  }

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var meta = doc.querySelector('meta[name="description"]');
        var h1 = doc.querySelector(".md-content h1");
        var kicker = doc.querySelector(".kb-header .kb-kicker");
        return { kind: kicker ? kicker.textContent.trim() : "", title: h1 ? h1.textContent.trim() : "",
                 summary: meta ? meta.getAttribute("content") : "" };
      });
    }
    return cache[url];
  }

  function hide() {
    clearTimeout(timer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (box) box.hidden = true;
  }

  function show(a, data) {
    if (!data.title) return;
    if (!box) {
      box = document.createElement("div");
      box.className = "kb-preview";
      box.id = "kb-preview";
      box.setAttribute("role", "tooltip");
      document.body.appendChild(box);
    }
    box.textContent = "";
    [["kb-preview__kind", data.kind], ["kb-preview__title", data.title], ["kb-preview__summary", data.summary]]
      .forEach(function (part) {
        if (!part[1]) return;
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        box.appendChild(span);
      });
    box.hidden = false;
    var r = a.getBoundingClientRect(), width = box.offsetWidth, height = box.offsetHeight;
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    var top = r.bottom + 6 + height > window.innerHeight && r.top - 6 - height > 0 ? r.top - 6 - height : r.bottom + 6;
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
    a.setAttribute("aria-describedby", "kb-preview");
  }

  function start(event) {
    var a = event.target.closest ? event.target.closest("a[href]") : null;
    var url = previewable(a);
    if (!url || a === current) return;
    hide();
    current = a;
    timer = setTimeout(function () {
      load(url).then(function (data) { if (current === a) show(a, data); }, function () {});
    }, DELAY);
  }

  function stop(event) {
    if (current && (!event.relatedTarget || !current.contains(event.relatedTarget))) hide();
  }

  document.addEventListener("mouseover", start);
  document.addEventListener("focusin", start);
  document.addEventListener("mouseout", stop);
  document.addEventListener("focusout", stop);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  // A shown preview would drift from its link: hide it (a pending one still appears).
  window.addEventListener("scroll", function () { if (box && !box.hidden) hide(); }, { passive: true });
})();
