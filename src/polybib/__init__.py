"""polybib: bibliographies that cross scripts.

Parse reference lists written in GOST 7.1 / ISBD punctuation (Azerbaijani, Russian, Ukrainian,
Kazakh, ... in Latin, Cyrillic and other scripts) into normalised BibLaTeX records.

>>> import polybib
>>> refs = polybib.read_list("1. Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.\\n"
...                          "2. Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с.")
>>> [r.title for r in refs]
['Azərbaycan tarixi', 'Очерки истории']
"""

from ._exceptions import DataTableError, ExportError, InputError, PolybibError, StyleError
from ._model import Diagnostic, Person, Reference, Severity, Span
from ._parser import parse_reference
from ._reader import ReferenceList, read_list
from ._biblatex import to_biblatex, to_bibtex
from ._csljson import to_csl_json
from ._format import Bibliography, FormattedEntry, cite, dual_list, format_bibliography
from ._romanize import SYSTEMS as ROMANIZATIONS

__all__ = [
    "Bibliography", "FormattedEntry", "ROMANIZATIONS", "StyleError", "cite", "dual_list", "format_bibliography",
    "DataTableError", "Diagnostic", "ExportError", "InputError", "Person", "PolybibError", "Reference",
    "ReferenceList", "Severity", "Span", "parse_reference", "read_list", "to_biblatex", "to_bibtex",
    "to_csl_json",
]

__version__ = "0.1.0"
