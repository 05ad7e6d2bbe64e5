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
from django_tasks.exceptions import TaskResultDoesNotExist

from audit.storage.models import AuditSchedule, ScheduledTask

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


def enqueue_once(task: Task[..., None], key: str, when: datetime.datetime, *args: Any) -> bool:
    """Defer ``task(*args)`` to ``when`` unless the same call is already waiting under ``key``.

    One :class:`~audit.storage.models.ScheduledTask` row per key remembers the last call queued
    (its task result id and arguments); the queue itself is asked through django-tasks' public
    API whether that result is still waiting. A call with other arguments (the nightly time
    changed, say) is queued, and the older one becomes stale: see :func:`is_current`.

    Only a backend that can hold a task until later is used; with any other (the tests run
    tasks immediately) nothing is scheduled.
    """
    if not task.get_backend().supports_defer:
        return False
    schedule = AuditSchedule.load()
    with transaction.atomic():
        # Workers checking at the same moment queue one task, not two: the check and the insert
        # happen under a lock on the settings row (PostgreSQL; SQLite writes one at a time).
        AuditSchedule.objects.select_for_update().filter(pk=schedule.pk).exists()
        queued = ScheduledTask.objects.filter(key=key).first()
        if queued is not None and queued.args == list(args) and _waiting(task, queued.result_id):
            return False
        result = task.using(run_after=when).enqueue(*args)
        ScheduledTask.objects.update_or_create(
            key=key, defaults={"result_id": str(result.id), "run_after": when, "args": list(args)}
        )
    return True


def is_current(key: str, *args: Any) -> bool:
    """Whether ``args`` are those of the last call queued under ``key`` (True when none was):
    a task queued before the schedule changed finds it is not, and does nothing."""
    queued = ScheduledTask.objects.filter(key=key).first()
    return queued is None or queued.args == list(args)


def _waiting(task: Task[..., None], result_id: str) -> bool:
    try:
        return task.get_result(result_id).status == TaskResultStatus.READY
    except TaskResultDoesNotExist:
        return False  # Pruned from the queue, or never there (another backend).
