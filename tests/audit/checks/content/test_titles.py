"""Page titles and meta descriptions, and SiteTitles."""

from __future__ import annotations

import threading

import pytest

from audit.checks.content import SiteTitles
from audit.checks.content.titles import title_candidates
from audit.checks.issues import Issue
from audit.core.enums import Source

from .conftest import URL, issues, page

DESCRIPTIVE = "clearway-page-title-descriptive"
DUPLICATE = "clearway-page-title-duplicate"
MISSING_DESCRIPTION = "clearway-meta-description"
DUPLICATE_DESCRIPTION = "clearway-meta-description-duplicate"


@pytest.mark.parametrize(
    "title, url",
    [
        ("Untitled", URL),
        ("Page", URL),
        ("New page", URL),
        ("Untitled document | Anytown Borough Council", URL),
        ("Home - Anytown Borough Council", URL),
        ("Home", "https://www.anytown.gov.uk/bins/"),
        ("Welcome", "https://www.anytown.gov.uk/bins/"),
        (" - Anytown Borough Council", URL),
        # File names left behind by a word processor or an export.
        ("report_final_v2.docx", URL),
        ("Budget 2025 (draft).XLSX | Anytown Borough Council", URL),
        ("index.html", URL),
    ],
)
def test_titles_that_do_not_describe_the_page(title: str, url: str) -> None:
    (found,) = issues(page("<p>Fine.</p>", title=title), DESCRIPTIVE, url=url)
    assert found.selector == "title" and found.source == Source.CONTENT


@pytest.mark.parametrize(
    "title, url",
    [
        ("Pay your council tax - Anytown Borough Council", URL),
        ("Home - Anytown Borough Council", "https://www.anytown.gov.uk/"),
        ("Welcome to Anytown", "https://www.anytown.gov.uk/"),
        ("Home", "https://www.anytown.gov.uk/index.html"),
        ("Home improvement grants - Anytown Borough Council", URL),
        ("Page 2 of search results - Anytown", URL),
        ("How to open a .pdf file - Anytown Borough Council", URL),
        ("Council tax leaflet (PDF, 250 KB) - Anytown Borough Council", URL),
        ("Apply online at anytown.gov.uk", URL),
        # No title at all is axe-core's document-title rule.
        ("", URL),
    ],
)
def test_descriptive_titles_pass(title: str, url: str) -> None:
    assert issues(page("<p>Fine.</p>", title=title), DESCRIPTIVE, url=url) == []


SITE = SiteTitles.from_pages(
    [
        ("https://www.anytown.gov.uk/council-tax/pay/", "Pay your council tax", "How to pay."),
        ("https://www.anytown.gov.uk/council-tax/", "Council tax", "Bands, bills and discounts."),
        ("https://www.anytown.gov.uk/parking/permits/", "Apply", "Parking permits."),
        ("https://www.anytown.gov.uk/schools/places/", "Apply", "School places."),
        ("https://www.anytown.gov.uk/news/", "News", "Bands, bills and discounts."),
        ("https://www.othertown.gov.uk/contact/", "Contact us", ""),
        ("https://www.anytown.gov.uk/contact/", "Contact us", ""),
    ]
)


def test_site_titles_index() -> None:
    assert SITE.titles["apply"] == [
        "https://www.anytown.gov.uk/parking/permits/",
        "https://www.anytown.gov.uk/schools/places/",
    ]
    assert "" not in SITE.descriptions


