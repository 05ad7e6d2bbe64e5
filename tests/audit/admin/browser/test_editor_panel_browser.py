"""The page editor's Checks panel in real Chromium: one count, and "Audit this page now"
recorded as its own trigger, with a live region that says when the results are in.

The audit itself is not run here (no browser inside the browser test): the task is replaced,
and the finished audit is stored by the test, as the worker would.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from audit.core.enums import RunTrigger
from audit.engine.drivers.axe import ClearwayAxe
from tests.audit.admin.browser.conftest import sign_in
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.factories import SuperuserFactory, build_site, paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COUNTS = """
const number = (selector) => {
  const el = document.querySelector(selector);
  return el ? el.textContent.trim() : null;
};
const draft = document.querySelector('[data-side-panel="checks"] [data-clearway-draft-problems]');
return {
  shown: number('[data-side-panel="checks"] [data-content-checker-count]'),
  toggle: number('[data-side-panel-toggle="checks"] [data-side-panel-toggle-counter]'),
  wagtail: document.querySelectorAll('[data-checks-panel] [data-content-checker-row]').length,
  clearway: draft ? Number(draft.dataset.clearwayDraftProblems) : null,
};
"""


def test_the_checks_panel_has_one_count(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, _ = chromium
    pages = build_pages(build_site())
    page = pages.bins_page
    page.body = [
        paragraph('To report a missed bin, <a href="/contact/">click here</a>.'),
        paragraph('For bin days, <a href="/bins/">click here</a>.'),
    ]
    page.save_revision()
    sign_in(driver, live_server.url, SuperuserFactory())
    driver.get(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-side-panel-toggle="checks"]')
    ).click()
    # Clearway's draft checks load when the panel opens; Wagtail's run on the preview.
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(COUNTS)["clearway"] is not None)
    counts: dict[str, Any] = {}

    def agreed(d: WebDriver) -> bool:
        counts.update(d.execute_script(COUNTS))
        total = counts["wagtail"] + counts["clearway"]
        return counts["shown"] == str(total) and counts["toggle"] == str(total)

    WebDriverWait(driver, 30).until(agreed, message=f"counts disagree: {counts}")
    assert counts["clearway"] >= 2  # the two "click here" links
    panel = driver.find_element(By.CSS_SELECTOR, '[data-side-panel="checks"]').text
    assert "Readability" not in panel  # one reading measure: the audit's reading age
    assert "part of the “Issues found” count" in panel


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
    tracked_finding(page=page, run=AuditRunFactory(), rule="link-name", selector="a.icon")
    WebDriverWait(driver, 30).until(
        lambda d: "Links have text" in d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    )
    WebDriverWait(driver, 5).until(lambda d: "Audit finished" in status.text)
    # The live region is the same element, kept in place, so it is announced.
    assert driver.execute_script("return arguments[0].isConnected;", status)
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-clearway-auditing]")
