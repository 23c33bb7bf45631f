"""Every data table validates and its own samples come out as the table says."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from polybib._keys import ascii_fold
from polybib._lang import detect_language
from polybib._tables import expand_place, is_genre, is_term, load_table, role_of
from polybib._text import normalize

TABLES = sorted(p.name[:-5] for p in resources.files("polybib.data").iterdir() if p.name.endswith(".json"))
LOOKUPS = {
    "places": lambda abbr, lang, script: expand_place(abbr, lang=lang, script=script),
    "roles": role_of,
    "genres": is_genre,
    "terms": is_term,
    "languages": detect_language,
    "homoglyphs": lambda text: normalize(text)[0],
    "transliteration": ascii_fold,
}


@pytest.mark.parametrize("name", TABLES)
def test_table_says_where_it_comes_from(name):
    table = load_table(name)
    assert table["source"].strip() and table["description"].strip() and table["samples"]


def test_every_table_has_a_lookup():
    assert set(TABLES) == set(LOOKUPS)


@pytest.mark.parametrize(("name", "sample"), [(n, s) for n in TABLES for s in load_table(n)["samples"]],
                         ids=lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)[:40])
def test_table_samples(name, sample):
    *arguments, expected = sample
    assert LOOKUPS[name](*arguments) == expected
