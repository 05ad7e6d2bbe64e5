"""The `clearway` template library: document descriptions and site-wide links."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Page, Site

from pages.models import HomePage
from pages.navigation import SiteLinks
from pages.templatetags.clearway import file_description, site_links
from tests.factories import (
    SITE_NAME,
    AccessibilityStatementPageFactory,
    DocumentFactory,
    SearchPageFactory,
    build_site,
    make_private,
)

pytestmark = pytest.mark.django_db

KB = 1024
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("filename", "size", "expected"),
    [
        ("leaflet.pdf", 2 * KB, "PDF, 2 KB"),
        ("leaflet.pdf", 100, "PDF, 1 KB"),
        ("form.docx", 150 * KB + 100, "DOCX, 150 KB"),
        ("plan.PDF", 3 * MB + MB // 2, "PDF, 3.5 MB"),
        ("data.csv", MB, "CSV, 1.0 MB"),
        ("notes", 5 * KB, "FILE, 5 KB"),
    ],
)
def test_file_description_gives_type_and_size(filename: str, size: int, expected: str) -> None:
    assert file_description(DocumentFactory(filename=filename, size=size)) == expected


def test_file_description_of_an_empty_file_gives_its_type_only() -> None:
    assert file_description(DocumentFactory(filename="blank.odt", size=0)) == "ODT"


def test_file_description_never_shows_1024_kb() -> None:
    assert file_description(DocumentFactory(filename="big.pdf", size=MB - 100)) == "PDF, 1.0 MB"


def test_file_description_filter_in_a_template() -> None:
    document = DocumentFactory(filename="budget.xlsx", size=40 * KB)
    html = Template("{% load clearway %}{{ document|file_description }}").render(
        Context({"document": document})
    )
    assert html == "XLSX, 40 KB"


def links_for(path: str = "/") -> SiteLinks:
    return site_links(Context({"request": RequestFactory().get(path)}))


def test_site_links_without_search_or_statement(home_page: HomePage) -> None:
    assert links_for() == SiteLinks(site_name=SITE_NAME, home="/", search=None, statement=None)


def test_site_links_find_the_live_search_page_and_statement(home_page: HomePage) -> None:
    search = SearchPageFactory(parent=home_page, title="Search", slug="search")
    statement = AccessibilityStatementPageFactory(parent=home_page, slug="accessibility")
    links = links_for()
    assert links.search == search.url == "/search/"
    assert links.statement == statement.url == "/accessibility/"


def test_site_links_ignore_draft_and_private_pages(home_page: HomePage) -> None:
    SearchPageFactory(parent=home_page, publish=False)
    make_private(AccessibilityStatementPageFactory(parent=home_page))
    links = links_for()
    assert links.search is None
    assert links.statement is None


def test_site_links_use_the_sites_name(db: None) -> None:
    build_site()
    Site.objects.update(site_name="")
    assert links_for().site_name == settings.WAGTAIL_SITE_NAME
    cache.clear()
    Site.objects.update(site_name="Othertown District Council")
    assert links_for().site_name == "Othertown District Council"


def test_site_links_are_kept_until_a_page_is_published(home_page: HomePage) -> None:
    statement = AccessibilityStatementPageFactory(parent=home_page)
    assert links_for().statement == statement.url
    # A change that sends no signal is not seen: the links come from the cache.
    Page.objects.filter(pk=statement.pk).update(live=False)
    assert links_for().statement == statement.url
    SearchPageFactory(parent=home_page, slug="search")
    assert links_for() == SiteLinks(
        site_name=SITE_NAME, home="/", search="/search/", statement=None
    )


def test_site_links_forget_unpublished_and_deleted_pages(home_page: HomePage) -> None:
    search = SearchPageFactory(parent=home_page)
    statement = AccessibilityStatementPageFactory(parent=home_page)
    assert links_for().search is not None
    search.unpublish()
    assert links_for().search is None
    assert links_for().statement is not None
    statement.delete()
    assert links_for().statement is None


def test_site_links_without_a_request_use_defaults() -> None:
    assert site_links(Context({})) == SiteLinks(site_name=settings.WAGTAIL_SITE_NAME, home="/")
