"""What the audit app adds to the Wagtail admin; each entry is defined elsewhere."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

# Part A: the site-wide report, the editor panel, dismissals and permissions -----------------


@hooks.register("register_admin_urls")
def register_audit_admin_urls() -> list[Any]:
    from django.urls import include, path

    return [path("", include("audit.admin.urls"))]


@hooks.register("register_reports_menu_item")
def register_accessibility_report_menu_item() -> Any:
    from audit.admin.menu import AccessibilityReportMenuItem

    return AccessibilityReportMenuItem()


@hooks.register("register_permissions")
def register_audit_permissions() -> Any:
    from audit.admin.permissions import group_permissions

    return group_permissions()


@hooks.register("register_log_actions")
def register_audit_log_actions(actions: Any) -> None:
    from audit.storage.dismissals import register_log_actions

    register_log_actions(actions)


@hooks.register("register_page_header_buttons")
def register_page_findings_header_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> Any:
    from audit.admin.menu import page_findings_buttons

    return page_findings_buttons(page, user)


@hooks.register("construct_page_listing_buttons")
def add_page_listing_findings_indicator(
    buttons: list[Any], page: Any, user: Any, context: Any = None
) -> None:
    from audit.admin.menu import add_findings_indicator

    add_findings_indicator(buttons, page, user, context)


# Part B: audit runs, trends, the dashboard panel and the audit settings ---------------------


@hooks.register("register_reports_menu_item")
def register_audit_runs_menu_item() -> Any:
    from audit.admin.views.runs import RunsMenuItem

    return RunsMenuItem()


@hooks.register("register_reports_menu_item")
def register_accessibility_trends_menu_item() -> Any:
    from audit.admin.views.trends import TrendsMenuItem

    return TrendsMenuItem()


@hooks.register("construct_homepage_panels")
def add_accessibility_dashboard_panel(request: Any, panels: list[Any]) -> None:
    from audit.admin.dashboard import add_accessibility_panel

    add_accessibility_panel(request, panels)


@hooks.register("construct_settings_menu")
def rename_audit_settings_menu_item(request: Any, menu_items: list[Any]) -> None:
    from audit.admin.audit_settings import rename_settings_menu_item

    rename_settings_menu_item(request, menu_items)


def _register_audit_settings() -> None:
    # Settings > Accessibility audit (a registration, not a hook: Wagtail's own decorator).
    from audit.admin.audit_settings import register_audit_settings

    register_audit_settings()


_register_audit_settings()


@hooks.register("construct_wagtail_userbar")
def add_accessibility_userbar_item(request: Any, items: list[Any], page: Any = None) -> None:
    from audit.admin.menu import add_userbar_item

    add_userbar_item(request, items, page)


def _register_words_to_avoid() -> None:
    # Settings > Words to avoid (Wagtail's snippet registry, not a hook).
    from wagtail.snippets.models import register_snippet

    from audit.admin.words import PlainEnglishTermViewSet

    register_snippet(PlainEnglishTermViewSet)


_register_words_to_avoid()
