"""The seed list: every field of every entry matches its gold records exactly."""

from __future__ import annotations

import bibtexparser

import polybib
from polybib._evaluate import SCORED, _view, evaluate, load_gold

from .conftest import DATA


def test_seed_list_matches_gold_field_by_field(seed_list):
    gold = load_gold(DATA / "recommended-literature.gold.jsonl")
    refs = polybib.read_list(seed_list)
    assert len(refs) == len(gold) == 7
    entries = bibtexparser.parse_string(polybib.to_biblatex(refs)).entries
    for record, entry in zip(gold, entries):
        got = {f.key: f.value for f in entry.fields}
        mine = _view(got, from_gold=False)
        mine["ENTRYTYPE"] = entry.entry_type
        theirs = _view(record["gold"], from_gold=True)
        theirs["ENTRYTYPE"] = theirs["ENTRYTYPE"]
        assert {k: mine.get(k) for k in SCORED} == {k: theirs.get(k) for k in SCORED}, record["id"]


def test_seed_raw_strings_score_perfectly():
    score = evaluate(load_gold(DATA / "recommended-literature.gold.jsonl"))
    assert (score.f1, score.exact) == (1.0, 1.0), score.errors


def test_seed_list_title_and_unnumbered_item(seed_list):
    refs = polybib.read_list(seed_list)
    assert refs.title == "Recommended literature"
    assert [r.line for r in refs] == [3, 4, 5, 6, 7, 8, 9]
    assert [d.code for d in refs.diagnostics] == ["unnumbered-item"]


def test_inverted_heading_is_reconciled_with_a_diagnostic(seed_list):
    first = polybib.read_list(seed_list)[0]
    assert first.authors[0].display() == "Osmanov, İsaməddin Səyid oğlu"
    assert {"inverted-heading", "initials-disagree"} <= {d.code for d in first.diagnostics}


def test_chapter_without_link_is_flagged_and_keeps_every_word(seed_list):
    fifth = polybib.read_list(seed_list)[4]
    assert fifth.entry_type == "incollection"
    assert "part-without-link" in {d.code for d in fifth.diagnostics}
    assert fifth.host.title.startswith("Азербайджанская Республика")
