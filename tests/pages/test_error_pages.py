"""Residents see the site's own 404 and 500 pages under the settings `make run` uses.

`make run` serves with clearway.settings.local (tests/clearway/test_settings.py checks that it
does, and that the module turns DEBUG off); here its DEBUG value is applied to the test settings
and the pages are requested as a resident's browser would, errors included.
"""

from __future__ import annotations

import importlib
from typing import Any
from unittest import mock

from bs4 import BeautifulSoup
from django.test import Client, RequestFactory, TestCase, override_settings
from django.views.defaults import server_error

from pages.models import SearchPage
from tests.factories import SearchPageFactory, build_site

#: The settings module `make run` serves with.
RUN_SETTINGS = importlib.import_module("clearway.settings.local")
#: The one `make dev` serves with, for developers.
DEV_SETTINGS = importlib.import_module("clearway.settings.dev")

#: Phrases of Django's debug pages (technical 404 and 500).
DEBUG_PAGE_MARKS = ("URLconf", "Traceback", "Request Method", "DEBUG = True", "Django settings")


class ErrorPagesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.home = build_site()
        cls.search = SearchPageFactory(parent=cls.home, slug="search")

    def setUp(self) -> None:
        # As a browser sees it: an exception in a view becomes the 500 response.
        self.client = Client(raise_request_exception=False)

    def html(self, response: Any) -> BeautifulSoup:
        return BeautifulSoup(response.content, "html.parser")

    def assert_no_debug_page(self, response: Any) -> None:
        text = response.content.decode()
        for mark in DEBUG_PAGE_MARKS:
            self.assertNotIn(mark, text)

    def broken_search(self) -> Any:
        """A search page whose view fails, as the unescaped query once made it fail."""
        return mock.patch.object(
            SearchPage, "get_context", side_effect=RuntimeError("no such column: zzz")
        )


@override_settings(DEBUG=RUN_SETTINGS.DEBUG)
class RunSettingsErrorPagesTests(ErrorPagesTestCase):
    def test_run_settings_turn_debug_off(self) -> None:
        self.assertIs(RUN_SETTINGS.DEBUG, False)

    def test_a_missing_page_gets_the_sites_404(self) -> None:
        for path in ("/no-such-page/", "/search/no-such-child/", "/feedback/nothing/"):
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 404)
                self.assertTemplateUsed(response, "404.html")
                html = self.html(response)
                self.assertEqual(html.h1.get_text(), "Page not found")
                self.assertEqual(html.find("a")["href"], "#main")  # the site's header
                self.assertIsNotNone(html.select_one('header form[role="search"]'))
                self.assert_no_debug_page(response)

    def test_an_error_gets_the_sites_500(self) -> None:
        with self.broken_search(), self.assertLogs("django.request", level="ERROR"):
            response = self.client.get(self.search.url, {"q": "bins"})
        self.assertEqual(response.status_code, 500)
        self.assertTemplateUsed(response, "500.html")
        html = self.html(response)
        self.assertEqual(html.h1.get_text(), "Sorry, there is a problem with the service")
        self.assertIn("Try again later.", html.get_text())
        self.assert_no_debug_page(response)
        self.assertNotIn("no such column", response.content.decode())

    def test_the_500_page_needs_no_database(self) -> None:
        # It is shown when things have gone wrong, perhaps with the database itself.
        request = RequestFactory().get("/")
        with self.assertNumQueries(0):
            response = server_error(request)
        self.assertEqual(response.status_code, 500)
        self.assertIn(b"Sorry, there is a problem with the service", response.content)
        self.assertIn(b'href="/static/css/clearway.css"', response.content)


@override_settings(DEBUG=DEV_SETTINGS.DEBUG)
class DevSettingsErrorPagesTests(ErrorPagesTestCase):
    """`make dev` is the one mode with debug pages (so the checks above can tell them apart)."""

    def test_dev_settings_show_debug_pages(self) -> None:
        self.assertIs(DEV_SETTINGS.DEBUG, True)
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertIn("URLconf", response.content.decode())
