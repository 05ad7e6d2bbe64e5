"""Discovery: the Wagtail page tree, sitemaps (and their indexes), explicit URLs, links.

The audit app must work on any Wagtail site, so these tests build their trees from Wagtail's
own ``Page`` model, never Clearway's page types.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from audit.core.conf import AuditSettings
from audit.engine.discovery import (
    FetchError,
    SitemapError,
    SkippedTarget,
    allowed_hosts_for,
    explicit_targets,
    follow_links,
    is_page_url,
    make_fetcher,
    parse_sitemap,
    rewrite_url,
    sitemap_targets,
    wagtail_targets,
)
from audit.results import AuditTarget

if TYPE_CHECKING:
    from tests.audit.conftest import LocalSite  # The local_site fixture: a local HTTP server.

CONFIG = AuditSettings(ALLOWED_HOSTS=("cdn.anytown.example",))


# -- The Wagtail page tree -------------------------------------------------------------------


def _add(parent: Page, slug: str, *, live: bool = True) -> Page:
    page = Page(title=slug.replace("-", " ").capitalize(), slug=slug, live=live)
    parent.add_child(instance=page)
    return page


def _make_private(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


@pytest.fixture
def home(db: None) -> Page:
    """A home page under the tree root, served by the default Site on http://localhost/."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    Site.objects.all().delete()
    home = _add(root, "home")
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def test_every_live_public_page_with_its_url_and_id(home: Page) -> None:
    bins = _add(home, "bins")
    collections = _add(bins, "collection-days")
    _add(home, "draft", live=False)
    private = _add(home, "staff")
    inner = _add(private, "rota")
    _make_private(private)

    result = wagtail_targets(config=CONFIG)

    assert result.targets == [
        AuditTarget("http://localhost/", home.pk),
        AuditTarget("http://localhost/bins/", bins.pk),
        AuditTarget("http://localhost/bins/collection-days/", collections.pk),
    ]
    assert result.skipped == [
        SkippedTarget("http://localhost/staff/", "private", private.pk),
        SkippedTarget("http://localhost/staff/rota/", "private", inner.pk),
    ]


def test_private_pages_are_those_wagtail_calls_private(home: Page) -> None:
    for section in range(3):
        parent = _add(home, f"section-{section}")
        for child in range(2):
            _add(parent, f"page-{child}")
        if section != 1:
            _make_private(parent.get_children().first() if section else parent)

    result = wagtail_targets(config=CONFIG)

    private_ids = set(Page.objects.live().not_public().values_list("pk", flat=True))
    assert {skipped.page_id for skipped in result.skipped} == private_ids
    public_ids = set(Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True))
    assert {target.page_id for target in result.targets} == public_ids


def test_each_site_gives_its_own_scheme_host_and_port(home: Page) -> None:
    root = Page.get_first_root_node()
    parish = _add(root, "parish-home")
    _add(parish, "allotments")
    staging = _add(root, "staging-home")
    parish_site = Site.objects.create(hostname="www.parish.example", port=443, root_page=parish)
    Site.objects.create(hostname="staging.example", port=8000, root_page=staging)
    _add(home, "bins")

    urls = [target.url for target in wagtail_targets(config=CONFIG).targets]
    assert urls == [
        "http://localhost/",
        "http://localhost/bins/",
        "https://www.parish.example/",
        "https://www.parish.example/allotments/",
        "http://staging.example:8000/",
    ]

    only_parish = wagtail_targets([parish_site], config=CONFIG)
    assert [target.url for target in only_parish.targets] == [
        "https://www.parish.example/",
        "https://www.parish.example/allotments/",
    ]


def test_pages_outside_every_site_are_not_audited(home: Page) -> None:
    _add(Page.get_first_root_node(), "orphan-home")
    urls = [target.url for target in wagtail_targets(config=CONFIG).targets]
    assert urls == ["http://localhost/"]


def test_no_sites_no_pages(db: None) -> None:
    Site.objects.all().delete()
    assert wagtail_targets(config=CONFIG).targets == []


def _queries_for_tree(home: Page, pages: int) -> int:
    sections = [_add(home, f"section-{number}") for number in range(5)]
    for number in range(pages - len(sections)):
        _add(sections[number % len(sections)], f"page-{number}")
    _make_private(sections[0])
    cache.clear()  # Site root paths are cached: measure the first, uncached, discovery.
    with CaptureQueriesContext(connection) as queries:
        result = wagtail_targets(config=CONFIG)
    assert len(result.targets) + len(result.skipped) == pages + 1
    return len(queries)


