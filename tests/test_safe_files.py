"""Safe files: every write goes through a temporary file and a rename; an input is never overwritten
unless --in-place is given, and then a backup is kept; a killed run leaves the previous output intact."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from polybib import _export
from polybib._evaluate import load_gold
from polybib.cli import main

from .conftest import DATA

_LIST = "1. Əliyev H. Tarix /H. Əliyev.- Bakı: Elm, 2005. - 164 s.\n"
_FIXED = "1. Əliyev H. Tarix / H. Əliyev. - Bakı: Elm, 2005. - 164 s.\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def _list(tmp_path, text=_LIST, name="list.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fix_alone_writes_the_fixed_list_to_stdout_and_leaves_the_list(tmp_path):
    path = _list(tmp_path)
    result = run("check", str(path), "--fix")
    assert result.stdout == _FIXED
    assert result.stderr.splitlines()[0] == f"{path}: fixed 2 problems"
    assert path.read_text(encoding="utf-8") == _LIST
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt"]


def test_fix_with_output_writes_the_fixed_list_there(tmp_path):
    path, out = _list(tmp_path), tmp_path / "fixed.txt"
    result = run("check", str(path), "--fix", "-o", str(out), "--format", "json")
    assert out.read_text(encoding="utf-8") == _FIXED and path.read_text(encoding="utf-8") == _LIST
    assert json.loads(result.stderr[result.stderr.index("{"):])["references"] == 1


def test_fix_in_place_keeps_a_byte_for_byte_backup(tmp_path):
    path = tmp_path / "list.txt"
    original = _LIST.replace("Əliyev", "Aliyev").encode("cp1254")   # a legacy code page, kept as it was
    path.write_bytes(original)
    result = run("check", str(path), "--fix", "--in-place")
    assert (tmp_path / "list.txt.bak").read_bytes() == original
    assert path.read_text(encoding="utf-8") == _FIXED.replace("Əliyev", "Aliyev")
    assert f"{path}: the list before the repairs is kept in {path}.bak" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "list.txt.bak"]


def test_in_place_needs_fix_and_a_file(tmp_path):
    path = _list(tmp_path)
    for args in (["check", str(path), "--in-place"], ["check", "-", "--fix", "--in-place"]):
        result = run(*args, input=_LIST)
        assert result.exit_code == 2
        assert result.stderr.strip() == "Error: --in-place rewrites LIST with --fix; it needs --fix and a file (not -)"
    assert path.read_text(encoding="utf-8") == _LIST


def test_check_report_never_overwrites_the_list(tmp_path):
    path = _list(tmp_path)
    result = run("check", str(path), "-o", str(tmp_path / "." / "list.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Error: {tmp_path / '.' / 'list.txt'}: is the input list; "
                                     "use --fix --in-place to rewrite it (a backup is kept)")
    assert path.read_text(encoding="utf-8") == _LIST


@pytest.mark.parametrize(("command", "message"), [
    ("parse", "is the input list; write the records to another file"),
    ("format", "is the input; write the bibliography to another file"),
])
def test_an_output_onto_the_input_is_refused(tmp_path, command, message):
    path = _list(tmp_path)
    result = run(command, str(path), "-o", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {path}: {message}"
    assert path.read_text(encoding="utf-8") == _LIST


def test_convert_onto_its_input_needs_in_place_and_keeps_a_backup(tmp_path):
    path = tmp_path / "refs.bib"
    original = "@book{a, title={One}, year=2001}\n"
    path.write_text(original, encoding="utf-8")
    refused = run("convert", str(path), "-o", str(path))
    assert refused.exit_code == 2
    assert refused.stderr.strip() == f"Error: {path}: is the input; use --in-place to replace it " \
                                     f"(a backup is kept as {path}.bak)"
    assert path.read_text(encoding="utf-8") == original
    done = run("convert", str(path), "-o", str(path), "--in-place")
    assert done.exit_code == 0
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == original
    assert path.read_text(encoding="utf-8").startswith("@book{a,\n\ttitle = {One},")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "out.bib"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with _export.atomic_output(out) as handle:
            handle.write("half")
            raise RuntimeError("interrupted")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bib"]


def test_unencodable_text_leaves_the_old_file(tmp_path):
    out = tmp_path / "out.bib"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        _export.write_atomic(out, "a lone surrogate \udcff")
    assert out.read_text(encoding="utf-8") == "old\n" and len(list(tmp_path.iterdir())) == 1


# `polybib parse` in a child process that streams (a low threshold), so it writes batch after batch
_CHILD = ("import sys; from polybib import _reader; _reader.STREAM_THRESHOLD = 1000; "
          "from polybib.cli import main; sys.argv[0] = 'polybib'; main()")


def _big_list(tmp_path):
    raws = [r["raw"] for r in load_gold(DATA / "dev.jsonl")]
    path = tmp_path / "big.txt"
    path.write_text("".join(f"{raws[i % len(raws)]}\n\n" for i in range(6000)), encoding="utf-8")
    return path


def _interrupted(tmp_path, how: signal.Signals) -> list[str]:
    big, out = _big_list(tmp_path), tmp_path / "out.bib"
    out.write_text("@book{previous, title = {Kept}}\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _CHILD, "parse", "-q", str(big), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while child.poll() is None:   # until the first batches are in the temporary file
            temporaries = list(tmp_path.glob(".out.bib.*.tmp"))
            if temporaries and temporaries[0].stat().st_size > 0:
                break
            time.sleep(0.05)
        assert child.poll() is None, "the run ended before it could be interrupted"
        child.send_signal(how)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert out.read_text(encoding="utf-8") == "@book{previous, title = {Kept}}\n"
    return sorted(p.name for p in tmp_path.iterdir() if p.name not in ("big.txt", "out.bib"))


def test_killed_mid_write_leaves_the_previous_output(tmp_path):
    left = _interrupted(tmp_path, signal.SIGKILL)
    # nothing can clean up after SIGKILL: at most the documented stale temporary remains
    assert len(left) <= 1 and all(n.startswith(".out.bib.") and n.endswith(".tmp") for n in left)


def test_interrupted_mid_write_leaves_the_previous_output_and_no_temporary(tmp_path):
    assert _interrupted(tmp_path, signal.SIGINT) == []


def test_progress_and_summary_only_on_a_terminal(tmp_path, monkeypatch):
    from polybib import _progress

    path = _list(tmp_path, "".join(f"{i}. Автор{i} А. Книга. – М., 2019. – {i} с.\n" for i in range(1, 451)))
    quiet = run("parse", str(path), "-q", "-o", str(tmp_path / "a.bib"))
    assert quiet.stderr == ""   # not a terminal: silent
    monkeypatch.setattr(_progress, "_is_terminal", lambda stream: True)
    shown = run("parse", str(path), "-q", "-o", str(tmp_path / "b.bib"))
    assert f"\r/ {path}: 200 references...\r- {path}: 400 references..." in shown.stderr
    assert re.search(rf"\r\x1b\[K{re.escape(str(path))}: 450 references, 0 partly understood, \d+\.\d s\n$",
                     shown.stderr)
    assert (tmp_path / "a.bib").read_text(encoding="utf-8") == (tmp_path / "b.bib").read_text(encoding="utf-8")
