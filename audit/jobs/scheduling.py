"""The nightly audit, with no cron: a deferred task that schedules the next night when it runs.

The task for a night carries that night's date. A night is audited at most once (the run's
``night`` is unique), so two workers, or two scheduled tasks for one night, cannot both run it;
a night missed while the server was down runs as soon as a worker starts again.
"""

from __future__ import annotations

import datetime
import logging
import zoneinfo
from typing import Any

from django.conf import settings
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks.base import Task

from audit.storage.models import AuditSchedule

logger = logging.getLogger(__name__)


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def next_night(now: datetime.datetime, at: datetime.time) -> datetime.datetime:
    """The next moment, after ``now``, when the local clock shows ``at``.

    On the night clocks go forward a time that does not exist (01:30 in the UK) is moved on
    by the gap; on the night they go back the first of the two moments is used.
    """
    zone = local_zone()
    local_now = now.astimezone(zone)
    candidate = datetime.datetime.combine(local_now.date(), at, tzinfo=zone)
    if candidate <= local_now:
        candidate = datetime.datetime.combine(
            local_now.date() + datetime.timedelta(days=1), at, tzinfo=zone
        )
    # Normalise through UTC so a non-existent local time becomes a real instant.
    return candidate.astimezone(datetime.UTC)


def enqueue_once(task: Task[..., None], when: datetime.datetime, *args: Any) -> bool:
    """Defer ``task(*args)`` to ``when`` unless the same call is already waiting.

    Only the database backend can hold a task until later; with any other backend (tests run
    tasks immediately) nothing is scheduled.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    schedule = AuditSchedule.load()
    with transaction.atomic():
        # Workers checking at the same moment queue one task, not two: the check and the insert
        # happen under a lock on the settings row (PostgreSQL; SQLite writes one at a time).
        AuditSchedule.objects.select_for_update().filter(pk=schedule.pk).exists()
        waiting = DBTaskResult.objects.filter(
            task_path=task.module_path, status=TaskResultStatus.READY
        ).values_list("args_kwargs", flat=True)
        if any(list(stored.get("args", [])) == list(args) for stored in waiting):
            return False
        task.using(run_after=when).enqueue(*args)
    return True
