"""On the seeded demo council (accessible by design: the other tests here check it page by
page), every one of Clearway's browser rules reports nothing. False alarms cost editors' trust
more than misses."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.suite import prepare_browser, run_browser_checks
from audit.core.conf import AuditSettings

from .conftest import DemoSite, Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def sample(targets: tuple[Target, ...]) -> list[Target]:
    """One page of each kind (home, service, news, search...), a handful in all."""
    chosen: dict[str, Target] = {}
    for target in targets:
        if not target.public or target.after_feedback:
            continue
        kind = target.label.split(" '")[0]
        chosen.setdefault(kind, target)
    return list(chosen.values())[:8]


def test_the_demo_site_passes_every_browser_rule(
    browser: WebDriver, audit_config: AuditSettings, demo_site: DemoSite
) -> None:
    prepare_browser(browser)
    targets = sample(demo_site.targets)
    assert len(targets) >= 4, [str(target) for target in targets]
    problems = []
    for target in targets:
        assert target.open(browser, demo_site.url) is None, str(target)
        for issue in run_browser_checks(browser, audit_config):
            problems.append(f"{target}: {issue.rule} {issue.selector}: {issue.message}")
    assert problems == [], "\n".join(problems)
