"""Links every page carries (home, search, accessibility statement, contact and privacy pages),
found once per site and kept in the cache until a page is published, unpublished, moved or
deleted, or the site links settings change."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Page, Site

#: A bound on staleness in processes that did not see a change (local-memory caches).
CACHE_SECONDS = 300


@dataclass(frozen=True)
class SiteLinks:
    site_name: str
    home: str
    search: str | None = None
    statement: str | None = None
    contact: str | None = None
    privacy: str | None = None


def _cache_key(site_id: int) -> str:
    return f"clearway:site-links:{site_id}"


def site_links(request: HttpRequest | None) -> SiteLinks:
    """The site-wide links for the site serving ``request``; no query once cached."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteLinks(site_name=settings.WAGTAIL_SITE_NAME, home="/")
    links = cache.get(_cache_key(site.pk))
    if links is None:
        links = _find_site_links(site, request)
        cache.set(_cache_key(site.pk), links, CACHE_SECONDS)
    return links


def _find_site_links(site: Site, request: HttpRequest | None) -> SiteLinks:
    from pages.models import AccessibilityStatementPage, SearchPage, SiteLinkSettings

    root = site.root_page
    found: dict[type[Page], str | None] = {}
    for model in (SearchPage, AccessibilityStatementPage):
        page = model.objects.descendant_of(root).live().public().only("url_path").first()
        found[model] = page.get_url(request) if page else None
    chosen = SiteLinkSettings.objects.filter(site=site).first()
    return SiteLinks(
        site_name=site.site_name or settings.WAGTAIL_SITE_NAME,
        home=root.get_url(request) or "/",
        search=found[SearchPage],
        statement=found[AccessibilityStatementPage],
        contact=_visible_url(chosen.contact_page_id if chosen else None, request),
        privacy=_visible_url(chosen.privacy_page_id if chosen else None, request),
    )


def _visible_url(page_id: int | None, request: HttpRequest | None) -> str | None:
    """The page's address if residents can see it: a chosen page may be a draft or private."""
    if page_id is None:
        return None
    page = Page.objects.live().public().filter(pk=page_id).only("url_path").first()
    return page.get_url(request) if page else None


def forget_site_links(**kwargs: object) -> None:
    cache.delete_many([_cache_key(pk) for pk in Site.objects.values_list("pk", flat=True)])
