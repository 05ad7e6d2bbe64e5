"""Two real `db_worker` processes, one night queued twice (as two schedulers would): the night
is audited once. The run's ``night`` is unique, and PostgreSQL makes the second insert wait for
the first and then fail, which the task takes as "audited already".

Needs PostgreSQL (``DATABASE_URL=postgres://...``): the workers are subprocesses, which cannot
share pytest's in-memory SQLite test database (and SQLite has no concurrent writers anyway).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site

from audit.core.enums import PageStatus, RunStatus, RunTrigger
from audit.storage.models import AuditRun, PageResult
from audit.tasks import nightly_audit
from tests.factories import build_site

from .conftest import LocalSite, manage_py_env

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NIGHT = "2026-01-11"
HOME = """<!doctype html><html lang="en"><head><title>Home</title></head>
<body><main><h1>Anytown</h1><p>Welcome.</p></main></body></html>"""


def test_two_workers_audit_a_night_queued_twice_once(
    local_site: LocalSite, tmp_path: Path, wagtail_root: Page
) -> None:
    env = manage_py_env()
    # The whole "site" is one live page, served by local_site: its Site points there.
    home = build_site()
    Site.objects.filter(root_page=home).update(hostname="127.0.0.1", port=local_site.port)
    home_url = local_site.route("/", HOME, delay=0.5)

    # Only the two nightly tasks are queued: building the site ran Wagtail's tasks at once.
    with override_settings(TASKS=DATABASE_TASKS):
        first = nightly_audit.enqueue(NIGHT)
        second = nightly_audit.enqueue(NIGHT)
    assert first.id != second.id

    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
    ]
    logs = [tmp_path / f"worker-{n}.log" for n in (1, 2)]
    workers = [
        subprocess.Popen(
            [*command, "--worker-id", f"test-worker-{n}"],
            cwd=REPO,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for n, log in zip((1, 2), logs, strict=True)
    ]
    started = time.monotonic()
    try:
        for worker, log in zip(workers, logs, strict=True):
            assert worker.wait(timeout=60) == 0, log.read_text()
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, 9)
                worker.wait(timeout=10)
    output = "\n".join(log.read_text() for log in logs)
    assert time.monotonic() - started < 60

    run = AuditRun.objects.get(night=datetime.date.fromisoformat(NIGHT))
    assert AuditRun.objects.count() == 1, output
    assert run.trigger == RunTrigger.NIGHTLY
    assert run.status == RunStatus.FINISHED, run.error or output
    result = PageResult.objects.get(run=run)
    assert (result.url, result.status) == (home_url, PageStatus.OK)

    # Both tasks ran, at the same time, one in each worker, and both succeeded: the second
    # found the night audited already.
    stored = [DBTaskResult.objects.get(id=queued.id) for queued in (first, second)]
    for task_result in stored:
        assert task_result.status == TaskResultStatus.SUCCESSFUL, task_result.traceback
    assert {task_result.worker_ids[-1] for task_result in stored} == {
        "test-worker-1",
        "test-worker-2",
    }, output
    one, other = stored
    assert one.started_at < other.finished_at and other.started_at < one.finished_at, output
    assert "The night of 2026-01-11 is audited already." in output
    # The page was loaded by one audit only: one fetch and one browser load.
    assert local_site.requested("/") == 2
