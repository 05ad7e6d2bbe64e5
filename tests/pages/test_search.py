"""Site search: what it finds, what it must never show, and how it pages results."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from django.test import TestCase

from tests.factories import (
    SearchPageFactory,
    ServiceCategoryPageFactory,
    ServicePageFactory,
    build_site,
    make_private,
    paragraph,
)


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.search = SearchPageFactory(parent=cls.home, slug="search")
        cls.bins = ServiceCategoryPageFactory(parent=cls.home, title="Bins and recycling")
        cls.bulky = ServicePageFactory(
            parent=cls.bins,
            title="Bulky waste collection",
            body=[paragraph("We collect sofas, fridges and mattresses from your home.")],
        )
        cls.parking = ServicePageFactory(
            parent=cls.home,
            title="Parking permits",
            body=[paragraph("Residents can apply for a permit online.")],
        )
        cls.draft = ServicePageFactory(
            parent=cls.bins,
            title="Wheelbarrow amnesty",
            body=[paragraph("Bring your unwanted wheelbarrow.")],
            publish=False,
        )
        cls.private = ServicePageFactory(
            parent=cls.bins,
            title="Wheelbarrow depot rota",
            body=[paragraph("Staff only.")],
        )
        make_private(cls.private)

    def search_for(self, query: str, **params: str) -> dict[str, Any]:
        response = self.client.get(self.search.url, {"q": query, **params})
        self.assertEqual(response.status_code, 200)
        return response.context

    def titles(self, query: str) -> list[str]:
        results = self.search_for(query)["results"]
        return [page.title for page in results]

    def test_finds_a_page_by_title(self) -> None:
        self.assertEqual(self.titles("parking"), ["Parking permits"])

    def test_finds_a_page_by_body_text(self) -> None:
        self.assertEqual(self.titles("mattresses"), ["Bulky waste collection"])

    def test_finds_a_page_by_summary(self) -> None:
        self.bulky.summary = "Book a collection of large household items."
        self.bulky.save_revision().publish()
        self.assertEqual(self.titles("household"), ["Bulky waste collection"])

    def test_never_shows_drafts_or_private_pages(self) -> None:
        self.assertEqual(self.titles("wheelbarrow"), [])

    def test_never_shows_unpublished_changes(self) -> None:
        self.parking.title = "Parking permits and zeppelin mooring"
        self.parking.save_revision()
        self.assertEqual(self.titles("zeppelin"), [])

    def test_finds_pages_once_published(self) -> None:
        self.draft.save_revision().publish()
        self.assertEqual(self.titles("wheelbarrow"), ["Wheelbarrow amnesty"])

    def test_does_not_list_the_search_page_itself(self) -> None:
        self.assertNotIn("Search", self.titles("search"))

    def test_empty_query_shows_the_form_only(self) -> None:
        for query in ("", "   "):
            with self.subTest(query=query):
                context = self.search_for(query)
                self.assertEqual(context["query"], "")
                self.assertIsNone(context["results"])
        response = self.client.get(self.search.url)
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(html.h1.get_text(), "Search")
        self.assertIsNone(html.select_one("main h2"))
        self.assertNotIn("result", html.select_one("main").get_text().lower())

    def test_long_queries_are_cut_not_refused(self) -> None:
        context = self.search_for("parking " + "x" * 400)
        self.assertEqual(len(context["query"]), 200)
        self.assertTrue(context["query"].startswith("parking x"))

    def test_no_results_says_so_and_echoes_the_query_escaped(self) -> None:
        response = self.client.get(self.search.url, {"q": "<b>zebra</b>"})
        html = BeautifulSoup(response.content, "html.parser")
        heading = html.select_one("main h2").get_text()
        self.assertEqual(heading, "0 results for \u2018<b>zebra</b>\u2019")
        self.assertIsNone(html.select_one("main h2 b"))
        self.assertIn("Check your spelling", html.select_one("main").get_text())


class SearchPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.search = SearchPageFactory(parent=cls.home, slug="search")
        for number in range(1, 13):
            ServicePageFactory(
                parent=cls.home, title=f"Allotment site {number}", slug=f"allotment-{number}"
            )

    def test_ten_results_a_page_with_links_that_keep_the_query(self) -> None:
        first = self.client.get(self.search.url, {"q": "allotment"})
        self.assertEqual(len(first.context["results"]), 10)
        self.assertEqual(first.context["results"].paginator.count, 12)
        html = BeautifulSoup(first.content, "html.parser")
        self.assertEqual(
            html.select_one("main h2").get_text(), "12 results for \u2018allotment\u2019"
        )
        self.assertEqual(html.select_one("a[rel=next]")["href"], "?page=2&q=allotment")
        self.assertIsNone(html.select_one("a[rel=prev]"))

        second = self.client.get(self.search.url, {"q": "allotment", "page": "2"})
        self.assertEqual(len(second.context["results"]), 2)
        seen = {page.pk for page in first.context["results"]}
        self.assertFalse(seen & {page.pk for page in second.context["results"]})
        html = BeautifulSoup(second.content, "html.parser")
        self.assertEqual(html.select_one("a[rel=prev]")["href"], "?page=1&q=allotment")
        self.assertIsNone(html.select_one("a[rel=next]"))
