"""Search quality on the demo council: what residents search for most finds the obvious page.

Run on SQLite and, in CI, on PostgreSQL: the assertions are about what comes first and what
ranks above what, never about the full order, which the two backends' ranking functions (FTS5's
bm25, PostgreSQL's ts_rank) decide differently. Each expectation holds on both for a stated
reason: the obvious page matches every word in its title (weighted highest on both), or an
editor's promotion puts it first.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.backends import get_search_backend

from pages.demo import build_demo
from pages.models import SearchPage

#: The searches residents make most, and the demo page that must come first for each.
TOP_TASKS = {
    # "bins" stems to "bin"; the category's short title is all search words and nothing else.
    "bins": "Bins and recycling",
    "council tax": "Council tax",
    # Two titles hold both words ("Buy visitor parking permits"): the demo promotes the one
    # most residents want, as a council would.
    "parking permit": "Apply for a resident parking permit",
    "Parking permit!": "Apply for a resident parking permit",
    "blue badge": "Apply for a Blue Badge",
    "Blue Badges": "Apply for a Blue Badge",
    # A word no page uses: a promotion (a synonym editors manage) finds the page.
    "tip": "Household recycling centres",
}


class DemoSearchQualityTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        build_demo()
        cls.search = SearchPage.objects.get()

    def result_titles(self, query: str) -> list[str]:
        """The titles a resident sees, in order, on the first page of results."""
        response = self.client.get(self.search.url, {"q": query})
        self.assertEqual(response.status_code, 200)
        html = BeautifulSoup(response.content, "html.parser")
        return [link.get_text() for link in html.select("main .results h3 a")]

    def test_top_tasks_find_the_obvious_page_first(self) -> None:
        for query, title in TOP_TASKS.items():
            with self.subTest(query=query):
                titles = self.result_titles(query)
                self.assertTrue(titles, f"no results for {query!r}")
                self.assertEqual(titles[0], title)
                self.assertEqual(titles.count(title), 1, "a promoted page is listed once")

    def test_plurals_find_singular_words(self) -> None:
        # Without stemming, "bins" matched only pages saying "bins".
        titles = self.result_titles("bins")
        for title in (
            "Report a missed bin collection",
            "Christmas and New Year bin collections",
            "Subscribe to garden waste collections",
        ):
            with self.subTest(title=title):
                self.assertIn(title, titles)

    def test_a_title_match_outranks_a_body_match(self) -> None:
        # "Gritting roads in winter" only mentions grit bins in its body.
        titles = self.result_titles("bins")
        self.assertIn("Gritting roads in winter", titles)
        self.assertLess(
            titles.index("What goes in each bin"), titles.index("Gritting roads in winter")
        )

    def test_ranking_alone_finds_blue_badge_and_council_tax(self) -> None:
        # Without promotions: the ranking itself, not an editor's choice.
        SearchPromotion.objects.all().delete()
        for query, title in (
            ("blue badge", "Apply for a Blue Badge"),
            ("bins", "Bins and recycling"),
        ):
            with self.subTest(query=query):
                self.assertEqual(self.result_titles(query)[0], title)
        self.assertIn(self.result_titles("council tax")[0], {"Council tax", "Pay your council tax"})

    def test_search_stores_nothing(self) -> None:
        before = Query.objects.count()
        self.result_titles("a search nobody has promoted")
        self.assertEqual(Query.objects.count(), before)


class StemmingConfigurationTests(TestCase):
    def test_the_index_stems_english_words_on_either_database(self) -> None:
        backend = get_search_backend()
        if connection.vendor == "postgresql":
            self.assertEqual(backend.config, "english")
            return
        from pages.search_sqlite import WeightedSQLiteSearchBackend  # SQLite only

        self.assertIsInstance(backend, WeightedSQLiteSearchBackend)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name = %s", ["wagtailsearch_indexentry_fts"]
            )
            (sql,) = cursor.fetchone()
        self.assertIn("tokenize = 'porter unicode61'", sql)
