"""Where the audit shows up in Wagtail's admin furniture besides its own menu
(:mod:`audit.admin.viewsets`): the page editor's header menu, the page listing's row buttons
and the user bar."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.userbar import BaseItem
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import Page

from audit.admin import permissions
from audit.storage.models import TrackedFinding


def page_findings_buttons(page: Page, user: Any) -> list[Button]:
    """ "Accessibility" in the page's header menu: the no-JavaScript way to its findings."""
    if not permissions.can_edit_page(user, page):
        return []
    return [
        Button(
            _("Accessibility"),
            url=reverse("audit_editor:page_findings", args=[page.pk]),
            icon_name="glasses",
            priority=68,
        )
    ]


_COUNTS_ATTRIBUTE = "_clearway_audit_open_counts"


def open_counts(request: Any) -> dict[int, int]:
    """Open findings per page, counted once per request whatever the listing's length."""
    counts = getattr(request, _COUNTS_ATTRIBUTE, None)
    if counts is None:
        rows = (
            TrackedFinding.objects.current()
            .accessibility()  # writing advice is not an accessibility problem
            .filter(page__isnull=False)
            .values("page_id")
            .annotate(count=Count("pk"))
            .order_by()
        )
        counts = {row["page_id"]: row["count"] for row in rows}
        setattr(request, _COUNTS_ATTRIBUTE, counts)
    return counts


def add_findings_indicator(buttons: list[Any], page: Page, user: Any, context: Any) -> None:
    """A row button on pages with open findings, for people who can edit the page."""
    request = context.get("request") if context else None
    if request is None:
        return
    count = open_counts(request).get(page.pk, 0)
    if not count or not permissions.can_edit_page(user, page):
        return
    label = ngettext(
        "%(count)d accessibility problem", "%(count)d accessibility problems", count
    ) % {"count": count}
    buttons.append(
        ListingButton(
            label,
            url=reverse("audit_editor:page_findings", args=[page.pk]),
            icon_name="warning",
            priority=5,
            attrs={"data-clearway-findings": str(count)},
        )
    )


class PageFindingsUserbarItem(BaseItem):
    """In the user bar on the page and its previews: how many problems the last audit found,
    leading to the page's accessibility screen (with the checks on the draft)."""

    template_name = "audit/editor/userbar_item.html"

    def __init__(self, page: Page) -> None:
        self.page = page

    def render_html(self, parent_context: Any) -> str:
        request = parent_context.get("request")
        if request is None or not self.page.pk:
            return ""
        if not permissions.can_edit_page(request.user, self.page):
            return ""
        html: str = super().render_html(parent_context)
        return html

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(parent_context)
        context["count"] = (
            TrackedFinding.objects.current().accessibility().for_page(self.page).count()
        )
        context["url"] = reverse("audit_editor:page_findings", args=[self.page.pk])
        return context


def add_userbar_item(request: Any, items: list[Any], page: Any) -> None:
    """For ``construct_wagtail_userbar``: only on Wagtail pages, never in the editor's own
    preview panel (which shows the Checks panel beside it)."""
    if isinstance(page, Page) and page.pk and not getattr(request, "in_preview_panel", False):
        items.append(PageFindingsUserbarItem(page))