@pytest.mark.parametrize(
    "title, url, reported",
    [
        # Its own title: not a duplicate, whatever the URL's form.
        ("Pay your council tax - Anytown Borough Council", URL, False),
        ("Pay your council tax", "https://anytown.gov.uk/council-tax/pay", False),
        ("Pay your council tax | Anytown", "http://localhost:8000/council-tax/pay/", False),
        # Another page's.
        ("Apply - Anytown Borough Council", "https://www.anytown.gov.uk/parking/permits/", True),
        ("Council tax - Anytown Borough Council", URL, True),
        ("COUNCIL TAX.", URL, True),
        # Another Wagtail site's page of the same name is not this site's duplicate.
        ("Contact us - Anytown", "https://www.anytown.gov.uk/contact/", False),
        ("Something new - Anytown", URL, False),
        # A title that starts like another page's is not the same title.
        ("Council tax: how to pay - Anytown", URL, False),
        ("Council tax - how to pay - Anytown", URL, False),
    ],
)
def test_duplicate_titles(title: str, url: str, reported: bool) -> None:
    html = page("<p>Fine.</p>", title=title)
    found = issues(html, DUPLICATE, url=url, site_titles=SITE)
    assert len(found) == int(reported)
    if reported:
        assert "https://www.anytown.gov.uk/" in found[0].message


def test_a_growing_index_reports_a_page_that_repeats_one_checked_before() -> None:
    """URLs from outside Wagtail: each page is compared with the pages checked before it."""
    seen = SiteTitles.growing()
    first = page("<p>Permits.</p>", title="Parking | Anytown", description="Parking permits.")
    second = page("<p>Visitors.</p>", title="Parking | Anytown", description="Parking permits.")
    other = page("<p>Bins.</p>", title="Bins | Anytown", description="Bin days.")
    url_a, url_b, url_c = (f"https://www.anytown.gov.uk/{path}/" for path in "abc")

    assert issues(first, DUPLICATE, url=url_a, site_titles=seen) == []
    assert issues(first, DUPLICATE, url=url_a, site_titles=seen) == []  # itself, again
    (title,) = issues(second, DUPLICATE, url=url_b, site_titles=seen)
    assert url_a in title.message
    (description,) = issues(second, DUPLICATE_DESCRIPTION, url=url_b, site_titles=seen)
    assert url_a in description.message
    assert issues(other, DUPLICATE, url=url_c, site_titles=seen) == []
    assert seen.titles["parking | anytown"] == [url_a, url_b]


def test_in_a_run_the_later_page_is_reported_whichever_is_fetched_first() -> None:
    """The page at place 1 is checked first: it waits for place 0, then names it; place 0,
    checked afterwards, is not reported (place 1 comes after it)."""
    seen = SiteTitles.growing()
    html = page("<p>Permits.</p>", title="Parking | Anytown")
    url_0, url_1 = "https://www.anytown.gov.uk/a/", "https://www.anytown.gov.uk/b/"
    later: list[Issue] = []
    waiting = threading.Thread(
        target=lambda: later.extend(issues(html, DUPLICATE, url=url_1, site_titles=seen, order=1))
    )
    waiting.start()
    waiting.join(timeout=0.3)
    assert waiting.is_alive(), "place 1 waits for place 0"

    earlier = issues(html, DUPLICATE, url=url_0, site_titles=seen, order=0)
    seen.settle(0)
    waiting.join(timeout=5)
    assert earlier == []
    (found,) = later
    assert url_0 in found.message


def test_a_page_that_never_comes_does_not_hold_up_the_next() -> None:
    seen = SiteTitles.growing()
    seen.settle(0)  # place 0 could not be fetched
    html = page("<p>Permits.</p>", title="Parking | Anytown")
    assert issues(html, DUPLICATE, site_titles=seen, order=1) == []


def test_a_fixed_index_does_not_grow() -> None:
    before = {key: list(urls) for key, urls in SITE.titles.items()}
    issues(page("<p>Fine.</p>", title="Brand new"), DUPLICATE, site_titles=SITE)
    assert SITE.titles == before


def test_duplicates_need_site_titles() -> None:
    assert issues(page("<p>Fine.</p>", title="Council tax"), DUPLICATE) == []


def test_title_candidates() -> None:
    assert title_candidates("Apply - Parking - Anytown") == [
        "apply - parking - anytown",
        "apply - parking",
    ]
    assert title_candidates("Council tax: how to pay") == ["council tax: how to pay"]


