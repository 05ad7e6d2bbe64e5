"""The nightly audit schedules itself: no cron, one run per night, missed nights caught up."""

from __future__ import annotations

import datetime
import threading
from unittest import mock

import pytest
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from audit.core.enums import RunTrigger
from audit.jobs.scheduling import next_night
from audit.storage.models import AuditRun, AuditSchedule
from audit.tasks import nightly_audit, schedule_next_night

UTC = datetime.UTC
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TWO_AM = datetime.time(2, 0)


def utc(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "at", "expected"),
    [
        # Winter (GMT = UTC): before 02:00 today, after it tomorrow.
        (utc(2026, 1, 10, 1, 0), TWO_AM, utc(2026, 1, 10, 2, 0)),
        (utc(2026, 1, 10, 3, 0), TWO_AM, utc(2026, 1, 11, 2, 0)),
        # Summer (BST = UTC+1): 02:00 local is 01:00 UTC.
        (utc(2026, 7, 10, 0, 30), TWO_AM, utc(2026, 7, 10, 1, 0)),
        # Clocks go forward at 01:00 GMT on 29 March 2026: 01:30 local does not exist that
        # night and becomes a real instant, not an error.
        (utc(2026, 3, 28, 23, 0), datetime.time(1, 30), utc(2026, 3, 29, 1, 30)),
        # Clocks go back at 02:00 BST on 25 October 2026: 01:30 happens twice; the first wins.
        (utc(2026, 10, 24, 23, 0), datetime.time(1, 30), utc(2026, 10, 25, 0, 30)),
    ],
)
def test_next_night(now: datetime.datetime, at: datetime.time, expected: datetime.datetime) -> None:
    assert next_night(now, at) == expected


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_next_night_is_queued_once_however_often_asked() -> None:
    now = utc(2026, 1, 10, 12, 0)
    assert schedule_next_night(now) == utc(2026, 1, 11, 2, 0)
    assert schedule_next_night(now) == utc(2026, 1, 11, 2, 0)

    waiting = DBTaskResult.objects.filter(
        task_path=nightly_audit.module_path, status=TaskResultStatus.READY
    )
    assert waiting.count() == 1
    assert waiting.get().run_after == utc(2026, 1, 11, 2, 0)
    # The night, and the moment it was queued for (a task from before a time change is stale).
    assert waiting.get().args_kwargs["args"] == ["2026-01-11", "2026-01-11T02:00:00+00:00"]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_the_time_set_in_the_admin_is_used_and_off_means_off() -> None:
    schedule = AuditSchedule.load()
    schedule.nightly_time = datetime.time(23, 15)
    schedule.save()
    assert schedule_next_night(utc(2026, 1, 10, 12, 0)) == utc(2026, 1, 10, 23, 15)

    DBTaskResult.objects.all().delete()
    schedule.enabled = False
    schedule.save()
    assert schedule_next_night(utc(2026, 1, 10, 12, 0)) is None
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_a_night_is_audited_once_even_if_its_task_runs_twice() -> None:
    with mock.patch("audit.runs.service.execute_run") as execute_run:
        nightly_audit.call("2026-01-11")
        nightly_audit.call("2026-01-11")
    runs = AuditRun.objects.filter(trigger=RunTrigger.NIGHTLY)
    assert runs.count() == 1
    assert runs.get().night == datetime.date(2026, 1, 11)
    execute_run.assert_called_once_with(runs.get().pk)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_schedulers_asking_at_the_same_moment_queue_the_night_once() -> None:
    """Eight threads (eight database connections) ask at once, five times over: each night is
    queued exactly once. Without the lock, the check-then-insert let several through."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("Needs PostgreSQL: SQLite has no concurrent writers to race.")
    AuditSchedule.load()
    for day in range(10, 15):
        now = utc(2026, 1, day, 12, 0)
        barrier = threading.Barrier(8)
        errors: list[BaseException] = []

        def ask(
            now: datetime.datetime = now,
            barrier: threading.Barrier = barrier,
            errors: list[BaseException] = errors,
        ) -> None:
            try:
                barrier.wait()
                schedule_next_night(now)
            except BaseException as error:
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        night = (now + datetime.timedelta(days=1)).date().isoformat()
        queued = DBTaskResult.objects.filter(
            task_path=nightly_audit.module_path, status=TaskResultStatus.READY
        )
        # args: the night, and the moment it is queued for.
        assert [row.args_kwargs["args"][0] for row in queued].count(night) == 1


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_changed_nightly_time_moves_the_night_already_queued() -> None:
    """The night queued at the old time is stale: it does nothing, and the new time's task
    audits the night (before, both ran at the old time's turn: the night went at 02:00)."""
    now = utc(2026, 1, 10, 12, 0)
    assert schedule_next_night(now) == utc(2026, 1, 11, 2, 0)
    schedule = AuditSchedule.load()
    schedule.nightly_time = datetime.time(4, 30)
    schedule.save()
    assert schedule_next_night(now) == utc(2026, 1, 11, 4, 30)
    assert schedule_next_night(now) == utc(2026, 1, 11, 4, 30)  # queued once

    waiting = DBTaskResult.objects.filter(
        task_path=nightly_audit.module_path, status=TaskResultStatus.READY
    ).order_by("run_after")
    assert [task.run_after for task in waiting] == [utc(2026, 1, 11, 2, 0), utc(2026, 1, 11, 4, 30)]
    old, new = (task.args_kwargs["args"] for task in waiting)
    with mock.patch("audit.runs.service.execute_run") as execute_run:
        nightly_audit.call(*old)
        assert not AuditRun.objects.filter(trigger=RunTrigger.NIGHTLY).exists()
        nightly_audit.call(*new)
    run = AuditRun.objects.get(trigger=RunTrigger.NIGHTLY)
    assert run.night == datetime.date(2026, 1, 11)
    execute_run.assert_called_once_with(run.pk)


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_gone_from_the_queue_is_queued_again() -> None:
    now = utc(2026, 1, 10, 12, 0)
    schedule_next_night(now)
    DBTaskResult.objects.all().delete()  # pruned, or run by a worker that then died
    schedule_next_night(now)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
