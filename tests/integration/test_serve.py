"""Live preview: a real `mkdocs serve` keeps running through broken content and shows the problems.

Starts the server on a free loopback port against a copy of the small project, breaks a file,
waits for the Dutch problem on the page, fixes it, waits for the page to come back. The server
is always stopped at the end.
"""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import check, mkdocs_build

EXAMPLE = "content/examples/stroomlijn.md"
GOOD = "tags: [vervoer, regionale-samenwerking]"
BAD = "tags: [vervoer, regionaal]"
PROBLEM = ("content/examples/stroomlijn.md:8: tags: onbekende tag 'regionaal' — "
           "bedoelde je 'regionale-samenwerking'?")
HEADING = "Deze pagina kan nu niet worden getoond"  # a page whose file has problems
WHOLE = "De site kan nu niet worden getoond"  # every page, when a shared file is broken
BANNER = "Voorvertoning:"
TIMEOUT = 60  # seconds for each state change; a rebuild of the small project takes about one


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, socket.timeout):
        return 0, ""


def text_of(page: str) -> str:
    """What a reader sees: tags removed, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))


class Server:
    def __init__(self, root: Path, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log
        self.out = open(log, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
             "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, stdout=self.out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_for(self, url: str, condition, what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        page = ""
        while time.monotonic() < deadline:
            assert self.alive(), f"server stopped while waiting for {what}:\n{self.output()}"
            status, page = fetch(self.base + url)
            if status == 200 and condition(text_of(page)):
                return page
            time.sleep(0.3)
        pytest.fail(f"timed out waiting for {what} at /{url}; last page:\n{text_of(page)[:800]}\n"
                    f"server output:\n{self.output()}")

    def output(self) -> str:
        self.out.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.out.close()


@pytest.fixture
def server(mini, tmp_path):
    started: list[Server] = []

    def start() -> Server:
        started.append(Server(mini, tmp_path / "serve.log"))
        return started[-1]

    yield start
    for s in started:
        s.stop()


def edit(root: Path, old: str, new: str) -> None:
    path = root / EXAMPLE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def is_site(text: str) -> bool:
    return "Vervoer voor doelgroepen" in text and HEADING not in text and BANNER not in text


def shows_problem(text: str) -> bool:
    return HEADING in text and PROBLEM in text


def test_a_broken_page_shows_its_problem_and_the_rest_stays(server, mini):
    srv = server()
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the example page")

    edit(mini, GOOD, BAD)
    page = srv.wait_for("voorbeelden/stroomlijn/", shows_problem, "the Dutch problem on the page")
    assert "/livereload/" in page  # the browser reloads by itself once the file is fixed
    assert "1 fout in de inhoud van deze pagina" in text_of(page)
    # The other pages are the site as usual, with a banner that names the problem and links to it.
    for url, own in (("", "Mini-kennisbank"), ("lessen/coalitie/", "coalitie"), ("tags/vervoer/", "Vervoer"),
                     ("voorbeelden/", "Praktijkvoorbeelden")):
        status, other = fetch(srv.base + url)
        text = text_of(other)
        assert status == 200 and BANNER in text and "stroomlijn.md:8: onbekende tag 'regionaal'" in text, url
        assert HEADING not in text and own.lower() in text.lower(), url
        assert 'href="' in other and "voorbeelden/stroomlijn/" in other.split(BANNER, 1)[1][:2000], url
    assert PROBLEM in srv.output()  # and the terminal
    assert srv.alive()

    edit(mini, BAD, GOOD)
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the page to come back")
    assert "de inhoud is weer in orde" in srv.output()
    status, tags = fetch(srv.base + "tags/vervoer/")
    assert status == 200 and "Stroomlijn" in text_of(tags) and BANNER not in text_of(tags)
    assert srv.alive()


def test_a_fresh_draft_does_not_take_the_site_down(server, mini):
    from kennisbank.cli import scaffold

    srv = server()
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the example page")
    scaffold.create("example", "Thema's van Zwolle", mini)
    draft = srv.wait_for("voorbeelden/themas-van-zwolle/", lambda t: HEADING in t, "the draft's own problems")
    assert "summary: verplicht veld is leeg" in text_of(draft)
    status, home = fetch(srv.base + "voorbeelden/stroomlijn/")
    assert status == 200 and "Vervoer voor doelgroepen" in text_of(home) and BANNER in text_of(home)
    assert "`" not in text_of(draft)  # Markdown in the messages is rendered, not printed


def test_an_overview_whose_only_item_has_problems_still_answers(server, mini):
    """The site's one meeting lists the broken example, so the preview leaves the meeting out too. The
    meetings overview (published only when there is a meeting) must still answer at its address: the
    navigation names it, and a missing nav page would stop the strict rebuild and freeze the preview."""
    (mini / "content/bijeenkomsten").mkdir()
    (mini / "content/bijeenkomsten/regio.md").write_text(
        "---\ntitle: Regiobijeenkomst\ndate: 2026-03-12\nplace: Zwolle\nsummary: Lessen en voorbeelden.\n"
        "items:\n  - voorbeelden/stroomlijn\n---\n", encoding="utf-8")
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Tags: tags/index.md\n", "  - Tags: tags/index.md\n  - Bijeenkomsten: bijeenkomsten/index.md\n"), encoding="utf-8")
    srv = server()
    srv.wait_for("bijeenkomsten/", lambda t: "Regiobijeenkomst" in t, "the meetings overview")
    edit(mini, GOOD, BAD)
    srv.wait_for("voorbeelden/stroomlijn/", shows_problem, "the example's problem")
    for url in ("bijeenkomsten/", "bijeenkomsten/regio/"):
        status, page = fetch(srv.base + url)
        assert status == 200 and PROBLEM in text_of(page), url
    status, home = fetch(srv.base)
    assert status == 200 and BANNER in text_of(home)
    edit(mini, BAD, GOOD)
    srv.wait_for("bijeenkomsten/", lambda t: "Regiobijeenkomst" in t and HEADING not in t, "the overview after the fix")
    assert srv.alive()


def test_serve_starts_with_broken_content_and_recovers(server, mini):
    (mini / "content/lessons/coalitie.md").write_text("---\ntitle: [onaf\n---\nTekst\n", encoding="utf-8")
    code, expected = check(mini)
    assert code == 1 and len(expected) == 2  # the YAML error (the examples naming the lesson stay quiet), the total
    srv = server()
    page = text_of(srv.wait_for("lessen/coalitie/", lambda t: HEADING in t, "the problems page at the start"))
    assert expected[0] in page  # worded exactly as `kennisbank check` words it
    # An example that names the broken lesson cannot be built either: it shows the problem too.
    example = text_of(srv.wait_for("voorbeelden/stroomlijn/", lambda t: HEADING in t, "the example"))
    assert expected[0] in example
    (mini / "content/lessons/coalitie.md").write_text(
        "---\ntitle: Bij iedere opgave hoort een coalitie\ntheme: samenwerken\norder: 1\n"
        "summary: Kies per opgave de partners.\ntags: [regionale-samenwerking, intervisie]\n"
        "source: leren-van-elkaar\n---\nTekst over coalities.\n", encoding="utf-8")
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the site after the fix")
    assert srv.alive()


def test_a_broken_vocabulary_shows_the_problems_on_every_page(server, mini):
    srv = server()
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the example page")
    tags = mini / "content" / "tags.yml"
    good = tags.read_text(encoding="utf-8")
    tags.write_text(good.replace("\n  label:", "\n\tlabel:", 1), encoding="utf-8")
    page = text_of(srv.wait_for("", lambda t: WHOLE in t, "the problems on the home page"))
    assert "content/tags.yml" in page and "bevat een tab" in page
    tags.write_text(good, encoding="utf-8")
    srv.wait_for("voorbeelden/stroomlijn/", is_site, "the site after the fix")


def test_build_still_fails_on_broken_content(mini, tmp_path):
    edit(mini, GOOD, BAD)
    result = mkdocs_build(mini, tmp_path / "site")
    assert result.returncode == 1
    assert PROBLEM in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_serve_keeps_the_public_address_for_qr_codes_and_links(server):
    """`mkdocs serve` puts its own local address in site_url; a handout printed from it must still point
    at the public site, so QR codes and permanent links use the address in mkdocs.yml."""
    srv = server()
    page = srv.wait_for("lessen/verschillen/", lambda text: "Van verschillen leer je meer" in text, "the lesson")
    assert 'data-kb-copy="https://mini.example.org/lessen/verschillen/"' in page
    assert "<title>QR-code voor mini.example.org/lessen/verschillen/</title>" in page
    assert not re.search(r'data-kb-copy="http://127\.0\.0\.1', page)


def test_live_reload_runs_in_serve(server):
    """`mkdocs serve` reloads a page after each edit with an inline script that differs per request; the
    built site's Content-Security-Policy would block it, so the preview carries none (a build does)."""
    srv = server()
    page = srv.wait_for("lessen/verschillen/", lambda text: "Van verschillen leer je meer" in text, "the lesson")
    assert "livereload(" in page
    assert "Content-Security-Policy" not in page
