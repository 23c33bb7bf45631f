"""Hostile text in, records out: the parser and the list reader never raise, and no word is lost.

Bounded property tests (hypothesis); the long run of a million inputs is ``scripts/fuzz.py``.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import polybib
from polybib._accounting import lost_words
from polybib._fuzz import JUNK, mutate

from .conftest import DATA

RAWS = [json.loads(line)["raw"] for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# any code point, lone surrogates included (what text decoded with errors="surrogateescape" holds)
_ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
_BAD_BYTES = st.binary(max_size=300).map(lambda b: b.decode("utf-8", errors="surrogateescape"))
_JUNKY = st.lists(st.sampled_from(list(JUNK) + list(".,:;/–-()[] sсМ")), max_size=60).map("".join)


@_SETTINGS
@given(st.one_of(_ANY_TEXT, _BAD_BYTES, _JUNKY))
def test_parse_reference_never_raises_and_loses_no_word(text):
    ref = polybib.parse_reference(text)
    assert lost_words(ref) == []


@_SETTINGS
@given(st.lists(st.one_of(_ANY_TEXT, _BAD_BYTES, _JUNKY, st.sampled_from(RAWS)), max_size=12)
       .map("\n".join))
def test_read_list_never_raises(text):
    refs = polybib.read_list(text)
    for ref in refs:
        assert lost_words(ref) == []


@_SETTINGS
@given(st.sampled_from(RAWS), st.randoms(use_true_random=False))
def test_mutated_real_references_lose_no_word(raw, rng):
    text = mutate(raw, rng)
    assert lost_words(polybib.parse_reference(text)) == []


# Inputs the long fuzz run (scripts/fuzz.py) found losing words: a field took a piece and kept
# only part of it. Each word is now in a field or in the note, with an unparsed-text diagnostic.
@pytest.mark.parametrize("text", [
    "Adilov M. Türk mətninin problemləri. – Bakı: Nurlan, 20032003, 118.",
    "Шпринц, Лев. Книга. – Москва: [б.и.], 2000. – Режим доступаhttp://atbook.km.ru/news/000525.html, свободный.",
    "S.MM.Onullahi. XIII əsrə aid türk dilində yazılı abidə. Dilçilik məsələləri, «Elm», 2000, s//36-44.",
    "ДСТУ 3574-97. Патентний формулярОсновні положення. Порядок складання та оформлення. "
    "[Чинний від 1998-01-01]//. Вид. офіц. Київ : Держстандарт України.., 1997 / 7 с.",
    "Документация к языку Rust. URL: httpshttps://www.rustlang.org/documentation.html (дата обращения 14.05..2016)",
])
def test_found_by_fuzzing_no_word_lost(text):
    ref = polybib.parse_reference(text)
    assert lost_words(ref) == []
    assert ref.partly_understood


def test_a_large_single_reference():
    # 100 KB here; the 1 MB reference is in scripts/fuzz.py --large (a few minutes)
    text = " ".join(RAWS) * 2
    ref = polybib.parse_reference(text[:100_000])
    assert lost_words(ref) == []


def test_a_long_list_of_short_lines():
    # 3,000 lines here; the million-line list is in scripts/fuzz.py --large
    text = "\n".join(f"Автор{i} А. Книга {i}. – М., 2019. – {i} с." for i in range(1, 3_001))
    refs = polybib.read_list(text)
    assert len(refs) == 3_000
    assert [r.line for r in refs[-2:]] == [2_999, 3_000]
    assert all(lost_words(r) == [] for r in refs)


def test_found_by_fuzzing_heading_without_a_full_stop_parses():
    # the "Family, Given Patronymic." heading pattern let a lone particle letter match nothing, so a
    # long run of capitalised words without a full stop backtracked exponentially (the run hung)
    text = ("Ludenscheid, Simonovskiy VPitel' J. Pavlenko IDynamic Analysis of Centrifugal Machines Rotors with "
            "Combined Using 3D and 2D Finite Element Models, Demianenko M,  . . 145 p, 2018. : .. monograph : "
            "RAM-Verlag. .")
    ref = polybib.parse_reference(text)
    assert lost_words(ref) == []


def test_found_by_fuzzing_georgian_heading_with_a_stray_comma_parses():
    # Georgian letters are both "upper" and "lower" to the name patterns, so with the given names
    # allowed to follow each other without a space a word could be cut up every possible way (a hang)
    text = ("ახალა,ძე ლ.ბედიის ტაძრის ფრესკული წარწერა და დადიანთა მანდატურთუხუცესის საკითხი "
            "//საისტორიო ძიებანი.II.-თბ.,199.-გვ.61-67. რეზ. რუსულ ენაზე.")
    assert lost_words(polybib.parse_reference(text)) == []


def test_a_list_of_many_short_lines_that_join_into_one_item():
    # found while building the million-line run: 50,000 short lines ("ab cd.") are continuations
    # of one item, and joining them one by one (and testing the whole growing text at each line)
    # took quadratic time; the lines are now joined once, and an item longer than MAX_REFERENCE
    # is kept whole in the note with a too-long error instead of being parsed
    from polybib._reader import MAX_REFERENCE

    refs = polybib.read_list("\n".join("ab cd." for _ in range(50_000)))
    assert len(refs) == 1 and len(refs[0].raw) == 50_000 * 7 - 1 > MAX_REFERENCE
    assert [d.code for d in refs[0].diagnostics] == ["too-long"] and refs[0].partly_understood
    assert lost_words(refs[0]) == []


def test_wrapped_lines_still_join_as_before():
    refs = polybib.read_list("1. Иванов И. И. Очерки исто-\nрии. – М. : Наука,\n   2019. – 512 с.\n"
                             "2. Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164\ns.")
    assert [r.raw for r in refs] == ["Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с.",
                                     "Əliyev H. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s."]
