"""BibTeX in ASCII for old toolchains (BibTeX 0.99, pdfLaTeX without UTF-8 input): every non-ASCII
letter written as its LaTeX command (``ı`` → ``{\\i}``, ``Ş`` → ``{\\c{S}}``, Cyrillic as the T2A
commands ``{\\CYRI}{\\cyrv}...``, "ə" as tipa's ``{\\textschwa}``), by pylatexenc. A few letters
have no command in the standard packages — Azerbaijani capital "Ə", Arabic, Georgian — and are kept
as they are: `non_ascii_letters` names them, and `polybib convert` warns.

>>> from polybib import parse_reference
>>> ref = parse_reference("Şükürov K. Bakı tarixi. - Bakı : Elm, 2005. - 164 s.")
>>> print(to_bibtex_ascii([ref]).splitlines()[1].strip())
author = {{\\c{S}}{\\"u}k{\\"u}rov, K.},
"""

from __future__ import annotations

from collections.abc import Sequence

from .._biblatex import to_bibtex
from .._model import Reference

__all__ = ["non_ascii_letters", "to_bibtex_ascii"]


def to_bibtex_ascii(refs: Sequence[Reference]) -> str:
    """Classic BibTeX entries with LaTeX commands for every non-ASCII character that has one."""
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    encoder = UnicodeToLatexEncoder(non_ascii_only=True, unknown_char_policy="keep", unknown_char_warning=False,
                                    replacement_latex_protection="braces-almost-all")
    return encoder.unicode_to_latex(to_bibtex(refs))


def non_ascii_letters(text: str) -> list[str]:
    """The characters ASCII output had to keep as they are (no LaTeX command for them)."""
    return sorted({char for char in text if ord(char) > 127})
