"""Starting, running and resuming audit runs: the one run path of the `audit` command (stored
or not), the admin's "run now" and the tasks. What a run audits comes from
:mod:`audit.runs.planning`."""

from __future__ import annotations

import datetime
import logging
import os
import socket
from collections.abc import Collection, Iterable

from django.db import transaction
from django.utils import timezone

from audit.checks.content import SiteTitles
from audit.core.conf import ALL_ENGINES, DEFAULT_TAGS, AuditSettings, audit_settings
from audit.core.enums import PageStatus, RuleSet, RunStatus, RunTrigger
from audit.engine.content_checks import content_checks
from audit.engine.discovery import allowed_hosts_for
from audit.engine.preparation import ContentChecks
from audit.engine.reuse import PreviousResults
from audit.engine.runner import AuditRunner
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunSummary, Sink, SinkGroup
from audit.runs.planning import Plan, plan_run
from audit.storage.models import AuditRun, AuditSchedule, Finding, PageResult
from audit.storage.sink import DatabaseSink, StoredResults
from audit.storage.terms import load_terms

logger = logging.getLogger(__name__)


def create_run(
    trigger: RunTrigger,
    *,
    urls: Iterable[str] = (),
    page_ids: Iterable[int] = (),
    plan: Plan | None = None,
    night: datetime.date | None = None,
) -> AuditRun:
    """A queued run of ``plan``, or of the URLs and pages planned when it runs (with neither,
    every live page of every site).

    Raises IntegrityError when ``night`` already has a run.
    """
    if plan is not None:
        configuration = plan.as_configuration()
    else:
        configuration = {"urls": list(urls), "page_ids": list(page_ids), "skipped": []}
    with transaction.atomic():
        return AuditRun.objects.create(trigger=trigger, night=night, configuration=configuration)


def plan(run: AuditRun, config: AuditSettings) -> tuple[list[AuditTarget], list[PageAudit]]:
    """What the run audits, and what it records as skipped without a browser."""
    planned = plan_run(run, config)
    return planned.targets, planned.skipped


#: axe-core tags for each rule set an administrator can choose.
RULE_SET_TAGS: dict[str, tuple[str, ...]] = {
    RuleSet.WCAG22_AA_BEST_PRACTICE: DEFAULT_TAGS,
    RuleSet.WCAG22_AA: tuple(tag for tag in DEFAULT_TAGS if tag != "best-practice"),
    RuleSet.WCAG21_AA: ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"),
}


def run_settings(run: AuditRun, workers: int | None = None) -> AuditSettings:
    """The settings a stored run uses: the ``CLEARWAY_AUDIT`` setting, with the rule set and
    the engines chosen in the admin for the runs the admin starts (nightly, manual, on
    publish)."""
    config = audit_settings().with_overrides(WORKERS=workers)
    if run.trigger == RunTrigger.CLI:
        return config
    schedule = AuditSchedule.load()
    # Engines this version knows, in the order they run; none left (a row edited by hand):
    # the ENGINES setting, as a run with no engine would audit nothing.
    engines = tuple(name for name in ALL_ENGINES if name in (schedule.engines or ()))
    return config.with_overrides(
        TAGS=RULE_SET_TAGS.get(schedule.rule_set, config.TAGS), ENGINES=engines or None
    )


# -- The one run path: stored or not ----------------------------------------------------------


def audit_plan(
    plan: Plan,
    config: AuditSettings,
    sinks: Iterable[Sink],
    *,
    done: Collection[str] = (),
    previous: PreviousResults | None = None,
) -> RunSummary:
    """Audit the plan's targets (but those in ``done``) into ``sinks``; the summary also
    lists the plan's skipped pages, after the audited ones."""
    runner = AuditRunner(
        config,
        allowed_hosts=run_hosts(plan, config),
        previous=previous,
        content_checks=plan_content_checks(plan, config),
    )
    remaining = [target for target in plan.targets if target.url not in done]
    summary = runner.run(remaining, SinkGroup(*sinks), skip_documents=done)
    summary.pages.extend(plan.skipped)
    return summary


