"""Background work, as small tasks that take ids and are safe to run twice.

Every task of the audit is here, so their import paths (stored with each queued task) stay
put; the work itself lives in :mod:`audit.runs` and :mod:`audit.jobs`."""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError
from django.utils import timezone
from django_tasks import task

from audit.core.enums import RunStatus, RunTrigger
from audit.jobs.digest import send_run_digests
from audit.jobs.scheduling import enqueue_once, is_current, local_zone, next_night
from audit.storage.models import AuditSchedule

logger = logging.getLogger(__name__)


@task()
def run_audit(run_id: int) -> None:
    """Run or resume a stored run; a finished run is left alone."""
    from audit.runs.batches import uses_batches
    from audit.runs.service import execute_run

    if uses_batches(run_id):
        share_run(run_id)
    else:
        execute_run(run_id)


@task()
def audit_batches(run_id: int) -> None:
    """Audit batches of a run shared by several workers until none is left (docs/scale.md)."""
    work_on_batches(run_id)


def share_run(run_id: int) -> None:
    """Split the run into batches (once), ask for more workers as ``PARALLEL_BATCHES`` says,
    and audit batches here too."""
    from audit.runs.batches import start_batches

    for _ in range(start_batches(run_id)):
        audit_batches.enqueue(run_id)
    work_on_batches(run_id)


def work_on_batches(run_id: int) -> None:
    """Audit the run's batches; the worker that finishes a nightly run queues its digest."""
    from audit.runs.batches import work_batches

    finished = work_batches(run_id)
    if finished is not None and finished.trigger == RunTrigger.NIGHTLY:
        send_digests.enqueue(run_id)


@task()
def audit_page(page_id: int, trigger: str = RunTrigger.PUBLISH.value) -> None:
    """Audit one page: just after it is published, or when an editor asks for it
    (``trigger`` "request"). Tasks queued before ``trigger`` existed were all on publish."""
    from audit.runs.service import create_run, execute_run

    execute_run(create_run(RunTrigger(trigger), page_ids=[page_id]).pk)


@task()
def weigh_page(page_id: int) -> None:
    """Measure a published page's weight for its editor panel (docs/content-review.md)."""
    from audit.runs.weight import weigh_page as weigh

    weigh(page_id)


@task()
def nightly_audit(night: str, at: str = "") -> None:
    """Audit the whole site for ``night`` (an ISO date) unless that night has a run already.

    ``at`` is the moment it was queued for; a task queued before the nightly time was changed
    is stale (the new time has its own task) and does nothing.
    """
    from audit.runs.batches import uses_batches
    from audit.runs.service import create_run, execute_run

    if at and not is_current(NIGHTLY, night, at):
        logger.info("The nightly audit queued for %s was moved: skipped.", at)
        return
    try:
        try:
            run = create_run(RunTrigger.NIGHTLY, night=datetime.date.fromisoformat(night))
        except IntegrityError:
            logger.info("The night of %s is audited already.", night)
            return
        if uses_batches(run.pk):
            share_run(run.pk)  # Whichever worker finishes the run queues the digest.
            return
        run = execute_run(run.pk)
        if run.status == RunStatus.FINISHED:
            send_digests.enqueue(run.pk)
    finally:
        schedule_next_night()


#: Keys of the tasks queued for later (:func:`audit.jobs.scheduling.enqueue_once`).
NIGHTLY = "nightly-audit"
WATCHDOG = "watchdog"

#: How often the watchdog looks for interrupted runs.
WATCHDOG_INTERVAL = datetime.timedelta(minutes=2)


@task()
def watchdog() -> None:
    """Resume runs whose worker died, keep the nightly audit scheduled, and come back later."""
    from audit.core.conf import audit_settings
    from audit.runs.service import resume_stalled

    # A page may take PAGE_TIMEOUT, and a crash costs a retry: wait longer than both.
    for run_id in resume_stalled(older_than_seconds=4 * audit_settings().PAGE_TIMEOUT + 60):
        run_audit.enqueue(run_id)
    schedule_next_night()
    schedule_watchdog()


def schedule_watchdog(delay: datetime.timedelta = WATCHDOG_INTERVAL) -> None:
    enqueue_once(watchdog, WATCHDOG, timezone.now() + delay)


@task()
def send_digests(run_id: int) -> int:
    """Send run ``run_id``'s digests (the nightly audit queues this when it ends)."""
    return send_run_digests(run_id)


def schedule_next_night(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Enqueue the next nightly audit unless one is already waiting; returns when it runs."""
    schedule = AuditSchedule.load()
    if not schedule.enabled:
        return None
    when = next_night(now or timezone.now(), schedule.nightly_time)
    night = when.astimezone(local_zone()).date().isoformat()
    if enqueue_once(nightly_audit, NIGHTLY, when, night, when.isoformat()):
        logger.info("Nightly accessibility audit scheduled for %s.", when)
    return when
