"""The "Pages due for review" panel on the admin home page in real Chromium: axe-core finds
nothing in it. With ``CLEARWAY_SCREENSHOTS=1`` it also saves
``docs/screenshots/review-dashboard.png``."""

from __future__ import annotations

import datetime
import os
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from audit.engine.drivers.axe import ClearwayAxe
from tests.audit.admin.browser.conftest import sign_in
from tests.audit.admin.browser.test_report_browser import SCREENSHOTS, assert_axe_clean
from tests.audit.admin.people import build_pages
from tests.factories import ServicePageFactory, SuperuserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_panel_is_accessible(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    pages = build_pages(build_site())
    admin = SuperuserFactory(first_name="Sam", last_name="Patel")
    team = Group.objects.create(name="Waste team")
    admin.groups.add(team)
    today = timezone.localdate()
    bulky = ServicePageFactory(parent=pages.bins, title="Bulky waste collection")
    for page, days, person, group in (
        (pages.tax_page, -12, admin, None),
        (pages.bins_page, 5, None, team),
        (bulky, 21, None, None),
    ):
        type(page).objects.filter(pk=page.pk).update(
            next_review_date=today + datetime.timedelta(days=days),
            review_owner_user=person or (None if group else SuperuserFactory(first_name="Ali")),
            review_owner_group=group,
        )
    sign_in(driver, live_server.url, admin)
    driver.get(f"{live_server.url}/admin/")
    panel = driver.find_element(By.ID, "review-dashboard-section")
    assert "Pay your council tax" in panel.text
    assert "overdue by 12 days" in panel.text
    assert_axe_clean(axe, "#review-dashboard-section")
    if os.environ.get("CLEARWAY_SCREENSHOTS"):
        # The admin scrolls inside a container: a tall window shows the whole panel.
        metrics = {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        try:
            panel.screenshot(str(SCREENSHOTS / "review-dashboard.png"))
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
