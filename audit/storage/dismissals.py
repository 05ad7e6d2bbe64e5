"""Dismissing a finding, and undoing that: an editor's decision, kept and audit-logged.

A page-scope dismissal covers one finding (its fingerprint); a site-scope one covers the same
rule on the same element on every page (:attr:`~audit.storage.models.Finding.target_key`),
which is how template markup shared by all pages is dismissed once. The database sink keeps a
dismissed finding dismissed while an active dismissal matches it, and closes it when it is gone.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry, log

from audit.core.enums import DismissalReason, DismissalScope, FindingStatus, PageStatus
from audit.results import FindingResult
from audit.results.fingerprints import target_key
from audit.results.sinks import RunSummary
from audit.storage.models import Dismissal, PageResult, TrackedFinding, TrackedFindingQuerySet

DISMISS_ACTION = "audit.dismiss_finding"
UNDO_ACTION = "audit.undo_dismissal"


def register_log_actions(actions: LogActionRegistry) -> None:
    """For the ``register_log_actions`` hook: how the audit log names our actions."""
    actions.register_action(
        DISMISS_ACTION,
        _("Dismiss accessibility finding"),
        _("Accessibility finding dismissed"),
    )
    actions.register_action(
        UNDO_ACTION,
        _("Undo accessibility dismissal"),
        _("Accessibility dismissal undone"),
    )


def matching(dismissal: Dismissal) -> TrackedFindingQuerySet:
    """Every tracked finding ``dismissal`` covers, whatever its status."""
    findings = TrackedFinding.objects.filter(rule=dismissal.rule)
    if dismissal.scope == DismissalScope.SITE:
        return findings.filter(latest__target_key=dismissal.target_key)
    return findings.filter(fingerprint=dismissal.fingerprint)


def active_dismissal_for(tracked: TrackedFinding) -> Dismissal | None:
    """The standing dismissal covering ``tracked``, if any (the most recent)."""
    target = tracked.latest.target_key if tracked.latest else ""
    return (
        Dismissal.objects.active()
        .filter(rule=tracked.rule)
        .filter(
            Q(scope=DismissalScope.PAGE, fingerprint=tracked.fingerprint)
            | Q(scope=DismissalScope.SITE, target_key=target) & ~Q(target_key="")
        )
        .first()
    )


def dismiss(
    tracked: TrackedFinding,
    *,
    user: Any,
    reason: str,
    note: str,
    scope: str = DismissalScope.PAGE,
) -> Dismissal:
    """Dismiss ``tracked`` (and, site-wide, the same element on every page) for ``reason``.

    Raises :class:`ValidationError` for an unknown reason or scope, or an empty note. The
    caller checks permissions (:func:`audit.admin.permissions.can_dismiss_finding`).
    """
    note = note.strip()
    errors: dict[str, str] = {}
    if reason not in DismissalReason.values:
        errors["reason"] = "Choose why this finding needs no fix."
    if scope not in DismissalScope.values:
        errors["scope"] = "Choose this page or every page."
    if not note:
        errors["note"] = "Say why this finding needs no fix."
    target = tracked.latest.target_key if tracked.latest else ""
    if scope == DismissalScope.SITE and not target:
        errors["scope"] = "This finding can only be dismissed on this page."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        dismissal = Dismissal.objects.create(
            rule=tracked.rule,
            scope=scope,
            fingerprint=tracked.fingerprint,
            target_key=target,
            page_id=tracked.page_id,
            url=tracked.url,
            reason=reason,
            note=note,
            created_by=user,
        )
        covered = matching(dismissal).filter(
            status__in=[FindingStatus.OPEN, FindingStatus.REGRESSED]
        )
        count = covered.update(status=FindingStatus.DISMISSED)
        _log(dismissal, DISMISS_ACTION, user, findings=count)
    return dismissal


def undo(dismissal: Dismissal, *, user: Any) -> None:
    """Revoke ``dismissal`` (the row stays, with who and when) and reopen what it covered.

    A covered finding becomes open again when its page's latest audit still saw it, or fixed
    when that audit no longer did. Findings that another standing dismissal covers stay
    dismissed. Undoing twice changes nothing.
    """
    with transaction.atomic():
        revoked = Dismissal.objects.filter(pk=dismissal.pk, revoked_at__isnull=True).update(
            revoked_by=user, revoked_at=timezone.now()
        )
        dismissal.refresh_from_db()
        if not revoked:
            return
        count = 0
        for tracked in matching(dismissal).filter(status=FindingStatus.DISMISSED):
            if active_dismissal_for(tracked) is not None:
                continue
            latest_run_id = _latest_audit_run_id(tracked)
            if latest_run_id is None or latest_run_id == tracked.last_seen_id:
                tracked.status = FindingStatus.OPEN
                tracked.fixed_in_id = None
            else:
                tracked.status = FindingStatus.FIXED
                tracked.fixed_in_id = latest_run_id
            tracked.save(update_fields=["status", "fixed_in"])
            count += 1
        _log(dismissal, UNDO_ACTION, user, findings=count)


def _latest_audit_run_id(tracked: TrackedFinding) -> int | None:
    """The run that last audited ``tracked``'s page without error."""
    results = PageResult.objects.filter(status=PageStatus.OK)
    if tracked.page_id is not None:
        results = results.filter(page_id=tracked.page_id)
    else:
        results = results.filter(url=tracked.url)
    latest = results.order_by("-run__created_at", "-run_id").values_list("run_id", flat=True)
    return latest.first()


