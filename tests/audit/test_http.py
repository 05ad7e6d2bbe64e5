"""The audit's one HTTP client against hostile servers, through each of its callers.

Two real local servers: ``local_site``, the site being audited (allowed), and ``elsewhere``,
a host the run does not allow. Every request either receives is logged, so each test can say
that the host it refuses received nothing at all.
"""

from __future__ import annotations

import gzip
import ipaddress
import resource
import shutil
import socket
import ssl
import subprocess
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus
from audit.engine import http
from audit.engine.discovery import FetchError, make_fetcher, sitemap_targets
from audit.engine.fetch import FetchProblem, fetch_page
from audit.engine.preparation import Preparer
from audit.engine.reuse import AssetFingerprints
from audit.results import AuditTarget

from .conftest import LocalSite, Route

PAGE = "<!doctype html><html lang='en'><title>Bins</title><h1>Bin collections</h1></html>"
#: The default page size limit, as a council runs the audit.
CONFIG = AuditSettings(PAGE_TIMEOUT=10, MAX_REDIRECTS=5)


@pytest.fixture
def elsewhere() -> Iterator[LocalSite]:
    """A second server: a host the run does not allow."""
    site = LocalSite()
    site.start()
    yield site
    site.stop()


def urlset(*urls: str) -> str:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'


# -- Redirects off the allowed hosts ----------------------------------------------------------


def test_a_redirect_to_a_host_not_allowed_is_refused_before_any_request(
    local_site: LocalSite, elsewhere: LocalSite
) -> None:
    elsewhere.route("/", PAGE)
    local_site.route("/away", status=302, headers={"Location": elsewhere.url("/")})
    local_site.route("/away.xml", status=302, headers={"Location": elsewhere.url("/")})

    page = fetch_page(local_site.url("/away"), CONFIG, [local_site.host])
    with pytest.raises(FetchError, match=r"redirects to .* which is not allowed"):
        make_fetcher([local_site.host])(local_site.url("/away.xml"))
    with pytest.raises(http.HttpProblem) as problem:
        http.get(
            local_site.url("/away"),
            [local_site.host],
            timeout=5,
            max_redirects=5,
            max_bytes=1000,
        )

    assert page.error_kind == FetchProblem.DISALLOWED_HOST
    assert page.status == 302
    assert page.final_url == elsewhere.url("/")
    assert problem.value.kind == FetchProblem.DISALLOWED_HOST
    assert problem.value.hops == (local_site.url("/away"),)
    assert elsewhere.requests == []


def test_a_chain_that_leaves_the_host_on_its_third_hop(
    local_site: LocalSite, elsewhere: LocalSite
) -> None:
    elsewhere.route("/landing", PAGE)
    local_site.route("/one", status=301, headers={"Location": "/two"})
    local_site.route("/two", status=302, headers={"Location": local_site.url("/three")})
    local_site.route("/three", status=307, headers={"Location": elsewhere.url("/landing")})

    result = fetch_page(local_site.url("/one"), CONFIG, [local_site.host])

    assert result.error_kind == FetchProblem.DISALLOWED_HOST
    assert result.error.startswith(f"redirected to {elsewhere.url('/landing')}, which is not")
    assert result.hops == tuple(local_site.url(path) for path in ("/one", "/two", "/three"))
    assert [path for path, _agent in local_site.requests] == ["/one", "/two", "/three"]
    assert elsewhere.requests == []


def test_an_asset_that_redirects_elsewhere_is_not_followed(
    local_site: LocalSite, elsewhere: LocalSite
) -> None:
    elsewhere.route("/style.css", "p {}", content_type="text/css")
    local_site.route("/style.css", status=302, headers={"Location": elsewhere.url("/style.css")})

    digest = AssetFingerprints(CONFIG, [local_site.host]).of(local_site.url("/style.css"))

    assert digest == f"status:302:{elsewhere.url('/style.css')}"
    assert elsewhere.requests == []


# -- Names not in the allowed list -------------------------------------------------------------


