"""`polybib check` reads a text list a reference at a time: each record is let go once checked, the
list rules keep small keys, the findings wait on a spool; the report is the same as from a list held
whole, in every format."""

from __future__ import annotations

import gc
import json
import tracemalloc
import weakref
from collections import Counter

import pytest
from click.testing import CliRunner

import polybib
from polybib._check import _input, _run, check_loaded, check_run, selected_codes
from polybib._check._input import _from_text, _lines, open_text
from polybib._check._list_rules import RULES as LIST_RULES
from polybib._check._output import FORMATS, render, to_json, to_sarif
from polybib._evaluate import load_gold
from polybib.cli import main

from .conftest import DATA

RAWS = [r["raw"] for r in load_gold(DATA / "dev.jsonl")]


def _numbered_list() -> str:
    """The dev corpus as a numbered list with a heading, a gap, unnumbered references (one that could take
    its number, a run that could not), wrapped lines, a blank line and a repeated reference."""
    lines = ["Ədəbiyyat:"]
    for n, raw in enumerate(RAWS[:60], 1):
        if n in (7, 30, 31):
            lines.append(raw)
        elif n == 12:
            lines += [f"{n + 1}. {raw[:30]}", f"   {raw[30:]}"]
        else:
            lines.append(f"{n if n < 12 else n + 1}. {raw}")
        if n == 40:
            lines.append("")
    lines.append(f"62. {RAWS[3]}")
    return "\n".join(lines) + "\n"


def _bullet_list(raws: list[str]) -> str:
    return "".join(f"• {raw}\n" for raw in raws)


@pytest.mark.parametrize("text", [_numbered_list(), _bullet_list(RAWS), _bullet_list(sorted(RAWS[:50])),
                                  "1. " + RAWS[0] + "\r\n" + RAWS[1] + "\r\n3. " + RAWS[2] + "\r\n"],
                         ids=["numbered", "bullets", "sorted", "crlf"])
@pytest.mark.parametrize("select", [None, ["ALL"], ["list"]])
def test_a_streamed_list_reports_as_the_list_held_whole(text, select):
    codes = selected_codes(select)
    held = check_loaded(_from_text(text, "list.txt"), style=None, codes=codes, pass_through=not select)
    streamed = check_run(open_text(text, "list.txt"), style=None, codes=codes, pass_through=not select)
    assert list(streamed) == held.findings
    assert list(streamed) == held.findings   # a run is read back as often as needed
    assert (streamed.references, streamed.counts(), streamed.fixable_count) == \
        (held.references, held.counts(), held.fixable_count)
    for fmt in FORMATS:
        assert render(streamed, fmt) == render(held, fmt)


def test_the_numbered_list_has_what_the_late_findings_are_about():
    """The findings that wait (a missing number, the list's order) are in the cases above."""
    codes = Counter(f.code for f in polybib.check(_numbered_list()))
    assert codes["unnumbered-item"] == 3 and codes["numbering-gap"] == 2 and codes["collation-order"] == 1
    assert codes["duplicate-reference"] >= 1
    fixes = [f.fix for f in polybib.check(_numbered_list()) if f.code == "unnumbered-item"]
    assert fixes[0] is not None and fixes[0].replacement == "7. "


def test_findings_out_of_the_list_order_are_sorted_as_a_whole():
    """CSL-JSON items without an id are placed by their position, which need not follow the lines of
    the items before them: the report is then sorted whole, as before."""
    items = [{"id": "b", "type": "book", "title": "Tarix"}, {"type": "book", "title": "Coğrafiya"},
             {"id": "a", "type": "book", "title": "İqtisadiyyat"}]
    text = json.dumps(items, ensure_ascii=False, indent=2)
    run = check_run(open_text(text, "list.json"), style=None, codes=selected_codes())
    assert not run.in_order
    lines = [f.line for f in run]
    assert lines == sorted(lines)
    assert list(run) == check_loaded(_from_text(text, "list.json"), style=None, codes=selected_codes()).findings


def test_the_chunks_of_a_report_add_up_to_json_dumps():
    report = polybib.check(_numbered_list())
    assert render(report, "json") == json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    assert render(report, "sarif") == json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
    empty = polybib.check("", select=["list"])
    assert json.loads(render(empty, "json"))["findings"] == [] and render(empty, "json").endswith('"findings": []\n}\n')


def test_a_long_report_is_spooled_to_a_file_and_read_back(monkeypatch):
    monkeypatch.setattr(_run, "_SPOOL_IN_MEMORY", 1)
    monkeypatch.setattr(_run, "_BATCHES_PER_WRITE", 3)
    text = _numbered_list()
    run = check_run(open_text(text, "list.txt"), style=None, codes=selected_codes())
    assert run.batches.file._rolled
    assert list(run) == check_loaded(_from_text(text, "list.txt"), style=None, codes=selected_codes()).findings


