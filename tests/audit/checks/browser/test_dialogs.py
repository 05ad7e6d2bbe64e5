"""clearway-dialog-focus (WCAG 2.4.3, 2.1.2): dialogs opened from a control take focus, keep it
while modal and close on Escape; and the check leaves them closed."""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.enums import Outcome

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

DIALOG = ("clearway-dialog-focus",)
KEYBOARD = (*DIALOG, "clearway-keyboard-trap", "clearway-focus-visible", "clearway-focus-order")

AFTER = "<p><a href='/a'>A</a></p><p><a href='/b'>B</a></p>"

# GOV.UK Frontend's timeout warning pattern: a native <dialog> opened with showModal().
GOVUK_DIALOG = f"""<main><h1>Apply for a permit</h1>
<button type='button' class='govuk-button' aria-haspopup='dialog' id='open'>Save and exit</button>
{AFTER}</main>
<dialog class='govuk-timeout-warning' id='warning' aria-labelledby='dt'>
<h2 id='dt'>Do you want to leave?</h2>
<button type='button' class='govuk-button' id='stay'>Stay</button>
<a href='/exit' class='govuk-link'>Leave</a></dialog>
<script>
document.getElementById('open').addEventListener('click', () =>
  document.getElementById('warning').showModal());
document.getElementById('stay').addEventListener('click', () =>
  document.getElementById('warning').close());
</script>"""


def test_a_native_modal_dialog_passes(check_page: CheckPage, rules_browser: WebDriver) -> None:
    assert check_page(page(GOVUK_DIALOG), KEYBOARD) == []
    assert rules_browser.execute_script(
        "return [document.getElementById('warning').open, document.activeElement === document.body]"
    ) == [False, True]


# A LocalGov Drupal-style modal (a script like Micromodal): focus moved in, Tab kept inside,
# Escape closes and focus goes back to the control.
SCRIPTED = f"""<main><h1>Report a problem</h1>
<button type='button' class='lgd-button' data-micromodal-trigger='m1' id='open'>Map key</button>
{AFTER}</main>
<div class='modal' id='m1' role='dialog' aria-modal='true' aria-labelledby='mt' hidden>
<h2 id='mt'>Map key</h2><p>Red: reported.</p>
<button type='button' class='modal__close' aria-label='Close' id='close'>x</button>
<a href='/help'>Help</a></div>
<script>
const modal = document.getElementById('m1');
const opener = document.getElementById('open');
const inside = () => [...modal.querySelectorAll('button, a[href]')];
function close() {{ modal.hidden = true; opener.focus(); }}
opener.addEventListener('click', () => {{ modal.hidden = false; FOCUS }});
document.getElementById('close').addEventListener('click', close);
modal.addEventListener('keydown', (event) => {{
  if (event.key === 'Escape') {{ ESCAPE }}
  if (event.key !== 'Tab' || !TRAP) return;
  const items = inside();
  const at = items.indexOf(document.activeElement);
  event.preventDefault();
  items[(at + (event.shiftKey ? items.length - 1 : 1)) % items.length].focus();
}});
</script>"""


def scripted(focus: bool = True, trap: bool = True, escape: bool = True) -> str:
    return page(
        SCRIPTED.replace("FOCUS", "inside()[0].focus();" if focus else "")
        .replace("ESCAPE", "close();" if escape else "")
        .replace("TRAP", "true" if trap else "false")
    )


