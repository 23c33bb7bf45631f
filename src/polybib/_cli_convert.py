"""`polybib convert IN -o OUT`: records from any format polybib reads, in any format it writes,
every field the target cannot hold named in a warning; and the options `parse` shares with it.

Kept apart from `cli.py` so that the commands stay thin; registered there with one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click

from ._exceptions import PolybibError
from ._export import FORMATS, format_for_path, render, write_atomic
from ._io._formats import INPUT_FORMATS, input_format_for_path, lost_fields, read_references
from ._reader import ReferenceList

__all__ = ["convert_command", "encoding_option", "verbose_option"]


def encoding_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--encoding NAME``: read text in this encoding instead of detecting it."""
    return click.option("--encoding", metavar="NAME", default=None,
                        help="Read text input in this encoding (e.g. cp1251, koi8-r, cp1254, utf-16) "
                             "instead of detecting it.")(command)


def verbose_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``-v/--verbose``: say how the input was read."""
    return click.option("-v", "--verbose", is_flag=True,
                        help="Say how the input was read (its detected encoding, or .docx).")(command)


class _Failure(click.ClickException):
    exit_code = 2


def _say(source: str, message: str) -> None:
    click.echo(f"{source}: {message}", err=True)


@click.command(name="convert")
@click.argument("input_file", metavar="IN", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Write here; the format follows the extension (.bib, .json, .ris) unless --to names one.")
@click.option("--from", "source_format", type=click.Choice(INPUT_FORMATS), default=None,
              help="Input format [default: from IN's extension: .txt/.md list, .docx, .bib, .json, .ris].")
@click.option("--to", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format [default: from OUTPUT's extension].")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT even when it is IN.")
@click.option("-q", "--quiet", is_flag=True, help="Print no diagnostics and no lost-field warnings.")
@encoding_option
@verbose_option
def convert_command(input_file: str, output: str, source_format: str | None, fmt: str | None, force: bool,
                    quiet: bool, encoding: str | None, verbose: bool) -> None:
    """Convert the records of IN (a reference list, .docx, BibTeX/BibLaTeX, CSL-JSON or RIS) into OUTPUT.

    Every field a record has that OUTPUT's format cannot hold is named on standard error as
    IN:LINE: lost-field KEY: FORMAT cannot hold FIELD, ...  (docs/formats.md lists the losses).
    Exit 0 when every reference was understood, 1 when some were only partly understood,
    2 for usage or input errors.
    """
    fmt = fmt or format_for_path(output)
    if fmt is None:
        raise click.UsageError(f"cannot tell the output format from {output!r}: name it with --to")
    if not force and os.path.exists(output) and os.path.samefile(input_file, output):
        raise _Failure(f"{output}: is the input; use --force to overwrite it")
    try:
        refs = read_references(input_file, fmt=source_format, encoding=encoding)
        text = render(refs, fmt)
        write_atomic(output, text)
    except PolybibError as exc:
        raise _Failure(str(exc)) from None
    if fmt == "bibtex-ascii" and not quiet:
        from ._io._ascii import non_ascii_letters

        kept = non_ascii_letters(text)
        if kept:
            _say(output, f"not-ascii {len(kept)} characters have no LaTeX command and were kept as UTF-8: "
                         f"{' '.join(kept[:20])}{' ...' if len(kept) > 20 else ''}")
    sys.exit(report(refs, input_file, fmt, quiet=quiet, verbose=verbose))


def report(refs: ReferenceList, source: str, fmt: str, *, quiet: bool, verbose: bool) -> int:
    """Print what reading found and what the target loses; return the exit code."""
    if verbose:
        _say(source, f"{refs.encoding or 'read'}; {len(refs)} records ({input_format_for_path(source)})")
    troubles = 0
    from ._biblatex import reference_keys

    for ref, key in zip(refs, reference_keys(refs)):
        lost = lost_fields(ref, fmt)
        troubles += ref.partly_understood
        if quiet:
            continue
        for diagnostic in ref.diagnostics:
            click.echo(f"{source}:{ref.line or 0}: {diagnostic.code} {diagnostic.message}", err=True)
        if lost:
            click.echo(f"{source}:{ref.line or 0}: lost-field {key}: {fmt} cannot hold {', '.join(lost)}",
                       err=True)
    for diagnostic in refs.diagnostics if not quiet else []:
        _say(source, f"{diagnostic.code} {diagnostic.message}")
    return 1 if troubles else 0  # a loss is a warning: the target format, not the input, is to blame
