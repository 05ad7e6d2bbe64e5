"""The email digest: after a nightly run, each page owner hears about the new and regressed
problems on their pages, once.

- One email per person per run: a :class:`~audit.storage.models.DigestDelivery` row is written
  in the same transaction as the sending, and its unique (run, user) constraint stops a second one,
  so running this twice (or in two workers) never sends twice; a failed send rolls the row
  back, so a retry sends it.
- The recipient is the page's owner, or its last editor when the owner is gone (deleted,
  inactive or without an email address).
- Nothing is sent when nothing is new, nor when the digest is off in Settings > Accessibility
  audit.
- Snippets, messages and page titles are untrusted: the HTML part is autoescaped, the text
  part is plain text, and the subject carries only figures and the site's name on one line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from audit.checks.help import help_for
from audit.core.enums import FindingStatus, Impact, PageStatus, RunStatus, RunTrigger
from audit.storage.models import (
    AuditRun,
    AuditSchedule,
    DigestDelivery,
    Finding,
    PageResult,
    TrackedFinding,
)

logger = logging.getLogger(__name__)

#: Characters of each offending snippet quoted in the email.
SNIPPET_LENGTH = 300


@dataclass(frozen=True)
class DigestFinding:
    rule: str
    title: str
    how: str
    impact: str
    snippet: str
    help_url: str
    regressed: bool


@dataclass
class DigestPage:
    page_id: int
    title: str
    edit_url: str
    live_url: str
    findings: list[DigestFinding] = field(default_factory=list)


@dataclass
class Digest:
    """One email: one person's pages with their new and regressed findings."""

    user: Any
    run: AuditRun
    pages: list[DigestPage]

    @property
    def count(self) -> int:
        return sum(len(page.findings) for page in self.pages)


def previous_nightly(run: AuditRun) -> int:
    """The id of the nightly run before ``run`` (0 when there is none): the digest covers
    what changed since then, including what audits on publish found in between."""
    previous = (
        AuditRun.objects.filter(
            trigger=RunTrigger.NIGHTLY, status=RunStatus.FINISHED, pk__lt=run.pk
        )
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return previous or 0


def new_or_regressed(run: AuditRun) -> QuerySet[TrackedFinding]:
    """Violations on Wagtail pages that ``run`` saw, that are still open (not dismissed), and
    that appeared since the previous nightly run: first seen since then (by this run or by an
    audit on publish), or seen again after having been fixed by then.

    A finding stays "regressed" in later runs, so "regressed since" is read from history: the
    page's last successful audit up to the previous nightly run did not see it.
    """
    since = previous_nightly(run)
    seen_now = (
        TrackedFinding.objects.current().violations().filter(page__isnull=False, last_seen=run)
    )
    new = seen_now.filter(first_seen_id__gt=since, first_seen_id__lte=run.pk)
    audit_by_then = (
        PageResult.objects.filter(status=PageStatus.OK, run_id__lte=since, url=OuterRef("url"))
        .order_by("-run_id")
        .values("run_id")[:1]
    )
    seen_by_then = Finding.objects.filter(
        fingerprint=OuterRef("fingerprint"),
        outcome=OuterRef("outcome"),
        run_id=OuterRef("audit_by_then"),
    )
    regressed = (
        seen_now.filter(status=FindingStatus.REGRESSED, first_seen_id__lte=since)
        .annotate(audit_by_then=Subquery(audit_by_then))
        .filter(~Exists(seen_by_then))
    )
    ids = set(new.values_list("pk", flat=True)) | set(regressed.values_list("pk", flat=True))
    return TrackedFinding.objects.filter(pk__in=ids).with_latest()


def _reachable(user: Any) -> bool:
    return bool(user is not None and user.is_active and user.email)


def recipient_for(page: Page) -> Any | None:
    """The page's owner, or its last editor when the owner cannot be reached."""
    if _reachable(page.owner):
        return page.owner
    revision = page.latest_revision
    editor = revision.user if revision is not None else None
    return editor if _reachable(editor) else None


def admin_base_url() -> str:
    """The admin's address for links in emails: ``WAGTAILADMIN_BASE_URL``, else the default
    Site's root URL."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if not base:
        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site else ""
    return base.rstrip("/")


def _web_url(url: str) -> str:
    """``url`` when it is an http(s) address, else nothing (never a ``javascript:`` link)."""
    return url if url.startswith(("https://", "http://")) else ""


def _finding(tracked: TrackedFinding) -> DigestFinding:
    latest = tracked.latest
    help_text = help_for(
        tracked.rule,
        help=latest.help if latest else "",
        message=latest.message if latest else "",
        help_url=latest.help_url if latest else "",
    )
    snippet = " ".join((latest.html if latest else "").split())
    if len(snippet) > SNIPPET_LENGTH:
        snippet = snippet[: SNIPPET_LENGTH - 1] + "…"
    return DigestFinding(
        rule=tracked.rule,
        title=help_text.title if help_text else tracked.rule,
        how=help_text.how if help_text else "",
        impact=str(Impact(latest.impact).label) if latest and latest.impact else "",
        snippet=snippet,
        help_url=_web_url(
            (help_text.help_url if help_text else "") or (latest.help_url if latest else "")
        ),
        regressed=tracked.status == FindingStatus.REGRESSED,
    )


def build_digests(run: AuditRun) -> list[Digest]:
    """The run's digests, one per person, pages by title and findings most severe first."""
    findings = list(new_or_regressed(run))
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in={t.page_id for t in findings}).select_related(
            "owner", "latest_revision__user"
        )
    }
    base = admin_base_url()
    by_user: dict[int, tuple[Any, dict[int, DigestPage]]] = {}
    for tracked in sorted(
        findings,
        key=lambda t: (-Impact.rank(t.latest.impact if t.latest else ""), t.rule, t.pk),
    ):
        page = pages.get(tracked.page_id) if tracked.page_id else None
        user = recipient_for(page) if page is not None else None
        if page is None or user is None:
            continue
        _, user_pages = by_user.setdefault(user.pk, (user, {}))
        if page.pk not in user_pages:
            user_pages[page.pk] = DigestPage(
                page_id=page.pk,
                title=page.get_admin_display_title(),
                edit_url=base + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                live_url=page.get_full_url() or "",
            )
        user_pages[page.pk].findings.append(_finding(tracked))
    return [
        Digest(user=user, run=run, pages=sorted(user_pages.values(), key=lambda p: p.title))
        for user, user_pages in by_user.values()
    ]


