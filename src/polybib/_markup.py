"""Output markups for formatted references: plain text, HTML (escaped) and Markdown.

Each markup is what citeproc-py calls a formatter (``preformat`` for raw text, ``Italic``, ``Bold``
... for font styles) plus how a whole list is written.

>>> MARKUPS["md"].preformat("Bakı *Elm* [2012]")
'Bakı \\\\*Elm\\\\* \\\\[2012\\\\]'
>>> MARKUPS["html"].preformat("Иванов & <Петров>")
'Иванов &amp; &lt;Петров&gt;'
>>> print(write_list(["Mirabdullayev, A. M. Müstəqil ...", "Шакирзаде, Н. А. Содружество ..."], "text",
...                  numbered=True))
1. Mirabdullayev, A. M. Müstəqil ...
2. Шакирзаде, Н. А. Содружество ...
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from types import SimpleNamespace

__all__ = ["MARKUPS", "write_list"]


def _md_escape(text: object) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", str(text))


def _formatter(preformat, wrap) -> SimpleNamespace:  # noqa: ANN001 - two small callables
    names = ("Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")
    return SimpleNamespace(preformat=preformat, **{name: wrap(name) for name in names})


_HTML_TAGS = {"Italic": "i", "Oblique": "i", "Bold": "b", "Light": "span", "Underline": "u",
              "Superscript": "sup", "Subscript": "sub", "SmallCaps": "span"}
_MD_MARKS = {"Italic": "*", "Oblique": "*", "Bold": "**"}


def _html_wrap(name: str):  # noqa: ANN202 - a formatter constructor
    tag = _HTML_TAGS[name]
    style = ' style="font-variant:small-caps;"' if name == "SmallCaps" else ""
    return lambda text: f"<{tag}{style}>{text}</{tag}>" if str(text) else ""


def _md_wrap(name: str):  # noqa: ANN202 - a formatter constructor
    mark = _MD_MARKS.get(name, "")
    return lambda text: f"{mark}{text}{mark}" if str(text) else ""


MARKUPS = {
    "text": _formatter(str, lambda name: str),
    "html": _formatter(lambda text: html.escape(str(text), quote=False), _html_wrap),
    "md": _formatter(_md_escape, _md_wrap),
}


def write_list(entries: Sequence[str], markup: str, *, numbered: bool) -> str:
    """A whole list in ``markup``: numbered ("1. ...", <ol>) or not (one paragraph per entry)."""
    if markup == "html":
        tag = "ol" if numbered else "ul"
        items = "\n".join(f'  <li class="csl-entry">{entry}</li>' for entry in entries)
        return f'<{tag} class="csl-bib-body">\n{items}\n</{tag}>\n'
    if numbered:
        return "".join(f"{number}. {entry}\n" for number, entry in enumerate(entries, 1))
    separator = "\n\n" if markup == "md" else "\n"
    return separator.join(entries) + "\n"
