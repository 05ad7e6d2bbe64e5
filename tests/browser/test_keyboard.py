"""Keyboard use: the skip link comes first, shows when focused and moves focus to the main
content; and every focusable element shows where focus is (WCAG 2.4.1 and 2.4.7).

Both are checked in one visit to each page, to keep the suite fast.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import DemoSite, Findings, Target
from .pagechecks import active_element, focused_element, missing_focus_indicators

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def check_skip_link(driver: WebDriver) -> list[str]:
    """After the page's first Tab: the skip link has focus, is visible and works."""
    focused = focused_element(driver)
    if not focused.get("isSkipLink"):
        return [f"the first Tab focuses {focused['focused']}, not a skip link"]
    problems = []
    if not focused["visible"]:
        problems.append(f"the focused skip link is not visible on screen (box {focused['rect']})")
    press(driver, Keys.ENTER)
    after = active_element(driver)
    if not after["isMain"]:
        problems.append(
            f"activating the skip link moves focus to {after['focused']}, not <main> "
            f"(location hash {after['hash']!r})"
        )
    return problems


def test_keyboard_skip_link_and_visible_focus(browser: WebDriver, demo_site: DemoSite) -> None:
    skip_link = Findings("Skip link (WCAG 2.4.1)")
    focus = Findings("Focus visible (WCAG 2.4.7)")
    checked = 0
    targets: tuple[Target, ...] = demo_site.public_targets
    for target in targets:
        if not skip_link.visit(target, browser, demo_site.url):
            continue
        focus.pages += 1
        press(browser, Keys.TAB)  # from here on focus is keyboard focus (:focus-visible)
        # Focus every element in turn, then give it back to the skip link and use it.
        count, problems = missing_focus_indicators(browser)
        checked += count
        focus.extend(target, problems)
        skip_link.extend(target, check_skip_link(browser))
    failures = [f.report() for f in (skip_link, focus) if f.problems]
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
    assert checked > 10 * len(targets), f"only {checked} focusable elements were checked"