@pytest.mark.parametrize("pages", [5, 50])
def test_queries_do_not_grow_with_the_tree(home: Page, pages: int) -> None:
    # The sites' root paths, Wagtail's site root paths, view restrictions, pages.
    assert _queries_for_tree(home, pages) <= 4


def test_the_same_queries_for_5_and_50_pages(home: Page) -> None:
    small = _queries_for_tree(home, 5)
    for child in home.get_children():
        child.delete()
    PageViewRestriction.objects.all().delete()
    assert _queries_for_tree(home, 50) == small


# -- Explicit URLs and allowed hosts ---------------------------------------------------------


def test_explicit_urls_are_normalised_and_deduplicated() -> None:
    targets = explicit_targets(
        [
            "HTTP://LocalHost:80/bins/?utm_source=mail#top",
            "http://localhost/bins/",
            "http://localhost/bins/?page=2&fbclid=abc",
            "https://www.anytown.example",
        ],
        config=CONFIG,
    )
    assert targets == [
        AuditTarget("http://localhost/bins/"),
        AuditTarget("http://localhost/bins/?page=2"),
        AuditTarget("https://www.anytown.example/"),
    ]


def test_allowed_hosts_are_the_targets_hosts_and_the_settings() -> None:
    targets = [
        AuditTarget("http://localhost/"),
        AuditTarget("http://localhost/bins/"),
        AuditTarget("http://staging.example:8000/"),
    ]
    assert allowed_hosts_for(targets, CONFIG) == (
        "localhost",
        "staging.example:8000",
        "cdn.anytown.example",
    )


# -- Sitemaps --------------------------------------------------------------------------------


class FakeWeb:
    """A fetcher serving documents from a dict, counting requests."""

    def __init__(self, documents: dict[str, bytes | str]) -> None:
        self.documents = {
            url: body.encode() if isinstance(body, str) else body for url, body in documents.items()
        }
        self.requested: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.requested.append(url)
        if url not in self.documents:
            raise FetchError(f"{url} answered HTTP 404.")
        return self.documents[url]


def urlset(*locs: str) -> str:
    entries = "".join(f"<url><loc>{loc}</loc><lastmod>2025-01-15</lastmod></url>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


def sitemapindex(*locs: str) -> str:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
        "</sitemapindex>"
    )


SITE = "http://localhost:8000"


def _urls(targets: list[AuditTarget]) -> list[str]:
    return [target.url for target in targets]


def test_a_plain_sitemap() -> None:
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": urlset(
                f"{SITE}/",
                f"{SITE}/bins/?utm_campaign=x",
                f"  {SITE}/bins/  ",
                f"{SITE}/search/?q=bins&amp;page=2",
                "/relative/",
            )
        }
    )
    result = sitemap_targets(f"{SITE}/sitemap.xml", web, config=CONFIG)
    assert _urls(result.targets) == [
        f"{SITE}/",
        f"{SITE}/bins/",
        f"{SITE}/search/?q=bins&page=2",
        f"{SITE}/relative/",
    ]
    assert result.skipped == []
    assert all(target.page_id is None for target in result.targets)


def test_a_nested_sitemap_index() -> None:
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": sitemapindex(f"{SITE}/pages.xml", f"{SITE}/more.xml"),
            f"{SITE}/pages.xml": urlset(f"{SITE}/", f"{SITE}/bins/"),
            f"{SITE}/more.xml": sitemapindex(f"{SITE}/news.xml"),
            f"{SITE}/news.xml": urlset(f"{SITE}/news/", f"{SITE}/bins/"),
        }
    )
    result = sitemap_targets(f"{SITE}/sitemap.xml", web, config=CONFIG)
    assert _urls(result.targets) == [f"{SITE}/", f"{SITE}/bins/", f"{SITE}/news/"]


