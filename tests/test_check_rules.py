"""Every rule of `polybib check` fires on its own real example and stays silent on its correct one;
the rule and requirements tables validate; the documentation pages are current."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from datetime import date

import pytest

import polybib
import polybib._check
from polybib import CheckError, Reference, Severity
from polybib._check import all_rules, implemented_codes, selected_codes
from polybib._check._collation import collation_key
from polybib._check._list_rules import skeleton
from polybib._check._record_rules import ELEMENTS, implausible_year
from polybib._check._rules import load_check_table, profiles

from .conftest import ROOT, load_script

RULES = all_rules()


@pytest.mark.parametrize("code", list(RULES))
def test_rule_fires_on_its_example(code):
    assert code in polybib.check(RULES[code].fires, select=[code]).codes


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_silent_on_the_correct_form(code):
    assert code not in polybib.check(RULES[code].passes, select=[code]).codes


@pytest.mark.parametrize("code", [c for c, r in RULES.items() if r.fixable])
def test_fixable_rule_offers_a_fix_and_the_fix_removes_the_finding(code):
    from polybib._check._fix import fix_text

    result = fix_text(RULES[code].fires, codes={code})
    assert result.applied and not result.refused, code
    assert code not in result.after.codes


def test_every_rule_the_checker_owns_is_implemented_and_every_implementation_declared():
    own = {c for c, r in RULES.items() if r.origin == "check"}
    assert own == implemented_codes()


def test_parser_rules_are_codes_the_parser_raises():
    parser_source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "polybib").glob("_*.py"))
    for code, rule in RULES.items():
        if rule.origin == "parser":
            assert f'"{code}"' in parser_source, code


def test_rule_table_says_where_it_comes_from():
    table = load_check_table("rules")
    assert table["source"].strip() and table["description"].strip()
    assert all(r.clause and r.description and not r.message.endswith(".") for r in RULES.values())


def test_requirement_elements_all_have_a_getter():
    assert set(load_check_table("requirements")["elements"]) == set(ELEMENTS)


@pytest.mark.parametrize("sample", load_check_table("requirements")["samples"], ids=lambda s: s[0][:30] + s[1])
def test_requirements_samples(sample):
    text, style, required, recommended = sample
    report = polybib.check(text, style=style, select=["missing-element", "missing-recommended"])
    from polybib._check._rules import element_description

    assert sorted(f.message for f in report if f.code == "missing-element") == \
        sorted(f"{polybib.parse_reference(text).entry_type} lacks {element_description(e)}" for e in required)
    assert len([f for f in report if f.code == "missing-recommended"]) == len(recommended)


def test_every_profile_covers_every_type_through_its_default():
    assert all("*" in types for types in profiles().values())


def test_selection_by_code_category_and_all():
    assert selected_codes(["punctuation"]) == {c for c, r in RULES.items() if r.category == "punctuation" and r.enabled}
    assert "colon-spacing" not in selected_codes() and "colon-spacing" in selected_codes(["colon-spacing"])
    assert selected_codes(["ALL"]) == set(RULES)
    assert "isbn-10" not in selected_codes(ignore=["identifiers"])
    with pytest.raises(CheckError, match="unknown rule"):
        selected_codes(["no-such-rule"])
    with pytest.raises(CheckError, match="unknown style"):
        polybib.check("Title. – М., 2019. – 5 с.", style="chicago")


def test_a_year_before_printing_is_found_on_records():
    ref = Reference(title="Kitabi-Dədə Qorqud", year="1300", raw="Kitabi-Dədə Qorqud. 1300.")
    assert [h.message for h in implausible_year(ref, ref.raw, style=None)] == \
        ["the year 1300 is before printing began"]


def test_the_future_is_relative_to_today():
    ref = polybib.parse_reference("Азербайджанская Республика в Содружестве Независимых Государств. - Баку : Nurol, 2027. - 287 с.")
    assert list(implausible_year(ref, ref.raw, style=None, today=date(2026, 1, 1)))
    assert not list(implausible_year(ref, ref.raw, style=None, today=date(2027, 1, 1)))


def test_each_year_of_a_range_is_checked_and_the_range_is_a_well_formed_year():
    ref = polybib.parse_reference("Azərbaycan Sovet Ensiklopediyası. 10 cilddə. Bakı: Elm, 1976-2087.")
    hits = list(implausible_year(ref, ref.raw, style=None, today=date(2026, 1, 1)))
    assert [(h.message, ref.raw[h.start:h.end]) for h in hits] == [("the year 2087 is in the future", "2087")]
    assert "year-format" not in polybib.check(ref.raw, select=["year-format"]).codes


def test_records_without_their_text_are_checked_too():
    refs = [polybib.parse_reference("Kalankatuklu Moisey. Albaniya tarixi. -Bakı, «Elm», 1993.", line=4)]
    report = polybib.check(refs)
    assert {"missing-element", "area-separator-spacing"} <= set(report.codes)
    assert all(f.line == 4 and f.fix is None for f in report)


def test_a_read_list_is_checked_with_columns(seed_list):
    report = polybib.check(polybib.read_list(seed_list))
    assert report.findings[0].location == f"{seed_list}:3:6"


def test_duplicates_across_scripts_and_transliterations():
    assert skeleton("Иволгина") == skeleton("Ivolgina")
    assert skeleton("Шакирзаде") == skeleton("Shakirzade")
    cyrillic = "Иванов И. И. Очерки истории. – М. : Наука, 2019. – 512 с."
    latin = "Ivanov I. I. Ocherki istorii. – M. : Nauka, 2019. – 512 s."
    report = polybib.check(f"1. {cyrillic}\n2. {latin}\n", select=["duplicate-reference"])
    assert [(f.item, f.message) for f in report] == [(2, "this reference repeats item 1 in another script")]
    other_year = latin.replace("2019", "2009")
    assert not polybib.check(f"1. {cyrillic}\n2. {other_year}\n", select=["duplicate-reference"]).findings


def test_collation_groups_the_lists_script_first():
    az = "Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s."
    ru = "Азербайджанская Республика в Содружестве Независимых Государств. - Баку : Nurol, 2001. - 287 с."
    assert not polybib.check(f"1. {az}\n2. {ru}\n", select=["collation-order"]).findings
    assert polybib.check(f"1. {ru}\n2. {az}\n3. {az.replace('Azərbaycan', 'Bakı')}\n",
                         select=["collation-order"]).findings
    assert collation_key("Ёлкин", language="ru", script="Cyrl") < collation_key("Ершов", language="ru", script="Cyrl")


def test_unnumbered_item_between_two_numbers_is_not_renumbered():
    items = ["Əliyev, Həmzə Hüseyn oğlu. Azərbaycan tarixi. - Bakı: Elm, 2005. - 164 s.",
             "Mirabdullayev, Adil Mirabdulla oğlu. Müstəqil Dövlətlər Birliyi. - Bakı : Elm, 2012. - 196 s.",
             "Osmanov, İsaməddin Səyid oğlu. MDB Dövlətlərinin coğrafiyası. - Bakı: BDU, 2004. - 342 s."]
    report = polybib.check(f"1. {items[0]}\n{items[1]}\n2. {items[2]}\n", select=["unnumbered-item"])
    assert [f.code for f in report] == ["unnumbered-item"] and report.findings[0].fix is None


def test_severity_of_findings_comes_from_the_table():
    report = polybib.check(RULES["missing-recommended"].fires, select=["missing-recommended"])
    assert {f.severity for f in report} == {Severity.INFO}


def test_rule_documentation_is_current():
    pages = load_script("generate_rule_docs").rule_pages()
    folder = ROOT / "docs" / "rules"
    assert set(pages) == {p.name for p in folder.glob("*.md")}, "run scripts/generate_rule_docs.py"
    for name, text in pages.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"docs/rules/{name} is stale: " \
            "run scripts/generate_rule_docs.py and review the diff"


CHECK_MODULES = sorted(m.name for m in pkgutil.walk_packages(polybib._check.__path__, "polybib._check."))


@pytest.mark.parametrize("name", CHECK_MODULES)
def test_check_module_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("code", [c for c, r in RULES.items() if not r.fixable])
def test_rule_that_is_not_fixable_offers_no_fix(code):
    assert all(f.fix is None for f in polybib.check(RULES[code].fires, select=[code]))


@pytest.mark.parametrize("suffix", [".bib", ".json"])
def test_lists_kept_as_bib_or_csl_json_are_checked_as_records(suffix):
    source = ROOT / "references" / f"recommended-literature{suffix}"
    report = polybib.check(source)
    assert set(report.codes) == {"collation-order", "initials-spacing", "missing-element", "missing-recommended"}
    part = next(f for f in report if f.code == "missing-element")
    first_line = source.read_text(encoding="utf-8").splitlines()[part.line - 1]
    assert ("@incollection" in first_line) if suffix == ".bib" else ('"id"' in first_line)
    assert all(f.fix is None for f in report)


def test_a_bib_file_that_is_not_bib_is_an_input_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("[{oops", encoding="utf-8")
    with pytest.raises(polybib.InputError, match="not CSL-JSON"):
        polybib.check(path)
