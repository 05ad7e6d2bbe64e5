"""Dismissing and undoing: who and when are kept, every covered finding follows, and the
audit log records both."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageLogEntry

from audit.core.enums import DismissalReason, DismissalScope, FindingStatus
from audit.storage.dismissals import (
    DISMISS_ACTION,
    UNDO_ACTION,
    active_dismissal_for,
    dismiss,
    undo,
)
from audit.storage.models import Dismissal, TrackedFinding
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

HEADER_LOGO = {"selector": "header img.logo", "html": '<img class="logo" src="/logo.png">'}


@pytest.fixture
def site(home_page: Any) -> Any:
    return build_pages(home_page)


@pytest.fixture
def editor() -> Any:
    return SuperuserFactory()


def status(tracked: TrackedFinding) -> str:
    tracked.refresh_from_db()
    return tracked.status


def test_a_page_dismissal_covers_that_finding_only(site: Any, editor: Any) -> None:
    run = AuditRunFactory()
    logo_bins = tracked_finding(page=site.bins_page, run=run, **HEADER_LOGO)
    logo_tax = tracked_finding(page=site.tax_page, run=run, **HEADER_LOGO)
    dismissal = dismiss(
        logo_bins,
        user=editor,
        reason=DismissalReason.FALSE_POSITIVE,
        note="  The logo has alt text in the SVG.  ",
        scope=DismissalScope.PAGE,
    )
    assert dismissal.created_by == editor and dismissal.created_at is not None
    assert dismissal.note == "The logo has alt text in the SVG."
    assert (dismissal.fingerprint, dismissal.page_id) == (logo_bins.fingerprint, site.bins_page.pk)
    assert status(logo_bins) == FindingStatus.DISMISSED
    assert status(logo_tax) == FindingStatus.OPEN
    assert active_dismissal_for(logo_bins) == dismissal
    assert active_dismissal_for(logo_tax) is None


def test_a_site_dismissal_covers_the_same_element_on_every_page(site: Any, editor: Any) -> None:
    run = AuditRunFactory()
    logo_bins = tracked_finding(page=site.bins_page, run=run, **HEADER_LOGO)
    logo_tax = tracked_finding(page=site.tax_page, run=run, **HEADER_LOGO)
    other = tracked_finding(page=site.tax_page, run=run)
    dismissal = dismiss(
        logo_bins, user=editor, reason="accepted", note="Template fix planned.", scope="site"
    )
    assert dismissal.target_key == logo_bins.latest.target_key
    assert [status(t) for t in (logo_bins, logo_tax, other)] == [
        FindingStatus.DISMISSED,
        FindingStatus.DISMISSED,
        FindingStatus.OPEN,
    ]


@pytest.mark.parametrize(
    ("reason", "note", "scope", "field"),
    [
        ("", "Fine", "page", "reason"),
        ("because", "Fine", "page", "reason"),
        ("accepted", "   ", "page", "note"),
        ("accepted", "Fine", "everywhere", "scope"),
    ],
)
def test_a_dismissal_needs_a_reason_and_a_note(
    site: Any, editor: Any, reason: str, note: str, scope: str, field: str
) -> None:
    tracked = tracked_finding(page=site.bins_page)
    with pytest.raises(ValidationError) as error:
        dismiss(tracked, user=editor, reason=reason, note=note, scope=scope)
    assert field in error.value.message_dict
    assert not Dismissal.objects.exists()
    assert status(tracked) == FindingStatus.OPEN


def test_undo_reopens_what_the_latest_audit_still_saw(site: Any, editor: Any) -> None:
    run = AuditRunFactory()
    tracked = tracked_finding(page=site.bins_page, run=run)
    dismissal = dismiss(tracked, user=editor, reason="accepted", note="Later", scope="page")
    undo(dismissal, user=editor)
    dismissal.refresh_from_db()
    assert dismissal.revoked_by == editor and dismissal.revoked_at is not None
    assert Dismissal.objects.filter(pk=dismissal.pk).exists()  # kept, revoked
    assert not Dismissal.objects.active().exists()
    assert status(tracked) == FindingStatus.OPEN


def test_undo_closes_what_the_latest_audit_no_longer_saw(site: Any, editor: Any) -> None:
    first = AuditRunFactory()
    tracked = tracked_finding(page=site.bins_page, run=first)
    dismissal = dismiss(tracked, user=editor, reason="accepted", note="Later", scope="page")
    # A later audit of the page no longer sees the element (the sink leaves it dismissed).
    later = AuditRunFactory()
    PageResultFactory(run=later, page=site.bins_page)
    undo(dismissal, user=editor)
    tracked.refresh_from_db()
    assert (tracked.status, tracked.fixed_in) == (FindingStatus.FIXED, later)


def test_undo_keeps_findings_another_dismissal_covers(site: Any, editor: Any) -> None:
    run = AuditRunFactory()
    logo_bins = tracked_finding(page=site.bins_page, run=run, **HEADER_LOGO)
    logo_tax = tracked_finding(page=site.tax_page, run=run, **HEADER_LOGO)
    page_only = dismiss(logo_tax, user=editor, reason="accepted", note="Here", scope="page")
    site_wide = dismiss(logo_bins, user=editor, reason="accepted", note="All", scope="site")
    undo(site_wide, user=editor)
    assert status(logo_bins) == FindingStatus.OPEN
    assert status(logo_tax) == FindingStatus.DISMISSED  # its own dismissal still stands
    undo(page_only, user=editor)
    assert status(logo_tax) == FindingStatus.OPEN


def test_undoing_twice_changes_nothing(site: Any, editor: Any) -> None:
    tracked = tracked_finding(page=site.bins_page)
    dismissal = dismiss(tracked, user=editor, reason="accepted", note="Later", scope="page")
    undo(dismissal, user=editor)
    first_revoked = Dismissal.objects.get(pk=dismissal.pk).revoked_at
    undo(dismissal, user=SuperuserFactory())
    assert Dismissal.objects.get(pk=dismissal.pk).revoked_at == first_revoked
    assert PageLogEntry.objects.filter(action=UNDO_ACTION).count() == 1


def test_both_are_in_the_page_history(site: Any, editor: Any) -> None:
    tracked = tracked_finding(page=site.bins_page)
    dismissal = dismiss(tracked, user=editor, reason="not-applicable", note="N/A", scope="page")
    undo(dismissal, user=editor)
    entries = PageLogEntry.objects.filter(
        page=site.bins_page, action__in=[DISMISS_ACTION, UNDO_ACTION]
    ).order_by("timestamp", "pk")
    logged = [(e.action, e.user_id, e.data["rule"], e.data["note"]) for e in entries]
    assert (DISMISS_ACTION, editor.pk, "image-alt", "N/A") in logged
    assert (UNDO_ACTION, editor.pk, "image-alt", "N/A") in logged
    entry = entries.get(action=DISMISS_ACTION)
    assert entry.message == "Accessibility finding dismissed"
    assert entry.data["findings"] == 1


def test_dismissals_of_urls_outside_wagtail_are_logged_on_the_dismissal(editor: Any) -> None:
    from wagtail.models import ModelLogEntry

    tracked = tracked_finding(url="http://localhost/legacy/")
    dismissal = dismiss(tracked, user=editor, reason="accepted", note="Old system", scope="page")
    assert ModelLogEntry.objects.filter(action=DISMISS_ACTION, object_id=str(dismissal.pk)).exists()
