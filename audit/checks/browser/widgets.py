"""Keyboard barriers axe-core and IBM Equal Access rarely see, because finding them needs keys
pressed and the mouse moved: focus order against the layout (2.4.3), sub-menus only the mouse
opens (2.1.1), show/hide controls that ignore Enter and Space (2.1.1), content only hovering
reveals (2.1.1, 1.4.13) and dialogs (2.4.3, 2.1.2, in :mod:`.dialogs`).

**Cheap first.** One round trip reads the layout for the focus order (``js/order.js``: the tab
order the focus group walks, from the same ``CW.tabbable``; nothing is focused, so there is no
second walk), finds the widgets (``js/widgets.js``) and installs the steps that try them
(``js/probe.js``), each then a one-line script. A page without hidden sub-menus,
``aria-expanded`` controls, dialogs with a control that opens them, or hover reveals costs
that one round trip. Widgets of one kind (the ten sections of an accordion, the items of a
menu) are tried once, and each rule tries a few at most (its ``max_...`` option). Each way of
opening a widget is first tried without waiting; only before a finding is reported are the
ways tried again with :data:`REACT_MS` to react (a sub-menu that fades in, a script that
waits a tick), so accessible widgets cost no waiting.

**Sub-menus.** A list of links inside an item of a navigation list, hidden now, that the mouse
shows (the mouse is moved over the item, then off the page). It passes if its links become
reachable when focus reaches the item (``:focus-within``, a focus handler), when Enter or
Space is pressed on a button in the item, or ArrowDown on a menu item that says it has a
pop-up; otherwise it is a violation. Its buttons are not tried again as show/hide controls.

**Show/hide controls.** A focusable ``aria-expanded`` control that does not change (its
``aria-expanded``, or whether what ``aria-controls`` names is shown) with Enter, nor with Space,
is a violation only if a click changes it: then the keyboard is what fails. Each change is put
back (a click, or the key again). One that cannot get focus is reported too, unless
``clearway-keyboard-access`` already reports it (it reacts to clicks): as a violation when it
reacts to clicks, else as needs-review.

**Hover content.** Elements with mouse-over handlers, or that style rules such as
``.help:hover .tip { display: block }`` name: the mouse is moved over each and the text that
appears near it (or that the page adds) is noted; then, with the mouse gone, the element (or
the first thing in it that takes focus) is focused. Text that does not appear on focus, or an
element that cannot take focus, is reported as needs-review: the content may be reachable
another way, which only a person can tell.

Hovering needs DevTools (the mouse is moved off the page afterwards, so nothing stays hovered
for the next page): without CDP the sub-menu and hover rules do not run. While the widgets are
tried, a guard in the page stops links and submit buttons from leaving the page (their click's
default action is prevented; the page's handlers still run). At the end focus, scrolling and
the mouse are put back, and the guard removed.
"""

from __future__ import annotations

from typing import Any

from audit.checks.browser import dialogs
from audit.checks.browser.base import Context, issue, issues
from audit.checks.browser.interaction import Hands
from audit.checks.browser.rules import (
    DIALOG_FOCUS,
    DISCLOSURE_KEYBOARD,
    FOCUS_ORDER,
    HOVER_CONTENT,
    KEYBOARD_ACCESS,
    MENU_KEYBOARD,
)
from audit.checks.issues import Issue
from audit.core.enums import Outcome

RULES = (
    FOCUS_ORDER.id,
    MENU_KEYBOARD.id,
    DISCLOSURE_KEYBOARD.id,
    HOVER_CONTENT.id,
    DIALOG_FOCUS.id,
)

#: Milliseconds to wait for a widget to react (a transition, a timer) when it has not at once.
REACT_MS = 150


def check(context: Context) -> list[Issue]:
    wanted = {rule: context.enabled(rule) for rule in RULES}
    if not any(wanted.values()):
        return []
    order = context.options(FOCUS_ORDER.id)
    hover = wanted[HOVER_CONTENT.id] and context.cdp
    discovery = {
        "menus": wanted[MENU_KEYBOARD.id] and context.cdp,
        "maxMenus": int(context.options(MENU_KEYBOARD.id)["max_menus"]),
        "controls": wanted[DISCLOSURE_KEYBOARD.id],
        "maxControls": int(context.options(DISCLOSURE_KEYBOARD.id)["max_controls"]),
        "accessCovers": context.enabled(KEYBOARD_ACCESS.id),
        "dialogs": wanted[DIALOG_FOCUS.id],
        "maxDialogs": int(context.options(DIALOG_FOCUS.id)["max_dialogs"]),
        "hovers": hover,
        "maxHovers": int(context.options(HOVER_CONTENT.id)["max_candidates"]),
    }
    # The widgets found, and the steps to try them installed, in the same round trip.
    calls: list[tuple[str, list[Any]]] = [("widgets", [discovery]), ("probe", [])]
    if wanted[FOCUS_ORDER.id]:
        options = {"minJump": float(order["min_jump"]), "maxIssues": int(order["max_issues"])}
        calls.insert(0, ("order", [options]))
    answers = context.run_many(calls)
    found: list[Issue] = []
    if wanted[FOCUS_ORDER.id]:
        found += issues(FOCUS_ORDER.id, answers[0])
    widgets: dict[str, Any] = answers[-2]
    found += issues(DISCLOSURE_KEYBOARD.id, widgets["unfocusable"])
    if not (widgets["menus"] or widgets["controls"] or widgets["dialogs"] or widgets["hovers"]):
        return found  # nothing to try: the script left the page alone

    hands = Hands(context)
    try:
        found += _menus(hands, widgets["menus"])
        found += _controls(hands, int(widgets["controls"]))
        found += _hovers(hands, int(widgets["hovers"]))
        wait_ms = int(context.options(DIALOG_FOCUS.id)["wait_ms"])
        found += dialogs.check(hands, int(widgets["dialogs"]), wait_ms)
    finally:
        hands.leave()
        hands.ask("finish")
    return found


