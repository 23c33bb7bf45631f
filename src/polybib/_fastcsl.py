"""citeproc-py, made fast by caching what depends on the style alone: the same output, sooner.

citeproc-py looks up a macro, the layout an element sits in, the cs:bibliography whose name options
apply, a locale term or date form by running an XPath query every time it needs one, and scans a
macro's whole subtree for "does it call a variable" at every cs:group. All of that depends on the
style (and locale files) alone, so this module answers each question once per element and keeps the
answer on the element:

- ``xpath_search`` and child look-ups (``element.layout``, ``locale.terms`` ...) remember their
  results per element and expression (macro look-up, ancestor layout and cs:bibliography, cs:et-al
  and cs:substitute, term and date look-up, the date parts of a localised date);
- ``calls_variable``, an element's root and children, its formatting, affix, case, quotes and
  condition attributes, what a cs:text prints, the name options that inherit from cs:bibliography /
  cs:citation, and the text of each locale term (per output markup) are read once per element, and
  the terms, dates and options of a locale chain once per chain (render_children, cs:group, cs:choose,
  cs:if and cs:text are citeproc-py 0.11's code over those answers);
- a citation of one work is not sorted (its sort keys were rendered to be compared with nothing),
  where rendering them cannot change later output;
- the list's keys answer "is it registered" and "which number" from a table instead of a list scan
  (citeproc-py scans the list, which made registering and numbering a list quadratic), and so does
  "was this work cited before" in cs:if position="...";
- citeproc-py inserts a new cs:name into a cs:names that has none at every rendering; here the
  newest one replaces the previous one, so a long list no longer grows the style;
- cs:text, cs:group, cs:names, cs:name, cs:label and cs:date render in fewer steps over those answers
  (process and markup in one; a date part's formatting read once where the style never rewrites it);
- citeproc.string's seams, additions and joins turn the whole text so far into one str to read the
  two characters that meet; here only those characters are read (`_seam`, `_add`, `_join`, tested
  against citeproc.string).

The cached answers hold only while the style tree does not change, which citeproc-py and polybib never
do after loading (the cs:name insertion is handled above, polybib's cs:names restores the attribute
it changes and is read each time, and the attributes of the date parts that citeproc-py's localised
dates overwrite are read each time where a style has such dates: `renders_independently`).

For the list: `new_source` builds citeproc-py's references, names and dates without its per-object
checks, of classes that answer look-ups in C (`fast_source` makes an existing source so), their most
read attributes properties; `register_citation` registers a work without building a Citation and a
CitationItem through their keyword checks; `FastCitationItem` finds its reference once; and
`sort_by_columns` renders a sort key only for the works that tie on the keys before it.

The fast element classes are subclasses of the given ones (citeproc-py's or polybib's), made by
`fast_classes`, and only used for trees parsed with them: nothing of citeproc-py is patched, and a
method that polybib overrides keeps polybib's version (polybib's cs:names calls citeproc-py's under
another name, which gets the faster one). `caches_enabled` says whether new styles get them:
``POLYBIB_CSL_CACHES=0`` in the environment switches them off for a process, and `caches_disabled()`
for a block (both are for comparing output and measuring speed, never needed otherwise); with them
off, sources, registrations and the bibliography's sort are citeproc-py's too.

`StylePool` keeps parsed styles with their locales for reuse across calls, keyed by the style file
(path, modification time and size), the locale and the switch, and bounded; a borrowed style is
reset to its loaded state before it is lent again.

>>> from citeproc import model
>>> cached_text = fast_classes({"text": model.Text})["text"]
>>> cached_text.__mro__[1] is model.Text, "calls_variable" in vars(cached_text)
(True, True)
>>> keys = RegisteredKeys(["mirabdullayev2012", "osmanov2004"])
>>> keys.append("shakirzade2007")
>>> keys.index("shakirzade2007"), "osmanov2004" in keys
(2, True)
"""

from __future__ import annotations

import contextlib
import os
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from operator import itemgetter
from typing import Any

from lxml import etree
from citeproc import DATES as csl_dates
from citeproc import NAMES as csl_names
from citeproc import VARIABLES as csl_variables
from citeproc import Citation, CitationStylesStyle
from citeproc import CitationItem as _CitationItem
from citeproc import CitationStylesBibliography as _CitationStylesBibliography
from citeproc import formatter as csl_formatter
from citeproc import model as csl
from citeproc import source as csl_source
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import SEAM_PUNCTUATION as _SEAM_PUNCTUATION
from citeproc.string import MixedString, NoCase, String
from citeproc.string import _strip_first_char

__all__ = ["CitedKeys", "FastBibliography", "FastCitationItem", "RegisteredKeys", "StylePool", "caches_disabled",
           "caches_enabled", "citeproc_bibliography", "fast_classes", "fast_source", "new_bibliography", "new_item",
           "new_source", "pin_tree", "register_citation", "renders_independently", "share_registrations", "sort_by_columns"]

CSL_NS = "http://purl.org/net/xbiblio/csl"

_ENABLED: ContextVar[bool] = ContextVar("polybib_csl_caches",
                                        default=os.environ.get("POLYBIB_CSL_CACHES", "1") != "0")


def caches_enabled() -> bool:
    """Whether styles loaded now get the cached element classes (``POLYBIB_CSL_CACHES=0`` says no)."""
    return _ENABLED.get()


@contextlib.contextmanager
def caches_disabled() -> Iterator[None]:
    """Load and render with citeproc-py's and polybib's plain classes inside the block."""
    token = _ENABLED.set(False)
    try:
        yield
    finally:
        _ENABLED.reset(token)


# --- the cached methods of the element classes -------------------------------------------------
# Each keeps its answers in the element's __dict__: lxml keeps one Python object per XML node while
# that object lives, and `pin_tree` keeps them alive for as long as the style is.

def _getattr(self: Any, name: str) -> Any:
    """SomewhatObjectifiedElement.__getattr__: the first child element called ``name``, kept as an
    attribute of the element's object, where Python finds it first the next time (without going
    through a failed look-up to come here)."""
    found = self.__dict__[name] = self.find("cs:" + name, self.nsmap)
    return found


def _get_root(self: Any) -> Any:
    try:
        return self.__dict__["_fast_root"]
    except KeyError:
        root = self.__dict__["_fast_root"] = self.getroottree().getroot()
        return root


def _xpath_search(self: Any, expression: str) -> Any:
    # every query citeproc-py and polybib run is structural (tags and attributes that never change
    # after loading), so its answer is the same each time; callers only index it or test it
    cache = self.__dict__.setdefault("_fast_xpath", {})
    try:
        return cache[expression]
    except KeyError:
        found = cache[expression] = self.xpath(expression, namespaces=self.nsmap)
        return found


def _cached_calls_variable(original: Callable[[Any], bool]) -> Callable[[Any], bool]:
    def calls_variable(self: Any) -> bool:
        try:
            return self.__dict__["_fast_calls_variable"]
        except KeyError:
            called = self.__dict__["_fast_calls_variable"] = original(self)
            return called
    calls_variable.__doc__ = original.__doc__
    return calls_variable


_PLAIN_FORMAT = (("font-style", "normal"), ("font-variant", "normal"), ("font-weight", "normal"),
                 ("text-decoration", "none"), ("vertical-align", "baseline"))


def _format(self: Any, string: Any) -> Any:
    """Formatted.format: nothing to do for an element with no font or decoration attributes."""
    try:
        plain = self.__dict__["_fast_plain_format"]
    except KeyError:
        plain = self.__dict__["_fast_plain_format"] = all(self.get(name, default) == default
                                                         for name, default in _PLAIN_FORMAT)
    if not plain:
        return csl.Formatted.format(self, string)
    if isinstance(string, (int, float)):
        string = str(string)
    return string


# --- citeproc-py's string operations, with the seams found without joining ------------------------
# citeproc.string's normalize_seam turns both sides into one str to read the characters that meet, so
# that every addition and join costs as much as the whole text so far. These give the same results
# (the same classes and segments) reading only the last and first characters.

_PLAIN_STRINGS = (str, String, NoCase)


