"""Store a run's results and keep each finding's life (open, fixed, regressed) up to date."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..enums import FindingStatus, PageStatus, RunStatus
from ..models import AuditRun, Finding, PageResult, TrackedFinding
from ..results import PageAudit
from .base import RunInfo, RunSummary, Sink


class DatabaseSink(Sink):
    """Writes into an existing :class:`AuditRun`. Safe to resume: a URL already stored for
    the run is left as it is, so every page is recorded exactly once."""

    def __init__(self, run: AuditRun) -> None:
        self.run = run

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
        if PageResult.objects.filter(run=self.run, url=result.url).exists():
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
            )
            stored = Finding.objects.bulk_create(
                [Finding.from_result(page_result, finding) for finding in result.findings]
            )
            if result.status == PageStatus.OK:
                self._track(result, stored)
            AuditRun.objects.filter(pk=self.run.pk).update(
                pages_done=F("pages_done") + 1,
                pages_failed=F("pages_failed")
                + int(result.status in {PageStatus.ERROR, PageStatus.TIMEOUT}),
                violations=F("violations") + len(result.violations),
                needs_review=F("needs_review") + len(result.needs_review),
                heartbeat_at=timezone.now(),
            )

    def end(self, summary: RunSummary) -> None:
        AuditRun.objects.filter(pk=self.run.pk).update(
            status=RunStatus.FINISHED, finished_at=summary.finished_at or timezone.now()
        )
        self.run.refresh_from_db()

    def _track(self, result: PageAudit, stored: list[Finding]) -> None:
        """Update the lifecycle of every finding on this page."""
        on_page = TrackedFinding.objects.filter(
            **({"page_id": result.page_id} if result.page_id is not None else {"url": result.url})
        )
        known = {(t.fingerprint, t.outcome): t for t in on_page.select_for_update()}
        seen: set[tuple[str, str]] = set()
        for finding in stored:
            key = (finding.fingerprint, finding.outcome)
            seen.add(key)
            tracked = known.get(key)
            if tracked is None:
                tracked = TrackedFinding.objects.filter(
                    fingerprint=finding.fingerprint, outcome=finding.outcome
                ).first()
            if tracked is None:
                TrackedFinding.objects.create(
                    fingerprint=finding.fingerprint,
                    outcome=finding.outcome,
                    rule=finding.rule,
                    page_id=finding.page_id,
                    url=finding.url,
                    first_seen=self.run,
                    last_seen=self.run,
                    latest=finding,
                )
                continue
            if tracked.status == FindingStatus.FIXED:
                tracked.status = FindingStatus.REGRESSED
                tracked.fixed_in = None
            tracked.last_seen = self.run
            tracked.latest = finding
            tracked.url = finding.url
            tracked.save(update_fields=["status", "fixed_in", "last_seen", "latest", "url"])
        gone = [
            tracked.pk
            for key, tracked in known.items()
            if key not in seen and tracked.status in {FindingStatus.OPEN, FindingStatus.REGRESSED}
        ]
        TrackedFinding.objects.filter(pk__in=gone).update(
            status=FindingStatus.FIXED, fixed_in=self.run
        )
