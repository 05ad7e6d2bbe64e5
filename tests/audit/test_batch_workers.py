"""Several real `db_worker` processes share one stored run by batches (audit.runs.batches),
with real Chromium, against pages served locally: each page is audited once and the run's
counts are exact; and when one worker is SIGKILLed mid-run, the others take over its batch once
its lease expires and finish the run.

Needs PostgreSQL (``DATABASE_URL=postgres://...``): the workers are subprocesses, which cannot
share pytest's in-memory SQLite test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import override_settings

from audit.core.enums import BatchStatus, Outcome, RunStatus, RunTrigger
from audit.results import AuditTarget
from audit.runs.batches import start_batches
from audit.runs.planning import Plan
from audit.runs.service import create_run
from audit.storage.models import AuditRun, Finding, PageResult, RunBatch
from audit.tasks import audit_batches

from .conftest import LocalSite, manage_py_env

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[2]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
#: A missing alt text (a violation) on every page: findings to count.
PAGE = """<!doctype html><html lang="en"><head><title>Page {n}</title></head>
<body><main><h1>Page {n}</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p>Bin collection day {n}.</p></main></body></html>"""


class Workers:
    """`manage.py db_worker` subprocesses, each running one task, then exiting."""

    def __init__(self, tmp_path: Path, count: int) -> None:
        env = {**manage_py_env(), "CLEARWAY_AUDIT_WORKERS": "1"}
        self.logs = [tmp_path / f"worker-{n}.log" for n in range(count)]
        self.processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--batch",
                    "--max-tasks",
                    "1",
                    "--no-reload",
                    "--no-startup-delay",
                    "--worker-id",
                    f"batch-worker-{n}",
                ],
                cwd=REPO,
                env=env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            for n, log in enumerate(self.logs)
        ]

    def output(self) -> str:
        return "\n".join(log.read_text() for log in self.logs)

    def wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for process in self.processes:
            if process.returncode is not None:
                continue
            remaining = max(1.0, deadline - time.monotonic())
            assert process.wait(timeout=remaining) == 0, self.output()

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        os.killpg(process.pid, signal.SIGKILL)  # With its chromedriver and Chromium.
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                self.kill(process)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[list[Workers]]:
    started: list[Workers] = []
    yield started
    for group in started:
        group.stop()


def shared_run(local_site: LocalSite, pages: int, *, lease: float, delay: float) -> list[str]:
    """A run of ``pages`` local pages in batches of 3, split and queued for 3 workers."""
    urls = [local_site.route(f"/page-{n}", PAGE.format(n=n), delay=delay) for n in range(pages)]
    audit = {"AUDIT_ON_PUBLISH": False, "PARALLEL_BATCHES": 3, "BATCH_SIZE": 3}
    with override_settings(CLEARWAY_AUDIT={**audit, "BATCH_LEASE": lease}, TASKS=DATABASE_TASKS):
        run = create_run(RunTrigger.MANUAL, plan=Plan(targets=[AuditTarget(url) for url in urls]))
        helpers = start_batches(run.pk)
        # What run_audit does, but for the last step: the test's process audits nothing.
        for _ in range(helpers + 1):
            audit_batches.enqueue(run.pk)
    return urls


def assert_audited_once(urls: list[str], output: str) -> AuditRun:
    run = AuditRun.objects.get()
    assert run.status == RunStatus.FINISHED, run.error or output
    assert Counter(PageResult.objects.filter(run=run).values_list("url", flat=True)) == Counter(
        urls
    ), "every page recorded exactly once"
    findings = Counter(
        Finding.objects.filter(run=run).values_list("page_result_id", "fingerprint", "outcome")
    )
    assert findings and max(findings.values()) == 1, "no finding stored twice"
    # The counts are the stored rows'.
    assert (run.pages_total, run.pages_done, run.pages_failed) == (len(urls), len(urls), 0)
    violations = Finding.objects.filter(run=run, outcome=Outcome.VIOLATION).count()
    assert run.violations == violations >= len(urls)
    assert set(RunBatch.objects.filter(run=run).values_list("status", flat=True)) == {
        BatchStatus.DONE
    }
    return run


def test_several_workers_share_one_run(
    local_site: LocalSite, tmp_path: Path, workers: list[Workers]
) -> None:
    urls = shared_run(local_site, 9, lease=120, delay=0.2)
    group = Workers(tmp_path, 3)
    workers.append(group)
    group.wait(timeout=240)

    assert_audited_once(urls, group.output())
    claimed_by = set(RunBatch.objects.values_list("claimed_by", flat=True))
    assert len(claimed_by) >= 2, "the batches were shared"
    assert set(RunBatch.objects.values_list("attempts", flat=True)) == {1}
    # Each page was fetched once and loaded in a browser once: by one worker only.
    assert {url: local_site.requested(urlsplit(url).path) for url in urls} == dict.fromkeys(urls, 2)


def test_a_killed_worker_s_batch_is_finished_by_the_others(
    local_site: LocalSite, tmp_path: Path, workers: list[Workers]
) -> None:
    urls = shared_run(local_site, 12, lease=15, delay=0.3)
    group = Workers(tmp_path, 3)
    workers.append(group)

    # Kill a worker that holds a batch with pages left, once some pages are stored.
    deadline = time.monotonic() + 180
    victim: subprocess.Popen[bytes] | None = None
    while victim is None:
        assert time.monotonic() < deadline, group.output()
        if PageResult.objects.count() >= 2:
            stored = set(PageResult.objects.values_list("url", flat=True))
            for batch in RunBatch.objects.filter(status=BatchStatus.CLAIMED):
                pid = int(batch.claimed_by.rpartition(":")[2])
                unfinished = any(url not in stored for url, _ in batch.targets)
                process = next((p for p in group.processes if p.pid == pid), None)
                if process is not None and unfinished:
                    victim, killed_batch = process, batch
                    break
        time.sleep(0.05)
    group.kill(victim)

    group.wait(timeout=240)
    run = assert_audited_once(urls, group.output())
    assert run.error == ""
    killed_batch.refresh_from_db()
    assert killed_batch.attempts == 2, "claimed again once, after its lease expired"
    assert not killed_batch.claimed_by.endswith(f":{victim.pid}")


def drop_other_connections() -> int:
    """Have PostgreSQL close every other connection to the test database, as a restart or a
    failover does to a worker's; returns how many it closed."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        (closed,) = cursor.fetchone()
    return int(closed)


def test_workers_carry_on_when_the_database_drops_their_connections(
    local_site: LocalSite, tmp_path: Path, workers: list[Workers]
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the workers are processes of their own")
    urls = shared_run(local_site, 12, lease=120, delay=0.3)
    group = Workers(tmp_path, 2)
    workers.append(group)

    deadline = time.monotonic() + 180
    while PageResult.objects.count() < 2:
        assert time.monotonic() < deadline, group.output()
        time.sleep(0.05)
    assert drop_other_connections() >= 2, "both workers were connected"

    # Each worker says what happened, waits for a new connection, gives back the batch it
    # held (some of its results were lost), and the run finishes with every page once.
    group.wait(timeout=240)
    run = assert_audited_once(urls, group.output())
    assert "the database could not be reached" in group.output()
    assert "the database answers again" in group.output()
    assert run.error == ""
