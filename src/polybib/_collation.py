"""Sorting by the collation of the list's language (CLDR tailorings, through ICU), with the GOST rule
of script order: the list's own script first, then the others (``data/format/collation.json``).

>>> key = collation_key("az")
>>> sorted(["Zeynalov", "Əliyev", "Cəfərov", "Çələbi", "Шакирзаде"], key=key)
['Cəfərov', 'Çələbi', 'Əliyev', 'Zeynalov', 'Шакирзаде']
>>> sorted(["Яковлев", "Ёлкин", "Елисеев", "Abel"], key=collation_key("ru"))
['Елисеев', 'Ёлкин', 'Яковлев', 'Abel']
>>> sorted(["Яковлев", "Abel"], key=collation_key("ru", script_order=["Latn", "Cyrl"]))
['Abel', 'Яковлев']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._exceptions import StyleError
from ._initials import load_format_table

__all__ = ["collation_key", "script_order_for"]


def script_order_for(language: str) -> list[str]:
    """The order of scripts in a list in ``language``: its own first, then the others."""
    entries = load_format_table("collation")["entries"]
    native = entries["native_scripts"].get(language.split("-")[0].casefold(), "Latn")
    return [native, *(s for s in entries["then"] if s != native)]


def collation_key(language: str, *, script_order: Sequence[str] | None = None) -> Callable[[str], bytes]:
    """A sort key for strings in the collation of ``language`` (ICU, CLDR tailorings)."""
    try:
        import icu
    except ImportError:  # pragma: no cover - pyicu-wheels is a dependency
        raise StyleError("sorting needs ICU: pip install pyicu-wheels (or PyICU)") from None
    order = [s.casefold() for s in (script_order or script_order_for(language))]
    tag = f"{language.split('-')[0] or 'und'}-u-kr-{'-'.join(order)}"
    collator = icu.Collator.createInstance(icu.Locale(tag))
    return collator.getSortKey
