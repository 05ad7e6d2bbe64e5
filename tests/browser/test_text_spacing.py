"""WCAG 1.4.12 Text Spacing: with wider lines, letters, words and paragraphs, no text is cut off.

The override is the one the success criterion names: line height 1.5, paragraph spacing 2em,
letter spacing 0.12em, word spacing 0.16em. A box that hides its overflow and now holds more
than it shows has clipped text.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import DemoSite, Findings
from .pagechecks import apply_text_spacing, clipped_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_text_spacing_override_clips_no_text(browser: WebDriver, demo_site: DemoSite) -> None:
    findings = Findings("Text spacing (WCAG 1.4.12)")
    for target in demo_site.targets:
        if findings.visit(target, browser, demo_site.url):
            apply_text_spacing(browser)
            findings.extend(target, clipped_text(browser))
    findings.assert_none()
