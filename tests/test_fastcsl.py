"""The formatter's per-style caches (polybib._fastcsl) change the speed and nothing else.

Two levels of byte-identity, on the development corpus in every bundled style:

(a) polybib with the caches against polybib without them (`caches_disabled()`: the plain element
    classes of citeproc-py and polybib, citeproc-py's bibliography and items, a fresh parse of every
    style): every entry's key, number, text and locale, in text and in HTML, twice with the caches
    (the second time on styles reused from the pool).
(b) citeproc-py alone, with only the cache layer, against citeproc-py as it comes, on the corpus's
    CSL-JSON: the sorted bibliography entry by entry and one citation of each item. Nothing is patched
    globally: the cached classes are subclasses used only by trees parsed with them, so both run in
    this process side by side (`polybib._fastcsl.citeproc_bibliography`).

Speed itself is measured by a benchmark, never asserted here.
"""

from __future__ import annotations

import warnings

import pytest
from citeproc import formatter as csl_formatter
from citeproc import model as csl_model

import polybib
from polybib._evaluate import load_gold
from polybib._fastcsl import (CitedKeys, FastCitationItem, RegisteredKeys, StylePool, caches_disabled,
                              caches_enabled, citeproc_bibliography, fast_class)
from polybib._styles import BUNDLED, load_style

from .conftest import DATA

STYLES = sorted(BUNDLED)


@pytest.fixture(scope="module")
def dev_refs():
    return [polybib.parse_reference(record["raw"]) for record in load_gold(DATA / "dev.jsonl")]


def _entries(result: polybib.Bibliography) -> list[tuple[str, int, str, str]]:
    return [(e.key, e.number, e.text, e.locale) for e in result.entries]


@pytest.mark.parametrize("style", STYLES)
def test_polybib_output_is_the_same_with_and_without_the_caches(dev_refs, style):
    for output in ("text", "html"):
        with caches_disabled():
            assert not caches_enabled()
            plain = polybib.format_bibliography(dev_refs, style=style, output=output)
        cached = [polybib.format_bibliography(dev_refs, style=style, output=output) for _ in range(2)]
        assert len(plain.entries) == len(dev_refs) > 100
        for result in cached:
            assert len(result.entries) == len(plain.entries)
            assert _entries(result) == _entries(plain)
            assert result.render() == plain.render()


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography", "gost-r-7-0-5-2008", "ieee"])
def test_citations_are_the_same_with_and_without_the_caches(dev_refs, style):
    keys = [item["id"] for item in polybib.to_csl_json(dev_refs)]
    # single works, several works at once, a locator, and works cited again (ibid, subsequent)
    specs = [*keys[:40], keys[:3], {"id": keys[5], "locator": "15"}, keys[5], {"id": keys[5], "locator": "16"},
             [keys[7], {"id": keys[8], "locator": "2-4"}], keys[0]]
    with caches_disabled():
        plain = polybib.cite(dev_refs, specs, style=style)
    cached = polybib.cite(dev_refs, specs, style=style)
    assert len(plain) == len(specs) and all(plain)
    assert cached == plain


@pytest.fixture(scope="module")
def dev_items(dev_refs):
    # what citeproc-py reads: the CSL-JSON writer's items, without polybib's own "custom" object
    return [{k: v for k, v in item.items() if k != "custom"} for item in polybib.to_csl_json(dev_refs)]


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_alone_gives_the_same_output_with_the_cache_layer(dev_items, style):
    with warnings.catch_warnings():  # citeproc-py warns about every CSL 1.0.2 variable it lacks
        warnings.simplefilter("ignore")
        plain = citeproc_bibliography(dev_items, BUNDLED[style], cached=False)
        cached = citeproc_bibliography(dev_items, BUNDLED[style], cached=True)
    # the sorted bibliography and a citation of every item; an entry citeproc-py fails on reads "!Error"
    assert len(plain) >= 2 * len(dev_items) > 200
    assert sum(not text.startswith("!") for text in plain) > len(dev_items)
    assert cached == plain


def test_the_switch_gives_the_plain_classes():
    with caches_disabled():
        plain = load_style("apa")
    cached = load_style("apa")
    assert cached.cached and not plain.cached
    assert type(plain.root) is csl_model.Style
    assert type(cached.root).__mro__[1] is csl_model.Style


def test_a_polybib_override_is_kept_and_citeproc_methods_are_replaced():
    from polybib._styles import _Text

    fast_text = fast_class(_Text)
    assert fast_text.get_macro is _Text.get_macro  # polybib's own look-up stays
    assert "calls_variable" in vars(fast_text) and "xpath_search" in vars(fast_text)
    assert fast_class(fast_text) is fast_text


def test_registered_keys_answer_like_a_list():
    keys = RegisteredKeys()
    for key in ["b", "a", "c", "a"]:
        keys.append(key)
    assert keys == ["b", "a", "c", "a"] and keys.index("a") == 1 and "c" in keys and "z" not in keys
    keys.insert(0, "z")
    keys.remove("b")
    assert keys == ["z", "a", "c", "a"] and keys.index("c") == 2 and "b" not in keys
    with pytest.raises(ValueError):
        keys.index("b")
    cites = CitedKeys()
    cites.append(FastCitationItem("Key1"))
    assert "key1" in cites.keys and len(cites) == 1
    with pytest.raises(TypeError):
        cites.pop()


