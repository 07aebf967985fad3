"""The thin MkDocs adapter: maps the pure core onto MkDocs events."""

from __future__ import annotations

import gc
import logging
import os
import posixpath
import secrets
from pathlib import Path

import markdown
import material
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import (emit, held, history, indexer, parallel, preview, redirects, reproducible, safety, search, share,
               urls)
from .core import load_site
from .model import Site
from .problems import ContentError, Problem

log = logging.getLogger("mkdocs.plugins.kennisbank")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


class _QuietSkips(logging.Filter):
    """Leaves out MkDocs' note that a page rendered to nothing, for the pages the plugin writes
    itself (held for their QR codes, held.py, or written by the second process)."""

    NOTE = "Page skipped: '{}'. Generated empty output."  # mkdocs/commands/build.py, _build_page

    def __init__(self) -> None:
        super().__init__()
        self.notes: set[str] = set()

    def add(self, src_uri: str) -> None:
        self.notes.add(self.NOTE.format(src_uri))

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.notes


class KennisbankConfig(base.Config):
    feed_title = opt.Type(str, default="Kennisbank — nieuwe praktijkvoorbeelden")
    feed_limit = opt.Type(int, default=50)
    # Render Material's navigation, tabs, header, footer and script tags once per folder for the
    # pages outside the navigation (examples, tags, ...) instead of once per page. Off: every page
    # renders all of it, with the same result (tests/test_build.py).
    reuse_layout = opt.Type(bool, default=True)
    # From this many pages outside the navigation on, a second process renders part of them
    # (parallel.py; only `mkdocs build`, with two or more cores). 0: always, as the tests do.
    parallel_from = opt.Type(int, default=300)


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    """While `problems` is not empty (only ever in `mkdocs serve`), every page shows them instead
    of the site (preview.py), and the other hooks leave the build alone: new hooks check it too."""

    site: Site | None = None
    serving = False
    dirty = False
    problems: list[Problem] = []
    dates: dict = {}
    index: indexer.Indexer | None = None
    helper: parallel.Helper | None = None
    writer: held.Writer | None = None
    quiet: _QuietSkips | None = None
    gc_thresholds: tuple[int, ...] | None = None  # Python's own, while the build holds back full collections

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook also keeps one plugin object for all rebuilds of `mkdocs serve`.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._hold_full_collections()
        # Validate everything before MkDocs cleans or writes anything.
        root = Path(config.config_file_path).parent
        content_dir = os.path.relpath(config.docs_dir, root)
        reproducible.set_build_date(root)  # sitemap dates from the commit, not the clock
        try:
            self.site = load_site(root, content_dir, exclude=urls.config_exclude(config))
        except ContentError as exc:
            if not self.serving:
                raise PluginError("\n" + exc.report()) from None
            # The live preview keeps running and shows the problems; self.site stays the last good one.
            self.problems = exc.problems
            preview.tell_terminal(self.problems)
        else:
            if self.problems:
                log.info("Kennisbank: de inhoud is weer in orde; de site wordt opnieuw getoond.")
            self.problems = []
            self.dates = history.last_changed(root, content_dir)
        # Our templates sit just above the theme's own, below a site's custom_dir if it has one.
        overrides = str(Path(__file__).parent / "overrides")
        if overrides not in config.theme.dirs:
            at = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(at, overrides)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.problems:
            return preview.problem_files(files, config, self.site)
        assert self.site is not None
        for file in list(files):
            item = self.site.page_for(file.src_uri)
            if item is not None:
                emit.move_to(file, item.url)
        for page in emit.generated_pages(self.site):
            file = File.generated(config, page.src_uri, content=page.markdown)
            files.append(file)
        search_page = search.SearchPage()
        files.append(File.generated(config, search_page.src_uri, content=search_page.markdown))
        self.files = files
        return files

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        if self._elsewhere(page):
            return "\n"
        # load.py has read and parsed this file already: give MkDocs the body instead of the file,
        # and the frontmatter in on_page_markdown. The newline keeps MkDocs from reading a body
        # that starts with '---' as frontmatter.
        document = None if self.problems or self.site is None else self.site.documents.get(page.file.src_uri)
        return None if document is None else "\n" + document[1]

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.problems:
            return markdown
        if self._elsewhere(page):
            page.meta = {"template": parallel.ELSEWHERE}
            return ""
        assert self.site is not None
        if page.file.src_uri in self.site.documents:
            page.meta = dict(self.site.documents[page.file.src_uri][0])
        item = emit.item_for(self.site, page.file.src_uri)
        if item is not None:
            page.meta.setdefault("template", emit.TEMPLATES[item.kind])
            if getattr(item, "summary", None):
                page.meta.setdefault("description", item.summary)
        return markdown

    @event_priority(-100)  # last, so the helper starts from the navigation as the build has it
    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        if self.problems:
            return nav
        assert self.site is not None
        self._nav_urls = [p.url for p in nav.pages]
        self._stop_all()  # what a failed `mkdocs serve` rebuild may have left
        # Each rendered page is set aside for Pagefind (on_post_page).
        self.index = indexer.Indexer(Path(config.config_file_path).parent)
        self.quiet = _QuietSkips()
        logging.getLogger("mkdocs.commands.build").addFilter(self.quiet)
        outside = [f for f in files.documentation_pages() if self._layout_key(f.url) is not None]
        if (not self.serving and not self.dirty and parallel.available()
                and len(outside) >= max(self.config.parallel_from, 1)):
            share_of_helper = parallel.choose(outside)
            for file in share_of_helper:
                self.quiet.add(file.src_uri)
            self.helper = parallel.Helper(files, share_of_helper)
            self.helper.start(lambda: parallel.render(share_of_helper, config, files, nav,
                                                      then=lambda: held.quietly(self._held.write)))
        return nav

    def _elsewhere(self, page: Page) -> bool:
        """In the build: the helper renders this page (parallel.py)."""
        return self.helper is not None and not self.helper.inside and page.file.src_uri in self.helper.share

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self.problems:
            context["kb_problems"] = self.problems
            return context
        if self._elsewhere(page):
            return context
        assert self.site is not None
        context["kb"] = emit.item_for(self.site, page.file.src_uri)
        # Material prints page.meta.title and .description unescaped (<title>, <meta>): hand it escaped text.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
                page.meta[key] = Markup.escape(page.meta[key])
        context["kb_history"] = history.page_history(self.dates, getattr(context["kb"], "path", ""),
                                                     page.edit_url)
        context["kb_site"] = self.site
        context["kb_crumbs"] = emit.breadcrumbs(self.site, page.file.src_uri)
        context["kb_prefix"] = emit.prefix_to_root(page.url)
        context["kb_layout_key"] = self._layout_key(page.url) if self.config.reuse_layout else None
        return context

    def _layout_key(self, url: str) -> str | None:
        """The folder of a page one level down that is not in the navigation ('voorbeelden' for
        'voorbeelden/stroomlijn/'), else None. Such pages see the same navigation (nothing in it is
        theirs, so nothing is marked active) and the same relative links in it."""
        if url.count("/") < 2 or any(nav_url.startswith(url) for nav_url in self._nav_urls):
            return None
        return posixpath.dirname(url.rstrip("/"))

    @pass_context
    def _reuse(self, context, name: str, caller) -> Markup:
        """`{% call kb_reuse("tabs") %}...{% endcall %}`: the body rendered once per layout key."""
        key = context.get("kb_layout_key")
        return Markup(caller()) if key is None else self._reused(("layout", name, key), caller)

    def _reused(self, key: tuple, make) -> Markup:
        """Rendered HTML kept for the rest of the build under `key`."""
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = Markup(make())
        return html

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # Frontmatter rendered as Markdown (a theme's intro) never carries raw HTML or script links.
        md = markdown.Markdown(extensions=[*config.markdown_extensions, safety.SafeMarkdown()],
                               extension_configs=config.mdx_configs)
        env.filters["kb_markdown"] = lambda text: Markup(md.reset().convert(text or ""))
        env.filters["kb_kind"] = lambda kind: emit.KIND_LABELS.get(kind, kind)
        # Everything our own templates print is escaped unless marked safe: frontmatter is data, not HTML.
        previous = env.autoescape
        env.autoescape = lambda name: bool(name and name.startswith("kb/")) or (
            previous(name) if callable(previous) else bool(previous))
        env.globals["kb_card"] = self._card
        env.globals["kb_reuse"] = self._reuse
        # Material's own templates under "material/", for overrides that wrap rather than replace them.
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})])
        # QR codes are made after the last page, while Pagefind indexes (held.py, on_post_build).
        self._held = held.HeldPages(secrets.token_hex(8))
        share.register(env, config, self._held.token)  # kb_public_url, kb_display_url, kb_qr
        env.globals["kb_search_data"] = search.page_data
        env.globals["kb_search_vocabulary"] = lambda: Markup(search.vocabulary_json(self.site))
        self._rendered: dict[tuple, Markup] = {}
        self.env = env
        return env

    def _card(self, item, prefix: str) -> Markup:
        """A list entry for item, rendered once per link depth and reused on every listing page."""
        template = f"kb/partials/{item.kind}_card.html"
        return self._reused(("card", id(item), prefix),
                            lambda: self.env.get_template(template).render(item=item, prefix=prefix))

    @event_priority(-100)  # last: the page as every plugin left it goes to the index (or the build)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.helper is not None and self.helper.inside:
            self.helper.send_page(page, indexer.indexable(output))
            return self._hold(page, output)
        # Set aside in the order MkDocs builds, whichever process rendered the page: Pagefind
        # numbers the pages in the order it finds the files, and the site must not depend on timing.
        if self._elsewhere(page):
            text, output = self.helper.take(page), ""  # the helper writes that page
        else:
            text, output = indexer.indexable(output), self._hold(page, output)
        if self.index is not None:
            self.index.add(indexer.url_of(page.file.dest_uri), text)
        return output

    def _hold(self, page: Page, output: str) -> str:
        """A page with QR codes waits for them (held.py); MkDocs writes the others now."""
        if self.problems or not self._held.hold(page.file.abs_dest_path, output):
            return output
        if self.quiet is not None:
            self.quiet.add(page.file.src_uri)
        return ""

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.problems:
            self._release_full_collections()
            return
        assert self.site is not None and self.index is not None
        # Pagefind indexes while the held pages get their QR codes and are written, with the exports
        # and the redirects. Redirect pages are never set aside for it, so they never show up as
        # search results. HTML that MkDocs copied or rendered without a page (404.html), and in a
        # --dirty rebuild the pages it skipped, is read from disk.
        others = [f.dest_uri for f in self.files if f.dest_uri.endswith(".html")]
        others += [name for name in config.theme.static_templates if name.endswith(".html")]
        self.index.write(config.site_dir, others)
        # Redirects never replace a file of the build (a warning, logged here so --strict counts it).
        taken = {f.dest_uri for f in self.files} | set(config.theme.static_templates)
        aliases = redirects.to_write(self.site, config.site_url, taken)

        def write_the_rest() -> None:
            self._held.write()
            emit.write_exports(self.site, config, self.config, self.env)
            redirects.write_redirects(aliases, config.site_dir, self.env)

        if self.helper is not None:  # a large site: a copy of the build writes it (held.py)
            self.writer = held.Writer(write_the_rest)
        else:
            write_the_rest()
        self._stop_quiet()
        if self.helper is not None:
            helper, self.helper = self.helper, None
            helper.finish()
            log.info(f"Kennisbank: {len(helper.share)} van de {len(self.files.documentation_pages())} "
                     "pagina's zijn in een tweede proces gebouwd.")
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.finish()
        index, self.index = self.index, None  # a failure before this point stops it (on_build_error)
        stats = index.finish()
        log.info(f"Kennisbank: zoekindex voor {stats.pages} pagina's klaar, {stats.seconds:.1f} s na de start.")
        if aliases:
            log.info(f"Kennisbank: {len(aliases)} doorverwijzingen van oude adressen geschreven.")
        self._release_full_collections()

    def on_build_error(self, error: Exception) -> None:
        self._stop_all()
        self._release_full_collections()

    def on_shutdown(self) -> None:
        self._stop_all()
        self._release_full_collections()

    def _hold_full_collections(self) -> None:
        """Python's full garbage collections look at every object in memory, and a build keeps its
        pages in memory: on a site of 10,000 examples a dozen of them took 2 s of the build process
        and held up the second process (BENCHMARKS.md). Short-lived objects are still collected as
        usual, and little garbage lives long (peak memory is the same), so full collections wait
        until the build is done (_release_full_collections)."""
        if self.gc_thresholds is None:
            self.gc_thresholds = gc.get_threshold()
            gc.set_threshold(*self.gc_thresholds[:2], 1_000_000)

    def _release_full_collections(self) -> None:
        if self.gc_thresholds is not None:
            gc.set_threshold(*self.gc_thresholds)
            self.gc_thresholds = None

    def _stop_all(self) -> None:
        self._stop_helper()
        if self.writer is not None:
            self.writer.stop()
            self.writer = None
        self._stop_index()
        self._stop_quiet()

    def _stop_quiet(self) -> None:
        if self.quiet is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self.quiet)
            self.quiet = None

    def _stop_helper(self) -> None:
        if self.helper is not None and not self.helper.inside:
            self.helper.stop()
        self.helper = None

    def _stop_index(self) -> None:
        if self.index is not None:
            self.index.stop()
            self.index = None
