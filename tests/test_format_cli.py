"""`polybib format` and `polybib cite`: inputs (.txt, .bib, CSL-JSON), outputs, dual list, errors;
and the romanisation table's samples."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import polybib
from polybib._initials import load_format_table
from polybib._romanize import romanize_text
from polybib.cli import main

from .test_format import SECOND_ITEM


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_format_a_list_in_gost(seed_list):
    result = run("format", str(seed_list))
    assert result.exit_code == 0, result.output
    assert f"3. {SECOND_ITEM}\n" in result.stdout


def _without_role_words(text: str) -> str:
    # BibLaTeX and CSL-JSON have no field for role words as printed ("elmi red."): the locale's term is used
    return text.replace("baş red.", "red.").replace("elmi red.", "red.")


def test_format_reads_bib_as_the_list_itself(seed_list, tmp_path):
    written = tmp_path / "seed.bib"
    assert run("parse", str(seed_list), "-o", str(written)).exit_code == 0
    assert run("format", str(written)).stdout == _without_role_words(run("format", str(seed_list)).stdout)


def test_format_reads_csl_json(seed_list, tmp_path):
    written = tmp_path / "seed.json"
    assert run("parse", str(seed_list), "-o", str(written)).exit_code == 0
    lines = run("format", str(written)).stdout.splitlines()
    assert lines[2] == "3. " + _without_role_words(SECOND_ITEM)
    headings = [line.split(" / ")[0].split(". ", 1)[1][:12] for line in lines]
    expected = [line.split(" / ")[0].split(". ", 1)[1][:12] for line in run("format", str(seed_list)).stdout.splitlines()]
    assert headings == expected


def test_format_html_to_a_file_by_extension(seed_list, tmp_path):
    out = tmp_path / "list.html"
    assert run("format", str(seed_list), "--style", "apa", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<ul class="csl-bib-body">') and html.count('<li class="csl-entry">') == 7


def test_dual_list_keeps_order_and_numbers(seed_list):
    result = run("format", str(seed_list), "--dual")
    original, references = result.stdout.split("References\n")
    assert "7. Шакирзаде, Н. А. Содружество" in original
    assert "7. Shakirzade, N. A. (2007). Sodruzhestvo Nezavisimykh Gosudarstv." in references
    assert "(In Russ.)" in references and not any("\u0400" <= ch <= "\u04ff" for ch in references)


def test_romanize_option_uses_the_system_asked(seed_list):
    result = run("format", str(seed_list), "--style", "apa", "--romanize", "iso9")
    assert "Šakirzade, N. A." in result.stdout


def test_cite_prints_one_line_per_citation(seed_list):
    result = run("cite", str(seed_list), "mirabdullayev2012", "osmanov2004@15,shakirzade2007")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["[3]", "[4, s. 15; 7]"]


def test_unknown_style_and_key_exit_2_with_one_line(seed_list):
    for args in (("format", str(seed_list), "--style", "nosuch"), ("cite", str(seed_list), "nobody1900")):
        result = run(*args)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("sample", load_format_table("romanize")["samples"], ids=lambda s: s[0])
def test_romanize_table_samples(sample):
    text, language, system, expected = sample
    assert romanize_text(text, language=language, system=system) == expected


def test_romanized_records_keep_their_original_text(seed_list):
    refs = polybib.read_list(seed_list)
    polybib.format_bibliography(refs, style="apa", romanize="bgn")
    assert refs[4].authors[0].family == "Шакирзаде"