def run_hosts(plan: Plan, config: AuditSettings) -> tuple[str, ...]:
    """The hosts a run may visit: its targets', its skipped Wagtail pages' (the sites'), and
    ``ALLOWED_HOSTS``; never those of sitemap entries skipped for their host."""
    wagtail_pages = [AuditTarget(page.url, page.page_id) for page in plan.skipped if page.page_id]
    return allowed_hosts_for([*plan.targets, *wagtail_pages], config)


def plan_content_checks(plan: Plan, config: AuditSettings) -> ContentChecks | None:
    """The content rules for a plan: Wagtail pages are compared with the site's other pages
    (duplicate titles); each of a list of URLs from elsewhere with the URLs before it."""
    if not config.runs_content_checks:
        return None
    titles = SiteTitles.from_wagtail() if plan.wagtail_titles else SiteTitles.growing()
    return content_checks(
        config, site_titles=titles, terms=load_terms(), allowed_hosts=run_hosts(plan, config)
    )


def execute_run(
    run_id: int, *, extra_sinks: Iterable[Sink] = (), workers: int | None = None
) -> AuditRun:
    """Run (or resume) a stored run to the end. Pages it already recorded are not audited again,
    so calling this twice, or after a killed worker, audits every page exactly once."""
    run = claim_run(run_id)
    if run.status != RunStatus.RUNNING:
        return run
    config = run_settings(run, workers)
    try:
        audit_stored(run, config, extra_sinks)
    except Exception as error:
        logger.exception("Audit run %s failed", run.pk)
        AuditRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    run.refresh_from_db()
    return run


def claim_run(run_id: int) -> AuditRun:
    """The run, marked running by this process, unless it has finished or failed."""
    with transaction.atomic():
        run = AuditRun.objects.select_for_update().get(pk=run_id)
        if run.status in {RunStatus.FINISHED, RunStatus.FAILED}:
            return run
        run.status = RunStatus.RUNNING
        run.started_at = run.started_at or timezone.now()
        run.heartbeat_at = timezone.now()
        run.owner = current_owner()
        run.save(update_fields=["status", "started_at", "heartbeat_at", "owner"])
    return run


def audit_stored(run: AuditRun, config: AuditSettings, extra_sinks: Iterable[Sink]) -> None:
    """Audit what ``run`` has not recorded yet, into the database and ``extra_sinks``."""
    planned = plan_run(run, config)
    store = DatabaseSink(run)
    done = set(run.page_results.values_list("url", flat=True))
    for page in planned.skipped:
        if page.url not in done:
            store.page(page)
    previous = StoredResults() if config.REUSE_UNCHANGED else None
    audit_plan(planned, config, [store, *extra_sinks], done=done, previous=previous)


def cli_run_for(planned: Plan) -> tuple[AuditRun, bool]:
    """The `audit` command's run of ``planned``, and whether it resumes an interrupted run:
    the same plan's, when its process has died, so that pages it recorded are not audited
    again; else a new run."""
    run = interrupted_run_like(RunTrigger.CLI, planned.as_configuration())
    if run is not None:
        return run, True
    return create_run(RunTrigger.CLI, plan=planned), False


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
    return RunSummary(
        started_at=run.began_at,
        finished_at=run.finished_at or timezone.now(),
        axe_version=run.axe_version,
        engine_versions=dict(run.configuration.get("engine_versions") or {}),
        pages=[
            stored_page(result, findings.get(result.pk, []))
            for result in run.page_results.order_by("pk")
        ],
    )


def stored_page(result: PageResult, findings: list[FindingResult]) -> PageAudit:
    return PageAudit(
        url=result.url,
        status=PageStatus(result.status),
        http_status=result.http_status,
        error=result.error,
        findings=findings,
        duration=result.duration,
        page_id=result.page_id,
        content_fingerprint=result.content_fingerprint,
        reused=result.reused,
        documents=list(result.documents),
    )
