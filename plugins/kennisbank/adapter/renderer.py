"""The one owner of the Jinja environment: our filters and globals, and rendering a template.

Material's managers never see `env` (material/plugins/tags/renderer); likewise here every other
module gets data from the pure layers, and only this class turns it into HTML through templates.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import markdown
import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup

from ..core import safety, sanitise
from ..core.fields import ORGANISATION_GROUPS
from ..core.kinds import BY_NAME
from ..publish import csp, search, share
from ..publish.pages import Publication
from ..publish.paths import display_url, public_url

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_CODE = re.compile(r"`+([^`]+?)`+")


def message_html(text: str) -> Markup:
    """A problem message as HTML: escaped, with `code` in backticks shown as code."""
    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", str(Markup.escape(text))))


class Renderer:
    def __init__(self, env: Environment, config, publication: Publication, site_url: str | None,
                 serving: bool = False) -> None:
        self.env = env
        self.serving = serving
        self.publication = publication
        self._cards: dict[tuple, Markup] = {}
        self._qr_codes: dict[str, Markup] = {}
        self._layout: dict[tuple, Markup] = {}
        self._nav_urls: set[str] | None = None
        self._policies: dict[str, str] = {}
        self._script_templates: list[str] | None = None
        self._config = config
        self._common_words: list[str] | None = None
        # Frontmatter rendered as Markdown (a theme's intro) never carries raw HTML or script links.
        self._md = markdown.Markdown(extensions=[*config.markdown_extensions, safety.SafeMarkdown()],
                                     extension_configs=config.mdx_configs)
        env.filters.update({
            "kb_markdown": lambda text: Markup(sanitise.clean(self._md.reset().convert(text or ""))),
            "kb_kind": lambda kind: BY_NAME[kind].display if kind in BY_NAME else kind,
            "kb_public_url": lambda url: public_url(site_url, url),
            "kb_display_url": display_url,
            "kb_qr": self.qr,
            "kb_breakable": share.breakable,
            "kb_message": message_html,
            "kb_csp_for": lambda script: csp.policy([str(script)]),
        })
        env.globals.update({
            "kb_card": self.card,
            "kb_layout": self.layout,
            "kb_search_data": search.page_data,
            "kb_indexed": search.indexed,
            "kb_search_weights": search.weights,
            "kb_header_search": lambda: search.header_settings(self.common_words()),
            "kb_search_vocabulary": lambda: Markup(search.vocabulary_json(publication.site, self.common_words())),
            "kb_csp": self.csp,
            "kb_organisation_groups": ORGANISATION_GROUPS,
            "kb_kinds": BY_NAME,
        })
        # Everything our own templates print is escaped unless marked safe: frontmatter is data, not HTML.
        previous = env.autoescape
        env.autoescape = lambda name: bool(name and name.startswith("kb/")) or (
            previous(name) if callable(previous) else bool(previous))
        # Material's own templates under "material/", for overrides that wrap rather than replace them.
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})])

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)

    def csp(self, base_url: str) -> str | None:
        """The page's Content-Security-Policy: the theme's inline scripts, as its templates render
        them for a page at this depth (base_url), are allowed by hash; nothing else inline.
        None in `mkdocs serve`: its live reload is an inline script that differs per request."""
        if self.serving:
            return None
        if base_url not in self._policies:
            if self._script_templates is None:  # listing walks every theme folder (Material's icons too)
                self._script_templates = self.env.list_templates(
                    filter_func=lambda name: name.startswith("partials/javascripts/"))
            names = self._script_templates
            context = {"config": self._config, "base_url": base_url, "features": self._config.theme.get("features") or []}
            scripts = [text for name in names for text in csp.inline_scripts(self.render(name, **context))]
            self._policies[base_url] = csp.policy(scripts)
        return self._policies[base_url]

    def card(self, item, prefix: str, anchor: str = "") -> Markup:
        """A list entry for item, rendered once per link depth (and anchor) and reused on every listing page."""
        key = (item.kind, item.key, prefix, anchor)
        if key not in self._cards:
            self._cards[key] = Markup(self.render(f"kb/partials/{item.kind}_card.html", item=item, prefix=prefix,
                                                  anchor=anchor))
        return self._cards[key]

    @pass_context
    def layout(self, context, name: str, caller) -> Markup:
        """`{% call kb_layout("tabs") %}{{ super() }}{% endcall %}`: Material's navigation, tabs,
        footer and settings, rendered once per folder for the pages outside the navigation. Such a
        page owns nothing in them, and its links in them are relative to its folder; pages in the
        navigation (the current item is marked, its table of contents shown) always render their own."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None:
            return Markup(caller())
        if self._nav_urls is None:
            self._nav_urls = {p.url for p in nav.pages}
        if page.url in self._nav_urls:
            return Markup(caller())
        key = (name, posixpath.dirname(page.url.rstrip("/")), _active_titles(nav))
        if key not in self._layout:
            self._layout[key] = Markup(caller())
        return self._layout[key]

    def common_words(self) -> list[str]:
        """The site's words on nearly every page (search.common_words), counted once per build."""
        if self._common_words is None:  # no publication: the preview shows the content's problems
            self._common_words = search.common_words(self.publication.site) if self.publication else []
        return self._common_words

    def qr(self, url: str) -> Markup:
        """The QR code of an absolute address as inline SVG; nothing for a site path."""
        if url not in self._qr_codes:
            code = share.qr_code(url)
            self._qr_codes[url] = Markup(self.render("kb/partials/qr.html", qr=code).strip()) if code else Markup("")
        return self._qr_codes[url]


def _active_titles(items) -> tuple[str, ...]:
    """The titles of the navigation entries marked active (the section a page belongs to, if any)."""
    titles: list[str] = []
    for item in items:
        if item.active:
            titles.append(item.title or "")
        if item.children:
            titles.extend(_active_titles(item.children))
    return tuple(titles)
