"""A case from an organisation's own practice: no publication, but who contributed it, when, and a
contact role; shown on its page, on the organisation's page and in catalog.json."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import MINI, check, mkdocs_build

CASE = """---
title: Wijkteams in Oss
summary: Oss bracht zelf in hoe de wijkteams samen met inwoners werken.
organisations: [drechtsteden]
provinces: [Noord-Brabant]
lessons: [coalitie]
tags: [vervoer]
contributed_by: oss
contributed_on: 2026-11-03
contact_role: programmamanager sociaal domein
date: 2026-11-20
---
## Context

Een voorbeeld uit de eigen praktijk.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = tmp_path_factory.mktemp("contributed") / "mini"
    shutil.copytree(MINI, project)
    (project / "content" / "examples" / "wijkteams-oss.md").write_text(CASE, encoding="utf-8")
    code, lines = check(project)
    assert code == 0, lines
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_the_page_says_who_contributed_it(built):
    html = (built / "voorbeelden" / "wijkteams-oss" / "index.html").read_text(encoding="utf-8")
    assert "Uit de praktijk:" in html and 'href="../../organisaties/oss/"' in html
    assert '<time datetime="2026-11-03">3 november 2026</time>' in html
    assert "Contact: programmamanager sociaal domein bij Gemeente Oss." in html
    assert "Bron:" not in html.split("Uit de praktijk:")[1]


def test_the_organisation_lists_it(built):
    html = (built / "organisaties" / "oss" / "index.html").read_text(encoding="utf-8")
    assert "voorbeelden/wijkteams-oss/" in html


def test_the_catalogue_has_the_fields(built):
    catalog = json.loads((built / "catalog.json").read_text(encoding="utf-8"))
    case = next(e for e in catalog["examples"] if e["slug"] == "wijkteams-oss")
    assert (case["contributed_by"], case["contributed_on"], case["contact_role"], case["source"]) == (
        "oss", "2026-11-03", "programmamanager sociaal domein", None)
