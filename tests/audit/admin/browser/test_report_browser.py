"""The report and the page's findings panel in real Chromium: axe-core (WCAG 2.2 A/AA and
best practice) finds nothing in them, and the Dismiss flow works from the keyboard alone.

axe runs on Clearway's own parts of each screen (the report's results, the findings panel,
the dismiss form): the Wagtail admin around them is Wagtail's to keep accessible.

With ``CLEARWAY_SCREENSHOTS=1`` the test also saves a 1280-wide PNG of each screen into
``docs/screenshots/`` (``scripts/screenshots_admin_a.py`` does that).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from audit.admin.page_audits import mark_audit_pending
from audit.core.enums import FindingStatus, Impact, Source
from audit.engine.drivers.axe import ClearwayAxe
from audit.storage.models import TrackedFinding
from tests.audit.admin.browser.conftest import sign_in, stored_by_the_worker
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.browser.axe import format_violation
from tests.factories import SuperuserFactory, build_site, paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"


def assert_axe_clean(axe: ClearwayAxe, selector: str) -> None:
    results = axe.run({"include": [[selector]]})
    violations = results["violations"]
    assert not violations, "\n".join(format_violation(v) for v in violations)


def screenshot(driver: WebDriver, name: str, *, full_page: bool = True) -> None:
    """Save a PNG of the screen, the whole document tall (up to 4000 px) unless told."""
    if not os.environ.get("CLEARWAY_SCREENSHOTS"):
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not full_page:
        driver.save_screenshot(str(path))
        return
    # The admin scrolls inside a container, not the document: measure the tallest content
    # and show it all through a device-metrics override, then put the viewport back.
    height = driver.execute_script(
        "return Math.max(...[...document.querySelectorAll('body, body *')]"
        ".map((e) => e.scrollHeight));"
    )
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": min(int(height), 4000), "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        driver.save_screenshot(str(path))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def tab_to(driver: WebDriver, predicate: str, limit: int = 120) -> None:
    """Press Tab until ``predicate`` (JavaScript on ``el``, the focused element) holds."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        if driver.execute_script(f"const el = document.activeElement; return !!({predicate});"):
            return
    pytest.fail(f"Tab never reached an element where {predicate}")


def test_report_and_panel_are_accessible_and_keyboard_operable(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    home = build_site()
    pages = build_pages(home)
    # A draft with something for each content check to say.
    page = pages.bins_page
    page.body = [
        paragraph(
            "Notwithstanding the aforementioned considerations, residents are obliged to "
            "facilitate the utilisation of appropriately designated receptacles for the "
            "accumulation of compostable horticultural materials prior to collection."
        ),
        paragraph('To report a missed bin, <a href="/contact/">click here</a>.'),
    ]
    page.save_revision()
    run = AuditRunFactory()
    image = tracked_finding(page=pages.bins_page, run=run, source=Source.CONTENT)
    tracked_finding(
        page=pages.bins_page,
        run=run,
        rule="color-contrast",
        impact=Impact.SERIOUS,
        wcag=["1.4.3"],
        source=Source.TEMPLATE,
        selector="footer a",
        html='<a href="/">Home</a>',
        help="Elements must meet minimum color contrast ratio thresholds",
    )
    tracked_finding(page=pages.tax_page, run=run, html="<script>alert(1)</script>")
    tracked_finding(url="http://localhost/legacy/forms.php", run=run, rule="label")
    sign_in(driver, live_server.url, SuperuserFactory())

    driver.get(f"{live_server.url}/admin/reports/accessibility/")
    assert "Images have a text alternative" in driver.page_source
    assert_axe_clean(axe, "#listing-results")
    screenshot(driver, "report")

    driver.get(f"{live_server.url}/admin/reports/accessibility/findings/?rule=image-alt")
    assert_axe_clean(axe, "#listing-results")
    screenshot(driver, "report-findings")

    driver.get(f"{live_server.url}/admin/accessibility/pages/{pages.bins_page.pk}/")
    assert_axe_clean(axe, "[data-clearway-panel]")
    assert_axe_clean(axe, "#clearway-draft")
    screenshot(driver, "editor-page-findings")
    draft = driver.find_element(By.ID, "clearway-draft")
    assert "click here" in draft.text.lower()

    # Keyboard only: Tab to the first Dismiss, Enter; choose a reason with Space, write a
    # note, and submit with Space on the Dismiss button.
    tab_to(driver, "el.textContent.trim().startsWith('Dismiss') && el.href")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/dismiss/" in d.current_url)
    assert_axe_clean(axe, ".clearway-panel")
    screenshot(driver, "editor-dismiss")
    tab_to(driver, "el.name === 'reason'")
    press(driver, Keys.SPACE)
    tab_to(driver, "el.name === 'note'")
    press(driver, "The image is decorative.")
    tab_to(driver, "el.type === 'submit'")
    press(driver, Keys.SPACE)
    WebDriverWait(driver, 10).until(lambda d: "/dismiss/" not in d.current_url)
    dismissed = TrackedFinding.objects.filter(status=FindingStatus.DISMISSED).get()
    assert dismissed.rule == image.rule and dismissed.page_id == pages.bins_page.pk
    assert "The image is decorative." in driver.page_source
    assert_axe_clean(axe, "[data-clearway-panel]")

    # The same panel inside the page editor's Checks side panel.
    driver.get(f"{live_server.url}/admin/pages/{pages.bins_page.pk}/edit/")
    toggle = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-side-panel-toggle="checks"]')
    )
    toggle.click()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").is_displayed()
    )
    # The checks on the draft load into the panel when it is first shown.
    WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "[data-clearway-panel] #clearway-draft")
    )
    assert_axe_clean(axe, "[data-clearway-panel]")
    driver.execute_script(
        "document.querySelector('[data-clearway-panel]').scrollIntoView({block: 'center'})"
    )
    screenshot(driver, "editor-checks-panel", full_page=False)

    # "Audit this page now": the panel says so, and updates itself when the results are in.
    mark_audit_pending(pages.tax_page.pk)
    driver.get(f"{live_server.url}/admin/accessibility/pages/{pages.tax_page.pk}/")
    panel = driver.find_element(By.CSS_SELECTOR, "[data-clearway-panel]")
    assert "Auditing this page..." in panel.text
    assert_axe_clean(axe, "[data-clearway-panel]")
    screenshot(driver, "editor-auditing")
    stored_by_the_worker(
        page=pages.tax_page, run=AuditRunFactory(), rule="link-name", selector="a.icon"
    )
    # The panel is replaced when it refreshes itself: an element read just then is stale.
    WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Links have text" in d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    )
    # The live region is told a moment after the swap (panel.js's announce), so wait for it too.
    WebDriverWait(driver, 5, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Audit finished" in d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    )
    panel = driver.find_element(By.CSS_SELECTOR, "[data-clearway-panel]")
    assert "Auditing this page..." not in panel.text
