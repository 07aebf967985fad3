"""The web form at /admin/ (Decap CMS) in Chromium, against the local proxy on 127.0.0.1, as an editor uses it.

One copy of the real project, one build and one proxy (decap-server, as `make admin` starts it) for
the module. The form writes into the copy; `kennisbank check` and a real build then judge what it
wrote. Screenshots of each step go to test-artifacts/webformulier/; with KENNISBANK_SCREENSHOTS=1
they replace the ones CONTRIBUTING.md shows (.github/handleiding/).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import frontmatter
import pytest

from browser import ARTIFACTS, DESKTOP, ROOT, serve
from conftest import check, mkdocs_build

PROXY_PORT = 8081  # cli/cms.py LOCAL_PROXY
DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
GUIDE_SHOTS = ROOT / ".github" / "handleiding"
TITLE = "Thema's van Zwolle"
SLUG = "themas-van-zwolle"
PARAGRAPHS = [("Context", "Zwolle wilde weten welke thema's inwoners echt bezighouden."),
              ("Aanpak", "Het team hield gesprekken in elke wijk.")]

pytestmark = pytest.mark.skipif(not DECAP_SERVER.exists(), reason="decap-server ontbreekt: voer `npm ci` uit")


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("admin") / "project"
    target.mkdir()
    for name in ("content", "mkdocs.yml", "published-urls.txt"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture(scope="module")
def form(project, chromium):
    """(base URL of the built site, browser context) with the proxy running on 127.0.0.1:8081."""
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _port_free(PROXY_PORT), "poort 8081 is bezet (draait `make admin` nog?)"
    env = {**os.environ, "BIND_HOST": "127.0.0.1", "PORT": str(PROXY_PORT), "GIT_REPO_DIRECTORY": str(project),
           "LOG_LEVEL": "warn"}
    proxy = subprocess.Popen([str(DECAP_SERVER)], cwd=project, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            if not _port_free(PROXY_PORT):
                break
            time.sleep(0.1)
        with serve(site) as base:
            context = chromium.new_context(viewport=DESKTOP, locale="nl-NL")
            outside: list[str] = []
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:")
                          else (outside.append(route.request.url), route.abort()))
            yield base, context, outside
            context.close()
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


def shot(page, name: str) -> None:
    for folder in [ARTIFACTS / "webformulier"] + ([GUIDE_SHOTS] if os.environ.get("KENNISBANK_SCREENSHOTS") else []):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"))


def open_form(context, base: str):
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(base + "admin/")
    login = page.get_by_role("button", name="Inloggen")
    login.or_(page.get_by_text("Inhoudstypen")).first.wait_for()
    return page, errors, login


def choose(page, label: str, typed: str, exact: bool = True) -> None:
    """Pick an option of a choice list by typing (part of) its label, as an editor does."""
    field = page.get_by_label(re.compile(rf"^{label}( \(optioneel\))?$"))
    field.click()
    field.fill(typed)
    options = page.get_by_role("option", name=typed, exact=True) if exact else \
        page.get_by_role("option").filter(has_text=typed)
    options.first.click()


def publish(page) -> None:
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu", exact=True).click()
    page.get_by_text("Item opgeslagen", exact=True).first.wait_for()


def test_a_new_case_through_the_form(form, project):
    base, context, outside = form
    page, errors, login = open_form(context, base)
    shot(page, "1-inloggen")
    login.click()
    page.get_by_text("Praktijkvoorbeelden", exact=True).first.click()
    page.get_by_text("Stroomlijn", exact=False).first.wait_for()
    shot(page, "2-overzicht")
    page.locator("a[href$='/collections/examples/new']").click()
    page.get_by_label("Titel", exact=True).fill(TITLE)
    page.get_by_label("Samenvatting", exact=True).fill("Zwolle vroeg inwoners welke thema's er spelen en "
                                                       "koos daarna samen drie speerpunten.")
    choose(page, "Organisaties", "Gemeente Oss")
    choose(page, "Provincies", "Overijssel")
    choose(page, "Lessen", "verhaal van de regio", exact=False)
    choose(page, "Tags", "Participatie")
    choose(page, "Tags", "Leefbaarheid")
    choose(page, "Bron", "Leren van elkaar", exact=False)
    shot(page, "3-velden")
    page.get_by_role("switch").last.click()  # from "Rijke tekst" to "Markdown"
    editor = page.locator("[data-slate-editor]").last
    for heading, text in PARAGRAPHS:
        line = editor.get_by_text(f"## {heading}", exact=True)
        box = line.bounding_box()
        # Click just after the end of the heading's line, as an editor does before pressing Enter.
        page.mouse.click(box["x"] + box["width"] + 2, box["y"] + box["height"] / 2)
        page.keyboard.press("End")
        page.wait_for_timeout(100)
        page.keyboard.press("Enter")
        page.keyboard.type(text)
    shot(page, "4-tekst")
    publish(page)
    shot(page, "5-opgeslagen")
    assert not outside and not errors, outside + errors

    written = project / "content" / "examples" / f"{SLUG}.md"
    assert written.is_file(), sorted(p.name for p in written.parent.iterdir())
    post = frontmatter.load(written)
    assert post["title"] == TITLE
    assert post["organisations"] == ["oss"] and post["lessons"] == ["verhaal-van-de-regio"]
    assert post["tags"] == ["participatie", "leefbaarheid"]
    for heading, text in PARAGRAPHS:
        assert f"## {heading}\n{text}\n" in post.content, post.content
    code, lines = check(project)
    assert code == 0, "\n".join(lines)
    site = project.parent / "site-na-formulier"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    lesson = (site / "lessen" / "verhaal-van-de-regio" / "index.html").read_text(encoding="utf-8")
    assert f"voorbeelden/{SLUG}/" in lesson and "Thema&#39;s van Zwolle" in lesson


def test_editing_an_existing_case_loses_nothing(form, project):
    base, context, outside = form
    file = project / "content" / "examples" / "stroomlijn.md"
    before = frontmatter.load(file)
    page, errors, login = open_form(context, base)
    if login.is_visible():
        login.click()
    page.goto(base + "admin/#/collections/examples/entries/stroomlijn")
    summary = page.get_by_label("Samenvatting", exact=True)
    summary.fill(before["summary"] + " Bijgewerkt via het webformulier.")
    publish(page)
    assert not outside and not errors, outside + errors
    after = frontmatter.load(file)
    changed = {k for k in set(before.metadata) | set(after.metadata) if before.get(k) != after.get(k)}
    # Fields left empty in the file may come back as empty values; nothing with a value is lost.
    lost = {k for k in changed if before.get(k) not in (None, "", []) and k != "summary"}
    assert not lost, {k: (before.get(k), after.get(k)) for k in lost}
    assert after["summary"].endswith("Bijgewerkt via het webformulier.")
    assert after.content.strip() == before.content.strip()
    code, lines = check(project)
    assert code == 0, "\n".join(lines)
