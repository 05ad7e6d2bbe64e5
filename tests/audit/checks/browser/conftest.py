"""One headless Chromium for the browser rules' tests, and a helper that serves a page,
loads it and runs :func:`audit.checks.browser.suite.run_browser_checks` on it.

The browser is the audit's own (:class:`audit.engine.browsers.LocalChromium`), prepared the way a
session prepares it (:func:`audit.checks.browser.suite.prepare_browser`), and reused by every test
in the package, as the audit reuses one browser for many pages: so each test also checks that the
previous one left the browser clean.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.suite import prepare_browser, run_browser_checks
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings, audit_settings
from audit.engine.browsers import BrowserUnavailable, LocalChromium
from tests.audit.conftest import LocalSite

CheckPage = Callable[..., list[Issue]]


@pytest.fixture(scope="package")
def rules_config() -> AuditSettings:
    return audit_settings()


@pytest.fixture(scope="package")
def rules_browser(rules_config: AuditSettings) -> Iterator[WebDriver]:
    if not Path(rules_config.CHROMIUM_BINARY).exists():
        if os.environ.get("CI"):
            pytest.fail(
                f"{rules_config.CHROMIUM_BINARY} is missing; the browser tests must run in CI"
            )
        pytest.skip(f"{rules_config.CHROMIUM_BINARY} is missing")
    try:
        driver = LocalChromium(rules_config).create_driver()
    except BrowserUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    prepare_browser(driver)
    try:
        yield driver
    finally:
        driver.quit()


def page(
    body: str, *, title: str = "Pay your council tax", lang: str = "en", head: str = ""
) -> str:
    """A small, otherwise accessible HTML page around ``body``."""
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>body {{ font: 16px/1.4 sans-serif; margin: 8px; }}</style>"
        f"{head}</head><body>{body}</body></html>"
    )


@pytest.fixture
def check_page(
    rules_browser: WebDriver, rules_config: AuditSettings, local_site: LocalSite
) -> CheckPage:
    """``check_page(html, rules=None, config=None)``: the issues found on ``html``, only those
    of ``rules`` (ids) when given."""
    counter = iter(range(10_000))

    def check(
        html: str, rules: tuple[str, ...] | None = None, config: AuditSettings | None = None
    ) -> list[Issue]:
        url = local_site.route(f"/page-{next(counter)}", html)
        rules_browser.get(url)
        found = run_browser_checks(rules_browser, config or rules_config)
        return [issue for issue in found if rules is None or issue.rule in rules]

    return check