def _last_char(value: Any) -> str:
    """str(value)[-1:] without joining a MixedString."""
    kind = type(value)
    if kind is str or kind is String or kind is NoCase:
        return value[-1:]  # type: ignore[no-any-return]
    if kind is MixedString:
        for part in reversed(value):
            found = part[-1:] if type(part) in _PLAIN_STRINGS else _last_char(part)
            if found:
                return found  # type: ignore[no-any-return]
        return ""
    return str(value)[-1:]


def _first_char(value: Any) -> str:
    """str(value)[:1] without joining a MixedString."""
    kind = type(value)
    if kind is str or kind is String or kind is NoCase:
        return value[:1]  # type: ignore[no-any-return]
    if kind is MixedString:
        for part in value:
            found = part[:1] if type(part) in _PLAIN_STRINGS else _first_char(part)
            if found:
                return found  # type: ignore[no-any-return]
        return ""
    return str(value)[:1]


_SEAM_CHARACTERS = _SEAM_PUNCTUATION | {" "}


def _seam(left: Any, other: Any) -> Any:
    """citeproc.string.normalize_seam(left, other): the first character of other dropped where it
    repeats the last of left and is a space or one of .,;:!?"""
    kind = type(other)
    first = other[:1] if kind is str or kind is String or kind is NoCase else _first_char(other)
    if first in _SEAM_CHARACTERS and _last_char(left) == first:  # ("" is in neither)
        return _strip_first_char(other)
    return other


def _str_seam(left: Any, other: str) -> str:
    """`_seam` for ``other`` exactly a str (an affix or a delimiter)."""
    if other and other[0] in _SEAM_CHARACTERS and _last_char(left) == other[0]:
        return other[1:]
    return other


def _mixed_add(left: Any, other: Any) -> Any:
    """MixedString.__add__ (left is exactly a MixedString)."""
    if type(other) is str:  # an affix or a delimiter: the same steps, shorter
        if other:
            other = _str_seam(left, other)
            if other:
                return MixedString([*left, other])
        return left
    if other == "":
        return left
    other = _seam(left, other)
    if other == "" or other == []:
        return left
    if isinstance(other, list):
        return MixedString(list.__add__(left, other))
    return MixedString(list.__add__(left, MixedString([other])))


def _add(left: Any, other: Any) -> Any:
    """left + other for citeproc-py's strings, as their operators do it."""
    kind = type(left)
    if kind is MixedString:
        return _mixed_add(left, other)
    if kind is String or kind is NoCase:  # String.__add__
        return left if other == "" else _mixed_add(MixedString([left]), other)
    if kind is str:
        other_kind = type(other)
        if other_kind is str:
            return left + other
        if other_kind is MixedString or other_kind is String or other_kind is NoCase:
            # MixedString.__radd__, or String.__radd__ (a subclass of str is asked first)
            return other if left == "" else _mixed_add(MixedString([left]), other)
    return left + other


def _join(items: Any, delimiter: str = "") -> Any:
    """citeproc.string.join."""
    items = iter(items)
    try:
        output = next(items)
    except StopIteration:
        return String("")
    plain_delimiter = type(delimiter) is str
    for item in items:
        if delimiter:
            output = _add(output, _str_seam(output, delimiter) if plain_delimiter else _seam(output, delimiter))
        elif type(output) not in _JOINED:  # (string + "" is the string itself)
            output = _add(output, _seam(output, delimiter))
        output = _add(output, _seam(output, item))
    return output


_JOINED = (str, String, NoCase, MixedString)


def _delimited_join(self: Any, strings: Any, default_delimiter: str = "") -> Any:
    """Delimited.join with the fast `_join` and the element's delimiter read once."""
    own = self.__dict__
    try:
        delimiter = own["_fast_delimiter_attribute"]
    except KeyError:
        delimiter = own["_fast_delimiter_attribute"] = self.get("delimiter")
    if delimiter is None:
        delimiter = default_delimiter
    try:
        text = _join([s for s in strings if s is not None], delimiter)
    except:  # noqa: E722 - citeproc-py's, as it is
        text = String("")
    return text


def _wrap(self: Any, string: Any) -> Any:
    """Affixed.wrap with the prefix and suffix read once."""
    if string is not None:
        try:
            prefix, suffix = self.__dict__["_fast_affixes"]
        except KeyError:
            prefix, suffix = self.__dict__["_fast_affixes"] = (self.get("prefix", ""), self.get("suffix", ""))
        if not prefix and isinstance(string, (str, MixedString)):
            # "" + string is string for citeproc-py's strings, and so is string + ""
            return _add(string, _str_seam(string, suffix)) if suffix else string
        string = _seam(prefix, string)
        text = _add(prefix, string)
        return _add(text, _str_seam(text, suffix))
    return None


def _name_get_option(self: Any, name: str, context: Any = None, sort_options: Any = None) -> Any:
    """Name.get_option: an inherited name option depends on the element and its context alone,
    unless a sort key overrides it."""
    if sort_options is not None:
        try:
            sort_options[name]
        except (TypeError, KeyError):
            pass
        else:
            return csl.Name.get_option(self, name, context, sort_options)
    cache = self.__dict__.setdefault("_fast_options", {})
    key = (name, context)
    try:
        return cache[key]
    except KeyError:
        value = cache[key] = csl.Name.get_option(self, name, context, None)
        return value


_NAME_OPTIONS = ("and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
                 "et-al-use-first", "et-al-subsequent-min", "et-al-subsequent-use-first", "et-al-use-last",
                 "initialize-with", "name-as-sort-order", "sort-separator", "form", "demote-non-dropping-particle")


def _name_options(self: Any, context: Any, sort_options: Any) -> tuple[Any, ...]:
    """The options Name.process reads, in its order, once per context and sort options."""
    if sort_options is not None and not isinstance(sort_options, dict):
        return tuple(self.get_option(name, context, sort_options) for name in _NAME_OPTIONS)
    key = (context, frozenset(sort_options.items()) if sort_options else None)
    cache = self.__dict__.setdefault("_fast_name_options", {})
    try:
        return cache[key]  # type: ignore[no-any-return]
    except KeyError:
        options = cache[key] = tuple(self.get_option(name, context, sort_options) for name in _NAME_OPTIONS)
        return options


def _name_process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None,
                  **kwargs: Any) -> Any:
    """Name.process (citeproc-py 0.11) with its options and name parts read once."""
    (and_, delimiter, delimiter_precedes_et_al, delimiter_precedes_last, et_al_min, et_al_use_first,
     et_al_subseq_min, et_al_subseq_use_first, et_al_use_last, initialize_with, name_as_sort_order,
     sort_separator, form, demote_ndp) = _name_options(self, context, sort_options)
    try:
        name_parts = self.__dict__["_fast_name_parts"]
    except KeyError:
        name_parts = self.__dict__["_fast_name_parts"] = self.findall("cs:name-part", self.nsmap)

    def format_name_parts(given: Any, family: Any) -> tuple[Any, Any]:
        for part in name_parts:
            given, family = part.format_part(given, family)
        return given, family

    names = item.reference.get(variable, [])

    if and_ == "text":
        and_term = self.get_single_term(name="and")
    elif and_ == "symbol":
        and_term = self.preformat("&")

    et_al = self.et_al()
    output: list[Any] = []
    if form == "count":
        count = min(len(names), et_al_use_first)
        output.append(count)
        return sum(output)
    et_al_truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
    et_al_last = et_al_use_last and et_al_use_first <= et_al_min - 2
    if et_al_truncate:
        if et_al_last:
            names = names[:et_al_use_first] + [names[-1]]
        else:
            names = names[:et_al_use_first]
    for i, name in enumerate(names):
        given, family, dp, ndp, suffix = name.parts()

        if given is not None and initialize_with is not None:
            given = self.initialize(given, initialize_with, context)

        if form == "long":
            if name_as_sort_order == "all" or (name_as_sort_order == "first" and i == 0):
                if demote_ndp in ("never", "sort-only"):
                    family = " ".join([n for n in (ndp, family) if n])
                    given = " ".join([n for n in (given, dp) if n])
                else:
                    given = " ".join([n for n in (given, dp, ndp) if n])

                given, family = format_name_parts(given, family)
                order = family, given, suffix
                text = sort_separator.join([n for n in order if n])
            else:
                family = " ".join([n for n in (dp, ndp, family) if n])
                given, family = format_name_parts(given, family)
                order = given, family, suffix
                text = " ".join([n for n in order if n])
        elif form == "short":
            family = " ".join([n for n in (ndp, family) if n])
            given, family = format_name_parts(given, family)
            text = family

        output.append(text)

    if et_al_truncate and et_al:
        if et_al_last:
            ellipsis = self.unicode_character("horizontal ellipsis")
            output[-1] = ellipsis + " " + output[-1]
            text = self.join(output, delimiter)
        elif delimiter_precedes_et_al == "always" or (delimiter_precedes_et_al == "contextual"
                                                       and len(output) >= 2):
            output.append(et_al)
            text = self.join(output, delimiter)
        else:
            text = self.join(output, delimiter) + " " + et_al
    elif and_ is not None and len(output) > 1:
        text = self.join(output[:-1], ", ")
        if delimiter_precedes_last == "always" or (delimiter_precedes_last == "contextual" and len(output) > 2):
            text = self.join([text, ""], ", ")
        else:
            text += " "
        text += "{} ".format(and_term) + output[-1]
    else:
        text = self.join(output, delimiter)
    return text


