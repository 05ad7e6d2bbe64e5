"""Background work, as small tasks that take ids and are safe to run twice.

(The digest emails' task, ``send_digests``, lives with them in :mod:`audit.digest`.)"""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError
from django_tasks import task

from .digest import send_digests
from .enums import RunStatus, RunTrigger

logger = logging.getLogger(__name__)


@task()
def run_audit(run_id: int) -> None:
    """Run or resume a stored run; a finished run is left alone."""
    from .service import execute_run

    execute_run(run_id)


@task()
def audit_page(page_id: int) -> None:
    """Audit one page, for example just after it is published."""
    from .service import create_run, execute_run

    execute_run(create_run(RunTrigger.PUBLISH, page_ids=[page_id]).pk)


@task()
def nightly_audit(night: str) -> None:
    """Audit the whole site for ``night`` (an ISO date) unless that night has a run already."""
    from .scheduling import schedule_next_night
    from .service import create_run, execute_run

    try:
        try:
            run = create_run(RunTrigger.NIGHTLY, night=datetime.date.fromisoformat(night))
        except IntegrityError:
            logger.info("The night of %s is audited already.", night)
            return
        run = execute_run(run.pk)
        if run.status == RunStatus.FINISHED:
            send_digests.enqueue(run.pk)
    finally:
        schedule_next_night()


#: How often the watchdog looks for interrupted runs.
WATCHDOG_INTERVAL = datetime.timedelta(minutes=2)


@task()
def watchdog() -> None:
    """Resume runs whose worker died, keep the nightly audit scheduled, and come back later."""
    from .conf import audit_settings
    from .scheduling import schedule_next_night
    from .service import resume_stalled

    # A page may take PAGE_TIMEOUT, and a crash costs a retry: wait longer than both.
    for run_id in resume_stalled(older_than_seconds=4 * audit_settings().PAGE_TIMEOUT + 60):
        run_audit.enqueue(run_id)
    schedule_next_night()
    schedule_watchdog()


def schedule_watchdog(delay: datetime.timedelta = WATCHDOG_INTERVAL) -> None:
    from django.utils import timezone

    from .scheduling import enqueue_once

    enqueue_once(watchdog, timezone.now() + delay)
