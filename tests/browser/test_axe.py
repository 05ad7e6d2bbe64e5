"""axe-core finds nothing on any page: WCAG 2.0 to 2.2, A and AA, and best practices."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .axe import ClearwayAxe, format_violation
from .conftest import DemoSite, Findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_no_axe_violations_on_any_page(browser: WebDriver, demo_site: DemoSite) -> None:
    axe = ClearwayAxe(browser)
    findings = Findings("axe-core violations")
    for target in demo_site.targets:
        if findings.visit(target, browser, demo_site.url):
            for violation in axe.check():
                findings.add(target, format_violation(violation))
    findings.assert_none()
