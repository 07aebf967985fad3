"""The plugin's options (`plugins: - kennisbank: {...}` in mkdocs.yml), typed."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as opt

_RETIRED = ("Kennisbank: de optie '{}' doet niets meer: de site wordt altijd in één proces gebouwd. "
            "Haal de optie weg uit mkdocs.yml.")


class KennisbankConfig(base.Config):
    feed_title = opt.Type(str, default="Kennisbank — nieuwe praktijkvoorbeelden")
    feed_limit = opt.Type(int, default=50)
    # Retired in the redesign (one build process, no layout reuse): old configs still build, with a warning.
    reuse_layout = opt.Deprecated(message=_RETIRED, option_type=opt.Type(bool))
    parallel_from = opt.Deprecated(message=_RETIRED, option_type=opt.Type(int))
