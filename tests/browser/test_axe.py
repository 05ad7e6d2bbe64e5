"""axe-core finds nothing on any page: WCAG 2.0 to 2.2, A and AA, and best practices."""

from __future__ import annotations

import pytest

from audit.engine.drivers.axe_results import run_options
from audit.engine.runner import BrowserSession

from .axe import format_violation
from .conftest import DemoSite, Findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_no_axe_violations_on_any_page(axe_session: BrowserSession, demo_site: DemoSite) -> None:
    driver = axe_session.start()
    # Clearway's default tags, whatever the settings say.
    options = run_options()
    findings = Findings("axe-core violations")
    for target in demo_site.targets:
        if findings.visit(target, driver, demo_site.url):
            for violation in axe_session.axe.run(options=options)["violations"]:
                findings.add(target, format_violation(violation))
    findings.assert_none()
