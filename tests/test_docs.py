"""Documentation that cannot drift: the CLI reference and the README's commands."""

from __future__ import annotations

import re

from .conftest import ROOT, load_script


def test_cli_reference_is_current():
    expected = load_script("generate_cli_docs").cli_reference()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == expected, \
        "docs/cli.md is stale: run scripts/generate_cli_docs.py"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 -m venv .*)$", readme, flags=re.MULTILINE)
    assert len(commands) == 2, "the README's first screen gives exactly two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_readme_main_job_parses_the_bundled_list():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.findall(r"^(python3 -m venv .*)$", readme, flags=re.MULTILINE)[0]
    assert "polybib parse references/recommended-literature.txt" in first
