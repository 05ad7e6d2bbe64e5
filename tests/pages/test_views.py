"""Public pages as residents' browsers receive them: status, structure, robots and sitemap."""

from __future__ import annotations

from xml.etree import ElementTree

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse

from tests.factories import (
    AccessibilityStatementPageFactory,
    GuidePageFactory,
    GuidePartPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SearchPageFactory,
    ServiceCategoryPageFactory,
    ServicePageFactory,
    StepByStepPageFactory,
    build_site,
    make_private,
)

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.bins = ServiceCategoryPageFactory(parent=cls.home, title="Bins", slug="bins")
        cls.missed = ServicePageFactory(parent=cls.bins, title="Missed bin", slug="missed-bin")
        cls.guide = GuidePageFactory(parent=cls.bins, title="Recycling guide")
        cls.part = GuidePartPageFactory(parent=cls.guide, title="Recycling centres")
        cls.steps = StepByStepPageFactory(parent=cls.bins, title="Get a new bin")
        cls.news = NewsIndexPageFactory(parent=cls.home)
        cls.story = NewsPageFactory(parent=cls.news, title="New bins for every home")
        cls.search = SearchPageFactory(parent=cls.home)
        cls.statement = AccessibilityStatementPageFactory(parent=cls.home)
        cls.draft = ServicePageFactory(parent=cls.bins, title="Garden waste", publish=False)
        cls.private = ServicePageFactory(parent=cls.bins, title="Crew rota", slug="rota")
        make_private(cls.private)
        cls.all_pages = [
            cls.home,
            cls.bins,
            cls.missed,
            cls.guide,
            cls.part,
            cls.steps,
            cls.news,
            cls.story,
            cls.search,
            cls.statement,
        ]

    def get_html(self, url: str) -> BeautifulSoup:
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return BeautifulSoup(response.content, "html.parser")

    def test_every_page_type_renders_the_common_structure(self) -> None:
        for page in self.all_pages:
            with self.subTest(page=type(page).__name__):
                html = self.get_html(page.url)
                self.assertEqual([h1.get_text() for h1 in html.find_all("h1")], [page.title])
                skip = html.find("a")
                self.assertEqual((skip["href"], skip.get_text()), ("#main", "Skip to main content"))
                self.assertEqual(len(html.select("main#main")), 1)
                self.assertEqual(len(html.find_all("header")), 1)
                self.assertEqual(len(html.find_all("footer")), 1)
                if page is self.search:
                    # Results have no date, and feedback belongs on the pages found (issue 14).
                    self.assertIsNone(html.select_one("main .updated"))
                    self.assertIsNone(html.select_one('form[action="/feedback/"]'))
                else:
                    self.assertIn("Last updated:", html.select_one("main .updated").get_text())
                    self.assertIsNotNone(html.select_one('form[action="/feedback/"]'))
                self.assertEqual(html.html["lang"], "en-GB")

    def test_breadcrumbs_on_every_page_but_home(self) -> None:
        self.assertIsNone(self.get_html(self.home.url).select_one("nav.breadcrumbs"))
        for page in self.all_pages[1:]:
            with self.subTest(page=type(page).__name__):
                nav = self.get_html(page.url).select_one('nav[aria-label="Breadcrumb"]')
                self.assertIsNotNone(nav)
                self.assertEqual(nav.find("a")["href"], "/")
        crumbs = self.get_html(self.part.url).select('nav[aria-label="Breadcrumb"] a')
        self.assertEqual(
            [(a.get_text(), a["href"]) for a in crumbs],
            [
                ("Anytown Borough Council", "/"),
                ("Bins", "/bins/"),
                ("Recycling guide", self.guide.url),
            ],
        )

    def test_meta_description_and_title(self) -> None:
        html = self.get_html(self.missed.url)
        self.assertEqual(html.title.get_text(), "Missed bin - Anytown Borough Council")
        description = html.find("meta", attrs={"name": "description"})
        self.assertEqual(description["content"], self.missed.summary)

    def test_header_and_footer_link_search_and_statement(self) -> None:
        html = self.get_html(self.missed.url)
        self.assertEqual(html.select_one("header form[role=search]")["action"], self.search.url)
        footer_links = [a["href"] for a in html.select("footer a")]
        self.assertIn(self.statement.url, footer_links)

    def test_drafts_and_missing_pages_are_not_found(self) -> None:
        for url in ("/bins/garden-waste/", "/bins/nothing-here/", "/bins/missed-bin/extra/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_private_pages_ask_for_the_password(self) -> None:
        response = self.client.get(self.private.url)
        self.assertNotContains(response, self.private.summary, status_code=response.status_code)
        self.assertContains(response, 'name="password"')

    def test_unpublished_changes_are_not_shown(self) -> None:
        self.missed.title = "Secret new title"
        self.missed.save_revision()
        html = self.get_html("/bins/missed-bin/")
        self.assertEqual(html.h1.get_text(), "Missed bin")

    def test_not_found_page(self) -> None:
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual([h1.get_text() for h1 in html.find_all("h1")], ["Page not found"])
        self.assertIsNotNone(html.select_one("main#main"))
        self.assertEqual(html.find("a")["href"], "#main")

    def test_robots_txt(self) -> None:
        response = self.client.get(reverse("robots_txt"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertEqual(lines[0], "User-agent: *")
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn("Disallow: /feedback/", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertEqual(self.client.post(reverse("robots_txt")).status_code, 405)

    def test_sitemap_lists_live_public_pages_only(self) -> None:
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        tree = ElementTree.fromstring(response.content)
        locations = {loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)}
        expected = {page.full_url for page in self.all_pages}
        self.assertEqual(locations, expected)
        self.assertNotIn(self.draft.full_url, locations)
        self.assertNotIn(self.private.full_url, locations)
