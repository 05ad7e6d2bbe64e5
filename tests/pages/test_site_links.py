"""Links editors choose for every page (Settings > Site links), the home page title, a service
page's contents list and editors' promoted search results."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site

from pages.models import SiteLinkSettings
from tests.factories import (
    SITE_NAME,
    AccessibilityStatementPageFactory,
    SearchPageFactory,
    ServicePageFactory,
    build_site,
    heading,
    make_private,
    paragraph,
)


def html_of(response: object) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")  # type: ignore[attr-defined]


class SiteLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.contact = ServicePageFactory(parent=cls.home, title="Contact the council")
        cls.privacy = ServicePageFactory(parent=cls.home, title="Privacy and cookies")
        cls.statement = AccessibilityStatementPageFactory(parent=cls.home)
        cls.page = ServicePageFactory(parent=cls.home, title="Pay your council tax")

    def choose(self, **pages: object) -> None:
        links = SiteLinkSettings.for_site(Site.objects.get(is_default_site=True))
        for name, page in pages.items():
            setattr(links, name, page)
        links.save()

    def header_and_footer(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        html = html_of(self.client.get(self.page.url))
        header = [(a.get_text(), a["href"]) for a in html.select("header a")]
        footer = [(a.get_text(), a["href"]) for a in html.select("footer a")]
        return header, footer

    def test_without_settings_there_are_no_contact_or_privacy_links(self) -> None:
        header, footer = self.header_and_footer()
        self.assertNotIn("Contact us", [text for text, _ in header + footer])
        self.assertNotIn("Privacy and cookies", [text for text, _ in footer])

    def test_chosen_pages_are_linked_in_the_header_and_footer_at_once(self) -> None:
        self.header_and_footer()  # Fills the cache of site links.
        self.choose(contact_page=self.contact, privacy_page=self.privacy)
        header, footer = self.header_and_footer()
        self.assertIn(("Contact us", self.contact.url), header)
        self.assertEqual(
            footer,
            [
                ("Contact us", self.contact.url),
                ("Accessibility statement", self.statement.url),
                ("Privacy and cookies", self.privacy.url),
                ("Sitemap", "/sitemap.xml"),
            ],
        )

    def test_a_draft_or_private_page_is_not_linked(self) -> None:
        self.choose(contact_page=self.contact, privacy_page=self.privacy)
        self.contact.unpublish()
        make_private(self.privacy)
        header, footer = self.header_and_footer()
        texts = [text for text, _ in header + footer]
        self.assertNotIn("Contact us", texts)
        self.assertNotIn("Privacy and cookies", texts)

    def test_editors_find_the_settings_in_the_admin(self) -> None:
        self.client.force_login(self.make_superuser())
        site = Site.objects.get(is_default_site=True)
        response = self.client.get(f"/admin/settings/pages/sitelinksettings/{site.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="contact_page"')
        self.assertContains(response, 'name="privacy_page"')

    @staticmethod
    def make_superuser() -> object:
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")


class HomeTitleTests(TestCase):
    def test_the_home_page_title_names_the_council_once(self) -> None:
        home = build_site()
        title = html_of(self.client.get(home.url)).title.get_text()
        self.assertEqual(title, SITE_NAME)
        page = ServicePageFactory(parent=home, title="Pay your council tax")
        title = html_of(self.client.get(page.url)).title.get_text()
        self.assertEqual(title, f"Pay your council tax - {SITE_NAME}")

    def test_an_seo_title_replaces_the_name(self) -> None:
        home = build_site(seo_title="Anytown Borough Council: council services")
        title = html_of(self.client.get(home.url)).title.get_text()
        self.assertEqual(title, "Anytown Borough Council: council services")


class ContentsListTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        home = build_site()
        body = [
            paragraph("Most things can be done online."),
            heading("Customer Services"),
            paragraph("Any council service."),
            heading("Teams you can contact directly"),
            heading("Bins and recycling", "h3"),
            heading("Council tax", "h3"),
        ]
        cls.with_contents = ServicePageFactory(
            parent=home, title="Contact the council", body=body, show_contents=True
        )
        cls.without = ServicePageFactory(parent=home, title="Contact us", body=body)

    def test_contents_follow_the_headings_grouped_by_topic(self) -> None:
        html = html_of(self.client.get(self.with_contents.url))
        nav = html.select_one("nav.contents")
        self.assertEqual(nav.h2.get_text(), "Contents")
        self.assertEqual(nav["aria-labelledby"], nav.h2["id"])
        top = [li.a.get_text() for li in nav.select("ol > li")]
        self.assertEqual(top, ["Customer Services", "Teams you can contact directly"])
        topics = [(a.get_text(), a["href"]) for a in nav.select("ol > li > ul a")]
        self.assertEqual(
            topics, [("Bins and recycling", "#bins-and-recycling"), ("Council tax", "#council-tax")]
        )
        # Every link reaches its heading.
        for text, href in topics:
            self.assertEqual(html.select_one(href).get_text(), text)

    def test_contents_only_when_asked_for(self) -> None:
        html = html_of(self.client.get(self.without.url))
        self.assertIsNone(html.select_one("nav.contents"))


class SearchPromotionTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        home = build_site()
        cls.search = SearchPageFactory(parent=home, slug="search")
        cls.centres = ServicePageFactory(
            parent=home,
            title="Household recycling centres",
            body=[paragraph("Take rubbish to a recycling centre.")],
        )
        cls.bulky = ServicePageFactory(
            parent=home, title="Bulky rubbish", body=[paragraph("We collect rubbish.")]
        )
        cls.hidden = ServicePageFactory(parent=home, title="Depot rota", publish=False)
        query = Query.get("rubbish")
        for order, page in enumerate((cls.centres, cls.hidden)):
            SearchPromotion.objects.create(query=query, page=page, sort_order=order)
        SearchPromotion.objects.create(
            query=Query.get("tip"),
            external_link_url="https://recycling.example/",
            external_link_text="Book a tip visit",
            description="Book a slot at a recycling centre.",
        )

    def results(self, query: str, **params: str) -> list[str]:
        response = self.client.get(self.search.url, {"q": query, **params})
        html = html_of(response)
        self.heading = html.select_one("main h2").get_text()
        return [a.get_text() for a in html.select("main .results h3 a")]

    def test_promoted_pages_come_first_once_and_hidden_ones_never(self) -> None:
        self.assertEqual(self.results("Rubbish!"), ["Household recycling centres", "Bulky rubbish"])
        self.assertEqual(self.heading, "2 results for \u2018Rubbish!\u2019")

    def test_a_promotion_finds_a_page_for_a_word_it_does_not_use(self) -> None:
        self.assertEqual(self.results("tip"), ["Book a tip visit"])
        self.assertEqual(self.heading, "1 result for \u2018tip\u2019")

    def test_promotions_only_on_the_first_page(self) -> None:
        self.assertEqual(self.results("tip", page="2"), [])

    def test_a_new_promotion_shows_at_once(self) -> None:
        self.assertEqual(self.results("bulky"), ["Bulky rubbish"])
        SearchPromotion.objects.create(query=Query.get("bulky"), page=self.centres)
        self.assertEqual(self.results("bulky"), ["Household recycling centres", "Bulky rubbish"])
        SearchPromotion.objects.filter(query__query_string="bulky").delete()
        self.assertEqual(self.results("bulky"), ["Bulky rubbish"])
