"""Given names to initials, as GOST 7.0.100-2018 and the CSL ``initialize-with`` option ask, without
the mistakes a letter-by-letter rule makes on our names.

citeproc-py keeps every lower-case word as a "particle", so an Azerbaijani patronymic comes out as
"İ. S. oğlu ." and keeps one letter of a romanised "Yu.". Here the Turkic patronymic words
(oğlu, qızı, оглы, кызы ...) are dropped and the father's name before them gives the initial;
digraphs of romanised Cyrillic names stay whole; hyphens are kept. The words and digraphs are a
data table (``data/format/initials.json``) with its source and samples.

>>> initialize_given("Adil Mirabdulla oğlu", ". ", language="az")
'A. M.'
>>> initialize_given("Наргиз Сабир кызы", ". ", language="ru")
'Н. С.'
>>> initialize_given("Yuriy Aleksandrovich", ". ", language="ru")
'Yu. A.'
>>> normalize_initials("Həmzə Hüseyn oğlu", ". ", language="az"), normalize_initials("Н.А.", ". ", language="ru")
('Həmzə Hüseyn oğlu', 'Н. А.')
>>> normalize_initials("О", ". ", language="uk"), normalize_initials("P.-F.", ". ", language="fr", hyphen=False)
('О.', 'P. F.')
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ._tables import load_table

__all__ = ["initialize_given", "load_format_table", "normalize_initials"]


def load_format_table(name: str) -> dict[str, Any]:
    """Read and validate ``data/format/<name>.json`` (source, description, entries, samples)."""
    return load_table(name, folder="format", required=("source", "description", "entries", "samples"))


@cache
def _markers() -> frozenset[str]:
    return frozenset(m.casefold() for m in load_format_table("initials")["entries"]["patronymic_markers"])


@cache
def _digraphs() -> tuple[tuple[str, ...], frozenset[str]]:
    entries = load_format_table("initials")["entries"]
    forms = tuple(sorted(entries["digraphs"], key=len, reverse=True))
    return forms, frozenset(entries["digraph_languages"])


@cache
def _digraph_forms(digraphs: bool) -> tuple[tuple[str, ...], frozenset[str]]:
    """The digraphs an initial may be, longest first (the Latin ones only with ``digraphs``), and
    the letters they start with."""
    forms = tuple(form for form in _digraphs()[0] if digraphs or not form.isascii())
    return forms, frozenset(form[0] for form in forms)


def _initial(word: str, *, digraphs: bool) -> str:
    """The initial of one word: "Yuriy" -> "Yu" (with Latin digraphs), "Джон" -> "Дж", "Адиль" -> "А"."""
    forms, starts = _digraph_forms(digraphs)
    if word[0] in starts:
        for form in forms:
            if word.startswith(form):
                return form
    return word[0]


_WORD = re.compile(r"[^\s.]+\.?")


def initialize_given(given: str, mark: str, *, language: str = "", hyphen: bool = True) -> str:
    """The initials of ``given`` joined with ``mark`` (". " gives "A. M.", "" gives "AM").

    A word already abbreviated ("Дж.", "Sh.") stays as written; words in lower case that are not
    patronymic markers are particles and stay as written.
    """
    base_language = language.split("-")[0].casefold()
    digraphs = base_language in _digraphs()[1]
    markers = _markers()
    parts = given.split("-") if hyphen else [given.replace("-", " ")]
    results = []
    for part in parts:
        words = [w for w in _WORD.findall(part) if w.rstrip(".").casefold() not in markers]
        out, group = [], []
        for word in words:
            letters = word.rstrip(".")
            # Georgian Mkhedruli is written without capitals (Unicode calls it lower case): a name
            if not letters[0].islower() or "\u10d0" <= letters[0] <= "\u10ff":
                abbreviated = word.endswith(".") and len(letters) <= 4
                group.append(letters if abbreviated else _initial(letters, digraphs=digraphs))
            else:
                if group:
                    out.append(mark.join(group) + mark)
                    group = []
                out.append(letters + " ")
        if group:
            out.append(mark.join(group) + mark)
        results.append(" ".join("".join(out).split()))
    return "-".join(results)


def normalize_initials(given: str, mark: str, *, language: str = "", hyphen: bool = True) -> str:
    """Full given names kept; only a given name made of initials is rewritten with ``mark``
    (CSL ``initialize="false"``)."""
    words = [w for w in re.split(r"\s+", given.strip()) if w]
    if words and all(re.fullmatch(r"(?:\w{1,4}\.-?)+|\w", w) for w in words):
        return initialize_given(given, mark, language=language, hyphen=hyphen)
    return given
