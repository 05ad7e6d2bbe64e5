"""Who may see and do what: every audit admin screen and action, for every kind of user."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from audit.admin import permissions
from audit.core.enums import FindingStatus
from audit.storage.models import Dismissal, TrackedFinding
from tests.audit.admin.factories import AuditRunFactory, DismissalFactory, tracked_finding
from tests.audit.admin.people import build_pages, build_people

pytestmark = pytest.mark.django_db

OK, DENIED, LOGIN = "ok", "denied", "login"


@pytest.fixture
def world(home_page: Any) -> dict[str, Any]:
    pages = build_pages(home_page)
    people = build_people(pages)
    run = AuditRunFactory()
    bins = tracked_finding(page=pages.bins_page, run=run)
    tax = tracked_finding(page=pages.tax_page, run=run, rule="link-name", selector="a.more")
    elsewhere = tracked_finding(url="http://localhost/legacy/forms.php", run=run)
    dismissed = tracked_finding(page=pages.tax_page, run=run, status=FindingStatus.DISMISSED)
    dismissal = DismissalFactory(tracked=dismissed)
    return {
        "pages": pages,
        "people": people,
        "bins": bins,
        "tax": tax,
        "elsewhere": elsewhere,
        "dismissal": dismissal,
    }


def outcome(response: Any) -> str:
    if response.status_code in {200, 302} and "/login/" in response.get("Location", ""):
        return LOGIN
    if response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"):
        return DENIED
    if response.status_code == 403:
        return DENIED
    if response.status_code in {200, 302}:
        return OK
    return f"status {response.status_code}"


USERS = ["anonymous", "plain", "viewer", "dismisser", "runner", "section", "outsider", "superuser"]

#: (name, method, url builder, expected outcome per user in USERS order).
MATRIX: list[tuple[str, str, Any, list[str]]] = [
    (
        "report",
        "get",
        lambda w: reverse("audit_report:index"),
        [LOGIN, DENIED, OK, OK, DENIED, OK, OK, OK],
    ),
    (
        "findings list",
        "get",
        lambda w: reverse("audit_report:findings"),
        [LOGIN, DENIED, OK, OK, DENIED, OK, OK, OK],
    ),
    (
        "report export",
        "get",
        lambda w: reverse("audit_report:findings") + "?export=csv",
        [LOGIN, DENIED, OK, OK, DENIED, OK, OK, OK],
    ),
    (
        "rule help",
        "get",
        lambda w: reverse("audit_rules:detail", args=["image-alt"]),
        [LOGIN, OK, OK, OK, OK, OK, OK, OK],
    ),
    (
        "findings of a bins page",
        "get",
        lambda w: reverse("audit_editor:panel", args=[w["pages"].bins_page.pk]),
        [LOGIN, OK, OK, OK, OK, OK, DENIED, OK],
    ),
    (
        "findings of a tax page",
        "get",
        lambda w: reverse("audit_editor:panel", args=[w["pages"].tax_page.pk]),
        [LOGIN, OK, OK, OK, OK, DENIED, DENIED, OK],
    ),
    (
        "audit status of a tax page",
        "get",
        lambda w: reverse("audit_editor:audit_status", args=[w["pages"].tax_page.pk]),
        [LOGIN, OK, OK, OK, OK, DENIED, DENIED, OK],
    ),
    (
        "audit a bins page",
        "post",
        lambda w: reverse("audit_editor:audit_page", args=[w["pages"].bins_page.pk]),
        [LOGIN, DENIED, DENIED, DENIED, OK, OK, DENIED, OK],
    ),
    (
        "audit a tax page",
        "post",
        lambda w: reverse("audit_editor:audit_page", args=[w["pages"].tax_page.pk]),
        [LOGIN, DENIED, DENIED, DENIED, OK, DENIED, DENIED, OK],
    ),
    (
        "dismiss form, bins page",
        "get",
        lambda w: reverse("audit_editor:dismiss", args=[w["bins"].pk]),
        [LOGIN, DENIED, DENIED, OK, DENIED, OK, DENIED, OK],
    ),
    (
        "dismiss form, tax page",
        "get",
        lambda w: reverse("audit_editor:dismiss", args=[w["tax"].pk]),
        [LOGIN, DENIED, DENIED, OK, DENIED, DENIED, DENIED, OK],
    ),
    (
        "dismiss form, URL outside Wagtail",
        "get",
        lambda w: reverse("audit_editor:dismiss", args=[w["elsewhere"].pk]),
        [LOGIN, DENIED, DENIED, OK, DENIED, OK, OK, OK],
    ),
    (
        "undo, tax page",
        "post",
        lambda w: reverse("audit_editor:undo", args=[w["dismissal"].pk]),
        [LOGIN, DENIED, DENIED, OK, DENIED, DENIED, DENIED, OK],
    ),
    (
        "show me, tax page",
        "get",
        lambda w: reverse("audit_editor:show_in_draft", args=[w["tax"].pk]),
        [LOGIN, OK, OK, OK, OK, DENIED, DENIED, OK],
    ),
]


@pytest.mark.parametrize(("name", "method", "url", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_permission_matrix(
    world: dict[str, Any], name: str, method: str, url: Any, expected: list[str]
) -> None:
    results = {}
    for username in USERS:
        client = Client()
        if username != "anonymous":
            client.force_login(getattr(world["people"], username))
        with mock.patch("audit.tasks.audit_page") as task:
            response = getattr(client, method)(url(world))
        results[username] = outcome(response)
        if method == "post" and name.startswith("audit") and results[username] != OK:
            task.enqueue.assert_not_called()
        # Undo changes state: put the dismissal back for the next person.
        Dismissal.objects.filter(pk=world["dismissal"].pk).update(revoked_at=None, revoked_by=None)
        TrackedFinding.objects.filter(pk__in=[world["tax"].pk]).update(status=FindingStatus.OPEN)
    assert results == dict(zip(USERS, expected, strict=True))


def test_editors_see_only_findings_on_pages_they_can_edit(world: dict[str, Any]) -> None:
    people = world["people"]
    visible = set(permissions.visible_findings(people.section).values_list("pk", flat=True))
    assert world["bins"].pk in visible
    assert world["tax"].pk not in visible
    # Findings outside Wagtail belong to no editor: the view permission shows them.
    assert world["elsewhere"].pk in visible
    plain = set(permissions.visible_findings(people.plain).values_list("pk", flat=True))
    assert world["elsewhere"].pk not in plain
    assert {world["bins"].pk, world["tax"].pk} <= plain
    assert not permissions.visible_findings(people.outsider).filter(page__isnull=False).exists()
    assert permissions.visible_findings(people.superuser).count() == TrackedFinding.objects.count()


def test_report_lists_only_visible_findings(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["people"].section)
    response = client.get(reverse("audit_report:findings"))
    body = response.content.decode()
    assert "Missed bin collection" in body
    assert "Pay your council tax" not in body


def test_site_wide_dismissal_needs_the_view_permission(world: dict[str, Any]) -> None:
    people = world["people"]
    bins = world["bins"]
    assert permissions.can_dismiss_finding(people.dismisser, bins, "site")
    no_view = people.runner
    no_view.user_permissions.add(permissions.group_permissions().get(codename="dismiss_finding"))
    no_view = type(no_view).objects.get(pk=no_view.pk)  # drop the permission cache
    assert permissions.can_dismiss_finding(no_view, bins, "page")
    assert not permissions.can_dismiss_finding(no_view, bins, "site")
    client = Client()
    client.force_login(no_view)
    response = client.get(reverse("audit_editor:dismiss", args=[bins.pk]))
    assert response.status_code == 200
    assert 'value="site"' not in response.content.decode()
    response = client.post(
        reverse("audit_editor:dismiss", args=[bins.pk]),
        {"reason": "accepted", "note": "Known", "scope": "site"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Dismissal.objects.filter(scope="site").exists()


def test_the_three_permissions_are_offered_to_groups(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["people"].superuser)
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Site editors")
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert response.status_code == 200
    codenames = set(permissions.group_permissions().values_list("codename", flat=True))
    assert codenames == {"view_auditrun", "dismiss_finding", "run_audit"}
    body = response.content.decode()
    for permission in permissions.group_permissions():
        assert f'value="{permission.pk}"' in body
