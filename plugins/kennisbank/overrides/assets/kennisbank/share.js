/* Kennisbank: links for meetings. Copy the permanent link of a page or a heading, show the QR code,
   print, and write link targets for paper. Without JavaScript the links and anchors still work. */
(function () {
  "use strict";

  // The permanent address of this page: the canonical link (site_url), else where we are now.
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = canonical ? canonical.href : location.href;
    return url.split("#")[0];
  }

  function shortUrl(url) {
    return url.replace(/^https?:\/\//, "");
  }

  var toast = null;
  var toastTimer = null;
  function tell(message) {
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "kb-toast";
      toast.setAttribute("role", "status");
      toast.setAttribute("aria-live", "polite");
      document.body.appendChild(toast);
    }
    toast.textContent = message;
    toast.classList.add("kb-toast--visible");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.classList.remove("kb-toast--visible"); }, 2500);
  }

  // The Clipboard API needs a secure context (https or localhost); fall back to a selection.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  function copyAndTell(text, what) {
    copy(text).then(function () {
      tell(what + " gekopieerd: " + shortUrl(text));
    }, function () {
      tell("Kopiëren lukte niet; de link is " + shortUrl(text));
    });
  }

  // Headings from our templates get the same permanent-link control as Markdown headings.
  function addHeadingLinks(root) {
    var headings = root.querySelectorAll(".md-content .md-typeset h2[id], .md-content .md-typeset h3[id], .md-content .md-typeset h4[id]");
    Array.prototype.forEach.call(headings, function (h) {
      if (h.querySelector(".headerlink")) return;
      var a = document.createElement("a");
      a.className = "headerlink";
      a.href = "#" + h.id;
      a.title = "Link naar dit kopje";
      a.setAttribute("aria-label", "Link naar dit kopje");
      a.textContent = "¶";
      h.appendChild(a);
    });
  }

  // On paper a link shows where it goes: the permanent address, without https://.
  function markPrintTargets(root) {
    var base = pageUrl();
    var links = root.querySelectorAll(".kb-body a[href], .kb-page .kb-list__title[href]");
    Array.prototype.forEach.call(links, function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^(mailto|tel|javascript):/i.test(href)) return;
      var target;
      try { target = new URL(href, base).href; } catch (e) { return; }
      a.setAttribute("data-kb-print-url", shortUrl(target));
    });
  }

  function init() {
    var root = document;
    addHeadingLinks(root);
    markPrintTargets(root);
    Array.prototype.forEach.call(root.querySelectorAll("[data-kb-copy], [data-kb-print], [data-kb-qr-toggle]"),
      function (button) { button.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (!target) return;
    var button = target.closest("[data-kb-copy]");
    if (button) {
      copyAndTell(button.getAttribute("data-kb-copy"), "Link");
      return;
    }
    if (target.closest("[data-kb-print]")) {
      window.print();
      return;
    }
    var toggle = target.closest("[data-kb-qr-toggle]");
    if (toggle) {
      var panel = toggle.closest("[data-kb-share]");
      var open = panel.classList.toggle("kb-share--qr");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? "Verberg QR-code" : "Toon QR-code";
      return;
    }
    // A heading's ¶ or a lesson's # on a theme page: follow it, and copy its permanent address.
    var anchor = target.closest("a.headerlink, a.kb-anchor");
    if (anchor) {
      var hash = anchor.getAttribute("href");
      if (hash && hash.charAt(0) === "#") {
        copyAndTell(pageUrl() + hash, anchor.classList.contains("kb-anchor") ? "Link naar deze les" : "Link naar dit kopje");
      }
    }
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
