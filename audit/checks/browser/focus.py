"""Keyboard and focus: visible focus (2.4.7), focus not obscured (2.4.11), no keyboard trap
(2.1.2) and no mouse-only controls (2.1.1).

**How focus moves.** One real Tab key press first (Selenium's actions, so it works on any
WebDriver) puts the page in keyboard mode, so that Chromium gives script-focused elements
their ``:focus-visible`` styles, as for a keyboard user (an element that still does not match
``:focus-visible`` is not judged). Then one script focuses every tabbable element in tab
order with ``element.focus()``. Real Tab presses for every element would be
truer, but each costs a few milliseconds of input round trip (60 presses measured ~0.35 s):
the throughput budget allows ~100 ms for every browser rule together. Real Tab presses are
kept for confirming keyboard traps (below), where they matter.

**Visible focus: computed styles, not screenshots.** The unfocused look of every element and
its neighbours is read first, with nothing focused, in one pass; then each element is focused
and read again. What is compared is what is drawn (outline, borders, box shadow, background,
colour, text decoration, transform, opacity, and the ``::before``/``::after`` boxes) on the
element, its parent and grandparent, its siblings, its labels and its first descendants, and
its position and size. Transitions are switched off meanwhile, so a focus ring that fades in
is measured at its end. Any change
counts as an indicator: a custom box-shadow ring, a skip link appearing, a label styled by
``input:focus + label``. A cropped screenshot per element (``Page.captureScreenshot`` with a
clip) would catch indicators drawn by far-away elements but costs a round trip and an image
encode per element; comparing styles costs neither and runs in the same script. An element
that stays hidden while focused (clipped to nothing, transparent, or off the page even once
focus has scrolled it into view, as a carousel's slide is) is reported too.

**Not obscured.** Only on pages with fixed or sticky boxes: each element is focused again the
way Tab does (scrolled into view), and reported when five points across it are all painted by
one opaque fixed or sticky box that does not contain it.

**Keyboard traps.** Traps come from scripts: a keydown handler that stops Tab, or a blur or
focusout handler that pulls focus back (at once or in a timer). The focusing script notes the
candidates (a synthetic Tab keydown cancelled, focus bouncing back, focus moving while nothing
happens: the script waits ``SETTLE_MS`` for timers, unless the listener registry saw no focus
listener at all); each candidate, and only those, is then checked with real Tab presses, a
short pause after each so that the page's timers run as they would for a person. Focus that
stays on one element, or goes round at most three elements, while the page has others to
reach, is a trap, unless it is inside an open modal dialog (which may keep focus: WCAG allows
it with a standard way out).

**Mouse-only controls.** Click handlers are found from ``onclick``-style attributes and
properties and from an ``addEventListener`` registry (``js/listeners.js``) registered for every
new document over CDP by :func:`audit.checks.browser.prepare_browser`. That was preferred to
``DOMDebugger.getEventListeners``, which needs a DevTools round trip per element. A handler
alone is not enough (delegation, backdrops): the element must look like a control (a pointer
cursor, a control role or a link without ``href``), have something to click on, and not be
reachable another way (a focusable ancestor or descendant, ``aria-activedescendant``).
"""

from __future__ import annotations

import time
from typing import Any

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from audit.checks.browser.base import Context, helpers, issues, script
from audit.checks.browser.rules import (
    FOCUS_NOT_OBSCURED,
    FOCUS_VISIBLE,
    KEYBOARD_ACCESS,
    KEYBOARD_TRAP,
)
from audit.checks.issues import Issue

RULES = (FOCUS_VISIBLE.id, FOCUS_NOT_OBSCURED.id, KEYBOARD_TRAP.id, KEYBOARD_ACCESS.id)

#: Milliseconds the focusing script waits for timers that pull focus back.
SETTLE_MS = 10

#: Seconds between the Tab presses that check a trap candidate.
PRESS_PAUSE = 0.02

_RESTORE_STATE = """
const state = arguments[0];
const active = document.activeElement;
if (active && active !== document.body && active.blur) active.blur();
if (state.active && state.active.isConnected && state.active.focus) {
  state.active.focus({preventScroll: true});
}
window.scrollTo(state.x, state.y);
"""

_START_TABS = """
const el = arguments[0];
const log = [];
const listener = () => log.push(document.activeElement);
window.addEventListener("keyup", listener, true);
Object.defineProperty(window, Symbol.for("clearway.tabLog"), {
  value: {log, listener}, configurable: true});
el.focus();
return document.activeElement === el;
"""

