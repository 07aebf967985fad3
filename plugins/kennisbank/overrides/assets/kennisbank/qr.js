/* Kennisbank: QR codes in the browser, for addresses only the reader's browser knows (the examples
   overview or the search page with filters: share.js). The build draws every other QR code with segno
   (publish/share.py); this encoder makes the same kind: byte mode, error correction level M, mask 4,
   smallest version 1-40 that fits. tests/browser/test_share_live.py compares it module for module with
   segno and scans printed codes back with zbarimg.
   window.kbQrMatrix(text) -> array of rows of 0/1, without quiet zone. */
(function () {
  "use strict";

  // Per version 1-40 at level M: error correction codewords per block, and the number of blocks.
  var EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
    26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
  var BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
    17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
  var FORMAT_M = 0;  // the two error-level bits of the format information for level M
  var MASK = 4;

  // Arithmetic in GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
  var EXP = new Array(512), LOG = new Array(256);
  (function () {
    var x = 1;
    for (var i = 0; i < 255; i++) { EXP[i] = x; LOG[x] = i; x <<= 1; if (x & 256) x ^= 0x11d; }
    for (i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
  })();
  function mul(a, b) { return a && b ? EXP[LOG[a] + LOG[b]] : 0; }

  function generator(degree) {  // coefficients of prod (x - 2^i), highest power first, leading 1 left out
    var poly = [1];
    for (var i = 0; i < degree; i++) {
      var next = new Array(poly.length + 1).fill(0);
      for (var j = 0; j < poly.length; j++) { next[j] ^= poly[j]; next[j + 1] ^= mul(poly[j], EXP[i]); }
      poly = next;
    }
    return poly.slice(1);
  }
  function remainder(data, gen) {
    var rest = new Array(gen.length).fill(0);
    data.forEach(function (byte) {
      var factor = byte ^ rest.shift();
      rest.push(0);
      for (var i = 0; i < gen.length; i++) rest[i] ^= mul(gen[i], factor);
    });
    return rest;
  }

  function alignmentPositions(version) {
    if (version === 1) return [];
    var count = Math.floor(version / 7) + 2;
    var last = version * 4 + 10;
    var step = version === 32 ? 26 : Math.ceil((last - 6) / (count - 1) / 2) * 2;
    var out = [6];
    for (var pos = last; out.length < count; pos -= step) out.splice(1, 0, pos);
    return out;
  }
  function rawModules(version) {  // modules that carry data or error correction (and remainder bits)
    var n = (16 * version + 128) * version + 64;
    if (version >= 2) {
      var align = Math.floor(version / 7) + 2;
      n -= (25 * align - 10) * align - 55;
      if (version >= 7) n -= 36;
    }
    return n;
  }
  function dataCodewords(version) {
    return Math.floor(rawModules(version) / 8) - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
  }

  function utf8(text) {
    var bytes = [];
    unescape(encodeURIComponent(text)).split("").forEach(function (c) { bytes.push(c.charCodeAt(0)); });
    return bytes;
  }

  function codewords(bytes) {
    var version = 1;
    for (; version <= 40; version++) {
      var countBits = version < 10 ? 8 : 16;
      if (4 + countBits + bytes.length * 8 <= dataCodewords(version) * 8) break;
    }
    if (version > 40) throw new Error("te lang voor een QR-code");
    var bits = [];
    function put(value, length) { for (var i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); }
    put(4, 4);  // byte mode
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    var capacity = dataCodewords(version) * 8;
    put(0, Math.min(4, capacity - bits.length));
    while (bits.length % 8) bits.push(0);
    var data = [];
    for (var i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    for (var pad = 0xec; data.length < capacity / 8; pad ^= 0xec ^ 0x11) data.push(pad);

    // Split into blocks (the short ones first), add error correction, interleave.
    var blocks = BLOCKS[version - 1], ecLength = EC_PER_BLOCK[version - 1];
    var total = Math.floor(rawModules(version) / 8);
    var shortBlocks = blocks - total % blocks, shortLength = Math.floor(total / blocks) - ecLength;
    var gen = generator(ecLength), parts = [], at = 0;
    for (var b = 0; b < blocks; b++) {
      var length = shortLength + (b < shortBlocks ? 0 : 1);
      var part = data.slice(at, at + length);
      at += length;
      parts.push({ data: part, ec: remainder(part, gen) });
    }
    var out = [];
    for (i = 0; i <= shortLength; i++) parts.forEach(function (p) { if (i < p.data.length) out.push(p.data[i]); });
    for (i = 0; i < ecLength; i++) parts.forEach(function (p) { out.push(p.ec[i]); });
    return { version: version, codewords: out };
  }

  function matrix(text) {
    var encoded = codewords(utf8(text)), version = encoded.version;
    var size = version * 4 + 17;
    var dark = [], fixed = [];
    for (var r = 0; r < size; r++) { dark.push(new Array(size).fill(0)); fixed.push(new Array(size).fill(false)); }
    function set(row, col, on) { dark[row][col] = on ? 1 : 0; fixed[row][col] = true; }

    // Finder patterns with their light separators, timing lines, alignment patterns.
    [[0, 0], [0, size - 7], [size - 7, 0]].forEach(function (corner) {
      for (var dr = -1; dr <= 7; dr++) for (var dc = -1; dc <= 7; dc++) {
        var row = corner[0] + dr, col = corner[1] + dc;
        if (row < 0 || col < 0 || row >= size || col >= size) continue;
        var ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3));
        set(row, col, ring !== 2 && ring !== 4);
      }
    });
    for (var i = 8; i < size - 8; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
    var align = alignmentPositions(version);
    align.forEach(function (ar) {
      align.forEach(function (ac) {
        if (fixed[ar][ac]) return;  // overlaps a finder pattern
        for (var dr = -2; dr <= 2; dr++) for (var dc = -2; dc <= 2; dc++) {
          set(ar + dr, ac + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
        }
      });
    });

    // Format information (level M, mask 4), in both places, and the one module that is always dark.
    var format = FORMAT_M << 3 | MASK, rest = format;
    for (i = 0; i < 10; i++) rest = (rest << 1) ^ ((rest >>> 9) * 0x537);
    var formatBits = ((format << 10) | rest) ^ 0x5412;
    function fbit(n) { return (formatBits >>> n) & 1; }
    for (i = 0; i <= 5; i++) set(i, 8, fbit(i));
    set(7, 8, fbit(6)); set(8, 8, fbit(7)); set(8, 7, fbit(8));
    for (i = 9; i < 15; i++) set(8, 14 - i, fbit(i));
    for (i = 0; i < 8; i++) set(8, size - 1 - i, fbit(i));
    for (i = 8; i < 15; i++) set(size - 15 + i, 8, fbit(i));
    set(size - 8, 8, 1);

    // Version information from version 7 on.
    if (version >= 7) {
      var vrest = version;
      for (i = 0; i < 12; i++) vrest = (vrest << 1) ^ ((vrest >>> 11) * 0x1f25);
      var versionBits = version << 12 | vrest;
      for (i = 0; i < 18; i++) {
        var on = (versionBits >>> i) & 1, a = size - 11 + i % 3, b = Math.floor(i / 3);
        set(b, a, on); set(a, b, on);
      }
    }

    // The codewords in two-module columns, zigzag from the bottom right; then the mask.
    var bitsTotal = encoded.codewords.length * 8, n = 0;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      var upward = ((right + 1) & 2) === 0;
      for (var step = 0; step < size; step++) {
        var row = upward ? size - 1 - step : step;
        for (var j = 0; j < 2; j++) {
          var col = right - j;
          if (fixed[row][col]) continue;
          var bit = n < bitsTotal ? (encoded.codewords[n >>> 3] >>> (7 - (n & 7))) & 1 : 0;
          n++;
          var flip = (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;  // mask 4
          dark[row][col] = bit ^ (flip ? 1 : 0);
        }
      }
    }
    return dark;
  }

  window.kbQrMatrix = matrix;
})();
