"""polybib: bibliographies that cross scripts.

Parse reference lists written in GOST 7.1 / ISBD punctuation (Azerbaijani, Russian, Ukrainian,
Kazakh, ... in Latin, Cyrillic and other scripts) into normalised BibLaTeX records.

>>> import polybib
>>> refs = polybib.read_list("1. Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.\\n"
...                          "2. Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с.")
>>> [r.title for r in refs]
['Azərbaycan tarixi', 'Очерки истории']
"""

from ._exceptions import CheckError, DataTableError, ExportError, InputError, PolybibError, StyleError
from ._model import Diagnostic, Person, Reference, Severity, Span
from ._parser import parse_reference
from ._reader import ReferenceList, read_list
from ._biblatex import to_biblatex, to_bibtex
from ._csljson import to_csl_json
from ._check import Finding, Fix, Report, Rule, check
from ._format import Bibliography, FormattedEntry, cite, dual_list, format_bibliography
from ._io._bibtex_in import read_bibtex
from ._io._csljson_in import read_csl_json
from ._io._formats import lost_fields, read_references
from ._io._ris import read_ris, to_ris
from ._romanize import SYSTEMS as ROMANIZATIONS

__all__ = [
    "Bibliography", "CheckError", "DataTableError", "Diagnostic", "ExportError", "Finding", "Fix",
    "FormattedEntry", "InputError", "Person", "PolybibError", "ROMANIZATIONS", "Reference", "ReferenceList",
    "Report", "Rule", "Severity", "Span", "StyleError", "check", "cite", "dual_list", "format_bibliography",
    "lost_fields", "parse_reference", "read_bibtex", "read_csl_json", "read_list", "read_references",
    "read_ris", "to_biblatex", "to_bibtex", "to_csl_json", "to_ris",
]

__version__ = "0.1.0"
