"""One headless Chromium per module for the admin screens' browser tests, with axe-core
injected on demand, and a way to sign it in as any user."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.conf import audit_settings
from audit.engine.browsers import BrowserUnavailable, LocalChromium
from audit.engine.drivers.axe import ClearwayAxe
from audit.engine.drivers.axe_results import run_options
from audit.models import TrackedFinding
from tests.audit.admin.factories import tracked_finding
from tests.live_server import TURNS

WIDTH = 1280


@pytest.fixture(scope="module")
def chromium() -> Iterator[tuple[WebDriver, ClearwayAxe]]:
    """One Chromium for the module, with axe-core injected into each page on demand."""
    config = audit_settings()
    if not Path(config.CHROMIUM_BINARY).exists() and not os.environ.get("CI"):
        pytest.skip(f"{config.CHROMIUM_BINARY} is missing")
    try:
        driver = LocalChromium(config).create_driver()
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    driver.set_window_size(WIDTH, 1000)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    axe = ClearwayAxe(config.AXE_SCRIPT, run_options())
    axe.install(driver, use_cdp=False)
    try:
        yield driver, axe
    finally:
        driver.quit()


@pytest.fixture(autouse=True)
def leave_the_page(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test that used the browser, leave its last page: one that polls (a panel
    "Auditing...", a run in progress) would go on asking while the next test sets up."""
    yield
    if "chromium" in request.fixturenames:
        try:
            driver, _ = request.getfixturevalue("chromium")
            driver.get("about:blank")
        except (WebDriverException, pytest.skip.Exception, pytest.fail.Exception):
            pass  # no browser, or one that has gone: nothing is left polling


def sign_in(driver: WebDriver, live_url: str, user: Any) -> None:
    """Sign ``driver`` in as ``user`` with a session cookie (no login form to fill)."""
    client = Client()
    client.force_login(user)
    driver.get(f"{live_url}/admin/login/")
    driver.add_cookie(
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "path": "/",
        }
    )


def stored_by_the_worker(**fields: Any) -> TrackedFinding:
    """:func:`tracked_finding` as the worker's sink stores an audit: in one transaction, so a
    page that polls for the result sees the page's audit with its finding or not at all (the
    page's result alone would end "Auditing..." without the finding). ``TURNS`` keeps the live
    server's requests out of the shared connection meanwhile, on in-memory SQLite."""
    with TURNS, transaction.atomic():
        return tracked_finding(**fields)
