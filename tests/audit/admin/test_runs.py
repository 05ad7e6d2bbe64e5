"""Audit runs in the admin: who may see them and start one, the progress of a running run,
one run's page results and errors, and "Run full audit now"."""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.admin.views.runs import format_duration
from audit.core.enums import Outcome, PageStatus, RunStatus, RunTrigger
from audit.storage.models import AuditRun
from tests.audit.admin.factories import (
    AuditRunFactory,
    FindingFactory,
    PageResultFactory,
    tracked_finding,
)
from tests.audit.admin.people import build_pages, build_people

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "plain", "viewer", "dismisser", "runner", "section", "outsider", "superuser"]
LOGIN, DENIED, OK = "login", "denied", "ok"


@pytest.fixture
def world(home_page: Any) -> dict[str, Any]:
    pages = build_pages(home_page)
    people = build_people(pages)
    run = AuditRunFactory(pages_total=2, pages_done=2, findings_new=1)
    tracked_finding(page=pages.bins_page, run=run)
    return {"pages": pages, "people": people, "run": run}


def client_for(world: dict[str, Any], username: str) -> Client:
    client = Client()
    if username != "anonymous":
        client.force_login(getattr(world["people"], username))
    return client


def outcome(response: Any) -> str:
    location = response.get("Location", "")
    if response.status_code == 302 and "/login/" in location:
        return LOGIN
    if response.status_code == 302 and location == reverse("wagtailadmin_home"):
        return DENIED
    if response.status_code == 200:
        return OK
    return f"status {response.status_code} {location}"


SEE_RUNS = [LOGIN, DENIED, OK, OK, DENIED, OK, OK, OK]


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("runs", lambda w: reverse("audit_runs:index")),
        ("runs results", lambda w: reverse("audit_runs:index_results")),
        ("run detail", lambda w: reverse("audit_runs:detail", args=[w["run"].pk])),
        ("run detail results", lambda w: reverse("audit_runs:detail_results", args=[w["run"].pk])),
        ("trends", lambda w: reverse("audit_trends:index")),
    ],
)
def test_who_sees_runs_and_trends(world: dict[str, Any], name: str, url: Any) -> None:
    results = {user: outcome(client_for(world, user).get(url(world))) for user in USERS}
    assert results == dict(zip(USERS, SEE_RUNS, strict=True))


def test_who_may_run_a_full_audit(world: dict[str, Any]) -> None:
    """Only ``audit.run_audit`` starts a run; the others change nothing."""
    expected = {
        "anonymous": LOGIN,
        "plain": DENIED,
        "viewer": DENIED,
        "dismisser": DENIED,
        "runner": "started",
        "section": "started",
        "outsider": "started",
        "superuser": "started",
    }
    results = {}
    for user in USERS:
        AuditRun.objects.filter(trigger=RunTrigger.MANUAL).delete()
        with mock.patch("audit.tasks.run_audit") as task:
            response = client_for(world, user).post(reverse("audit_runs:start"))
        started = AuditRun.objects.filter(trigger=RunTrigger.MANUAL).first()
        if started is not None:
            task.enqueue.assert_called_once_with(started.pk)
            results[user] = "started"
        else:
            task.enqueue.assert_not_called()
            results[user] = outcome(response)
    assert results == expected


def test_run_now_is_post_only(world: dict[str, Any]) -> None:
    client = client_for(world, "superuser")
    with mock.patch("audit.tasks.run_audit") as task:
        response = client.get(reverse("audit_runs:start"))
    assert response.status_code == 405
    task.enqueue.assert_not_called()
    assert not AuditRun.objects.filter(trigger=RunTrigger.MANUAL).exists()


