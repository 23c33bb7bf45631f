"""`polybib check`: the command line of the linter (a thin layer over `polybib.check`).

Reads a list, runs the rules, renders the report (human, JSON or SARIF); with --fix writes the safe
repairs back atomically, with --diff shows them instead. The `Report` owns the exit code: 0 when
nothing at or above --severity was found, 1 when something was, 2 for usage or input errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._check import check_loaded, selected_codes
from ._check._fix import fix_text, unified_diff
from ._check._input import _from_text
from ._check._output import FORMATS, render
from ._exceptions import CheckError, PolybibError
from ._export import write_atomic
from ._model import Severity
from ._reader import _read_text

__all__ = ["check_command"]


class UsageFailure(click.ClickException):
    """A usage or input problem: one line on stderr, exit 2."""

    exit_code = 2


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _codes(values: tuple[str, ...]) -> list[str]:
    return [code for value in values for code in value.split(",") if code.strip()]


@click.command(name="check")
@click.argument("list_file", metavar="LIST", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="human", show_default=True,
              help="Report as text, as JSON findings, or as a SARIF 2.1.0 log.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report here instead of standard output.")
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
@click.option("--fix", "fix", is_flag=True, help="Apply the safe repairs to LIST (atomically), then report the rest.")
@click.option("--diff", is_flag=True, help="Show the safe repairs as a unified diff; change nothing.")
@click.option("--color/--no-color", default=None, help="Colour the human report [default: on a terminal].")
def check_command(list_file: str, fmt: str, output: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
                  severity: str, fail_on: str, style: str | None, fix: bool, diff: bool,
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
    try:
        codes = selected_codes(_codes(select) or None, _codes(ignore))
        if list_file == "-":
            text, name = sys.stdin.read(), "<stdin>"
        else:
            text, name = _read_text(Path(list_file)), list_file
        checked = _from_text(text, name)
        if (fix or diff) and checked.text is None:
            raise CheckError("--fix and --diff rewrite text lists only; this is a .bib or CSL-JSON file")
        if fix or diff:
            result = fix_text(text, name=name, style=style, codes=codes)
            if diff:
                click.echo(unified_diff(result, name), nl=False)
                sys.exit(1 if result.changed else 0)
            if result.changed:
                if list_file == "-":
                    click.echo(result.text, nl=False)
                else:
                    write_atomic(list_file, result.text)
            click.echo(f"{name}: fixed {len(result.applied)} problem{'s' if len(result.applied) != 1 else ''}"
                       + (f"; {len(result.refused)} repairs refused (they would change a record)"
                          if result.refused else ""), err=True)
            report = result.after
        else:
            report = check_loaded(checked, style=style, codes=codes, pass_through=not select)
        report.findings = report.at_least(threshold)
        if color is None:
            color = output is None and sys.stdout.isatty()
        rendered = render(report, fmt, color=color)
        if output:
            write_atomic(output, rendered)
        elif not (fix and list_file == "-"):
            click.echo(rendered, nl=False, color=color)
    except CheckError as exc:
        raise UsageFailure(str(exc)) from None
    except PolybibError as exc:
        raise UsageFailure(str(exc)) from None
    sys.exit(report.exit_code(max(threshold, Severity(fail_on), key=_RANK.__getitem__)))
