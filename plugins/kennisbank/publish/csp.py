"""The Content-Security-Policy of every page, as a <meta http-equiv> tag (GitHub Pages sends no headers).

Defence in depth behind the sanitiser (core/sanitise.py): should script ever reach a page, the
browser still refuses to run it. Scripts come only from the site itself, plus the inline scripts
of the theme's own templates, each allowed by the hash of its exact text (the adapter renders
those templates to find them, so a new Material version cannot silently break its pages). Nothing
is loaded from another origin. Pagefind's search runs as WebAssembly, hence 'wasm-unsafe-eval'
(which allows compiling WebAssembly from the site's own files, not eval of text). Inline styles
stay allowed: the tables extension aligns columns with them and styles cannot run script; images,
fonts and connections are limited to the site itself, so an inline style cannot load anything
from elsewhere either.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Iterable

# Inline scripts that run: no src, and a JavaScript type (JSON data blocks never run).
_INLINE = re.compile(r"<script(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.S | re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!(?:text|application)/(?:java|ecma)script|module)""", re.I)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in the HTML that a browser would run."""
    return [body for attributes, body in _INLINE.findall(html) if not _DATA_TYPE.search(attributes)]


def script_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script: 'sha256-...'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(scripts: Iterable[str] = ()) -> str:
    """The policy text, allowing the given inline scripts by hash."""
    hashes = " ".join(sorted({script_hash(s) for s in scripts}))
    parts = [f"{name} {value} {hashes}".strip() if name == "script-src" else f"{name} {value}"
             for name, value in DIRECTIVES]
    return "; ".join(parts)


__all__ = ["DIRECTIVES", "inline_scripts", "policy", "script_hash"]
