"""clearway-field-contrast (WCAG 1.4.11): form fields whose edge cannot be seen."""

from __future__ import annotations

import pytest

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

RULE = ("clearway-field-contrast",)


def form(fields: str, style: str) -> str:
    return page(f"<main><form>{fields}</form></main>", head=f"<style>{style}</style>")


def test_fields_that_stand_out_pass(check_page: CheckPage) -> None:
    """GOV.UK's black border, a LocalGov Drupal field with only a dark bottom border, a
    WordPress field with a dark fill and no border, a shadow drawn as a border, Chromium's own
    select, a pale field that is disabled, and a field over a picture (unknown: left alone)."""
    html = form(
        "<label for='a'>Postcode</label><input id='a' class='govuk-input'>"
        "<label for='b'>Name</label><input id='b' class='lgd-underline'>"
        "<label for='c'>Email</label><input id='c' class='wp-filled' type='email'>"
        "<label for='d'>Search</label><input id='d' class='shadowed' type='search'>"
        "<label for='e'>Area</label><select id='e'><option>North</option></select>"
        "<label for='f'>Old</label><input id='f' class='pale' disabled>"
        "<div class='photo'><label for='g'>On a picture</label><input id='g' class='pale'></div>",
        ".govuk-input { border: 2px solid #0b0c0c; }"
        ".lgd-underline { border: 0; border-bottom: 2px solid #505a5f; background: transparent; }"
        ".wp-filled { border: 0; background: #1d3557; color: #fff; }"
        ".shadowed { border: 1px solid #ddd; box-shadow: 0 0 0 2px #0b0c0c; }"
        ".pale { border: 1px solid #ddd; }"
        ".photo { background-image: linear-gradient(#036, #69c); padding: 1em; }",
    )
    assert check_page(html, RULE) == []


def test_faint_edges_are_failures(check_page: CheckPage) -> None:
    """A WordPress theme's light grey border on white, a pale fill with no border on white, a
    textarea with a faint border on a LocalGov grey panel, and a translucent border."""
    html = form(
        "<label for='a'>Your name</label><input id='a' class='wp-input'>"
        "<label for='b'>Postcode</label><input id='b' class='fill'>"
        "<div class='lgd-panel'><label for='c'>Message</label>"
        "<textarea id='c' class='faint'></textarea></div>"
        "<label for='d'>Phone</label><input id='d' class='glass' type='tel'>",
        ".wp-input { border: 1px solid #ddd; }"
        ".fill { border: 0; background: #f3f2f1; }"
        ".lgd-panel { background: #f3f2f1; padding: 1em; }"
        ".faint { border: 1px solid #c8c8c8; background: #f3f2f1; }"
        ".glass { border: 2px solid rgba(0, 0, 0, 0.2); }",
    )
    found = check_page(html, RULE)
    assert sorted(issue.selector for issue in found) == ["#a", "#b", "#c", "#d"]
    assert {issue.outcome for issue in found} == {"violation"}
    assert "1.4:1" in next(issue.message for issue in found if issue.selector == "#a")
