"""Rules on the characters of a reference: look-alike letters of two scripts, text not in Unicode NFC,
HTML entities left by a web page, brackets and quotation marks that do not pair.

>>> [(h.code, h.replacement) for h in mixed_script_word("Взаимоотношения Азербайджанcкой Республики")]
[('mixed-script-word', 'Азербайджанской')]
>>> [h.code for h in unbalanced_brackets("Дубова Н. От TrustedWeb к «защищенному предприятию // Открытые системы")]
['unbalanced-brackets']
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from .._lang import detect_script
from .._text import ADDRESS as _URL, ENTITY as _ENTITY, normalize
from ._report import Hit

__all__ = ["RULES", "html_entity", "mixed_script_word", "not_nfc", "unbalanced_brackets"]

_WORD = re.compile(r"[^\W\d_]+")
_PAIRS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“"}


def mixed_script_word(text: str) -> Iterator[Hit]:
    """A word with Latin and Cyrillic letters: 'Азербайджанcкой' (Latin c), 'kitоb' (Cyrillic о)."""
    for match in _WORD.finditer(text):
        word = match.group()
        if not {"Latn", "Cyrl"} <= {detect_script(ch) for ch in word}:
            continue
        fixed = normalize(word)[0]
        if fixed != word:
            yield Hit("mixed-script-word", f"{word!r} mixes Latin and Cyrillic look-alike letters; "
                      f"meant {fixed!r}", match.start(), match.end(), fixed)
        else:
            yield Hit("mixed-script-word", f"{word!r} mixes Latin and Cyrillic letters",
                      match.start(), match.end())


def not_nfc(text: str) -> Iterator[Hit]:
    """Letters in decomposed form ('ü' as u + U+0308): search and sorting then fail on them."""
    if unicodedata.is_normalized("NFC", text):
        return
    for match in re.finditer(r"\S+", text):
        chunk = match.group()
        if not unicodedata.is_normalized("NFC", chunk):
            composed = unicodedata.normalize("NFC", chunk)
            yield Hit("not-nfc", f"{composed!r} is not in Unicode NFC (decomposed letters)",
                      match.start(), match.end(), composed)


def html_entity(text: str) -> Iterator[Hit]:
    """'&quot;', '&amp;', '&#171;' copied from a web page."""
    urls = [m.span() for m in _URL.finditer(text)]
    for match in _ENTITY.finditer(text):
        if any(a <= match.start() < b for a, b in urls):
            continue
        value = html.unescape(match.group())
        if value != match.group():
            yield Hit("html-entity", f"the HTML entity {match.group()!r} stands for {value!r}",
                      match.start(), match.end())


def unbalanced_brackets(text: str) -> Iterator[Hit]:
    """A bracket or guillemet opened and not closed, or closed and never opened."""
    closing = {v: k for k, v in _PAIRS.items() if k != "„"}
    stack: list[tuple[str, int]] = []
    urls = [m.span() for m in _URL.finditer(text)]
    for i, ch in enumerate(text):
        if any(a <= i < b for a, b in urls):
            continue
        if ch in _PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((ch, i))
        elif ch in closing or (ch == "“" and stack and stack[-1][0] == "„"):
            opener = "„" if ch == "“" else closing[ch]
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif any(o == opener for o, _ in stack):
                while stack and stack[-1][0] != opener:
                    yield _unclosed(*stack.pop())
                stack.pop()
            else:
                yield Hit("unbalanced-brackets", f"{ch!r} closes a bracket that was never opened", i, i + 1)
    for opener, i in stack:
        yield _unclosed(opener, i)


def _unclosed(opener: str, position: int) -> Hit:
    return Hit("unbalanced-brackets", f"{opener!r} is never closed", position, position + 1)


RULES = {
    "mixed-script-word": mixed_script_word,
    "not-nfc": not_nfc,
    "html-entity": html_entity,
    "unbalanced-brackets": unbalanced_brackets,
}
