"""The accessibility statement's history: one snapshot per finished full-site audit, newest
first, each viewable; and a preview of what the statement will say after the next audit, built
from the findings as they stand now (fixes and dismissals since the last audit included)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from audit.admin import permissions
from audit.storage.models import StatementSnapshot
from audit.storage.statement import StatementData, build_statement, snapshot_data

#: Snapshots listed on the history screen (older ones stay stored).
HISTORY_LENGTH = 100


class StatementView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Base: the audit's view permission, a breadcrumb back to the history."""

    permission_policy = permissions.policy
    permission_required = "view"
    header_icon = "doc-full"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        history = {"url": reverse("audit_statement:index"), "label": _("Statement history")}
        return [*self.breadcrumbs_items, history, {"url": "", "label": self.get_page_title()}]


class StatementHistoryView(StatementView):
    template_name = "audit/statement/index.html"
    page_title = _("Accessibility statement history")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        snapshots = StatementSnapshot.objects.select_related("run")[:HISTORY_LENGTH]
        context["entries"] = [(snapshot, snapshot_data(snapshot)) for snapshot in snapshots]
        return context


class StatementDetailView(StatementView):
    template_name = "audit/statement/detail.html"
    page_title = _("Accessibility statement")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        snapshot = get_object_or_404(
            StatementSnapshot.objects.select_related("run"), pk=kwargs["pk"]
        )
        context.update(snapshot=snapshot, statement=snapshot_data(snapshot), preview=False)
        return context


class StatementPreviewView(StatementView):
    template_name = "audit/statement/detail.html"
    page_title = _("Statement preview")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        statement: StatementData = build_statement()
        context.update(snapshot=None, statement=statement, preview=True)
        return context