def _menus(hands: Hands, menus: list[dict[str, Any]]) -> list[Issue]:
    found = []
    for index, menu in enumerate(menus):
        hands.hover(hands.ask("menuPoint", index))
        shown_by_mouse = hands.ask("menuOpen", index, REACT_MS)
        hands.leave()
        # Judged only when the mouse opens it and leaving closes it again.
        if not shown_by_mouse or not hands.ask("menuClosed", index, REACT_MS * 2):
            continue
        if not _menu_opens_by_keyboard(hands, index, menu):
            report = hands.ask("menuReport", index)
            report["message"] = (
                f"The sub-menu under {report['parent']} opens when the mouse moves over it, but "
                "its links never get keyboard focus: focus on the menu item does not show "
                "them, and no button opens them with Enter or Space."
            )
            found.append(issue(MENU_KEYBOARD.id, report))
        hands.ask("blur")
    return found


def _menu_opens_by_keyboard(hands: Hands, index: int, menu: dict[str, Any]) -> bool:
    """Whether a keyboard user can open sub-menu ``index``: each way is tried once without
    waiting, then, before a violation is reported, again with :data:`REACT_MS` to react (a
    sub-menu that fades in, a script that waits a tick)."""
    return any(_menu_try(hands, index, menu, wait) for wait in (0, REACT_MS))


def _menu_try(hands: Hands, index: int, menu: dict[str, Any], wait: int) -> bool:
    if hands.ask("menuFocusOpens", index, wait):
        return True
    tries: list[tuple[str, int | None]] = [
        (key, toggle)
        for toggle in range(min(int(menu["toggles"]), 2))
        for key in ("Enter", "Space")
    ]
    if menu["arrows"]:
        tries.append(("ArrowDown", None))
    for key, toggle in tries:
        focused = (
            hands.ask("menuFocus", index)
            if toggle is None
            else hands.ask("menuToggle", index, 0, toggle)
        )
        if not focused:
            continue
        hands.press(key)
        if hands.ask("menuOpen", index, wait):
            # Close it again: the same key on a toggle, Escape in a menu.
            hands.press(key if toggle is not None else "Escape")
            if not hands.ask("menuClosed", index, REACT_MS):
                hands.press("Escape")
            return True
    return False


def _controls(hands: Hands, count: int) -> list[Issue]:
    found = []
    for index in range(count):
        if hands.ask("controlJudged", index):
            continue
        if any(_control_works(hands, index, wait) for wait in (0, REACT_MS)):
            hands.ask("blur")
            continue
        hands.ask("controlClick", index)
        if not hands.ask("controlDiffers", index, REACT_MS):
            hands.ask("blur")
            continue  # a click changes nothing either: nothing to tell about the keyboard
        hands.ask("controlClick", index)  # put it back
        report = hands.ask("controlReport", index)
        report["message"] = (
            f"{report['label']} shows and hides content when clicked, but pressing Enter or "
            "Space on it does nothing, so keyboard users cannot open it."
        )
        found.append(issue(DISCLOSURE_KEYBOARD.id, report))
        hands.ask("blur")
    return found


def _control_works(hands: Hands, index: int, wait: int) -> bool:
    """Whether Enter or Space changes control ``index``; the change is put back at once (a
    click in the same round trip, or the key again)."""
    for key in ("Enter", "Space"):
        if not hands.ask("controlStart", index):
            return False
        hands.press(key)
        changed = hands.ask("controlChanged", index, wait)
        if changed == "changed" and hands.ask("controlFocus", index):
            hands.press(key)
        if changed:
            return True
    return False


def _hovers(hands: Hands, count: int) -> list[Issue]:
    found = []
    for index in range(count):
        hands.hover(hands.ask("hoverPoint", index))
        text = hands.ask("hoverRevealed", index, REACT_MS)
        hands.leave()
        if not text or not hands.ask("hoverGone", index, REACT_MS * 2):
            continue  # nothing appears, or it stays: nothing that only hovering shows
        focused = hands.ask("hoverFocus", index)
        if focused and hands.ask("hoverRevealed", index, REACT_MS):
            hands.ask("blur")
            continue
        hands.ask("blur")
        report = hands.ask("hoverReport", index)
        shown = f'"{text}"'
        report["message"] = (
            f"Moving the mouse over {report['label']} shows {shown}, but "
            + (
                "that does not appear when it has keyboard focus."
                if focused
                else "it cannot get keyboard focus, so keyboard users cannot show it."
            )
            + " Check whether keyboard users can reach this content another way."
        )
        found.append(issue(HOVER_CONTENT.id, report, Outcome.NEEDS_REVIEW))
    return found
