"""Long lists are parsed and written as they are read: the pieces add up to the whole."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import polybib
from polybib import _reader
from polybib._evaluate import load_gold
from polybib._export import FORMATS, render, render_stream
from polybib.cli import main

from .conftest import DATA


def _dev_refs():
    refs = [polybib.parse_reference(r["raw"]) for r in load_gold(DATA / "dev.jsonl")]
    return refs + refs[:40]   # repeated names and years: keys must stay unique across batches


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_streamed_output_equals_the_whole(fmt):
    whole = render(_dev_refs(), fmt)
    assert "".join(render_stream(_dev_refs(), fmt, batch=37)) == whole


def test_empty_stream_is_valid_json():
    assert "".join(render_stream([], "csl-json")) == "[]\n"


def _write_list(path, refs):
    path.write_text("Литература:\n" + "".join(f"{i}. {r}\n" for i, r in enumerate(refs, 1)), encoding="utf-8")


def test_large_files_stream_with_the_same_records(tmp_path, monkeypatch):
    raws = [r["raw"] for r in load_gold(DATA / "dev.jsonl")]
    path = tmp_path / "list.txt"
    _write_list(path, raws)
    whole = polybib.read_list(path)
    monkeypatch.setattr(_reader, "STREAM_THRESHOLD", 1000)
    stream = _reader.open_list(path)
    assert isinstance(stream, _reader.ReferenceStream)
    streamed = list(stream)
    assert stream.title == whole.title == "Литература"
    assert [polybib.to_biblatex([r]) for r in streamed] == [polybib.to_biblatex([r]) for r in whole]
    assert [r.line for r in streamed] == [r.line for r in whole]


def test_streaming_reports_undecodable_bytes_with_their_offset(tmp_path, monkeypatch):
    path = tmp_path / "list.txt"
    path.write_bytes(("1. Иванов И. И. Очерки. – М., 2019.\n" * 50).encode("utf-8") + b"2. \xff\xfe bad\n")
    monkeypatch.setattr(_reader, "STREAM_THRESHOLD", 100)
    result = CliRunner().invoke(main, ["parse", str(path), "--encoding", "utf-8"])
    assert result.exit_code == 2
    assert f"byte {len(('1. Иванов И. И. Очерки. – М., 2019.' + chr(10)).encode()) * 50 + 3} cannot be decoded" \
        in result.stderr


def test_cli_streams_to_a_file_atomically(tmp_path, monkeypatch):
    raws = [r["raw"] for r in load_gold(DATA / "dev.jsonl")][:30]
    path = tmp_path / "list.txt"
    _write_list(path, raws)
    expected = render(polybib.read_list(path), "biblatex")
    monkeypatch.setattr(_reader, "STREAM_THRESHOLD", 1000)
    out = tmp_path / "out.bib"
    result = CliRunner().invoke(main, ["parse", str(path), "-o", str(out), "-q"])
    assert result.exit_code in (0, 1)
    assert out.read_text(encoding="utf-8") == expected
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_items_past_999_keep_their_numbers():
    text = "".join(f"{i}. Иванов И. И. Книга {i}. – М. : Наука, 2001. – {i} с.\n" for i in range(1, 1206))
    _, items, diagnostics = _reader.split_list(text)
    assert len(items) == 1205 and items[-1].label == "1205"
    assert [d.code for d in diagnostics] == []


def test_a_year_opening_an_unnumbered_line_is_not_an_item_number():
    _, items, _ = _reader.split_list("2005. Doklady AN SSSR. – M., 2005.\nSmith J. Title. – London, 1999.\n")
    assert [item.label for item in items] == [None, None]
    assert items[0].text.startswith("2005. Doklady")


def test_list_level_diagnostics_are_bounded_with_a_count_of_the_rest():
    lines = ["1. Иванов И. И. Книга. – М., 2001."] + [f"Петров П. П. Книга {i}. – М., 2001." for i in range(1500)]
    _, items, diagnostics = _reader.split_list("\n\n".join(lines))
    assert len(items) == 1501
    unnumbered = [d for d in diagnostics if d.code == "unnumbered-item"]
    assert len(unnumbered) == _reader._KEPT_PER_CODE + 1
    assert unnumbered[-1].message.startswith("500 more like the above")


SECTIONED = """ƏDƏBİYYAT SİYAHISI