def test_run_now_queues_a_manual_full_run_and_shows_it(world: dict[str, Any]) -> None:
    client = client_for(world, "section")
    with mock.patch("audit.tasks.run_audit") as task:
        response = client.post(reverse("audit_runs:start"))
    run = AuditRun.objects.get(trigger=RunTrigger.MANUAL)
    task.enqueue.assert_called_once_with(run.pk)
    assert run.status == RunStatus.QUEUED
    assert run.configuration["urls"] == [] and run.configuration["page_ids"] == []
    assert response["Location"] == reverse("audit_runs:detail", args=[run.pk])
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [f"Full audit queued (run {run.pk}). It starts as soon as a worker is free."]


@pytest.mark.parametrize(
    ("trigger", "status", "refused"),
    [
        (RunTrigger.NIGHTLY, RunStatus.RUNNING, True),
        (RunTrigger.MANUAL, RunStatus.QUEUED, True),
        (RunTrigger.NIGHTLY, RunStatus.INTERRUPTED, False),  # the watchdog resumes it
        (RunTrigger.PUBLISH, RunStatus.RUNNING, False),  # one page, not the site
        (RunTrigger.CLI, RunStatus.RUNNING, False),  # some other site's URLs
    ],
)
def test_run_now_refuses_politely_while_a_full_run_is_under_way(
    world: dict[str, Any], trigger: str, status: str, refused: bool
) -> None:
    under_way = AuditRunFactory(trigger=trigger, status=status, finished_at=None)
    before = AuditRun.objects.count()
    with mock.patch("audit.tasks.run_audit") as task:
        response = client_for(world, "superuser").post(reverse("audit_runs:start"), follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    if refused:
        assert AuditRun.objects.count() == before
        task.enqueue.assert_not_called()
        assert f"A full audit is already {status} (run {under_way.pk})" in body
        assert response.redirect_chain[-1][0] == reverse("audit_runs:detail", args=[under_way.pk])
    else:
        assert AuditRun.objects.count() == before + 1
        task.enqueue.assert_called_once()


def test_runs_list_columns_and_progress(world: dict[str, Any]) -> None:
    started = timezone.now() - datetime.timedelta(minutes=3)
    running = AuditRunFactory(
        trigger=RunTrigger.MANUAL,
        status=RunStatus.RUNNING,
        started_at=started,
        finished_at=None,
        pages_total=40,
        pages_done=12,
    )
    AuditRunFactory(
        started_at=started,
        finished_at=started + datetime.timedelta(seconds=245),
        pages_done=310,
        pages_reused=290,
        pages_failed=3,
        findings_new=7,
        findings_fixed=5,
        findings_regressed=2,
    )
    response = client_for(world, "viewer").get(reverse("audit_runs:index"))
    body = response.content.decode()
    for heading in ("Run", "Trigger", "Status", "Started", "Duration", "Pages", "Reused"):
        assert f">{heading}" in body or f"{heading}\n" in body
    assert '<progress max="40" value="12"' in body
    assert f'aria-label="Pages audited in run {running.pk}"' in body
    assert "12 of 40 pages" in body
    assert "4 min 05 s" in body
    # pages, reused, errors, new, fixed, regressed of the finished run, in column order
    cells = ["310", "290", "3", "7", "5", "2"]
    row = body[body.index("4 min 05 s") :]
    positions = [row.index(f">\n    {value}\n</td>") for value in cells]
    assert positions == sorted(positions)
    # A full run is under way: the button explains why a second one would be refused.
    assert "A full audit is running" in body
    assert "Run full audit now" not in body  # the viewer may not run audits


def test_run_now_button_for_people_who_may_run(world: dict[str, Any]) -> None:
    body = client_for(world, "section").get(reverse("audit_runs:index")).content.decode()
    assert 'action="/admin/accessibility/runs/start/"' in body
    assert ">Run full audit now</button>" in body


def test_runs_list_queries_do_not_grow_with_runs(world: dict[str, Any]) -> None:
    client = client_for(world, "superuser")
    client.get(reverse("audit_runs:index"))  # warm caches (site root paths, permissions)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("audit_runs:index"))
    AuditRunFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("audit_runs:index"))
    assert len(many) == len(few)


