"""The MkDocs plugin: each hook hands the build to the pure layers or to one of the adapter's objects.

    on_config   load and check the content (core, publish) or, in `mkdocs serve`, start a ProblemPreview
    on_files    the publication's pages as MkDocs files, and the browser's QR library (files.py)
    on_env      our filters and globals (renderer.py)
    on_page_*   each page gets its item, breadcrumbs and history
    on_post_build  catalog.json, feed.xml, redirects (output.py), then Pagefind over the site (pagefind.py)
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core import sanitise
from ..core.problems import ContentError
from ..publish import load_project
from ..publish.pages import Publication
from ..publish.paths import prefix_to_root
from . import admin, history, output, pagefind, reproducible
from ..publish import share
from .staging import StagedOutput
from .config import KennisbankConfig, public_site_url
from .files import add_qr_library, publish_files
from ..publish.manifest import config_exclude
from .preview import ProblemPreview
from .renderer import Renderer

log = logging.getLogger("mkdocs.plugins.kennisbank")
OVERRIDES = str(Path(__file__).resolve().parent.parent / "overrides")


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    serving = False
    dirty = False
    staged: StagedOutput | None = None  # a build's staging folder (staging.py), until it is swapped in
    publication: Publication | None = None  # the last good one, kept while a preview shows problems
    preview: ProblemPreview | None = None  # only in `mkdocs serve`, while the content has problems
    renderer: Renderer | None = None
    files: Files | None = None
    dates: dict = {}
    content_dir = "content"
    _section: Page | None = None  # the overview whose tab is marked for the page being rendered
    site_url: str | None = None  # the public address, also in `mkdocs serve` (config.public_site_url)
    qr_library: str | None = None  # the site path of the browser's QR library, None without npm
    has_admin = False

    @property
    def whole_site_broken(self) -> bool:
        """In the live preview: no page can be built, so every page shows the problems."""
        return self.preview is not None and self.preview.partial is None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook also keeps one plugin object for all rebuilds of `mkdocs serve`.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        content_dir = self.content_dir = os.path.relpath(config.docs_dir, root)
        reproducible.set_build_date(root)  # sitemap dates from the commit, not the clock
        self.site_url = public_site_url(config, self.serving)
        if os.environ.get(share.PUBLISH_ENV) and (problem := share.address_problem(self.site_url)):
            raise PluginError(problem)
        try:
            self.publication = Publication(load_project(root, content_dir, exclude=config_exclude(config)))
        except Exception as exc:  # in `mkdocs serve` any failure becomes the Dutch problems page
            if not self.serving:
                if isinstance(exc, ContentError):
                    raise PluginError("\n" + exc.report()) from None
                raise
            self.preview = ProblemPreview.start(root, content_dir, exc, self.publication)
            if self.preview.partial is not None:
                self.publication = self.preview.partial
        else:
            if self.preview is not None:
                log.info("Kennisbank: de inhoud is weer in orde; de site wordt opnieuw getoond.")
            self.preview = None
            self.dates = history.last_changed(root, content_dir)
            if not self.serving and not self.dirty:
                self.staged = StagedOutput(config.site_dir, bool(config.strict))
                config.site_dir = self.staged.begin()
        # Nothing from other origins (the policy in publish/csp.py would block it anyway): no Google Fonts.
        config.theme["font"] = False
        # Attribute lists may set ids and classes only, in every page and Markdown field.
        if not any(isinstance(e, sanitise.IdAndClassOnly) for e in config.markdown_extensions):
            config.markdown_extensions.append(sanitise.IdAndClassOnly())
        # Our templates sit just above the theme's own, below a site's custom_dir if it has one.
        if OVERRIDES not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, OVERRIDES)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.whole_site_broken:
            return self.preview.files(files, config)
        self.files = publish_files(files, config, self.publication)
        if self.preview is not None:
            self.files = self.preview.mark(self.files, config)
        self.qr_library = add_qr_library(self.files, config, Path(config.config_file_path).parent)
        if self.qr_library is None:
            log.info("Kennisbank: de QR-bibliotheek (qrcode-generator) is niet geïnstalleerd; bij een overzicht "
                     "met filters toont de browser link, kopiëren en printen, maar geen QR-code. Installeer "
                     "hem met 'make install'.")
        self.has_admin = admin.add_files(self.files, config, self.publication, self.config)
        return self.files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.whole_site_broken:
            output.page_meta(page, self.publication)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's HTML from content through the allowlist (sanitise.py); the check has already
        refused what it would change, so a warning here means the check and the build disagree."""
        cleaned = sanitise.clean(html)
        if sanitise.removes_anything(html, cleaned):
            log.warning(f"Kennisbank: {page.file.src_uri}: de HTML van deze pagina bevat iets wat de site "
                        "niet publiceert en wat de controle niet vond; het is weggelaten — meld dit aan een beheerder")
        return cleaned

    def on_env(self, env, config: MkDocsConfig, files: Files):
        self.renderer = Renderer(env, config, self.publication, self.site_url, self.serving)
        env.globals["kb_qr_library"] = self.qr_library
        return env

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self.whole_site_broken or self.preview is not None and page.file.src_uri in self.preview.broken:
            return self.preview.context(context, page.file.src_uri)
        publication = self.publication
        item = publication.item_for(page.file.src_uri)
        # Material prints page.meta.title and .description unescaped (<title>, <meta>): hand it escaped text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
                page.meta[key] = Markup.escape(page.meta[key])
        crumbs = publication.breadcrumbs(page.file.src_uri)
        self._mark_section(nav, crumbs)
        context.update(
            kb=item, kb_site=publication.site, kb_crumbs=crumbs,
            kb_prefix=prefix_to_root(page.url),
            kb_history=history.content_history(self.dates, item, self.content_dir, page.edit_url))
        if self.preview is not None:
            self.preview.context(context, page.file.src_uri)  # the banner on the pages that are fine
        return context

    def _mark_section(self, nav, crumbs) -> None:
        """A generated page (a lesson, a tag, ...) is not in the navigation: mark its overview's tab as the
        active one for this page, as MkDocs does for a page in the navigation (undone in on_post_page)."""
        if nav is None or len(crumbs) < 2:
            return
        overview = crumbs[1][1]
        self._section = next((p for p in nav.pages if p.url == overview and not p.active), None)
        if self._section is not None:
            self._section.active = True

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self._section is not None:
            self._section.active = False
            self._section = None
        return output

    def on_build_error(self, error: Exception) -> None:
        if self.staged is not None:
            self.staged.discard()  # the previous site stays as it was
            self.staged = None

    @event_priority(-100)  # last: the search index and the swap come after every other plugin's files
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.whole_site_broken:
            return
        taken = {f.dest_uri for f in self.files} | set(config.theme.static_templates)
        if self.has_admin:
            taken.add(admin.write_page(self.renderer, config, self.files))
        for warning in output.write_extras(self.publication, self.renderer, config, self.config, taken):
            log.warning(warning)  # a warning, so --strict counts it
        try:
            stats = pagefind.index_site(config.site_dir, Path(config.config_file_path).parent)
        except pagefind.IndexFailed as exc:
            raise PluginError(str(exc)) from None
        log.info(f"Kennisbank: zoekindex voor {stats.pages} pagina's klaar.")
        if self.staged is not None:
            target = self.staged.target
            if self.staged.commit():
                config.site_dir = str(target)
            self.staged = None
