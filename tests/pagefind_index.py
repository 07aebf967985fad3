"""Read Pagefind's index files (gzip + CBOR) to compare two indexes by content, not by bytes.

Pagefind 1.x writes its filter chunks from a hash map whose order changes from run to run, and
names each chunk after a hash of its bytes; the meta file lists those names. So two builds of the
same site give filter files with other names and the same content. `canonical` returns the index
with that order and those names taken out; everything else in pagefind/ must be byte-identical.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

HEADER = b"pagefind_dcd"


def cbor(data: bytes):
    """Decode one CBOR item (the subset Pagefind writes: ints, strings, arrays, maps, simple values)."""
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes na het einde")
    return value


def _item(data: bytes, pos: int):
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info in simple:
            return simple[info], pos
        size, fmt = {25: (2, ">e"), 26: (4, ">f"), 27: (8, ">d")}[info]
        return struct.unpack(fmt, data[pos:pos + size])[0], pos + size
    if info < 24:
        n = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        n, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major in (2, 3):
        raw = data[pos:pos + n]
        return (raw if major == 2 else raw.decode("utf-8")), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            value, pos = _item(data, pos)
            items.append(value)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(n):
            key, pos = _item(data, pos)
            mapping[key], pos = _item(data, pos)
        return mapping, pos
    raise ValueError(f"CBOR-type {major} niet ondersteund")


def read(file: Path):
    raw = gzip.decompress(file.read_bytes())
    if not raw.startswith(HEADER):
        raise ValueError(f"{file} is geen Pagefind-bestand")
    return cbor(raw[len(HEADER):])


def canonical(pagefind: Path) -> dict:
    """The filter chunks (sorted, by filter name) and the meta file without chunk names."""
    entry = json.loads((pagefind / "pagefind-entry.json").read_text(encoding="utf-8"))
    result = {"entry": entry, "filters": {}, "metas": []}
    for language in entry["languages"].values():
        meta = read(pagefind / f"pagefind.{language.pop('hash')}.pf_meta")
        version, pages, index, filters, *rest = meta
        for name, chunk in filters:
            filter_name, values = read(pagefind / "filter" / f"{chunk}.pf_filter")
            assert filter_name == name
            result["filters"][name] = sorted((value, sorted(pages_)) for value, pages_ in values)
        result["metas"].append([version, pages, index, sorted(name for name, _ in filters), *rest])
    return result


def reordered_files(pagefind: Path) -> set[str]:
    """The files whose bytes or names depend on that order (relative to pagefind/)."""
    names = {"pagefind-entry.json"}
    names |= {p.name for p in pagefind.glob("pagefind.*.pf_meta")}
    names |= {f"filter/{p.name}" for p in (pagefind / "filter").glob("*.pf_filter")}
    return names


def site_differences(first: Path, second: Path) -> list[str]:
    """The files in which two built sites differ, Pagefind's index compared by content (`canonical`)."""
    def digests(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    one, two = digests(first), digests(second)
    allowed = {"pagefind/" + n for n in reordered_files(first / "pagefind") | reordered_files(second / "pagefind")}
    differ = sorted(n for n in set(one) | set(two) if one.get(n) != two.get(n) and n not in allowed)
    if canonical(first / "pagefind") != canonical(second / "pagefind"):
        differ.append("pagefind/ (inhoud)")
    return differ
