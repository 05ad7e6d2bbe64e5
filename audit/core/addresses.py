"""URL rules the crawler lives by: normal forms, and which hosts it may visit.

(Not a Django URLconf: the audit adds no public URLs.)
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatch
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit


def normalise_url(url: str, tracking_parameters: Iterable[str] = ()) -> str:
    """Lower-case scheme and host, no fragment, no default port, tracking parameters dropped.

    Query parameters otherwise keep their order: ``?page=2&q=bins`` and ``?q=bins&page=2``
    may be different pages to the site.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    patterns = tuple(tracking_parameters)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not any(fnmatch(key, pattern) for pattern in patterns)
    ]
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    """``host`` or ``host:port`` as it appears in the URL, lower-cased."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def is_allowed(url: str, allowed_hosts: Iterable[str]) -> bool:
    """Only http(s) URLs whose host (with its port, when given) is in ``allowed_hosts``."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return False
    allowed = {host.lower() for host in allowed_hosts}
    return host_of(url) in allowed or (parts.port is None and parts.hostname.lower() in allowed)
