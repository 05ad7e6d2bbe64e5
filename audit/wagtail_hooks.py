"""What the audit app adds to the Wagtail admin: a table, each entry defined elsewhere."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet

from audit.admin import audit_settings, dashboard, menu, permissions, reviews, viewsets
from audit.admin.settings_registration import register_audit_settings
from audit.admin.words import PlainEnglishTermViewSet
from audit.storage import dismissals

# Registries, not hooks: Settings > Accessibility audit and Settings > Words to avoid.
register_audit_settings()
register_snippet(PlainEnglishTermViewSet)


@hooks.register("register_admin_viewset")
def register_audit_viewsets() -> list[ViewSet | ViewSetGroup]:
    return viewsets.audit_viewsets()


@hooks.register("register_permissions")
def register_audit_permissions() -> QuerySet[Any]:
    return permissions.group_permissions()


@hooks.register("register_log_actions")
def register_audit_log_actions(actions: LogActionRegistry) -> None:
    dismissals.register_log_actions(actions)


@hooks.register("register_page_header_buttons")
def register_page_findings_header_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> list[Button]:
    return menu.page_findings_buttons(page, user)


@hooks.register("construct_page_listing_buttons")
def add_page_listing_findings_indicator(
    buttons: list[Any], page: Any, user: Any, context: Any = None
) -> None:
    menu.add_findings_indicator(buttons, page, user, context)


@hooks.register("construct_wagtail_userbar")
def add_accessibility_userbar_item(request: Any, items: list[Any], page: Any = None) -> None:
    menu.add_userbar_item(request, items, page)


@hooks.register("construct_homepage_panels")
def add_accessibility_dashboard_panel(request: Any, panels: list[Any]) -> None:
    dashboard.add_accessibility_panel(request, panels)


@hooks.register("construct_homepage_panels")
def add_review_dashboard_panel(request: Any, panels: list[Any]) -> None:
    reviews.add_review_panel(request, panels)


@hooks.register("construct_settings_menu")
def rename_audit_settings_menu_item(request: Any, menu_items: list[Any]) -> None:
    audit_settings.rename_settings_menu_item(request, menu_items)
