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
