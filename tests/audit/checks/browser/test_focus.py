"""clearway-focus-visible (2.4.7), clearway-focus-not-obscured (2.4.11),
clearway-keyboard-trap (2.1.2) and clearway-keyboard-access (2.1.1)."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

VISIBLE = ("clearway-focus-visible",)
OBSCURED = ("clearway-focus-not-obscured",)
TRAP = ("clearway-keyboard-trap",)
ACCESS = ("clearway-keyboard-access",)
KEYBOARD = VISIBLE + OBSCURED + TRAP + ACCESS

SKIP_LINK_CSS = """<style>
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fd0; color: #000; }
.ring:focus { outline: none; box-shadow: 0 0 0 3px #fd0, 0 0 0 5px #000; }
.choice input { position: absolute; opacity: 0; }
.choice input:focus + label::before { box-shadow: 0 0 0 3px #fd0; }
.choice label::before { content: ""; display: inline-block; width: 1em; height: 1em;
                        border: 2px solid #000; }
</style>"""


def test_default_and_custom_focus_indicators_pass(check_page: CheckPage) -> None:
    html = page(
        "<a class='skip' href='#main'>Skip to main content</a>"
        "<header><a href='/'>Anytown Council</a></header>"
        "<main id='main' tabindex='-1'><h1>Bins</h1>"
        "<p><a href='/bins/missed'>Report a missed bin</a></p>"
        "<p><a class='ring' href='/bins/garden'>Garden waste</a></p>"
        "<div class='choice'><input type='checkbox' id='c1'><label for='c1'>Email me</label></div>"
        "<form><label for='q'>Search</label><input id='q' name='q'>"
        "<button class='ring'>Search</button></form>"
        "<details><summary>More help</summary><a href='/help'>Help</a></details></main>",
        head=SKIP_LINK_CSS,
    )
    assert check_page(html, KEYBOARD) == []


def test_removed_outline_without_replacement_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1><p><a href='/bins/missed'>Report a missed bin</a></p>"
        "<p><a href='/bins/garden' class='bare'>Garden waste</a></p></main>",
        head="<style>a.bare:focus { outline: none; }</style>",
    )
    found = check_page(html, VISIBLE)
    assert [issue.selector for issue in found] == ['a[href="/bins/garden"]']
    assert "no visible focus indicator" in found[0].message


def test_a_focusable_element_that_stays_hidden_fails(check_page: CheckPage) -> None:
    html = page(
        "<a class='skip' href='#main'>Skip to main content</a>"
        "<main id='main'><h1>Bins</h1><p><a href='/bins'>Bins</a></p></main>",
        head="<style>.skip { position: absolute; left: -9999px; }</style>",
    )
    found = check_page(html, VISIBLE)
    assert [issue.selector for issue in found] == ['a[href="#main"]']
    assert "cannot be seen" in found[0].message


COOKIE_BANNER = (
    "<div id='cookies' style='position: fixed; bottom: 0; left: 0; right: 0; height: 160px; "
    "background: #fff; border-top: 2px solid #000'>We use cookies.</div>"
)


def test_focus_hidden_behind_a_fixed_banner_fails(check_page: CheckPage) -> None:
    html = page(
        f"<main><h1>Bins</h1><p style='height: 1400px'>Long text.</p></main>"
        "<footer><a href='/accessibility'>Accessibility statement</a></footer>"
        f"{COOKIE_BANNER}"
    )
    found = check_page(html, OBSCURED)
    assert [issue.selector for issue in found] == ['a[href="/accessibility"]']
    assert "completely hidden behind" in found[0].message


def test_a_sticky_header_that_focus_scrolls_clear_of_passes(check_page: CheckPage) -> None:
    links = "".join(f"<p><a href='/page-{n}'>Page {n}</a></p>" for n in range(40))
    html = page(
        "<header style='position: sticky; top: 0; height: 80px; background: #fff'>"
        "<a href='/'>Anytown Council</a></header>"
        f"<main><h1>A to Z</h1>{links}</main>",
        head="<style>html { scroll-padding-top: 90px; }</style>",
    )
    assert check_page(html, OBSCURED) == []


def test_a_tab_key_trap_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Map</h1><p><a href='/before'>Before</a></p>"
        "<div id='map' tabindex='0' style='width: 200px; height: 100px; background: #eee'>Map</div>"
        "<p><a href='/after'>After</a></p><p><a href='/more'>More</a></p></main>"
        "<script>document.getElementById('map').addEventListener('keydown', (event) => {"
        " if (event.key === 'Tab') event.preventDefault(); });</script>"
    )
    found = check_page(html, TRAP)
    assert [issue.selector for issue in found] == ["#map"]
    assert "Keyboard trap" in found[0].message


def test_a_blur_handler_that_pulls_focus_back_fails(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Form</h1><form><label for='postcode'>Postcode</label>"
        "<input id='postcode' name='postcode'><button>Find</button></form>"
        "<p><a href='/a'>A</a></p><p><a href='/b'>B</a></p></main>"
        "<script>const input = document.getElementById('postcode');"
        "input.addEventListener('blur', () => setTimeout(() => input.focus(), 0));</script>"
    )
    found = check_page(html, TRAP)
    assert [issue.selector for issue in found] == ["#postcode"]


def test_an_open_modal_dialog_may_keep_focus(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1><p><a href='/a'>A</a></p><p><a href='/b'>B</a></p></main>"
        "<div role='dialog' aria-modal='true' aria-labelledby='t' id='dialog'>"
        "<h2 id='t'>Are you sure?</h2><button id='yes'>Yes</button><button id='no'>No</button>"
        "</div><script>const d = document.getElementById('dialog');"
        "d.addEventListener('keydown', (event) => { if (event.key !== 'Tab') return;"
        " event.preventDefault(); const b = document.activeElement.id === 'yes' ? 'no' : 'yes';"
        " document.getElementById(b).focus(); });</script>"
    )
    assert check_page(html, TRAP) == []


def test_controls_keyboard_users_cannot_reach_fail(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1>"
        "<div class='fake-button' onclick='go()' style='cursor: pointer'>Report a missed bin</div>"
        "<span id='listener' style='cursor: pointer; display: inline-block'>Show more</span>"
        "<div role='button' id='role-only'>Close</div>"
        "<a id='no-href' onclick='go()'>Garden waste</a></main>"
        "<script>function go() {}"
        "document.getElementById('listener').addEventListener('click', go);</script>"
    )
    found = check_page(html, ACCESS)
    assert sorted(issue.selector for issue in found) == [
        "#listener",
        "#no-href",
        "#role-only",
        "div.fake-button",
    ]


def test_clickable_wrappers_with_a_real_control_pass(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>News</h1>"
        "<div class='card' style='cursor: pointer'><h2><a href='/news/1'>Bins late</a></h2>"
        "<p>Collections are late.</p></div>"
        "<button><span class='icon' style='cursor: pointer'>Menu</span></button>"
        "<ul id='list'><li>One</li><li>Two</li></ul>"
        "<div class='backdrop' style='cursor: pointer; width: 50px; height: 50px'></div></main>"
        "<script>for (const el of document.querySelectorAll('.card, .icon, #list, .backdrop'))"
        " el.addEventListener('click', () => {});</script>"
    )
    assert check_page(html, ACCESS) == []


def test_focus_and_scrolling_are_put_back(check_page: CheckPage, rules_browser: WebDriver) -> None:
    links = "".join(f"<p><a href='/page-{n}'>Page {n}</a></p>" for n in range(60))
    html = page(
        "<header style='position: fixed; top: 0; height: 40px; background: #fff; width: 100%'>"
        f"Council</header><main style='margin-top: 50px'><h1>A to Z</h1>{links}</main>"
    )
    check_page(html)
    state = rules_browser.execute_script(
        "return [document.activeElement === document.body, window.scrollY]"
    )
    assert state == [True, 0]


def test_a_focus_style_that_fades_in_passes(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>Bins</h1><p><a class='btn' href='/bins'>Bins</a></p>"
        "<p><input class='field' aria-label='Postcode'></p></main>",
        head="<style>.btn, .field { transition: box-shadow 0.3s, border-color 0.3s;"
        " border: 1px solid #999; }"
        ".btn:focus, .field:focus { outline: 0; box-shadow: 0 0 0 4px #fd0; }</style>",
    )
    assert check_page(html, VISIBLE) == []


def test_a_carousel_slide_that_focus_scrolls_into_view_passes(check_page: CheckPage) -> None:
    slides = "".join(
        f"<li style='flex: 0 0 300px'><a href='/news/{n}'>Story {n}</a></li>" for n in range(4)
    )
    html = page(
        "<main><h1>News</h1><ul class='track' style='display: flex; overflow: hidden; "
        f"width: 300px; margin: 0; padding: 0; list-style: none'>{slides}</ul></main>"
        "<script>document.querySelector('.track').scrollLeft = 900;</script>"
    )
    assert check_page(html, VISIBLE) == []