def test_missing_meta_description() -> None:
    (found,) = issues(page("<p>Fine.</p>", description=None), MISSING_DESCRIPTION)
    assert found.region == "search_description"
    assert len(issues(page("<p>Fine.</p>", description="  "), MISSING_DESCRIPTION)) == 1
    assert issues(page("<p>Fine.</p>"), MISSING_DESCRIPTION) == []


def test_duplicate_meta_description() -> None:
    html = page("<p>Fine.</p>", description="Bands, bills and discounts.")
    (found,) = issues(html, DUPLICATE_DESCRIPTION, site_titles=SITE)
    assert "https://www.anytown.gov.uk/council-tax/" in found.message
    own = page("<p>Fine.</p>", description="How to pay.")
    assert issues(own, DUPLICATE_DESCRIPTION, site_titles=SITE) == []


@pytest.mark.django_db
def test_from_wagtail_reads_every_live_public_page(home_page) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ServicePageFactory

    first = ServicePageFactory(parent=home_page, title="Bins", seo_title="Bin collections")
    ServicePageFactory(parent=home_page, title="Recycling", search_description="About recycling.")
    draft = ServicePageFactory(parent=home_page, title="Draft page")
    draft.unpublish()
    SiteTitles.from_wagtail()  # Wagtail caches the site root paths
    with CaptureQueriesContext(connection) as few:
        titles = SiteTitles.from_wagtail()
    assert "bin collections" in titles.titles and "bins" not in titles.titles
    assert titles.titles["bin collections"] == [first.get_full_url()]
    assert "draft page" not in titles.titles
    assert "about recycling" in titles.descriptions
    assert titles.descriptions  # the home page's summary, through get_meta_description()

    for n in range(10):
        ServicePageFactory(parent=home_page, title=f"More {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(SiteTitles.from_wagtail().titles) == len(titles.titles) + 10
    assert len(many) == len(few) <= 4


HEADER = (
    '<header class="govuk-header"><a href="/" class="govuk-header__link--homepage">'
    "Northbridge District Council</a></header>"
)


def test_a_page_titled_only_with_the_sites_name_is_reported() -> None:
    """GOV.UK's header link to the home page, a LocalGov Drupal logo's alt text, and the
    og:site_name meta each say what the site is called."""
    bare = page(
        HEADER + "<h1>Apply for a parking permit</h1>", title="Northbridge District Council"
    )
    (found,) = issues(bare, DESCRIPTIVE, url="https://northbridge.example/parking/permit/")
    assert "is only the site's name" in found.message
    logo = (
        '<div role="banner"><a href="https://northbridge.example/"><img src="/logo.svg" '
        'alt="Eastfield Council"></a></div><h1>Bulky waste</h1>'
    )
    assert issues(
        page(logo, title="Eastfield Council"), DESCRIPTIVE, url="https://northbridge.example/bulky/"
    )
    site_name = page(
        "<h1>Libraries</h1>",
        title="Westvale Council",
        head='<meta property="og:site_name" content="Westvale Council">',
    )
    assert issues(site_name, DESCRIPTIVE, url="https://westvale.example/libraries/")


def test_the_sites_name_is_the_home_pages_title_and_part_of_others() -> None:
    home = page(
        HEADER + "<h1>Northbridge District Council</h1>", title="Northbridge District Council"
    )
    assert issues(home, DESCRIPTIVE, url="https://northbridge.example/") == []
    titled = page(HEADER, title="Apply for a parking permit - Northbridge District Council")
    assert issues(titled, DESCRIPTIVE, url="https://northbridge.example/parking/permit/") == []
    # A link to the home page outside the header (a breadcrumb) does not name the site.
    crumbs = page('<nav><a href="/">Parking permits</a></nav>', title="Parking permits")
    assert issues(crumbs, DESCRIPTIVE, url="https://northbridge.example/parking/") == []
