"""Starting, running and resuming stored audit runs. Tasks and the `audit` command call these."""

from __future__ import annotations

import datetime
import logging
import os
import socket
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from audit.checks.content import SiteTitles
from audit.core.conf import DEFAULT_TAGS, AuditSettings, audit_settings
from audit.core.enums import PageStatus, RuleSet, RunStatus, RunTrigger
from audit.engine.content_checks import content_checks
from audit.engine.discovery import (
    SkippedTarget,
    allowed_hosts_for,
    explicit_targets,
    wagtail_targets,
)
from audit.engine.exclusions import is_excluded
from audit.engine.preparation import ContentChecks
from audit.engine.runner import AuditRunner
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunSummary, Sink, SinkGroup
from audit.storage.models import AuditRun, AuditSchedule, Finding
from audit.storage.sink import DatabaseSink, StoredResults
from audit.storage.terms import load_terms

logger = logging.getLogger(__name__)


def create_run(
    trigger: RunTrigger,
    *,
    urls: Iterable[str] = (),
    page_ids: Iterable[int] = (),
    skipped: Iterable[list[str]] = (),
    night: datetime.date | None = None,
) -> AuditRun:
    """A queued run. With neither URLs nor pages it audits every live page of every site.

    Raises IntegrityError when ``night`` already has a run.
    """
    with transaction.atomic():
        return AuditRun.objects.create(
            trigger=trigger,
            night=night,
            configuration={
                "urls": list(urls),
                "page_ids": list(page_ids),
                "skipped": [list(item) for item in skipped],
            },
        )


def plan(run: AuditRun, config: AuditSettings) -> tuple[list[AuditTarget], list[PageAudit]]:
    """What the run audits, and what it records as skipped without a browser."""
    urls = run.configuration.get("urls") or []
    page_ids = run.configuration.get("page_ids") or []
    if urls:
        skipped = [
            SkippedTarget(url, reason).as_page_audit()
            for url, reason in run.configuration.get("skipped") or []
        ]
        return explicit_targets(urls, config=config), skipped
    if page_ids:
        return page_targets(page_ids, config)
    discovered = wagtail_targets(config=config)
    skipped = [item.as_page_audit() for item in discovered.skipped]
    patterns = AuditSchedule.load().excluded_url_patterns
    targets = []
    for target in discovered.targets:
        if is_excluded(target.url, patterns):
            reason = "excluded (Settings > Accessibility audit)"
            skipped.append(SkippedTarget(target.url, reason, target.page_id).as_page_audit())
        else:
            targets.append(target)
    return targets, skipped


#: axe-core tags for each rule set an administrator can choose.
RULE_SET_TAGS: dict[str, tuple[str, ...]] = {
    RuleSet.WCAG22_AA_BEST_PRACTICE: DEFAULT_TAGS,
    RuleSet.WCAG22_AA: tuple(tag for tag in DEFAULT_TAGS if tag != "best-practice"),
    RuleSet.WCAG21_AA: ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"),
}


def run_settings(run: AuditRun, workers: int | None = None) -> AuditSettings:
    """The settings a stored run uses: the ``CLEARWAY_AUDIT`` setting, with the rule set
    chosen in the admin for the runs the admin starts (nightly, manual, on publish)."""
    config = audit_settings().with_overrides(WORKERS=workers)
    if run.trigger == RunTrigger.CLI:
        return config
    rule_set = AuditSchedule.load().rule_set
    return config.with_overrides(TAGS=RULE_SET_TAGS.get(rule_set, config.TAGS))


def skipped_targets(skipped: Iterable[PageAudit]) -> list[AuditTarget]:
    return [AuditTarget(page.url, page.page_id) for page in skipped]