def site_name() -> str:
    name = getattr(settings, "WAGTAIL_SITE_NAME", "") or "Wagtail"
    return " ".join(str(name).split())  # one line: it goes in the subject


def render_digest(digest: Digest) -> EmailMultiAlternatives:
    """The email for ``digest``: a plain-text body and an HTML alternative."""
    count = digest.count
    context = {
        "digest": digest,
        "site_name": site_name(),
        "count": count,
        "settings_note": "Settings > Accessibility audit",
    }
    subject = ngettext(
        "%(site)s: %(count)d new accessibility problem on your pages",
        "%(site)s: %(count)d new accessibility problems on your pages",
        count,
    ) % {"site": site_name(), "count": count}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("audit/emails/digest.txt", context),
        to=[digest.user.email],
    )
    message.attach_alternative(render_to_string("audit/emails/digest.html", context), "text/html")
    return message


def _deliver(digest: Digest) -> bool:
    """Send ``digest`` unless it was sent already; True when it was sent now."""
    try:
        with transaction.atomic():
            _, created = DigestDelivery.objects.get_or_create(
                run=digest.run, user=digest.user, defaults={"findings": digest.count}
            )
            if not created:
                return False
            # Inside the transaction: if sending fails the delivery is not recorded, and a
            # later attempt sends it.
            render_digest(digest).send()
    except IntegrityError:
        return False  # another worker recorded it between our read and our write
    return True


def send_run_digests(run_id: int) -> int:
    """Email each owner of pages with new or regressed findings in run ``run_id``; returns
    how many emails were sent now (0 when the digest is off or the run is not finished)."""
    if not AuditSchedule.load().digest_enabled:
        return 0
    run = AuditRun.objects.filter(pk=run_id, status=RunStatus.FINISHED).first()
    if run is None:
        return 0
    sent = 0
    for digest in build_digests(run):
        try:
            sent += _deliver(digest)
        except Exception:  # one bad address must not stop the others' digests
            logger.exception("Could not send the accessibility digest to user %s", digest.user.pk)
    return sent


__all__ = ["build_digests", "new_or_regressed", "send_run_digests"]
