/* Kennisbank: keyboard access to search on every page. "/" or Ctrl+K (Cmd+K on a Mac) puts the
   cursor in the search field: the search page's own field, else the header's; on a phone, where
   the header only has a search button, it opens the search page. Escape leaves the header field. */
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function visible(el) {
    return el && el.offsetParent !== null && !el.closest("[hidden]");
  }

  function focusSearch() {
    var fields = document.querySelectorAll("[data-kb-search-box]");
    for (var i = 0; i < fields.length; i++) {
      if (visible(fields[i])) {
        fields[i].focus();
        fields[i].select();
        return true;
      }
    }
    var button = document.querySelector(".kb-header-search__button");
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

  var header = document.getElementById("kb-header-q");
  if (header) {
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        header.value = "";
        header.blur();
      }
    });
    // An empty field leads to the search page itself, where the facets invite browsing.
    header.form.addEventListener("submit", function (event) {
      if (!header.value.trim()) {
        event.preventDefault();
        location.href = header.form.action;
      }
    });
  }
})();
