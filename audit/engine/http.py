"""The audit's one HTTP client: the page fetcher, sitemaps and asset fingerprints all use it.

Every request it makes:

* goes only to a URL on the run's allowed hosts (http or https): anything else is refused
  before the name is even resolved;
* resolves the host once, checks the address (:func:`audit.core.addresses.refused_address`:
  loopback, private, link-local... are refused unless the host is allowed by name, as the
  run's own sites always are) and connects to *that* address, with the name in the ``Host``
  header and in TLS (SNI and the certificate check), so a second lookup cannot send it
  somewhere else (DNS rebinding);
* says who is asking (:data:`USER_AGENT`), and is bounded in time;
* reads the body as a stream, decompressing gzip and deflate as it goes, and stops at a size
  limit on the *decoded* bytes (a 200 kB gzip body can hold 200 MB of zeros).

:func:`get` follows redirects by hand, up to ``max_redirects``, checking every hop as above
before it is requested, and tells a redirect loop from a cookie check (a site that sets a
cookie and redirects to the same URL). :func:`request` makes one request and follows nothing.
Problems are :class:`HttpProblem` exceptions carrying a :class:`FetchProblem` kind and what
was known when they happened, so each caller words them its own way.

An HTTP(S) proxy from the environment (``https_proxy``, ``no_proxy``...) is honoured, as
Chromium honours it. HTTPS through a proxy still goes to the checked address (``CONNECT``
names the address); plain HTTP through a proxy names the host, so there the proxy does its own
lookup (the address checked here is then only a prediction of the proxy's).
"""

from __future__ import annotations

import http.client
import http.cookiejar
import socket
import ssl
import time
import urllib.request
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from enum import StrEnum
from functools import cache
from urllib.parse import urldefrag, urljoin, urlsplit

from audit.core.addresses import host_of, is_allowed, refused_address

#: Says who is asking, so a council's logs and firewall can tell the audit from an attack.
USER_AGENT = "Mozilla/5.0 (compatible; ClearwayAudit/1.0; accessibility audit)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Content encodings decoded while reading (and so the only ones asked for).
_DECODERS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
_CHUNK = 64 * 1024


class FetchProblem(StrEnum):
    """Why a URL could not be read (or, for the page fetcher, is not analysed)."""

    HTTP_STATUS = "http-status"
    NOT_HTML = "not-html"
    TOO_LARGE = "too-large"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    DISALLOWED_HOST = "disallowed-host"
    CONNECTION = "connection"
    TIMEOUT = "timeout"


class HttpProblem(Exception):
    """A request that could not be made or read; ``kind`` says why.

    ``url`` is the URL at fault (a redirect's target for a refused hop), ``hops`` the URLs
    requested before it, ``status`` and ``headers`` the last response received, if any.
    ``size`` is the declared size of a body refused as too large (``None``: it was longer
    than the limit while being read). ``detail`` is a reason in words (an address refused, a
    connection error).
    """

    def __init__(
        self,
        kind: FetchProblem,
        url: str,
        *,
        detail: str = "",
        hops: Sequence[str] = (),
        status: int | None = None,
        headers: Message | None = None,
        size: int | None = None,
    ) -> None:
        super().__init__(f"{kind}: {url}" + (f" ({detail})" if detail else ""))
        self.kind = kind
        self.url = url
        self.detail = detail
        self.hops = tuple(hops)
        self.status = status
        self.headers = headers
        self.size = size

    def at(self, hops: Sequence[str], status: int | None, headers: Message | None) -> HttpProblem:
        """This problem, told where in a chain of redirects it happened."""
        self.hops, self.status, self.headers = tuple(hops), status, headers
        return self


@dataclass(frozen=True)
class Fetched:
    """A response read whole by :func:`get`."""

    url: str
    #: Where the redirects ended (``url`` when there were none).
    final_url: str
    status: int
    reason: str
    headers: Message
    #: The decoded body: at most ``max_bytes``, and empty for a status that is not 2xx.
    body: bytes
    #: Every URL requested, in order (the first is ``url``).
    hops: tuple[str, ...]


