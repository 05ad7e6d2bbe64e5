"""The audit's admin screens as Wagtail viewsets: each declares its URLs, icon, menu item and
permission policy, and Wagtail mounts them under /admin/ (``register_admin_viewset``).

- Accessibility (a menu group, for people with ``audit.view_auditrun``): the report, the audit
  runs and the trends.
- Without a menu item: the rule help pages (every admin user) and the editor's screens for one
  page's findings (checked per page, against Wagtail's page permissions).

The audit settings and the words to avoid stay in Settings, where Wagtail's settings and snippet
registries put them (``wagtail_hooks``).
"""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from audit.admin import permissions
from audit.admin.views import page_findings, report, rules, runs, statement, trends


class AuditViewSet(ViewSet):
    """A viewset whose views and menu item require one action of the audit's policy."""

    #: The policy the views check (passed to every view that has ``permission_policy``).
    permission_policy: BasePermissionPolicy = permissions.policy
    #: The action the views and the menu item require.
    permission_required = "view"

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(
            permission_policy=self.permission_policy,
            permission_required=self.permission_required,
            header_icon=self.icon,
            **kwargs,
        )
        return view_kwargs

    @cached_property
    def menu_item_class(self) -> type[MenuItem]:
        """A menu item shown to the people the views let in (as Wagtail's ``ModelViewSet``)."""
        viewset = self

        def is_shown(item: MenuItem, request: Any) -> bool:
            shown: bool = viewset.permission_policy.user_has_permission(
                request.user, viewset.permission_required
            )
            return shown

        return type(f"{type(self).__name__}MenuItem", (MenuItem,), {"is_shown": is_shown})


class ReportViewSet(AuditViewSet):
    """The site-wide report (findings grouped by rule) and the list of findings it drills into."""

    name = "audit_report"
    url_prefix = "reports/accessibility"
    icon = "glasses"
    menu_label = _("Report")
    menu_name = "accessibility-report"

    def get_urlpatterns(self) -> list[URLPattern]:
        rules_view = report.AccessibilityReportView
        findings_view = report.FindingsReportView
        names = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        finding_names = {
            "index_url_name": self.get_url_name("findings"),
            "index_results_url_name": self.get_url_name("findings_results"),
        }
        return [
            path("", self.construct_view(rules_view, **names), name="index"),
            path(
                "results/",
                self.construct_view(rules_view, results_only=True, **names),
                name="index_results",
            ),
            path("findings/", self.construct_view(findings_view, **finding_names), name="findings"),
            path(
                "findings/results/",
                self.construct_view(findings_view, results_only=True, **finding_names),
                name="findings_results",
            ),
        ]


class RunsViewSet(AuditViewSet):
    """Audit runs: the list, one run's page results, and "Run full audit now"."""

    name = "audit_runs"
    url_prefix = "accessibility/runs"
    icon = "history"
    menu_label = _("Audit runs")
    menu_name = "accessibility-runs"

    def get_urlpatterns(self) -> list[URLPattern]:
        index = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        detail = {
            "index_url_name": self.get_url_name("detail"),
            "index_results_url_name": self.get_url_name("detail_results"),
        }
        return [
            path("", self.construct_view(runs.RunIndexView, **index), name="index"),
            path(
                "results/",
                self.construct_view(runs.RunIndexView, results_only=True, **index),
                name="index_results",
            ),
            # Starting a run needs only the run permission (see StartRunView).
            path(
                "start/",
                self.construct_view(runs.StartRunView, permission_required="run"),
                name="start",
            ),
            path("<int:pk>/", self.construct_view(runs.RunDetailView, **detail), name="detail"),
            path(
                "<int:pk>/results/",
                self.construct_view(runs.RunDetailView, results_only=True, **detail),
                name="detail_results",
            ),
        ]


class TrendsViewSet(AuditViewSet):
    """Violations by impact over the last full-site audits."""

    name = "audit_trends"
    url_prefix = "accessibility/trends"
    icon = "calendar-alt"
    menu_label = _("Trends")
    menu_name = "accessibility-trends"

    def get_urlpatterns(self) -> list[URLPattern]:
        return [path("", self.construct_view(trends.TrendsView), name="index")]


class StatementViewSet(AuditViewSet):
    """The accessibility statement's history (one per full audit) and a preview of the next."""

    name = "audit_statement"
    url_prefix = "accessibility/statement"
    icon = "doc-full"
    menu_label = _("Statement history")
    menu_name = "accessibility-statement"

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", self.construct_view(statement.StatementHistoryView), name="index"),
            path("preview/", self.construct_view(statement.StatementPreviewView), name="preview"),
            path(
                "<int:pk>/",
                self.construct_view(statement.StatementDetailView),
                name="detail",
            ),
        ]


class RulesViewSet(ViewSet):
    """A help page per rule. Open to everyone who can use the admin (Wagtail's
    ``require_admin_access`` wraps every admin URL): the help says nothing about any page."""

    name = "audit_rules"
    url_prefix = "accessibility/rules"
    icon = "help"

    def get_urlpatterns(self) -> list[URLPattern]:
        return [path("<str:rule_id>/", rules.rule_help, name="detail")]


class EditorViewSet(ViewSet):
    """One page's findings where its editors are: the screen, the editor panel, "Audit this
    page now", dismissing, undoing and "show me". Each view checks the person may edit the
    page (Wagtail's page permission policy) and, for actions, the audit permission."""

    name = "audit_editor"
    url_prefix = "accessibility"
    icon = "glasses"

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("pages/<int:page_id>/", page_findings.page_findings_view, name="page_findings"),
            path("pages/<int:page_id>/panel/", page_findings.page_findings_panel, name="panel"),
            path("pages/<int:page_id>/audit/", page_findings.audit_page_now, name="audit_page"),
            path(
                "pages/<int:page_id>/audit/status/",
                page_findings.page_audit_status,
                name="audit_status",
            ),
            path("findings/<int:pk>/dismiss/", page_findings.dismiss_finding, name="dismiss"),
            path("findings/<int:pk>/show/", page_findings.show_in_draft, name="show_in_draft"),
            path("dismissals/<int:pk>/undo/", page_findings.undo_dismissal, name="undo"),
        ]


class AccessibilityViewSetGroup(ViewSetGroup):
    """The "Accessibility" menu: shown when any of its items is (the view permission)."""

    menu_label = _("Accessibility")
    menu_name = "accessibility"
    menu_icon = "glasses"
    items = (ReportViewSet, RunsViewSet, TrendsViewSet, StatementViewSet)


def audit_viewsets() -> list[ViewSet | ViewSetGroup]:
    """For the ``register_admin_viewset`` hook."""
    return [AccessibilityViewSetGroup(), RulesViewSet(), EditorViewSet()]
