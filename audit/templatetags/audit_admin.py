"""Template tags for the audit's admin screens."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.models import Page

from audit.admin import permissions
from audit.admin.document_findings import document_findings
from audit.core.enums import DismissalScope

register = template.Library()


@register.simple_tag(takes_context=True)
def audit_findings_panel(context: dict[str, Any], page: Page) -> SafeString | str:
    """The page's findings for its editor panel; nothing for people who cannot edit it."""
    from audit.admin.views.page_findings import panel_context

    request = context.get("request")
    if request is None or not permissions.can_edit_page(request.user, page):
        return ""
    html = render_to_string(
        "audit/editor/panel.html",
        panel_context(request, page, next_url=request.get_full_path(), in_editor=True),
        request=request,
    )
    assets = format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        static("audit/audit-admin.css"),
        static("audit/panel.js"),
    )
    return assets + html


@register.simple_tag(takes_context=True)
def audit_document_findings(context: dict[str, Any], document: Any) -> SafeString | str:
    """The Wagtail document's findings for its edit view; nothing for people who may not
    change the document."""
    request = context.get("request")
    if request is None or not permissions.can_change_document(request.user, document):
        return ""
    user = request.user
    findings = document_findings(document)
    dismissable = {
        row.tracked.pk
        for row in [*findings.problems, *findings.advice]
        if permissions.can_dismiss_finding(user, row.tracked, DismissalScope.PAGE)
    }
    return render_to_string(
        "audit/documents/findings.html",
        {
            "document": document,
            "findings": findings,
            "can_view_report": permissions.can_view_report(user),
            "dismissable": dismissable,
            "next_url": request.get_full_path(),
        },
        request=request,
    )
