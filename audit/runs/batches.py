"""One stored run shared by several task workers, in batches that any worker may claim.

When a run starts (:func:`start_batches`) its plan is split into :class:`RunBatch` rows of
``BATCH_SIZE`` pages. Each worker (:func:`work_batches`) claims the next batch that is waiting
or whose lease has lapsed, audits its pages with the usual runner into the database, renews the
lease as each page is stored, marks the batch done and claims the next, until every batch is
done; then it tries to finish the run, which succeeds for exactly one worker.

What keeps every page audited once and every count exact:

- A claim is a compare-and-set on the batch's ``attempts`` (``SELECT ... FOR UPDATE SKIP
  LOCKED`` on PostgreSQL first, so workers do not queue behind each other; SQLite ignores the
  lock and its single writer serialises the updates). Only one worker holds a claim at a time.
- A page is stored with its findings, its findings' lifecycle and the run's counters in one
  transaction, under the run's unique ``(run, url)``; a page stored already is skipped. A worker
  whose lease lapsed while it still audited (it was slow, not dead) loses only its duplicate.
- A PDF linked from pages of several batches is checked by the first batch to reach it: each
  batch's runner skips the documents the run has recorded, looked up as each one's turn comes
  (:class:`~audit.storage.sink.RecordedUrls`). Two batches that reach it at the same moment
  may both check it; the unique ``(run, url)`` keeps one result, and the other's transaction
  (its counters included) is rolled back (:meth:`BatchSink.page`).
- The lifecycle of tracked findings (new, fixed, regressed) is applied page by page, as in a
  run in one process: a page's pass touches only that page's findings, so pages from several
  processes cannot fix each other's findings, and a page's pass runs once because the page is
  stored once. A run that stops part way fixes nothing on the pages it did not audit.
- The run is finished by a compare-and-set on its status, after every batch is done: one worker
  does it, totals its counters from the stored rows, and is told so (to queue the digest).

A database that goes away mid-run (restarted, failed over, a dropped connection) costs the
pages whose results could not be stored: the worker logs why, gives up its broken connection,
and tries again every few seconds for up to ``DATABASE_PATIENCE``; once the database answers,
it gives back the batch it held and carries on, so the run resumes where it stopped.
"""

from __future__ import annotations

import base64
import datetime
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Count, F, Min, Q
from django.utils import timezone

from audit.core.addresses import without_credentials
from audit.core.conf import AuditSettings, audit_settings
from audit.core.enums import BatchStatus, Outcome, PageStatus, RunStatus
from audit.engine.browsers import error_summary
from audit.engine.runner import AuditRunner
from audit.results import AuditTarget, PageAudit
from audit.results.sinks import FAILED_STATUSES, RunInfo, RunSummary
from audit.runs.planning import Plan, plan_run
from audit.runs.service import current_owner, plan_content_checks, run_hosts, run_settings
from audit.storage.models import AuditRun, Finding, PageResult, RunBatch
from audit.storage.signals import announce_finished
from audit.storage.sink import DatabaseSink, RecordedUrls, StoredResults

logger = logging.getLogger(__name__)

#: A batch not finished after this many claims fails its run, with the last reason given.
MAX_ATTEMPTS = 5
#: How often, at most, a worker with nothing to claim looks again while others hold batches.
POLL_SECONDS = 2.0
#: A batch given back (a WebDriver server that is down, say) waits this long (never longer
#: than the lease) times its attempts so far before a worker may claim it again.
RETRY_SECONDS = 60.0

_OPEN = (RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.INTERRUPTED)

#: Seconds a worker keeps trying to reach a database that went away before it gives up (the
#: run is then resumed like any interrupted run).
DATABASE_PATIENCE = 600.0
#: The first pause before trying the database again; it doubles up to 30 s.
DATABASE_RETRY_SECONDS = 1.0

#: What Django raises when the database cannot be reached or the connection was dropped.
_DATABASE_GONE = (OperationalError, InterfaceError)


def uses_batches(run_id: int, config: AuditSettings | None = None) -> bool:
    """Whether the run is shared by batches: it was split already, or the settings ask for
    more than one worker."""
    config = config or audit_settings()
    return config.PARALLEL_BATCHES > 1 or RunBatch.objects.filter(run_id=run_id).exists()