@pytest.fixture
def detailed_run(world: dict[str, Any]) -> AuditRun:
    run = AuditRunFactory(
        pages_total=4, pages_done=4, pages_failed=2, error="", trigger=RunTrigger.NIGHTLY
    )
    ok = PageResultFactory(run=run, page=world["pages"].bins_page, duration=1.25)
    FindingFactory.create_batch(3, page_result=ok, page=world["pages"].bins_page)
    FindingFactory(page_result=ok, page=world["pages"].bins_page, outcome=Outcome.NEEDS_REVIEW)
    PageResultFactory(run=run, url="http://localhost/reused/", reused=True)
    PageResultFactory(
        run=run,
        url="http://localhost/broken/",
        status=PageStatus.ERROR,
        http_status=500,
        error="Server error <script>alert('error')</script>",
    )
    PageResultFactory(
        run=run, url="http://localhost/slow/", status=PageStatus.TIMEOUT, http_status=None
    )
    return run


def test_run_detail_lists_page_results(world: dict[str, Any], detailed_run: AuditRun) -> None:
    url = reverse("audit_runs:detail", args=[detailed_run.pk])
    body = client_for(world, "viewer").get(url).content.decode()
    assert f"Audit run {detailed_run.pk}" in body
    assert "Missed bin collection" in body  # the Wagtail page, linked to its editor
    assert reverse("wagtailadmin_pages:edit", args=[world["pages"].bins_page.pk]) in body
    for url_text in ("/reused/", "/broken/", "/slow/"):
        assert url_text in body
    assert "1.2 s" in body or "1.3 s" in body
    # The hostile error message is shown as text.
    assert "<script>alert('error')</script>" not in body
    assert "Server error &lt;script&gt;alert(&#x27;error&#x27;)&lt;/script&gt;" in body
    assert "2 pages could not be audited." in body


def test_run_detail_filters_by_status(world: dict[str, Any], detailed_run: AuditRun) -> None:
    client = client_for(world, "viewer")
    base = reverse("audit_runs:detail", args=[detailed_run.pk])
    failed = client.get(base + "?status=failed").content.decode()
    assert "/broken/" in failed and "/slow/" in failed
    assert "/reused/" not in failed and "Missed bin collection" not in failed
    timeouts = client.get(base + "?status=timeout").content.decode()
    assert "/slow/" in timeouts and "/broken/" not in timeouts
    reused = client.get(base + "?reused=true").content.decode()
    assert "/reused/" in reused and "/slow/" not in reused


def test_run_detail_shows_the_run_error(world: dict[str, Any]) -> None:
    run = AuditRunFactory(status=RunStatus.FAILED, error="No browser: <b>chromedriver</b> missing")
    body = client_for(world, "viewer").get(reverse("audit_runs:detail", args=[run.pk]))
    text = body.content.decode()
    assert "The run stopped with an error" in text
    assert "No browser: &lt;b&gt;chromedriver&lt;/b&gt; missing" in text


def test_run_detail_of_a_missing_run_is_404(world: dict[str, Any]) -> None:
    response = client_for(world, "viewer").get(reverse("audit_runs:detail", args=[999_999]))
    assert response.status_code == 404


def test_accessibility_menu_lists_runs_and_trends_for_viewers_only(world: dict[str, Any]) -> None:
    viewer = client_for(world, "viewer").get(reverse("wagtailadmin_home")).content.decode()
    plain = client_for(world, "plain").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("audit_runs:index") in viewer and reverse("audit_trends:index") in viewer
    assert reverse("audit_runs:index") not in plain
    assert reverse("audit_trends:index") not in plain


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, ""), (0.4, "0.4 s"), (59.94, "59.9 s"), (245, "4 min 05 s"), (3725, "1 h 02 min")],
)
def test_format_duration(seconds: float | None, text: str) -> None:
    assert format_duration(seconds) == text
