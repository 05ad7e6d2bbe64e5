"""The site's 404 page in real headless Chromium at 320 CSS pixels: nothing scrolls sideways.

Django's debug 404 (a wide list of URL patterns) did, under `make run`; this serves the page
with the DEBUG value of the settings `make run` uses (clearway.settings.local).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.conf import audit_settings
from audit.engine.browsers import LocalChromium
from tests.browser.conftest import _wait_for_requests_to_finish, set_viewport, start_chromium
from tests.browser.pagechecks import horizontal_overflow
from tests.factories import SearchPageFactory, build_site

from .test_error_pages import RUN_SETTINGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def chromium() -> Iterator[WebDriver]:
    config = audit_settings()
    if not Path(config.CHROMIUM_BINARY).exists() and not os.environ.get("CI"):
        pytest.skip(f"{config.CHROMIUM_BINARY} is missing: install Debian's chromium")
    driver = start_chromium(LocalChromium(config))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def server() -> Iterator[str]:
    # On SQLite the live server shares the test's in-memory database, so it sees this test's
    # site and search page (the header search form); on PostgreSQL it sees Wagtail's default
    # site, which gives the same 404 page without the form.
    home = build_site()
    SearchPageFactory(parent=home, slug="search")
    live = LiveServer("localhost")
    live._live_server_modified_settings.enable()  # adds the host to ALLOWED_HOSTS
    try:
        yield live.url
    finally:
        _wait_for_requests_to_finish()
        live.stop()
        live._live_server_modified_settings.disable()


@override_settings(DEBUG=RUN_SETTINGS.DEBUG)
def test_the_404_page_fits_320_css_pixels(server: str, chromium: WebDriver) -> None:
    # The server first, so the browser quits (closing its connections) before the server stops.
    set_viewport(chromium, width=320, height=640)
    chromium.get(f"{server}/no-such-page/")
    h1 = chromium.execute_script("return document.querySelector('h1').textContent.trim()")
    assert h1 == "Page not found"
    assert chromium.execute_script("return document.documentElement.clientWidth") == 320
    assert horizontal_overflow(chromium) is None
