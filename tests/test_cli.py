"""The command line: outputs, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from polybib.cli import main


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_parse_writes_bib_named_by_extension(seed_list, tmp_path):
    out = tmp_path / "out.bib"
    result = run("parse", str(seed_list), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("\n@") + 1 == 7
    assert f"{seed_list}:3: inverted-heading" in result.stderr


def test_parse_csl_json_by_extension(seed_list, tmp_path):
    out = tmp_path / "out.json"
    assert run("parse", str(seed_list), "-o", str(out)).exit_code == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert [i["type"] for i in items].count("chapter") == 1 and len(items) == 7


def test_parse_to_bibtex_on_stdout(seed_list):
    result = run("parse", str(seed_list), "--to", "bibtex")
    assert "address = {Bakı}" in result.stdout and "year = {2004}" in result.stdout


def test_partly_understood_reference_exits_1():
    result = run("parse", "-", input="1. Title. – М. : Наука, 2019. – 100 с. – zzz qqq xxx\n")
    assert result.exit_code == 1
    assert "<stdin>:1: unparsed-text" in result.stderr


def test_missing_file_is_one_line_exit_2(tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.txt'}: no such file"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes(b"\x00\x01\x02abc")
    result = run("parse", str(path))
    assert result.exit_code == 2 and "not a text file" in result.stderr


def test_undecodable_bytes_name_the_offset(tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes("1. Иванов".encode("utf-8") + b"\xff\xfe\xfa")
    result = run("parse", str(path))
    assert result.exit_code == 2 and "byte 15 cannot be decoded" in result.stderr


def test_unknown_format_is_a_usage_error(seed_list):
    assert run("parse", str(seed_list), "--to", "docx").exit_code == 2


def test_empty_list_says_so(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 0 and "no references found" in result.stderr


def test_python_dash_m_runs_the_cli(seed_list):
    done = subprocess.run([sys.executable, "-m", "polybib", "parse", str(seed_list), "-q"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("@book{osmanov2004,")
