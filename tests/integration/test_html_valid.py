"""Generated pages are valid HTML, checked by the Nu Html Checker (vnu.jar, the W3C's validator).

vnu.jar comes from package-lock.json (node_modules/vnu-jar, installed by `make test`) and needs
Java 11 or later (.ci/run installs default-jre-headless where it is missing). One page of each
type is checked, in one run of the validator, to keep the time low (about 10 s).

Errors fail the test, except the documented false positives in KNOWN below: markup of Material
for MkDocs that we cannot change without copying its base template. Warnings are listed in
test-artifacts/html-validation.txt, not failed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import ARTIFACTS
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message pattern, pattern the quoted source must match, why it is accepted)
KNOWN = [
    (r"^Attribute “autocomplete” is only allowed when the input type is", r'class="md-toggle"',
     "Material's base.html puts autocomplete=\"off\" on its hidden drawer and search checkboxes "
     "(so Firefox does not restore their state); harmless, and only in Material's base template."),
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'for="__toc"',
     "Material's toc.html always writes <label for=\"__toc\">; the checkbox it belongs to only exists "
     "when the page is in the navigation (our lessons and examples are not, by design)."),
    (r"^Bad value “” for attribute “tabindex” on element “label”", r'class="md-nav__link"',
     "Material's nav-item.html writes tabindex=\"\" on the label of an open navigation section "
     "(here: Over); browsers ignore the empty value."),
]


def representative_pages(real_site, hostile_site, model) -> list:
    site, _ = hostile_site
    organisation = next(o for o in model.organisations if o.examples)
    urls = ["", model.themes[0].url, model.lessons[0].url, model.examples[0].url, model.tags[0].url,
            organisation.url, "themas/", "lessen/", "voorbeelden/", "tags/", "organisaties/", "zoeken/",
            "over/", "toegankelijkheid/"]
    urls += [model.meetings[0].url, "bijeenkomsten/"] if model.meetings else []
    files = [real_site / u / "index.html" for u in urls] + [real_site / "404.html"]
    # Script in every field must still give valid pages; and a redirect page for an old address.
    files += [site / "lessen/coalitie/index.html", site / "themas/leren/index.html",
              site / "bijeenkomsten/regio/index.html", site / "oud/coalitie/index.html"]
    missing = [f for f in files if not f.is_file()]
    assert not missing, missing
    return files


def known(message: dict) -> str | None:
    for pattern, source, why in KNOWN:
        if re.search(pattern, message.get("message", "")) and re.search(source, message.get("extract", "")):
            return why
    return None


def test_pages_are_valid_html(real_site, hostile_site, real_model):
    if not shutil.which("java"):
        pytest.fail("Java ontbreekt: installeer default-jre-headless (apt-get), .ci/run doet dat ook")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} ontbreekt: voer 'npm ci' uit (make test doet dat)")
    files = representative_pages(real_site, hostile_site, real_model)
    run = subprocess.run(["java", "-Xss2m", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stdout)["messages"]
    errors, accepted, warnings = [], [], []
    for m in messages:
        where = f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}"
        line = f"{where}: {m.get('message')}  [{(m.get('extract') or '').strip()[:120]}]"
        if m["type"] == "error" or m["type"] == "non-document-error":
            (accepted if known(m) else errors).append(line)
        else:
            warnings.append(line)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "html-validation.txt").write_text(
        f"{len(files)} pagina's; {len(errors)} fouten, {len(accepted)} bekende vals-positieven, "
        f"{len(warnings)} waarschuwingen\n\nFOUTEN\n" + "\n".join(errors)
        + "\n\nBEKEND (zie KNOWN in tests/test_html_valid.py)\n" + "\n".join(accepted)
        + "\n\nWAARSCHUWINGEN\n" + "\n".join(warnings) + "\n", encoding="utf-8")
    assert not errors, "\n".join(errors)


def test_known_false_positives_are_still_needed():
    """Each filter names Material markup that still exists; drop a filter once Material fixes it."""
    import material as package

    material = Path(package.__file__).parent / "templates"
    sources = {"md-toggle": "base.html", "__toc": "partials/toc.html", "md-nav__link": "partials/nav-item.html"}
    for key, template in sources.items():
        assert key in (material / template).read_text(encoding="utf-8"), template