def start_batches(run_id: int) -> int:
    """Plan the run and split its targets into batches, once; record its skipped pages.

    Returns how many more workers to ask for (``PARALLEL_BATCHES`` in all, counting the
    caller, and no more than there are batches); 0 when the run was split already or is over.
    """
    run = AuditRun.objects.get(pk=run_id)
    if run.status not in _OPEN or run.batches.exists():
        return 0
    config = run_settings(run)
    planned = plan_run(run, config)  # Outside the lock: reading a sitemap can take a while.
    size = max(1, config.BATCH_SIZE)
    targets = planned.targets
    with transaction.atomic():
        run = AuditRun.objects.select_for_update().get(pk=run_id)
        if run.status not in _OPEN or run.batches.exists():
            return 0  # Another worker split it meanwhile.
        batches = RunBatch.objects.bulk_create(
            RunBatch(
                run=run,
                number=number,
                targets=[[target.url, target.page_id] for target in targets[start : start + size]],
            )
            for number, start in enumerate(range(0, len(targets), size), start=1)
        )
        now = timezone.now()
        run.status = RunStatus.RUNNING
        run.started_at = run.started_at or now
        run.heartbeat_at = now
        # Shared by several processes: no single owner whose death interrupts the run. Its
        # heartbeat (each stored page) tells the watchdog it is alive.
        run.owner = ""
        run.pages_total = len(targets) + len(planned.skipped)
        run.configuration = {
            **run.configuration,
            "batches": {
                "size": size,
                "count": len(batches),
                "parallel": config.PARALLEL_BATCHES,
                "lease": config.BATCH_LEASE,
                # What every worker needs of the plan, so that none plans it again.
                "hosts": list(run_hosts(planned, config)),
                "wagtail_titles": planned.wagtail_titles,
            },
        }
        run.save(
            update_fields=[
                "status",
                "started_at",
                "heartbeat_at",
                "owner",
                "pages_total",
                "configuration",
            ]
        )
        store = DatabaseSink(run)
        recorded = set(run.page_results.values_list("url", flat=True))
        for page in planned.skipped:
            if page.url not in recorded:
                store.page(page)
    return max(0, min(config.PARALLEL_BATCHES, len(batches)) - 1)


def work_batches(run_id: int, *, wait: bool = True) -> AuditRun | None:
    """Claim and audit the run's batches until every one is done, then finish the run.

    While other workers hold the last batches, this one waits (``wait``) and takes over any
    whose lease lapses, so a run finishes even when a worker dies; without ``wait`` it returns
    at once. Returns the run when this call finished it (exactly one call does), else None.

    When the database goes away meanwhile, this waits for it (up to ``DATABASE_PATIENCE``
    seconds, then the error is raised), gives back the batch it held and goes on.
    """
    pause = DATABASE_RETRY_SECONDS
    gone_since: float | None = None
    while True:
        try:
            if gone_since is not None:
                _give_back_held(run_id)
                logger.warning("Audit run %s: the database answers again; carrying on.", run_id)
                gone_since, pause = None, DATABASE_RETRY_SECONDS
            return _work_batches(run_id, wait=wait)
        except _DATABASE_GONE as error:
            if connection.in_atomic_block:
                raise  # The caller's transaction is lost with the connection: it decides.
            now = time.monotonic()
            gone_since = now if gone_since is None else gone_since
            if now - gone_since > DATABASE_PATIENCE:
                raise
            logger.error(
                "Audit run %s: the database could not be reached (%s); trying again in %.0f s.",
                run_id,
                error_summary(error),
                pause,
            )
            # Outside a request nothing replaces a broken connection: drop it, so the next
            # query opens a new one.
            connection.close()
            time.sleep(pause)
            pause = min(pause * 2, 30.0)


def _give_back_held(run_id: int) -> None:
    """Release the batches this process held when the database went away: some of their
    results were lost, and any worker (this one too) may claim them again at once."""
    RunBatch.objects.filter(
        run_id=run_id, claimed_by=current_owner(), status=BatchStatus.CLAIMED
    ).update(status=BatchStatus.PENDING, lease_expires_at=None)


def _work_batches(run_id: int, *, wait: bool) -> AuditRun | None:
    run = AuditRun.objects.get(pk=run_id)
    worker = BatchWorker(run)
    while True:
        run.refresh_from_db(fields=["status"])
        if run.status not in _OPEN:
            return None
        batch = claim_batch(run_id, worker.name, worker.lease)
        if batch is not None:
            if batch.attempts > MAX_ATTEMPTS:
                fail_run(
                    run_id,
                    f"Batch {batch.number} could not be finished in {MAX_ATTEMPTS} attempts: "
                    f"{batch.error or 'its worker stopped each time'}",
                )
                return None
            worker.audit(batch)
            continue
        unfinished = RunBatch.objects.filter(run_id=run_id).unfinished()
        if not unfinished.exists():
            return finish_run(run_id)
        if not wait:
            return None
        free_at = unfinished.aggregate(at=Min("lease_expires_at"))["at"]
        pause = (free_at - timezone.now()).total_seconds() if free_at else POLL_SECONDS
        time.sleep(min(max(pause, 0.05), POLL_SECONDS))


