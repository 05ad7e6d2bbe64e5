"""The request before the browser: is there an HTML page at this URL worth analysing?

:func:`fetch_page` fetches a URL with the standard library, following redirects itself so that
every hop is checked against the allowed hosts (the browser would follow them blindly), and
answers with a :class:`FetchResult` in which every problem is a value, not an exception: an
error status, something that is not HTML (a PDF), a page too large, a redirect loop, too many
redirects, a redirect off the allowed hosts, a refused connection, a timeout. Only a page that
passes goes to the browser, which saves a Chromium load on every broken link and document.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message
from enum import StrEnum
from functools import cache
from urllib.parse import urldefrag, urljoin

from audit.core.addresses import host_of, is_allowed
from audit.core.conf import AuditSettings

#: Says who is asking, so a council's logs and firewall can tell the audit from an attack.
USER_AGENT = "Mozilla/5.0 (compatible; ClearwayAudit/1.0; accessibility audit)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class FetchProblem(StrEnum):
    """Why a URL is not analysed."""

    HTTP_STATUS = "http-status"
    NOT_HTML = "not-html"
    TOO_LARGE = "too-large"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    DISALLOWED_HOST = "disallowed-host"
    CONNECTION = "connection"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class FetchResult:
    """What fetching a URL found. ``error_kind`` is ``None`` for an HTML page to analyse."""

    url: str
    #: Where the redirects ended (``url`` when there were none).
    final_url: str
    #: The last HTTP status received, if any.
    status: int | None = None
    #: The media type without parameters, lower-cased (``text/html``).
    content_type: str = ""
    #: At most ``MAX_PAGE_BYTES`` of the final response's body (empty on most errors).
    body: bytes = b""
    error_kind: FetchProblem | None = None
    error: str = ""
    #: Every URL requested, in order (the first is ``url``).
    hops: tuple[str, ...] = ()
    #: The ``charset`` parameter of the Content-Type, if any.
    charset: str = ""

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    @property
    def text(self) -> str:
        """The body decoded with its declared charset, else UTF-8 (bad bytes replaced)."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # An unknown charset name.
            return self.body.decode("utf-8", errors="replace")


def fetch_page(
    url: str,
    config: AuditSettings,
    allowed_hosts: Iterable[str],
    *,
    timeout: float | None = None,
) -> FetchResult:
    """Fetch ``url`` as the audit's pre-flight check (see the module docstring).

    ``timeout`` (default ``PAGE_TIMEOUT``) bounds the whole fetch, redirects included.
    """
    allowed = tuple(allowed_hosts)
    limit = timeout if timeout is not None else config.PAGE_TIMEOUT
    deadline = time.monotonic() + limit
    # A cookie jar per fetch: a site that sets a cookie and redirects to the same URL (a
    # cookie check) is not a loop, as it is not in a browser.
    cookies = http.cookiejar.CookieJar()
    opener = _opener(cookies)
    hops: list[str] = []
    seen: set[tuple[str, frozenset[tuple[str, str]]]] = set()
    current = urldefrag(url).url
    status: int | None = None

    def result(
        kind: FetchProblem | None = None,
        error: str = "",
        *,
        content_type: str = "",
        body: bytes = b"",
        charset: str = "",
    ) -> FetchResult:
        return FetchResult(
            url=url,
            final_url=current,
            status=status,
            content_type=content_type,
            body=body,
            error_kind=kind,
            error=error,
            hops=tuple(hops),
            charset=charset,
        )

    while True:
        if not is_allowed(current, allowed):
            where = "redirected to" if hops else "at"
            return result(
                FetchProblem.DISALLOWED_HOST,
                f"{where} {current}, which is not on an allowed host ({host_of(current) or '?'})",
            )
        state = (current, frozenset((cookie.name, cookie.value or "") for cookie in cookies))
        if state in seen:
            return result(
                FetchProblem.REDIRECT_LOOP, f"redirect loop: {' → '.join([*hops, current])}"
            )
        if len(hops) > config.MAX_REDIRECTS:
            return result(
                FetchProblem.TOO_MANY_REDIRECTS,
                f"more than {config.MAX_REDIRECTS} redirects: {' → '.join(hops)} → …",
            )
        seen.add(state)
        hops.append(current)

        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return result(FetchProblem.TIMEOUT, f"timed out after {limit:g} s")
        request = urllib.request.Request(
            current,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                "Accept-Language": "en-GB,en;q=0.9",
            },
        )
        try:
            with opener.open(request, timeout=remaining) as response:
                status = response.status
                headers: Message = response.headers
                if status in REDIRECT_STATUSES and headers.get("Location"):
                    current = urldefrag(urljoin(current, headers["Location"].strip())).url
                    continue
                if status >= 300:
                    return result(FetchProblem.HTTP_STATUS, _status_message(status, response))
                media_type = headers.get_content_type() if headers.get("Content-Type") else ""
                charset = headers.get_content_charset() or ""
                declared_length = _content_length(headers)
                if declared_length is not None and declared_length > config.MAX_PAGE_BYTES:
                    return result(
                        FetchProblem.TOO_LARGE,
                        _too_large(config.MAX_PAGE_BYTES, declared_length),
                        content_type=media_type,
                    )
                body = _read(response, config.MAX_PAGE_BYTES + 1, deadline)
        except TimeoutError:
            return result(FetchProblem.TIMEOUT, f"timed out after {limit:g} s")
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                return result(FetchProblem.TIMEOUT, f"timed out after {limit:g} s")
            return result(FetchProblem.CONNECTION, _connection_message(current, error.reason))
        except (OSError, http.client.HTTPException, ValueError) as error:
            # Reset connections, TLS failures, malformed responses and URLs.
            return result(FetchProblem.CONNECTION, _connection_message(current, error))

        if body is None:
            return result(FetchProblem.TIMEOUT, f"timed out after {limit:g} s")
        if len(body) > config.MAX_PAGE_BYTES:
            return result(
                FetchProblem.TOO_LARGE,
                _too_large(config.MAX_PAGE_BYTES, None),
                content_type=media_type,
            )
        if not media_type and _looks_like_html(body):
            # No Content-Type: browsers sniff, and so do we (only for HTML).
            media_type = "text/html"
        if media_type not in HTML_TYPES:
            return result(
                FetchProblem.NOT_HTML,
                f"not HTML ({media_type or 'no content type'})",
                content_type=media_type,
            )
        return result(content_type=media_type, body=body, charset=charset)


