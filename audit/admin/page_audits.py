"""'Audit this page now': queueing one page's audit, and knowing it is under way.

The panel shows "Auditing..." from the request until an audit of the page is stored, or
:data:`AUDIT_PENDING_FOR` has passed (the marker lives in the cache, not the database).
"""

from __future__ import annotations

import datetime
import enum

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from audit import tasks
from audit.core.enums import RunTrigger
from audit.storage.models import PageResult

#: How long "Auditing..." shows at most: a page audit that takes longer has gone wrong.
AUDIT_PENDING_FOR = datetime.timedelta(minutes=10)


class AuditRequest(enum.Enum):
    """What came of asking for an audit of one page."""

    QUEUED = "queued"
    NOT_LIVE = "not-live"
    ALREADY_PENDING = "already-pending"


def _pending_key(page_id: int) -> str:
    return f"audit:page-audit-pending:{page_id}"


def mark_audit_pending(page_id: int) -> None:
    cache.set(_pending_key(page_id), timezone.now(), AUDIT_PENDING_FOR.total_seconds())


def audit_pending(page_id: int) -> bool:
    """True from "Audit this page now" until an audit of the page is stored (or times out)."""
    since = cache.get(_pending_key(page_id))
    if since is None:
        return False
    if PageResult.objects.filter(page_id=page_id, audited_at__gte=since).exists():
        cache.delete(_pending_key(page_id))
        return False
    return True


def request_page_audit(page: Page) -> AuditRequest:
    """Queue an audit of ``page`` unless it is not published or one is under way already.
    The caller checks permissions (:func:`audit.admin.permissions.can_audit_page`)."""
    if not page.live:
        return AuditRequest.NOT_LIVE
    if audit_pending(page.pk):
        return AuditRequest.ALREADY_PENDING
    mark_audit_pending(page.pk)
    tasks.audit_page.enqueue(page.pk, RunTrigger.REQUEST.value)
    return AuditRequest.QUEUED
