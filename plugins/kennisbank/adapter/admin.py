"""The web form at /admin/: Decap CMS from node_modules, its generated config.yml, and its page.

The CMS is served from the site itself (no third-party script). Without `npm ci` (no
node_modules/decap-cms) or without a GitHub repo_url the site is built without the form.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml
from mkdocs.structure.files import File, Files, InclusionLevel

from ..cli.cms import backend_from, cms_config
from ..core.kinds import DOCUMENT_KINDS
from ..publish.pages import Publication
from .renderer import Renderer

log = logging.getLogger("mkdocs.plugins.kennisbank")
FOLDER = "admin"
DIST = Path("node_modules", "decap-cms", "dist")
TEMPLATE = "kb/admin.html"
# The site's own stylesheets, for the preview beside the form.
PREVIEW_STYLES = ("assets/stylesheets/main.", "assets/stylesheets/palette.", "assets/kennisbank/kennisbank.css")


def add_files(files: Files, config, publication: Publication, options) -> bool:
    """Add the CMS scripts and config.yml to the site; False when the form cannot be built here."""
    dist = Path(config.config_file_path).parent / DIST
    backend = backend_from(config.repo_url, config.edit_uri, config.site_url, options.cms_auth_url)
    if not (dist / "decap-cms.js").is_file() or backend is None:
        log.info("Kennisbank: geen webformulier (/admin/): %s", "voer eerst `npm ci` uit" if backend
                 else "repo_url in mkdocs.yml is geen GitHub-repository")
        return False
    for script in sorted(dist.glob("*decap-cms.js")):
        files.append(File.generated(config, f"{FOLDER}/{script.name}", abs_src_path=str(script)))
    text = yaml.safe_dump(cms_config(publication.site, backend), allow_unicode=True, sort_keys=False, width=120)
    # INCLUDED: mkdocs.yml's exclude_docs leaves out *.yml (the vocabularies), but not this one.
    files.append(File.generated(config, f"{FOLDER}/config.yml", content=text, inclusion=InclusionLevel.INCLUDED))
    return True


def write_page(renderer: Renderer, config, files: Files) -> str:
    """Write admin/index.html; returns its path in the site folder."""
    styles = [f.url for f in files if f.url.startswith(PREVIEW_STYLES) and f.url.endswith(".css")]
    dest = f"{FOLDER}/index.html"
    target = Path(config.site_dir) / dest
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(renderer.render(TEMPLATE, config=config, styles=sorted(styles),
                                           collections=[kind.collection for kind in DOCUMENT_KINDS]), encoding="utf-8")
    return dest