def test_a_sitemap_index_cycle_ends() -> None:
    web = FakeWeb(
        {
            f"{SITE}/a.xml": sitemapindex(f"{SITE}/b.xml", f"{SITE}/a.xml"),
            f"{SITE}/b.xml": sitemapindex(f"{SITE}/a.xml", f"{SITE}/c.xml", f"{SITE}/b.xml"),
            f"{SITE}/c.xml": urlset(f"{SITE}/bins/"),
        }
    )
    result = sitemap_targets(f"{SITE}/a.xml", web, config=CONFIG)
    assert _urls(result.targets) == [f"{SITE}/bins/"]
    assert sorted(web.requested) == [f"{SITE}/a.xml", f"{SITE}/b.xml", f"{SITE}/c.xml"]


def test_sitemap_indexes_nest_only_so_deep() -> None:
    documents: dict[str, bytes | str] = {
        f"{SITE}/level-{n}.xml": sitemapindex(f"{SITE}/level-{n + 1}.xml") for n in range(5)
    }
    documents[f"{SITE}/level-5.xml"] = urlset(f"{SITE}/deep/")
    result = sitemap_targets(f"{SITE}/level-0.xml", FakeWeb(documents), max_depth=2, config=CONFIG)
    assert result.targets == []
    assert result.skipped == [SkippedTarget(f"{SITE}/level-3.xml", "sitemap nested too deeply")]


def test_a_production_sitemap_rewritten_to_staging() -> None:
    production = "https://www.anytown.gov.uk"
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": sitemapindex(f"{production}/sitemap-pages.xml"),
            f"{SITE}/sitemap-pages.xml": urlset(
                f"{production}/",
                f"{production}/bins/",
                f"{production}.evil.example/bins/",
                "https://elsewhere.example/",
            ),
        }
    )
    result = sitemap_targets(f"{SITE}/sitemap.xml", web, rewrite=(production, SITE), config=CONFIG)
    assert _urls(result.targets) == [f"{SITE}/", f"{SITE}/bins/"]
    assert result.skipped == [
        SkippedTarget(f"{production}.evil.example/bins/", "other host"),
        SkippedTarget("https://elsewhere.example/", "other host"),
    ]
    assert web.requested == [f"{SITE}/sitemap.xml", f"{SITE}/sitemap-pages.xml"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.anytown.gov.uk", "http://staging:8000/"),
        ("https://www.anytown.gov.uk/", "http://staging:8000/"),
        ("https://www.anytown.gov.uk/bins/?a=1", "http://staging:8000/bins/?a=1"),
        ("https://WWW.ANYTOWN.GOV.UK/bins/", "http://staging:8000/bins/"),
        ("https://www.anytown.gov.uk.example/", "https://www.anytown.gov.uk.example/"),
        ("https://www.anytown.gov.uk:8443/", "https://www.anytown.gov.uk:8443/"),
        ("http://www.anytown.gov.uk/", "http://www.anytown.gov.uk/"),
    ],
)
def test_rewrite_replaces_a_whole_origin(url: str, expected: str) -> None:
    assert rewrite_url(url, ("https://www.anytown.gov.uk/", "http://staging:8000")) == expected


def test_sitemap_entries_on_other_hosts_are_never_fetched() -> None:
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": sitemapindex(
                "https://attacker.example/sitemap.xml", f"{SITE}/pages.xml"
            ),
            f"{SITE}/pages.xml": urlset(f"{SITE}/", "https://cdn.anytown.example/page/"),
        }
    )
    result = sitemap_targets(f"{SITE}/sitemap.xml", web, config=CONFIG)
    # ALLOWED_HOSTS extends the sitemap's own host.
    assert _urls(result.targets) == [f"{SITE}/", "https://cdn.anytown.example/page/"]
    assert result.skipped == [SkippedTarget("https://attacker.example/sitemap.xml", "other host")]
    assert "https://attacker.example/sitemap.xml" not in web.requested


def test_sitemap_limit() -> None:
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": sitemapindex(f"{SITE}/a.xml", f"{SITE}/b.xml"),
            f"{SITE}/a.xml": urlset(*(f"{SITE}/a/{n}/" for n in range(3))),
            f"{SITE}/b.xml": urlset(*(f"{SITE}/b/{n}/" for n in range(3))),
        }
    )
    result = sitemap_targets(f"{SITE}/sitemap.xml", web, limit=4, config=CONFIG)
    assert _urls(result.targets) == [f"{SITE}/a/0/", f"{SITE}/a/1/", f"{SITE}/a/2/", f"{SITE}/b/0/"]


