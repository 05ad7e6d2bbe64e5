"""The admin home page's "Pages due for review": pages whose review date is within
:data:`~audit.core.review.DUE_WITHIN_DAYS` days or past, that the signed-in person may edit;
the ones they or their groups own first, then the soonest due.

Review dates and owners come from the site (:mod:`audit.core.review`); without them the panel
never shows.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from audit.admin import permissions
from audit.core.review import DUE_WITHIN_DAYS, PageReview, due_reviews

#: Pages listed in the panel; the rest are counted.
PAGE_LIMIT = 10


@dataclass(frozen=True)
class DueReview:
    page_id: int
    title: str
    review_date: datetime.date
    today: datetime.date
    owner: str
    mine: bool

    @property
    def overdue(self) -> bool:
        return self.review_date < self.today

    @property
    def days(self) -> int:
        """Days until the review (negative: days overdue)."""
        return (self.review_date - self.today).days

    @property
    def days_overdue(self) -> int:
        return -self.days

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])


def _owner_names(reviews: list[PageReview]) -> dict[tuple[str, int], str]:
    users = get_user_model().objects.filter(pk__in={r.user_id for r in reviews if r.user_id})
    groups = Group.objects.filter(pk__in={r.group_id for r in reviews if r.group_id})
    names = {("user", user.pk): user.get_full_name() or user.get_username() for user in users}
    names.update({("group", group.pk): group.name for group in groups})
    return names


def owner_label(review: PageReview, names: Mapping[tuple[str, int], str]) -> str:
    """ "Alice Ash (Waste team)": the person, then the team, whichever are set."""
    person = names.get(("user", review.user_id or 0), "")
    team = names.get(("group", review.group_id or 0), "")
    if person and team:
        return f"{person} ({team})"
    return person or team


def due_for_review(
    user: Any, today: datetime.date | None = None, limit: int = PAGE_LIMIT
) -> tuple[list[DueReview], int]:
    """The pages due for review that ``user`` may edit, theirs first; at most ``limit``, and
    how many there are in all. Four queries, whatever the number of pages."""
    today = today or timezone.localdate()
    due = due_reviews(today)
    if not due:
        return [], 0
    titles = dict(
        permissions.editable_pages(user)
        .filter(pk__in=[review.page_id for review in due])
        .values_list("pk", "draft_title")
    )
    due = [review for review in due if review.page_id in titles]
    group_ids = set(user.groups.values_list("pk", flat=True)) if titles else set()
    names = _owner_names(due)
    items = [
        DueReview(
            page_id=review.page_id,
            title=titles[review.page_id],
            review_date=review.review_date,
            today=today,
            owner=owner_label(review, names),
            mine=review.owned_by(user.pk, group_ids),
        )
        for review in due
        if review.review_date is not None
    ]
    items.sort(key=lambda item: (not item.mine, item.review_date, item.title))
    return items[:limit], len(items)


class ReviewPanel(Component):
    """ "Pages due for review" on the admin home page; nothing when none is due."""

    name = "review"
    template_name = "audit/dashboard/reviews.html"
    #: Just after the accessibility panel (240), before "Your most recent edits" (250).
    order = 245

    class Media:
        css = {"all": ["audit/css/audit-runs.css"]}

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        user = parent_context["request"].user if parent_context else None
        pages, count = due_for_review(user) if user is not None else ([], 0)
        return {
            "pages": pages,
            "count": count,
            "more": count - len(pages),
            "within": DUE_WITHIN_DAYS,
        }

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        context = self.get_context_data(parent_context)
        if not context["pages"]:
            return ""
        return get_template(self.template_name).render(context)


def add_review_panel(request: Any, panels: list[Any]) -> None:
    """The ``construct_homepage_panels`` hook."""
    panels.append(ReviewPanel())
