"""The accessibility statement's data, written from runs through the database sink."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from audit.core.enums import (
    DismissalReason,
    Engine,
    Impact,
    Level,
    Outcome,
    PageStatus,
    RunStatus,
    RunTrigger,
)
from audit.results import FindingResult, PageAudit
from audit.results.sinks import RunInfo, RunSummary
from audit.storage.dismissals import dismiss
from audit.storage.models import AuditRun, StatementSnapshot, TrackedFinding
from audit.storage.sink import DatabaseSink
from audit.storage.statement import (
    Compliance,
    StatementData,
    build_statement,
    latest_full_run,
    latest_statement,
)
from tests.factories import ServicePageFactory


def violation(
    fingerprint: str, wcag: tuple[str, ...] = ("1.1.1",), **fields: object
) -> FindingResult:
    values: dict[str, object] = {
        "rule": "image-alt",
        "engine": Engine.AXE,
        "outcome": Outcome.VIOLATION,
        "impact": Impact.CRITICAL,
        "wcag": wcag,
        "level": Level.A,
        "selector": f"img.{fingerprint}",
        "html": f'<img class="{fingerprint}">',
        "message": "Images must have alternative text",
        "help_url": "",
        "fingerprint": fingerprint,
    }
    values.update(fields)
    return FindingResult(**values)  # type: ignore[arg-type]


def audited(page: Page, *findings: FindingResult) -> PageAudit:
    return PageAudit(
        url=f"http://localhost{page.url_path}",
        status=PageStatus.OK,
        http_status=200,
        findings=list(findings),
        page_id=page.pk,
    )


def run(*pages: PageAudit, trigger: RunTrigger = RunTrigger.NIGHTLY) -> AuditRun:
    """A run through the database sink, as the runner drives it."""
    audit_run = AuditRun.objects.create(trigger=trigger)
    sink = DatabaseSink(audit_run)
    now = timezone.now()
    sink.begin(
        RunInfo(
            started_at=now,
            axe_version="4.10.2",
            total=len(pages),
            configuration={"engine_versions": {"axe": "4.10.2", "ibm": "4.0.34"}},
        )
    )
    for page in pages:
        sink.page(page)
    sink.end(RunSummary(now, now + datetime.timedelta(seconds=1), "4.10.2", list(pages)))
    audit_run.refresh_from_db()
    return audit_run


@pytest.fixture
def pages(home_page: Page) -> list[Page]:
    return [ServicePageFactory(parent=home_page, title=f"Service {n}") for n in range(4)]


@pytest.mark.django_db
def test_no_full_run_means_untested(pages: list[Page]) -> None:
    run(audited(pages[0], violation("a")), trigger=RunTrigger.PUBLISH)
    assert latest_full_run() is None
    assert build_statement().compliance == Compliance.UNTESTED
    snapshot_id, statement = latest_statement()
    assert snapshot_id is None
    assert statement.compliance == Compliance.UNTESTED


@pytest.mark.django_db
def test_no_violation_is_fully_compliant_and_advice_never_counts(pages: list[Page]) -> None:
    advice = violation("adv", wcag=("1.4.8",), outcome=Outcome.ADVICE, level=Level.AAA)
    review = violation("rev", wcag=("1.4.3",), outcome=Outcome.NEEDS_REVIEW, level=Level.AA)
    plain = violation("plain", wcag=(), outcome=Outcome.ADVICE, level=Level.PLAIN_ENGLISH)
    run(audited(pages[0], advice, review, plain), *(audited(page) for page in pages[1:]))
    statement = build_statement()
    assert statement.compliance == Compliance.FULLY
    assert statement.failures == ()
    assert statement.pages_tested == 4


@pytest.mark.django_db
def test_some_failures_are_partially_compliant_with_criteria_pages_and_dates(
    pages: list[Page],
) -> None:
    first = run(audited(pages[0], violation("a")), *(audited(page) for page in pages[1:]))
    second = run(
        audited(pages[0], violation("a")),
        audited(pages[1], violation("b", wcag=("1.4.3",), level=Level.AA)),
        *(audited(page) for page in pages[2:]),
    )
    statement = build_statement()
    assert statement.compliance == Compliance.PARTIALLY
    assert statement.run_id == second.pk
    assert [(p.criterion, p.name, p.pages) for p in statement.failures] == [
        ("1.1.1", "Non-text content", 1),
        ("1.4.3", "Contrast (minimum)", 1),
    ]
    assert statement.failures[0].first_seen == timezone.localdate(first.started_at)
    assert "text alternative" in statement.failures[0].description
    assert statement.method == (
        "an automated audit of 4 pages with axe-core 4.10.2, IBM Equal Access 4.0.34 "
        "and Clearway\u2019s checks"
    )


@pytest.mark.django_db
def test_a_criterion_failing_on_most_pages_is_not_compliant(pages: list[Page]) -> None:
    run(
        *(audited(page, violation(f"skip-{page.pk}", wcag=("2.4.1",))) for page in pages[:3]),
        audited(pages[3]),
    )
    statement = build_statement()
    assert statement.compliance == Compliance.NOT
    assert statement.failures[0].pages == 3


@pytest.mark.django_db
def test_a_fixed_finding_leaves_after_the_run_that_sees_it_fixed(pages: list[Page]) -> None:
    run(audited(pages[0], violation("a")))
    assert [p.criterion for p in build_statement().failures] == ["1.1.1"]
    # A run on publish sees it fixed, but the statement keeps its test figures from full runs.
    run(audited(pages[0]))
    assert build_statement().failures == ()
    assert build_statement().compliance == Compliance.FULLY


@pytest.mark.django_db
def test_dismissed_findings_appear_only_under_their_reason(pages: list[Page]) -> None:
    run(
        audited(pages[0], violation("burden", wcag=("1.2.2",))),
        audited(pages[1], violation("scope", wcag=("1.3.1",))),
        audited(pages[2], violation("false", wcag=("2.4.4",))),
        audited(pages[3], violation("accepted", wcag=("4.1.2",))),
    )
    for fingerprint, reason in (
        ("burden", DismissalReason.DISPROPORTIONATE_BURDEN),
        ("scope", DismissalReason.OUTSIDE_SCOPE),
        ("false", DismissalReason.FALSE_POSITIVE),
        ("accepted", DismissalReason.ACCEPTED),
    ):
        dismiss(
            TrackedFinding.objects.get(fingerprint=fingerprint),
            user=None,
            reason=reason,
            note="Decided by the web team.",
        )
    # The next run keeps them dismissed.
    run(
        audited(pages[0], violation("burden", wcag=("1.2.2",))),
        audited(pages[1], violation("scope", wcag=("1.3.1",))),
        audited(pages[2], violation("false", wcag=("2.4.4",))),
        audited(pages[3], violation("accepted", wcag=("4.1.2",))),
    )
    statement = build_statement()
    assert [p.criterion for p in statement.disproportionate_burden] == ["1.2.2"]
    assert [p.criterion for p in statement.outside_scope] == ["1.3.1"]
    # A false positive is left out; an accepted problem is still a failure.
    assert [p.criterion for p in statement.failures] == ["4.1.2"]


@pytest.mark.django_db
def test_private_and_unpublished_pages_are_never_counted(pages: list[Page]) -> None:
    restricted, draft = pages[0], pages[1]
    run(
        audited(restricted, violation("r", wcag=("1.4.3",), level=Level.AA)),
        audited(draft, violation("d", wcag=("2.4.2",))),
        audited(pages[2], violation("public")),
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    draft.unpublish()
    statement = build_statement()
    assert [(p.criterion, p.pages) for p in statement.failures] == [("1.1.1", 1)]
    text = str(statement.as_json())
    for page in (restricted, draft):
        assert page.title not in text


@pytest.mark.django_db
def test_findings_on_documents_without_a_page_count_generically(pages: list[Page]) -> None:
    document = PageAudit(
        url="http://localhost/documents/12/budget.pdf",
        status=PageStatus.OK,
        findings=[violation("pdf", wcag=("1.3.1",), rule="clearway-pdf-untagged")],
    )
    run(audited(pages[0]), document)
    assert [(p.criterion, p.pages) for p in build_statement().failures] == [("1.3.1", 1)]


@pytest.mark.django_db
def test_a_snapshot_is_stored_when_a_full_run_finishes_and_not_otherwise(
    pages: list[Page],
) -> None:
    run(audited(pages[0], violation("a")), trigger=RunTrigger.PUBLISH)
    run(audited(pages[0], violation("a")), trigger=RunTrigger.CLI)
    assert not StatementSnapshot.objects.exists()
    nightly = run(audited(pages[0], violation("a")), *(audited(page) for page in pages[1:]))
    snapshot = StatementSnapshot.objects.get()
    assert snapshot.run == nightly
    data = StatementData.from_json(snapshot.data)
    assert data.compliance == Compliance.PARTIALLY
    assert data.as_json() == snapshot.data
    assert latest_statement() == (snapshot.pk, data)
    manual = run(*(audited(page) for page in pages), trigger=RunTrigger.MANUAL)
    assert StatementSnapshot.objects.count() == 2
    assert latest_statement()[1].compliance == Compliance.FULLY
    assert latest_statement()[1].run_id == manual.pk


@pytest.mark.django_db
def test_a_failing_snapshot_never_fails_the_run(
    pages: list[Page], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(run: AuditRun) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("audit.storage.statement.build_statement", broken)
    finished = run(audited(pages[0]))
    assert finished.status == RunStatus.FINISHED
    assert not StatementSnapshot.objects.exists()
