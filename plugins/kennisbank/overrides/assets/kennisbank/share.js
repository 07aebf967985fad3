/* Kennisbank: links for meetings. Copy the permanent link of a page or a heading, show the QR code,
   print, and write link targets for paper. Without JavaScript the links and anchors still work. */
(function () {
  "use strict";

  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december"];

  // The permanent address of this page: the share panel's (the public site_url, also in `mkdocs serve`),
  // else the canonical link, else where we are now.
  function pageUrl() {
    var panel = document.querySelector("[data-kb-share] [data-kb-copy]");
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = panel ? panel.getAttribute("data-kb-copy") : canonical ? canonical.href : location.href;
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
    toast.classList.remove("kb-toast--top");
    toast.classList.add("kb-toast--visible");
    // Never over an open QR code: then the message goes to the top of the screen.
    var box = toast.getBoundingClientRect();
    Array.prototype.forEach.call(document.querySelectorAll(".kb-share--qr .kb-share__qr"), function (qr) {
      var r = qr.getBoundingClientRect();
      if (r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right) {
        toast.classList.add("kb-toast--top");
      }
    });
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

  // In a share panel the message appears under its buttons (never over the QR code); elsewhere as a toast.
  function copyAndTell(text, what, panel) {
    var status = panel ? panel.querySelector("[data-kb-share-status]") : null;
    function say(message) {
      if (status) { status.textContent = message; } else { tell(message); }
    }
    copy(text).then(function () {
      say(what + " gekopieerd: " + shortUrl(text));
    }, function () {
      say("Kopiëren lukte niet; de link is " + shortUrl(text));
    });
  }

  // Today's date on paper ("Geprint op 2 december 2026"), written at load and again just before printing.
  function stampPrintDate() {
    var now = new Date();
    var text = "Geprint op " + now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-printed]"), function (el) { el.textContent = text; });
  }

  // A live panel (examples overview, search page) shares the address with the reader's filters: the
  // public address of the page plus the current query. Its QR code is drawn here with qrcode-generator
  // (npm), which the build copies into the site and names in data-kb-qr-library; loaded once, on demand.
  var qrLibrary = null;
  function loadQr(src) {
    if (!qrLibrary) {
      qrLibrary = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.addEventListener("load", function () { if (window.qrcode) resolve(window.qrcode); else reject(); });
        script.addEventListener("error", reject);
        document.head.appendChild(script);
      });
    }
    return qrLibrary;
  }

  // Drawn as the build draws its codes (publish/share.py, kb/partials/qr.html): error level M, the
  // smallest version that fits, a quiet zone of four modules, one stroke per run of dark modules.
  function qrSvg(qrcode, url) {
    qrcode.stringToBytes = qrcode.stringToBytesFuncs["UTF-8"];
    var code = qrcode(0, "M");
    code.addData(url, "Byte");
    code.make();
    var n = code.getModuleCount(), border = 4, size = n + 2 * border, d = [];
    for (var y = 0; y < n; y++) {
      var x = 0;
      while (x < n) {
        if (!code.isDark(y, x)) { x++; continue; }
        var start = x;
        while (x < n && code.isDark(y, x)) x++;
        d.push("M" + (start + border) + " " + (y + border) + ".5h" + (x - start));
      }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "kb-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    var title = document.createElementNS(ns, "title");
    title.textContent = "QR-code voor " + shortUrl(url);
    var back = document.createElementNS(ns, "path");
    back.setAttribute("fill", "#fff");
    back.setAttribute("d", "M0 0h" + size + "v" + size + "H0z");
    var dark = document.createElementNS(ns, "path");
    dark.setAttribute("stroke", "#000");
    dark.setAttribute("d", d.join(""));
    svg.appendChild(title); svg.appendChild(back); svg.appendChild(dark);
    return svg;
  }

  function openQr(panel, open) {
    var toggle = panel.querySelector("[data-kb-qr-toggle]");
    panel.classList.toggle("kb-share--qr", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.textContent = open ? "Verberg QR-code" : "Toon QR-code";
  }

  // No QR code for this address (the library is missing): no button, no code on screen or paper.
  function offerQr(panel, offered) {
    panel.querySelector("[data-kb-qr-toggle]").hidden = !offered;
    panel.classList.toggle("kb-share--noqr", !offered);
    if (!offered) openQr(panel, false);
  }

  function writeBreakable(el, text) {
    el.textContent = "";
    text.split(/(?<=[\/?&])/).forEach(function (part, i) {
      if (i) el.appendChild(document.createElement("wbr"));
      el.appendChild(document.createTextNode(part));
    });
  }

  function updateLive(panel) {
    var base = panel.getAttribute("data-kb-share-live");
    var url = base.split("?")[0] + location.search;
    if (panel.getAttribute("data-kb-share-now") === url) return;
    panel.setAttribute("data-kb-share-now", url);
    var status = panel.querySelector("[data-kb-share-status]");
    if (status) status.textContent = "";  // "gekopieerd" was about the previous address
    var link = panel.querySelector(".kb-share__url");
    link.href = url;
    writeBreakable(link, shortUrl(url));
    panel.querySelector("[data-kb-copy]").setAttribute("data-kb-copy", url);
    var box = panel.querySelector(".kb-share__qr");
    if (panel.kbBuildQr === undefined) panel.kbBuildQr = box.firstElementChild;  // the build's own code
    box.textContent = "";  // never the code of an address the panel no longer shows
    if (url === base) {
      if (panel.kbBuildQr) box.appendChild(panel.kbBuildQr);
      offerQr(panel, true);
      return;
    }
    var src = panel.getAttribute("data-kb-qr-library");
    if (!src) { offerQr(panel, false); return; }
    offerQr(panel, true);
    loadQr(src).then(function (qrcode) {
      if (panel.getAttribute("data-kb-share-now") === url) box.appendChild(qrSvg(qrcode, url));
    }, function () {
      if (panel.getAttribute("data-kb-share-now") === url) offerQr(panel, false);
    });
  }

  function watchLive() {
    var panels = document.querySelectorAll("[data-kb-share-live]");
    if (!panels.length) return;
    function update() { Array.prototype.forEach.call(panels, updateLive); }
    update();
    document.addEventListener("kb:urlchange", update);
    window.addEventListener("popstate", update);
    window.addEventListener("beforeprint", update);
  }

  // Headings from our templates get the same permanent-link control as Markdown headings (none on the
  // home page). The controls are no tab stops: keyboard users reach every heading through the table of
  // contents, and the share panel copies the page's link.
  function addHeadingLinks(root) {
    var headings = root.querySelectorAll(".md-content .md-typeset h2[id], .md-content .md-typeset h3[id], .md-content .md-typeset h4[id]");
    Array.prototype.forEach.call(headings, function (h) {
      if (h.querySelector(".headerlink") || h.closest(".kb-page--home")) return;
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
    Array.prototype.forEach.call(root.querySelectorAll(".md-content a.headerlink, .md-content a.kb-anchor"),
      function (a) { a.setAttribute("tabindex", "-1"); });
    markPrintTargets(root);
    Array.prototype.forEach.call(root.querySelectorAll("[data-kb-copy], [data-kb-print], [data-kb-qr-toggle]"),
      function (button) { button.hidden = false; });
    stampPrintDate();
    watchLive();
  }
  window.addEventListener("beforeprint", stampPrintDate);

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (!target) return;
    var button = target.closest("[data-kb-copy]");
    if (button) {
      var panel = button.closest("[data-kb-share]");
      copyAndTell(button.getAttribute("data-kb-copy"), "Link", panel);
      return;
    }
    if (target.closest("[data-kb-print]")) {
      stampPrintDate();
      window.print();
      return;
    }
    var toggle = target.closest("[data-kb-qr-toggle]");
    if (toggle) {
      var panel = toggle.closest("[data-kb-share]");
      openQr(panel, !panel.classList.contains("kb-share--qr"));
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
