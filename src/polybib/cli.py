"""The `polybib` command line: a thin layer over the library.

Each command reads its input, calls one library function and renders the result; a `Report`
owns the exit code: 0 clean, 1 when some reference was only partly understood, 2 for usage or
input errors (printed as one line, never a traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import click

from . import __version__
from ._cli_convert import encoding_option, verbose_option
from ._exceptions import PolybibError
from ._export import FORMATS, atomic_output, format_for_path, is_same_file, render_stream
from ._model import Reference
from ._progress import Progress
from ._reader import open_list, read_list_bytes

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
    references: int = 0

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
@encoding_option
@verbose_option
def parse(list_file: str, output: str | None, fmt: str | None, quiet: bool, encoding: str | None,
          verbose: bool) -> None:
    """Parse the reference list LIST (a text file, a .docx, or - for standard input) into records.

    One entry per reference, in input order. Diagnostics go to standard error as
    LIST:LINE: CODE message; on a terminal, a counter while it works and a summary line
    (references, partly understood, seconds) at the end. Exit 0 when every reference was understood, 1 when some
    were only partly understood, 2 for usage or input errors.
    """
    fmt = fmt or (format_for_path(output) if output else None) or "biblatex"
    source = "<stdin>" if list_file == "-" else list_file
    if output and list_file != "-" and is_same_file(list_file, output):
        raise InputFailure(f"{output}: is the input list; write the records to another file")
    report = Report(source)
    try:
        if list_file == "-":
            refs = read_list_bytes(sys.stdin.buffer.read(), encoding=encoding)
        else:
            refs = open_list(list_file, encoding=encoding)
        if verbose and list_file != "-":
            click.echo(f"{source}: {refs.encoding}", err=True)
        progress = Progress(source)
        seen = _reported(refs, report, quiet=quiet, progress=progress)
        if output:
            with atomic_output(output) as out:
                for piece in render_stream(seen, fmt):
                    out.write(piece)
        else:
            for piece in render_stream(seen, fmt):
                click.echo(piece, nl=False)
    except PolybibError as exc:
        raise InputFailure(str(exc)) from None
    progress.finish()
    if not report.references:
        click.echo(f"{source}: no references found", err=True)
    for diagnostic in refs.diagnostics if not quiet else []:
        report.list_level(diagnostic.code, diagnostic.message)
    sys.exit(report.exit_code)


def _reported(refs: Iterable[Reference], report: Report, *, quiet: bool,
              progress: Progress) -> Iterator[Reference]:
    """Pass the records on, reporting each one's diagnostics as it goes by."""
    for ref in refs:
        report.references += 1
        if quiet:
            report.partial += ref.partly_understood
        else:
            report.reference(ref)
        progress.step(partly_understood=ref.partly_understood)
        yield ref



@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--show", type=click.IntRange(min=0), default=8, show_default=True,
              help="How many of the records with errors to print.")
@click.option("--type", "types", multiple=True, help="Score only records of this entry type (repeatable).")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit 1 when the field-F1 is below this.")
@click.option("--by", "group", type=click.Choice(["script", "lang", "type"]), default=None,
              help="Also print field-F1 and record-exact for each script, language or entry type.")
def evaluate_command(gold: str, show: int, types: tuple[str, ...], min_f1: float, group: str | None) -> None:
    """Score the parser on a GOLD corpus (JSONL, as shared/corpus/SCHEMA.md describes).

    Prints per-field counts and F1, the records with errors, and last a line
    'field-F1 X record-exact Y n Z'.
    """
    from ._evaluate import evaluate, load_gold

    try:
        records = load_gold(gold)
        score = evaluate(records, types=types or None)
    except PolybibError as exc:
        raise InputFailure(str(exc)) from None
    lines = score.table().splitlines()
    click.echo("\n".join(lines[:-1]))
    for record_id, raw, errors in score.errors[:show]:
        click.echo(f"\n{record_id}: {raw}")
        for name, expected, actual in errors:
            click.echo(f"   {name}: gold={expected!r} got={actual!r}")
    if group:
        click.echo(f"\n{group:10} {'n':>5}  field-F1  record-exact")
        for name, part in sorted(_groups(records, group).items(), key=lambda kv: -len(kv[1])):
            sub = evaluate(part, types=types or None)
            if sub.records:
                click.echo(f"{name:10} {sub.records:5}  {sub.f1:8.3f}  {sub.exact:12.3f}")
    click.echo(lines[-1])
    sys.exit(0 if score.f1 >= min_f1 else 1)


def _groups(records: list[dict], group: str) -> dict[str, list[dict]]:
    key = {"script": lambda r: r.get("script", "?"), "lang": lambda r: r.get("lang", "?"),
           "type": lambda r: r["gold"].get("ENTRYTYPE", "?")}[group]
    groups: dict[str, list[dict]] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return groups


from ._cli_check import check_command  # noqa: E402 - the check command lives in its own module

main.add_command(check_command)


from ._cli_convert import convert_command  # noqa: E402

main.add_command(convert_command)


from ._cli_format import cite_command, format_command  # noqa: E402 - the commands of issue 4

main.add_command(format_command)
main.add_command(cite_command)
