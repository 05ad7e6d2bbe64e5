"""clearway-reflow: nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10)."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

RULE = ("clearway-reflow",)

PARAGRAPHS = "<p>Council tax pays for local services such as bins and libraries.</p>" * 3


def test_a_fluid_page_passes(check_page: CheckPage) -> None:
    html = page(
        "<header><a href='/'>Anytown Council</a></header>"
        f"<main><h1>Pay your council tax</h1>{PARAGRAPHS}"
        "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='' "
        "style='width: 900px; max-width: 100%'>"
        "<p style='overflow-wrap: anywhere'>https://www.anytown.gov.uk/a-very-long-address/"
        "that-would-overflow-without-wrapping/council-tax-bands-and-charges</p></main>"
    )
    assert check_page(html, RULE) == []


def test_a_wide_table_scrolling_in_its_own_region_passes(check_page: CheckPage) -> None:
    cells = "".join(f"<td>Band {n} charge £{n}00.00 a year</td>" for n in range(12))
    html = page(
        f"<main><h1>Bands</h1>{PARAGRAPHS}"
        "<div role='region' aria-label='Council tax bands' tabindex='0' "
        "style='overflow-x: auto'>"
        f"<table><caption>Bands</caption><tr>{cells}</tr></table></div></main>"
    )
    assert check_page(html, RULE) == []


def test_a_bare_data_table_is_exempt(check_page: CheckPage) -> None:
    cells = "".join(f"<td>Band&nbsp;{n}&nbsp;charge&nbsp;£{n}00.00</td>" for n in range(12))
    html = page(f"<main><h1>Bands</h1>{PARAGRAPHS}<table><tr>{cells}</tr></table></main>")
    assert check_page(html, RULE) == []


def test_an_off_canvas_menu_on_a_page_hiding_overflow_passes(check_page: CheckPage) -> None:
    html = page(
        "<nav style='position: absolute; left: 100%; top: 0; width: 300px'>"
        "<a href='/bins'>Bins</a></nav>"
        f"<main><h1>Pay</h1>{PARAGRAPHS}</main>",
        head="<style>html, body { overflow-x: hidden; }</style>",
    )
    assert check_page(html, RULE) == []


def test_a_fixed_width_layout_fails_and_names_the_element(check_page: CheckPage) -> None:
    html = page(
        "<header>Anytown Council</header>"
        f"<main><h1>Pay your council tax</h1><div id='content' style='width: 760px'>"
        f"{PARAGRAPHS}</div></main>"
    )
    found = check_page(html, RULE)
    assert [issue.selector for issue in found] == ["#content"]
    assert "760px wide" in found[0].message
    assert found[0].html.startswith('<div id="content"')


def test_long_unbroken_text_fails_with_a_stable_selector(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Contact</h1><p>Email us.</p>"
        "<p class='address'>https://www.anytown.gov.uk/services/council-tax/"
        "pay-your-council-tax-online-with-a-debit-card</p></main>"
    )
    found = check_page(html, RULE)
    assert [issue.selector for issue in found] == ["p.address"]


def test_content_cut_off_by_hidden_overflow_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Pay</h1><p style='white-space: nowrap' data-x='y'>"
        "You can pay your council tax by direct debit, online, by phone or at the library.</p>"
        "</main>",
        head="<style>body { overflow-x: hidden; }</style>",
    )
    found = check_page(html, RULE)
    assert len(found) == 1
    assert "cut off" in found[0].message


def test_editor_content_is_attributed_to_its_block(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Pay</h1><div data-clearway-content='body'>"
        "<div data-block-id='b-42'><pre>Reference:   1234567890   1234567890   1234567890   "
        "1234567890</pre></div></div></main>"
    )
    found = check_page(html, RULE)
    assert len(found) == 1
    assert (found[0].region, found[0].block_id, found[0].source) == ("body", "b-42", "content")


def test_text_hidden_far_off_screen_passes(check_page: CheckPage) -> None:
    html = page(
        "<main style='position: relative'><h1>Pay</h1>"
        f"{PARAGRAPHS}<span style='position: absolute; left: 9999px'>For screen readers</span>"
        "</main>"
    )
    assert check_page(html, RULE) == []


def test_the_page_is_wide_again_when_the_check_returns(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    # The rules after reflow, and axe on the next page, must measure the normal layout.
    wide = rules_browser.execute_script("return window.innerWidth")
    check_page(page(PARAGRAPHS), RULE)
    assert rules_browser.execute_script("return window.innerWidth") == wide > 320
