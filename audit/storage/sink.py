"""Store a run's results and keep each finding's life (open, fixed, regressed) up to date."""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest
from django.utils import timezone

from audit.core.enums import DismissalScope, FindingStatus, PageStatus, RunStatus
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import FAILED_STATUSES, RunInfo, RunSummary, Sink
from audit.storage.models import AuditRun, Dismissal, Finding, PageResult, TrackedFinding
from audit.storage.signals import announce_finished


class RecordedUrls:
    """The URLs a stored run has recorded, asked of the database at each look-up (``url in
    recorded``), so that what another worker stored a moment ago counts: the runner's
    ``skip_documents`` for a run shared by batches."""

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and (
            PageResult.objects.filter(run_id=self.run_id, url=url).exists()
        )


class DatabaseSink(Sink):
    """Writes into an existing :class:`AuditRun`. Safe to resume: a URL already stored for
    the run is left as it is, so every page is recorded exactly once (the run's unique
    ``(run, url)`` stops a second one stored at the same moment by another process: its
    transaction, counters included, is rolled back with an IntegrityError)."""

    def __init__(self, run: AuditRun) -> None:
        self.run = run
        #: What the run has recorded already (read before each page is stored).
        self.recorded: Container[str] = RecordedUrls(run.pk)

    def begin(self, info: RunInfo) -> None:
        AuditRun.objects.filter(pk=self.run.pk).update(
            status=RunStatus.RUNNING,
            started_at=self.run.started_at or info.started_at,
            axe_version=info.axe_version,
            configuration={**self.run.configuration, **info.configuration},
            pages_total=F("pages_done") + info.total,
            heartbeat_at=timezone.now(),
        )

    def page(self, result: PageAudit) -> None:
        if result.url in self.recorded:
            # Stored by an interrupted attempt at this run: keep the first result.
            return
        with transaction.atomic():
            page_result = PageResult.objects.create(
                run=self.run,
                page_id=result.page_id,
                url=result.url,
                status=result.status,
                http_status=result.http_status,
                error=result.error,
                duration=result.duration,
                content_fingerprint=result.content_fingerprint,
                reused=result.reused,
                blocked_requests=result.blocked_requests,
                documents=result.documents,
            )
            stored = Finding.objects.bulk_create(
                [Finding.from_result(page_result, finding) for finding in result.findings]
            )
            changes = self._track(result, stored) if result.status == PageStatus.OK else Changes()
            AuditRun.objects.filter(pk=self.run.pk).update(
                pages_done=F("pages_done") + 1,
                # The linked documents are found as the pages are read: the total grows.
                pages_total=Greatest(F("pages_total"), F("pages_done") + 1),
                pages_failed=F("pages_failed") + int(result.status in FAILED_STATUSES),
                pages_reused=F("pages_reused") + int(result.reused),
                violations=F("violations") + len(result.violations),
                needs_review=F("needs_review") + len(result.needs_review),
                advice=F("advice") + len(result.advice),
                findings_new=F("findings_new") + changes.new,
                findings_regressed=F("findings_regressed") + changes.regressed,
                findings_fixed=F("findings_fixed") + changes.fixed,
                heartbeat_at=timezone.now(),
            )

    def end(self, summary: RunSummary) -> None:
        AuditRun.objects.filter(pk=self.run.pk).update(
            status=RunStatus.FINISHED, finished_at=summary.finished_at
        )
        self.run.refresh_from_db()
        announce_finished(self.run)

    def _track(self, result: PageAudit, stored: list[Finding]) -> Changes:
        """Update the lifecycle of every finding on this page.

        New findings start open, or dismissed when a standing dismissal covers them; a fixed
        finding seen again has regressed (or is dismissed again, while its dismissal stands);
        findings no longer seen are fixed, dismissed ones included (they close). A finding seen
        with another outcome than before (its rule was re-classified, say from violation to
        advice) keeps its history: its outcome is updated, it is neither fixed nor new.
        """
        changes = Changes()
        # A result without a Wagtail page never touches a page's findings, even at its URL:
        # only findings that are themselves without a page can be fixed by it.
        on_page = TrackedFinding.objects.filter(
            **(
                {"page_id": result.page_id}
                if result.page_id is not None
                else {"url": result.url, "page__isnull": True}
            )
        )
        known = {(t.fingerprint, t.outcome): t for t in on_page.select_for_update()}
        dismissed = _standing_dismissals(stored)
        seen: set[tuple[str, str]] = set()
        current = {(finding.fingerprint, finding.outcome) for finding in stored}
        reclassified: set[int] = set()
        for finding in stored:
            key = (finding.fingerprint, finding.outcome)
            seen.add(key)
            covered = (
                finding.fingerprint in dismissed or (finding.rule, finding.target_key) in dismissed
            )
            tracked = known.get(key)
            if tracked is None:
                tracked = TrackedFinding.objects.filter(
                    fingerprint=finding.fingerprint, outcome=finding.outcome
                ).first()
            if tracked is None:
                tracked = _reclassify(finding, known, current, reclassified)
                if tracked is not None:
                    reclassified.add(tracked.pk)
            if tracked is None:
                TrackedFinding.objects.create(
                    fingerprint=finding.fingerprint,
                    outcome=finding.outcome,
                    rule=finding.rule,
                    page_id=finding.page_id,
                    url=finding.url,
                    status=FindingStatus.DISMISSED if covered else FindingStatus.OPEN,
                    first_seen=self.run,
                    last_seen=self.run,
                    latest=finding,
                )
                changes.new += 1
                continue
            if tracked.status == FindingStatus.FIXED:
                tracked.status = FindingStatus.DISMISSED if covered else FindingStatus.REGRESSED
                tracked.fixed_in = None
                changes.regressed += int(not covered)
            tracked.last_seen = self.run
            tracked.latest = finding
            tracked.url = finding.url
            tracked.outcome = finding.outcome
            tracked.save(
                update_fields=["outcome", "status", "fixed_in", "last_seen", "latest", "url"]
            )
        gone = [
            tracked.pk
            for key, tracked in known.items()
            if key not in seen
            and tracked.pk not in reclassified
            and tracked.status != FindingStatus.FIXED
        ]
        changes.fixed = TrackedFinding.objects.filter(pk__in=gone).update(
            status=FindingStatus.FIXED, fixed_in=self.run
        )
        return changes


