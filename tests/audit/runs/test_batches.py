"""Batches of a stored run, claimed by workers with leases (audit.runs.batches), with the
database but without a browser: the runner is replaced by one that reports prepared results,
so that what is tested is the claiming, the leases and the finishing. The real runner, several
worker processes and a worker killed mid-run are in test_batch_workers.py."""

from __future__ import annotations

import datetime
from collections.abc import Container, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone

from audit.core.enums import BatchStatus, FindingStatus, PageStatus, RunStatus, RunTrigger
from audit.results import AuditTarget, PageAudit
from audit.results.sinks import RunInfo, RunSummary, Sink
from audit.runs import batches
from audit.runs.batches import (
    claim_batch,
    finish_run,
    remote_problem,
    start_batches,
    work_batches,
)
from audit.runs.planning import Plan
from audit.runs.service import create_run
from audit.storage.models import AuditRun, Finding, PageResult, RunBatch, TrackedFinding
from audit.storage.signals import run_finished
from tests.audit.conftest import LocalSite, Route
from tests.audit.report_factories import finding, page

pytestmark = pytest.mark.django_db

SITE = "http://council.test"


def audit_settings(**values: Any) -> Any:
    return override_settings(
        CLEARWAY_AUDIT={"AUDIT_ON_PUBLISH": False, "BATCH_SIZE": 2, "BATCH_LEASE": 60, **values}
    )


class FakeRunner:
    """Stands in for AuditRunner: reports ``RESULTS[url]`` for each target, in order."""

    results: dict[str, PageAudit] = {}
    audited: list[str] = []

    def __init__(self, config: Any, **kwargs: Any) -> None:
        self.config = config

    def run(
        self, targets: list[AuditTarget], sink: Sink, *, skip_documents: Container[str] = ()
    ) -> RunSummary:
        now = timezone.now()
        sink.begin(RunInfo(started_at=now, axe_version="4.10.2", total=len(targets)))
        pages = []
        for target in targets:
            FakeRunner.audited.append(target.url)
            pages.append(FakeRunner.results[target.url])
            sink.page(FakeRunner.results[target.url])
        # Then, as the real runner does, the documents the pages link to: each once, unless a
        # target or in skip_documents when its turn comes.
        targeted = {target.url for target in targets}
        linked = [url for page in list(pages) for url in page.documents if url not in targeted]
        for url in dict.fromkeys(linked):
            if url in skip_documents:
                continue
            FakeRunner.audited.append(url)
            pages.append(FakeRunner.results[url])
            sink.page(FakeRunner.results[url])
        summary = RunSummary(started_at=now, finished_at=now, axe_version="4.10.2", pages=pages)
        sink.end(summary)
        return summary


@pytest.fixture
def fake_runner(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeRunner]]:
    FakeRunner.results = {}
    FakeRunner.audited = []
    monkeypatch.setattr(batches, "AuditRunner", FakeRunner)
    yield FakeRunner


def urls(count: int) -> list[str]:
    return [f"{SITE}/page-{n}" for n in range(count)]


def planned_run(*addresses: str, skipped: tuple[str, ...] = ()) -> AuditRun:
    plan = Plan(
        targets=[AuditTarget(url) for url in addresses],
        skipped=[page(url, status=PageStatus.SKIPPED, error="private") for url in skipped],
    )
    return create_run(RunTrigger.MANUAL, plan=plan)


def test_a_run_is_split_into_batches_once() -> None:
    run = planned_run(*urls(5), skipped=(f"{SITE}/private",))
    with audit_settings(PARALLEL_BATCHES=4):
        helpers = start_batches(run.pk)
        assert start_batches(run.pk) == 0  # Split already: nothing more.

    assert helpers == 2  # Three batches: the caller and two more workers.
    stored = list(RunBatch.objects.filter(run=run).order_by("number"))
    assert [batch.number for batch in stored] == [1, 2, 3]
    assert [len(batch.targets) for batch in stored] == [2, 2, 1]
    assert [url for batch in stored for url, _ in batch.targets] == urls(5)
    assert {batch.status for batch in stored} == {BatchStatus.PENDING}
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING
    assert run.pages_total == 6
    assert run.configuration["batches"]["lease"] == 60
    # The skipped page is recorded by the split, once.
    assert list(run.page_results.values_list("url", "status")) == [
        (f"{SITE}/private", PageStatus.SKIPPED)
    ]


