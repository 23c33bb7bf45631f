"""Reading and writing the files users already have: encodings, Word documents, BibTeX/BibLaTeX,
CSL-JSON and RIS. Each module has one job; `polybib._io._formats` strings them together."""

import logging

# bibtexparser logs each block it cannot read; polybib reports them itself (bib-syntax-error), with
# line numbers, so without a logging configuration of the caller's they are not printed twice
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
