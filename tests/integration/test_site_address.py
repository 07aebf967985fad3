"""The site's public address: given by the publish workflow, required for a publishing build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kennisbank.publish.share import address_problem

ENV_SITE_URL = 'site_url: !ENV [KENNISBANK_SITE_URL, "https://kennisbank.example.org/"]'


def build(root: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KENNISBANK_")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True, cwd=root,
                          env={**clean, "NO_MKDOCS_2_WARNING": "1", **env})


@pytest.fixture
def env_project(mini) -> Path:
    """The small project with its address read from KENNISBANK_SITE_URL, as the real mkdocs.yml does."""
    config = mini / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: https://mini.example.org/", ENV_SITE_URL), encoding="utf-8")
    return mini


def test_real_config_reads_the_address_from_the_environment():
    from conftest import ROOT

    assert ENV_SITE_URL in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("url,ok", [
    ("https://kennisbank.example.org/", False), ("https://mini.example.org/", False), ("", False), (None, False),
    ("http://127.0.0.1:8000/", False), ("http://localhost:8000/", False),
    ("https://vgs-kennisbank.github.io/kennisbank/", True), ("https://kennisbank.vng.nl/", True),
])
def test_which_addresses_can_be_published(url, ok):
    assert (address_problem(url) is None) == ok


def test_publishing_build_stops_on_the_placeholder(env_project, tmp_path):
    site = tmp_path / "site"
    result = build(env_project, site, KENNISBANK_PUBLISH="1")
    assert result.returncode == 1
    assert ("Kennisbank: deze bouw is om te publiceren (KENNISBANK_PUBLISH=1), maar het adres van de site is het "
            "voorbeeldadres https://kennisbank.example.org/.") in result.stderr
    assert "KENNISBANK_SITE_URL" in result.stderr and "Traceback" not in result.stderr
    assert not (site / "index.html").exists()


def test_publishing_build_uses_the_address_it_is_given(env_project, tmp_path):
    site = tmp_path / "site"
    result = build(env_project, site, KENNISBANK_PUBLISH="1",
                   KENNISBANK_SITE_URL="https://vgs-kennisbank.github.io/kennisbank/")
    assert result.returncode == 0, result.stderr
    page = (site / "lessen/verschillen/index.html").read_text(encoding="utf-8")
    assert 'data-kb-copy="https://vgs-kennisbank.github.io/kennisbank/lessen/verschillen/"' in page
    assert "<title>QR-code voor vgs-kennisbank.github.io/kennisbank/lessen/verschillen/</title>" in page
    assert '<link rel="canonical" href="https://vgs-kennisbank.github.io/kennisbank/lessen/verschillen/">' in page


def test_a_local_build_keeps_working_with_the_placeholder(env_project, tmp_path):
    site = tmp_path / "site"
    result = build(env_project, site)
    assert result.returncode == 0, result.stderr
    assert "kennisbank.example.org/lessen/verschillen/" in (site / "lessen/verschillen/index.html").read_text("utf-8")
