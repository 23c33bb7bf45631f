"""The `polybib` command line: a thin layer over the library.

Each command reads its input, calls one library function and renders the result; a `Report`
owns the exit code: 0 clean, 1 when some reference was only partly understood, 2 for usage or
input errors (printed as one line, never a traceback).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click

from . import __version__
from ._exceptions import PolybibError
from ._export import FORMATS, format_for_path, render, write_atomic
from ._model import Reference
from ._reader import read_list

__all__ = ["main"]


class InputFailure(click.ClickException):
    """An input or output problem: one line on stderr, exit 2."""

    exit_code = 2


@dataclass
class Report:
    """Collects what a command found and turns it into diagnostics on stderr and an exit code."""

    source: str
    findings: int = 0
    partial: int = 0

    def reference(self, ref: Reference) -> None:
        for diagnostic in ref.diagnostics:
            self.findings += 1
            click.echo(f"{self.source}:{ref.line or 0}: {diagnostic.code} {diagnostic.message}", err=True)
        if ref.partly_understood:
            self.partial += 1

    def list_level(self, code: str, message: str) -> None:
        self.findings += 1
        click.echo(f"{self.source}: {code} {message}", err=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.partial else 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="polybib")
def main() -> None:
    """Parse, format and check reference lists that cross scripts (GOST 7.1 / ISBD)."""


@main.command()
@click.argument("list_file", metavar="LIST", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of standard output (the format follows the extension: .bib, .json).")
@click.option("--to", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format [default: from OUTPUT's extension, else biblatex].")
@click.option("-q", "--quiet", is_flag=True, help="Do not print diagnostics.")
def parse(list_file: str, output: str | None, fmt: str | None, quiet: bool) -> None:
    """Parse the reference list LIST (a text file, or - for standard input) into records.

    One entry per reference, in input order. Diagnostics go to standard error as
    LIST:LINE: CODE message. Exit 0 when every reference was understood, 1 when some
    were only partly understood, 2 for usage or input errors.
    """
    fmt = fmt or (format_for_path(output) if output else None) or "biblatex"
    try:
        if list_file == "-":
            refs = read_list(sys.stdin.read())
            source = "<stdin>"
        else:
            refs = read_list(_as_path(list_file))
            source = list_file
        text = render(refs, fmt)
        if output:
            write_atomic(output, text)
        else:
            click.echo(text, nl=False)
    except PolybibError as exc:
        raise InputFailure(str(exc)) from None
    report = Report(source)
    if not refs:
        click.echo(f"{source}: no references found", err=True)
    for ref in refs if not quiet else []:
        report.reference(ref)
    for diagnostic in refs.diagnostics if not quiet else []:
        report.list_level(diagnostic.code, diagnostic.message)
    if quiet:
        report.partial = sum(1 for r in refs if r.partly_understood)
    sys.exit(report.exit_code)


def _as_path(name: str):  # noqa: ANN202 - a pathlib.Path, so read_list reads the file
    from pathlib import Path

    return Path(name)



@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--show", type=click.IntRange(min=0), default=8, show_default=True,
              help="How many of the records with errors to print.")
@click.option("--type", "types", multiple=True, help="Score only records of this entry type (repeatable).")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit 1 when the field-F1 is below this.")
def evaluate_command(gold: str, show: int, types: tuple[str, ...], min_f1: float) -> None:
    """Score the parser on a GOLD corpus (JSONL, as shared/corpus/SCHEMA.md describes).

    Prints per-field counts and F1, the records with errors, and last a line
    'field-F1 X record-exact Y n Z'.
    """
    from ._evaluate import evaluate, load_gold

    try:
        score = evaluate(load_gold(gold), types=types or None)
    except PolybibError as exc:
        raise InputFailure(str(exc)) from None
    lines = score.table().splitlines()
    click.echo("\n".join(lines[:-1]))
    for record_id, raw, errors in score.errors[:show]:
        click.echo(f"\n{record_id}: {raw}")
        for name, expected, actual in errors:
            click.echo(f"   {name}: gold={expected!r} got={actual!r}")
    click.echo(lines[-1])
    sys.exit(0 if score.f1 >= min_f1 else 1)

from ._cli_format import cite_command, format_command  # noqa: E402 - the commands of issue 4

main.add_command(format_command)
main.add_command(cite_command)
