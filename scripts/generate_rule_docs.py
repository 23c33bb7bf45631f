"""Write docs/rules/<code>.md, one page per rule of `polybib check`, and docs/rules/index.md, from the rule
table (src/polybib/data/check/rules.json) and what the checker says on each rule's own examples.
tests/test_check_rules.py checks the pages are current: run this after changing a rule or the parser."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
_FOUND_BY = {"parser": "the parser, while it reads the reference", "reader": "the reader, while it reads the file"}


def rule_pages() -> dict[str, str]:
    """The text of every page, by file name."""
    import polybib
    from polybib._check import all_rules
    from polybib._check._output import render_human

    pages: dict[str, str] = {}
    rows = ["# Rules of `polybib check`", "",
            "Generated from `src/polybib/data/check/rules.json` by `scripts/generate_rule_docs.py`; "
            "do not edit by hand.", "",
            "Select rules with `--select` / `--ignore` by code, by category, or `ALL`; a category brings "
            "the rules that are on by default, a code brings its rule even when it is off by default.", "",
            "| code | category | severity | fixable | on by default | what |",
            "|---|---|---|---|---|---|"]
    for code, rule in all_rules().items():
        rows.append(f"| [{code}]({code}.md) | {rule.category} | {rule.severity.value} | "
                    f"{'yes' if rule.fixable else 'no'} | {'yes' if rule.enabled else 'no'} | {rule.message} |")
        fired = render_human(polybib.check(rule.fires, select=[code]), color=False)
        passed = render_human(polybib.check(rule.passes, select=[code]), color=False)
        pages[f"{code}.md"] = "\n".join([
            f"# {code}", "",
            f"{rule.message[0].upper()}{rule.message[1:]}.", "",
            f"- category: {rule.category}",
            f"- default severity: {rule.severity.value}",
            f"- on by default: {'yes' if rule.enabled else 'no (select it with --select ' + code + ')'}",
            f"- fixable with `--fix`: {'yes' if rule.fixable else 'no'}",
            f"- found by: {_FOUND_BY.get(rule.origin, 'the checker')}",
            f"- source: {rule.clause}", "",
            rule.description, "",
            "## Example", "",
            "```text", rule.fires, "```", "",
            f"`polybib check --select {code}` says:", "",
            "```text", fired, "```", "",
            "## Written correctly", "",
            "```text", rule.passes, "```", "",
            "```text", passed, "```", "",
        ])
    pages["index.md"] = "\n".join(rows) + "\n"
    return pages


def main() -> None:
    from polybib._export import write_atomic

    DOCS.mkdir(parents=True, exist_ok=True)
    pages = rule_pages()
    for stale in DOCS.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        write_atomic(DOCS / name, text)
    print(f"wrote {len(pages)} pages to {DOCS}")


if __name__ == "__main__":
    main()