def test_a_gzipped_sitemap() -> None:
    web = FakeWeb({f"{SITE}/sitemap.xml.gz": gzip.compress(urlset(f"{SITE}/bins/").encode())})
    result = sitemap_targets(f"{SITE}/sitemap.xml.gz", web, config=CONFIG)
    assert _urls(result.targets) == [f"{SITE}/bins/"]


@pytest.mark.parametrize(
    ("document", "complaint"),
    [
        ("<urlset><url><loc>http://x/</loc></url>", "is not well-formed XML"),
        ("<!doctype html><html><body>Not found</body></html>", "is not well-formed XML"),
        ("<html><body>Oops</body></html>", "its root element is <html>"),
        ("", "is not well-formed XML"),
    ],
)
def test_what_is_not_a_sitemap_is_a_clear_error(document: str, complaint: str) -> None:
    web = FakeWeb({f"{SITE}/sitemap.xml": document})
    with pytest.raises(SitemapError, match=complaint) as error:
        sitemap_targets(f"{SITE}/sitemap.xml", web, config=CONFIG)
    assert f"{SITE}/sitemap.xml" in str(error.value)


def test_a_nested_sitemap_that_cannot_be_read_is_an_error() -> None:
    web = FakeWeb({f"{SITE}/sitemap.xml": sitemapindex(f"{SITE}/missing.xml")})
    with pytest.raises(SitemapError, match=r"missing\.xml could not be read: .* HTTP 404"):
        sitemap_targets(f"{SITE}/sitemap.xml", web, config=CONFIG)


def test_an_external_entity_is_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the-secret", encoding="utf-8")
    document = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITE}/&xxe;</loc></url></urlset>"
    )
    with pytest.raises(SitemapError, match="declares XML entities") as error:
        sitemap_targets(f"{SITE}/sitemap.xml", FakeWeb({f"{SITE}/sitemap.xml": document}))
    assert "the-secret" not in str(error.value)


def test_an_entity_bomb_is_refused() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8)
    )
    document = (
        f"<!DOCTYPE urlset [{entities}]>"
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITE}/&i;</loc></url></urlset>"
    )
    # libxml2 stops it before any entity is declared to us; either way, it is not read.
    with pytest.raises(SitemapError, match=r"declares XML entities|entity amplification"):
        parse_sitemap(document.encode(), "bomb.xml")


def test_a_sitemap_without_its_namespace_is_still_read() -> None:
    kind, locs = parse_sitemap(b"<urlset><url><loc>http://x/</loc></url></urlset>")
    assert (kind, locs) == ("urlset", ["http://x/"])


# -- The default fetcher ---------------------------------------------------------------------


def test_the_fetcher_reads_allowed_hosts_only(local_site: LocalSite) -> None:
    site = local_site
    sitemap = site.route("/sitemap.xml", urlset(site.url("/bins/")), content_type="application/xml")
    fetch = make_fetcher([site.host])

    assert b"/bins/" in fetch(sitemap)
    with pytest.raises(FetchError, match="not on an allowed host"):
        fetch(site.url("/sitemap.xml", host="localhost"))
    assert site.requested("/sitemap.xml") == 1


def test_the_fetcher_checks_redirects_status_and_size(local_site: LocalSite) -> None:
    site = local_site
    elsewhere = site.url("/sitemap.xml", host="localhost")
    site.route("/moved.xml", status=301, headers={"Location": elsewhere})
    site.route("/big.xml", b"x" * 2000, content_type="application/xml")
    fetch = make_fetcher([site.host], max_bytes=1000)

    with pytest.raises(FetchError, match=r"redirects to .* not allowed"):
        fetch(site.url("/moved.xml"))
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.url("/missing.xml"))
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(site.url("/big.xml"))


def test_a_sitemap_from_a_real_server(local_site: LocalSite) -> None:
    site = local_site
    site.route("/sitemap.xml", sitemapindex(site.url("/pages.xml")), content_type="application/xml")
    site.route("/pages.xml", urlset(site.url("/"), site.url("/bins/")), content_type="text/xml")

    result = sitemap_targets(site.url("/sitemap.xml"), config=CONFIG)

    assert _urls(result.targets) == [site.url("/"), site.url("/bins/")]


# -- Following links -------------------------------------------------------------------------


