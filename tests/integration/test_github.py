"""Pull-request checks on GitHub: annotations, the workflow files and the commands they call."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from kennisbank.cli import build_parser, main
from kennisbank.cli.github import annotation
from kennisbank.core.problems import Problem

WORKFLOWS = ROOT / ".github" / "workflows"


def run_check(root: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "check", *args])
    return code, out.getvalue(), err.getvalue()


def load_workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def commands(workflow: dict) -> list[str]:
    """Every shell line the workflow runs."""
    lines = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            lines += [l.strip() for l in step.get("run", "").splitlines() if l.strip()]
    return lines


def test_github_format_turns_each_problem_into_an_annotation(mini):
    path = mini / "content/examples/stroomlijn.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tags: [vervoer, regionale-samenwerking]", "tags: [vervoer, regionaal]")
                        .replace("year_start: 2017", 'year_start: "2017"'), encoding="utf-8")
    code, out, err = run_check(mini, "--format", "github")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "::error file=content/examples/stroomlijn.md,line=6,title=Kennisbank%3A year_start::"
        "verwacht een getal, maar kreeg tekst '2017' — haal de aanhalingstekens weg",
        "::error file=content/examples/stroomlijn.md,line=8,title=Kennisbank%3A tags::"
        "onbekende tag 'regionaal' — bedoelde je 'regionale-samenwerking'?",
        "2 fouten gevonden; de site is niet gebouwd.",
    ]


def test_github_format_is_quiet_about_valid_content(mini):
    code, out, _ = run_check(mini, "--format", "github")
    assert code == 0 and out.startswith("Alles in orde")


def test_annotation_escapes_what_github_would_misread():
    problem = Problem("content/a,b.md", 3, "veld: x", "100% fout\nregel twee: ja")
    assert annotation(problem) == ("::error file=content/a%2Cb.md,line=3,title=Kennisbank%3A veld%3A x::"
                                   "100%25 fout%0Aregel twee: ja")


def test_pull_request_workflow_checks_builds_and_tests():
    workflow = load_workflow("controle.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert job["container"]["image"].startswith("python:3.11-")  # Debian, like .ci/run
    run = commands(workflow)
    assert run == ['git config --global --add safe.directory "$GITHUB_WORKSPACE"',
                   "apt-get update -qq && apt-get install -y -qq chromium",
                   "make install", "npm ci --no-audit --no-fund",
                   ".venv/bin/kennisbank check --format github", "make build", "make test"]


def test_publish_workflow_builds_and_deploys_main_to_pages():
    workflow = load_workflow("publiceren.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    # contents: write, to commit the addresses the build published (make publish-urls).
    assert workflow["permissions"] == {"contents": "write", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["bouwen"], workflow["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen"
    assert deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "") for s in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    from kennisbank.publish.manifest import _TolerantLoader  # mkdocs.yml has !ENV for site_url

    site_dir = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_TolerantLoader).get("site_dir", "site")
    assert upload["with"]["path"] == site_dir
    # The build gets the address the Pages step reports, and refuses the placeholder (KENNISBANK_PUBLISH).
    pages = next(i for i, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/configure-pages@"))
    make = next(i for i, s in enumerate(build["steps"]) if s.get("run") == "make build")
    assert pages < make and build["steps"][pages]["id"] == "pages"
    assert build["steps"][make]["env"] == {"KENNISBANK_PUBLISH": "1",
                                           "KENNISBANK_SITE_URL": "${{ steps.pages.outputs.base_url }}/"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert commands(workflow) == ["make install", ".venv/bin/kennisbank check --format github", "make build",
                                  "make publish-urls"]


def all_commands() -> list[str]:
    found = []
    for file in sorted(WORKFLOWS.glob("*.yml")):
        found += commands(load_workflow(file.name))
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    found += [h["entry"] for repo in hooks["repos"] for h in repo["hooks"]]
    return sorted(set(found))


@pytest.mark.parametrize("command", all_commands())
def test_every_command_the_workflows_and_hooks_call_exists(command):
    words = shlex.split(command)
    if words[0] in ("git", "apt-get"):
        # Setting up the Debian container; the same packages as .ci/run installs.
        assert words[0] == "git" or "chromium" in words or words[1] == "update"
        assert words[0] == "git" or "chromium" in (ROOT / ".ci/run").read_text()
    elif words[0] == "make":
        # A dry run fails for a target the Makefile does not have.
        result = subprocess.run(["make", "-n", *words[1:]], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    elif words[0] == ".venv/bin/kennisbank":
        assert (ROOT / words[0]).exists()
        build_parser().parse_args(words[1:])  # exits on an unknown subcommand or option
    elif words[:2] == ["npm", "ci"]:
        assert (ROOT / "package-lock.json").is_file()
    elif words[:2] == ["npm", "run"]:
        assert words[2] in json.loads((ROOT / "package.json").read_text())["scripts"]
    else:
        pytest.fail(f"unknown command in a workflow or hook: {command}")


def test_commands_pass_on_valid_content(mini):
    """What the workflows run before building passes on a valid project."""
    code, out, _ = run_check(mini, "--format", "github")
    assert code == 0, out


def test_pre_commit_hook_runs_the_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (local,) = hooks["repos"]
    assert local["repo"] == "local"
    check = next(h for h in local["hooks"] if h["id"] == "kennisbank-check")
    assert check["entry"] == ".venv/bin/kennisbank check" and check["pass_filenames"] is False
    assert re.search(check["files"], "content/examples/stroomlijn.md")


def test_pull_request_template_has_a_dutch_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(items) >= 6
    for word in ("bron", "persoonsgegevens", "aliases", "B1"):
        assert any(word in item for item in items), word