def test_a_scripted_modal_that_manages_focus_passes(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    assert check_page(scripted(), KEYBOARD) == []
    assert rules_browser.execute_script("return document.getElementById('m1').hidden") is True


def test_a_scripted_modal_that_manages_nothing_fails(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    found = check_page(scripted(focus=False, trap=False, escape=False), DIALOG)
    assert [(issue.selector, issue.outcome) for issue in found] == [("#m1", Outcome.VIOLATION)]
    message = found[0].message
    assert "does not move keyboard focus into itself" in message
    assert "Tab moves focus out of it" in message
    assert "does not close when Escape is pressed" in message
    # Closed again with its close button, and focus put back.
    assert rules_browser.execute_script(
        "return [document.getElementById('m1').hidden, document.activeElement === document.body]"
    ) == [True, True]


def test_each_missing_behaviour_is_reported_alone(check_page: CheckPage) -> None:
    for options, expected in [
        ({"focus": False}, "does not move keyboard focus into itself"),
        ({"trap": False}, "Tab moves focus out of it"),
        ({"escape": False}, "does not close when Escape is pressed"),
    ]:
        found = check_page(scripted(**options), DIALOG)
        assert [issue.message.count(";") for issue in found] == [0], options
        assert expected in found[0].message, options


def test_a_dialog_that_only_a_click_opens_fails(check_page: CheckPage) -> None:
    # A WordPress popup plugin: the "button" is a focusable div with a click handler only.
    html = page(
        "<main><h1>Events</h1><div class='pum-trigger' tabindex='0' role='button' "
        "aria-controls='popmake-1'>Sign up</div></main>"
        "<div id='popmake-1' class='pum-container' role='dialog' aria-modal='false' hidden>"
        "<p>Get our newsletter.</p><button class='pum-close'>Close</button></div>"
        "<script>const popup = document.getElementById('popmake-1');"
        "document.querySelector('.pum-trigger').addEventListener('click', () => {"
        " popup.hidden = false; popup.querySelector('button').focus(); });"
        "popup.addEventListener('keydown', (e) => {"
        " if (e.key === 'Escape') popup.hidden = true; });"
        "popup.querySelector('button').addEventListener('click', () => { popup.hidden = true; });"
        "</script>"
    )
    found = check_page(html, DIALOG)
    assert [issue.selector for issue in found] == ["#popmake-1"]
    assert "opens with a click but not with Enter" in found[0].message


def test_a_native_dialog_that_refuses_escape_fails_and_is_closed_after(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    html = page(
        GOVUK_DIALOG.replace(
            "</script>",
            "document.getElementById('warning').addEventListener('cancel', (event) =>"
            " event.preventDefault());</script>",
        )
    )
    found = check_page(html, DIALOG)
    assert [issue.selector for issue in found] == ["#warning"]
    assert found[0].message.endswith("does not close when Escape is pressed.")
    assert rules_browser.execute_script("return document.getElementById('warning').open") is False


def test_without_cdp_keys_go_through_webdriver_actions(
    check_page: CheckPage, rules_browser: WebDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weakref

    from selenium.common.exceptions import WebDriverException

    import audit.checks.browser.suite as browser_checks

    def refuse(command: str, parameters: dict[str, object]) -> None:
        raise WebDriverException(f"unknown command: {command}")

    monkeypatch.setattr(browser_checks, "_CDP", weakref.WeakKeyDictionary())
    monkeypatch.setattr(rules_browser, "execute_cdp_cmd", refuse)
    assert check_page(scripted(), DIALOG) == []
    found = check_page(scripted(escape=False), DIALOG)
    assert [issue.selector for issue in found] == ["#m1"]
    assert found[0].message.endswith("does not close when Escape is pressed.")


# A WordPress theme's dialog wired by script alone: no aria-controls, no id on the control; the
# button's words and class name are the only link to the dialog.
UNNAMED = """<main><h1>Bin collections</h1>
<p><button type='button' class='wp-element-button collection-open'>Check your collection day
</button></p><p><button type='button' class='print-page'>Print this page</button></p>
<p><a href='/a'>A</a></p></main>
<div class='collection-modal' role='dialog' aria-labelledby='ct' hidden>
<h2 id='ct'>Your collection day</h2><p><label for='pc'>Postcode</label><input id='pc'></p>
<button type='button' class='collection-close'>Close</button></div>
<script>
const modal = document.querySelector('.collection-modal');
document.querySelector('.print-page').addEventListener('click', () => {});
document.querySelector('.collection-open').addEventListener('click', () => {
  modal.hidden = false; FOCUS });
document.querySelector('.collection-close').addEventListener('click', () => {
  modal.hidden = true; });
modal.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') { modal.hidden = true; } });
</script>"""


def test_a_dialog_opened_by_a_script_alone_is_found_by_its_controls_words(
    check_page: CheckPage, rules_browser: WebDriver
) -> None:
    (found,) = check_page(page(UNNAMED.replace("FOCUS", "")), DIALOG)
    assert found.outcome == Outcome.VIOLATION
    assert "Check your collection day" in found.message and "focus" in found.message
    assert rules_browser.execute_script("return document.querySelector('.collection-modal').hidden")
    focused = UNNAMED.replace("FOCUS", "document.getElementById('pc').focus();")
    assert check_page(page(focused), DIALOG) == []