def html(*hrefs: str, base: str = "") -> str:
    head = f'<base href="{base}">' if base else ""
    links = "".join(f'<li><a href="{href}">Link</a></li>' for href in hrefs)
    return f"<!doctype html><html><head>{head}<title>T</title></head><ul>{links}</ul></html>"


def _follow(
    documents: dict[str, bytes | str],
    start: list[str] | None = None,
    *,
    max_pages: int = 100,
    max_depth: int = 5,
) -> tuple[list[str], FakeWeb]:
    web = FakeWeb(documents)
    targets = follow_links(
        [AuditTarget(url) for url in (start or [f"{SITE}/"])],
        web,
        ["localhost:8000"],
        max_pages,
        max_depth,
        config=CONFIG,
    )
    return _urls(targets), web


def test_links_stay_on_the_allowed_hosts_and_are_pages() -> None:
    urls, _web = _follow(
        {
            f"{SITE}/": html(
                "/bins/",
                "bins/collections/#days",
                "/bins/?utm_source=home",
                "#main",
                "https://www.gov.uk/",
                "http://localhost:9000/other-port/",
                "//evil.example/",
                "mailto:council@anytown.example",
                "tel:01234567890",
                "javascript:void(0)",
                "/documents/12/bin-calendar.pdf",
                "/media/images/map.JPG",
                "/tax/?page=2",
            ),
        }
    )
    assert urls == [
        f"{SITE}/",
        f"{SITE}/bins/",
        f"{SITE}/bins/collections/",
        f"{SITE}/tax/?page=2",
    ]


def test_relative_links_resolve_against_the_page_and_its_base() -> None:
    urls, _web = _follow(
        {
            f"{SITE}/": html("guides/"),
            f"{SITE}/guides/": html("../contact/", "parts/one/"),
            f"{SITE}/based/": html("page/", base=f"{SITE}/elsewhere/"),
        },
        start=[f"{SITE}/", f"{SITE}/based/"],
    )
    assert urls == [
        f"{SITE}/",
        f"{SITE}/based/",
        f"{SITE}/guides/",
        f"{SITE}/elsewhere/page/",
        f"{SITE}/contact/",
        f"{SITE}/guides/parts/one/",
    ]


def test_link_following_stops_at_the_depth_limit() -> None:
    chain = {f"{SITE}/{n}/": html(f"/{n + 1}/") for n in range(6)}
    chain[f"{SITE}/"] = html("/0/")
    urls, web = _follow(chain, max_depth=2)
    assert urls == [f"{SITE}/", f"{SITE}/0/", f"{SITE}/1/"]
    assert f"{SITE}/1/" not in web.requested  # Pages at the limit are not read.


def test_link_following_stops_at_the_page_limit() -> None:
    urls, _web = _follow(
        {f"{SITE}/": html(*(f"/page-{n}/" for n in range(20)))},
        max_pages=4,
    )
    assert urls == [f"{SITE}/", f"{SITE}/page-0/", f"{SITE}/page-1/", f"{SITE}/page-2/"]


def test_a_page_that_cannot_be_read_is_kept_and_the_crawl_goes_on() -> None:
    urls, _web = _follow(
        {
            f"{SITE}/": html("/missing/", "/bins/"),
            f"{SITE}/bins/": html("/bins/days/"),
            f"{SITE}/bins/days/": b"\x00\xff not html at all",
        }
    )
    assert urls == [f"{SITE}/", f"{SITE}/missing/", f"{SITE}/bins/", f"{SITE}/bins/days/"]


def test_start_pages_keep_their_ids_and_are_never_repeated() -> None:
    web = FakeWeb({f"{SITE}/": html("/", "/bins/"), f"{SITE}/bins/": html("/")})
    targets = follow_links(
        [AuditTarget(f"{SITE}/", 3), AuditTarget(f"{SITE}/bins/", 4)],
        web,
        ["localhost:8000"],
        10,
        3,
        config=CONFIG,
    )
    assert targets == [AuditTarget(f"{SITE}/", 3), AuditTarget(f"{SITE}/bins/", 4)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x/bins/", True),
        ("http://x/bins", True),
        ("http://x/report.PDF", False),
        ("http://x/form.docx?download=1", False),
        ("http://x/photo.webp", False),
        ("http://x/v1.2/page", True),
    ],
)
def test_is_page_url(url: str, expected: bool) -> None:
    assert is_page_url(url) is expected
