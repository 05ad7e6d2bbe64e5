"""The site's side of the audit's review hook (``CLEARWAY_AUDIT["PAGE_REVIEWS"]``): every
page with a review date or an owner, from each page type that has them."""

from __future__ import annotations

from collections.abc import Iterator

from django.apps import apps
from django.db.models import Q

from audit.core.review import PageReview
from pages.models.review import ReviewMixin


def review_models() -> list[type[ReviewMixin]]:
    """Concrete page types with review fields."""
    return [
        model
        for model in apps.get_app_config("pages").get_models()
        if issubclass(model, ReviewMixin) and not model._meta.abstract
    ]


def page_reviews() -> Iterator[PageReview]:
    """One query per page type with review fields (one today: service pages)."""
    for model in review_models():
        rows = model.objects.filter(
            Q(next_review_date__isnull=False)
            | Q(review_owner_user__isnull=False)
            | Q(review_owner_group__isnull=False)
        ).values_list("pk", "next_review_date", "review_owner_user_id", "review_owner_group_id")
        for page_id, review_date, user_id, group_id in rows:
            yield PageReview(
                page_id=page_id, review_date=review_date, user_id=user_id, group_id=group_id
            )
