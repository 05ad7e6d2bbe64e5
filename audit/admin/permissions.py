"""Who may see and act on accessibility findings: every rule in one place.

- Seeing the site-wide report and the runs: ``audit.view_auditrun`` (Django's view permission
  on :class:`~audit.storage.models.AuditRun`).
- Dismissing findings: ``audit.dismiss_finding``; starting audits: ``audit.run_audit``.
- Whatever the audit permissions, people see the findings of the pages they can edit (Wagtail's
  page permission policy) and no others; superusers see everything. Findings on URLs that are
  not Wagtail pages belong to no editor: only people with the view permission see them.
- A site-wide dismissal hides an element on pages the person may not be able to edit, so it
  also needs the view permission (the audit team), not only the dismiss one.
- A Wagtail document's findings are shown on its edit view to the people who may change that
  document (Wagtail's document permission policy, by collection): they are who can replace it.

The three permissions are the actions of one Wagtail permission policy (:data:`policy`), which
the admin's viewsets and views check (``permission_required``) and the helpers below use. They
are assignable to groups in Settings > Groups (see ``wagtail_hooks``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from audit.core.enums import DismissalScope
from audit.storage.models import AuditRun, Dismissal, TrackedFinding, TrackedFindingQuerySet

VIEW = "audit.view_auditrun"
DISMISS = "audit.dismiss_finding"
RUN = "audit.run_audit"
#: (app label, codename) of the permissions offered to groups.
GROUP_PERMISSIONS = (
    ("audit", "view_auditrun"),
    ("audit", "dismiss_finding"),
    ("audit", "run_audit"),
)

User = Any  # an authenticated user or AnonymousUser: Django's user model is swappable


def _active(user: User) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


class AuditPermissionPolicy(ModelPermissionPolicy):
    """The audit's permissions as actions on :class:`AuditRun`: ``"view"`` (the report, runs
    and trends), ``"run"`` (start audits) and ``"dismiss"`` (dismiss findings)."""

    #: Actions whose codename is not Django's ``<action>_auditrun``.
    CODENAMES: ClassVar[dict[str, str]] = {"run": "run_audit", "dismiss": "dismiss_finding"}

    def _get_permission_codename(self, action: str) -> str:
        return self.CODENAMES.get(action) or super()._get_permission_codename(action)

    def user_has_permission(self, user: User, action: str) -> bool:
        return _active(user) and bool(super().user_has_permission(user, action))


#: What the audit's viewsets and views check (``permission_policy``, ``permission_required``).
policy = AuditPermissionPolicy(AuditRun)


def can_view_report(user: User) -> bool:
    return policy.user_has_permission(user, "view")


def can_dismiss(user: User) -> bool:
    return policy.user_has_permission(user, "dismiss")


def can_run(user: User) -> bool:
    return policy.user_has_permission(user, "run")


def can_edit_page(user: User, page: Page | None) -> bool:
    if page is None or not _active(user):
        return False
    return bool(page.permissions_for_user(user).can_edit())


def can_change_document(user: User, document: Any) -> bool:
    """Whether ``user`` may change the Wagtail ``document`` (replace its file, say)."""
    if document is None or not _active(user):
        return False
    documents = policy_registry.get_by_type(get_document_model())
    return bool(documents.user_has_permission_for_instance(user, "change", document))


def editable_pages(user: User) -> QuerySet[Page]:
    """The pages ``user`` may edit (all of them for a superuser)."""
    pages: QuerySet[Page]
    if not _active(user):
        pages = Page.objects.none()
    else:
        pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return pages


def visible_findings(
    user: User, findings: TrackedFindingQuerySet | None = None
) -> TrackedFindingQuerySet:
    """``findings`` (every tracked finding by default) narrowed to what ``user`` may see."""
    queryset = TrackedFinding.objects.all() if findings is None else findings
    if not _active(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    on_pages = Q(page__in=editable_pages(user).values("pk"))
    if can_view_report(user):
        return queryset.filter(on_pages | Q(page__isnull=True))
    return queryset.filter(on_pages)


def can_see_finding(user: User, tracked: TrackedFinding) -> bool:
    return visible_findings(user, TrackedFinding.objects.filter(pk=tracked.pk)).exists()


def can_audit_page(user: User, page: Page) -> bool:
    """ "Audit this page now": the run permission, on a page the person can edit."""
    return can_run(user) and can_edit_page(user, page)


def can_dismiss_finding(user: User, tracked: TrackedFinding, scope: str) -> bool:
    if not can_dismiss(user) or not can_see_finding(user, tracked):
        return False
    if scope == DismissalScope.SITE:
        return can_view_report(user)
    return True


def can_undo(user: User, dismissal: Dismissal) -> bool:
    """The same rights as making the dismissal: page scope on a page the person can see."""
    if not can_dismiss(user):
        return False
    if dismissal.scope == DismissalScope.SITE:
        return can_view_report(user)
    if dismissal.page_id is None:
        return can_view_report(user)
    return user.is_superuser or editable_pages(user).filter(pk=dismissal.page_id).exists()


def group_permissions() -> QuerySet[Permission]:
    """The audit's permissions, for Settings > Groups."""
    query = Q()
    for app_label, codename in GROUP_PERMISSIONS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


__all__ = [
    "DISMISS",
    "RUN",
    "VIEW",
    "AuditPermissionPolicy",
    "can_audit_page",
    "can_change_document",
    "can_dismiss",
    "can_dismiss_finding",
    "can_edit_page",
    "can_run",
    "can_see_finding",
    "can_undo",
    "can_view_report",
    "editable_pages",
    "group_permissions",
    "policy",
    "visible_findings",
]
