// The web form (Decap CMS at /admin/): show the preview beside the form in the site's own styles.
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS) return;
  var me = document.currentScript;
  (me && me.dataset.styles ? me.dataset.styles.split(" ") : []).forEach(function (href) {
    CMS.registerPreviewStyle(new URL(href, document.baseURI).href);
  });
  var h = window.h;
  var Preview = window.createClass({
    render: function () {
      var entry = this.props.entry;
      var text = function (name) { return entry.getIn(["data", name]) || ""; };
      return h("div", { className: "md-main", "data-md-color-scheme": "default" },
        h("article", { className: "md-content__inner md-typeset kb-page" },
          h("h1", null, text("title")),
          h("p", { className: "kb-lead" }, text("summary")),
          this.props.widgetFor("body")));
    }
  });
  (me.dataset.collections || "").split(" ").forEach(function (name) {
    if (name) CMS.registerPreviewTemplate(name, Preview);
  });
})();
