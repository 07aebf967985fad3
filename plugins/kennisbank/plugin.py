"""The thin MkDocs adapter: maps the pure core onto MkDocs events."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import emit
from .core import load_site
from .model import Site
from .problems import ContentError

log = logging.getLogger("mkdocs.plugins.kennisbank")


class KennisbankConfig(base.Config):
    site_title_short = opt.Type(str, default="Kennisbank")
    feed_title = opt.Type(str, default="Kennisbank — nieuwe praktijkvoorbeelden")
    feed_limit = opt.Type(int, default=50)


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Validate everything before MkDocs cleans or writes anything.
        root = Path(config.config_file_path).parent
        content_dir = os.path.relpath(config.docs_dir, root)
        try:
            self.site = load_site(root, content_dir)
        except ContentError as exc:
            raise PluginError("\n" + exc.report()) from None
        # Our templates sit just above the theme's own, below a site's custom_dir if it has one.
        overrides = str(Path(__file__).parent / "overrides")
        if overrides not in config.theme.dirs:
            at = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(at, overrides)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for file in list(files):
            item = self.site.page_for(file.src_uri)
            if item is not None:
                emit.move_to(file, item.url)
        for page in emit.generated_pages(self.site):
            file = File.generated(config, page.src_uri, content=page.markdown)
            files.append(file)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        item = emit.item_for(self.site, page.file.src_uri)
        if item is not None:
            page.meta.setdefault("template", emit.TEMPLATES[item.kind])
            if getattr(item, "summary", None):
                page.meta.setdefault("description", item.summary)
        return markdown

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        assert self.site is not None
        context["kb"] = emit.item_for(self.site, page.file.src_uri)
        context["kb_site"] = self.site
        context["kb_crumbs"] = emit.breadcrumbs(self.site, page.file.src_uri)
        return context

    def on_env(self, env, config: MkDocsConfig, files: Files):
        md = markdown.Markdown(extensions=config.markdown_extensions,
                               extension_configs=config.mdx_configs)
        env.filters["kb_markdown"] = lambda text: Markup(md.reset().convert(text or ""))
        env.filters["kb_kind"] = lambda kind: emit.KIND_LABELS.get(kind, kind)
        # Everything our own templates print is escaped unless marked safe: frontmatter is data, not HTML.
        previous = env.autoescape
        env.autoescape = lambda name: bool(name and name.startswith("kb/")) or (
            previous(name) if callable(previous) else bool(previous))
        env.globals["kb_card"] = self._card
        self._cards: dict[tuple[int, str], Markup] = {}
        self.env = env
        return env

    def _card(self, item, page) -> Markup:
        """A list entry for item, rendered once per link depth and reused on every listing page."""
        prefix = "../" * page.url.count("/")
        key = (id(item), prefix)
        card = self._cards.get(key)
        if card is None:
            template = self.env.get_template(f"kb/partials/{item.kind}_card.html")
            card = self._cards[key] = Markup(template.render(item=item, prefix=prefix))
        return card

    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.site is not None
        emit.write_exports(self.site, config, self.config, self.env)
