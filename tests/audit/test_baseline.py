"""Baselines (new, still present, fixed) and the exit status CI sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.core.enums import Impact, Outcome, PageStatus
from audit.reports import ToolInfo, json_report
from audit.reports.baseline import (
    BaselineComparison,
    BaselineError,
    LocatedFinding,
    compare,
    counting_violations,
    exit_status,
    load_baseline,
    parse_fail_on,
)
from tests.audit.report_factories import finding, mixed_summary, page, summary

BINS = "http://localhost/bins/"
TAX = "http://localhost/council-tax/"
TOOL = ToolInfo(version="1.2.3")


def _fingerprints(entries: list[LocatedFinding]) -> set[str]:
    return {entry.finding.fingerprint for entry in entries}


def test_new_still_present_and_fixed() -> None:
    kept = finding(url=BINS)
    gone = finding("link-name", url=BINS, selector="a.icon")
    added = finding("color-contrast", url=BINS, selector="a.button")
    baseline = summary(page(BINS, kept, gone))
    run = summary(page(BINS, kept, added))

    comparison = compare(run, baseline)

    assert _fingerprints(comparison.new) == {added.fingerprint}
    assert _fingerprints(comparison.still_present) == {kept.fingerprint}
    assert _fingerprints(comparison.fixed) == {gone.fingerprint}
    assert comparison.unverified == []
    assert comparison.counts_text() == "1 new, 1 still present, 1 fixed"
    assert comparison.is_new(added)
    assert not comparison.is_new(kept)
    assert comparison.new[0].url == BINS


def test_a_page_not_audited_this_time_fixes_nothing() -> None:
    on_broken = finding(url=TAX)
    on_missing = finding(url="http://localhost/gone/")
    baseline = summary(page(TAX, on_broken), page("http://localhost/gone/", on_missing))
    run = summary(page(TAX, status=PageStatus.ERROR, http_status=500, error="HTTP 500"))

    comparison = compare(run, baseline)

    assert comparison.fixed == []
    assert _fingerprints(comparison.unverified) == {on_broken.fingerprint, on_missing.fingerprint}
    assert comparison.counts_text() == "0 new, 0 still present, 0 fixed"


def test_needs_review_findings_are_not_compared() -> None:
    review = finding(outcome=Outcome.NEEDS_REVIEW, url=BINS)
    comparison = compare(summary(page(BINS, review)), summary(page(BINS)))
    assert comparison == BaselineComparison()


def test_a_needs_review_finding_that_becomes_a_violation_is_new() -> None:
    """Keyed by fingerprint *and* outcome: the same element, now a definite violation."""
    review = finding(outcome=Outcome.NEEDS_REVIEW, url=BINS)
    violation = finding(url=BINS)
    assert review.fingerprint == violation.fingerprint

    comparison = compare(summary(page(BINS, violation)), summary(page(BINS, review)))

    assert _fingerprints(comparison.new) == {violation.fingerprint}


def test_the_same_finding_on_a_moved_page_is_still_present() -> None:
    """Fingerprints of Wagtail pages use the page id, so a new URL changes nothing."""
    moved = finding(url=BINS, fingerprint="page-7-image-alt")
    comparison = compare(
        summary(page("http://localhost/waste/bins/", moved)), summary(page(BINS, moved))
    )
    assert comparison.new == []
    assert len(comparison.still_present) == 1


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [
        (None, 0),
        (Impact.CRITICAL, 1),
        (Impact.SERIOUS, 1),
        (Impact.MODERATE, 1),
        (Impact.MINOR, 1),
    ],
)
def test_exit_status_with_every_threshold(fail_on: Impact | None, expected: int) -> None:
    assert exit_status(mixed_summary(), fail_on) == expected


@pytest.mark.parametrize(
    ("impact", "fail_on", "expected"),
    [
        (Impact.MODERATE, Impact.SERIOUS, 0),
        (Impact.SERIOUS, Impact.SERIOUS, 1),
        (Impact.CRITICAL, Impact.SERIOUS, 1),
        (Impact.MINOR, Impact.MODERATE, 0),
        (Impact.MINOR, Impact.MINOR, 1),
        (Impact.CRITICAL, None, 0),
    ],
)
def test_exit_status_at_or_above_the_threshold(
    impact: Impact, fail_on: Impact | None, expected: int
) -> None:
    run = summary(page(BINS, finding(url=BINS, impact=impact)))
    assert exit_status(run, fail_on) == expected


def test_needs_review_and_page_errors_never_fail_the_run() -> None:
    run = summary(
        page(BINS, finding(url=BINS, outcome=Outcome.NEEDS_REVIEW)),
        page(TAX, status=PageStatus.ERROR, error="HTTP 500"),
    )
    assert exit_status(run, Impact.MINOR) == 0
    assert exit_status(summary(), Impact.MINOR) == 0


def test_only_new_violations_count_against_a_baseline() -> None:
    old = finding(url=BINS, impact=Impact.CRITICAL)
    new_minor = finding("link-name", url=BINS, selector="a.icon", impact=Impact.MINOR)
    baseline = summary(page(BINS, old))
    run = summary(page(BINS, old, new_minor))

    assert exit_status(run, Impact.SERIOUS) == 1
    assert exit_status(run, Impact.SERIOUS, baseline) == 0
    assert exit_status(run, Impact.MINOR, baseline) == 1
    assert exit_status(run, Impact.MINOR, compare(run, baseline)) == 1
    assert counting_violations(run, baseline) == [new_minor]
    assert counting_violations(run) == [old, new_minor]


def test_a_baseline_is_read_from_a_json_report(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json_report.render(mixed_summary(), TOOL), encoding="utf-8")

    baseline = load_baseline(path)

    assert exit_status(mixed_summary(), Impact.MINOR, baseline) == 0
    assert compare(mixed_summary(), baseline).counts_text() == "0 new, 4 still present, 0 fixed"


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        (None, "cannot be read"),
        ("<testsuites/>", "cannot be used. This is not a JSON report"),
        ('{"schema": "pa11y"}', "cannot be used. This is not a Clearway JSON report"),
    ],
)
def test_an_unusable_baseline_is_a_clear_error(
    tmp_path: Path, content: str | None, complaint: str
) -> None:
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=complaint):
        load_baseline(path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("none", None), ("serious", Impact.SERIOUS), (" Critical ", Impact.CRITICAL)],
)
def test_parse_fail_on(value: str, expected: Impact | None) -> None:
    assert parse_fail_on(value) == expected


def test_parse_fail_on_refuses_other_values() -> None:
    with pytest.raises(ValueError, match="none, minor, moderate, serious, critical"):
        parse_fail_on("high")
