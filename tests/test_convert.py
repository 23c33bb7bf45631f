"""`polybib convert` between every pair of formats, with lost fields named."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import polybib
from polybib.cli import main

from .conftest import DATA, ROOT

GOLDEN_BIB = (ROOT / "references" / "recommended-literature.bib").read_text(encoding="utf-8")
OUTPUTS = {"biblatex": ".bib", "bibtex": ".bibtex", "csl-json": ".json", "ris": ".ris"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The seed list as every input format: text, .docx, and what polybib writes."""
    folder = tmp_path_factory.mktemp("inputs")
    refs = polybib.read_list(ROOT / "references" / "recommended-literature.txt")
    paths = {"text": ROOT / "references" / "recommended-literature.txt", "docx": DATA / "io" / "seed.docx"}
    for fmt, suffix in OUTPUTS.items():
        path = folder / f"seed{suffix}"
        path.write_text(polybib._export.render(refs, fmt), encoding="utf-8")
        paths[fmt] = path
    return paths


@pytest.mark.parametrize("target", sorted(OUTPUTS))
@pytest.mark.parametrize("source", ["text", "docx", "biblatex", "bibtex", "csl-json", "ris"])
def test_every_pair_converts(inputs, tmp_path, source, target):
    out = tmp_path / f"out{OUTPUTS[target]}"
    extra = ["--from", "bibtex"] if source == "bibtex" else []
    result = run("convert", str(inputs[source]), "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    back = polybib.read_references(out, fmt="bibtex" if target in ("biblatex", "bibtex") else target)
    assert len(back) == 7
    assert [r.year for r in back] == ["2004", "2012", "2005", "2008", "2007", "2001", "2006"]
    if source in ("text", "docx", "biblatex", "csl-json") and target == "biblatex":
        assert out.read_text(encoding="utf-8") == GOLDEN_BIB  # nothing lost on the way
    lost = [line for line in result.stderr.splitlines() if "lost-field" in line]
    if target == "ris" and source != "ris":
        expected = "organizations" if source == "bibtex" else "organizations, subtitle, title"  # bibtex has folded it
        assert any(f"aliyev2008: ris cannot hold {expected}" in line for line in lost), lost
    if target in ("biblatex", "csl-json") and source in ("biblatex", "csl-json"):
        assert lost == []


def test_convert_says_how_it_read_a_legacy_file(tmp_path):
    out = tmp_path / "ru.json"
    result = run("convert", str(DATA / "io" / "seed-ru.koi8r.txt"), "-o", str(out), "-v")
    assert result.exit_code == 0
    assert "encoding koi8-r (detected); 3 records (text)" in result.stderr


def test_convert_with_forced_encoding(tmp_path):
    out = tmp_path / "ru.bib"
    result = run("convert", str(DATA / "io" / "seed-ru.cp1251.txt"), "-o", str(out), "--encoding", "koi8-r")
    assert "Шакирзаде" not in out.read_text(encoding="utf-8")  # forced, so read wrongly: as asked
    assert result.exit_code in (0, 1)


def test_convert_refuses_to_overwrite_its_input(inputs, tmp_path):
    path = tmp_path / "seed.bib"
    path.write_bytes(inputs["biblatex"].read_bytes())
    result = run("convert", str(path), "-o", str(path))
    assert result.exit_code == 2 and "is the input" in result.stderr


def test_convert_needs_a_known_output_format(inputs, tmp_path):
    result = run("convert", str(inputs["biblatex"]), "-o", str(tmp_path / "out.xyz"))
    assert result.exit_code == 2 and "--to" in result.output


def test_parse_reports_the_encoding_when_verbose():
    result = run("parse", str(DATA / "io" / "seed.utf16le-bom.txt"), "-v", "-q")
    assert result.exit_code == 0 and "encoding utf-16 (bom)" in result.stderr
    assert result.stdout == GOLDEN_BIB


def test_ascii_bibtex_escapes_what_latex_can_and_names_the_rest(inputs, tmp_path):
    out = tmp_path / "seed.bib"
    result = run("convert", str(inputs["text"]), "-o", str(out), "--to", "bibtex-ascii")
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert r"address = {Bak{\i}}" in text and r"{\CYRS}{\cyre}{\cyrk}" in text  # Секретариат
    assert "not-ascii" in result.stderr and "Ə" in result.stderr  # Ə has no command; ə is {\textschwa}
    assert polybib.to_bibtex(polybib.read_bibtex(text)) == polybib.to_bibtex(polybib.read_list(inputs["text"]))