def _log(dismissal: Dismissal, action: str, user: Any, **extra: Any) -> None:
    """Log against the page when there is one, so it shows in the page's history."""
    data = {
        "dismissal": dismissal.pk,
        "rule": dismissal.rule,
        "scope": dismissal.scope,
        "reason": dismissal.reason,
        "note": dismissal.note,
        "url": dismissal.url,
        **extra,
    }
    instance = dismissal.page.specific_deferred if dismissal.page is not None else dismissal
    log(instance=instance, action=action, user=user, data=data)


# -- Dismissals in the reports ----------------------------------------------------------------


def mark_dismissed(summary: RunSummary) -> RunSummary:
    """``summary`` with each finding a standing dismissal covers marked with its reason
    (:attr:`~audit.results.FindingResult.dismissed`), for the JSON, SARIF and JUnit reports.

    Works on any run, stored or not (``--no-store``): findings are matched as the database
    sink matches them, by fingerprint (page scope) or by rule and element (site scope).
    """
    findings = [finding for page in summary.pages for finding in page.findings]
    if not findings:
        return summary
    keys = {finding.fingerprint: _target(finding) for finding in findings}
    active = (
        Dismissal.objects.active()
        .filter(
            Q(scope=DismissalScope.PAGE, fingerprint__in=set(keys))
            | Q(scope=DismissalScope.SITE, target_key__in=set(keys.values()))
        )
        .order_by("-created_at", "-pk")
        .values_list("scope", "fingerprint", "rule", "target_key", "reason")
    )
    reasons: dict[str | tuple[str, str], str] = {}
    for scope, fingerprint, rule, target, reason in active:
        reasons.setdefault(fingerprint if scope == DismissalScope.PAGE else (rule, target), reason)
    if not reasons:
        return summary

    def marked(finding: FindingResult) -> FindingResult:
        reason = reasons.get(finding.fingerprint) or reasons.get((finding.rule, _target(finding)))
        return dataclasses.replace(finding, dismissed=reason) if reason else finding

    pages = [
        dataclasses.replace(page, findings=[marked(finding) for finding in page.findings])
        for page in summary.pages
    ]
    return dataclasses.replace(summary, pages=pages)


def mark_dismissed_if_readable(summary: RunSummary) -> RunSummary:
    """:func:`mark_dismissed`, or ``summary`` unchanged when the database cannot be read (a
    CI job auditing a staging site with ``--no-store`` and no migrated database)."""
    try:
        return mark_dismissed(summary)
    except (DatabaseError, RuntimeError):  # RuntimeError: database access blocked (tests)
        return summary


def _target(finding: FindingResult) -> str:
    return target_key(finding.rule, finding.selector, finding.html)