def _term_text(original: Any, slot: str) -> property:
    def text(self: Any) -> Any:
        # the text is preformatted for the output markup: one answer per formatter
        formatter = self.get_formatter()
        cached = self.__dict__.get(slot)
        if cached is not None and cached[0] is formatter:
            return cached[1]
        value = original.fget(self)
        self.__dict__[slot] = (formatter, value)
        return value
    return property(text, doc=original.__doc__)


def _chain_answers(root: Any) -> dict[Any, Any] | None:
    """What has been looked up in the root's current locale chain (root.locales, which polybib
    swaps per entry for one with the entry's role words): the chain's lists are never changed in
    place, so the list object stands for its content; a few recent chains are kept."""
    locales = root.__dict__.get("locales")
    if locales is None:
        return None
    last = root.__dict__.get("_fast_last_chain")
    if last is not None and last[0] is locales:
        return last[1]  # type: ignore[no-any-return]
    chains = root.__dict__.setdefault("_fast_chains", {})
    try:
        chain, answers = chains[id(locales)]
        if chain is locales:
            root.__dict__["_fast_last_chain"] = (chain, answers)
            return answers  # type: ignore[no-any-return]
    except KeyError:
        pass
    if len(chains) >= 8:
        chains.clear()
    answers = {}
    chains[id(locales)] = root.__dict__["_fast_last_chain"] = (locales, answers)  # the list is kept, so its id
    return answers                                                                 # is not reused meanwhile


def _answered(answers: dict[Any, Any] | None, key: tuple[Any, ...], compute: Any, *args: Any) -> Any:
    """``compute(*args)``, kept in the locale chain's ``answers`` under ``key`` (computed each time
    when there is no chain to keep it in)."""
    if answers is None:
        return compute(*args)
    try:
        return answers[key]
    except KeyError:
        value = answers[key] = compute(*args)
        return value


def _get_term(self: Any, name: str, form: str | None = None, fallback_locale: bool = True,
              zero_padded: bool = False) -> Any:
    root = self.get_root()
    return _answered(None if isinstance(root, csl.Locale) else _chain_answers(root),
                     ("term", name, form, fallback_locale, zero_padded),
                     csl.CitationStylesElement.get_term, self, name, form, fallback_locale, zero_padded)


def _get_date(self: Any, form: str) -> Any:
    return _answered(_chain_answers(self.get_root()), ("date", form), csl.CitationStylesElement.get_date, self, form)


def _get_locale_option(self: Any, name: str) -> Any:
    return _answered(_chain_answers(self.get_root()), ("option", name),
                     csl.CitationStylesElement.get_locale_option, self, name)


def _get_formatter(self: Any) -> Any:
    root = self.get_root()
    return root.style.formatter if isinstance(root, csl.Locale) else root.formatter


def _get_layout(self: Any) -> Any:
    """get_layout: the cs:layout an element sits in, found once (an IndexError, as citeproc-py's,
    when there is none)."""
    try:
        return self.__dict__["_fast_layout"]
    except KeyError:
        layout = self.__dict__["_fast_layout"] = self.xpath_search("./ancestor-or-self::cs:layout[1]")[0]
        return layout


def _locale_get_option(self: Any, name: str) -> Any:
    """Locale.get_option with its cs:style-options found once."""
    options = self.__getattr__("style-options")
    if options is None:
        raise IndexError
    return options.get(name, self._default_options[name])


def _if_type(self: Any, item: Any) -> list[bool]:
    try:
        types = self.__dict__["_fast_types"]
    except KeyError:
        types = self.__dict__["_fast_types"] = [kind.lower() for kind in self.get("type").split()]
    if not types:
        return []
    item_type = item.reference.type
    return [kind == item_type for kind in types]


def renders_independently(root: Any) -> bool:
    """Whether rendering with the style of ``root`` leaves nothing behind that changes later output,
    so that what is rendered can be left out. Not for a style with a localised date that has date
    parts of its own: citeproc-py copies their attributes into the locale's date at each rendering."""
    try:
        return not root.__dict__["_fast_rewrites_dates"]
    except KeyError:
        rewrites = root.__dict__["_fast_rewrites_dates"] = bool(
            root.xpath(".//cs:date[@form][cs:date-part]", namespaces={"cs": CSL_NS}))
        return not rewrites


def _sort(self: Any, items: Any, context: Any) -> Any:
    """Sort.sort: one cite needs no sort keys (a citation of one work renders every key macro only
    to compare it with nothing), where rendering them cannot change later output."""
    if isinstance(items, list) and len(items) <= 1 and renders_independently(self.get_root()):
        return list(items)
    return csl.Sort.sort(self, items, context)


def sort_by_columns(count: int, columns: list[Callable[[list[int]], list[Any]]], descending: list[bool],
                    collate: Callable[[str], Any]) -> list[int] | None:
    """The positions 0 .. count-1 in the order of their sort keys, each key computed only where the
    earlier ones tie: ``columns[level](positions)`` gives the key at that level of each position
    (None, a str or an int). Keys compare as polybib's bibliography sort compares them (None last,
    strings by ``collate`` of the stripped string, numbers as numbers, ``descending`` reversed), then
    by position, so the order is the one every key of every item would give. None when a level's
    keys among the items it must order mix strings and numbers, which do not compare that way: the
    caller then computes every key."""
    order: list[int] = []

    def rank(positions: list[int], level: int) -> bool:
        if len(positions) < 2 or level == len(columns):
            order.extend(positions)  # ties stay in the order of their positions
            return True
        values = columns[level](positions)
        kinds = {type(value) for value in values if value is not None}
        if kinds == {str}:
            keys = [(True, b"") if value is None else (False, collate(value.strip())) for value in values]
        elif kinds <= {int}:
            keys = [(True, 0) if value is None else (False, value) for value in values]
        else:
            return False
        ranked = sorted(range(len(positions)), key=keys.__getitem__, reverse=descending[level])  # stable
        start = 0
        for end in range(1, len(ranked) + 1):
            if end == len(ranked) or keys[ranked[end]] != keys[ranked[start]]:
                if not rank([positions[i] for i in ranked[start:end]], level + 1):
                    return False
                start = end
        return True

    return order if rank(list(range(count)), 0) else None


def _children(element: Any) -> list[tuple[Any, bool]]:
    """The children of an element, each with whether it is a cs:choose (which gets the delimiter)."""
    try:
        return element.__dict__["_fast_children"]  # type: ignore[no-any-return]
    except KeyError:
        children = element.__dict__["_fast_children"] = [(child, isinstance(child, csl.Choose))
                                                         for child in element.iterchildren()]
        return children


