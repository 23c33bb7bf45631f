"""`polybib check` on the command line: formats, selection, severity threshold, exit codes, --fix, --diff."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner

from polybib.cli import main

from .conftest import DATA

CLEAN = "1. Mirabdullayev, Adil Mirabdulla oğlu. Müstəqil Dövlətlər Birliyi müasir beynəlxalq münasibətlərdə : " \
        "monoqrafiya / A. M. Mirabdullayev ; elmi red. H. C. Əlibəyli. - Bakı : Elm, 2012. - 196 s.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["check", *args], input=input)


def test_human_report_names_list_line_column_and_code(seed_list):
    result = run(str(seed_list))
    assert result.exit_code == 1
    assert f"{seed_list}:5:104: slash-spacing '/' should have a space on each side" in result.stdout
    assert "münasibətləri /H. H. Əliyev" in result.stdout
    assert result.stdout.rstrip().endswith("12 can be fixed with --fix.")
    assert "\x1b[" not in result.stdout


def test_colour_when_asked(seed_list):
    assert "\x1b[" in run(str(seed_list), "--color").stdout


def test_clean_list_exits_0():
    result = run("-", "--ignore", "missing-recommended", input=CLEAN)
    assert result.exit_code == 0, result.output
    assert result.stdout == "No problems found in 1 reference.\n"


def test_severity_sets_what_is_reported_and_fail_on_the_exit_code():
    result = run("-", input=CLEAN)                       # the ISBN is absent: info, reported
    assert result.exit_code == 0 and "missing-recommended" in result.stdout
    assert run("-", "--fail-on", "info", input=CLEAN).exit_code == 1
    result = run("-", "--severity", "warning", input=CLEAN)
    assert result.exit_code == 0 and "missing-recommended" not in result.stdout


def test_select_and_ignore_take_codes_and_categories(seed_list):
    data = json.loads(run(str(seed_list), "--format", "json", "--select", "punctuation,list",
                          "--ignore", "initials-spacing").stdout)
    assert {f["code"] for f in data["findings"]} == {"area-separator-spacing", "slash-spacing",
                                                     "missing-space-after-stop", "unnumbered-item", "collation-order"}


def test_json_findings_are_data(seed_list):
    data = json.loads(run(str(seed_list), "--format", "json").stdout)
    assert data["references"] == 7 and data["summary"]["error"] == 1 and len(data["findings"]) == 24
    first = data["findings"][0]
    assert set(first) >= {"code", "severity", "message", "line", "column", "end_line", "end_column", "fix"}


def test_sarif_validates_against_the_sarif_2_1_0_schema(seed_list):
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    log = json.loads(run(str(seed_list), "--format", "sarif").stdout)
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 24 and log["version"] == "2.1.0"
    assert sum(1 for r in results if "fixes" in r) == 12
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_the_sarif_schema_rejects_what_sarif_2_1_0_forbids(seed_list):
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    log = json.loads(run(str(seed_list), "--format", "sarif").stdout)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft7Validator(schema).iter_errors(log))


def test_unknown_rule_is_a_usage_error(seed_list):
    result = run(str(seed_list), "--select", "no-such-rule")
    assert result.exit_code == 2 and "unknown rule or category 'no-such-rule'" in result.stderr


def test_missing_file_is_an_input_error(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_diff_previews_and_changes_nothing(seed_list, tmp_path):
    copy = tmp_path / "list.txt"
    copy.write_text(seed_list.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(copy), "--diff")
    assert result.exit_code == 1
    assert "+  7. Мамед-заде" in result.stdout and "-  1. İsaməddin" in result.stdout
    assert copy.read_text(encoding="utf-8") == seed_list.read_text(encoding="utf-8")


def test_fix_writes_the_list_and_reports_the_rest(seed_list, tmp_path):
    copy = tmp_path / "list.txt"
    copy.write_text(seed_list.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(str(copy), "--fix", "--in-place", "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and "fixed 12 problems" in result.stderr
    assert not [f for f in data["findings"] if f["fix"]]
    assert "/ H. Əliyev; Elmi red. S. Sayadov; AMEA A. A. Bakıxanov" in copy.read_text(encoding="utf-8")
    assert run(str(copy), "--diff").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "list.txt.bak"]   # no temporary file


def test_fix_on_standard_input_writes_standard_output():
    result = run("-", "--fix", input="1. Əliyev H. Tarix /H. Əliyev.- Bakı: Elm, 2005. - 164 s.\n")
    assert result.stdout == "1. Əliyev H. Tarix / H. Əliyev. - Bakı: Elm, 2005. - 164 s.\n"


def test_fix_refuses_record_files(tmp_path):
    from .conftest import ROOT

    result = run(str(ROOT / "references" / "recommended-literature.bib"), "--fix")
    assert result.exit_code == 2 and "text lists only" in result.stderr


def test_style_apa_checks_what_apa_needs():
    result = run("-", "--style", "apa", "--format", "json",
                 input="1. Кузнецов А. В. Очерки. – М., 2019.\n")
    assert [f["message"] for f in json.loads(result.stdout)["findings"]] == \
        ["book lacks the publisher", "book without the DOI or the address (URL)"]


# a real .bib whose second entry has an unclosed brace; the entries before and after it are whole, and the
# third one lacks its publisher (so the checker has something to say about the rest of the file)
BROKEN_BIB = """@book{mirabdullayev2012,
  author = {Mirabdullayev, Adil Mirabdulla oğlu},
  title = {Müstəqil Dövlətlər Birliyi müasir beynəlxalq münasibətlərdə},
  location = {Bakı}, publisher = {Elm}, date = {2012}, pagetotal = {196}
}

