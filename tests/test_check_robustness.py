"""Junk in, findings out: the checker never raises on text, and every finding points inside the text."""

from __future__ import annotations

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

import polybib
from polybib._check._fix import fix_text, record_signature

from .conftest import DATA

_ALPHABET = st.sampled_from(list("aəıiİOo.,;:-–—/ /()[]«»\"&#1234567890sсМ.Бакı\n \t")
                            + ["\u0301", "&quot;", "\r", "\r\n", "\u2028"])   # every line break splitlines knows


@settings(max_examples=100, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
@example("Əliyev A. Kitab. – Bakı : Elm, 2010.\rPetrov P. Book. – M. : Nauka, 2011.\r")   # an IndexError once
@example("Əliyev A. Kitab. – Bakı, 2010.\u2028Petrov P. Book. – M., 2011.\n")
def test_check_never_raises_and_findings_point_into_the_text(text):
    if text.lstrip().startswith(("@", "[")):
        return  # a .bib or CSL-JSON lookalike is a different input (it may be an input error)
    report = polybib.check(text, select=["ALL"])
    lines = text.splitlines() or [""]
    for finding in report:
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1


@settings(max_examples=40, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
@example(".\n(aaaaaa.-/a")   # found by CI: a changed record that no repair's item pointed to
def test_fix_keeps_every_record_of_junk(text):
    if text.lstrip().startswith(("@", "[")):
        return
    result = fix_text(text)
    before = [record_signature(r) for r in polybib.read_list(text)]
    after = [record_signature(r) for r in polybib.read_list(result.text)]
    assert after == before


def test_the_whole_dev_corpus_as_one_list():
    raws = [json.loads(line)["raw"] for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    text = "\n".join(f"{i}. {raw}" for i, raw in enumerate(raws, 1))
    report = polybib.check(text, select=["ALL"])
    assert report.references == len(raws)
    result = fix_text(text)
    assert [record_signature(r) for r in polybib.read_list(result.text)] == \
        [record_signature(r) for r in polybib.read_list(text)]