def test_a_pooled_style_comes_back_as_loaded():
    reset = []
    pool = StylePool(2, reset.append)
    with pool.lending():
        assert pool.borrow("k") is None
        first, second = object(), object()
        pool.adopt("k", first)
        pool.adopt("k", second)
    assert reset == [first, second]
    with pool.lending():
        lent = pool.borrow("k")
        assert lent in (first, second) and pool.borrow("k") not in (lent, None)  # never lent twice at once
        assert pool.borrow("k") is None
    with pytest.raises(RuntimeError), pool.lending():  # a failed block gives nothing back
        pool.adopt("k", object())
        raise RuntimeError
    assert len(reset) == 4
    for _ in range(3):
        with pool.lending():
            pool.adopt("other", object())
    with pool.lending():
        assert pool.borrow("k") is None  # only the two most recently returned are kept


def test_reset_restores_what_rendering_changes():
    loaded = load_style("harvard-cite-them-right", locale="en-GB")
    parts = [part for locale in loaded.base_locales for part in locale.iter(f"{{{csl_model.Style.nsmap['cs']}}}date-part")]
    assert parts
    before = [dict(part.attrib) for part in parts]
    parts[0].set("form", "changed")
    loaded.root.polybib_language = "ka"
    loaded.use_entry(language="ru", terms={("editor", "verb-short"): "под ред."})
    loaded.reset()
    assert [dict(part.attrib) for part in parts] == before
    assert loaded.root.locales is loaded.base_locales and loaded.root.polybib_language == "en"


def test_a_long_list_does_not_grow_the_style(dev_refs):
    from polybib._styles import _POOL

    _POOL.clear()
    result = polybib.format_bibliography(dev_refs * 2, style="nlm-citation-sequence")
    assert len(result.entries) == 2 * len(dev_refs)
    pooled = [style for style in _POOL._free.values() if style.path == BUNDLED["nlm-citation-sequence"]]
    names = [n for style in pooled for n in style.root.iter("{http://purl.org/net/xbiblio/csl}names")]
    inserted = [sum(child.tag == "Name" for child in n) for n in names]
    # citeproc-py gives a cs:names without a cs:name a new one at each rendering: at most one is left
    assert pooled and max(inserted) == 1


def _structure(value):
    """A value of citeproc-py's source with the class of every part, for comparing two sources."""
    if isinstance(value, dict):
        return type(value).__name__, [(key, _structure(part)) for key, part in value.items()]
    if isinstance(value, list):
        return type(value).__name__, [_structure(part) for part in value]
    return type(value).__name__, value


def test_the_fast_source_builds_citeproc_pys_references(dev_items):
    from citeproc.source.json import CiteProcJSON

    from polybib._fastcsl import _FastCiteProcJSON, fast_source

    odd = {"id": "Odd-Key", "type": "book", "title": 'A <span class="nocase">pH</span> meter', "shortTitle": "pH",
           "language": "en", "note": 1999, "publisher": "", "issued": {"literal": "circa 1900"},
           "custom-thing": "kept with a warning", "author": [{"literal": "AMEA"}, {"family": "Əliyev", "given": "H."},
                                                              {"family": "Smith", "static-ordering": True}],
           "accessed": {"date-parts": [[2020, 5, 17, 9]], "circa": 1}, "submitted": {"date-parts": [["2001", 2]]},
           "original-date": {"date-parts": [[1999, 1], [2001, 12, 3]]}, "event-date": {"date-parts": [[1990]], "season": 2}}
    items = [*dev_items, odd, {"id": "k2", "type": "book", "issued": {"date-parts": [[2000, True]]}}]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain, fast = fast_source(CiteProcJSON(items)), _FastCiteProcJSON(items)
    assert list(fast) == list(plain)
    assert [_structure(fast[key]) for key in fast] == [_structure(plain[key]) for key in plain]
    classes = {type(value) for key in fast for value in [fast[key], *fast[key].get("author", [])]}
    assert classes == {type(value) for key in plain for value in [plain[key], *plain[key].get("author", [])]}
    for broken in ({"date-parts": [[]]}, {"date-parts": [[None]]}):
        failures = []
        for source in (CiteProcJSON, _FastCiteProcJSON):
            try:
                source([{"id": "x", "type": "book", "issued": broken}])
            except Exception as error:  # noqa: BLE001 - the same failure is the same behaviour
                failures.append(type(error))
        assert len(failures) == 2 and failures[0] is failures[1]


