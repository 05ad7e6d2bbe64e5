"""Page URLs for links in content, found in one query for many pages and then cached.

Wagtail resolves each rich text block's page links with two queries of its own (to find the
pages' types, then to load them), so a service page's queries would grow with its paragraphs.
Links need only the address, which Clearway's pages never compute specially, so the plain page
row is enough; addresses are cached until any page is published, moved or removed.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

#: A bound on staleness in processes that did not see a change (local-memory caches).
CACHE_SECONDS = 300
_GENERATION_KEY = "clearway:page-urls:generation"


def _generation() -> int:
    generation = cache.get(_GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(_GENERATION_KEY, generation, None)
    return int(generation)


def forget_page_urls() -> None:
    """Make every cached address stale at once (cheaper than finding each key)."""
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 2, None)


def page_urls(page_ids: Iterable[int], request: HttpRequest | None = None) -> dict[int, str]:
    """Relative or absolute URLs (as Wagtail would give them) of the live pages among ids."""
    ids = {int(page_id) for page_id in page_ids}
    if not ids:
        return {}
    generation = _generation()
    keys = {page_id: f"clearway:page-url:{generation}:{page_id}" for page_id in ids}
    cached = cache.get_many(keys.values())
    urls = {page_id: cached[key] for page_id, key in keys.items() if key in cached}
    missing = ids - urls.keys()
    if missing:
        found = {
            page.pk: page.get_url(request) or ""
            for page in Page.objects.live()
            .filter(pk__in=missing)
            .only("url_path", "path", "depth", "locale_id")
        }
        # Pages that are gone or unpublished are cached as "" too: links to them render inert.
        fresh = {page_id: found.get(page_id, "") for page_id in missing}
        cache.set_many({keys[page_id]: url for page_id, url in fresh.items()}, CACHE_SECONDS)
        urls.update(fresh)
    return {page_id: url for page_id, url in urls.items() if url}


class CachedPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, with addresses from :func:`page_urls`."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        ids = [_int(attrs.get("id")) for attrs in attrs_list]
        urls = page_urls(page_id for page_id in ids if page_id is not None)
        return [
            f'<a href="{escape(urls[page_id])}">' if page_id in urls else "<a>" for page_id in ids
        ]


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None
