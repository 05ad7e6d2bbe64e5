"""Starting, running and resuming stored audit runs. Tasks and the `audit` command call these."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .conf import AuditSettings, audit_settings
from .discovery import explicit_targets, wagtail_targets
from .enums import PageStatus, RunStatus, RunTrigger
from .models import AuditRun
from .results import AuditTarget, PageAudit
from .runner import AuditRunner
from .sinks import Sink, SinkGroup
from .sinks.database import DatabaseSink

logger = logging.getLogger(__name__)


def create_run(
    trigger: RunTrigger,
    *,
    urls: Iterable[str] = (),
    page_ids: Iterable[int] = (),
    night: datetime.date | None = None,
) -> AuditRun:
    """A queued run. With neither URLs nor pages it audits every live page of every site.

    Raises IntegrityError when ``night`` already has a run.
    """
    with transaction.atomic():
        return AuditRun.objects.create(
            trigger=trigger,
            night=night,
            configuration={"urls": list(urls), "page_ids": list(page_ids)},
        )


def plan(run: AuditRun, config: AuditSettings) -> tuple[list[AuditTarget], list[PageAudit]]:
    """What the run audits, and what it records as skipped without a browser."""
    urls = run.configuration.get("urls") or []
    page_ids = run.configuration.get("page_ids") or []
    if urls:
        return explicit_targets(urls, config), []
    pages = Page.objects.filter(pk__in=page_ids) if page_ids else None
    discovered = wagtail_targets(pages=pages, config=config)
    skipped = [
        PageAudit(url=url, status=PageStatus.SKIPPED, error=reason, page_id=page_id)
        for url, page_id, reason in discovered.skipped
    ]
    return discovered.targets, skipped


def execute_run(
    run_id: int, *, extra_sinks: Iterable[Sink] = (), workers: int | None = None
) -> AuditRun:
    """Run (or resume) a stored run to the end. Pages it already recorded are not audited again,
    so calling this twice, or after a killed worker, audits every page exactly once."""
    with transaction.atomic():
        run = AuditRun.objects.select_for_update().get(pk=run_id)
        if run.status in {RunStatus.FINISHED, RunStatus.FAILED}:
            return run
        run.status = RunStatus.RUNNING
        run.started_at = run.started_at or timezone.now()
        run.heartbeat_at = timezone.now()
        run.save(update_fields=["status", "started_at", "heartbeat_at"])

    config = audit_settings().with_overrides(WORKERS=workers)
    store = DatabaseSink(run)
    try:
        targets, skipped = plan(run, config)
        done = set(run.page_results.values_list("url", flat=True))
        for page in skipped:
            if page.url not in done:
                store.page(page)
        remaining = [target for target in targets if target.url not in done]
        AuditRunner(config).run(remaining, SinkGroup(store, *extra_sinks))
    except Exception as error:
        logger.exception("Audit run %s failed", run.pk)
        AuditRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    run.refresh_from_db()
    return run


def resume_stalled(older_than_seconds: float) -> list[int]:
    """Mark runs whose worker died as interrupted and return their ids for resuming."""
    since = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    stalled = list(AuditRun.objects.stalled(since).values_list("pk", flat=True))
    AuditRun.objects.filter(pk__in=stalled, status=RunStatus.RUNNING).update(
        status=RunStatus.INTERRUPTED
    )
    return stalled