class Response:
    """One response, its body not yet read (see :func:`request`)."""

    def __init__(self, url: str, raw: http.client.HTTPResponse) -> None:
        self.url = url
        self.raw = raw
        self.status: int = raw.status
        self.reason: str = raw.reason
        self.headers: Message = raw.headers

    @property
    def declared_length(self) -> int | None:
        try:
            return int(self.headers.get("Content-Length", ""))
        except ValueError:
            return None

    def chunks(self, limit: int, deadline: float, *, truncate: bool = False) -> Iterator[bytes]:
        """The decoded body in pieces, ``limit`` bytes at most.

        Past ``limit`` (decoded, or as sent) it raises :class:`HttpProblem` ``TOO_LARGE``, or
        just ends when ``truncate``. Nothing past the limit is decompressed, nor read beyond
        one more chunk. ``TIMEOUT`` when ``deadline`` (``time.monotonic()``) passes first.
        """
        encoding = self.headers.get("Content-Encoding", "").strip().lower()
        wbits = _DECODERS.get(encoding)
        decoder = zlib.decompressobj(wbits=wbits) if wbits is not None else None
        produced = read = 0
        while True:
            if time.monotonic() > deadline:
                raise HttpProblem(FetchProblem.TIMEOUT, self.url)
            chunk = self.raw.read(min(_CHUNK, limit + 1 - read))
            if not chunk:
                return
            read += len(chunk)
            room = limit + 1 - produced
            try:
                piece = decoder.decompress(chunk, room) if decoder is not None else chunk[:room]
            except zlib.error as error:
                raise HttpProblem(
                    FetchProblem.CONNECTION,
                    self.url,
                    detail=f"the {encoding} body is corrupt ({error})",
                ) from error
            produced += len(piece)
            if produced > limit or read > limit:
                if truncate:
                    yield piece[: len(piece) - max(produced - limit, 0)]
                    return
                raise HttpProblem(FetchProblem.TOO_LARGE, self.url)
            if piece:
                yield piece

    def read(self, limit: int, deadline: float) -> bytes:
        """The whole decoded body (see :meth:`chunks`)."""
        return b"".join(self.chunks(limit, deadline))


@contextmanager
def request(
    url: str,
    allowed_hosts: Iterable[str],
    *,
    timeout: float,
    accept: str = "*/*",
    cookies: http.cookiejar.CookieJar | None = None,
) -> Iterator[Response]:
    """One GET of ``url``, redirects not followed (a 3xx is an answer like any other).

    Raises :class:`HttpProblem`: ``DISALLOWED_HOST`` (nothing was sent), ``CONNECTION`` or
    ``TIMEOUT``. ``timeout`` bounds connecting and each read.
    """
    target = _checked(url, tuple(allowed_hosts))
    connection = _connection(target, timeout)
    try:
        try:
            _send(connection, target, accept, cookies)
            raw = connection.getresponse()
        except TimeoutError as error:
            raise HttpProblem(FetchProblem.TIMEOUT, url) from error
        except (OSError, http.client.HTTPException, ValueError) as error:
            # Refused and reset connections, TLS failures, malformed responses.
            raise HttpProblem(
                FetchProblem.CONNECTION, url, detail=_connection_error(error)
            ) from error
        if cookies is not None:
            cookies.extract_cookies(_CookieResponse(raw.headers), _cookie_request(url))  # type: ignore[arg-type]
        yield Response(url, raw)
    except TimeoutError as error:  # While the caller read the body.
        raise HttpProblem(FetchProblem.TIMEOUT, url) from error
    except (OSError, http.client.HTTPException) as error:
        raise HttpProblem(FetchProblem.CONNECTION, url, detail=_connection_error(error)) from error
    finally:
        connection.close()


def get(
    url: str,
    allowed_hosts: Iterable[str],
    *,
    timeout: float,
    max_redirects: int,
    max_bytes: int,
    accept: str = "*/*",
) -> Fetched:
    """``url`` read whole, redirects followed by hand (see the module docstring).

    ``timeout`` bounds the whole fetch, redirects and reading included. The body of a 2xx
    response is read (``TOO_LARGE`` past ``max_bytes``, decoded, or when ``Content-Length``
    says so); any other final status is returned without its body. Raises
    :class:`HttpProblem`.
    """
    allowed = tuple(allowed_hosts)
    deadline = time.monotonic() + timeout
    # A cookie jar per fetch: a site that sets a cookie and redirects to the same URL (a
    # cookie check) is not a loop, as it is not in a browser.
    cookies = http.cookiejar.CookieJar()
    hops: list[str] = []
    seen: set[tuple[str, frozenset[tuple[str, str]]]] = set()
    current = urldefrag(url).url
    status: int | None = None
    headers: Message | None = None
    while True:
        try:
            _check_hop(current, allowed, hops, seen, cookies, max_redirects)
            hops.append(current)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HttpProblem(FetchProblem.TIMEOUT, current)
            with request(
                current, allowed, timeout=remaining, accept=accept, cookies=cookies
            ) as response:
                status, headers = response.status, response.headers
                location = response.headers.get("Location", "").strip()
                if status in REDIRECT_STATUSES and location:
                    current = urldefrag(urljoin(current, location)).url
                    continue
                body = _body(response, max_bytes, deadline) if 200 <= status < 300 else b""
        except HttpProblem as problem:
            raise problem.at(hops, status, headers) from problem.__cause__
        return Fetched(url, current, status, response.reason, headers, body, tuple(hops))


def _check_hop(
    url: str,
    allowed: Sequence[str],
    hops: Sequence[str],
    seen: set[tuple[str, frozenset[tuple[str, str]]]],
    cookies: http.cookiejar.CookieJar,
    max_redirects: int,
) -> None:
    """Refuses the next hop of a chain of redirects before anything is sent to it."""
    if not is_allowed(url, allowed):
        raise HttpProblem(FetchProblem.DISALLOWED_HOST, url)
    state = (url, frozenset((cookie.name, cookie.value or "") for cookie in cookies))
    if state in seen:
        raise HttpProblem(FetchProblem.REDIRECT_LOOP, url)
    if len(hops) > max_redirects:
        raise HttpProblem(FetchProblem.TOO_MANY_REDIRECTS, url)
    seen.add(state)


