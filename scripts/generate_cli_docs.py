"""Write docs/cli.md from the CLI's own --help texts (tests/test_docs.py checks it is current)."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def cli_reference() -> str:
    from click.testing import CliRunner

    from polybib.cli import main

    runner = CliRunner()
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `scripts/generate_cli_docs.py`; do not edit by hand.", ""]
    for args in ([], *([name] for name in sorted(main.commands))):
        text = runner.invoke(main, [*args, "--help"], prog_name="polybib", terminal_width=100).output
        parts += [f"## {' '.join(['polybib', *args])}", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    from polybib._export import write_atomic

    write_atomic(DOC, cli_reference())
    print(f"wrote {DOC}")
