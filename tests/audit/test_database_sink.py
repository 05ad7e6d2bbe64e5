"""The database sink: every page once per run, and each finding's life across runs."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from audit.core.enums import Engine, FindingStatus, Impact, Level, Outcome, PageStatus, RunTrigger
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunInfo, RunSummary
from audit.storage.models import AuditRun, Finding, PageResult, TrackedFinding
from audit.storage.sink import DatabaseSink, StoredResults

URL = "http://localhost/bins/"


def finding(fingerprint: str, outcome: Outcome = Outcome.VIOLATION) -> FindingResult:
    return FindingResult(
        rule="image-alt",
        engine=Engine.AXE,
        outcome=outcome,
        impact=Impact.CRITICAL,
        wcag=("1.1.1",),
        level=Level.A,
        selector="img",
        html="<img src=x>",
        message="Images must have alternate text",
        help_url="https://dequeuniversity.com/rules/axe/4.14/image-alt",
        fingerprint=fingerprint,
    )


def audit_run(*pages: PageAudit, run: AuditRun | None = None) -> AuditRun:
    run = run or AuditRun.objects.create(trigger=RunTrigger.CLI)
    sink = DatabaseSink(run)
    now = timezone.now()
    sink.begin(RunInfo(started_at=now, axe_version="4.14.1", total=len(pages)))
    for page in pages:
        sink.page(page)
    sink.end(RunSummary(now, now + datetime.timedelta(seconds=1), "4.14.1", list(pages)))
    run.refresh_from_db()
    return run


def page(*findings: FindingResult, status: PageStatus = PageStatus.OK) -> PageAudit:
    return PageAudit(url=URL, status=status, http_status=200, findings=list(findings))


def statuses() -> dict[str, str]:
    return dict(TrackedFinding.objects.values_list("fingerprint", "status"))


@pytest.mark.django_db
def test_a_finding_is_opened_fixed_and_regressed_across_runs() -> None:
    audit_run(page(finding("a"), finding("b")))
    assert statuses() == {"a": FindingStatus.OPEN, "b": FindingStatus.OPEN}

    second = audit_run(page(finding("a")))
    assert statuses() == {"a": FindingStatus.OPEN, "b": FindingStatus.FIXED}
    assert TrackedFinding.objects.get(fingerprint="b").fixed_in == second

    third = audit_run(page(finding("a"), finding("b")))
    assert statuses() == {"a": FindingStatus.OPEN, "b": FindingStatus.REGRESSED}
    regressed = TrackedFinding.objects.get(fingerprint="b")
    assert regressed.fixed_in is None
    assert regressed.last_seen == third
    assert regressed.first_seen.pk < third.pk


@pytest.mark.django_db
def test_a_page_that_failed_to_load_fixes_nothing() -> None:
    audit_run(page(finding("a")))
    audit_run(page(status=PageStatus.ERROR))
    assert statuses() == {"a": FindingStatus.OPEN}


@pytest.mark.django_db
def test_history_is_kept_for_every_run() -> None:
    first = audit_run(page(finding("a"), finding("b")))
    second = audit_run(page(finding("a")))
    assert Finding.objects.filter(run=first).count() == 2
    assert Finding.objects.filter(run=second).count() == 1


@pytest.mark.django_db
def test_run_counters_and_status() -> None:
    run = audit_run(
        page(finding("a"), finding("c", Outcome.NEEDS_REVIEW)),
        PageAudit(url="http://localhost/gone/", status=PageStatus.ERROR, http_status=500),
    )
    assert run.status == "finished"
    assert (run.pages_total, run.pages_done, run.pages_failed) == (2, 2, 1)
    assert (run.violations, run.needs_review) == (1, 1)
    assert run.axe_version == "4.14.1"


@pytest.mark.django_db
def test_a_resumed_run_stores_each_page_once() -> None:
    run = audit_run(page(finding("a")))
    # The interrupted attempt stored the page; resuming meets it again.
    audit_run(page(finding("a")), run=run)
    assert PageResult.objects.filter(run=run).count() == 1
    assert Finding.objects.filter(run=run).count() == 1
    run.refresh_from_db()
    assert run.pages_done == 1


@pytest.mark.django_db
def test_long_texts_are_cut_to_their_columns() -> None:
    long = dataclasses.replace(
        finding("a"),
        help="h" * 400,
        help_url="https://example.com/" + "u" * 600,
        region="r" * 150,
        block_id="b" * 80,
    )
    audit_run(page(long))
    stored = Finding.objects.get()
    assert (len(stored.help), len(stored.help_url), len(stored.region), len(stored.block_id)) == (
        300,
        500,
        100,
        64,
    )
    assert stored.help_url.startswith("https://example.com/uuu")


@pytest.mark.django_db
def test_stored_results_are_found_by_url_wagtail_page_and_content() -> None:
    root = Page.objects.get(depth=1)
    other = URL + "other/"
    audit_run(
        PageAudit(URL, PageStatus.OK, findings=[finding("a")], content_fingerprint="c1"),
        PageAudit(
            other, PageStatus.OK, findings=[finding("b")], page_id=root.pk, content_fingerprint="c2"
        ),
    )
    stored = StoredResults()

    def fingerprints(target: AuditTarget, content: str) -> list[str] | None:
        found = stored.find(target, content)
        return None if found is None else [result.fingerprint for result in found]

    assert fingerprints(AuditTarget(URL), "c1") == ["a"]
    assert fingerprints(AuditTarget(other, page_id=root.pk), "c2") == ["b"]
    # A URL without a page matches only rows without one, and the other way round.
    assert fingerprints(AuditTarget(URL, page_id=root.pk), "c1") is None
    assert fingerprints(AuditTarget(other), "c2") is None
    assert fingerprints(AuditTarget(URL), "c2") is None


@pytest.mark.django_db
def test_advice_is_counted_apart_from_violations_and_needs_review() -> None:
    run = audit_run(
        page(finding("a"), finding("c", Outcome.NEEDS_REVIEW), finding("d", Outcome.ADVICE))
    )
    assert (run.violations, run.needs_review, run.advice) == (1, 1, 1)


@pytest.mark.django_db
def test_a_violation_that_becomes_advice_keeps_its_history() -> None:
    """A re-classified rule: the same problem, not "fixed" and "new"."""
    first = audit_run(page(finding("a"), finding("b")))
    second = audit_run(page(finding("a", Outcome.ADVICE), finding("b")))

    assert (second.findings_new, second.findings_fixed, second.findings_regressed) == (0, 0, 0)
    tracked = TrackedFinding.objects.get(fingerprint="a")
    assert (tracked.outcome, tracked.status) == (Outcome.ADVICE, FindingStatus.OPEN)
    assert (tracked.first_seen, tracked.last_seen) == (first, second)
    assert tracked.latest is not None and tracked.latest.outcome == Outcome.ADVICE
    assert TrackedFinding.objects.count() == 2

    # And from then on it lives as advice: gone, it is fixed.
    third = audit_run(page(finding("b")))
    assert third.findings_fixed == 1
    assert statuses() == {"a": FindingStatus.FIXED, "b": FindingStatus.OPEN}


@pytest.mark.django_db
def test_a_fixed_violation_that_comes_back_as_advice_has_regressed() -> None:
    audit_run(page(finding("a")))
    audit_run(page())
    back = audit_run(page(finding("a", Outcome.ADVICE)))

    assert (back.findings_new, back.findings_regressed) == (0, 1)
    tracked = TrackedFinding.objects.get()
    assert (tracked.outcome, tracked.status) == (Outcome.ADVICE, FindingStatus.REGRESSED)


@pytest.mark.django_db
def test_one_element_with_two_outcomes_is_two_findings() -> None:
    """Re-classifying never takes a row another outcome of the same fingerprint still uses."""
    audit_run(page(finding("a"), finding("a", Outcome.NEEDS_REVIEW)))
    second = audit_run(page(finding("a"), finding("a", Outcome.ADVICE)))

    rows = dict(TrackedFinding.objects.values_list("outcome", "status"))
    assert rows == {Outcome.VIOLATION: FindingStatus.OPEN, Outcome.ADVICE: FindingStatus.OPEN}
    assert (second.findings_new, second.findings_fixed) == (0, 0)
