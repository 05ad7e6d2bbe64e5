"""Dialogs (WCAG 2.4.3, 2.1.2): a dialog the page opens from a control must take focus when it
opens, keep it while it is modal, and close on Escape.

The dialogs tried are the hidden ``<dialog>``, ``role=dialog``/``alertdialog`` and
``aria-modal`` elements that a visible control names (``aria-controls``, ``commandfor``,
Bootstrap's ``data-bs-target``, a ``#id`` link, and the attributes of common dialog scripts),
and whatever dialog appears for a control with ``aria-haspopup="dialog"`` (found by
``js/widgets.js``, at most ``max_dialogs``), and, for a hidden dialog no control names, the
control with a click handler whose words or class name match the dialog's (a script's own
wiring: "Check your collection day" opening "Your collection day"). Each is opened as a
keyboard user would: focus on the control and Enter. If Enter does nothing but a click opens
it, that is reported (the control works only with the mouse) and the click-opened dialog is
checked on. Then:

* focus must be inside the dialog, at once or within ``wait_ms`` (scripts that wait for an
  animation);
* a modal dialog (``:modal``, ``aria-modal="true"``) must keep focus through Tab presses, one
  more than it has elements to reach and at most :data:`MAX_TABS`. Focus going to the browser's
  own controls and back (what a native modal ``<dialog>`` does) is not leaving it;
* Escape must close it, within ``wait_ms``. When it does not, the dialog is closed the way a
  mouse user would (its close button; ``close()`` for a ``<dialog>``), so the page is put back.

Every problem of one dialog is one violation on the dialog, its message listing them.
"""

from __future__ import annotations

from audit.checks.browser.base import issue
from audit.checks.browser.interaction import Hands
from audit.checks.browser.rules import DIALOG_FOCUS
from audit.checks.issues import Issue

#: The most Tab presses a modal dialog is tried with.
MAX_TABS = 12


def check(hands: Hands, count: int, wait_ms: int) -> list[Issue]:
    found = []
    for index in range(count):
        problems = _try(hands, index, wait_ms)
        if problems:
            report = hands.ask("dialogReport", index)
            trigger = hands.ask("triggerReport", index)
            report["message"] = (
                f"The dialog {report['label']} that {trigger['label']} opens "
                + "; ".join(problems)
                + "."
            )
            found.append(issue(DIALOG_FOCUS.id, report))
        hands.ask("blur")
    return found


def _try(hands: Hands, index: int, wait_ms: int) -> list[str]:
    """What is wrong with dialog ``index`` (opened, tried and closed again)."""
    problems = []
    by_keyboard = bool(hands.ask("triggerFocus", index))
    if by_keyboard:
        hands.press("Enter")
    opened = hands.ask("dialogOpen", index, wait_ms) if by_keyboard else None
    if not opened:
        hands.ask("triggerClick", index)
        opened = hands.ask("dialogOpen", index, wait_ms)
        if not opened:
            return []  # the control opens nothing we can see: nothing to judge
        if by_keyboard:
            problems.append("opens with a click but not with Enter")
    if not (opened["focused"] or hands.ask("dialogFocused", index, wait_ms)):
        problems.append("does not move keyboard focus into itself when it opens")
    reachable = int(hands.ask("dialogEnter", index))
    if opened["modal"]:
        for _ in range(min(reachable + 1, MAX_TABS)):
            hands.press("Tab")
    left = hands.ask("dialogLeft", index)  # and focus back inside, for Escape
    if opened["modal"] and left:
        problems.append(f"is modal, but Tab moves focus out of it to {left} on the page behind")
    hands.press("Escape")
    if not hands.ask("dialogClosed", index, wait_ms):
        problems.append("does not close when Escape is pressed")
        hands.ask("dialogForceClose", index, wait_ms)
    return problems
