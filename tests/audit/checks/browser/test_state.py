"""run_browser_checks leaves the browser as it found it: the session reuses it for the next
page, whose layout, styles, focus and axe-core results must not depend on the checks."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from audit.checks.browser.page import CONTENT_TITLE_RULE
from audit.checks.browser.suite import run_browser_checks
from audit.checks.catalogue import all_rules
from audit.core.conf import AuditSettings
from audit.core.enums import RuleKind
from audit.engine.drivers.axe import ClearwayAxe
from tests.audit.conftest import LocalSite

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

# A page whose look depends on the viewport width, with problems for several rules (so every
# group changes something) and an axe-core violation (an image without alt text).
HTML = page(
    "<main><h1>Bins</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' width='10' "
    "height='10'><div id='wide' style='width: 700px; height: 40px; overflow: hidden; "
    "line-height: 20px'>Collections are late this week after the holiday weekend.</div>"
    "<div style='width: 22rem; height: 40px; overflow: hidden; line-height: 20px'>"
    "Collections are a day late this week after the bank holiday.</div>"
    "<p><a class='bare' href='/a'>A</a></p><p id='probe'>Probe</p></main>",
    head="<style>a.bare:focus { outline: none; } #probe { color: rgb(0, 0, 0); }"
    "@media (max-width: 600px) { #probe { color: rgb(255, 0, 0); } }</style>",
)

STATE = """
return {
  width: document.documentElement.clientWidth,
  innerWidth: window.innerWidth,
  innerHeight: window.innerHeight,
  probe: getComputedStyle(document.getElementById('probe')).color,
  wordSpacing: getComputedStyle(document.getElementById('probe')).wordSpacing,
  rootFont: getComputedStyle(document.documentElement).fontSize,
  sheets: document.adoptedStyleSheets.length,
  focused: document.activeElement === document.body,
  scroll: [window.scrollX, window.scrollY],
};
"""


def test_the_browser_is_left_as_found(
    rules_browser: WebDriver, rules_config: AuditSettings, local_site: LocalSite
) -> None:
    url = local_site.route("/state", HTML)
    axe = ClearwayAxe(rules_config.AXE_SCRIPT)
    axe.install(rules_browser, use_cdp=False)

    rules_browser.get(url)
    before = rules_browser.execute_script(STATE)
    axe_before = sorted(rule["id"] for rule in axe.run()["violations"])
    size_before = rules_browser.get_window_size()

    found = run_browser_checks(rules_browser, rules_config)
    # Every group ran and found something here, so each had something to undo.
    assert {"clearway-reflow", "clearway-text-spacing", "clearway-focus-visible"} <= {
        issue.rule for issue in found
    }
    assert rules_browser.execute_script(STATE) == before  # the same document

    rules_browser.get(url)
    assert rules_browser.execute_script(STATE) == before  # the next document
    assert sorted(rule["id"] for rule in axe.run()["violations"]) == axe_before
    assert rules_browser.get_window_size() == size_before
    assert before["width"] > 600 and before["probe"] == "rgb(0, 0, 0)"


def test_disabled_rules_do_not_run(check_page: CheckPage, rules_config: AuditSettings) -> None:
    browser_rules = tuple(rule.id for rule in all_rules().values() if rule.kind == RuleKind.BROWSER)
    config = rules_config.with_overrides(DISABLED_RULES=browser_rules)
    assert check_page(HTML, config=config) == []
    only_reflow = rules_config.with_overrides(
        DISABLED_RULES=tuple(r for r in browser_rules if r != "clearway-reflow")
    )
    found = check_page(HTML, config=only_reflow)
    assert {issue.rule for issue in found} == {"clearway-reflow"}


def test_rule_options_are_read(check_page: CheckPage, rules_config: AuditSettings) -> None:
    # At 800 px wide the 700 px box fits.
    config = rules_config.with_overrides(RULE_OPTIONS={"clearway-reflow": {"width": 800}})
    found = check_page(HTML, ("clearway-reflow",), config=config)
    assert found == []


def test_without_cdp_reflow_resizes_the_window_and_puts_it_back(
    check_page: CheckPage, rules_browser: WebDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WebDriver server that refuses DevTools commands: the window is resized instead."""
    import weakref

    import audit.checks.browser.suite as browser_checks

    def refuse(command: str, parameters: dict[str, object]) -> None:
        raise WebDriverException(f"unknown command: {command}")

    monkeypatch.setattr(browser_checks, "_CDP", weakref.WeakKeyDictionary())
    monkeypatch.setattr(rules_browser, "execute_cdp_cmd", refuse)
    size = rules_browser.get_window_size()
    found = check_page(HTML, ("clearway-reflow",))
    assert [issue.selector for issue in found] == ["#wide", "main > div:nth-of-type(2)"]
    assert rules_browser.get_window_size() == size


def test_a_failing_group_is_logged_and_the_others_still_run(
    check_page: CheckPage, rules_config: AuditSettings, caplog: pytest.LogCaptureFixture
) -> None:
    # The page breaks the CSS.escape the selectors need: the reflow group fails on its
    # element with an id; the title, which needs no selector, is still checked.
    html = page(
        "<main><h1>Bins</h1><div id='wide' style='width: 700px'>Wide text here.</div></main>"
        "<script>window.CSS = undefined;</script>",
        title="Untitled",
    )
    with caplog.at_level("WARNING", logger="audit.checks.browser"):
        found = check_page(
            html,
            ("clearway-reflow", "clearway-page-title"),
            config=rules_config.with_overrides(DISABLED_RULES=(CONTENT_TITLE_RULE,)),
        )
    assert [issue.rule for issue in found] == ["clearway-page-title"]
    assert any("reflow browser rules failed" in record.getMessage() for record in caplog.records)
