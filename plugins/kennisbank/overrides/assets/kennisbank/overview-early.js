/* Kennisbank: runs in the head of /voorbeelden/, before the first paint. With filters or a sort in the
   address (a shared link), the page stays invisible until kennisbank.js has applied them, so the reader
   never sees all rows first and then a jump (kennisbank.css: .kb-restoring, with a time-out). */
(function () {
  "use strict";
  if (/[?&](q|theme|org|province|tag|sort)=[^&]/.test(location.search)) {
    document.documentElement.classList.add("kb-restoring");
  }
})();
