"""The audit's admin URLs, included under /admin/ by the ``register_admin_urls`` hook."""

from __future__ import annotations

from django.urls import path

from audit.admin.views import page_findings, report, rules

app_name = "audit_admin"

urlpatterns = [
    # The site-wide report (part A).
    path("reports/accessibility/", report.AccessibilityReportView.as_view(), name="report"),
    path(
        "reports/accessibility/results/",
        report.AccessibilityReportView.as_view(results_only=True),
        name="report_results",
    ),
    path(
        "reports/accessibility/findings/",
        report.FindingsReportView.as_view(),
        name="findings",
    ),
    path(
        "reports/accessibility/findings/results/",
        report.FindingsReportView.as_view(results_only=True),
        name="findings_results",
    ),
    path("accessibility/rules/<str:rule_id>/", rules.rule_help, name="rule"),
    # One page's findings, the editor panel and its actions (part A).
    path(
        "accessibility/pages/<int:page_id>/",
        page_findings.page_findings_view,
        name="page_findings",
    ),
    path(
        "accessibility/pages/<int:page_id>/panel/",
        page_findings.page_findings_panel,
        name="page_findings_panel",
    ),
    path(
        "accessibility/pages/<int:page_id>/audit/",
        page_findings.audit_page_now,
        name="audit_page",
    ),
    path(
        "accessibility/findings/<int:pk>/dismiss/",
        page_findings.dismiss_finding,
        name="dismiss",
    ),
    path(
        "accessibility/findings/<int:pk>/show/",
        page_findings.show_in_draft,
        name="show_in_draft",
    ),
    path(
        "accessibility/dismissals/<int:pk>/undo/",
        page_findings.undo_dismissal,
        name="undo",
    ),
]

# Audit runs and trends (part B, docs/audit-admin-runs.md).
from audit.admin.views import runs, trends  # noqa: E402

urlpatterns += [
    path("accessibility/runs/", runs.RunIndexView.as_view(), name="runs"),
    path(
        "accessibility/runs/results/",
        runs.RunIndexView.as_view(results_only=True),
        name="runs_results",
    ),
    path("accessibility/runs/start/", runs.StartRunView.as_view(), name="run_start"),
    path("accessibility/runs/<int:pk>/", runs.RunDetailView.as_view(), name="run"),
    path(
        "accessibility/runs/<int:pk>/results/",
        runs.RunDetailView.as_view(results_only=True),
        name="run_results",
    ),
    path("accessibility/trends/", trends.TrendsView.as_view(), name="trends"),
]
