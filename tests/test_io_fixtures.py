"""The seed list saved the ways users save it gives the same records as the UTF-8 list.

The fixtures in tests/data/io/ are written by scripts/make_io_fixtures.py from the seed list."""

from __future__ import annotations

import dataclasses

import docx
import pytest

import polybib

from .conftest import DATA, ROOT, load_script

IO = DATA / "io"


def records(refs, *, skip=("line",), drop_codes=()):
    out = []
    for ref in refs:
        record = dataclasses.asdict(ref)
        record["diagnostics"] = [d for d in record["diagnostics"] if d["code"] not in drop_codes]
        for name in skip:
            record.pop(name)
        out.append(record)
    return out


@pytest.fixture(scope="module")
def utf8(seed_list_path=ROOT / "references" / "recommended-literature.txt"):
    return polybib.read_list(seed_list_path)


@pytest.mark.parametrize("name, encoding", [
    ("seed.docx", "a Word document (.docx)"),
    ("seed.utf16le-bom.txt", "encoding utf-16 (bom)"),
    ("seed.utf16be.txt", "encoding utf-16-be (detected)"),
    ("seed.utf8-bom.txt", "encoding utf-8-sig (bom)"),
])
def test_whole_seed_list_gives_the_same_records(utf8, name, encoding):
    refs = polybib.read_list(IO / name)
    assert refs.encoding == encoding
    assert records(refs, skip=()) == records(utf8, skip=())  # lines too: one paragraph is one line
    assert (refs.title, [d.code for d in refs.diagnostics]) == (utf8.title, ["unnumbered-item"])


@pytest.mark.parametrize("name, encoding", [
    ("seed-ru.cp1251.txt", "encoding cp1251 (detected)"),
    ("seed-ru.koi8r.txt", "encoding koi8-r (detected)"),
])
def test_russian_items_in_cyrillic_code_pages(utf8, name, encoding):
    refs = polybib.read_list(IO / name)
    assert refs.encoding == encoding
    assert len(refs) == 3
    assert records(refs) == records(utf8[4:])


def test_legacy_alphabet_in_windows_1254_is_normalised_with_a_diagnostic(utf8):
    raw = (IO / "seed-az-1991.cp1254.txt").read_bytes()
    assert "ə".encode("utf-8") not in raw and b"\xe4" in raw  # really "ä" in a Turkish code page
    refs = polybib.read_list(IO / "seed-az-1991.cp1254.txt")
    assert refs.encoding.startswith("encoding ") and refs.encoding.split()[1] in ("cp1254", "iso8859-9")
    assert records(refs, drop_codes=("legacy-alphabet",)) == records(utf8[:4])
    assert [sum(d.code == "legacy-alphabet" for d in r.diagnostics) for r in refs] == [1, 1, 1, 1]


def test_docx_numbers_come_from_word_numbering_not_from_the_text():
    document = docx.Document(str(IO / "seed.docx"))
    texts = [p.text for p in document.paragraphs]
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) == 6
    assert not any(t.lstrip()[:1].isdigit() for t in texts)


def test_fixtures_are_what_the_script_writes(tmp_path):
    """The committed fixtures can be made again: the text ones byte for byte, the .docx by content."""
    module = load_script("make_io_fixtures")
    made = {path.name: path for path in module.write_fixtures(tmp_path)}
    committed = {path.name: path for path in IO.iterdir()}
    assert sorted(made) == sorted(committed)
    for name, path in committed.items():
        if path.suffix == ".docx":  # a zip archive carries the time it was written
            assert records(polybib.read_list(made[name]), skip=()) == records(polybib.read_list(path), skip=())
        else:
            assert made[name].read_bytes() == path.read_bytes(), name
