"""The pre-flight fetch: every problem is a value, and every redirect hop is checked."""

from __future__ import annotations

import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest

from audit.core.conf import AuditSettings
from audit.engine.fetch import USER_AGENT, FetchProblem, FetchResult, fetch_page

from .conftest import LocalSite, Route

PAGE = "<!doctype html><html lang='en'><title>Bins</title><h1>Bin collections</h1></html>"


@pytest.fixture
def config() -> AuditSettings:
    return AuditSettings(PAGE_TIMEOUT=5, MAX_REDIRECTS=3, MAX_PAGE_BYTES=10_000)


def fetch(site: LocalSite, path: str, config: AuditSettings, **kwargs: float) -> FetchResult:
    return fetch_page(site.url(path), config, [site.host], **kwargs)


def test_an_html_page(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/bins", PAGE)

    result = fetch(local_site, "/bins", config)

    assert result.ok
    assert result.error_kind is None and result.error == ""
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.body == PAGE.encode()
    assert result.text == PAGE
    assert result.url == result.final_url == local_site.url("/bins")
    assert result.hops == (local_site.url("/bins"),)
    assert local_site.requests == [("/bins", USER_AGENT)]


def test_xhtml_is_html(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/x", PAGE, content_type="application/xhtml+xml")

    assert fetch(local_site, "/x", config).ok


def test_the_fragment_is_not_sent(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/bins", PAGE)

    result = fetch_page(local_site.url("/bins#when"), config, [local_site.host])

    assert result.ok
    assert result.final_url == local_site.url("/bins")


def test_the_declared_charset_decodes_the_text(
    local_site: LocalSite, config: AuditSettings
) -> None:
    local_site.route(
        "/fees", "<p>Fee: £5</p>".encode("latin-1"), content_type="text/html; charset=iso-8859-1"
    )

    result = fetch(local_site, "/fees", config)

    assert result.charset == "iso-8859-1"
    assert result.text == "<p>Fee: £5</p>"


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_an_error_status(local_site: LocalSite, config: AuditSettings, status: int) -> None:
    local_site.route("/broken", "<h1>Oops</h1>", status=status)

    result = fetch(local_site, "/broken", config)

    assert result.error_kind == FetchProblem.HTTP_STATUS
    assert result.status == status
    assert result.error.startswith(f"HTTP {status}")


def test_a_pdf_is_not_html(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/report.pdf", b"%PDF-1.7\n...", content_type="application/pdf")

    result = fetch(local_site, "/report.pdf", config)

    assert result.error_kind == FetchProblem.NOT_HTML
    assert result.error == "not HTML (application/pdf)"
    assert result.status == 200
    assert result.content_type == "application/pdf"


def test_without_a_content_type_html_is_sniffed(
    local_site: LocalSite, config: AuditSettings
) -> None:
    local_site.route("/sniffed", "\n  <!DOCTYPE html><title>x</title>", content_type=None)
    local_site.route("/data", b"\x00\x01binary", content_type=None)

    assert fetch(local_site, "/sniffed", config).ok
    data = fetch(local_site, "/data", config)
    assert data.error_kind == FetchProblem.NOT_HTML
    assert data.error == "not HTML (no content type)"


def test_a_page_declared_too_large(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/big", "<p>" + "x" * 20_000)

    result = fetch(local_site, "/big", config)

    assert result.error_kind == FetchProblem.TOO_LARGE
    assert result.error == "page too large: 20 kB (the limit is 10 kB)"
    assert result.body == b""


def test_a_page_too_large_without_a_content_length(
    local_site: LocalSite, config: AuditSettings
) -> None:
    local_site.route("/stream", "<p>" + "x" * 50_000, send_length=False)
    local_site.route("/exact", "x" * 10_000, send_length=False)

    result = fetch(local_site, "/stream", config)

    assert result.error_kind == FetchProblem.TOO_LARGE
    assert result.error == "page too large: more than 10 kB"
    # Exactly at the limit is fine (it reads one byte more to tell).
    assert fetch(local_site, "/exact", config).ok


def test_redirects_are_followed(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/old", status=301, headers={"Location": "/older"})
    local_site.route("/older", status=302, headers={"Location": local_site.url("/new")})
    local_site.route("/new", status=308, headers={"Location": "newest?x=1"})
    local_site.route("/newest", PAGE)

    result = fetch(local_site, "/old", config)

    assert result.ok
    assert result.url == local_site.url("/old")
    assert result.final_url == local_site.url("/newest?x=1")
    assert result.hops == tuple(
        local_site.url(path) for path in ("/old", "/older", "/new", "/newest?x=1")
    )


def test_too_many_redirects(local_site: LocalSite, config: AuditSettings) -> None:
    for number in range(5):
        local_site.route(f"/r{number}", status=302, headers={"Location": f"/r{number + 1}"})
    local_site.route("/r5", PAGE)

    result = fetch(local_site, "/r0", config)

    assert result.error_kind == FetchProblem.TOO_MANY_REDIRECTS
    assert result.error.startswith("more than 3 redirects: ")
    assert local_site.requested("/r4") == 0
    # MAX_REDIRECTS redirects are allowed.
    assert fetch(local_site, "/r2", config).ok


def test_a_redirect_loop(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/a", status=302, headers={"Location": "/b"})
    local_site.route("/b", status=302, headers={"Location": "/a"})

    result = fetch(local_site, "/a", config)

    assert result.error_kind == FetchProblem.REDIRECT_LOOP
    a, b = local_site.url("/a"), local_site.url("/b")
    assert result.error == f"redirect loop: {a} → {b} → {a}"
    assert result.status == 302


def test_a_cookie_check_redirect_is_not_a_loop(
    local_site: LocalSite, config: AuditSettings
) -> None:
    def cookie_check(request: BaseHTTPRequestHandler) -> Route:
        if "seen=1" in (request.headers.get("Cookie") or ""):
            return Route(headers={"Content-Type": "text/html"}, body=PAGE.encode())
        return Route(status=302, headers={"Location": "/check", "Set-Cookie": "seen=1; Path=/"})

    local_site.dynamic("/check", cookie_check)

    result = fetch(local_site, "/check", config)

    assert result.ok
    assert local_site.requested("/check") == 2


def test_a_redirect_to_another_host_is_not_followed(
    local_site: LocalSite, config: AuditSettings
) -> None:
    elsewhere = local_site.url("/elsewhere", host="localhost")
    local_site.route("/away", status=302, headers={"Location": elsewhere})
    local_site.route("/elsewhere", PAGE)

    result = fetch(local_site, "/away", config)

    assert result.error_kind == FetchProblem.DISALLOWED_HOST
    assert result.error == (
        f"redirected to {elsewhere}, which is not on an allowed host (localhost:{local_site.port})"
    )
    assert result.final_url == elsewhere
    assert local_site.requested("/elsewhere") == 0


def test_a_redirect_to_another_scheme_is_not_followed(
    local_site: LocalSite, config: AuditSettings
) -> None:
    local_site.route("/file", status=302, headers={"Location": "file:///etc/passwd"})

    result = fetch(local_site, "/file", config)

    assert result.error_kind == FetchProblem.DISALLOWED_HOST


def test_the_first_url_is_checked_too(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/bins", PAGE)

    result = fetch_page(local_site.url("/bins"), config, ["council.example"])

    assert result.error_kind == FetchProblem.DISALLOWED_HOST
    assert result.error.startswith(f"at {local_site.url('/bins')}, which is not")
    assert local_site.requests == []


def test_a_refused_connection(config: AuditSettings) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"

    result = fetch_page(url, config, [f"127.0.0.1:{port}"])

    assert result.error_kind == FetchProblem.CONNECTION
    assert result.error.startswith(f"could not connect to 127.0.0.1:{port}: ")
    assert result.status is None


def test_a_timeout(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/slow", PAGE, delay=10)

    started = time.monotonic()
    result = fetch(local_site, "/slow", config, timeout=0.5)

    assert time.monotonic() - started < 3
    assert result.error_kind == FetchProblem.TIMEOUT
    assert result.error == "timed out after 0.5 s"


def test_the_timeout_covers_every_hop(local_site: LocalSite, config: AuditSettings) -> None:
    local_site.route("/hop", status=302, headers={"Location": "/slow"}, delay=0.3)
    local_site.route("/slow", PAGE, delay=0.4)

    result = fetch(local_site, "/hop", config, timeout=0.6)

    assert result.error_kind == FetchProblem.TIMEOUT