def test_a_claimed_batch_is_not_claimed_again_until_its_lease_expires() -> None:
    run = planned_run(*urls(4))
    with audit_settings():
        start_batches(run.pk)

    first = claim_batch(run.pk, "host:1", lease=60)
    second = claim_batch(run.pk, "host:2", lease=60)
    assert first is not None and second is not None
    assert (first.number, first.claimed_by, first.attempts) == (1, "host:1", 1)
    assert (second.number, second.claimed_by) == (2, "host:2")
    assert first.status == BatchStatus.CLAIMED
    assert first.lease_expires_at is not None and first.lease_expires_at > timezone.now()
    assert claim_batch(run.pk, "host:3", lease=60) is None  # Both held.

    # host:1 died: its lease lapses, and the batch is claimed again, by host:3.
    RunBatch.objects.filter(pk=first.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    again = claim_batch(run.pk, "host:3", lease=60)
    assert again is not None
    assert (again.number, again.claimed_by, again.attempts) == (1, "host:3", 2)
    assert claim_batch(run.pk, "host:4", lease=60) is None


def test_a_worker_that_lost_its_lease_can_neither_renew_nor_finish_the_batch(
    fake_runner: type[FakeRunner],
) -> None:
    run = planned_run(*urls(2))
    with audit_settings():
        start_batches(run.pk)
        worker = batches.BatchWorker(run)
    worker.name = "host:1"
    batch = claim_batch(run.pk, worker.name, lease=60)
    assert batch is not None and worker.renew(batch)
    RunBatch.objects.filter(pk=batch.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    taken = claim_batch(run.pk, "host:2", lease=60)
    assert taken is not None and taken.pk == batch.pk

    assert not worker.renew(batch)
    # The slow worker still audits its pages: they are stored once, and the batch stays the
    # other worker's (claimed, not done).
    fake_runner.results = {url: page(url) for url in urls(2)}
    worker.audit(batch)
    assert PageResult.objects.filter(run=run).count() == 2
    taken.refresh_from_db()
    assert (taken.status, taken.claimed_by) == (BatchStatus.CLAIMED, "host:2")


def test_workers_share_a_run_and_one_of_them_finishes_it(
    fake_runner: type[FakeRunner],
) -> None:
    addresses = urls(5)
    fake_runner.results = {
        url: page(url, finding(url=url), finding("label", url=url)) for url in addresses
    }
    fake_runner.results[addresses[3]] = page(
        addresses[3], status=PageStatus.ERROR, error="HTTP 500", http_status=500
    )
    run = planned_run(*addresses)
    announced: list[int] = []

    def receiver(sender: type[AuditRun], run: AuditRun, **kwargs: Any) -> None:
        announced.append(run.pk)

    run_finished.connect(receiver, dispatch_uid="test-batches-finished")
    with audit_settings(PARALLEL_BATCHES=2):
        start_batches(run.pk)
        # A first worker takes batch 1 and stops (without waiting for the others).
        worker = batches.BatchWorker(run)
        first = claim_batch(run.pk, worker.name, worker.lease)
        assert first is not None
        worker.audit(first)
        assert finish_run(run.pk) is None  # Batches 2 and 3 are not done.
        # A second worker takes everything left, and finishes the run.
        finished = work_batches(run.pk)
        assert work_batches(run.pk) is None  # Finished already: once.

    run_finished.disconnect(dispatch_uid="test-batches-finished")
    assert finished is not None and finished.status == RunStatus.FINISHED
    # What follows a run (the statement's snapshot) hears of it once, from the last worker.
    assert announced == [run.pk]
    assert sorted(fake_runner.audited) == sorted(addresses)  # Each page audited once.
    assert set(RunBatch.objects.filter(run=run).values_list("status", flat=True)) == {
        BatchStatus.DONE
    }
    assert (finished.pages_total, finished.pages_done, finished.pages_failed) == (5, 5, 1)
    assert finished.violations == 8 == Finding.objects.filter(run=run).count()
    assert finished.findings_new == 8
    assert finished.finished_at is not None


def test_a_partly_audited_run_fixes_findings_only_on_the_pages_it_audited(
    fake_runner: type[FakeRunner],
) -> None:
    addresses = urls(4)
    fake_runner.results = {url: page(url, finding(url=url)) for url in addresses}
    with audit_settings():
        first = planned_run(*addresses)
        start_batches(first.pk)
        assert work_batches(first.pk) is not None
    assert TrackedFinding.objects.filter(status=FindingStatus.OPEN).count() == 4

    # The next run: every page is fixed. One worker audits batch 1 (pages 0 and 1) only.
    fake_runner.results = {url: page(url) for url in addresses}
    with audit_settings():
        second = planned_run(*addresses)
        start_batches(second.pk)
        worker = batches.BatchWorker(second)
        batch = claim_batch(second.pk, worker.name, worker.lease)
        assert batch is not None
        worker.audit(batch)
        fixed = set(
            TrackedFinding.objects.filter(status=FindingStatus.FIXED).values_list("url", flat=True)
        )
        assert fixed == set(addresses[:2])  # Pages 2 and 3 were not audited: still open.

        # Another worker audits the rest; each finding is fixed once, in this run.
        finished = work_batches(second.pk)
    assert finished is not None
    assert TrackedFinding.objects.filter(status=FindingStatus.FIXED, fixed_in=second).count() == 4
    assert (finished.findings_fixed, finished.findings_new) == (4, 0)


def linking(url: str, document: str) -> PageAudit:
    """The result of a page at ``url`` that links to the PDF at ``document``."""
    result = page(url, finding(url=url))
    result.documents = [document]
    return result


def test_a_document_linked_from_pages_in_two_batches_is_checked_once_per_run(
    fake_runner: type[FakeRunner],
) -> None:
    addresses = urls(3)
    document = f"{SITE}/documents/1/bands.pdf"
    fake_runner.results = {url: linking(url, document) for url in addresses}
    fake_runner.results[document] = page(document, finding("clearway-pdf-tagged", url=document))
    with audit_settings(BATCH_SIZE=1):
        run = planned_run(*addresses)
        start_batches(run.pk)
        finished = work_batches(run.pk)

    assert finished is not None
    assert RunBatch.objects.filter(run=run).count() == 3
    # Checked by the first batch only: the next two found it recorded for the run.
    assert fake_runner.audited == [addresses[0], document, addresses[1], addresses[2]]
    assert PageResult.objects.filter(run=run, url=document).count() == 1
    assert (finished.pages_total, finished.pages_done) == (4, 4)
    assert finished.violations == 4 == Finding.objects.filter(run=run).count()
    # Every page still lists it, for its editors' panel.
    assert all(
        result.documents == [document]
        for result in PageResult.objects.filter(run=run, url__in=addresses)
    )


def test_a_document_two_batches_store_at_the_same_moment_is_recorded_once(
    fake_runner: type[FakeRunner],
) -> None:
    """Two batches looked, found the document unrecorded, and both checked it: the second to
    store it meets the run's unique (run, url), and its counters are rolled back with it."""
    document = f"{SITE}/documents/1/bands.pdf"
    result = page(document, finding("clearway-pdf-tagged", url=document))
    with audit_settings(BATCH_SIZE=1):
        run = planned_run(*urls(2))
        start_batches(run.pk)
        worker = batches.BatchWorker(run)
    sinks = []
    for worker_name in ("host:1", "host:2"):
        batch = claim_batch(run.pk, worker_name, lease=60)
        assert batch is not None
        sink = batches.BatchSink(run, batch, worker)
        sink.recorded = set()  # Each looked before the other stored it.
        sinks.append(sink)

    for sink in sinks:
        sink.page(result)  # The second raises nothing.

    run.refresh_from_db()
    assert PageResult.objects.filter(run=run, url=document).count() == 1
    assert Finding.objects.filter(run=run).count() == 1
    assert TrackedFinding.objects.filter(url=document).count() == 1
    assert (run.pages_done, run.violations, run.findings_new) == (1, 1, 1)


def test_a_webdriver_server_that_is_down_gives_the_batch_back_to_be_tried_later(
    fake_runner: type[FakeRunner], local_site: LocalSite
) -> None:
    addresses = urls(2)
    fake_runner.results = {url: page(url) for url in addresses}
    down = "http://127.0.0.1:9"  # The discard port: nothing listens.
    with audit_settings(REMOTE_URL=down, BATCH_SIZE=10):
        run = planned_run(*addresses)
        start_batches(run.pk)
        assert work_batches(run.pk, wait=False) is None

    run.refresh_from_db()
    batch = RunBatch.objects.get(run=run)
    assert run.status == RunStatus.RUNNING
    assert "Batch 1, attempt 1: The WebDriver server at http://127.0.0.1:9 cannot be reached" in (
        run.error
    )
    assert (batch.status, batch.attempts) == (BatchStatus.PENDING, 1)
    assert batch.lease_expires_at is not None and batch.lease_expires_at > timezone.now()
    assert "cannot be reached" in batch.error
    assert fake_runner.audited == [] and not PageResult.objects.filter(run=run).exists()

    # Later the server is back (a Grid answers /status ready): the batch is audited then.
    up = local_site.url("").rstrip("/")
    local_site.route(
        "/status",
        '{"value": {"ready": true, "message": "Selenium Grid ready."}}',
        content_type="application/json",
    )
    with audit_settings(REMOTE_URL=up, BATCH_SIZE=10):
        assert work_batches(run.pk, wait=False) is None  # Not before its retry time.
        RunBatch.objects.update(lease_expires_at=timezone.now())
        finished = work_batches(run.pk, wait=False)
    assert finished is not None and finished.pages_done == 2
    assert sorted(fake_runner.audited) == addresses
    # The run no longer says a batch will be tried again; the batch keeps why it was.
    assert finished.error == ""
    assert "cannot be reached" in RunBatch.objects.get(run=run).error


def test_a_batch_that_never_finishes_fails_the_run_with_its_reason(
    fake_runner: type[FakeRunner],
) -> None:
    with audit_settings(REMOTE_URL="http://127.0.0.1:9"):
        run = planned_run(*urls(1))
        start_batches(run.pk)
        for _ in range(batches.MAX_ATTEMPTS):
            work_batches(run.pk, wait=False)
            RunBatch.objects.update(lease_expires_at=timezone.now())
        assert work_batches(run.pk, wait=False) is None

    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("Batch 1 could not be finished in 5 attempts: The WebDriver")


def test_pages_that_fail_while_the_webdriver_server_goes_down_are_not_recorded(
    fake_runner: type[FakeRunner], local_site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server is up when the batch starts and goes down during it: the pages the browser
    could not audit are the server's failure, not theirs, so they are audited again later."""
    addresses = urls(2)
    status = '{{"value": {{"ready": {ready}, "message": "{message}"}}}}'
    local_site.route("/status", status.format(ready="true", message="ready"))
    fake_runner.results = {
        addresses[0]: page(addresses[0]),
        addresses[1]: page(addresses[1], status=PageStatus.ERROR, error="no browser"),
    }
    real_run = FakeRunner.run

    def run_then_go_down(
        self: FakeRunner, targets: list[AuditTarget], sink: Sink, **kwargs: Any
    ) -> RunSummary:
        # The first page is stored while the server is up; then it stops taking sessions.
        sink.begin(RunInfo(started_at=timezone.now(), axe_version="4.10.2", total=2))
        sink.page(FakeRunner.results[targets[0].url])
        local_site.route("/status", status.format(ready="false", message="No free slots"))
        return real_run(self, targets[1:], sink, **kwargs)

    monkeypatch.setattr(FakeRunner, "run", run_then_go_down)
    with audit_settings(REMOTE_URL=local_site.url("").rstrip("/")):
        run = planned_run(*addresses)
        start_batches(run.pk)
        assert work_batches(run.pk, wait=False) is None

    assert list(PageResult.objects.filter(run=run).values_list("url", flat=True)) == addresses[:1]
    batch = RunBatch.objects.get(run=run)
    assert batch.status == BatchStatus.PENDING
    assert batch.error.endswith("is not ready: No free slots.")


def test_the_run_audit_task_shares_a_run_and_the_finishing_worker_queues_the_digest(
    fake_runner: type[FakeRunner], monkeypatch: pytest.MonkeyPatch
) -> None:
    from audit import tasks

    digests: list[int] = []
    monkeypatch.setattr(tasks, "send_digests", SimpleNamespace(enqueue=digests.append))
    addresses = urls(5)
    fake_runner.results = {url: page(url, finding(url=url)) for url in addresses}
    plan = Plan(targets=[AuditTarget(url) for url in addresses])
    run = create_run(RunTrigger.NIGHTLY, plan=plan, night=datetime.date(2026, 1, 11))
    with audit_settings(PARALLEL_BATCHES=3):
        # The test settings run tasks at once: the two audit_batches tasks it queues audit
        # every batch before run_audit's own share starts, and finish the run.
        tasks.run_audit.enqueue(run.pk)

    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED
    assert RunBatch.objects.filter(run=run).count() == 3
    assert sorted(fake_runner.audited) == addresses
    assert digests == [run.pk]  # Queued once, by the worker that finished the run.


def test_the_status_of_a_grid_behind_basic_authentication(local_site: LocalSite) -> None:
    def status(handler: Any) -> Route:
        allowed = handler.headers.get("Authorization") == "Basic YXVkaXQ6czNjcmV0"  # audit:s3cret
        ready = "true" if allowed else "false"
        return Route(body=f'{{"value": {{"ready": {ready}, "message": "m"}}}}'.encode())

    local_site.dynamic("/wd/hub/status", status)
    grid = local_site.url("/wd/hub").replace("://", "://audit:s3cret@")
    assert remote_problem(grid) == ""
    wrong = remote_problem(grid.replace("s3cret", "guess"))
    assert wrong == f"The WebDriver server at {local_site.url('/wd/hub')} is not ready: m."
