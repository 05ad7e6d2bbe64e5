"""The request before the browser: is there an HTML page at this URL worth analysing?

:func:`fetch_page` fetches a URL with the audit's HTTP client (:mod:`audit.engine.http`), which
follows redirects itself so that every hop is checked against the allowed hosts (the browser
would follow them blindly) and limits the size of the body once decompressed. It answers
with a :class:`FetchResult` in which every problem is a value, not an exception: an error
status, something that is not HTML (a PDF), a page too large, a redirect loop, too many
redirects, a redirect off the allowed hosts, a refused connection, a timeout. Only a page that
passes goes to the browser, which saves a Chromium load on every broken link and document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from email.message import Message

from audit.core.addresses import host_of
from audit.core.conf import AuditSettings
from audit.engine import http
from audit.engine.http import USER_AGENT, FetchProblem, HttpProblem

__all__ = ["HTML_TYPES", "USER_AGENT", "FetchProblem", "FetchResult", "fetch_page"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


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
    limit = timeout if timeout is not None else config.PAGE_TIMEOUT
    try:
        fetched = http.get(
            url,
            allowed_hosts,
            timeout=limit,
            max_redirects=config.MAX_REDIRECTS,
            max_bytes=config.MAX_PAGE_BYTES,
            accept=_ACCEPT,
        )
    except HttpProblem as problem:
        return _failure(url, problem, config, limit)
    return _judged(url, fetched)


def _judged(url: str, fetched: http.Fetched) -> FetchResult:
    """The page read whole: an HTML page to analyse, or why it is not one."""
    result = FetchResult(
        url=url, final_url=fetched.final_url, status=fetched.status, hops=fetched.hops
    )
    if fetched.status >= 300:
        message = _status_message(fetched.status, fetched.reason)
        return _with(result, FetchProblem.HTTP_STATUS, message)
    media_type = _media_type(fetched.headers)
    if not media_type and _looks_like_html(fetched.body):
        # No Content-Type: browsers sniff, and so do we (only for HTML).
        media_type = "text/html"
    if media_type not in HTML_TYPES:
        message = f"not HTML ({media_type or 'no content type'})"
        return _with(result, FetchProblem.NOT_HTML, message, content_type=media_type)
    return _with(
        result,
        None,
        content_type=media_type,
        body=fetched.body,
        charset=fetched.headers.get_content_charset() or "",
    )


def _failure(url: str, problem: HttpProblem, config: AuditSettings, limit: float) -> FetchResult:
    """What a problem of the client means for the page, in words."""
    current, hops = problem.url, problem.hops
    headers = problem.headers
    too_large = problem.kind == FetchProblem.TOO_LARGE
    return FetchResult(
        url=url,
        final_url=current,
        status=problem.status,
        error_kind=problem.kind,
        error=fetch_failure_message(problem, config, limit),
        hops=hops,
        content_type=_media_type(headers) if too_large and headers is not None else "",
    )


def fetch_failure_message(
    problem: HttpProblem,
    config: AuditSettings,
    limit: float,
    *,
    max_bytes: int | None = None,
    what: str = "page",
) -> str:
    """``problem`` in words; ``limit`` was the time allowed, ``max_bytes`` the size (default
    ``MAX_PAGE_BYTES``), ``what`` names what was fetched ("page", "document")."""
    current, hops = problem.url, problem.hops
    messages = {
        FetchProblem.DISALLOWED_HOST: (
            f"{'redirected to' if hops else 'at'} {current}, which is not on an allowed host "
            f"({host_of(current) or '?'})" + (f": {problem.detail}" if problem.detail else "")
        ),
        FetchProblem.REDIRECT_LOOP: f"redirect loop: {' → '.join([*hops, current])}",
        FetchProblem.TOO_MANY_REDIRECTS: (
            f"more than {config.MAX_REDIRECTS} redirects: {' → '.join(hops)} → …"
        ),
        FetchProblem.TOO_LARGE: _too_large(
            config.MAX_PAGE_BYTES if max_bytes is None else max_bytes, problem.size, what
        ),
        FetchProblem.TIMEOUT: f"timed out after {limit:g} s",
        FetchProblem.CONNECTION: http.describe(problem),
    }
    return messages.get(problem.kind, str(problem))


def _with(
    result: FetchResult,
    kind: FetchProblem | None,
    error: str = "",
    *,
    content_type: str = "",
    body: bytes = b"",
    charset: str = "",
) -> FetchResult:
    return replace(
        result,
        error_kind=kind,
        error=error,
        content_type=content_type,
        body=body,
        charset=charset,
    )


def _media_type(headers: Message) -> str:
    return headers.get_content_type() if headers.get("Content-Type") else ""


def _looks_like_html(body: bytes) -> bool:
    start = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _status_message(status: int, reason: str) -> str:
    reason = f" {reason}" if reason else ""
    if 300 <= status < 400:
        return f"HTTP {status}{reason} without a page to show"
    return f"HTTP {status}{reason}"


def _too_large(limit: int, size: int | None, what: str = "page") -> str:
    if size is None:
        return f"{what} too large: more than {_size(limit)}"
    return f"{what} too large: {_size(size)} (the limit is {_size(limit)})"


def _size(count: int) -> str:
    if count >= 1_048_576:
        return f"{count / 1_048_576:.1f}".removesuffix(".0") + " MB"
    if count >= 1024:
        return f"{count / 1024:.0f} kB"
    return f"{count} bytes"