def _reclassify(
    finding: Finding,
    known: dict[tuple[str, str], TrackedFinding],
    current: set[tuple[str, str]],
    taken: set[int],
) -> TrackedFinding | None:
    """The page's tracked finding with ``finding``'s fingerprint under an outcome the page no
    longer shows, if any (and not already ``taken``): the same problem, re-classified (the
    caller updates its outcome). Looked up among the page's findings, without a query."""
    for (fingerprint, outcome), tracked in known.items():
        if (
            fingerprint == finding.fingerprint
            and (fingerprint, outcome) not in current
            and tracked.pk not in taken
        ):
            return tracked
    return None


@dataclass
class Changes:
    """What one page's results changed in the findings' lifecycle."""

    new: int = 0
    regressed: int = 0
    fixed: int = 0


def _standing_dismissals(findings: list[Finding]) -> set[str | tuple[str, str]]:
    """Fingerprints (page scope) and ``(rule, target_key)`` pairs (site scope) dismissed."""
    if not findings:
        return set()
    active = Dismissal.objects.active().filter(
        Q(scope=DismissalScope.PAGE, fingerprint__in={f.fingerprint for f in findings})
        | Q(scope=DismissalScope.SITE, target_key__in={f.target_key for f in findings})
    )
    covered: set[str | tuple[str, str]] = set()
    for scope, fingerprint, rule, target_key in active.values_list(
        "scope", "fingerprint", "rule", "target_key"
    ):
        covered.add(fingerprint if scope == DismissalScope.PAGE else (rule, target_key))
    return covered


class StoredResults:
    """Earlier results in the database, for reusing those of unchanged pages
    (:class:`audit.engine.reuse.PreviousResults`). Used from the runner's calling thread."""

    def find(self, target: AuditTarget, fingerprint: str) -> Sequence[FindingResult] | None:
        # A URL audited without a Wagtail page matches only earlier rows without one.
        same_page = Q(page__isnull=True) if target.page_id is None else Q(page_id=target.page_id)
        previous = (
            PageResult.objects.filter(
                same_page,
                content_fingerprint=fingerprint,
                url=target.url,
                status=PageStatus.OK,
            )
            .order_by("-pk")
            .first()
        )
        if previous is None:
            return None
        return [finding.to_result() for finding in previous.findings.order_by("pk")]
