"""clearway-menu-keyboard and clearway-disclosure-keyboard (WCAG 2.1.1): sub-menus only the mouse
opens, and show/hide controls that ignore Enter and Space."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.enums import Outcome

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

MENU = ("clearway-menu-keyboard",)
DISCLOSURE = ("clearway-disclosure-keyboard",)
ACCESS = ("clearway-keyboard-access",)

# A WordPress (Underscores-style) council theme's primary menu.
WP_MENU = """<nav id='site-navigation' class='main-navigation' aria-label='Primary'>
<ul id='primary-menu' class='menu'>
  <li class='menu-item'><a href='/'>Home</a></li>
  <li class='menu-item menu-item-has-children'><a href='/services/'>Services</a>
    <ul class='sub-menu'><li class='menu-item'><a href='/services/bins/'>Bins</a></li>
    <li class='menu-item'><a href='/services/tax/'>Council tax</a></li></ul></li>
  <li class='menu-item'><a href='/contact/'>Contact</a></li>
</ul></nav><main><h1>Services</h1><p>Find a service.</p></main>"""

WP_CSS = """<style>
.main-navigation ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1rem; }
.main-navigation li { position: relative; }
.main-navigation ul ul { display: none; position: absolute; top: 100%; left: 0;
  background: #fff; flex-direction: column; }
.main-navigation li:hover > ul EXTRA { display: flex; }
</style>"""


def test_a_sub_menu_that_only_hover_opens_fails(check_page: CheckPage) -> None:
    found = check_page(page(WP_MENU, head=WP_CSS.replace(" EXTRA", "")), MENU)
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ("ul.sub-menu", Outcome.VIOLATION)
    ]
    assert '<a> "Services"' in found[0].message


def test_a_sub_menu_that_focus_within_opens_passes(check_page: CheckPage) -> None:
    html = page(WP_MENU, head=WP_CSS.replace(" EXTRA", ", .main-navigation li:focus-within > ul"))
    assert check_page(html, MENU + DISCLOSURE) == []


# LocalGov Drupal's header: a button beside each item opens its sub-menu.
LGD_MENU = """<header class='lgd-header'><nav class='lgd-header__nav' aria-label='Main'>
<ul class='lgd-header__nav-list'>
  <li class='lgd-header__nav-item'><a href='/services'>Services</a>
    <TOGGLE
    <ul class='lgd-header__nav lgd-header__nav--secondary' id='sub-services'>
      <li><a href='/services/bins'>Bins</a></li><li><a href='/services/parking'>Parking</a></li>
    </ul></li>
</ul></nav></header><main><h1>Anytown</h1></main>
<script>
const toggle = document.querySelector('.lgd-header__toggle');
toggle.addEventListener('click', () => {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  document.getElementById('sub-services').classList.toggle('is-open', open);
});
</script>"""

LGD_CSS = """<style>
.lgd-header__nav-item { position: relative; }
.lgd-header__nav--secondary { display: none; }
.lgd-header__nav-item:hover > .lgd-header__nav--secondary,
.lgd-header__nav--secondary.is-open { display: block; }
</style>"""

BUTTON = (
    "<button class='lgd-header__toggle' aria-expanded='false' aria-controls='sub-services'>"
    "<span class='visually-hidden'>Show Services menu</span>+</button>"
)
FAKE_BUTTON = (
    "<span class='lgd-header__toggle' role='button' tabindex='0' aria-expanded='false' "
    "aria-controls='sub-services'>+</span>"
)


def test_a_sub_menu_with_a_toggle_button_passes(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    html = page(LGD_MENU.replace("<TOGGLE", BUTTON), head=LGD_CSS)
    assert check_page(html, MENU + DISCLOSURE) == []
    # The toggle was pressed open and closed again.
    assert (
        rules_browser.execute_script(
            "return document.querySelector('.lgd-header__toggle').getAttribute('aria-expanded')"
        )
        == "false"
    )


def test_a_sub_menu_whose_toggle_ignores_keys_fails(check_page: CheckPage) -> None:
    html = page(LGD_MENU.replace("<TOGGLE", FAKE_BUTTON), head=LGD_CSS)
    found = check_page(html, MENU + DISCLOSURE)
    # One finding: the toggle in a menu is the menu rule's, not the disclosure rule's too.
    assert [(issue.rule, issue.selector) for issue in found] == [
        ("clearway-menu-keyboard", "#sub-services")
    ]


# GOV.UK Frontend: the header's menu button, an accordion and details.
GOVUK = """<header class='govuk-header'><a href='/' class='govuk-header__link'>Anytown</a>
<nav aria-label='Menu' class='govuk-header__navigation'>
<button type='button' class='govuk-header__menu-button' aria-controls='navigation'
  aria-expanded='false'>Menu</button>
<ul id='navigation' class='govuk-header__navigation-list' hidden>
  <li class='govuk-header__navigation-item'><a href='/bins'>Bins</a></li></ul></nav></header>
<main><h1>Council tax</h1>
<div class='govuk-accordion'>
  ACCORDION
</div>
<details class='govuk-details'><summary class='govuk-details__summary'>Help</summary>
<div class='govuk-details__text'>Call us.</div></details></main>
<script>
for (const button of document.querySelectorAll('[aria-controls]')) {
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    document.getElementById(button.getAttribute('aria-controls')).hidden = !open;
  });
}
</script>"""


def accordion(control: str) -> str:
    return "".join(
        "<div class='govuk-accordion__section'><h2 class='govuk-accordion__section-heading'>"
        + control.format(n=n)
        + f"</h2><div id='s{n}' class='govuk-accordion__section-content' hidden>"
        f"<p>Section {n}.</p></div></div>"
        for n in range(5)
    )


def test_govuk_menu_button_accordion_and_details_pass(check_page: CheckPage) -> None:
    html = page(
        GOVUK.replace(
            "ACCORDION",
            accordion(
                "<button type='button' class='govuk-accordion__section-button' "
                "aria-expanded='false' aria-controls='s{n}'>Section {n}</button>"
            ),
        )
    )
    assert check_page(html, MENU + DISCLOSURE) == []


def test_an_accordion_of_focusable_divs_without_keys_fails(check_page: CheckPage) -> None:
    html = page(
        GOVUK.replace(
            "ACCORDION",
            accordion(
                "<div class='accordion-title' role='button' tabindex='0' "
                "aria-expanded='false' aria-controls='s{n}'>Section {n}</div>"
            ),
        )
    )
    found = check_page(html, DISCLOSURE)
    # Five sections of one kind: tried once, reported once.
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ('div[aria-controls="s0"]', Outcome.VIOLATION)
    ]
    assert "Enter or Space" in found[0].message


def test_a_focusable_div_with_its_own_key_handler_passes(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>FAQ</h1><div class='faq-q' role='button' tabindex='0' aria-expanded='false'"
        " aria-controls='a1'>When are bins emptied?</div><div id='a1' hidden>Weekly.</div></main>"
        "<script>const q = document.querySelector('.faq-q');"
        "function flip() { const open = q.getAttribute('aria-expanded') !== 'true';"
        " q.setAttribute('aria-expanded', String(open));"
        " document.getElementById('a1').hidden = !open; }"
        "q.addEventListener('click', flip);"
        "q.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') {"
        " e.preventDefault(); flip(); } });</script>"
    )
    assert check_page(html, DISCLOSURE) == []


def test_controls_that_cannot_get_focus(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>FAQ</h1>"
        "<h3 class='faq' aria-expanded='false' aria-controls='a1' onclick='flip(this)'>Bins</h3>"
        "<div id='a1' hidden>Weekly.</div>"
        "<h3 class='delegated' aria-expanded='false' aria-controls='a2'>Tax</h3>"
        "<div id='a2' hidden>Monthly.</div></main>"
        "<style>h3 { cursor: pointer; }</style>"
        "<script>function flip(el) { el.setAttribute('aria-expanded', 'true'); }</script>"
    )
    found = check_page(html, DISCLOSURE + ACCESS)
    # The one with a click handler is clearway-keyboard-access's; the other may be a control.
    assert sorted((issue.rule, issue.selector, issue.outcome) for issue in found) == [
        ("clearway-disclosure-keyboard", 'h3[aria-controls="a2"]', Outcome.NEEDS_REVIEW),
        ("clearway-keyboard-access", 'h3[aria-controls="a1"]', Outcome.VIOLATION),
    ]


def test_a_sub_menu_the_mouse_cannot_open_leaves_its_toggle_to_the_disclosure_rule(
    check_page: CheckPage,
) -> None:
    # No :hover rule: the menu rule has nothing to compare; the toggle that ignores keys is
    # still found.
    css = LGD_CSS.replace(".lgd-header__nav-item:hover > .lgd-header__nav--secondary,", "")
    html = page(LGD_MENU.replace("<TOGGLE", FAKE_BUTTON), head=css)
    found = check_page(html, MENU + DISCLOSURE)
    assert [(issue.rule, issue.selector) for issue in found] == [
        ("clearway-disclosure-keyboard", 'span[aria-controls="sub-services"]')
    ]
