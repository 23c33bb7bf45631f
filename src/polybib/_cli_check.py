"""`polybib check`: the command line of the linter (a thin layer over `polybib.check`).

Reads a list, runs the rules a reference at a time and writes the report (human, JSON or SARIF) a
finding at a time, so that memory does not grow with the list's records; with --fix writes the fixed
list to standard output or -o (the report to standard error), with --fix --in-place rewrites the list
atomically after keeping a backup (LIST.bak), with --diff shows the repairs instead (these need the
records, and hold them). The report (`Report`, `CheckRun`) owns the exit code: 0 when nothing at or
above --severity was found, 1 when something was, 2 for usage or input errors.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from ._check import check_run, selected_codes
from ._check._fix import fix_text, unified_diff
from ._check._input import open_text
from ._check._output import FORMATS, render_chunks
from ._exceptions import CheckError, PolybibError
from ._export import atomic_output, is_same_file, keep_backup, write_atomic
from ._model import Severity
from ._io._source import typed_text
from ._reader import _read_text

__all__ = ["check_command"]


class UsageFailure(click.ClickException):
    """A usage or input problem: one line on stderr, exit 2."""

    exit_code = 2


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _joined(chunks: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """The report's pieces (a finding each) joined into writes of about ``size`` characters."""
    pending: list[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


@click.command(name="check")
@click.argument("list_file", metavar="LIST", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="human", show_default=True,
              help="Report as text, as JSON findings, or as a SARIF 2.1.0 log.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report here instead of standard output (with --fix alone: the fixed list).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules: codes, categories or ALL (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules or categories.")
@click.option("--severity", type=click.Choice([s.value for s in Severity]), default="info", show_default=True,
              help="Report findings at or above this severity.")
@click.option("--fail-on", type=click.Choice([s.value for s in Severity]), default="warning", show_default=True,
              help="Exit 1 when a reported finding is at or above this severity (info findings such as a "
                   "missing ISBN alone do not fail a build by default).")
@click.option("--style", type=click.Choice(["gost", "apa"]), default=None,
              help="Check the elements this style needs [default: gost].")
@click.option("--fix", "fix", is_flag=True,
              help="Apply the safe repairs and write the fixed list to standard output (or -o OUT); the report "
                   "of what is left goes to standard error. LIST itself is not changed without --in-place.")
@click.option("--in-place", is_flag=True,
              help="With --fix: rewrite LIST itself (atomically), after copying it to LIST.bak; the report goes "
                   "to standard output (or -o).")
@click.option("--diff", is_flag=True, help="Show the safe repairs as a unified diff; change nothing.")
@click.option("--color/--no-color", default=None, help="Colour the human report [default: on a terminal].")
def check_command(list_file: str, fmt: str, output: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
                  severity: str, fail_on: str, style: str | None, fix: bool, in_place: bool, diff: bool,
                  color: bool | None) -> None:
    """Check the reference list LIST (a text list, a .bib or CSL-JSON file, or - for standard
    input) for completeness and consistency: missing elements, ISBN/ISSN check digits, heading vs
    statement of responsibility, ISBD spacing and punctuation, look-alike letters, numbering,
    order, duplicates.

    Findings are printed as LIST:LINE:COL: CODE message with the offending text. Rules are
    described in docs/rules/. Exit 0 when nothing at or above --fail-on was reported, 1 when
    something was, 2 for usage or input errors.
    """
    threshold = Severity(severity)
    if in_place and (not fix or list_file == "-"):
        raise UsageFailure("--in-place rewrites LIST with --fix; it needs --fix and a file (not -)")
    if output and list_file != "-" and is_same_file(list_file, output):
        raise UsageFailure(f"{output}: is the input list; use --fix --in-place to rewrite it (a backup is kept)")
    fixed_out = fix and not in_place   # the fixed list is the output; the report goes to stderr
    try:
        codes = selected_codes(_codes(select) or None, _codes(ignore))
        if list_file == "-":
            name = "<stdin>"
            text = typed_text(sys.stdin.buffer.read(), name=name)
        else:
            text, name = _read_text(Path(list_file)), list_file
        checked = open_text(text, name)   # a text list is parsed a reference at a time as it is checked
        if (fix or diff) and checked.text is None:
            raise CheckError("--fix and --diff rewrite text lists only; this is a .bib or CSL-JSON file")
        if fix or diff:
            result = fix_text(text, name=name, style=style, codes=codes)
            if diff:
                click.echo(unified_diff(result, name), nl=False)
                sys.exit(1 if result.changed else 0)
            if in_place:
                if result.changed:
                    backup = keep_backup(list_file)
                    write_atomic(list_file, result.text)
                    click.echo(f"{name}: the list before the repairs is kept in {backup}", err=True)
            elif output:
                write_atomic(output, result.text)
            else:
                click.echo(result.text, nl=False)
            click.echo(f"{name}: fixed {len(result.applied)} problem{'s' if len(result.applied) != 1 else ''}"
                       + (f"; {len(result.refused)} repairs refused (they would change a record)"
                          if result.refused else ""), err=True)
            report = result.after
            report.findings = report.at_least(threshold)
        else:   # the findings are read back from the run's spool as they are written out
            report = check_run(checked, style=style, codes=codes, pass_through=not select).reported(threshold)
        if color is None:
            color = sys.stderr.isatty() if fixed_out else output is None and sys.stdout.isatty()
        chunks = _joined(render_chunks(report, fmt, color=color))
        if output and not fixed_out:
            with atomic_output(output) as out:
                for chunk in chunks:
                    out.write(chunk)
        else:
            for chunk in chunks:
                click.echo(chunk, nl=False, color=color, err=fixed_out)
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    except PolybibError as exc:
        raise UsageFailure(str(exc)) from None
    sys.exit(report.exit_code(max(threshold, Severity(fail_on), key=_RANK.__getitem__)))
