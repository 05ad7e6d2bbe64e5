"""clearway-small-text, clearway-line-height and clearway-line-length: advice only."""

from __future__ import annotations

import pytest

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

RULES = ("clearway-small-text", "clearway-line-height", "clearway-line-length")
TEXT = (
    "Your bins are collected every other week on the same day. Put them out by seven in the "
    "morning and bring them back in by the end of the day, please. "
)


def test_readable_text_passes(check_page: CheckPage) -> None:
    """GOV.UK Frontend's body text (19 px, 1.32, two-thirds column) and a LocalGov Drupal
    page (16 px, 1.5, 40em); short footer small print and a tight heading are left alone."""
    html = page(
        "<main><div class='govuk-grid-column-two-thirds'>"
        f"<p class='govuk-body'>{TEXT * 3}</p></div>"
        f"<div class='lgd-prose'><p>{TEXT * 3}</p><ul><li>{TEXT}</li></ul></div>"
        "<h2 class='tight'>A heading of several words that wraps onto two lines here</h2>"
        "<p class='small'>© Westshire</p></main>"
        f"<footer><p class='legal'>{TEXT}</p></footer>",
        head="<style>.govuk-grid-column-two-thirds { width: 640px; }"
        ".govuk-body { font-size: 19px; line-height: 1.3157; }"
        ".lgd-prose { max-width: 40em; font-size: 16px; line-height: 1.5; }"
        ".tight { width: 200px; line-height: 1; } .small { font-size: 10px; }"
        ".legal { font-size: 10px; }</style>",
    )
    assert check_page(html, RULES) == []


def test_small_tight_and_long_text_is_advice(check_page: CheckPage) -> None:
    """A WordPress theme at full width: 11 px text, a line height of 1, lines of 150+."""
    html = page(
        f"<main><div class='entry-content'><p class='tiny'>{TEXT}</p>"
        f"<p class='cramped'>{TEXT * 2}</p><p class='wide'>{TEXT * 4}</p></div></main>",
        head="<style>.entry-content { width: 1200px; } .tiny { font-size: 11px; width: 600px; }"
        ".cramped { font-size: 16px; line-height: 16px; width: 500px; }"
        ".wide { font-size: 14px; line-height: 1.5; }</style>",
    )
    found = check_page(html, RULES)
    assert sorted((issue.rule, issue.selector) for issue in found) == [
        ("clearway-line-height", "p.cramped"),
        ("clearway-line-length", "p.wide"),
        ("clearway-small-text", "p.tiny"),
    ]
    assert {issue.outcome for issue in found} == {"advice"}
