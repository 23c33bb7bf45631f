"""Other formats in and out: BibTeX/BibLaTeX, CSL-JSON and RIS readers, the RIS writer, round trips."""

from __future__ import annotations

import json

import jsonschema
import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

import polybib
from polybib._evaluate import load_gold
from polybib._io._ris import _Writer

from .conftest import DATA

GOLD = load_gold(DATA / "dev.jsonl")
DEV = [polybib.parse_reference(record["raw"]) for record in GOLD]
SCHEMA = json.loads((DATA / "csl-data.schema.json").read_text(encoding="utf-8"))


def biblatex_csl_biblatex(refs):
    """list -> BibLaTeX -> CSL-JSON (as text) -> BibLaTeX."""
    first = polybib.to_biblatex(refs)
    csl = json.dumps(polybib.to_csl_json(polybib.read_bibtex(first)), ensure_ascii=False)
    jsonschema.validate(json.loads(csl), SCHEMA)
    return first, polybib.to_biblatex(polybib.read_csl_json(csl))


@pytest.mark.parametrize("index", range(len(DEV)), ids=[r["id"] for r in GOLD])
def test_dev_record_round_trips_biblatex_csl_json_biblatex(index):
    first, last = biblatex_csl_biblatex([DEV[index]])
    assert last == first


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(DEV), min_size=1, max_size=12))
def test_any_list_of_dev_records_round_trips(refs):
    """Lists, so that clashing citation keys ("aliyev2005a", "aliyev2005b") go through too."""
    first, last = biblatex_csl_biblatex(refs)
    assert last == first


def test_whole_dev_corpus_round_trips_through_biblatex():
    text = polybib.to_biblatex(DEV)
    assert polybib.to_biblatex(polybib.read_bibtex(text)) == text


def test_ris_round_trips_through_rispy():
    text = polybib.to_ris(DEV)
    records = rispy.loads(text)
    assert len(records) == len(DEV)
    assert rispy.dumps(records, implementation=_Writer) == text   # rispy reads and writes it unchanged
    assert polybib.to_ris(polybib.read_ris(text)) == text          # and so do we


def test_a_range_of_years_in_every_format():
    ref = polybib.parse_reference("Азәрбајҹан тарихи. 7 ҹилддә. Бакы: Елм, 1998-2003.")
    assert ref.year == "1998/2003"
    assert "date = {1998/2003}" in polybib.to_biblatex([ref])
    bibtex = polybib.to_bibtex([ref])
    assert "year = {1998--2003}" in bibtex
    assert polybib.read_bibtex(bibtex)[0].year == "1998/2003"
    item = polybib.to_csl_json([ref])[0]
    assert item["issued"] == {"date-parts": [[1998], [2003]]}
    assert polybib.read_csl_json(json.dumps([item]))[0].year == "1998/2003"
    assert "PY  - 1998\n" in polybib.to_ris([ref])   # RIS holds no range: the first year
    assert polybib.to_csl_json([ref])[0]["id"] == "azarbaycan1998"   # the key has the first year


TRANSLATED = "The Commonwealth of Independent States"


def _with_translated_title():
    ref = polybib.parse_reference("Шакирзаде Н. А. Содружество независимых государств. – Баку : Сада, 2007. – 512 с.")
    ref.translated_title = TRANSLATED
    return ref


def test_a_translated_title_survives_every_format():
    ref = _with_translated_title()
    assert polybib.read_bibtex(polybib.to_biblatex([ref]))[0].translated_title == TRANSLATED
    assert polybib.read_csl_json(json.dumps(polybib.to_csl_json([ref])))[0].translated_title == TRANSLATED
    assert polybib.read_ris(polybib.to_ris([ref]))[0].translated_title == TRANSLATED
    assert "TT  - " + TRANSLATED in polybib.to_ris([ref])


def test_the_romanised_list_gives_the_translated_title_in_brackets():
    original, romanized = polybib.dual_list([_with_translated_title()])
    assert "[" not in original.entries[0].text   # the GOST list is in the original language only
    assert romanized.entries[0].text == ("Shakirzade, N. A. (2007). Sodruzhestvo nezavisimykh gosudarstv "
                                         f"[{TRANSLATED}]. Sada. (In Russ.)")


def test_seed_ris_carries_every_author_and_title(seed_list):
    refs = polybib.read_list(seed_list)
    records = rispy.loads(polybib.to_ris(refs))
    assert [r["title"].split(" : ")[0] for r in records] == [r.title for r in refs]
    assert [r.get("authors") for r in records] == [[p.display().strip("{}") for p in r.authors] for r in refs]
    assert records[4]["type_of_reference"] == "CHAP" and records[4]["secondary_title"].startswith("Азербайджанская")


BIB = r"""@string{elm = "Elm"}
@string{baku = "Bak{\i}"}
@collection{parent, editor = {Mirabdullayev, A. M.}, title = {Az{\schwa}rbaycan v{\schwa} MDB},
  subtitle = {m{\"u}nasib{\schwa}tl{\schwa}r}, location = baku, publisher = elm # { n{\schwa}{\c s}riyyat{\i}},
  date = {2012}}
@incollection{child, author = {{\c{S}}{\"u}k{\"u}rov, K{\"a}mal and {Institut {\&} Co}}, title = {Tarix},
  pages = {12--30}, crossref = {parent}}
@article{journal, author = {M{\"u}ller, J.}, title = {{DNA} and {\textbackslash} 100\%}, journal = {Tarix v{\schwa} onun probleml{\schwa}ri},
  year = 2005, volume = 3, number = {2}, pages = {5--9}, abstract = {Dropped? No: named.}}
@phdthesis{thesis, author = {Əliyev, H.}, title = {Dissertasiya}, school = {BDU}, address = {Bakı}, year = {1999}}
"""


