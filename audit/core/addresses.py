"""URL rules the crawler lives by: normal forms, which hosts it may visit, and which addresses
it may connect to.

(Not a Django URLconf: the audit adds no public URLs.)
"""

from __future__ import annotations

import ipaddress
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


def without_credentials(url: str) -> str:
    """``url`` without a user name and password (``http://user:secret@grid:4444`` is
    ``http://grid:4444``): for messages, logs and the admin, which must never show them."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


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


#: IPv6 unique local addresses (RFC 4193), which ``ipaddress`` counts as merely private.
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")


def address_class(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or ``None`` for a public one.

    "loopback" (127.0.0.0/8, ::1), "link-local" (169.254.0.0/16, where clouds serve their
    metadata, and fe80::/10), "private" (RFC 1918 and the other ranges Python's ``ipaddress``
    calls private: documentation, benchmarking...), "unique local" (fc00::/7), "unspecified",
    "multicast", "reserved" (240.0.0.0/4), or "not public" for the rest that is not globally
    routable (the carriers' shared 100.64.0.0/10). An IPv4 address inside IPv6 (mapped,
    ``::ffff:127.0.0.1``, or 6to4) is judged as that IPv4 address; so is anything that does not
    parse, as "not an address".
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            ip = embedded
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unique local", ip.version == 6 and ip in _UNIQUE_LOCAL),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("not public", not ip.is_global),
    )
    return next((name for name, matches in checks if matches), None)


def refused_address(url: str, address: str, allowed_hosts: Iterable[str]) -> str | None:
    """Why connecting to ``address`` for ``url`` is refused, or ``None`` when it is not.

    A host that is allowed by name (:func:`is_allowed`: the run's sites, the URLs it was given,
    ``ALLOWED_HOSTS``) may be at any address: a council audits its own site, often on
    127.0.0.1 or a private network. Any other host must be at a public address.
    """
    if is_allowed(url, allowed_hosts):
        return None
    kind = address_class(address)
    return f"a {kind} address" if kind else None
