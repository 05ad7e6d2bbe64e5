"""The people and pages of the audit admin tests.

A small site (home, two sections with a page each) and one user per row of the permission
matrix: nobody, a plain editor, editors with each audit permission, an editor of one section
only, and a superuser. Every user can reach the admin (``wagtailadmin.access_admin``); page
editing rights come from a group with Wagtail's page permissions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from tests.factories import ServiceCategoryPageFactory, ServicePageFactory, UserFactory

ADMIN = "wagtailadmin.access_admin"
VIEW = "audit.view_auditrun"
DISMISS = "audit.dismiss_finding"
RUN = "audit.run_audit"


@dataclass
class Pages:
    home: Page
    bins: Page
    bins_page: Page
    tax: Page
    tax_page: Page


@dataclass
class People:
    plain: Any  # edits every page, no audit permissions
    viewer: Any  # edits every page, may see the report
    dismisser: Any  # edits every page, may dismiss
    runner: Any  # edits every page, may run audits
    section: Any  # edits the bins section only; every audit permission
    outsider: Any  # reaches the admin, edits no pages
    superuser: Any


def build_pages(home: Page) -> Pages:
    bins = ServiceCategoryPageFactory(parent=home, title="Bins and recycling")
    tax = ServiceCategoryPageFactory(parent=home, title="Council tax")
    return Pages(
        home=home,
        bins=bins,
        bins_page=ServicePageFactory(parent=bins, title="Missed bin collection"),
        tax=tax,
        tax_page=ServicePageFactory(parent=tax, title="Pay your council tax"),
    )


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def editors_of(page: Page, name: str) -> Group:
    group = Group.objects.create(name=name)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )
    return group


def editors_of_documents(collection: Collection, name: str) -> Group:
    """A group that may add and change the documents in ``collection``."""
    group = Group.objects.create(name=name)
    for codename in ("add_document", "change_document"):
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=_permission("wagtaildocs", codename)
        )
    return group


def user(*permissions: str, groups: tuple[Group, ...] = (), **fields: Any) -> Any:
    person = UserFactory(permissions=[ADMIN, *permissions], **fields)
    person.groups.add(*groups)
    return person


def build_people(pages: Pages) -> People:
    everything = editors_of(pages.home, "Site editors")
    bins_only = editors_of(pages.bins, "Bins editors")
    return People(
        plain=user(groups=(everything,), username="plain"),
        viewer=user(VIEW, groups=(everything,), username="viewer"),
        dismisser=user(VIEW, DISMISS, groups=(everything,), username="dismisser"),
        runner=user(RUN, groups=(everything,), username="runner"),
        section=user(VIEW, DISMISS, RUN, groups=(bins_only,), username="section"),
        outsider=user(VIEW, DISMISS, RUN, username="outsider"),
        superuser=UserFactory(username="super", is_superuser=True, is_staff=True),
    )
