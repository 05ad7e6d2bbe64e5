"""Wagtail's Site for a request, from the cache.

Wagtail looks the site up (one query) and then loads its home page's specific object (another)
on every request. Both change only when a site or the page tree changes, so the site, with its
specific home page attached, is kept in the cache and forgotten on those changes.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

#: A bound on staleness in processes that did not see a change (local-memory caches).
CACHE_SECONDS = 60
_GENERATION_KEY = "clearway:sites:generation"
#: Cached for hosts no site answers, so they cost no query either.
_NO_SITE = "none"


def cached_site_for(request: HttpRequest) -> Site | None:
    generation = cache.get_or_set(_GENERATION_KEY, 1, None)
    hostname = split_domain_port(request._get_raw_host())[0]
    key = f"clearway:site:{generation}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            # Attach the specific home page so Wagtail's routing starts without a query.
            site.root_page = site.root_page.specific
        cache.set(key, site or _NO_SITE, CACHE_SECONDS)
    return None if site == _NO_SITE else site


def forget_sites() -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 2, None)
