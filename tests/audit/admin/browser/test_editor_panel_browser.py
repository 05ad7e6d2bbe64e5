"""The page editor's Checks panel in real Chromium: one count, and "Audit this page now"
recorded as its own trigger, with a live region that says when the results are in.

The audit itself is not run here (no browser inside the browser test): the task is replaced,
and the finished audit is stored by the test, as the worker would.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from audit.core.enums import RunTrigger
from audit.engine.drivers.axe import ClearwayAxe
from tests.audit.admin.browser.checks_panel import COUNTS, open_checks_panel
from tests.audit.admin.browser.conftest import sign_in, stored_by_the_worker
from tests.audit.admin.factories import AuditRunFactory
from tests.audit.admin.people import build_pages
from tests.factories import SuperuserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_checks_panel_has_one_count(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    _, counts = open_checks_panel(driver, live_server.url)
    assert counts["clearway"] >= 2  # the two "click here" links
    panel = driver.find_element(By.CSS_SELECTOR, '[data-side-panel="checks"]').text
    assert "Readability" not in panel  # one reading measure: the audit's reading age
    assert "part of the “Issues found” count" in panel


def test_the_count_survives_wagtail_rewriting_its_own(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    _, counts = open_checks_panel(driver, live_server.url)
    total = str(counts["wagtail"] + counts["clearway"])
    # What Wagtail does at the end of each run of its checks (runAxeChecks in its core.js):
    # its own count in both counters, then its rows emptied and refilled. With nothing to
    # list, the rows were empty already and emptying them changes nothing.
    driver.execute_script(
        """
        const wagtail = String(arguments[0]);
        document.querySelector('[data-side-panel-toggle="checks"] [data-side-panel-toggle-counter]')
          .textContent = wagtail;
        document.querySelector('[data-side-panel="checks"] [data-content-checker-count]')
          .textContent = wagtail;
        document.querySelector('[data-checks-panel]').innerHTML =
          document.querySelector('[data-checks-panel]').innerHTML;
        """,
        counts["wagtail"],
    )
    WebDriverWait(driver, 5).until(
        lambda d: (
            (d.execute_script(COUNTS)["shown"], d.execute_script(COUNTS)["toggle"])
            == (total, total)
        ),
        message=f"the counters lost Clearway's problems: {driver.execute_script(COUNTS)}",
    )


def test_audit_this_page_now_is_on_request_and_the_panel_says_when_it_is_done(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    pages = build_pages(build_site())
    page = pages.tax_page
    sign_in(driver, live_server.url, SuperuserFactory())
    driver.get(f"{live_server.url}/admin/accessibility/pages/{page.pk}/")
    with mock.patch("audit.tasks.audit_page") as task:
        driver.find_element(By.XPATH, "//button[normalize-space()='Audit this page now']").click()
        panel = WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-clearway-auditing]")
        )
    task.enqueue.assert_called_once_with(page.pk, RunTrigger.REQUEST)
    assert "Auditing this page..." in panel.text
    assert panel.find_element(By.LINK_TEXT, "Refresh to see the results")  # without JS
    status = panel.find_element(By.CSS_SELECTOR, '[role="status"]')
    # The worker stores the audit.
    stored_by_the_worker(page=page, run=AuditRunFactory(), rule="link-name", selector="a.icon")
    # The panel is replaced when it refreshes itself: an element read just then is stale.
    WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Links have text" in d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    )
    WebDriverWait(driver, 5).until(lambda d: "Audit finished" in status.text)
    # The live region is the same element, kept in place, so it is announced.
    assert driver.execute_script("return arguments[0].isConnected;", status)
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-clearway-auditing]")