def opener(cookies: http.cookiejar.CookieJar | None = None) -> urllib.request.OpenerDirector:
    """A urllib opener that answers every status (redirects are not followed)."""
    return _opener(cookies if cookies is not None else http.cookiejar.CookieJar())


def _opener(cookies: http.cookiejar.CookieJar) -> urllib.request.OpenerDirector:
    # Built by hand rather than with build_opener(): no redirect handler (we follow redirects
    # ourselves), no error processor (an error status is an answer, not an exception), and no
    # file:, ftp: or data: handlers (only http and https ever reach it anyway).
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),  # The environment's proxy, as Chromium uses.
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=_tls_context()),
        urllib.request.HTTPCookieProcessor(cookies),
    ):
        opener.add_handler(handler)
    return opener


@cache
def _tls_context() -> ssl.SSLContext:
    # Loading the system's certificates takes tens of milliseconds: once per process.
    return ssl.create_default_context()


def _read(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes | None:
    """Up to ``limit`` bytes, or ``None`` when the deadline passes first (a slow drip)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if time.monotonic() > deadline:
            return None
        chunk = response.read(min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _content_length(headers: Message) -> int | None:
    try:
        return int(headers.get("Content-Length", ""))
    except ValueError:
        return None


def _looks_like_html(body: bytes) -> bool:
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _status_message(status: int, response: http.client.HTTPResponse) -> str:
    reason = f" {response.reason}" if response.reason else ""
    if 300 <= status < 400:
        return f"HTTP {status}{reason} without a page to show"
    return f"HTTP {status}{reason}"


def _too_large(limit: int, size: int | None) -> str:
    if size is None:
        return f"page too large: more than {_size(limit)}"
    return f"page too large: {_size(size)} (the limit is {_size(limit)})"


def _size(count: int) -> str:
    if count >= 1_048_576:
        return f"{count / 1_048_576:.1f}".removesuffix(".0") + " MB"
    if count >= 1024:
        return f"{count / 1024:.0f} kB"
    return f"{count} bytes"


def _connection_message(url: str, reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return f"could not connect to {host_of(url)}: the name does not resolve ({reason})"
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return f"could not connect to {host_of(url)}: TLS error ({reason})"
    return f"could not connect to {host_of(url)}: {reason}"