def _body(response: Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.declared_length
    if declared is not None and declared > max_bytes:
        raise HttpProblem(FetchProblem.TOO_LARGE, response.url, size=declared)
    return response.read(max_bytes, deadline)


# -- Connecting to the checked address -------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    hostname: str
    port: int
    #: The ``Host`` header: the name, and the port when it is not the scheme's own.
    host_header: str
    #: The address checked, and the one connected to.
    address: str
    #: The path and query, as sent in the request line.
    path: str


def _checked(url: str, allowed: Sequence[str]) -> _Target:
    """The URL's host, resolved once and checked; ``DISALLOWED_HOST`` before any lookup when
    the host is not allowed, and when its address is refused."""
    if not is_allowed(url, allowed):
        raise HttpProblem(FetchProblem.DISALLOWED_HOST, url)
    parts = urlsplit(url)
    hostname = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise HttpProblem(FetchProblem.CONNECTION, url, detail=_connection_error(error)) from error
    address = str(found[0][4][0])
    refusal = refused_address(url, address, allowed)
    if refusal:
        raise HttpProblem(
            FetchProblem.DISALLOWED_HOST, url, detail=f"{hostname} is at {address}, {refusal}"
        )
    name = f"[{hostname}]" if ":" in hostname else hostname
    return _Target(
        url=url,
        scheme=parts.scheme,
        hostname=hostname,
        port=port,
        host_header=f"{name}:{parts.port}" if parts.port else name,
        address=address,
        path=(parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
    )


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to a given address, with TLS (SNI, the certificate's name) for the host's name."""

    def __init__(self, address: str, port: int, *, server_hostname: str, timeout: float) -> None:
        super().__init__(address, port, timeout=timeout, context=_tls_context())
        self.server_hostname = server_hostname

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)  # TCP, and the proxy's tunnel if any.
        self.sock = self._context.wrap_socket(  # type: ignore[attr-defined]
            self.sock, server_hostname=self.server_hostname
        )


def _connection(target: _Target, timeout: float) -> http.client.HTTPConnection:
    proxy = _proxy_for(target)
    if target.scheme == "https":
        if proxy is None:
            return _PinnedHTTPSConnection(
                target.address, target.port, server_hostname=target.hostname, timeout=timeout
            )
        connection = _PinnedHTTPSConnection(
            proxy[0], proxy[1], server_hostname=target.hostname, timeout=timeout
        )
        connection.set_tunnel(target.address, target.port)
        return connection
    if proxy is None:
        return http.client.HTTPConnection(target.address, target.port, timeout=timeout)
    return http.client.HTTPConnection(proxy[0], proxy[1], timeout=timeout)


def _send(
    connection: http.client.HTTPConnection,
    target: _Target,
    accept: str,
    cookies: http.cookiejar.CookieJar | None,
) -> None:
    through_proxy = target.scheme == "http" and _proxy_for(target) is not None
    connection.putrequest(
        "GET",
        f"http://{target.host_header}{target.path}" if through_proxy else target.path,
        skip_host=True,
        skip_accept_encoding=True,
    )
    headers = {
        "Host": target.host_header,
        "User-Agent": USER_AGENT,
        "Accept": accept,
        "Accept-Language": "en-GB,en;q=0.9",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    if cookies is not None:
        jar_request = _cookie_request(target.url)
        cookies.add_cookie_header(jar_request)
        if cookie := jar_request.unredirected_hdrs.get("Cookie"):
            headers["Cookie"] = cookie
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()


def _proxy_for(target: _Target) -> tuple[str, int] | None:
    """The environment's proxy for this URL, as ``(host, port)``, if one applies."""
    proxy = urllib.request.getproxies().get(target.scheme)
    if not proxy or urllib.request.proxy_bypass(target.hostname):
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return (parts.hostname or "", parts.port or 80) if parts.hostname else None


@cache
def _tls_context() -> ssl.SSLContext:
    # Loading the system's certificates takes tens of milliseconds: once per process.
    return ssl.create_default_context()


def _cookie_request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url)


class _CookieResponse:
    """What :class:`http.cookiejar.CookieJar` reads of a response: its headers."""

    def __init__(self, headers: Message) -> None:
        self.headers = headers

    def info(self) -> Message:
        return self.headers


def _connection_error(reason: BaseException) -> str:
    if isinstance(reason, socket.gaierror):
        return f"the name does not resolve ({reason})"
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return f"TLS error ({reason})"
    return str(reason) or type(reason).__name__


def describe(problem: HttpProblem) -> str:
    """``could not connect to host: reason``, for a ``CONNECTION`` problem."""
    return f"could not connect to {host_of(problem.url)}: {problem.detail}"
