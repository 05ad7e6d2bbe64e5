"""Limits on the feedback form that need no cookie: a size cap and a per-client rate.

The form is CSRF-exempt and posted by anonymous residents, so it is limited by what it can see
of the request alone. Clients are counted under a keyed hash of their address: the address
itself is never stored, and the hash cannot be reversed by trying every address without the
site's secret key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

#: Salt for the address hash, so it matches no other hash the site makes with its secret key.
ADDRESS_SALT = "clearway.feedback.limits.client"


@dataclass(frozen=True)
class RateDecision:
    """Whether this request is within the client's allowance, and when the next window opens."""

    allowed: bool
    #: Seconds until the current window ends (the Retry-After header when refused).
    retry_after: int


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as far as the site can trust it.

    ``REMOTE_ADDR``, unless ``CLEARWAY_PROXY_HOPS`` says that many proxies in front of the site
    each add the address they received the request from to ``X-Forwarded-For``: then the entry
    the outermost proxy added. Entries further left are the client's own claims and are ignored.
    """
    hops: int = settings.CLEARWAY_PROXY_HOPS
    remote = request.META.get("REMOTE_ADDR", "")
    if hops <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(forwarded) < hops:
        # Fewer entries than proxies: misconfigured, or a request that bypassed a proxy.
        return remote
    return forwarded[-hops]


def client_key(request: HttpRequest) -> str:
    """A stable, anonymous name for the client: a keyed hash of its address."""
    return salted_hmac(ADDRESS_SALT, client_address(request), algorithm="sha256").hexdigest()[:32]


def count_post(request: HttpRequest, now: float | None = None) -> RateDecision:
    """Count one post against the client's allowance in the current fixed window.

    The count lives in Django's default cache, so with a per-process cache (the default) each
    server process keeps its own count; a shared cache (Redis, Memcached) makes it site-wide.
    """
    limit: int = settings.CLEARWAY_FEEDBACK_RATE_LIMIT
    window: int = max(1, settings.CLEARWAY_FEEDBACK_RATE_WINDOW)
    now = time.time() if now is None else now
    window_start = int(now // window) * window
    retry_after = max(1, window_start + window - int(now))
    if limit <= 0:
        return RateDecision(allowed=True, retry_after=retry_after)
    key = f"feedback-rate:{window_start}:{client_key(request)}"
    # add() starts the window's count without resetting one another request has started.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return RateDecision(allowed=count <= limit, retry_after=retry_after)


def declared_size(request: HttpRequest) -> int:
    """The body size the client declared; Django reads no more than this."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def too_large(request: HttpRequest) -> bool:
    return declared_size(request) > settings.CLEARWAY_FEEDBACK_MAX_BYTES
