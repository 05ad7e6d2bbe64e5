"""Which searches editors have promoted results for, kept in the cache so that the many
searches without promotions cost no query for them."""

from __future__ import annotations

from django.core.cache import cache
from wagtail.contrib.search_promotions.models import SearchPromotion

CACHE_KEY = "clearway:promoted-searches"
#: A bound on staleness in processes that did not see a change (local-memory caches).
CACHE_SECONDS = 300


def promoted_searches() -> frozenset[str]:
    """The normalised query strings that have at least one promoted result."""
    searches = cache.get(CACHE_KEY)
    if searches is None:
        searches = frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        )
        cache.set(CACHE_KEY, searches, CACHE_SECONDS)
    return searches


def forget_promoted_searches(**kwargs: object) -> None:
    cache.delete(CACHE_KEY)
