"""The plugin's options (`plugins: - kennisbank: {...}` in mkdocs.yml), typed."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

_RETIRED = ("Kennisbank: de optie '{}' doet niets meer: de site wordt altijd in één proces gebouwd. "
            "Haal de optie weg uit mkdocs.yml.")


class KennisbankConfig(base.Config):
    feed_title = opt.Type(str, default="Kennisbank — nieuwe praktijkvoorbeelden")
    feed_limit = opt.Type(int, default=50)
    # The web form at /admin/: the address of the sign-in helper for GitHub (CONTRIBUTING.md, "Inloggen").
    cms_auth_url = opt.Type(str, default="")
    # Retired in the redesign (one build process, no layout reuse): old configs still build, with a warning.
    reuse_layout = opt.Deprecated(message=_RETIRED, option_type=opt.Type(bool))
    parallel_from = opt.Deprecated(message=_RETIRED, option_type=opt.Type(int))


def public_site_url(config, serving: bool) -> str | None:
    """The site's public address, as mkdocs.yml (or KENNISBANK_SITE_URL through !ENV) gives it.

    `mkdocs serve` replaces config.site_url by its own local address before any plugin runs; QR codes
    and permanent links must keep pointing at the public site, so then it is read from the file again.
    """
    if not serving or not config.config_file_path:
        return config.site_url
    from mkdocs.utils.yaml import yaml_load

    with open(config.config_file_path, encoding="utf-8") as file:
        value = yaml_load(file).get("site_url")
    return value if isinstance(value, str) and value else config.site_url
