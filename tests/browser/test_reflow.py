"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide (1280px at 400% zoom) nothing scrolls sideways.

Wide tables scroll inside their own focusable region, which is allowed; the page must not.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import DemoSite, Findings, set_viewport
from .pagechecks import horizontal_overflow

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_no_page_scrolls_sideways_at_320_css_pixels(
    browser: WebDriver, demo_site: DemoSite
) -> None:
    set_viewport(browser, width=320, height=640)
    assert browser.execute_script("return document.documentElement.clientWidth") == 320
    findings = Findings("Reflow at 320 CSS px")
    for target in demo_site.targets:
        if findings.visit(target, browser, demo_site.url):
            problem = horizontal_overflow(browser)
            if problem:
                findings.add(target, problem)
    findings.assert_none()