def claim_batch(run_id: int, worker: str, lease: float) -> RunBatch | None:
    """The next batch of the run that no worker holds, now claimed by ``worker`` for ``lease``
    seconds; None when there is none."""
    now = timezone.now()
    with transaction.atomic():
        candidates = (
            RunBatch.objects.select_for_update(skip_locked=True)
            .filter(run_id=run_id)
            .claimable(now)
            .order_by("number")
        )
        for candidate in candidates[:5]:
            # Compare-and-set on the attempt: without row locks (SQLite) two workers may pick
            # the same candidate, and only one of them changes it.
            claimed = RunBatch.objects.filter(
                pk=candidate.pk, attempts=candidate.attempts, status=candidate.status
            ).update(
                status=BatchStatus.CLAIMED,
                claimed_by=worker,
                lease_expires_at=now + datetime.timedelta(seconds=lease),
                attempts=F("attempts") + 1,
            )
            if claimed:
                candidate.refresh_from_db()
                return candidate
    return None


def finish_run(run_id: int) -> AuditRun | None:
    """Mark the run finished when all its batches are done, with its counters totalled from
    the stored rows. Returns the run to the one caller that finished it, else None."""
    with transaction.atomic():
        run = AuditRun.objects.select_for_update().get(pk=run_id)
        if run.status not in _OPEN or run.batches.unfinished().exists():
            return None
        pages = PageResult.objects.filter(run_id=run_id).aggregate(
            done=Count("pk"),
            failed=Count("pk", filter=Q(status__in=FAILED_STATUSES)),
            reused=Count("pk", filter=Q(reused=True)),
        )
        findings = Finding.objects.filter(run_id=run_id).aggregate(
            violations=Count("pk", filter=Q(outcome=Outcome.VIOLATION)),
            needs_review=Count("pk", filter=Q(outcome=Outcome.NEEDS_REVIEW)),
            advice=Count("pk", filter=Q(outcome=Outcome.ADVICE)),
        )
        # The compare-and-set makes it once even where the row lock is a no-op (SQLite).
        finished = AuditRun.objects.filter(pk=run_id, status__in=_OPEN).update(
            status=RunStatus.FINISHED,
            finished_at=timezone.now(),
            # "Batch N, attempt M: ... It will be tried again." is over: every batch is done.
            # Each batch keeps the reason it was given back.
            error="",
            pages_total=pages["done"],
            pages_done=pages["done"],
            pages_failed=pages["failed"],
            pages_reused=pages["reused"],
            **findings,
        )
    if not finished:
        return None
    run = AuditRun.objects.get(pk=run_id)
    announce_finished(run)
    return run


def fail_run(run_id: int, error: str) -> None:
    logger.error("Audit run %s failed: %s", run_id, error)
    AuditRun.objects.filter(pk=run_id, status__in=_OPEN).update(
        status=RunStatus.FAILED, error=error, finished_at=timezone.now()
    )


class BatchWorker:
    """This process's share of a run: audits the batches it claims."""

    def __init__(self, run: AuditRun) -> None:
        self.run = run
        self.name = current_owner()
        self.config = run_settings(run)
        shared: dict[str, Any] = run.configuration.get("batches") or {}
        #: The lease the run was split with (every worker uses the same).
        self.lease = float(shared.get("lease") or self.config.BATCH_LEASE)
        self.hosts: tuple[str, ...] = tuple(shared.get("hosts") or ())
        self.wagtail_titles = bool(shared.get("wagtail_titles"))

    def audit(self, batch: RunBatch) -> None:
        """Audit the batch's pages not recorded yet; mark it done when all are recorded, or
        give it back, with the reason, to be claimed again later."""
        targets = [AuditTarget(url, page_id) for url, page_id in batch.targets]
        recorded = self._recorded(targets)
        remaining = [target for target in targets if target.url not in recorded]
        problem = ""
        if remaining:
            problem = remote_problem(self.config.REMOTE_URL) if self.config.REMOTE_URL else ""
            if not problem:
                problem = self._run(batch, remaining)
        recorded = self._recorded(targets)
        missing = [target.url for target in targets if target.url not in recorded]
        if missing:
            self._give_back(batch, problem or f"{len(missing)} page(s) were not recorded.")
            return
        RunBatch.objects.filter(
            pk=batch.pk, claimed_by=self.name, attempts=batch.attempts, status=BatchStatus.CLAIMED
        ).update(status=BatchStatus.DONE, lease_expires_at=None, finished_at=timezone.now())

    def _run(self, batch: RunBatch, targets: list[AuditTarget]) -> str:
        """Audit ``targets`` into the database; why some could not be recorded, if so."""
        sink = BatchSink(self.run, batch, self)
        try:
            runner = AuditRunner(
                self.config,
                allowed_hosts=self.hosts,
                previous=StoredResults() if self.config.REUSE_UNCHANGED else None,
                content_checks=plan_content_checks(
                    Plan(wagtail_titles=self.wagtail_titles), self.config
                ),
            )
            # Documents recorded by other batches of the run are not fetched and checked again.
            runner.run(targets, sink, skip_documents=RecordedUrls(self.run.pk))
        except Exception as error:  # A missing browser or engine script, a lost result...
            logger.exception("Batch %s of audit run %s stopped.", batch.number, self.run.pk)
            return sink.problem or error_summary(error)
        return sink.problem

    def _recorded(self, targets: list[AuditTarget]) -> set[str]:
        urls = [target.url for target in targets]
        return set(
            PageResult.objects.filter(run=self.run, url__in=urls).values_list("url", flat=True)
        )

    def _give_back(self, batch: RunBatch, problem: str) -> None:
        # Later after each attempt: a Grid being restarted gets a few minutes, not seconds.
        delay = min(self.lease, RETRY_SECONDS) * batch.attempts
        retry_at = timezone.now() + datetime.timedelta(seconds=delay)
        logger.warning(
            "Batch %s of audit run %s is given back (%s); tried again after %s.",
            batch.number,
            self.run.pk,
            problem,
            retry_at,
        )
        RunBatch.objects.filter(pk=batch.pk, claimed_by=self.name, attempts=batch.attempts).update(
            status=BatchStatus.PENDING, lease_expires_at=retry_at, error=problem
        )
        AuditRun.objects.filter(pk=self.run.pk).update(
            error=f"Batch {batch.number}, attempt {batch.attempts}: {problem} "
            "It will be tried again."
        )

    def renew(self, batch: RunBatch) -> bool:
        """Extend this worker's claim on ``batch``; False when it has lost it."""
        return bool(
            RunBatch.objects.filter(
                pk=batch.pk,
                claimed_by=self.name,
                attempts=batch.attempts,
                status=BatchStatus.CLAIMED,
            ).update(lease_expires_at=timezone.now() + datetime.timedelta(seconds=self.lease))
        )


