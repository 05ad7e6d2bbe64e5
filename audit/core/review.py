"""Pages' review dates and owners, as the website declares them.

The audit knows no page model: the site names a function in ``CLEARWAY_AUDIT["PAGE_REVIEWS"]``
that returns a :class:`PageReview` for each page that has a review date or an owner. The
dashboard's "Pages due for review", the digest's reminders, the report's owner filter and the
routing of findings all read it through :func:`page_reviews`. Without the setting they show
nothing and findings go to the page's Wagtail owner, as before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import import_string

from audit.core.conf import audit_settings

#: Pages due within this many days (or overdue) are "due for review".
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class PageReview:
    """One page's next review and who owns it: a person, a group, or both (the person is
    asked first; the group's members when the person cannot be reached)."""

    page_id: int
    review_date: datetime.date | None
    user_id: int | None = None
    group_id: int | None = None

    def owned_by(self, user_id: int | None, group_ids: Iterable[int] = ()) -> bool:
        """Whether the person ``user_id``, or one of the groups ``group_ids``, owns the page."""
        return (user_id is not None and self.user_id == user_id) or (
            self.group_id is not None and self.group_id in set(group_ids)
        )

    def due_by(self, day: datetime.date) -> bool:
        return self.review_date is not None and self.review_date <= day


def _source() -> Callable[[], Iterable[PageReview]] | None:
    path = audit_settings().PAGE_REVIEWS
    return import_string(path) if path else None


def page_reviews() -> list[PageReview]:
    """Every page's review as the site declares it (none without ``PAGE_REVIEWS``)."""
    source = _source()
    return list(source()) if source is not None else []


def reviews_by_page() -> dict[int, PageReview]:
    return {review.page_id: review for review in page_reviews()}


def due_reviews(today: datetime.date, within: int = DUE_WITHIN_DAYS) -> list[PageReview]:
    """Reviews due within ``within`` days of ``today`` or overdue, soonest first."""
    horizon = today + datetime.timedelta(days=within)
    due = [review for review in page_reviews() if review.due_by(horizon)]
    return sorted(due, key=lambda review: (review.review_date, review.page_id))