def test_a_name_not_in_the_allowed_list_is_refused_without_a_lookup(
    local_site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``localhost`` resolves to this very server, but only ``127.0.0.1:port`` is allowed."""
    local_site.route("/", PAGE)
    lookups = _count_lookups(monkeypatch)

    result = fetch_page(local_site.url("/", host="localhost"), CONFIG, [local_site.host])

    assert result.error_kind == FetchProblem.DISALLOWED_HOST
    assert result.error.startswith(f"at {local_site.url('/', host='localhost')}, which is not")
    assert lookups == []
    assert local_site.requests == []


def test_an_allowed_name_is_resolved_once_and_that_address_is_connected_to(
    local_site: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``council.test`` does not exist: the request can only reach the server through the
    address the client resolved (and checked), with the name in the Host header."""
    hosts: list[str] = []

    def page(request: BaseHTTPRequestHandler) -> Route:
        hosts.append(request.headers.get("Host", ""))
        return Route(headers={"Content-Type": "text/html"}, body=PAGE.encode())

    local_site.dynamic("/", page)
    lookups = _count_lookups(monkeypatch, {"council.test": "127.0.0.1"})
    name = f"council.test:{local_site.port}"

    result = fetch_page(f"http://{name}/", CONFIG, [name])

    assert result.ok, result.error
    assert hosts == [name]
    assert lookups == ["council.test"]


def test_a_name_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    _count_lookups(monkeypatch, {})

    result = fetch_page("http://nowhere.test/", CONFIG, ["nowhere.test"])

    assert result.error_kind == FetchProblem.CONNECTION
    assert result.error.startswith("could not connect to nowhere.test: the name does not resolve")


def _count_lookups(
    monkeypatch: pytest.MonkeyPatch, names: dict[str, str] | None = None
) -> list[str]:
    """Every name the client resolves; ``names`` (when given) is the whole of DNS."""
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        if _is_address(host):  # Connecting to an address: no lookup.
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        if names is None:
            return real(host, port, *args, **kwargs)
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(names[host], port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


# -- Sitemaps ----------------------------------------------------------------------------------


def test_sitemap_entries_on_other_hosts_are_never_requested(
    local_site: LocalSite, elsewhere: LocalSite
) -> None:
    elsewhere.route("/pages.xml", urlset(elsewhere.url("/secret/")), content_type="text/xml")
    local_site.route(
        "/sitemap.xml",
        urlset(local_site.url("/bins/"), elsewhere.url("/admin/"), elsewhere.url("/pages.xml")),
        content_type="application/xml",
    )
    index = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{elsewhere.url('/pages.xml')}</loc></sitemap></sitemapindex>"
    )
    local_site.route("/index.xml", index, content_type="application/xml")

    pages = sitemap_targets(local_site.url("/sitemap.xml"), config=CONFIG)
    nested = sitemap_targets(local_site.url("/index.xml"), config=CONFIG)

    assert [target.url for target in pages.targets] == [local_site.url("/bins/")]
    assert {(item.url, item.reason) for item in pages.skipped} == {
        (elsewhere.url("/admin/"), "other host"),
        (elsewhere.url("/pages.xml"), "other host"),
    }
    assert nested.targets == []
    assert [(item.url, item.reason) for item in nested.skipped] == [
        (elsewhere.url("/pages.xml"), "other host")
    ]
    assert elsewhere.requests == []


# -- Compressed bodies -------------------------------------------------------------------------


def gzip_bomb(decoded_bytes: int) -> bytes:
    """``decoded_bytes`` of zeros, gzipped, without ever holding them (200 MB → ~200 kB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1024 * 1024)
    parts = [compressor.compress(zeros) for _ in range(decoded_bytes // len(zeros))]
    return b"".join([*parts, compressor.flush()])


def test_a_gzip_bomb_is_too_large_and_never_inflated(local_site: LocalSite) -> None:
    decoded = 200 * 1024 * 1024
    bomb = gzip_bomb(decoded)
    assert len(bomb) < CONFIG.MAX_PAGE_BYTES // 10  # It passes any check of the size sent.
    local_site.route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    preparer = Preparer(CONFIG, [local_site.host])

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        page = preparer.prepare(AuditTarget(local_site.url("/bomb")))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before  # kB

    assert page.fetched.error_kind == FetchProblem.TOO_LARGE
    assert page.fetched.error == "page too large: more than 5 MB"
    assert page.fetch_failure().status == PageStatus.ERROR
    assert not page.needs_browser
    # Reading stopped at the limit: a few megabytes, nothing like the 200 MB inside.
    print(
        f"gzip bomb: tracemalloc peak {peak / 2**20:.1f} MiB, max RSS +{rss_growth / 1024:.1f} MiB"
    )
    assert peak < 4 * CONFIG.MAX_PAGE_BYTES
    assert rss_growth * 1024 < decoded // 4


def test_a_gzipped_sitemap_bomb_is_refused(local_site: LocalSite) -> None:
    local_site.route(
        "/sitemap.xml", gzip_bomb(20 * 1024 * 1024), headers={"Content-Encoding": "gzip"}
    )
    local_site.route(
        "/sitemap.xml.gz", gzip_bomb(20 * 1024 * 1024), content_type="application/gzip"
    )
    fetch = make_fetcher([local_site.host], max_bytes=1024 * 1024)

    with pytest.raises(FetchError, match="larger than 1048576 bytes"):
        fetch(local_site.url("/sitemap.xml"))
    with pytest.raises(FetchError, match="larger than 1048576 bytes uncompressed"):
        fetch(local_site.url("/sitemap.xml.gz"))


def test_a_gzipped_page_within_the_limit_is_read_decoded(local_site: LocalSite) -> None:
    local_site.route("/bins", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    local_site.route(
        "/deflated", zlib.compress(PAGE.encode()), headers={"Content-Encoding": "deflate"}
    )
    local_site.route("/broken", b"\x1f\x8b not gzip at all", headers={"Content-Encoding": "gzip"})

    gzipped = fetch_page(local_site.url("/bins"), CONFIG, [local_site.host])
    deflated = fetch_page(local_site.url("/deflated"), CONFIG, [local_site.host])
    broken = fetch_page(local_site.url("/broken"), CONFIG, [local_site.host])

    assert gzipped.ok and gzipped.text == PAGE
    assert deflated.ok and deflated.text == PAGE
    assert broken.error_kind == FetchProblem.CONNECTION
    assert "the gzip body is corrupt" in broken.error


def test_an_asset_is_hashed_decoded_and_only_so_far(local_site: LocalSite) -> None:
    css = b"p { color: red }"
    local_site.route("/plain.css", css, content_type="text/css")
    local_site.route("/zipped.css", gzip.compress(css), headers={"Content-Encoding": "gzip"})
    local_site.route("/bomb.css", gzip_bomb(64 * 1024 * 1024), headers={"Content-Encoding": "gzip"})
    assets = AssetFingerprints(CONFIG, [local_site.host])

    plain = assets.of(local_site.url("/plain.css"))

    assert assets.of(local_site.url("/zipped.css")) == plain
    assert len(assets.of(local_site.url("/bomb.css"))) == 64  # The first 10 MB, hashed.


# -- HTTPS to the checked address --------------------------------------------------------------


def _certificate(tmp_path: Path, name: str) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("Needs the openssl command to make a test certificate.")
    cert, key = tmp_path / f"{name}.pem", tmp_path / f"{name}.key"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}"),
            *("-addext", f"subjectAltName=DNS:{name}"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.mark.parametrize(("served_as", "ok"), [("council.test", True), ("other.test", False)])
def test_https_goes_to_the_checked_address_with_the_name_in_tls(
    local_site: LocalSite,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    served_as: str,
    ok: bool,
) -> None:
    """The certificate names ``council.test`` only (not 127.0.0.1): it is accepted only if the
    client, connected to the address it resolved, checks it against the name (SNI too)."""
    cert, key = _certificate(tmp_path, served_as)
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    local_site.server.socket = server_side.wrap_socket(local_site.server.socket, server_side=True)
    local_site.route("/", PAGE)
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(http, "_tls_context", lambda: trusting)
    lookups = _count_lookups(monkeypatch, {"council.test": "127.0.0.1"})
    name = f"council.test:{local_site.port}"

    result = fetch_page(f"https://{name}/", CONFIG, [name])

    assert lookups == ["council.test"]
    if ok:
        assert result.ok, result.error
        assert local_site.requests == [("/", http.USER_AGENT)]
    else:
        assert result.error_kind == FetchProblem.CONNECTION
        assert "TLS error" in result.error
        assert local_site.requests == []
