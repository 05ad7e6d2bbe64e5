"""Site search: what it finds, what it must never show, and how it pages results."""

from __future__ import annotations

from typing import Any
from unittest import mock

from bs4 import BeautifulSoup
from django.db import DatabaseError
from django.test import TestCase
from wagtail.query import PageQuerySet

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


#: What residents (and robots) type that means something to SQLite's FTS5 or PostgreSQL's
#: tsquery syntax. Each must give results or "no results", never an error.
HOSTILE_QUERIES = [
    '"',
    'a"b',
    '"council tax',
    "'",
    "council's",
    "(",
    "bins)",
    "((bins",
    "[bins]",
    "{title}: bins",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "bins AND",
    "OR bins",
    "NOT bins",
    "bins NOT tax",
    "NEAR(bins tax)",
    "NEAR(bins tax, 2)",
    "*",
    "bin*",
    "-",
    "-bins",
    "council -tax",
    ":",
    "title:bins",
    "body:",
    "^bins",
    "bins & tax | !parking",
    "bins <-> tax",
    "'bins':*",
    "\\",
    "%",
    "_",
    "; DROP TABLE wagtailcore_page; --",
    "x" * 1000,
    "bins " * 200,
    "\u200b",
    "\x00bins",
    "🗑️",
]


class HostileSearchTests(TestCase):
    """No query, however odd, reaches the database as syntax: every one gets a results page.

    Runs on whichever database the suite uses (SQLite, and PostgreSQL in CI).
    """

    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.search = SearchPageFactory(parent=cls.home, slug="search")
        cls.tax = ServicePageFactory(
            parent=cls.home,
            title="Pay your council tax",
            body=[paragraph("Pay online, by direct debit or by phone.")],
        )
        cls.bins = ServicePageFactory(
            parent=cls.home,
            title="Bins and recycling",
            body=[paragraph("Put your bins out by 7am on collection day.")],
        )
        cls.welsh = ServicePageFactory(
            parent=cls.home,
            title="Gŵyl Dewi Sant",
            body=[paragraph("Dathlu yng nghanol y dref.")],
        )
        cls.arabic = ServicePageFactory(
            parent=cls.home,
            title="Arabic information",
            body=[paragraph("جمع النفايات من المنازل")],
        )
        cls.chinese = ServicePageFactory(
            parent=cls.home,
            title="Chinese information",
            body=[paragraph("垃圾 收集")],
        )

    def setUp(self) -> None:
        # As a resident's browser sees it: an error is a 500 page, not an exception in the test.
        self.client.raise_request_exception = False

    def get(self, query: str) -> Any:
        with self.assertNoLogs("pages.models.search", level="ERROR"):
            response = self.client.get(self.search.url, {"q": query})
        return response

    def assert_answered(self, query: str) -> list[str]:
        """The page answers 200 with a results heading and either results or "no results"."""
        response = self.get(query)
        self.assertEqual(response.status_code, 200)
        html = BeautifulSoup(response.content, "html.parser")
        main = html.select_one("main")
        titles = [link.get_text() for link in main.select(".results h3 a")]
        heading = main.select_one("h2")
        if query.strip():
            self.assertIsNotNone(heading)
            self.assertIn("result", heading.get_text())
        if not titles and query.strip():
            self.assertIn("Check your spelling, or try different words.", main.get_text())
        return titles

    def test_hostile_queries_get_results_or_no_results(self) -> None:
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:40]):
                self.assert_answered(query)

    def test_operators_are_words_not_syntax(self) -> None:
        # Quotes and operators are dropped; the words around them still find their page.
        for query in ('"council tax', 'council"tax', "council AND tax", "(council tax)"):
            with self.subTest(query=query):
                self.assertEqual(self.assert_answered(query), ["Pay your council tax"])
        self.assertEqual(self.assert_answered("bins OR nonsense"), [])

    def test_non_latin_text(self) -> None:
        self.assertEqual(self.assert_answered("Gŵyl"), ["Gŵyl Dewi Sant"])
        self.assertEqual(self.assert_answered("النفايات"), ["Arabic information"])
        for query in ("垃圾", "市政税", "Ŵ", "ﻻ"):
            with self.subTest(query=query):
                self.assertIn(self.assert_answered(query), ([], ["Chinese information"]))

    def test_empty_and_punctuation_only_queries(self) -> None:
        response = self.get("")
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(response.context["results"])
        for query in ('"', "***", "- : ( )"):
            with self.subTest(query=query):
                self.assertEqual(self.assert_answered(query), [])
                self.assertEqual(self.get(query).context["results"].paginator.count, 0)

    def test_ordinary_searches_still_find_their_pages(self) -> None:
        self.assertEqual(self.assert_answered("bins"), ["Bins and recycling"])
        self.assertEqual(self.assert_answered("council tax"), ["Pay your council tax"])
        self.assertEqual(self.assert_answered("Council Tax!"), ["Pay your council tax"])

    def test_a_failing_backend_shows_no_results_and_logs(self) -> None:
        # The last resort, should a backend ever refuse a query after all.
        class RefusedSearch:
            def count(self) -> int:
                raise DatabaseError('fts5: syntax error near ""')

        with (
            mock.patch.object(PageQuerySet, "search", return_value=RefusedSearch()),
            self.assertLogs("pages.models.search", level="ERROR") as logs,
        ):
            response = self.client.get(self.search.url, {"q": "bins"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["results"].paginator.count, 0)
        self.assertContains(response, "0 results for")
        self.assertIn("Search failed for a query of 4 characters", logs.output[0])
        self.assertNotIn("bins", logs.output[0].split("Traceback")[0])