Azərbaycan dilində:
1) Əliyev R. Azərbaycan tarixi: dərslik / R. Əliyev. –
Bakı:
Elm, 2010. – 300 s.
2) Həsənov B. Xalq yaradıcılığı. – Bakı: Maarif, 1998. – 250 s.

Rus dilində:
3. Иванов И. И. Очерки истории Кавказа. – М. : Наука, 1990. – 200 с.
"""


def test_sections_of_a_list_are_headings_not_references():
    title, items, diagnostics = _reader.split_list(SECTIONED)
    assert title == "ƏDƏBİYYAT SİYAHISI"
    assert [item.label for item in items] == ["1", "2", "3"]
    assert items[0].text.endswith("Bakı: Elm, 2010. – 300 s.")   # a wrapped "Bakı:" stays in its reference
    assert [d.code for d in diagnostics] == ["list-section", "list-section"]
    assert "'Rus dilində:'" in diagnostics[1].message


RESTARTED = """Основная литература
1. Иванов И. И. История. – М. : Наука, 1990. – 342 с.
2. Петров П. П. Экономика. – СПб. : Питер, 2005. – 300 с.

Дополнительная литература
1. Сидоров С. С. Право. – М. : Юрайт, 2010. – 200 с.
3. Кузнецов К. К. Физика. – М. : Мир, 2012. – 100 с.
"""


def test_a_section_heading_without_a_colon_and_numbering_that_starts_again():
    title, items, diagnostics = _reader.split_list(RESTARTED)
    assert title == "Основная литература"
    assert [item.label for item in items] == ["1", "2", "1", "3"]
    assert [(d.code, d.message) for d in diagnostics] == [
        ("list-section", "line 5: 'Дополнительная литература' read as the heading of a section of the list"),
        ("numbering-gap", "line 7: item 3 follows item 1")]   # a section may start again at 1, not skip


def test_a_record_that_is_an_address_only_gets_a_key_from_the_site():
    refs = polybib.read_list("• www.anl.az\n• http://www.president.az/articles/1")
    assert [ref.entry_type for ref in refs] == ["online", "online"]
    assert polybib.to_biblatex(refs).count("@online{anlnd,") == 1
    assert "@online{presidentnd," in polybib.to_biblatex(refs)


WRAPPED = """1. Smith AB, Jones CD. Title of the article.
   J Med Sci. 2010;5(2):100-5.
2. Петров П. Глава // Сборник статей / под ред.
И. И. Иванова. – М. : Наука, 2000. – С. 5–10.
  3. Əliyev R. Azərbaycan tarixi. – Bakı, 2010. – 300 s.
    Həsənov B. Xalq yaradıcılığı. – Bakı: Maarif, 1998. – 250 s.
5. Smith J. History. – London, 2001. – 200 p.
   Brown K. Another history. – London, 2002. – 100 p.
"""


def test_a_wrapped_line_continues_its_reference_even_after_a_full_stop():
    # a line indented to the item's text continues it (a hanging indent) although the line before ends
    # with a full stop; a line after a role word or an initial ("под ред.") continues it at any indent;
    # a line indented less than the item's text (the seed list's item without a number), or one that opens
    # with a person's name, is a reference of its own
    _title, items, diagnostics = _reader.split_list(WRAPPED)
    assert [item.text for item in items] == [
        "Smith AB, Jones CD. Title of the article. J Med Sci. 2010;5(2):100-5.",
        "Петров П. Глава // Сборник статей / под ред. И. И. Иванова. – М. : Наука, 2000. – С. 5–10.",
        "Əliyev R. Azərbaycan tarixi. – Bakı, 2010. – 300 s.",
        "Həsənov B. Xalq yaradıcılığı. – Bakı: Maarif, 1998. – 250 s.",
        "Smith J. History. – London, 2001. – 200 p.",
        "Brown K. Another history. – London, 2002. – 100 p."]
    assert [d.code for d in diagnostics] == ["unnumbered-item", "numbering-gap", "unnumbered-item"]