def test_sorting_by_columns_gives_the_order_of_comparing_every_key():
    import random
    from functools import cmp_to_key

    from polybib._fastcsl import sort_by_columns
    from polybib._format import _compare

    def collate(text):
        return text.casefold().encode()

    rng = random.Random(8)
    for trial in range(200):
        count = rng.randrange(0, 40)
        kinds = [rng.choice(["str", "int"]) for _ in range(rng.randrange(1, 4))]
        table = [[None if rng.random() < 0.2 else
                  (rng.choice(["a", "A", " b", "b ", "c", "Ə", "ə"]) if kind == "str" else rng.randrange(3))
                  for _ in range(count)] for kind in kinds]
        descending = [rng.random() < 0.3 for _ in kinds]
        asked: list[list[int]] = []

        def column(level, positions):
            asked.append(list(positions))
            return [table[level][p] for p in positions]

        columns = [lambda positions, level=level: column(level, positions) for level in range(len(kinds))]
        compare = _compare(collate)

        def by_keys(left, right):
            for values, down in zip(table, descending):
                result = compare(values[left], values[right])
                if result:
                    return -result if down else result
            return left - right

        assert sort_by_columns(count, columns, descending, collate) == sorted(range(count), key=cmp_to_key(by_keys))
        assert all(len(positions) >= 2 for positions in asked)   # a key only where earlier ones tie
    mixed = [lambda positions: ["a", 1, None][:len(positions)]]
    assert sort_by_columns(3, mixed, [False], collate) is None   # strings and numbers: every key is computed


def test_the_string_operations_give_citeproc_pys_strings():
    import random

    from citeproc.string import MixedString, NoCase, String, join, normalize_seam

    from polybib._fastcsl import _add, _join, _seam

    texts = ["", " ", ".", ",", "a", "a.", ". ", " a", "..", ", ", "Bakı", ":", "1"]
    rng = random.Random(4)

    def value():
        kind = rng.randrange(5)
        if kind == 0:
            return rng.choice(texts)
        if kind == 1:
            return String(rng.choice(texts))
        if kind == 2:
            return NoCase(rng.choice(texts))
        if kind == 3:
            parts = [rng.choice([String, NoCase, str])(rng.choice(texts)) for _ in range(rng.randrange(4))]
            if parts and rng.random() < 0.2:
                parts[0] = MixedString([String(rng.choice(texts)), NoCase(rng.choice(texts))])  # nested
            return MixedString(parts)
        return rng.choice([None, 7])

    def shape(result):
        if isinstance(result, MixedString):
            return "MixedString", [shape(part) for part in result]
        return type(result).__name__, result

    def outcome(operation, *args):
        try:
            return shape(operation(*args))
        except Exception as error:  # noqa: BLE001 - the same failure is part of the same behaviour
            return type(error).__name__

    for _ in range(5000):
        left, other = value(), value()
        assert outcome(_seam, left, other) == outcome(normalize_seam, left, other), (left, other)
        assert outcome(_add, left, other) == outcome(lambda a, b: a + b, left, other), (left, other)
        items = [value() for _ in range(rng.randrange(4))]
        delimiter = rng.choice(["", ", ", ". ", " "])
        assert outcome(_join, items, delimiter) == outcome(join, items, delimiter), (items, delimiter)


# one process formatting several styles, locales and markups in turn, reusing pooled styles: each call
# gives what a fresh parse gives (caches off) and what a fresh process gives
_INTERLEAVED = [("gost-r-7-0-5-2008", None, "text"), ("apa", "en-US", "html"), ("gost-r-7-0-5-2008", "az-AZ", "text"),
                ("apa", None, "text"), ("gost-r-7-0-5-2008", None, "html"), ("chicago-author-date", "ru-RU", "md"),
                ("gost-r-7-0-5-2008", None, "text"), ("apa", "en-US", "html")]


def test_styles_locales_and_markups_in_turn_give_what_fresh_ones_give(dev_refs):
    import json
    import subprocess
    import sys

    refs = dev_refs[:80]
    cached = [_entries(polybib.format_bibliography(refs, style=style, locale=locale, output=output))
              for style, locale, output in _INTERLEAVED]
    with caches_disabled():
        plain = [_entries(polybib.format_bibliography(refs, style=style, locale=locale, output=output))
                 for style, locale, output in _INTERLEAVED]
    assert cached == plain
    assert cached[0] == cached[6] and cached[1] == cached[7]   # the same call again, on pooled styles
    script = ("import json, sys, polybib\n"
              "from polybib._evaluate import load_gold\n"
              f"refs = [polybib.parse_reference(r['raw']) for r in load_gold({str(DATA / 'dev.jsonl')!r})][:80]\n"
              "style, locale, output = json.loads(sys.argv[1])\n"
              "result = polybib.format_bibliography(refs, style=style, locale=locale, output=output)\n"
              "print(json.dumps([[e.key, e.number, e.text, e.locale] for e in result.entries], ensure_ascii=False))\n")
    for index in (4, 5):   # late in the sequence: after other styles, locales and markups
        fresh = subprocess.run([sys.executable, "-c", script, json.dumps(_INTERLEAVED[index])], capture_output=True,
                               text=True, encoding="utf-8", check=True).stdout
        assert [tuple(entry) for entry in json.loads(fresh)] == cached[index]
