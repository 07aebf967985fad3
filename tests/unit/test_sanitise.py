"""The allowlist sanitiser (core/sanitise.py) and the check's rendering agree with the site."""

from __future__ import annotations

import markdown
import yaml

from conftest import ROOT
from kennisbank.core import sanitise
from kennisbank.core.safety import BODY_EXTENSIONS


def test_the_check_renders_with_the_sites_markdown_extensions():
    """If mkdocs.yml gains an extension, the check must render bodies with it too (safety.py)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    assert names == set(BODY_EXTENSIONS)


def test_everything_our_markdown_writes_passes_unchanged():
    body = ("# Kop {#eigen .breed}\n\nTekst[^1] met [link](https://example.org/ \"titel\"), [mail](mailto:a@b.nl), "
            "![beeld](../a.png) en <abbr title=\"x\">GR</abbr><br>\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n"
            "!!! warning \"Let op\"\n    Tekst.\n\n    code\n\n[^1]: Voetnoot.\n")
    html = markdown.Markdown(extensions=[*BODY_EXTENSIONS, sanitise.IdAndClassOnly()],
                             extension_configs={"toc": {"permalink": True}}).convert(body)
    assert sanitise.changes(html) == []
    cleaned = sanitise.clean(html)
    for kept in ('id="eigen"', 'class="headerlink"', 'style="text-align: center;"', 'class="admonition warning"',
                 'href="#fn:1"', 'src="../a.png"', 'href="mailto:a@b.nl"', 'title="titel"'):
        assert kept in cleaned, kept


def test_reserved_ids_classes_and_external_images_are_dropped():
    html = ('<h2 id="__config">a</h2><p id="kb-q" class="md-header mermaid ok">b</p>'
            '<img src="https://evil.example/x.png" alt="x"><img src="//evil.example/y.png"><img src="eigen.png">')
    assert sanitise.clean(html) == ('<h2>a</h2><p class="ok">b</p><img alt="x"><img><img src="eigen.png">')
    assert {(c.attribute, c.value) for c in sanitise.changes(html)} >= {
        ("id", "__config"), ("id", "kb-q"), ("src", "https://evil.example/x.png")}
