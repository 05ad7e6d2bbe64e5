"""The page editor's Checks panel, opened in real Chromium on a draft with two "click here"
links, until its counts agree: shared by the panel's own test and its screenshot."""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.audit.admin.browser.conftest import sign_in
from tests.audit.admin.people import Pages, build_pages
from tests.factories import SuperuserFactory, build_site, paragraph

#: The counts the panel shows: Wagtail's own "Issues found", the Checks toggle's counter,
#: Wagtail's rows, Clearway's draft problems, and Wagtail's word count ("-" until its checks
#: have run).
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
  words: number('[data-side-panel="checks"] [data-content-word-count]'),
};
"""


def open_checks_panel(driver: WebDriver, server_url: str) -> tuple[Pages, dict[str, Any]]:
    """Sign in, open the Checks panel of a draft (the bins page) with two vague links, and wait
    until its counts agree (or fail saying how they disagree); returns the site's pages and
    the counts."""
    pages = build_pages(build_site())
    page = pages.bins_page
    page.body = [
        paragraph('To report a missed bin, <a href="/contact/">click here</a>.'),
        paragraph('For your bin day, <a href="/bins/">click here</a>.'),
    ]
    page.save_revision()
    sign_in(driver, server_url, SuperuserFactory())
    driver.get(f"{server_url}/admin/pages/{page.pk}/edit/")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-side-panel-toggle="checks"]')
    ).click()
    # Clearway's draft checks load when the panel opens; Wagtail's checks run on the preview,
    # its word count last, so the counts are compared once both are in.
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(COUNTS)["clearway"] is not None)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script(COUNTS)["words"] not in {None, "-"},
        message=f"Wagtail's checks did not finish: {driver.execute_script(COUNTS)}",
    )
    counts: dict[str, Any] = {}

    def agreed(d: WebDriver) -> bool:
        counts.update(d.execute_script(COUNTS))
        total = counts["wagtail"] + counts["clearway"]
        return counts["shown"] == str(total) and counts["toggle"] == str(total)

    try:
        WebDriverWait(driver, 30).until(agreed)
    except TimeoutException:
        # The counts as last read (a message given to the wait would be the empty dict).
        raise AssertionError(f"counts disagree: {counts}") from None
    return pages, counts
