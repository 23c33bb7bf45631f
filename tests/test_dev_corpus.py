"""The parser on the team's development corpus (tests/data/dev.jsonl, copied from shared/corpus).

Floors only ever go up: raise them when the parser improves. The per-field table is printed
(run with -s to see it)."""

from __future__ import annotations


import pytest

import polybib
from polybib._accounting import lost_words
from polybib._evaluate import evaluate, load_gold

from .conftest import DATA

GOLD = load_gold(DATA / "dev.jsonl")
# (field-F1, record-exact) floors, measured when they were set; "script:X" is the records of script X
FLOORS = {"all": (0.987, 0.955), "book": (0.987, 0.945),
          "script:Cyrl": (0.985, 0.97), "script:Latn": (0.98, 0.93), "script:mixed": (0.99, 0.96)}


@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_dev_corpus_scores_at_least_the_floor(subset, capsys):
    if subset.startswith("script:"):
        score = evaluate([r for r in GOLD if r["script"] == subset.split(":")[1]])
    else:
        score = evaluate(GOLD, types=None if subset == "all" else [subset])
    with capsys.disabled():
        print(f"\n[dev corpus: {subset}]\n{score.table()}")
    f1, exact = FLOORS[subset]
    assert score.f1 >= f1 and score.exact >= exact


@pytest.mark.parametrize("record", GOLD, ids=lambda r: r["id"])
def test_no_word_is_lost(record):
    """Every word of the input is in a field, a recognised marker, or the note."""
    ref = polybib.parse_reference(record["raw"])
    assert lost_words(ref) == []
