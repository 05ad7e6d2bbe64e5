"""The email digest: after a nightly run, each page owner hears about the new and regressed
problems on their pages, once.

- One email per person per run: a :class:`~audit.storage.models.DigestDelivery` row is written
  in the same transaction as the sending, and its unique (run, user) constraint stops a second one,
  so running this twice (or in two workers) never sends twice; a failed send rolls the row
  back, so a retry sends it.
- The recipient is the page's review owner when the site declares one (the person, else the
  members of the owning group: :mod:`audit.core.review`), else the page's Wagtail owner, else
  its last editor when the owner is gone (deleted, inactive or without an email address).
- The same email reminds review owners of pages coming up for review: when 30 days, then
  7 days are left, on the day, then weekly while overdue (each moment once, on the first
  nightly run at or after it), even when no problem is new.
- Nothing is sent when nothing is new and no review is coming up, nor when the digest is
  off in Settings > Accessibility audit.
- Snippets, messages and page titles are untrusted: the HTML part is autoescaped, the text
  part is plain text, and the subject carries only figures and the site's name on one line.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.models import Page, Site

from audit.checks.help import help_for
from audit.core.enums import FindingStatus, Impact, PageStatus, RunStatus, RunTrigger
from audit.core.review import PageReview, page_reviews
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
#: Owners are reminded this many days before a page's review date (0: on the day)...
REMINDER_DAYS_BEFORE = (30, 7, 0)
#: ...then every this many days while it is overdue.
OVERDUE_EVERY = 7


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


@dataclass(frozen=True)
class DigestReview:
    """A page coming up for review (or overdue), for its owner."""

    page_id: int
    title: str
    edit_url: str
    review_date: datetime.date
    overdue: bool


@dataclass
class Digest:
    """One email: one person's pages with their new and regressed findings, and the pages
    they own that are coming up for review."""

    user: Any
    run: AuditRun
    pages: list[DigestPage]
    reviews: list[DigestReview] = field(default_factory=list)

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


class ReviewOwners:
    """The people behind the site's review owners, loaded in two queries."""

    def __init__(self, reviews: Iterable[PageReview]) -> None:
        self.reviews = {review.page_id: review for review in reviews}
        user_ids = {r.user_id for r in self.reviews.values() if r.user_id}
        group_ids = {r.group_id for r in self.reviews.values() if r.group_id}
        self.users = {user.pk: user for user in get_user_model().objects.filter(pk__in=user_ids)}
        self.members: dict[int, list[Any]] = {group_id: [] for group_id in group_ids}
        for group in Group.objects.filter(pk__in=group_ids).prefetch_related("user_set"):
            people = sorted(group.user_set.all(), key=lambda user: user.pk)
            self.members[group.pk] = [user for user in people if _reachable(user)]

    def of(self, review: PageReview | None) -> list[Any]:
        """The review's person when they can be reached, else the group's members who can."""
        if review is None:
            return []
        person = self.users.get(review.user_id) if review.user_id else None
        if _reachable(person):
            return [person]
        return list(self.members.get(review.group_id, [])) if review.group_id else []

    def recipients_for(self, page: Page) -> list[Any]:
        """Findings on ``page`` go to its review owners first, then as before: its Wagtail
        owner, then its last editor."""
        owners = self.of(self.reviews.get(page.pk))
        if owners:
            return owners
        fallback = recipient_for(page)
        return [fallback] if fallback is not None else []


def reminder_due(review_date: datetime.date, since: datetime.date, until: datetime.date) -> bool:
    """Whether a reminder moment of ``review_date`` falls after ``since``, up to ``until``."""
    for days in REMINDER_DAYS_BEFORE:
        if since < review_date - datetime.timedelta(days=days) <= until:
            return True
    weeks = (until - review_date).days // OVERDUE_EVERY
    return weeks >= 1 and review_date + datetime.timedelta(days=weeks * OVERDUE_EVERY) > since


def reminder_window(run: AuditRun) -> tuple[datetime.date, datetime.date]:
    """The days this run reminds about: after the previous nightly run's day, up to its own
    (only its own day for the first run)."""
    until = timezone.localdate(run.created_at)
    previous = AuditRun.objects.filter(pk=previous_nightly(run)).values("created_at").first()
    since = (
        timezone.localdate(previous["created_at"])
        if previous
        else until - datetime.timedelta(days=1)
    )
    return since, until


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
    """The run's digests, one per person, pages by title and findings most severe first;
    then the pages they own that are coming up for review, soonest first."""
    findings = list(new_or_regressed(run))
    reviews = page_reviews()
    owners = ReviewOwners(reviews)
    since, until = reminder_window(run)
    reminders = [
        review
        for review in reviews
        if review.review_date is not None and reminder_due(review.review_date, since, until)
    ]
    page_ids = {t.page_id for t in findings} | {review.page_id for review in reminders}
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=page_ids).select_related(
            "owner", "latest_revision__user"
        )
    }
    base = admin_base_url()
    by_user: dict[int, Digest] = {}
    found: dict[int, dict[int, DigestPage]] = {}

    def digest_for(user: Any) -> Digest:
        if user.pk not in by_user:
            by_user[user.pk] = Digest(user=user, run=run, pages=[])
            found[user.pk] = {}
        return by_user[user.pk]

    for tracked in sorted(
        findings,
        key=lambda t: (-Impact.rank(t.latest.impact if t.latest else ""), t.rule, t.pk),
    ):
        page = pages.get(tracked.page_id) if tracked.page_id else None
        if page is None:
            continue
        for user in owners.recipients_for(page):
            digest_for(user)
            user_pages = found[user.pk]
            if page.pk not in user_pages:
                user_pages[page.pk] = DigestPage(
                    page_id=page.pk,
                    title=page.get_admin_display_title(),
                    edit_url=base + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    live_url=page.get_full_url() or "",
                )
            user_pages[page.pk].findings.append(_finding(tracked))
    for review in sorted(reminders, key=lambda r: (r.review_date, r.page_id)):
        page = pages.get(review.page_id)
        if page is None or review.review_date is None:
            continue
        for user in owners.of(review):
            digest_for(user).reviews.append(
                DigestReview(
                    page_id=page.pk,
                    title=page.get_admin_display_title(),
                    edit_url=base + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    review_date=review.review_date,
                    overdue=review.review_date < until,
                )
            )
    for user_pk, digest in by_user.items():
        digest.pages = sorted(found[user_pk].values(), key=lambda p: p.title)
    return list(by_user.values())


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
    if count:
        subject = ngettext(
            "%(site)s: %(count)d new accessibility problem on your pages",
            "%(site)s: %(count)d new accessibility problems on your pages",
            count,
        ) % {"site": site_name(), "count": count}
    else:
        subject = ngettext(
            "%(site)s: %(count)d of your pages is due for review",
            "%(site)s: %(count)d of your pages are due for review",
            len(digest.reviews),
        ) % {"site": site_name(), "count": len(digest.reviews)}
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


__all__ = ["build_digests", "new_or_regressed", "reminder_due", "send_run_digests"]
