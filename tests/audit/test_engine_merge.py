"""Merging the engines' findings (no browser), and the engines in the JSON report."""

from __future__ import annotations

import datetime
import json

from audit.core.enums import Engine, Impact, Level, Outcome, PageStatus
from audit.engine.drivers.base import merge_findings
from audit.reports.json_report import load_json_report, render
from audit.results import FindingResult, PageAudit
from audit.results.sinks import RunSummary


def finding(
    engine: Engine,
    rule: str,
    wcag: tuple[str, ...] = ("1.1.1",),
    path: str = "html > body > img",
    outcome: Outcome = Outcome.VIOLATION,
    impact: Impact = Impact.SERIOUS,
) -> FindingResult:
    return FindingResult(
        rule=rule,
        engine=engine,
        outcome=outcome,
        impact=impact,
        wcag=wcag,
        level=Level.A,
        selector=path,
        html="<img>",
        message="",
        help_url="",
        fingerprint=f"{engine}-{rule}",
        element_path=path,
    )


def test_the_same_element_and_criterion_is_one_finding_the_first_engine_s() -> None:
    axe = finding(Engine.AXE, "image-alt", outcome=Outcome.NEEDS_REVIEW, impact=Impact.CRITICAL)
    ibm = finding(Engine.IBM, "img_alt_valid", wcag=("1.1.1", "4.1.2"))

    (merged,) = merge_findings([axe, ibm])

    assert (merged.rule, merged.engine, merged.fingerprint) == (
        "image-alt",
        Engine.AXE,
        "axe-image-alt",
    )
    assert merged.engine_rules == ((Engine.AXE, "image-alt"), (Engine.IBM, "img_alt_valid"))
    assert merged.engines == (Engine.AXE, Engine.IBM)
    # The stronger outcome and impact, every criterion.
    assert (merged.outcome, merged.impact) == (Outcome.VIOLATION, Impact.CRITICAL)
    assert merged.wcag == ("1.1.1", "4.1.2")


def test_other_elements_criteria_or_the_same_engine_are_not_merged() -> None:
    axe = finding(Engine.AXE, "image-alt")
    findings = [
        axe,
        finding(Engine.IBM, "img_alt_valid", path="html > body > main > img"),
        finding(Engine.IBM, "text_contrast_sufficient", wcag=("1.4.3",)),
        finding(Engine.AXE, "image-redundant-alt"),  # the same engine: two rules, two findings
        finding(Engine.IBM, "img_best_practice", wcag=()),  # best practice: no criterion
        finding(Engine.IBM, "img_alt_valid", path=""),  # no element path: nothing to match
    ]

    assert merge_findings(findings) == findings


def test_a_second_ibm_finding_joins_the_next_axe_finding_only_once() -> None:
    first = finding(Engine.IBM, "img_alt_valid")
    second = finding(Engine.IBM, "img_alt_misuse")
    (merged, separate) = merge_findings([finding(Engine.AXE, "image-alt"), first, second])

    assert merged.engines == (Engine.AXE, Engine.IBM)
    assert separate == second


def test_a_merge_never_makes_two_findings_with_one_fingerprint_and_outcome() -> None:
    violation = finding(Engine.AXE, "label")
    review = finding(Engine.AXE, "label", outcome=Outcome.NEEDS_REVIEW)
    ibm = finding(Engine.IBM, "input_label_exists")

    first, second = merge_findings([review, violation, ibm])

    assert (first.outcome, first.engines) == (Outcome.NEEDS_REVIEW, (Engine.AXE, Engine.IBM))
    assert second == violation


def test_the_json_report_lists_the_engines_and_reads_them_back() -> None:
    moment = datetime.datetime(2026, 12, 4, 6, 0, tzinfo=datetime.UTC)
    (merged,) = merge_findings(
        [finding(Engine.AXE, "image-alt"), finding(Engine.IBM, "img_alt_valid")]
    )
    summary = RunSummary(
        started_at=moment,
        finished_at=moment,
        axe_version="4.14.1",
        engine_versions={"axe": "4.14.1", "ibm": "4.0.34"},
        pages=[PageAudit(url="https://example.org/", status=PageStatus.OK, findings=[merged])],
    )

    loaded = load_json_report(render(summary))

    assert loaded.summary.engine_versions == {"axe": "4.14.1", "ibm": "4.0.34"}
    assert loaded.axe_version == "4.14.1"
    (read,) = loaded.summary.pages[0].findings
    assert read.engine_rules == merged.engine_rules
    assert read.fingerprint == "axe-image-alt"


def test_a_report_from_before_the_second_engine_still_reads() -> None:
    moment = datetime.datetime(2026, 12, 4, 6, 0, tzinfo=datetime.UTC)
    summary = RunSummary(
        started_at=moment,
        finished_at=moment,
        axe_version="4.14.1",
        pages=[
            PageAudit(
                url="https://example.org/",
                status=PageStatus.OK,
                findings=[finding(Engine.AXE, "image-alt")],
            )
        ],
    )
    data = json.loads(render(summary))
    assert data["tool"]["engines"] == {"axe": "4.14.1"}  # axe's alone when nothing says more
    del data["tool"]["engines"]
    del data["pages"][0]["findings"][0]["engines"]

    loaded = load_json_report(json.dumps(data))

    (read,) = loaded.summary.pages[0].findings
    assert read.engine_rules == ((Engine.AXE, "image-alt"),)
    assert loaded.summary.engine_versions == {}