def test_lines_are_split_as_splitlines_splits_them():
    for text in ["", "a", "a\n", "a\n\n", "\na", "a\r\nb\rc\x0cd\u2028e\x85f\n", "a\r\n\r\nb", "\r\n"]:
        assert list(_lines(text)) == text.splitlines()


def test_the_threshold_and_the_exit_code_of_a_run():
    text = _numbered_list()
    run = check_run(open_text(text, "list.txt"), style=None, codes=selected_codes())
    held = check_loaded(_from_text(text, "list.txt"), style=None, codes=selected_codes())
    for severity in polybib.Severity:
        view = run.reported(severity)
        assert list(view) == held.at_least(severity)
        assert len(view) == len(held.at_least(severity))
        assert view.exit_code(polybib.Severity.ERROR) == (1 if held.at_least(polybib.Severity.ERROR) else 0)


def test_the_cli_writes_the_report_to_a_file_as_to_standard_output(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(_numbered_list(), encoding="utf-8")
    for fmt in FORMATS:
        shown = CliRunner().invoke(main, ["check", str(path), "--format", fmt])
        written = CliRunner().invoke(main, ["check", str(path), "--format", fmt, "-o", str(tmp_path / "report")])
        assert shown.exit_code == written.exit_code == 1
        assert (tmp_path / "report").read_text(encoding="utf-8") == shown.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.txt", "report"]


def test_a_streamed_list_is_read_once():
    checked = open_text(_bullet_list(RAWS[:3]), "list.txt")
    assert len(list(checked.each())) == 3 and checked.count == 3
    with pytest.raises(polybib.CheckError):
        list(checked.each())


# ---- memory: what is kept per reference ---------------------------------------------------------------


def test_each_record_is_let_go_once_it_is_checked(monkeypatch):
    """Were the check to hold the records (as it did: 27 KB a reference), they would all be alive at
    the end; read a reference at a time, only the last one may be."""
    alive: list[weakref.ref] = []
    parse_item = _input.parse_item

    def parse_and_watch(item):  # noqa: ANN001, ANN202 - the reader's ListItem, a Reference
        ref = parse_item(item)
        alive.append(weakref.ref(ref))
        return ref

    monkeypatch.setattr(_input, "parse_item", parse_and_watch)
    text = _numbered_list()
    run = check_run(open_text(text, "list.txt"), style=None, codes=selected_codes(["ALL"]))
    findings = list(run)
    gc.collect()
    assert len(alive) == run.references == 61 and findings
    assert sum(1 for ref in alive if ref() is not None) <= 1
    alive.clear()
    report = polybib.check(text)
    gc.collect()
    assert report.findings and sum(1 for ref in alive if ref() is not None) <= 1


def _reachable(root: object) -> list[object]:
    """Everything held by a list rule's state (containers followed, strings and numbers are leaves)."""
    seen, stack, found = set(), [root], []
    while stack:
        value = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        found.append(value)
        if isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, (list, tuple, set, frozenset, range)) and not isinstance(value, str):
            stack += list(value)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            stack += list(vars(value).values())
    return found


def test_the_list_rules_keep_small_keys_not_records():
    """Each list rule, fed a list, holds strings, numbers and arrays -- no `Entry`, no `Reference` --
    and under a kilobyte per reference (a record with its offsets is over 10 KB; the allocator's free lists
    make the count of the few bytes a rule does keep noisy)."""
    entries = _from_text(_bullet_list(RAWS * 3), "list.txt").entries
    first = len(entries) // 3
    for rule_class in dict.fromkeys(LIST_RULES.values()):
        rule = rule_class()
        gc.collect()
        tracemalloc.start()
        for entry in entries[:first]:   # what is loaded on first use (tables, caches) is not counted
            list(rule.add(entry))
        before, _ = tracemalloc.get_traced_memory()
        for entry in entries[first:]:
            list(rule.add(entry))
        kept = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        held = {type(value).__name__ for value in _reachable(rule)}
        assert not held & {"Entry", "Reference", "Person", "Span", "Diagnostic"}, (rule_class.__name__, held)
        assert held <= {rule_class.__name__, "dict", "list", "tuple", "range", "str", "int", "bool", "NoneType",
                        "array", "Counter"}, (rule_class.__name__, held)
        assert kept / (len(entries) - first) < 1024, (rule_class.__name__, kept / (len(entries) - first))
        list(rule.finish())