def _render_children(self: Any, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
    """Parent.render_children (citeproc-py 0.11) over the children found once."""
    output = []
    try:
        children = self.__dict__["_fast_children"]
    except KeyError:
        children = _children(self)
    for child, is_choose in children:
        try:
            if is_choose:
                text = child.render(item, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, **kwargs)
            if text is not None:
                output.append(text)
        except VariableError:
            pass
    if output:
        return _join(output, delimiter)
    return None


def _group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """Group.process (citeproc-py 0.11) over the children found once."""
    output = []
    variable_called = False
    variable_rendered = False
    own = self.__dict__
    try:
        delimiter = own["_fast_delimiter"]
    except KeyError:
        delimiter = own["_fast_delimiter"] = self.get("delimiter", "")
    try:
        children = own["_fast_children"]
    except KeyError:
        children = _children(self)
    for child, is_choose in children:
        variable_called = variable_called or child.calls_variable()
        try:
            if is_choose:
                child_text = child.render(item, context=context, delimiter=delimiter, **kwargs)
            else:
                child_text = child.render(item, context=context, **kwargs)
            if child_text is not None:
                output.append(child_text)
                variable_rendered = variable_rendered or child.calls_variable()
        except VariableError:
            pass
    success = not variable_called or (variable_called and variable_rendered)
    if output and success:
        if type(self).join is _delimited_join:  # Delimited.join with the delimiter read above
            try:
                return _join(output, delimiter)
            except:  # noqa: E722 - citeproc-py's, as it is
                return String("")
        return self.join(output)
    raise VariableError


def _choose_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    """Choose.render (citeproc-py 0.11) over the children found once."""
    for child, _ in _children(self):
        try:
            return child.render(item, context=context, delimiter=delimiter, **kwargs)
        except csl.ConditionFailed:
            continue
    return None


_CONDITIONS = (("type", "_type"), ("variable", "_variable"), ("is-numeric", "_is_numeric"),
               ("is-uncertain-date", "_is_uncertain_date"), ("locator", "_locator"))


def _if_render(self: Any, item: Any, context: Any = None, delimiter: str = "", **kwargs: Any) -> Any:
    """If.render (citeproc-py 0.11) with the element's conditions and match read once."""
    try:
        tests, match = self.__dict__["_fast_conditions"]
    except KeyError:
        tests = [method for attribute, method in _CONDITIONS if attribute in self.attrib]
        if "position" in self.attrib:
            tests.append("_position")
        tests, match = self.__dict__["_fast_conditions"] = (tests, self.get("match"))
    results: list[Any] = []
    for method in tests:
        if method == "_position":
            results += self._position(item, context)
        else:
            results += getattr(self, method)(item)
    if match == "any":
        result = any(results)
    elif match == "none":
        result = not any(results)
    else:
        result = all(results)
    if not result:
        raise csl.ConditionFailed
    return self.render_children(item, context=context, delimiter=delimiter, **kwargs)


_TEXT_SOURCES = ("variable", "macro", "term", "value")
_UNKNOWN = object()


def _text_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """Text.process (citeproc-py 0.11) with what the element prints (variable, macro, term or value)
    read once."""
    if context is None:
        context = self
    language = _item_language(self, item)
    try:
        source = self.__dict__["_fast_source"]
    except KeyError:
        source = self.__dict__["_fast_source"] = next((s for s in _TEXT_SOURCES if s in self.attrib), None)
    if source == "variable":
        text = self._variable(item, context)
    elif source == "macro":
        text = self.get_macro(self.get("macro")).render(item, context)
    elif source == "term":
        text = self._term(item)
    elif source == "value":
        text = String(self.preformat(self.get("value")))
    else:
        return csl.Text.process(self, item, context, **kwargs)  # fails as citeproc-py's does
    return text, language


def _strip_periods(self: Any, string: Any) -> Any:
    try:
        strip = self.__dict__["_fast_strip_periods"]
    except KeyError:
        strip = self.__dict__["_fast_strip_periods"] = self.get("strip-periods", "false").lower() == "true"
    return string.replace(".", "") if strip else string


def _case(self: Any, text: Any, language: str | None = None) -> Any:
    try:
        text_case = self.__dict__["_fast_text_case"]
    except KeyError:
        text_case = self.__dict__["_fast_text_case"] = self.get("text-case")
    return text if text_case is None else csl.TextCased.case(self, text, language)


def _quote(self: Any, string: Any) -> Any:
    self.get_locale_option("punctuation-in-quote").lower()  # as citeproc-py: fails without style options
    try:
        quoted = self.__dict__["_fast_quotes"]
    except KeyError:
        quoted = self.__dict__["_fast_quotes"] = self.get("quotes", "false").lower() == "true"
    if quoted:
        string = self.get_single_term(name="open-quote") + string + self.get_single_term(name="close-quote")
    return string


_EDITOR_TRANSLATOR = frozenset(("editor", "translator"))


def _names_process(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
    """Names.process (citeproc-py 0.11) without its exceptions for an absent label and its sum of
    the names' texts (which only tells whether they are all numbers)."""
    if context is None:
        context = self
    if names_context is None:
        names_context = self
    roles = self.get("variable").split()  # not kept: polybib's cs:names changes it for a moment
    reference = item.reference
    try:
        ed_trans = (set(roles) == _EDITOR_TRANSLATOR and reference.editor == reference.translator
                    and self.get_term("editortranslator").getchildren())
        if ed_trans:
            roles = ["editor"]
    except VariableError:
        ed_trans = False
    output = []
    for role in roles:
        if role in reference:
            name_elem = names_context.name
            if name_elem is None:
                name_elem = csl.Name()
                names_context.insert(0, name_elem)
            text = name_elem.render(item, role, context=context, **kwargs)
            plural = len(reference[role]) > 1
            label_element = names_context.label
            if label_element is not None:  # None.render's AttributeError, which citeproc-py ignores
                try:
                    if ed_trans:
                        role = "editortranslator"
                    label = label_element.render(item, role, plural, **kwargs)
                    if label is not None:
                        if label_element is names_context[0]:
                            text = _add(label, text)
                        else:
                            text = _add(text, label)
                except AttributeError:
                    pass
            output.append(text)
    if output:
        # sum(output) is a number only when every text is one; otherwise it fails or is a string
        for text in output:
            if not isinstance(text, int):
                return self.join(output, self.get_parent_delimiter(context))
        total = sum(output)
        return str(total) if total > 0 else None
    substitute = self.substitute()
    if substitute is not None:
        return substitute.render(item, context=context, **kwargs)
    raise VariableError


def _names_parent_delimiter(self: Any, context: Any = None) -> Any:
    """Names.get_parent_delimiter: the names-delimiter of the cs:citation or cs:bibliography the
    context is in, found once per context."""
    if context is None:
        context = self
    own = context.__dict__
    try:
        return own["_fast_names_delimiter"]
    except KeyError:
        found = own["_fast_names_delimiter"] = csl.Names.get_parent_delimiter(self, context)
        return found


def _names_substitute(self: Any) -> Any:
    """Names.substitute: the cs:substitute child or None, found once."""
    own = self.__dict__
    try:
        return own["_fast_substitute"]
    except KeyError:
        found = own["_fast_substitute"] = csl.Names.substitute(self)
        return found


def _label_process(self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None,
                   **kwargs: Any) -> Any:
    """Label.process (citeproc-py 0.11) with the element's attributes read once."""
    own = self.__dict__
    try:
        own_variable, form, plural_option = own["_fast_label"]
    except KeyError:
        own_variable, form, plural_option = own["_fast_label"] = (
            self.get("variable"), self.get("form", "long"), self.get("plural", "contextual"))
    if variable is None:
        variable = own_variable
    if plural is None:
        plural = self._is_plural(item)
    if variable == "locator" and item.has_locator:
        variable = item.locator.label
    if plural_option == "contextual" and plural or plural_option == "always":
        return self.get_plural_term(name=variable, form=form if form != "long" else None)
    return self.get_single_term(name=variable, form=form if form != "long" else None)


def _name_et_al(self: Any) -> Any:
    """Name.et_al without an exception when there is no cs:et-al."""
    try:
        found = self.__dict__["_fast_et_al"]
    except KeyError:
        found = self.__dict__["_fast_et_al"] = self.xpath_search("./following-sibling::cs:et-al[1]")
    if found:
        try:
            return found[0].render()
        except IndexError:
            pass
    return self.get_single_term(name="et-al")


def _get_single_term(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    """get_single_term: the singular text of a term, once per locale chain and output markup."""
    root = self.get_root()
    answers = None if isinstance(root, csl.Locale) else _chain_answers(root)
    if answers is None:
        return csl.CitationStylesElement.get_single_term(self, name, *args, **kwargs)
    key = ("single", name, args, tuple(kwargs.items()) if kwargs else ())
    formatter = self.get_formatter()  # the text is preformatted for the output markup
    found = answers.get(key)
    if found is not None and found[0] is formatter:
        return found[1]
    value = csl.CitationStylesElement.get_single_term(self, name, *args, **kwargs)
    answers[key] = (formatter, value)
    return value


def _text_plan(self: Any) -> tuple[Any, ...] | None:
    """What a cs:text prints and how, read once; None when its class changes how (polybib's own
    methods), and then it renders the way citeproc-py does."""
    cls = type(self)
    if not (cls.process is _text_process and cls.markup is csl.Text.markup and cls.strip_periods is _strip_periods
            and cls.case is _case and cls.format is _format and cls.quote is _quote and cls.wrap is _wrap):
        return None
    source = next((s for s in _TEXT_SOURCES if s in self.attrib), None)
    plain = all(self.get(name, default) == default for name, default in _PLAIN_FORMAT)
    return (source, self.get(source) if source else None, self.get("strip-periods", "false").lower() == "true",
            self.get("text-case"), plain, self.get("quotes", "false").lower() == "true")


def _text_render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """Text.render: Text.process and Text.markup (citeproc-py 0.11) in one, with the element's
    attributes read once."""
    own = self.__dict__
    try:
        plan = own["_fast_text_plan"]
    except KeyError:
        plan = own["_fast_text_plan"] = _text_plan(self)
    if plan is None:
        text, language = self.process(item, context, **kwargs)
        return self.markup(text, language)
    source, value, strip, text_case, plain, quoted = plan
    if context is None:
        context = self
    if source == "variable":
        text = self._variable(item, context)
    elif source == "macro":
        try:
            macro = own["_fast_macro"]
        except KeyError:  # the same element each time: macros are found by name in a tree that never changes
            macro = own["_fast_macro"] = self.get_macro(value)
        if type(macro).render is csl.Macro.render:  # Macro.render is its render_children
            text = macro.render_children(item, context=context, sort_options=None)
        else:
            text = macro.render(item, context)
    elif source == "term":
        text = self._term(item)
    elif source == "value":
        text = String(self.preformat(value))
    else:
        return csl.Text.process(self, item, context, **kwargs)  # fails as citeproc-py's does
    if not text:
        return None
    if strip:
        text = text.replace(".", "")
    if text_case is not None:
        text = csl.TextCased.case(self, text, _item_language(self, item))
    if not plain:
        text = csl.Formatted.format(self, text)
    elif isinstance(text, (int, float)):
        text = str(text)
    # as citeproc-py's Quoted.quote: fails without style options (checked once per locale chain)
    root = own.get("_fast_root")
    chain = (self.get_root() if root is None else root).__dict__.get("locales")
    if chain is None or own.get("_fast_quote_option_read") is not chain:
        self.get_locale_option("punctuation-in-quote").lower()
        if chain is not None:
            own["_fast_quote_option_read"] = chain
    if quoted:
        text = _add(_add(self.get_single_term(name="open-quote"), text), self.get_single_term(name="close-quote"))
    return _wrap(self, text)


def _item_language(self: Any, item: Any) -> str:
    """The language Text.process gives: the item's reference's, or when it has none the style's
    default (the reference's kept per item)."""
    language = item.__dict__.get("_fast_language", _UNKNOWN)
    if language is _UNKNOWN:
        try:
            language = item.reference.language[:2]
        except VariableError:
            language = None
        item.__dict__["_fast_language"] = language
    if language is None:
        language = self.get_root().get("default-locale", "en")[:2]
    return language  # type: ignore[no-any-return]


# the markups that are wrap(format(text)), which `_wrapped_render` does itself
_WRAPPED_MARKUPS = frozenset((csl.Group.markup, csl.Names.markup, csl.Name.markup))


def _wrapped_render(self: Any, *args: Any, **kwargs: Any) -> Any:
    """CitationStylesElement.render for cs:group, cs:names and cs:name: their process, then the
    affixes and formatting of their markup in the same step."""
    cls = type(self)
    text = self.process(*args, **kwargs)
    if cls.markup not in _WRAPPED_MARKUPS:
        return self.markup(text)
    if not text:
        return None
    return (_wrap(self, _format(self, text)) if cls.wrap is _wrap and cls.format is _format
            else self.wrap(self.format(text)))


def _text_variable(self: Any, item: Any, context: Any) -> Any:
    """Text._variable (citeproc-py 0.11) with the variable and its form read once."""
    try:
        variable, short, key, short_key = self.__dict__["_fast_variable"]
    except KeyError:
        variable = self.get("variable")
        short = self.get("form") == "short"
        variable, short, key, short_key = self.__dict__["_fast_variable"] = (
            variable, short, variable.replace("-", "_"), (variable + "-short").replace("-", "_"))
    layout = context.__dict__.get("_fast_layout")  # (an element's truth is whether it has children)
    repressed = (context.get_layout() if layout is None else layout).repressed
    tag = self.tag
    if tag in repressed and variable in repressed[tag]:
        return None
    reference = item.reference
    if short and short_key in reference:
        variable, key = variable + "-short", short_key
    if variable.startswith("page"):
        return self._process(reference.page, variable)
    if variable == "citation-number":
        return item.number
    if variable == "locator":
        en_dash = self.unicode_character("EN DASH")
        return str(item.locator.identifier).replace("-", en_dash)
    return reference[key]


_ALL_DATE_PARTS = ("year", "month", "day")


def _date_process(self: Any, item: Any, variable: Any = None, show_parts: Any = None, context: Any = None,
                  **kwargs: Any) -> Any:
    """Date.process (citeproc-py 0.11) with the element's attributes and place read once."""
    try:
        own_variable, form, date_parts, is_locale_date = self.__dict__["_fast_date"]
    except KeyError:
        own_variable, form, date_parts, is_locale_date = self.__dict__["_fast_date"] = (
            self.get("variable"), self.get("form"), self.get("date-parts"), self.is_locale_date())
    if variable is None:
        variable = own_variable
    if show_parts is None:
        show_parts = list(_ALL_DATE_PARTS)
    if context is None:
        context = self
    if not is_locale_date and form is not None:
        localized_date = self.get_date(form)
        if date_parts is not None:
            show_parts = date_parts.split("-")
        return localized_date.render(item, variable, show_parts=show_parts, context=self)
    date_or_range = item.reference[variable.replace("-", "_")]
    if not date_or_range:
        text = None
    elif isinstance(date_or_range, csl.LiteralDate):
        text = date_or_range.text
    elif isinstance(date_or_range, csl.DateRange):
        text = self.render_date_range(date_or_range, show_parts, context)
    else:
        text = self.render_single_date(date_or_range, show_parts, context)
    if text is not None:
        return (context if is_locale_date else self).wrap(text)
    return None


def _date_is_locale_date(self: Any) -> bool:
    try:
        return self.__dict__["_fast_is_locale_date"]  # type: ignore[no-any-return]
    except KeyError:
        found = self.__dict__["_fast_is_locale_date"] = csl.Date.is_locale_date(self)
        return found


def _date_parts(self: Any, date: Any, show_parts: Any, context: Any = None) -> list[Any]:
    """Date.parts over the children found once (a date part's name never changes)."""
    output = []
    for part, _ in _children(self):
        if part.get("name") in show_parts:
            try:
                part_text = part.render(date, context)
                if part_text is not None:
                    output.append(part_text)
            except VariableError:
                pass
    return output


def _date_part_markup(self: Any, text: Any) -> Any:
    """Date_Part.markup with the part's case, formatting and affixes read once, where the style
    never rewrites them (see `renders_independently`); read each time otherwise."""
    if not text:
        return None
    try:
        static = self.__dict__["_fast_static"]
    except KeyError:
        cls, root = type(self), self.get_root()
        style = getattr(root, "style", None) if isinstance(root, csl.Locale) else root
        static = self.__dict__["_fast_static"] = (
            style is not None and renders_independently(style)
            and cls.strip_periods is csl.StrippedPeriods.strip_periods and cls.case is csl.TextCased.case
            and cls.format is csl.Formatted.format and cls.wrap is csl.Affixed.wrap)
    if static:
        return _wrap(self, _format(self, _case(self, _strip_periods(self, text))))
    return self.wrap(self.format(self.case(self.strip_periods(text))))


def _names_insert(self: Any, index: int, element: Any) -> None:
    """citeproc-py inserts a fresh, namespace-less <Name/> into a cs:names without a cs:name each time
    it renders it (its text comes from that object, the tree only gives it a root and siblings):
    replace the previous one instead of piling them up."""
    if index == 0 and element.tag == "Name" and len(self) and self[0].tag == "Name":
        del self[0]
    csl.Names.insert(self, index, element)
    self.__dict__.pop("_fast_children", None)


def _position(self: Any, item: Any, context: Any) -> list[bool]:
    """If._position (citeproc-py 0.11), with "already cited" answered from `CitedKeys` instead of a
    scan of every earlier cite."""
    if context is None:
        context = self
    if context.xpath_search("./ancestor::*[self::cs:bibliography]"):
        return [False]
    cites = context.get_layout().getparent().cites
    last_cite = cites[-1] if cites else None
    if isinstance(cites, CitedKeys):
        already_cited = item.key in cites.keys
    else:
        already_cited = item.key in (cite.key for cite in cites)
    possibly_ibid = (already_cited and item.key == last_cite.key
                     and (item.citation is last_cite.citation or len(last_cite.citation.cites) == 1))
    results = []
    for position in self.get("position").split():
        result = False
        if position == "first":
            result = not already_cited
        elif position == "subsequent":
            result = already_cited
        elif possibly_ibid and position == "ibid":
            result = item.has_locator or not last_cite.has_locator
        elif possibly_ibid and position == "ibid-with-locator":
            result = (item.has_locator and not last_cite.has_locator
                      or (item.has_locator and last_cite.has_locator and item.locator != last_cite.locator))
        elif already_cited and position == "near-note":
            max_distance = self.get_root().get_option("near-note-distance")
            citations = 1
            last_citation = None
            for cite in reversed(cites):
                if item.key == cite.key and citations <= max_distance:
                    result = True
                    break
                elif cite.citation is not last_citation:
                    citations += 1
                    last_citation = cite.citation
        results.append(result)
    return results


# (class whose method is replaced, attribute, replacement): a replacement is used only where the class
# being made fast inherits that very attribute from citeproc-py, never over a polybib override
_REPLACEMENTS: list[tuple[type, str, Any]] = [
    (csl.SomewhatObjectifiedElement, "__getattr__", _getattr),
    (csl.CitationStylesElement, "get_root", _get_root),
    (csl.CitationStylesElement, "xpath_search", _xpath_search),
    (csl.CitationStylesElement, "get_term", _get_term),
    (csl.CitationStylesElement, "get_date", _get_date),
    (csl.CitationStylesElement, "get_locale_option", _get_locale_option),
    (csl.CitationStylesElement, "get_formatter", _get_formatter),
    (csl.CitationStylesElement, "get_layout", _get_layout),
    (csl.Locale, "get_option", _locale_get_option),
    (csl.If, "_type", _if_type),
    (csl.Sort, "sort", _sort),
    (csl.Parent, "calls_variable", _cached_calls_variable(csl.Parent.calls_variable)),
    (csl.Text, "calls_variable", _cached_calls_variable(csl.Text.calls_variable)),
    (csl.Formatted, "format", _format),
    (csl.Affixed, "wrap", _wrap),
    (csl.Delimited, "join", _delimited_join),
    (csl.Name, "get_option", _name_get_option),
    (csl.Name, "process", _name_process),
    (csl.Term, "single", _term_text(csl.Term.single, "_fast_single")),
    (csl.Term, "multiple", _term_text(csl.Term.multiple, "_fast_multiple")),
    (csl.Names, "insert", _names_insert),
    (csl.Parent, "render_children", _render_children),
    (csl.Group, "process", _group_process),
    (csl.Choose, "render", _choose_render),
    (csl.If, "render", _if_render),
    (csl.Text, "process", _text_process),
    (csl.StrippedPeriods, "strip_periods", _strip_periods),
    (csl.TextCased, "case", _case),
    (csl.Quoted, "quote", _quote),
    (csl.If, "_position", _position),
    (csl.Names, "process", _names_process),
    (csl.Name, "et_al", _name_et_al),
    (csl.CitationStylesElement, "get_single_term", _get_single_term),
    (csl.Text, "render", _text_render),
    (csl.Text, "_variable", _text_variable),
    (csl.Date, "process", _date_process),
    (csl.Date, "is_locale_date", _date_is_locale_date),
    (csl.Date, "parts", _date_parts),
    (csl.Date_Part, "markup", _date_part_markup),
    (csl.Group, "render", _wrapped_render),
    (csl.Names, "render", _wrapped_render),
    (csl.Name, "render", _wrapped_render),
    (csl.Names, "get_parent_delimiter", _names_parent_delimiter),
    (csl.Names, "substitute", _names_substitute),
    (csl.Label, "process", _label_process),
]

# citeproc-py copies the attributes of a style's cs:date-part into the locale's at each rendering of a
# localised date, so a date part's formatting, affixes and case are read each time
_READ_EACH_TIME = frozenset({"format", "wrap", "case", "strip_periods"})

_FAST_CLASSES: dict[type, type] = {}
_FAST_CLASSES_LOCK = threading.Lock()


def fast_class(base: type) -> type:
    """The cached version of an element class: a subclass of ``base`` with the replacements that
    apply to it (made once per class)."""
    if vars(base).get("_fast_cached_class"):
        return base
    with _FAST_CLASSES_LOCK:
        if base not in _FAST_CLASSES:
            namespace: dict[str, Any] = {"__doc__": base.__doc__, "__module__": __name__, "_fast_cached_class": True}
            for owner, attribute, replacement in _REPLACEMENTS:
                if not issubclass(base, owner) or (issubclass(base, csl.Date_Part) and attribute in _READ_EACH_TIME):
                    continue
                original = getattr(owner, attribute)
                # the attribute itself, and any other name polybib gives citeproc-py's method (to call
                # it from an override of its own)
                names = {name for klass in base.__mro__ for name, value in vars(klass).items() if value is original}
                for name in names | {attribute}:
                    if getattr(base, name) is original:
                        namespace[name] = replacement
            # a name no XML tag can have: citeproc-py maps its element classes to tags by class name
            # (CitationStylesElement.__subclasses__()), and this one must never be picked that way
            _FAST_CLASSES[base] = type(f"{base.__name__} (cached)", (base,), namespace)
        return _FAST_CLASSES[base]


def fast_classes(namespace: dict[Any, type]) -> dict[Any, type]:
    """A tag -> element class table with each class replaced by its cached version."""
    return {tag: fast_class(cls) for tag, cls in namespace.items()}


def pin_tree(root: Any) -> None:
    """Keep the Python object of every element of a parsed tree alive as long as its root, so that
    what the cached methods learn is kept (lxml drops an element's object, and anything kept on it,
    once nothing refers to it)."""
    root.__dict__["_fast_pinned"] = list(root.iter())


# --- the list: registered keys, cites, items ---------------------------------------------------

class RegisteredKeys(list):  # type: ignore[type-arg]
    """CitationStylesBibliography.keys, a list that also knows where each key is: citeproc-py asks
    ``key in keys`` for every registration and ``keys.index(key)`` for every citation number."""

    def __init__(self, keys: Any = ()) -> None:
        super().__init__(keys)
        self._reindex()

    def _reindex(self) -> None:
        self._positions: dict[Any, int] = {}
        for position, key in enumerate(self):
            self._positions.setdefault(key, position)

    def append(self, key: Any) -> None:  # noqa: D102 - list's
        self._positions.setdefault(key, len(self))
        super().append(key)

    def __contains__(self, key: object) -> bool:
        return key in self._positions

    def index(self, key: Any, *bounds: Any) -> int:  # noqa: D102 - list's
        if bounds:
            return super().index(key, *bounds)
        try:
            return self._positions[key]
        except (KeyError, TypeError):
            return super().index(key)

    def _changed(method: Any) -> Any:  # noqa: N805 - a decorator of the class body
        def changed(self: Any, *args: Any) -> Any:
            result = method(self, *args)
            self._reindex()
            return result
        changed.__name__ = method.__name__
        return changed

    insert = _changed(list.insert)
    extend = _changed(list.extend)
    remove = _changed(list.remove)
    pop = _changed(list.pop)
    clear = _changed(list.clear)
    sort = _changed(list.sort)
    reverse = _changed(list.reverse)
    __setitem__ = _changed(list.__setitem__)
    __delitem__ = _changed(list.__delitem__)
    __iadd__ = _changed(list.__iadd__)
    del _changed


class CitedKeys(list):  # type: ignore[type-arg]
    """The cites rendered so far (CitationStylesBibliography._cites), with the set of their keys for
    cs:if position="first|subsequent|ibid". citeproc-py only appends to it."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: set[Any] = set()

    def append(self, cite: Any) -> None:  # noqa: D102 - list's
        self.keys.add(cite.key)
        super().append(cite)

    def _unsupported(self, *args: Any) -> None:
        raise TypeError("the cites of a bibliography only grow")

    insert = extend = remove = pop = clear = sort = reverse = _unsupported
    __setitem__ = __delitem__ = __iadd__ = _unsupported


class FastBibliography(_CitationStylesBibliography):
    """CitationStylesBibliography whose keys and cites answer look-ups from a table."""

    def __init__(self, style: Any, source: Any, formatter: Any) -> None:
        super().__init__(style, source, formatter)
        self.keys = RegisteredKeys()
        self._cites = CitedKeys()

    def sort(self) -> None:  # noqa: D102 - citeproc-py's
        super().sort()
        self.keys = RegisteredKeys(self.keys)


def _missing(self: Any, key: Any) -> Any:
    raise VariableError


# citeproc-py's data objects are dicts whose attributes and items go through two Python methods that
# turn a KeyError into a VariableError; dict's own look-up with __missing__ does the same in C. The
# attributes citeproc-py and polybib read most are properties reading the item (an attribute found
# only by __getattr__ costs a failed look-up first)
_FAST_DICT = {"__getitem__": dict.__getitem__, "__getattr__": dict.__getitem__, "__missing__": _missing}
_FIELDS = {csl_source.Reference: ("key", "type", "language", "page", "editor", "translator"),
           csl_source.Name: (), csl_source.Date: ("year", "month", "day", "season", "circa"),
           csl_source.DateRange: ("begin", "end", "circa"), csl_source.LiteralDate: ("text", "circa")}


def _fields(names: tuple[str, ...]) -> dict[str, property]:
    return {name: property(itemgetter(name)) for name in names}


_FAST_DATA = {base: type(base.__name__, (base,), {**_FAST_DICT, **_fields(names), "__module__": base.__module__})
              for base, names in _FIELDS.items()}
_FAST_REFERENCE, _FAST_NAME, _FAST_DATE = (_FAST_DATA[csl_source.Reference], _FAST_DATA[csl_source.Name],
                                           _FAST_DATA[csl_source.Date])


def fast_source(source: Any) -> Any:
    """A CiteProcJSON source whose references, names and dates answer look-ups in C (in place;
    nothing else changes). Unchanged when the caches are off."""
    return _fast_source(source) if caches_enabled() else source


def new_source(items: Any) -> Any:
    """CiteProcJSON(items), built sooner and made fast (as `fast_source` makes it) unless the caches
    are off."""
    return _FastCiteProcJSON(items) if caches_enabled() else CiteProcJSON(items)


_NAME_VARIABLES = frozenset(csl_names)
_DATE_VARIABLES = frozenset(csl_dates)
_REFERENCE_VARIABLES = frozenset({"uri", "container_uri", "contributor", "date"} | set(csl_variables))


class _FastCiteProcJSON(CiteProcJSON):
    """CiteProcJSON (citeproc-py 0.11) giving the same references, names and dates, of the classes
    `fast_source` gives them: a string without markup is made one String at once (citeproc-py adds
    it to an empty MixedString, which joins that to check the seam), and a reference, a name or a
    date of one to three whole numbers is filled without citeproc-py's checks of its keys, which
    are made once here."""

    def __init__(self, json_data: Any) -> None:  # noqa: C901 - citeproc-py's loop, as it is
        for ref in json_data:
            ref_data = {}
            for key, value in ref.items():
                python_key = key.replace("-", "_")
                if python_key == "id":
                    ref_key = str(value).lower()
                    continue
                elif python_key == "type":
                    ref_type = value
                    continue
                elif python_key == "key":
                    continue
                if python_key == "shortTitle":
                    python_key = "title_short"
                if python_key in _NAME_VARIABLES:
                    value = self.parse_names(value)
                elif python_key in _DATE_VARIABLES:
                    value = self.parse_date(value)
                elif key != "language":
                    value = self.parse_string(value)
                ref_data[python_key] = value
            self.add(_reference(ref_key, ref_type, ref_data))

    def parse_string(self, string: Any) -> Any:  # noqa: D102 - citeproc-py's
        string = str(string)
        if "<" in string:  # perhaps a nocase span
            return super().parse_string(string)
        return MixedString([String(string)]) if string else MixedString()

    def parse_names(self, json_data: Any) -> Any:  # noqa: D102 - citeproc-py's
        names = []
        for name_data in json_data:
            if type(name_data) is dict and name_data.keys() <= (_LITERAL_NAME if "literal" in name_data
                                                                else _NAME_PARTS):
                name = _FAST_NAME.__new__(_FAST_NAME)  # csl_source.Name(**name_data): no keys to warn about
                dict.update(name, name_data)
            else:
                name = _converted(csl_source.Name(**name_data))
            names.append(name)
        return names

    def parse_date(self, json_data: Any) -> Any:  # noqa: D102 - citeproc-py's
        parts = json_data.get("date-parts") if type(json_data) is dict and "season" not in json_data else None
        if type(parts) is list and len(parts) == 1 and type(parts[0]) is list and 1 <= len(parts[0]):
            numbers = parts[0][:3]
            if all(type(number) is int for number in numbers):
                # Date(circa=circa, year=..., month=..., day=...), its values made int() as citeproc-py does
                date = _FAST_DATE.__new__(_FAST_DATE)
                dict.__setitem__(date, "circa", int(json_data.get("circa", 0) != 0))
                dict.update(date, zip(("year", "month", "day"), numbers))
                return date
        return _converted(super().parse_date(json_data))


_NAME_PARTS = frozenset(("family", "given", "dropping-particle", "non-dropping-particle", "suffix"))
_LITERAL_NAME = frozenset(("literal",))


def _reference(key: str, kind: str, data: dict[str, Any]) -> Any:
    """csl_source.Reference(key, kind, **data), without its per-reference set of known variables."""
    reference = _FAST_REFERENCE.__new__(_FAST_REFERENCE)
    dict.__setitem__(reference, "key", key)
    dict.__setitem__(reference, "type", kind)
    unsupported = set(data) - _REFERENCE_VARIABLES
    if unsupported:
        warnings.warn("The following arguments for Reference are unsupported: " + ", ".join(unsupported))
    dict.update(reference, data)
    return reference


def _fast_source(source: Any) -> Any:
    for reference in source.values():
        _converted(reference)
    return source


def _converted(value: Any) -> Any:
    """``value`` with its citeproc-py references, names and dates, and theirs, of the fast classes."""
    if type(value) in _FAST_DATA:
        object.__setattr__(value, "__class__", _FAST_DATA[type(value)])  # not CustomDict's __setattr__
        for part in value.values():
            _converted(part)
    elif type(value) is list:
        for part in value:
            _converted(part)
    return value


class _ItemReference:
    """CitationItem.reference, looked up once per item: an item belongs to one citation, registered
    with one bibliography, whose source keeps its reference objects (polybib changes them in place)."""

    def __get__(self, item: Any, owner: type | None = None) -> Any:
        if item is None:
            return self
        try:
            reference = dict.__getitem__(dict.__getitem__(item, "citation"), "bibliography").source[
                dict.__getitem__(item, "key")]
        except KeyError:
            return _CitationItem.reference.fget(item)  # the same error as citeproc-py's
        item.__dict__["reference"] = reference  # found first from now on (this is no data descriptor)
        return reference


class FastCitationItem(_CitationItem):
    """CitationItem that reaches its reference in one step (citeproc-py goes through five attribute
    look-ups of its dict-backed objects, hundreds of times per entry)."""

    __getitem__ = dict.__getitem__
    __getattr__ = dict.__getitem__
    __missing__ = _missing
    key = property(itemgetter("key"))
    citation = property(itemgetter("citation"))
    locator = property(itemgetter("locator"))

    @property
    def bibliography(self) -> Any:  # noqa: D102 - citeproc-py's
        try:
            return dict.__getitem__(dict.__getitem__(self, "citation"), "bibliography")
        except KeyError:
            return _CitationItem.bibliography.fget(self)  # the same error as citeproc-py's

    reference = _ItemReference()


class _FastCitation(Citation):
    """Citation whose cites and bibliography are read as items (what its attributes are)."""

    __getitem__ = dict.__getitem__
    __getattr__ = dict.__getitem__
    __missing__ = _missing
    cites = property(itemgetter("cites"))
    bibliography = property(itemgetter("bibliography"))


def new_bibliography(style: Any, source: Any, formatter: Any) -> Any:
    """A CitationStylesBibliography, the fast one unless the caches are off."""
    cls = FastBibliography if caches_enabled() else _CitationStylesBibliography
    return cls(style, source, formatter)


def share_registrations(bibliography: Any, registered: Any) -> bool:
    """Let ``bibliography`` use the registered keys and items of ``registered``, a bibliography of
    another locale over the same source and markup (an item reaches only its source, keys and
    formatter through its bibliography, and they are the same), instead of registering every key
    again. False when that is not possible or the caches are off."""
    if (not caches_enabled() or not isinstance(bibliography, FastBibliography)
            or bibliography.source is not registered.source or bibliography.formatter is not registered.formatter):
        return False
    bibliography.keys, bibliography.items = registered.keys, registered.items
    return True


def new_item(key: str, **options: Any) -> Any:
    """A CitationItem, the fast one unless the caches are off."""
    cls = FastCitationItem if caches_enabled() else _CitationItem
    return cls(key, **options)


def register_citation(bibliography: Any, key: str) -> Any:
    """bibliography.register(Citation([new_item(key)])) and that citation: for a `FastBibliography`
    the citation and its item are filled as their constructors fill them, without their checks of
    keyword arguments there are none of."""
    if not isinstance(bibliography, FastBibliography):
        citation = Citation([new_item(key)])
        bibliography.register(citation)
        return citation
    item = FastCitationItem.__new__(FastCitationItem)
    lowered = item["key"] = key.lower()
    citation = _FastCitation.__new__(_FastCitation)
    item["citation"] = citation
    dict.__setitem__(citation, "cites", [item])
    dict.__setitem__(citation, "bibliography", bibliography)
    if lowered in bibliography.source and lowered not in bibliography.keys:
        bibliography.keys.append(lowered)
        bibliography.items.append(item)
    return citation


# --- parsed styles kept across calls ---------------------------------------------------------------

class StylePool:
    """Parsed styles lent to one caller at a time and taken back for the next: inside a `lending`
    block, what `borrow` gives and what `adopt` is handed goes back to the pool when the block ends
    (reset by ``reset`` to its loaded state), unless the block fails. At most ``size`` are kept, the
    least recently returned dropped first; the key says everything a parsed style depends on."""

    def __init__(self, size: int, reset: Callable[[Any], None]) -> None:
        self.size = size
        self._reset = reset
        self._free: OrderedDict[tuple[Hashable, int], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._serial = 0
        self._loans: ContextVar[list[tuple[Hashable, Any]] | None] = ContextVar(f"polybib_loans_{id(self)}",
                                                                                default=None)

    @contextlib.contextmanager
    def lending(self) -> Iterator[None]:
        """The styles borrowed or adopted inside the block go back to the pool at its end."""
        loans: list[tuple[Hashable, Any]] = []
        token = self._loans.set(loans)
        try:
            yield
        finally:
            self._loans.reset(token)
        for key, style in loans:  # not after a failure: a style left half-way is not lent again
            self._give_back(key, style)

    def borrow(self, key: Hashable) -> Any | None:
        """A free style kept for ``key``, now the caller's, or None."""
        with self._lock:
            found = next((pooled for pooled in self._free if pooled[0] == key), None)
            style = self._free.pop(found) if found is not None else None
        if style is not None:
            self.adopt(key, style)
        return style

    def adopt(self, key: Hashable, style: Any) -> None:
        """A style just made for ``key``: into the pool at the end of the current `lending` block
        (outside one it stays the caller's)."""
        loans = self._loans.get()
        if loans is not None:
            loans.append((key, style))

    def _give_back(self, key: Hashable, style: Any) -> None:
        self._reset(style)
        with self._lock:
            self._serial += 1
            self._free[(key, self._serial)] = style
            while len(self._free) > self.size:
                self._free.popitem(last=False)

    def clear(self) -> None:
        """Forget every kept style."""
        with self._lock:
            self._free.clear()


# --- citeproc-py alone, with and without the caches (for comparing output and speed) -------------

def _citeproc_parser() -> etree.XMLParser:
    """A parser giving citeproc-py's own element classes (none of polybib's), with the caches."""
    classes: dict[Any, type] = {cls.__name__.replace("_", "-").lower(): cls
                                for cls in csl.CitationStylesElement.__subclasses__()
                                if not vars(cls).get("_fast_cached_class")}
    classes[None] = csl.CitationStylesElement
    lookup = etree.ElementNamespaceClassLookup()
    lookup.get_namespace(CSL_NS).update(fast_classes(classes))
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


def _cached_citeproc_style(path: str, locale: str | None) -> CitationStylesStyle:
    """CitationStylesStyle(path, locale, validate=False) with the cached classes: the style is
    parsed as citeproc-py does, its locale chain made by citeproc-py, and each locale file in the
    chain parsed again with the cached classes."""
    parser = _citeproc_parser()
    style = CitationStylesStyle.__new__(CitationStylesStyle)
    style.parser = parser
    style.xml = etree.parse(path, parser)
    style.root = style.xml.getroot()
    style.root.set_locale_list(locale or style.root.get("default-locale", "en-US"), validate=False)
    chain = []
    for element in style.root.locales:
        if element.getroottree().getroot() is not style.root:  # a locale file
            element = etree.parse(element.getroottree().docinfo.URL, parser).getroot()
            element.style = style.root
            pin_tree(element)
        chain.append(element)
    style.root.locales = chain
    pin_tree(style.root)
    return style


def citeproc_bibliography(items: list[dict[str, Any]], style: str, *, locale: str | None = None,
                          cached: bool = True, formatter: Any = csl_formatter.plain) -> list[str]:
    """Render CSL-JSON ``items`` with citeproc-py alone: the bibliography sorted by the style, each
    entry on its own, then one citation of each item, in order. ``cached`` applies this module's
    caches (element classes, source, bibliography and items), otherwise citeproc-py is as it comes.
    An entry citeproc-py cannot render gives "!" and the name of the error; a failed sort, "!sort"."""
    if cached:
        csl_style = _cached_citeproc_style(style, locale)
        source = _FastCiteProcJSON(items)
        bibliography = FastBibliography(csl_style, source, formatter)
        item_class: type = FastCitationItem
    else:
        csl_style = CitationStylesStyle(style, locale=locale, validate=False)
        source = CiteProcJSON(items)
        bibliography = _CitationStylesBibliography(csl_style, source, formatter)
        item_class = _CitationItem
    for item in items:
        bibliography.register(Citation([item_class(str(item["id"]))]))
    texts = []
    try:
        bibliography.sort()
    except Exception:  # noqa: BLE001 - whatever citeproc-py raises, both ways must raise it
        texts.append("!sort")
    for item in bibliography.items:
        try:
            texts += [str(text) for text in csl_style.render_bibliography([item])]
        except Exception as error:  # noqa: BLE001 - as above
            texts.append(f"!{type(error).__name__}")
    for key in [item.key for item in bibliography.items]:
        citation = Citation([item_class(key)])
        bibliography.register(citation)
        try:
            texts.append(str(bibliography.cite(citation, lambda cite: None)))
        except Exception as error:  # noqa: BLE001 - as above
            texts.append(f"!{type(error).__name__}")
    return texts