class BatchSink(DatabaseSink):
    """The database sink for one batch: stores pages as :class:`DatabaseSink` does (findings,
    lifecycle, counters), renews the batch's lease, and leaves the run's status and totals to
    :func:`finish_run`. A page that failed while the WebDriver server is down is not stored:
    it is the server's failure, not the page's, and the batch is tried again later."""

    def __init__(self, run: AuditRun, batch: RunBatch, worker: BatchWorker) -> None:
        super().__init__(run)
        self.batch = batch
        self.worker = worker
        #: Why pages were left unrecorded (empty when none were).
        self.problem = ""

    def begin(self, info: RunInfo) -> None:
        with transaction.atomic():
            run = AuditRun.objects.select_for_update().get(pk=self.run.pk)
            run.axe_version = info.axe_version
            run.configuration = {**run.configuration, **info.configuration}
            run.heartbeat_at = timezone.now()
            if run.status == RunStatus.INTERRUPTED:  # The watchdog saw no page for a while.
                run.status = RunStatus.RUNNING
            run.save(update_fields=["axe_version", "configuration", "heartbeat_at", "status"])

    def page(self, result: PageAudit) -> None:
        remote = self.worker.config.REMOTE_URL
        if result.status == PageStatus.ERROR and remote:
            problem = remote_problem(remote)
            if problem:
                self.problem = problem
                return
        try:
            super().page(result)
        except IntegrityError:
            # Stored meanwhile by a worker that took the batch over when this one's lease
            # lapsed, or (a linked document) by another batch checking it at the same moment:
            # the first result stays, as for a resumed run; this one's counters were rolled
            # back with it.
            if not PageResult.objects.filter(run=self.run, url=result.url).exists():
                raise
        self.worker.renew(self.batch)

    def end(self, summary: RunSummary) -> None:
        pass  # The run ends when its last batch does (finish_run).


def remote_problem(url: str, timeout: float = 5.0) -> str:
    """Why the WebDriver server (Selenium Grid, or a standalone chromedriver) at ``url``
    cannot give a browser now, from its ``/status``; empty when it can."""
    parts = urllib.parse.urlsplit(url)
    # Named without its password: the reason is shown on the run in the admin.
    shown = without_credentials(url)
    public = urllib.parse.urlsplit(shown)
    request = urllib.request.Request(
        urllib.parse.urlunsplit(public._replace(path=f"{parts.path.rstrip('/')}/status"))
    )
    if parts.username:  # A Grid behind basic authentication (http://user:password@grid:4444).
        credentials = f"{parts.username}:{parts.password or ''}".encode()
        request.add_header("Authorization", f"Basic {base64.b64encode(credentials).decode()}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            value = json.load(response).get("value") or {}
    except (OSError, ValueError) as error:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        return f"The WebDriver server at {shown} cannot be reached ({reason})."
    if not value.get("ready"):
        return f"The WebDriver server at {shown} is not ready: {value.get('message') or 'busy'}."
    return ""
