"""The web form's configuration (Decap CMS, served at /admin/), generated from the registry and the model.

Nothing here is kept by hand: one collection per kind of document (kinds.py), each field with its
Dutch label and hint, whether it is required, its length limit or range, the slug rule, and the
existing tags, themes, sources, organisations and lessons as choices that show their names. The
body starts with the same section headings as `kennisbank new`. The build writes the result to
admin/config.yml (adapter/admin.py); `kennisbank check` still decides what is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.fields import ALIAS_RE, SLUG_RE, TIME_RE, Field
from ..core.kinds import DOCUMENT_KINDS, ITEM_KINDS, ITEMS_REF, Kind
from ..core.model import Site
from . import scaffold

# The local proxy (decap-server, `make admin`); the CMS only uses it when the form runs on 127.0.0.1.
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
LONG_TEXT = 300  # a text field allowing more characters than this gets a box of several lines
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


@dataclass(frozen=True)
class Backend:
    """Where the form saves: the repository on GitHub, its branch, and the sign-in helper (see CONTRIBUTING.md)."""

    repo: str  # owner/name
    branch: str = "main"
    auth_url: str = ""  # base URL of the OAuth helper that signs editors in; empty: GitHub's own (Netlify)
    site_url: str = ""


def length_pattern(limit: int) -> list[str]:
    return [rf"^[\s\S]{{0,{limit}}}$", f"Maximaal {limit} tekens."]


def choices(site: Site, f: Field) -> list[dict[str, str]]:
    """The existing items a reference field may name, as {label, value}."""
    if f.ref == ITEMS_REF:
        return [{"label": f"{kind.display}: {item.title}", "value": f"{kind.url_prefix}/{item.slug}"}
                for kind in ITEM_KINDS for item in getattr(site, kind.collection)]
    return [{"label": item.title, "value": item.key} for item in getattr(site, f.ref)]


def _widget(site: Site, f: Field, kind: str) -> dict[str, Any]:
    """The widget settings of one value of field f (kind: the field's type, or its items' type)."""
    if kind == "text":
        out: dict[str, Any] = {"widget": "text" if (f.max_length or 0) > LONG_TEXT else "string"}
        if f.max_length:
            out["pattern"] = length_pattern(f.max_length)
        return out
    if kind == "int":
        out = {"widget": "number", "value_type": "int", "step": 1}
        out.update({k: v for k, v in (("min", f.minimum), ("max", f.maximum)) if v is not None})
        return out
    if kind == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D-M-YYYY", "time_format": False}
    if kind == "time":
        return {"widget": "string", "pattern": [TIME_RE.pattern, "Schrijf de tijd als UU:MM, bijvoorbeeld 14:00."]}
    if kind == "slug":
        return {"widget": "string", "pattern": [SLUG_RE.pattern, "Alleen kleine letters, cijfers en streepjes."]}
    if kind == "alias":
        return {"widget": "string", "pattern": [ALIAS_RE.pattern, "Schrijf een pad zoals /voorbeelden/oude-naam/."]}
    if kind == "enum":
        return {"widget": "select", "options": [{"label": c, "value": c} for c in f.choices]}
    if kind == "ref":
        return {"widget": "select", "options": choices(site, f)}
    raise ValueError(f"no widget for {kind}")


def cms_field(site: Site, f: Field) -> dict[str, Any]:
    """One field of the form, with the same rules as the schema."""
    out: dict[str, Any] = {"name": f.name, "label": f.display, "hint": f.description, "required": f.required}
    if f.type == "list" and f.items in ("enum", "ref"):
        out.update(_widget(site, f, f.items), multiple=True)
        out.update({k: v for k, v in (("min", f.min_items or None), ("max", f.max_items)) if v is not None})
    elif f.type == "list" and f.items == "mapping":
        out.update(widget="list", fields=[cms_field(site, sub) for sub in f.fields])
        out.update({k: v for k, v in (("min", f.min_items or None), ("max", f.max_items)) if v is not None})
    elif f.type == "list":
        out.update(widget="list", field={"name": "waarde", "label": f.display, **_widget(site, f, f.items)})
        out.update({k: v for k, v in (("min", f.min_items or None), ("max", f.max_items)) if v is not None})
    elif f.type == "mapping":
        out.update(widget="object", fields=[cms_field(site, sub) for sub in f.fields])
    else:
        out.update(_widget(site, f, f.type))
    if f.type == "date":
        # A required date starts at today, as in `kennisbank new`; an optional one starts empty.
        out["default"] = "{{now}}" if f.required else ""
    return out


def body_field(kind: Kind) -> dict[str, Any]:
    """The text of the page, prefilled with the section headings of `kennisbank new`; the questions
    the scaffold asks in comments become the hint."""
    found = next((s for s in scaffold.SCAFFOLDS.values() if s.kind is kind), None)
    text = found.body if found else ""
    questions = " ".join(" ".join(c.split()) for c in _COMMENT.findall(text))
    default = re.sub(r"\n{3,}", "\n\n", _COMMENT.sub("", text)).strip() + "\n"
    return {"name": "body", "label": "Tekst", "widget": "markdown", "required": False,
            "hint": "Schrijf onder elk kopje een paar korte alinea's. " + questions,
            "default": default, "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list",
                                            "numbered-list", "quote"], "editor_components": []}


def collection(site: Site, kind: Kind) -> dict[str, Any]:
    return {
        "name": kind.collection,
        "label": kind.plural[:1].upper() + kind.plural[1:],
        "label_singular": kind.display,
        "folder": f"content/{kind.folder}",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "delete": False,  # a published address must keep working: removing a page is for maintainers
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "preview_path": f"{kind.url_prefix}/{{{{slug}}}}/",
        "fields": [cms_field(site, f) for f in kind.fields] + [body_field(kind)],
    }


def cms_config(site: Site, backend: Backend) -> dict[str, Any]:
    """The whole config.yml of the web form."""
    github: dict[str, Any] = {"name": "github", "repo": backend.repo, "branch": backend.branch,
                              "open_authoring": True, "squash_merges": True}
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    return {
        "locale": "nl",
        "backend": github,
        # Each new or changed page becomes its own branch and pull request, which the association merges.
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": LOCAL_PROXY},
        "site_url": backend.site_url or None,
        # The form offers no uploads (editor_components and buttons leave out images), but Decap needs a folder.
        "media_folder": "content/afbeeldingen",
        "public_folder": "/afbeeldingen",
        # Slugs as `kennisbank new` makes them: lowercase ASCII, accents dropped, apostrophes dropped.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(site, kind) for kind in DOCUMENT_KINDS],
    }


def backend_from(repo_url: str | None, edit_uri: str | None, site_url: str | None, auth_url: str = "") -> Backend | None:
    """The GitHub repository and branch from mkdocs.yml's repo_url and edit_uri; None when not on GitHub."""
    match = re.match(r"https://github\.com/([^/]+/[^/#?]+?)(?:\.git)?/?$", repo_url or "")
    if not match:
        return None
    branch = re.match(r"(?:edit|blob)/([^/]+)/", edit_uri or "")
    return Backend(repo=match.group(1), branch=branch.group(1) if branch else "main", auth_url=auth_url,
                   site_url=site_url or "")


__all__ = ["Backend", "LOCAL_PROXY", "backend_from", "body_field", "choices", "cms_config", "cms_field"]
