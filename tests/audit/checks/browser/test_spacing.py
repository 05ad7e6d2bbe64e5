"""clearway-text-spacing (WCAG 1.4.12) and clearway-resize-text (WCAG 1.4.4)."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

SPACING = ("clearway-text-spacing",)
RESIZE = ("clearway-resize-text",)
BOTH = SPACING + RESIZE

TEXT = "Report a missed bin collection online and we will collect it within two working days."


def test_boxes_that_grow_with_their_text_pass(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1>"
        f"<div style='min-height: 2rem; overflow: hidden; width: 12rem'><p>{TEXT}</p></div>"
        f"<p style='font-size: 1.25rem'>{TEXT}</p>"
        "<button style='padding: 0.5em 1em; font-size: 1rem'>Report a missed bin</button>"
        "<span style='position: absolute; width: 1px; height: 1px; overflow: hidden; "
        "clip-path: inset(50%); white-space: nowrap'>Opens in a new tab, visually hidden</span>"
        "</main>"
    )
    assert check_page(html, BOTH) == []


def test_a_carousel_that_already_hid_its_slides_passes(check_page: CheckPage) -> None:
    slides = "".join(f"<li style='flex: 0 0 300px'>{TEXT}</li>" for _ in range(4))
    html = page(
        "<main><h1>News</h1><ul style='display: flex; overflow: hidden; width: 320px; "
        f"margin: 0; padding: 0; list-style: none'>{slides}</ul></main>"
    )
    assert check_page(html, BOTH) == []


def test_a_vertical_ticker_that_shows_one_item_at_a_time_passes(check_page: CheckPage) -> None:
    """Already hides every item but the first; spaced or enlarged, the first still fits."""
    items = "".join(f"<li style='height: 8rem'>{TEXT[:40]}</li>" for _ in range(5))
    html = page(
        "<main><h1>News</h1><ul style='height: 8rem; overflow: hidden; width: 30rem; "
        f"margin: 0; padding: 0; list-style: none'>{items}</ul></main>"
    )
    assert check_page(html, BOTH) == []


def test_a_box_too_small_already_that_hides_more_when_spaced_fails(
    check_page: CheckPage,
) -> None:
    """Cuts off its last line even now (a designer's estimate a little out); spaced out or
    enlarged, lines that were shown are lost too."""
    html = page(
        "<main><h1>Care</h1><ul style='display: flex; gap: 1rem; list-style: none'>"
        "<li id='tile' style='width: 14rem; height: 80px; overflow: hidden; font-size: 1rem; "
        f"line-height: 1.4'>{TEXT} {TEXT}</li></ul></main>"
    )
    found = check_page(html, BOTH)
    assert sorted((issue.rule, issue.selector) for issue in found) == [
        ("clearway-resize-text", "#tile"),
        ("clearway-text-spacing", "#tile"),
    ]


def test_a_fixed_height_box_that_hides_overflow_fails_both(check_page: CheckPage) -> None:
    # Fits exactly as designed (two lines of 20px), loses its text when spaced or enlarged.
    html = page(
        "<main><h1>Bins</h1><div id='notice' style='height: 40px; overflow: hidden; "
        "width: 22rem; line-height: 20px; font-size: 1rem'>"
        "Collections are a day late this week after the bank holiday.</div></main>"
    )
    found = check_page(html, BOTH)
    assert sorted((issue.rule, issue.selector) for issue in found) == [
        ("clearway-resize-text", "#notice"),
        ("clearway-text-spacing", "#notice"),
    ]
    assert all("cuts off its text" in issue.message for issue in found)


def test_a_one_line_ellipsis_that_truncates_when_spaced_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1><p class='teaser' style='white-space: nowrap; overflow: hidden; "
        "text-overflow: ellipsis; width: 24ch; font-size: 16px'>Garden waste collections</p></main>"
    )
    found = check_page(html, SPACING)
    assert [issue.selector for issue in found] == ["p.teaser"]


def test_px_text_in_a_px_box_is_left_to_browser_zoom(check_page: CheckPage) -> None:
    # Text sized in px does not follow the browser's text size setting, and page zoom scales
    # the box with it: WCAG 1.4.4 is met by zoom, so resize-text does not report it.
    html = page(
        "<main><h1>Bins</h1><div style='height: 40px; overflow: hidden; width: 22rem; "
        "line-height: 20px; font-size: 14px'>Collections are a day late this week.</div></main>"
    )
    assert check_page(html, RESIZE) == []


def test_text_running_over_the_next_block_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1><div class='card' style='height: 3em; line-height: 1.2'>"
        "<span>Collections are a day late this week after the bank holiday weekend, "
        "check your new day.</span></div>"
        "<p>Next paragraph of text that would be overlapped.</p></main>",
        head="<style>.card { width: 30ch; font-size: 1rem; }</style>",
    )
    found = check_page(html, SPACING)
    assert [issue.selector for issue in found] == ["div.card"]
    assert "runs out of its" in found[0].message


def test_no_style_is_left_behind(check_page: CheckPage, rules_browser: WebDriver) -> None:
    html = page("<main><h1>Bins</h1><p id='probe'>Word spacing stays as it was.</p></main>")
    check_page(html, BOTH)
    after = rules_browser.execute_script(
        "const p = getComputedStyle(document.getElementById('probe'));"
        "return [document.adoptedStyleSheets.length, p.wordSpacing, p.letterSpacing, "
        "getComputedStyle(document.documentElement).fontSize];"
    )
    assert after == [0, "0px", "normal", "16px"]