@book{osmanov2004,
  author = {Osmanov, İsaməddin Səyid oğlu},
  title = {MDB Dövlətlərinin iqtisadi-sosial coğrafiyası,
  location = {Bakı}, publisher = {BDU nəşriyyatı}, date = {2004}, pagetotal = {342}
}

@book{shakirzade2007,
  author = {Шакирзаде, Незрин},
  title = {Содружество Независимых Государств},
  location = {Баку}, date = {2007}, pagetotal = {512}
}
"""


def _broken_bib(tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text(BROKEN_BIB, encoding="utf-8")
    return path


def test_a_broken_bib_block_is_an_error_on_its_line_and_the_rest_is_checked(tmp_path):
    path = _broken_bib(tmp_path)
    result = run(str(path), "--ignore", "missing-recommended,collation-order")
    assert result.exit_code == 1
    assert f"{path}:7:1: bib-syntax-error the block '@book{{osmanov2004, author = {{Osmanov, İs' cannot be read, " \
           "skipped (the other entries are kept)" in result.stdout
    assert "    7 | @book{osmanov2004," in result.stdout
    assert f"{path}:13:1: missing-element book lacks the publisher" in result.stdout   # the entry after it
    assert result.stdout.rstrip().endswith("Found 2 problems (2 errors) in 2 references.")


def test_a_broken_bib_block_in_json_and_sarif(tmp_path):
    path = _broken_bib(tmp_path)
    findings = json.loads(run(str(path), "--format", "json").stdout)["findings"]
    broken = [f for f in findings if f["code"] == "bib-syntax-error"]
    assert [(f["severity"], f["line"], f["column"], f["end_line"], f["fix"]) for f in broken] == \
        [("error", 7, 1, 11, None)]
    assert "missing-element" in {f["code"] for f in findings}
    schema = json.loads((DATA / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
    log = json.loads(run(str(path), "--format", "sarif").stdout)
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "bib-syntax-error")
    assert result["level"] == "error" and "fixes" not in result
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


def test_a_whole_bib_file_raises_no_bib_syntax_error(tmp_path):
    path = tmp_path / "whole.bib"
    path.write_text(BROKEN_BIB.replace("coğrafiyası,", "coğrafiyası},"), encoding="utf-8")
    result = run(str(path), "--format", "json")
    data = json.loads(result.stdout)
    assert "bib-syntax-error" not in {f["code"] for f in data["findings"]} and data["references"] == 3


def test_the_rule_can_be_ignored_and_selected_alone(tmp_path):
    path = _broken_bib(tmp_path)
    assert "bib-syntax-error" not in run(str(path), "--ignore", "bib-syntax-error").stdout
    result = run(str(path), "--select", "bib-syntax-error", "--format", "json")
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["bib-syntax-error"]


def test_fix_never_touches_a_broken_bib(tmp_path):
    path = _broken_bib(tmp_path)
    for args in (["--fix"], ["--fix", "--in-place"], ["--diff"]):
        result = run(str(path), *args)
        assert result.exit_code == 2 and "text lists only" in result.stderr
    assert path.read_text(encoding="utf-8") == BROKEN_BIB
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.bib"]   # no backup, no temporary file
