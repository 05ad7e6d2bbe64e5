"""Audit runs in the admin: the list (with progress while a run is going), one run's page
results and errors, and "Run full audit now".

Seeing runs needs ``audit.view_auditrun``; starting one needs ``audit.run_audit``
(:mod:`audit.admin.permissions`). The URLs and the menu item are in
:class:`audit.admin.viewsets.RunsViewSet`.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin

from audit import tasks
from audit.admin import permissions
from audit.core.enums import Outcome, PageStatus, RunStatus, RunTrigger
from audit.runs import service
from audit.storage.models import AuditRun, PageResult
from audit.storage.trends import FULL_SITE_TRIGGERS

#: A run is "under way" in these states: a second full run must not start beside it.
UNDER_WAY = (RunStatus.QUEUED, RunStatus.RUNNING)
#: The page-result filter's extra choice: every page the audit could not check.
FAILED = "failed"


def format_duration(seconds: float | None) -> str:
    """``"4 min 05 s"``, ``"12.3 s"``, ``"1 h 02 min"``; empty when unknown."""
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def full_run_under_way() -> AuditRun | None:
    """The queued or running full-site run, if there is one."""
    return (
        AuditRun.objects.filter(trigger__in=FULL_SITE_TRIGGERS, status__in=UNDER_WAY)
        .order_by("-pk")
        .first()
    )


# Runs --------------------------------------------------------------------------------------


class RunStatusColumn(Column):
    """The status, with a ``<progress>`` bar and "n of m pages" while the run is going."""

    cell_template_name = "audit/runs/status_cell.html"


class DurationColumn(Column):
    def get_value(self, instance: Any) -> str:
        return format_duration(instance.duration)


class RunFilterSet(WagtailFilterSet):
    trigger = django_filters.ChoiceFilter(
        label=_("Trigger"), choices=RunTrigger.choices, empty_label=_("Any trigger")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=RunStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = AuditRun
        fields = ["trigger", "status"]


class RunIndexView(PermissionCheckedMixin, BaseListingView):
    model = AuditRun
    permission_policy = permissions.policy
    permission_required = "view"
    page_title = _("Accessibility audit runs")
    header_icon = "history"
    template_name = "audit/runs/index.html"
    results_template_name = "audit/runs/index_results.html"
    filterset_class = RunFilterSet
    verbose_name = _("audit run")
    verbose_name_plural = _("audit runs")
    paginate_by = 50
    default_ordering = "-created_at"
    columns = [
        TitleColumn(
            "name",
            label=_("Run"),
            accessor=lambda run: f"Run {run.pk}",
            url_name="audit_runs:detail",
        ),
        Column("trigger", accessor="get_trigger_display"),
        RunStatusColumn("status"),
        DateColumn("started_at", label=_("Started"), sort_key="created_at"),
        DurationColumn("duration"),
        Column("pages_done", label=_("Pages")),
        Column("pages_reused", label=_("Reused")),
        Column("pages_failed", label=_("Errors")),
        Column("findings_new", label=_("New")),
        Column("findings_fixed", label=_("Fixed")),
        Column("findings_regressed", label=_("Regressed")),
    ]

    def get_table_kwargs(self) -> dict[str, Any]:
        return {**super().get_table_kwargs(), "caption": _("Audit runs, newest first")}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["can_run"] = permissions.can_run(self.request.user)
        context["under_way"] = full_run_under_way()
        return context


# One run -----------------------------------------------------------------------------------


class PageStatusColumn(Column):
    def get_value(self, instance: Any) -> str:
        return str(instance.get_status_display())


class PageColumn(Column):
    """The audited URL, and a link to edit the Wagtail page when it is one."""

    cell_template_name = "audit/runs/page_cell.html"


class PageResultFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(FAILED, _("Could not be audited (error or timeout)")), *PageStatus.choices],
        empty_label=_("Any status"),
        method="filter_status",
    )
    reused = django_filters.BooleanFilter(label=_("Reused from an earlier run"))

    class Meta:
        model = PageResult
        fields = ["status", "reused"]

    def filter_status(
        self, queryset: QuerySet[PageResult], name: str, value: str
    ) -> QuerySet[PageResult]:
        if value == FAILED:
            return queryset.filter(status__in=[PageStatus.ERROR, PageStatus.TIMEOUT])
        return queryset.filter(status=value)


class RunDetailView(PermissionCheckedMixin, BaseListingView):
    """One run: its counters, its error, and the result of every page it audited."""

    model = PageResult
    permission_policy = permissions.policy
    permission_required = "view"
    template_name = "audit/runs/detail.html"
    results_template_name = "audit/runs/detail_results.html"
    filterset_class = PageResultFilterSet
    header_icon = "history"
    verbose_name = _("page result")
    verbose_name_plural = _("page results")
    paginate_by = 100
    default_ordering = "url"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy("audit_runs:index"), "label": _("Accessibility audit runs")},
    ]
    columns = [
        PageColumn("url", label=_("Page"), sort_key="url"),
        PageStatusColumn("status", sort_key="status"),
        Column("http_status", label=_("HTTP status")),
        Column("error", label=_("Error"), classname="audit-error-cell"),
        DurationColumn("duration", sort_key="duration"),
        Column("reused", accessor=lambda result: _("Yes") if result.reused else _("No")),
        Column("violation_count", label=_("Violations"), sort_key="violation_count"),
        Column("review_count", label=_("Needs review"), sort_key="review_count"),
        Column("advice_count", label=_("Advice"), sort_key="advice_count"),
    ]

    @cached_property
    def run(self) -> AuditRun:
        return get_object_or_404(AuditRun, pk=self.kwargs["pk"])

    def get_page_title(self) -> str:
        return str(_("Audit run %(id)s")) % {"id": self.run.pk}

    def get_page_subtitle(self) -> str:
        return f"{self.run.get_trigger_display()}, {self.run.get_status_display().lower()}"

    def get_index_url(self) -> str:
        return reverse(self.index_url_name, args=[self.run.pk])

    def get_index_results_url(self) -> str:
        return reverse(self.index_results_url_name, args=[self.run.pk])

    def get_base_queryset(self) -> QuerySet[PageResult]:
        return (
            PageResult.objects.filter(run=self.run)
            .select_related("page")
            .annotate(
                violation_count=Count("findings", filter=Q(findings__outcome=Outcome.VIOLATION)),
                review_count=Count("findings", filter=Q(findings__outcome=Outcome.NEEDS_REVIEW)),
                advice_count=Count("findings", filter=Q(findings__outcome=Outcome.ADVICE)),
            )
        )

    def get_table_kwargs(self) -> dict[str, Any]:
        caption = _("The pages audited in run %(id)s") % {"id": self.run.pk}
        return {**super().get_table_kwargs(), "caption": caption}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        context["run"] = self.run
        context["duration"] = format_duration(self.run.duration)
        context["failed_url"] = f"{self.index_url}?status={FAILED}"
        return context


# Run full audit now ------------------------------------------------------------------------


class StartRunView(PermissionCheckedMixin, View):
    """POST only: queue a manual full-site run, unless one is already queued or running.

    Needs ``audit.run_audit`` only: the button shows on the runs list (which needs the view
    permission too), but starting an audit shows nothing the person may not see.
    """

    http_method_names = ["post"]
    permission_policy = permissions.policy
    permission_required = "run"

    def post(self, request: HttpRequest) -> HttpResponse:
        under_way = full_run_under_way()
        if under_way is not None:
            messages.warning(
                request,
                _(
                    "A full audit is already %(status)s (run %(id)s). "
                    "You can start another when it has finished."
                )
                % {"status": under_way.get_status_display().lower(), "id": under_way.pk},
            )
            return self.redirect_to(under_way)
        run = service.create_run(RunTrigger.MANUAL)
        tasks.run_audit.enqueue(run.pk)
        messages.success(
            request,
            _("Full audit queued (run %(id)s). It starts as soon as a worker is free.")
            % {"id": run.pk},
        )
        return self.redirect_to(run)

    def redirect_to(self, run: AuditRun) -> HttpResponseRedirect:
        """The run's page, or the dashboard for people who may run audits but not see runs."""
        if permissions.can_view_report(self.request.user):
            return HttpResponseRedirect(reverse("audit_runs:detail", args=[run.pk]))
        return HttpResponseRedirect(reverse("wagtailadmin_home"))