def test_bibtex_reader_decodes_latex_resolves_strings_and_crossref():
    child, journal, thesis = polybib.read_bibtex(BIB)[1:]
    assert [p.display() for p in child.authors] == ["Şükürov, Kämal", "{Institut & Co}"]
    assert child.host.title == "Azərbaycan və MDB" and child.host.subtitle == "münasibətlər"
    assert (child.places, child.publishers, child.year, child.pages) == (["Bakı"], ["Elm nəşriyyatı"], "2012",
                                                                         "12--30")
    assert [p.display() for p in child.editors] == ["Mirabdullayev, A. M."]
    assert journal.title == r"DNA and \ 100%" and journal.host.title == "Tarix və onun problemləri"
    assert (journal.entry_type, journal.year, journal.volume, journal.number) == ("article", "2005", "3", "2")
    assert [d.code for d in journal.diagnostics] == ["unmapped-field"] and "abstract" in journal.diagnostics[0].message
    assert (thesis.entry_type, thesis.thesis_type, thesis.organizations) == ("thesis", "phdthesis", ["BDU"])


def test_bibtex_reader_keeps_keys_and_writes_them_back():
    refs = polybib.read_bibtex(BIB)
    assert [r.key for r in refs] == ["parent", "child", "journal", "thesis"]
    assert polybib.to_biblatex(refs).count("@incollection{child,") == 1


def test_csl_json_from_another_program_is_read_from_its_variables():
    items = [{"id": "ITEM-1", "type": "chapter", "title": "Tarix", "container-title": "Azərbaycan",
              "author": [{"family": "Şükürov", "given": "K."}, {"literal": "AMEA"}],
              "editor": [{"family": "Əliyev", "given": "H."}], "page": "12–30", "issued": {"date-parts": [[2012, 5]]},
              "publisher": "Elm", "publisher-place": "Bakı", "language": "az", "abstract": "..."}]
    ref = polybib.read_csl_json(json.dumps(items))[0]
    assert (ref.entry_type, ref.key, ref.title, ref.host.title, ref.pages, ref.year) == (
        "incollection", "ITEM-1", "Tarix", "Azərbaycan", "12--30", "2012-05")
    assert [p.display() for p in ref.authors] == ["Şükürov, K.", "{AMEA}"]
    assert "abstract" in ref.diagnostics[0].message


def test_csl_json_custom_holds_only_what_csl_variables_cannot(seed_list):
    items = polybib.to_csl_json(polybib.read_list(seed_list))
    custom = {item["id"]: item["custom"]["polybib"] for item in items if "custom" in item}
    assert custom == {
        "aliyev2008": {"title": "XXI əsr", "subtitle": "Azərbaycan - MDB ölkələri : humanitar əlaqələr, 1991-2005-ci illər"},
        "shakirzade2007": {"host-title": "Азербайджанская Республика во внешнеполитических и внешнеэкономических процессах",
                           "host-subtitle": "1991-2006 гг", "host-genre": "монография"},
    }


def test_unreadable_inputs_are_input_errors():
    with pytest.raises(polybib.InputError, match="not JSON"):
        polybib.read_csl_json("[{")
    with pytest.raises(polybib.InputError, match="no BibTeX entry"):
        polybib.read_bibtex("@book{x, title = {unclosed")


@pytest.mark.parametrize("fmt, lost", [("biblatex", []), ("csl-json", []), ("bibtex", ["subtitle", "title"]),
                                       ("ris", ["organizations", "subtitle", "title"])])
def test_lost_fields_are_found_by_reading_back(seed_list, fmt, lost):
    aliyev2008 = polybib.read_list(seed_list)[3]
    assert polybib.lost_fields(aliyev2008, fmt) == lost


# docs/formats.md's words for the model's field names in its table of losses
_DOC_WORDS = {"title": "subtitle", "host.title": "host's subtitle", "host.subtitle": "host's subtitle",
              "host.genre": "genre", "host.series": "series", "host.pagetotal": "pagetotal", "editors": "editors",
              "note": "note", "authors": "corporate authors", "entry_type": "entry"}


@pytest.mark.parametrize("fmt", ["biblatex", "bibtex", "csl-json", "ris"])
def test_docs_name_every_field_a_target_loses(seed_list, fmt):
    doc = (DATA.parent.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    row = next(line for line in doc.splitlines() if line.startswith(f"| {fmt} |"))
    if fmt == "bibtex":
        row += next(line for line in doc.splitlines() if line.startswith("| biblatex |"))
    refs = DEV + list(polybib.read_list(seed_list))
    lost = {name for ref in refs for name in polybib.lost_fields(ref, fmt)}
    assert lost, "a format that loses nothing needs no row"
    for name in sorted(lost):
        assert _DOC_WORDS.get(name, name) in row, (fmt, name)