_END_TABS = """
const el = arguments[0];
const tabbable = arguments[1];
const key = Symbol.for("clearway.tabLog");
const state = window[key];
if (!state) return null;
window.removeEventListener("keyup", state.listener, true);
delete window[key];
const log = state.log.length ? state.log : [document.activeElement];
const seen = new Set([el, ...log]);
const escaped = log.some((node) => !node || node === document.body || !node.isConnected);
return {
  trapped: !escaped && seen.size <= 3 && tabbable > seen.size + 1,
  presses: state.log.length,
  seen: [...seen].map((node) => CW.label(node)),
};
"""


def check(context: Context) -> list[Issue]:
    wanted = {rule: context.enabled(rule) for rule in RULES}
    focus_rules = wanted[FOCUS_VISIBLE.id] or wanted[FOCUS_NOT_OBSCURED.id]
    if not (focus_rules or wanted[KEYBOARD_TRAP.id] or wanted[KEYBOARD_ACCESS.id]):
        return []
    driver = context.driver
    access = context.options(KEYBOARD_ACCESS.id)
    # One round trip: the mouse-only controls, and the focus and scrolling to put back.
    clickables, state = context.run_many(
        [
            ("clickables", [int(access["max_issues"]) if wanted[KEYBOARD_ACCESS.id] else 0]),
            ("state", []),
        ]
    )
    found = issues(KEYBOARD_ACCESS.id, clickables) if wanted[KEYBOARD_ACCESS.id] else []
    if not (focus_rules or wanted[KEYBOARD_TRAP.id]):
        return found

    restored = False
    try:
        # Keyboard mode: one real Tab, as a keyboard user's first key. Script focus alone gets
        # :focus-visible on a fresh browser, but not after the browser's last focus was one
        # without it (on an earlier page, say).
        press_tab(context)
        visible = context.options(FOCUS_VISIBLE.id)
        obscured = context.options(FOCUS_NOT_OBSCURED.id)
        result: dict[str, Any] = driver.execute_async_script(
            script("focus"),
            {
                "visible": wanted[FOCUS_VISIBLE.id],
                "obscured": wanted[FOCUS_NOT_OBSCURED.id],
                "traps": wanted[KEYBOARD_TRAP.id],
                "maxElements": int(visible["max_elements"]),
                "maxIssues": int(visible["max_issues"]),
                "maxObscured": int(obscured["max_issues"]),
                "settle": SETTLE_MS,
                "restore": state,
            },
        )
        restored = True  # the script put focus and scrolling back
        found += issues(FOCUS_VISIBLE.id, result.get("problems") or ())
        found += issues(FOCUS_NOT_OBSCURED.id, result.get("obscured") or ())
        candidates = result.get("candidates") or []
        if wanted[KEYBOARD_TRAP.id] and candidates:
            restored = False  # real Tab presses move focus and may scroll
            found += _traps(context, candidates, int(result["tabbable"]))
    finally:
        if not restored:
            driver.execute_script(_RESTORE_STATE, state)
    return found


def press_tab(context: Context) -> None:
    """One real Tab key press: through DevTools when it can (a third of the time of a WebDriver
    actions call), else through WebDriver actions."""
    if context.cdp:
        for kind in ("rawKeyDown", "keyUp"):
            context.cdp_command(
                "Input.dispatchKeyEvent",
                {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
            )
    else:
        ActionChains(context.driver).send_keys(Keys.TAB).perform()


def _traps(context: Context, candidates: list[dict[str, Any]], tabbable: int) -> list[Issue]:
    """The candidates that really keep focus when Tab is pressed."""
    options = context.options(KEYBOARD_TRAP.id)
    presses = int(options["tabs"])
    driver = context.driver
    reports = []
    for candidate in candidates[: int(options["max_candidates"])]:
        element = candidate["element"]
        if not driver.execute_script(_with_helpers(_START_TABS), element):
            driver.execute_script(_with_helpers(_END_TABS), element, tabbable)
            continue
        # A pause after each press, as a person leaves: a handler that pulls focus back in a
        # timer gets to run before the next press. (A pause inside one actions chain is not
        # reliably long enough for the page's timers.)
        for _ in range(presses):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            time.sleep(PRESS_PAUSE)
        verdict = driver.execute_script(_with_helpers(_END_TABS), element, tabbable)
        if verdict and verdict["trapped"]:
            places = verdict["seen"]
            where = (
                f"focus stayed on {places[0]}"
                if len(places) == 1
                else "focus only went round " + ", ".join(places)
            )
            reports.append(
                {
                    **candidate,
                    "message": (
                        f"Keyboard trap: after focus reached {places[0]}, pressing Tab "
                        f"{presses} times never left it ({where}); the page has {tabbable} "
                        "elements to reach."
                    ),
                }
            )
    return issues(KEYBOARD_TRAP.id, reports)


def _with_helpers(body: str) -> str:
    return helpers() + "\n" + body
