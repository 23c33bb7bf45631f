"""Reading and writing the files users already have: encodings, Word documents, BibTeX/BibLaTeX,
CSL-JSON and RIS. Each module has one job; `polybib._io._formats` strings them together."""
