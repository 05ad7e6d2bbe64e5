"""The statement's history, a snapshot's detail and the preview of the next statement."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from audit.core.enums import FindingStatus, Level, RunTrigger
from audit.storage.models import StatementSnapshot, TrackedFinding
from audit.storage.statement import take_snapshot
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.factories import ServicePageFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "wagtailadmin.access_admin"


@pytest.fixture
def snapshot(home_page: Page) -> StatementSnapshot:
    page = ServicePageFactory(parent=home_page, title="Missed bins")
    run = AuditRunFactory(trigger=RunTrigger.NIGHTLY)
    PageResultFactory(run=run, page=page)
    # Two more pages without problems: one failing page of three is "partially compliant".
    for title in ("Council tax", "Parking"):
        PageResultFactory(run=run, page=ServicePageFactory(parent=home_page, title=title))
    tracked_finding(page=page, run=run, wcag=["1.4.3"], level=Level.AA, rule="color-contrast")
    taken = take_snapshot(run)
    assert taken is not None
    return taken


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def urls(snapshot: StatementSnapshot) -> list[str]:
    return [
        reverse("audit_statement:index"),
        reverse("audit_statement:detail", args=[snapshot.pk]),
        reverse("audit_statement:preview"),
    ]


def test_people_without_the_audit_permission_are_refused(snapshot: StatementSnapshot) -> None:
    editor = client_for(UserFactory(permissions=[ADMIN]))
    for url in urls(snapshot):
        response = editor.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
    assert Client().get(urls(snapshot)[0]).status_code == 302  # to the login page


def test_the_history_lists_snapshots_by_date(snapshot: StatementSnapshot) -> None:
    viewer = client_for(UserFactory(permissions=[ADMIN, "audit.view_auditrun"]))
    response = viewer.get(reverse("audit_statement:index"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    rows = html.select("table tbody tr")
    assert len(rows) == 1
    assert rows[0].select_one("th[scope=row] a")["href"] == reverse(
        "audit_statement:detail", args=[snapshot.pk]
    )
    assert "Partially compliant" in rows[0].get_text()


def test_a_snapshot_shows_its_failing_criteria(snapshot: StatementSnapshot) -> None:
    response = client_for(SuperuserFactory()).get(
        reverse("audit_statement:detail", args=[snapshot.pk])
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    text = html.select_one("main").get_text(" ", strip=True)
    assert "partially compliant" in text
    assert "1.4.3 Contrast (minimum)" in text
    # Accessible tables: a caption and header cells with a scope.
    table = html.select_one("main table")
    assert table.caption is not None
    assert all(th.get("scope") for th in table.select("th"))


def test_the_preview_shows_findings_as_they_stand_now(snapshot: StatementSnapshot) -> None:
    TrackedFinding.objects.update(status=FindingStatus.FIXED)
    client = client_for(SuperuserFactory())
    preview = client.get(reverse("audit_statement:preview")).content.decode()
    assert "fully compliant" in preview
    assert "1.4.3 Contrast" not in preview
    # The stored snapshot still says what the public statement says.
    detail = client.get(reverse("audit_statement:detail", args=[snapshot.pk])).content.decode()
    assert "1.4.3 Contrast" in detail
