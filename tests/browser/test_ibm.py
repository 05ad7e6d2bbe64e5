"""IBM Equal Access (WCAG 2.2, A and AA), curated as the audit curates it, finds no violation on
any page of the demo council, run through the audit's own engine driver and session."""

from __future__ import annotations

import pytest

from audit.core.enums import Engine
from audit.engine.drivers.ibm import IbmEngine
from audit.engine.runner import BrowserSession

from .conftest import DemoSite, Findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_no_ibm_violations_on_any_page(axe_session: BrowserSession, demo_site: DemoSite) -> None:
    driver = axe_session.start()
    (ibm,) = [engine for engine in axe_session.engines if engine.name == Engine.IBM]
    assert isinstance(ibm, IbmEngine)
    findings = Findings("IBM Equal Access violations")
    for target in demo_site.targets:
        if findings.visit(target, driver, demo_site.url):
            for finding in ibm.run(driver, target.path):
                if finding.is_violation:
                    findings.add(
                        target,
                        f"{finding.rule} (WCAG {', '.join(finding.wcag)}) at {finding.selector}: "
                        f"{finding.message} {finding.html}",
                    )
    assert findings.pages > 10
    findings.assert_none()
