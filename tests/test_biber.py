"""A real client: the .bib polybib writes compiles with biber + biblatex (biblatex-gost style) under
XeLaTeX without errors or warnings, and the PDF of the seed list names every author and title.

Needs the Debian packages biber, texlive-bibtex-extra, texlive-lang-cyrillic, texlive-xetex,
poppler-utils and fonts-dejavu-core (.ci/run installs them); skips, saying so, without them.

The document is what a user of the .bib writes, with three choices explained:
- ``sorting=none`` (the list's own order, as a GOST list is numbered): biblatex-gost's default
  sorting template names fields ('volume', 'book', 'part', 'issue') that biber 2.18 calls "not a
  sortable field" and warns about for any .bib at all;
- the italic is DejaVu Sans slanted: DejaVu Sans Oblique has no Arabic letters, and biblatex-gost sets
  the heading's names (a Persian author's too) in italics;
- ``\\DeclareBibliographyAlias{legislation}{misc}``: biblatex's standard styles have no driver for
  the ``@legislation`` type polybib writes for laws (biblatex manual, 2.1.3, unsupported types).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import polybib
from polybib._evaluate import load_gold

from .conftest import DATA, ROOT

TOOLS = ("xelatex", "biber", "pdftotext", "kpsewhich")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
if not MISSING and subprocess.run(["kpsewhich", "gost-numeric.bbx"], capture_output=True, text=True).stdout == "":
    MISSING.append("biblatex-gost (texlive-bibtex-extra)")
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (Debian: apt-get "
                                "install biber texlive-bibtex-extra texlive-lang-cyrillic texlive-xetex "
                                "poppler-utils fonts-dejavu-core)")

DOCUMENT = r"""\documentclass{article}
\usepackage{fontspec}
\setmainfont{DejaVu Sans}[ItalicFont={DejaVu Sans}, ItalicFeatures={FakeSlant=0.2}]
\usepackage[style=gost-numeric,sorting=none,backend=biber]{biblatex}
\DeclareBibliographyAlias{legislation}{misc}
\addbibresource{list.bib}
\hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def compile_bib(bib: str, folder) -> tuple[list[str], list[str], str]:
    """Biber's warnings and errors, LaTeX's warnings (the last run) and the PDF's text."""
    (folder / "list.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(DOCUMENT, encoding="utf-8")

    def latex() -> str:
        subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=folder,
                       capture_output=True, check=False)
        return (folder / "doc.log").read_text(encoding="utf-8", errors="replace")

    latex()
    done = subprocess.run(["biber", "doc"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
    blg = (folder / "doc.blg").read_text(encoding="utf-8")
    log = latex()
    for _ in range(2):
        if "Please rerun LaTeX" not in log and "undefined references" not in log:
            break
        log = latex()
    biber_problems = [line for line in blg.splitlines() if re.search(r"> (WARN|ERROR) - ", line)]
    latex_problems = [line for line in log.splitlines()
                      if re.search(r"Warning|^! |Missing character", line) and "infwarerr" not in line]
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], cwd=folder, capture_output=True,
                         text=True, check=True).stdout
    return biber_problems, latex_problems, pdf


def test_seed_list_compiles_cleanly_and_prints_every_name_and_title(tmp_path):
    refs = polybib.read_list(ROOT / "references" / "recommended-literature.txt")
    biber_problems, latex_problems, pdf = compile_bib(polybib.to_biblatex(refs), tmp_path)
    assert biber_problems == [] and latex_problems == []
    flat = re.sub(r"\s+", "", pdf)  # lines break anywhere; hyphenation is off, so nothing is added
    for ref in refs:
        for person in ref.authors:
            assert re.sub(r"\s+", "", person.corporate or person.family) in flat, person
        assert re.sub(r"\s+", "", ref.title) in flat, ref.title


def test_dev_corpus_compiles_cleanly(tmp_path):
    refs = [polybib.parse_reference(record["raw"]) for record in load_gold(DATA / "dev.jsonl")]
    biber_problems, latex_problems, pdf = compile_bib(polybib.to_biblatex(refs), tmp_path)
    assert biber_problems == [], biber_problems[:10]
    assert latex_problems == [], latex_problems[:10]
    # every entry printed, in order: its label "N." starts a line (a year may too, so look for 1, 2, ... N)
    expected = 1
    for number in re.findall(r"^\f?(\d+)\.(?: |$)", pdf, flags=re.MULTILINE):
        expected += int(number) == expected
    assert expected == len(refs) + 1
