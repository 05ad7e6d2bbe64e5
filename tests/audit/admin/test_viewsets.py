"""The audit's viewsets: the Accessibility menu and who sees it, the URLs they mount, and the
permission policy their views check."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu, reports_menu

from audit.admin import permissions
from audit.admin.views import report, runs, trends
from audit.admin.viewsets import AccessibilityViewSetGroup
from tests.audit.admin.people import build_pages, build_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(home_page: Any) -> Any:
    return build_people(build_pages(home_page))


def accessibility_menu(user: Any) -> dict[str, str] | None:
    """The Accessibility menu's items (label to URL) as ``user`` sees them; None if hidden."""
    # Viewsets register their menu items when Wagtail loads the admin URLs: load them before
    # the menu caches its items (as any request to the admin does).
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = user
    items = {item.name: item for item in admin_menu.menu_items_for_request(request)}
    group = items.get("accessibility")
    if group is None:
        return None
    return {str(item.label): item.url for item in group.menu.menu_items_for_request(request)}


def test_the_accessibility_menu_holds_the_report_runs_and_trends(people: Any) -> None:
    assert accessibility_menu(people.viewer) == {
        "Report": reverse("audit_report:index"),
        "Audit runs": reverse("audit_runs:index"),
        "Trends": reverse("audit_trends:index"),
        "Statement history": reverse("audit_statement:index"),
    }
    assert accessibility_menu(people.superuser) == accessibility_menu(people.viewer)


@pytest.mark.parametrize("username", ["plain", "dismisser", "runner", "section", "outsider"])
def test_the_accessibility_menu_follows_the_view_permission(people: Any, username: str) -> None:
    user = getattr(people, username)
    shown = accessibility_menu(user) is not None
    assert shown is permissions.can_view_report(user)
    assert shown is user.has_perm("audit.view_auditrun")


def test_the_reports_menu_no_longer_lists_the_audit(people: Any) -> None:
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = people.superuser
    names = {item.name for item in reports_menu.menu_items_for_request(request)}
    assert not names & {"accessibility", "accessibility-runs", "accessibility-trends"}


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("audit_report:index", [], "/admin/reports/accessibility/"),
        ("audit_report:index_results", [], "/admin/reports/accessibility/results/"),
        ("audit_report:findings", [], "/admin/reports/accessibility/findings/"),
        ("audit_report:findings_results", [], "/admin/reports/accessibility/findings/results/"),
        ("audit_rules:detail", ["image-alt"], "/admin/accessibility/rules/image-alt/"),
        ("audit_editor:page_findings", [7], "/admin/accessibility/pages/7/"),
        ("audit_editor:panel", [7], "/admin/accessibility/pages/7/panel/"),
        ("audit_editor:audit_page", [7], "/admin/accessibility/pages/7/audit/"),
        ("audit_editor:dismiss", [7], "/admin/accessibility/findings/7/dismiss/"),
        ("audit_editor:show_in_draft", [7], "/admin/accessibility/findings/7/show/"),
        ("audit_editor:undo", [7], "/admin/accessibility/dismissals/7/undo/"),
        ("audit_runs:index", [], "/admin/accessibility/runs/"),
        ("audit_runs:index_results", [], "/admin/accessibility/runs/results/"),
        ("audit_runs:start", [], "/admin/accessibility/runs/start/"),
        ("audit_runs:detail", [7], "/admin/accessibility/runs/7/"),
        ("audit_runs:detail_results", [7], "/admin/accessibility/runs/7/results/"),
        ("audit_trends:index", [], "/admin/accessibility/trends/"),
    ],
)
def test_the_viewsets_keep_the_admin_addresses(name: str, args: list[Any], path: str) -> None:
    assert reverse(name, args=args) == path


def test_views_check_the_audit_policy_even_outside_their_viewset() -> None:
    """The class attributes, not only the viewset's arguments, carry the permission."""
    for view in (
        report.AccessibilityReportView,
        report.FindingsReportView,
        runs.RunIndexView,
        runs.RunDetailView,
        trends.TrendsView,
    ):
        assert (view.permission_policy, view.permission_required) == (permissions.policy, "view")
    assert runs.StartRunView.permission_required == "run"


@pytest.mark.parametrize(
    ("action", "permission"),
    [("view", "view_auditrun"), ("run", "run_audit"), ("dismiss", "dismiss_finding")],
)
def test_the_policy_names_the_three_permissions(people: Any, action: str, permission: str) -> None:
    holders = {
        name
        for name in ("plain", "viewer", "dismisser", "runner", "section", "outsider", "superuser")
        if permissions.policy.user_has_permission(getattr(people, name), action)
    }
    expected = {
        "view_auditrun": {"viewer", "dismisser", "section", "outsider", "superuser"},
        "run_audit": {"runner", "section", "outsider", "superuser"},
        "dismiss_finding": {"dismisser", "section", "outsider", "superuser"},
    }[permission]
    assert holders == expected


def test_the_group_is_named_accessibility() -> None:
    group = AccessibilityViewSetGroup()
    assert str(group.menu_label) == "Accessibility" and group.menu_icon == "glasses"
    assert [viewset.name for viewset in group.registerables] == [
        "audit_report",
        "audit_runs",
        "audit_trends",
        "audit_statement",
    ]
