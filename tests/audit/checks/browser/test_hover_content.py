"""clearway-hover-content (WCAG 2.1.1, 1.4.13): content that only the mouse reveals. Hovering can
only suggest a barrier, so every finding is needs-review."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.enums import Outcome

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

HOVER = ("clearway-hover-content",)

TIP_CSS = """<style>
.tip { display: none; position: absolute; background: #0b0c0c; color: #fff; padding: 4px; }
.help { position: relative; }
.help:hover .tip REVEAL { display: block; }
</style>"""

# A WordPress council theme's form field with a help icon.
WP_FIELD = (
    "<main><h1>Report a pothole</h1><form class='wpcf7-form'><label for='road'>Road</label>"
    "<input id='road' name='road'> HELP</form></main>"
)


def test_a_css_tooltip_on_an_element_without_focus_needs_review(check_page: CheckPage) -> None:
    html = page(
        WP_FIELD.replace(
            "HELP", "<span class='help'>?<span class='tip'>The road's name or number</span></span>"
        ),
        head=TIP_CSS.replace(" REVEAL", ""),
    )
    found = check_page(html, HOVER)
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ("span.help", Outcome.NEEDS_REVIEW)
    ]
    assert "The road's name or number" in found[0].message
    assert "cannot get keyboard focus" in found[0].message


def test_a_css_tooltip_shown_on_focus_too_passes(check_page: CheckPage) -> None:
    html = page(
        WP_FIELD.replace(
            "HELP",
            "<button type='button' class='help' aria-describedby='t1'>?"
            "<span class='tip' id='t1' role='tooltip'>The road's name or number</span></button>",
        ),
        head=TIP_CSS.replace(" REVEAL", ", .help:focus .tip"),
    )
    assert check_page(html, HOVER) == []


SCRIPT_TIP = """<main><h1>Bin days</h1>
<p>Your bin day is <button type='button' class='info'>Tuesday</button>.</p></main>
<script>
const info = document.querySelector('.info');
let tip = null;
info.addEventListener('mouseenter', () => {
  tip = document.createElement('div');
  tip.className = 'js-tooltip';
  tip.textContent = 'Put your bin out by 7am';
  document.body.append(tip);
});
info.addEventListener('mouseleave', () => { tip && tip.remove(); tip = null; });
FOCUS
</script>"""


def test_a_script_tooltip_the_mouse_alone_shows_needs_review(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    # LocalGov Drupal style: a script adds the tooltip to the page on mouseenter.
    found = check_page(page(SCRIPT_TIP.replace("FOCUS", "")), HOVER)
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ('button[type="button"]', Outcome.NEEDS_REVIEW)
    ]
    assert "does not appear when it has keyboard focus" in found[0].message
    # The mouse left the page: no tooltip stays behind.
    assert (
        rules_browser.execute_script("return document.querySelectorAll('.js-tooltip').length") == 0
    )


def test_a_script_tooltip_that_focus_shows_too_passes(check_page: CheckPage) -> None:
    focus = (
        "info.addEventListener('focus', () => info.dispatchEvent(new Event('mouseenter')));"
        "info.addEventListener('blur', () => info.dispatchEvent(new Event('mouseleave')));"
    )
    assert check_page(page(SCRIPT_TIP.replace("FOCUS", focus)), HOVER) == []


def test_hover_effects_that_reveal_no_text_pass(check_page: CheckPage) -> None:
    # GOV.UK-style cards: hovering underlines the link and shows an arrow icon.
    html = page(
        "<main><h1>Services</h1><div class='card'><h2><a href='/bins'>Bins</a></h2>"
        "<span class='arrow' aria-hidden='true'></span></div></main>",
        head="<style>.arrow { display: none; width: 10px; height: 10px; background: #000; }"
        ".card:hover .arrow { display: inline-block; } .card:hover a { text-decoration: none; }"
        "</style>",
    )
    assert check_page(html, HOVER) == []