def page_targets(
    page_ids: Iterable[int], config: AuditSettings
) -> tuple[list[AuditTarget], list[PageAudit]]:
    """Given pages, when live; a private page is skipped (it is not audited anonymously)."""
    targets: list[AuditTarget] = []
    skipped: list[PageAudit] = []
    for page in Page.objects.live().filter(pk__in=page_ids).defer_streamfields():
        url = page.get_full_url()
        if not url:
            continue
        if page.get_view_restrictions().exists():
            skipped.append(SkippedTarget(url, "private", page.pk).as_page_audit())
        else:
            targets.extend(explicit_targets([url], config=config))
            targets[-1] = AuditTarget(targets[-1].url, page.pk)
    return targets, skipped


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
        run.owner = current_owner()
        run.save(update_fields=["status", "started_at", "heartbeat_at", "owner"])

    config = run_settings(run, workers)
    store = DatabaseSink(run)
    try:
        targets, skipped = plan(run, config)
        done = set(run.page_results.values_list("url", flat=True))
        for page in skipped:
            if page.url not in done:
                store.page(page)
        remaining = [target for target in targets if target.url not in done]
        hosts = allowed_hosts_for([*targets, *skipped_targets(skipped)], config)
        runner = AuditRunner(
            config,
            allowed_hosts=hosts,
            previous=StoredResults() if config.REUSE_UNCHANGED else None,
            content_checks=run_content_checks(run, config),
        )
        runner.run(remaining, SinkGroup(store, *extra_sinks))
    except Exception as error:
        logger.exception("Audit run %s failed", run.pk)
        AuditRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    run.refresh_from_db()
    return run


def run_content_checks(run: AuditRun, config: AuditSettings) -> ContentChecks | None:
    """The content rules for ``run``: Wagtail pages are compared with the site's other pages
    (duplicate titles); each of a list of URLs from elsewhere with the URLs before it."""
    if not config.CONTENT_CHECKS:
        return None
    wagtail = not run.configuration.get("urls")
    return content_checks(
        config,
        site_titles=SiteTitles.from_wagtail() if wagtail else SiteTitles.growing(),
        terms=load_terms(),
    )


def current_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def resume_stalled(older_than_seconds: float) -> list[int]:
    """Mark runs whose process died as interrupted and return their ids for resuming.

    A run is interrupted when its process is known to be gone (same machine), or when it has
    shown no sign of life for ``older_than_seconds`` (a worker on another machine).
    """
    since = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    running = AuditRun.objects.filter(status=RunStatus.RUNNING)
    stalled = {run.pk for run in running if run.owner_is_gone}
    stalled |= set(AuditRun.objects.stalled(since).values_list("pk", flat=True))
    AuditRun.objects.filter(pk__in=stalled, status=RunStatus.RUNNING).update(
        status=RunStatus.INTERRUPTED
    )
    return sorted(stalled)


def interrupted_run_like(trigger: RunTrigger, configuration: dict[str, object]) -> AuditRun | None:
    """The latest unfinished run with this trigger and configuration whose process has died:
    the run that a repeated `audit` command should finish rather than start again."""
    candidates = AuditRun.objects.filter(
        trigger=trigger, status__in=[RunStatus.RUNNING, RunStatus.INTERRUPTED]
    ).order_by("-pk")
    for run in candidates[:10]:
        gone = run.status == RunStatus.INTERRUPTED or run.owner_is_gone
        # Compare only what the command asked for: once a run has started, its stored
        # configuration also holds what the runner added (tags, workers, browser...).
        asked = {key: run.configuration.get(key) for key in configuration}
        if gone and asked == configuration:
            return run
    return None


def stored_summary(run_id: int) -> RunSummary:
    """A stored run as the dataclasses the reports take: every page it recorded, including
    those from an interrupted attempt."""
    run = AuditRun.objects.get(pk=run_id)
    findings: dict[int, list[FindingResult]] = {}
    for finding in Finding.objects.filter(run=run).order_by("pk"):
        findings.setdefault(finding.page_result_id, []).append(finding.to_result())
    pages = [
        PageAudit(
            url=result.url,
            status=PageStatus(result.status),
            http_status=result.http_status,
            error=result.error,
            findings=findings.get(result.pk, []),
            duration=result.duration,
            page_id=result.page_id,
            content_fingerprint=result.content_fingerprint,
            reused=result.reused,
        )
        for result in run.page_results.order_by("pk")
    ]
    started = run.started_at or run.created_at
    return RunSummary(
        started_at=started,
        finished_at=run.finished_at or timezone.now(),
        axe_version=run.axe_version,
        pages=pages,
    )
