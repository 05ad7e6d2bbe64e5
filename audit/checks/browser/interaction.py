"""Real keys and a real mouse for the keyboard rules that try widgets (:mod:`.widgets`,
:mod:`.dialogs`), and the one script (``js/probe.js``) they ask the page with.

Keys and mouse moves go through DevTools (``Input.dispatchKeyEvent`` and
``Input.dispatchMouseEvent``) when the browser takes CDP commands: a key there is one round trip
of about a millisecond, a third of a WebDriver actions call, and the mouse can be moved off the
page afterwards so that nothing stays hovered for the next page. Without CDP keys go through
WebDriver actions and the rules that need hovering (sub-menus, hover content) are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from audit.checks.browser.base import Context

#: One step of js/probe.js (installed in the page by the widgets group's first round trip).
_ASK = """
const state = window[Symbol.for("clearway.widgets")];
return state && state.run ? state.run(arguments[0], arguments[1], arguments[2]) : null;
"""

#: The same, asked again every 20 ms until its answer is truthy or the time is up.
_ASK_WAITING = """
const [step, index, sub, wait] = arguments;
const done = arguments[arguments.length - 1];
const state = window[Symbol.for("clearway.widgets")];
if (!state || !state.run) {
  done(null);
  return;
}
const started = performance.now();
const attempt = () => {
  const value = state.run(step, index, sub);
  if (value || performance.now() - started >= wait) done(value);
  else setTimeout(attempt, 20);
};
attempt();
"""

#: DevTools key events: (key, code, Windows virtual key code, text typed).
_KEYS: dict[str, tuple[str, str, int, str]] = {
    "Enter": ("Enter", "Enter", 13, "\r"),
    "Space": (" ", "Space", 32, " "),
    "Escape": ("Escape", "Escape", 27, ""),
    "Tab": ("Tab", "Tab", 9, ""),
    "ArrowDown": ("ArrowDown", "ArrowDown", 40, ""),
}

_SELENIUM_KEYS = {
    "Enter": Keys.ENTER,
    "Space": Keys.SPACE,
    "Escape": Keys.ESCAPE,
    "Tab": Keys.TAB,
    "ArrowDown": Keys.ARROW_DOWN,
}


@dataclass
class Hands:
    """Presses keys, moves the mouse and asks ``js/probe.js`` on the page in ``context``."""

    context: Context
    #: Whether the mouse was moved onto the page (and must be moved off it again).
    hovering: bool = False

    @property
    def can_hover(self) -> bool:
        return self.context.cdp

    def ask(self, step: str, index: int = 0, wait_ms: int = 0, sub: int = 0) -> Any:
        """A step of ``js/probe.js`` on widget ``index``; with ``wait_ms``, its answer as soon
        as the step's condition holds, or its last answer when the time is up."""
        driver = self.context.driver
        if wait_ms:
            return driver.execute_async_script(_ASK_WAITING, step, index, sub, wait_ms)
        return driver.execute_script(_ASK, step, index, sub)

    def press(self, name: str) -> None:
        """A real key press (down and up) on the focused element."""
        if not self.context.cdp:
            ActionChains(self.context.driver).send_keys(_SELENIUM_KEYS[name]).perform()
            return
        key, code, number, text = _KEYS[name]
        down = {"key": key, "code": code, "windowsVirtualKeyCode": number}
        if text:
            self.context.cdp_command(
                "Input.dispatchKeyEvent", {"type": "keyDown", **down, "text": text}
            )
        else:
            self.context.cdp_command("Input.dispatchKeyEvent", {"type": "rawKeyDown", **down})
        self.context.cdp_command("Input.dispatchKeyEvent", {"type": "keyUp", **down})

    def hover(self, point: dict[str, int]) -> None:
        """The mouse over ``point`` (viewport coordinates). CDP only."""
        self.hovering = True
        self.context.cdp_command(
            "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": point["x"], "y": point["y"]}
        )

    def leave(self) -> None:
        """The mouse off the page: nothing stays hovered."""
        if self.hovering:
            self.context.cdp_command(
                "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": -1, "y": -1}
            )
            self.hovering = False
