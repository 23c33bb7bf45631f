"""Broken and hostile files: one clear line and a fixed exit code, never a traceback; the rest kept."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from polybib.cli import main


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("command", ["parse", "check", "convert"])
def test_missing_file(command, tmp_path):
    missing = tmp_path / "nope.txt"
    extra = ["-o", str(tmp_path / "out.bib")] if command == "convert" else []
    result = run(command, str(missing), *extra)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {missing}: no such file"


@pytest.mark.parametrize("command", ["parse", "check", "convert"])
def test_directory_given_as_a_list(command, tmp_path):
    extra = ["-o", str(tmp_path / "out.bib")] if command == "convert" else []
    result = run(command, str(tmp_path), *extra)
    name = "IN" if command == "convert" else "LIST"
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '{name}': File '{tmp_path}' is a directory."


def test_directory_given_to_the_library_is_an_input_error(tmp_path):
    import polybib

    with pytest.raises(polybib.InputError, match=r": is a directory, not a list$"):
        polybib.read_list(tmp_path)


@pytest.mark.parametrize("command", ["parse", "check"])
def test_binary_file_given_as_a_list(command, tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    result = run(command, str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {path}: not a text file (it holds NUL bytes)"


@pytest.mark.parametrize("command", ["parse", "check"])
def test_undecodable_bytes_name_their_offset(command, tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes("1. Иванов И. И. Очерки истории. – М. : Наука, 2019.\n".encode() + b"2. \xc3\x28 x\n")
    result = run(command, str(path), "--encoding", "utf-8") if command == "parse" else run(command, str(path))
    offset = len("1. Иванов И. И. Очерки истории. – М. : Наука, 2019.\n".encode()) + 3
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {path}: byte {offset} cannot be decoded as utf-8"


@pytest.mark.parametrize("command", ["parse", "check"])
def test_undecodable_standard_input_names_the_offset(command):
    result = run(command, "-", input="1. Иванов ".encode() + b"\xff\xfe" + " И. Очерки. – М., 2019.\n".encode())
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: <stdin>: byte 16 cannot be decoded as utf-8"


def test_standard_input_is_never_taken_as_a_path(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Иванов И. Тайное. – М., 2019.", encoding="utf-8")
    result = run("parse", "-", input=str(secret))
    assert "Тайное" not in result.stdout


def test_empty_list_empty_output_exit_0(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    out = tmp_path / "out.bib"
    result = run("parse", str(path), "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr.strip() == f"{path}: no references found"
    assert out.read_text(encoding="utf-8") == ""


def test_empty_list_as_csl_json_is_an_empty_array(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run("parse", str(path), "--to", "csl-json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr.strip() == f"{path}: no references found"


_BROKEN_BIB = """@book{a, title={One}, year=2001}

@book{b, title={Two, year=2002

@book{c, title={Three}, year=2003}
@article{d title=x}
"""


def test_bib_with_syntax_errors_reports_failed_blocks_and_keeps_the_rest(tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text(_BROKEN_BIB, encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("convert", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}: bib-syntax-error line 3: the block '@book{{b, title={{Two, year=2002' cannot be read, "
        "skipped (the other entries are kept)",
        f"{path}: bib-syntax-error line 6: the block '@article{{d title=' cannot be read, "
        "skipped (the other entries are kept)",
    ]
    assert [item["title"] for item in json.loads(out.read_text(encoding="utf-8"))] == ["One", "Three"]


def test_check_reports_each_failed_bib_block_and_checks_the_rest(tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text(_BROKEN_BIB, encoding="utf-8")
    result = run("check", str(path), "--select", "bib-syntax-error,missing-element")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert lines[0] == f"{path}:1:1: missing-element book lacks the place of publication"
    assert f"{path}:3:1: bib-syntax-error the block '@book{{b, title={{Two, year=2002' cannot be read, " \
        "skipped (the other entries are kept)" in lines
    assert f"{path}:6:1: bib-syntax-error the block '@article{{d title=' cannot be read, " \
        "skipped (the other entries are kept)" in lines
    assert result.stdout.rstrip().endswith("in 2 references.")


def test_bib_with_no_readable_entry_is_an_input_error(tmp_path):
    path = tmp_path / "broken.bib"
    path.write_text("@book{x title=y}\n", encoding="utf-8")
    result = run("convert", str(path), "-o", str(tmp_path / "out.json"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {path}: no BibTeX entry could be read (line 1 is the first bad block)"


def test_every_test_docs_security_names_exists():
    """docs/security.md links each guarantee to a test: the names must not drift from the tests."""
    import re

    from .conftest import ROOT

    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    named, last = [], None
    for match in re.finditer(r"`(tests/\w+\.py)?::(\w+)`|`(tests/\w+\.py)`", text):
        if match.group(3):
            last = match.group(3)
            continue
        last = match.group(1) or last
        named.append((last, match.group(2)))
    named += [("tests/test_hostile.py", "test_standard_input_is_never_taken_as_a_path")]
    assert len(named) > 20
    for path, name in named:
        assert re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.MULTILINE), (path, name)


# -- untrusted CSL styles -------------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>&d;</title></info>
<citation><layout><text variable="title"/></layout></citation></style>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE style [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><info><title>&secret;</title></info>
<citation><layout><text value="&secret;"/></layout></citation></style>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_styles_declaring_entities_are_refused(tmp_path, body):
    from polybib._exceptions import StyleError
    from polybib._styles import load_style

    style = tmp_path / "evil.csl"
    style.write_text(body, encoding="utf-8")
    with pytest.raises(StyleError, match="refused: the style declares XML entities"):
        load_style(style)


def test_a_style_that_is_not_xml_is_one_clear_error(tmp_path, seed_list):
    style = tmp_path / "broken.csl"
    style.write_text("<style><unclosed>", encoding="utf-8")
    result = CliRunner().invoke(main, ["format", str(seed_list), "--style", str(style)])
    assert result.exit_code == 2 and "not a readable CSL style" in result.stderr


def test_a_file_that_is_xml_but_not_csl_is_one_clear_error(tmp_path, seed_list):
    style = tmp_path / "other.csl"
    style.write_text('<?xml version="1.0"?><html/>', encoding="utf-8")
    result = CliRunner().invoke(main, ["format", str(seed_list), "--style", str(style)])
    assert result.exit_code == 2 and "not a CSL style" in result.stderr


def test_an_unknown_style_id_suggests_close_matches(seed_list):
    result = CliRunner().invoke(main, ["format", str(seed_list), "--style", "gost-r-7-0-100-2081"])
    assert result.exit_code == 2
    assert "did you mean 'gost-r-7-0-100-2018'" in result.stderr
