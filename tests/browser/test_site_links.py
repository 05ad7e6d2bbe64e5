"""Residents find "Contact us" in the header and footer, and "Privacy and cookies" in the
footer, on a 320 px screen as on a wide one, and both links lead to their pages."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import DemoSite, set_viewport

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def visible_link(driver: WebDriver, region: str, text: str) -> str:
    """The address of the link ``text`` in ``region``, after checking it is on screen."""
    links = driver.find_elements(By.CSS_SELECTOR, f"{region} a")
    matching = [link for link in links if link.text.strip() == text]
    assert len(matching) == 1, f"{len(matching)} links {text!r} in the {region}"
    link = matching[0]
    link.location_once_scrolled_into_view  # noqa: B018 (scrolls: a property with an effect)
    assert link.is_displayed(), f"{text!r} in the {region} is hidden"
    box = link.rect
    width = driver.execute_script("return document.documentElement.clientWidth;")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{text!r} is off screen: {box}"
    return link.get_attribute("href")


@pytest.mark.parametrize("width", [320, 1280])
def test_contact_and_privacy_links_on_every_screen(
    browser: WebDriver, demo_site: DemoSite, width: int
) -> None:
    set_viewport(browser, width)
    browser.get(demo_site.url + "/bins-and-recycling/")
    header_contact = visible_link(browser, "header", "Contact us")
    footer_contact = visible_link(browser, "footer", "Contact us")
    privacy = visible_link(browser, "footer", "Privacy and cookies")
    assert header_contact == footer_contact == demo_site.url + "/contact-us/"
    browser.get(privacy)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Privacy and cookies"
    browser.get(header_contact)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Contact the council"
    contents = browser.find_elements(By.CSS_SELECTOR, "nav.contents a")
    assert "Council tax" in [link.text for link in contents]
