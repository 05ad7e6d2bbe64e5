"""Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS pixels.

The page is laid out at 320 CSS pixels by DevTools' ``Emulation.setDeviceMetricsOverride``
(a desktop browser at 400% zoom lays out the same width), with overlay scrollbars so the layout
width is exactly 320. Without CDP the window itself is resized, allowing for its scrollbar.
Either way the page is not reloaded: media queries and layout follow the new width at once.

The script compares the document's ``scrollWidth`` with its ``clientWidth`` (1 px tolerated)
and names the outermost elements past the right edge, widest first. Content inside a box that
scrolls or clips on its own (a table in an ``overflow-x: auto`` region) does not widen the page;
content WCAG lets scroll in two dimensions (data tables, maps, media, toolbars: the rule's
``exempt`` selector) is not reported; nor is content that is not shown, or an off-canvas panel
waiting beyond the edge of a page that hides its overflow.
"""

from __future__ import annotations

import logging
from typing import Any

from audit.checks.browser.base import Context, issues
from audit.checks.browser.rules import REFLOW
from audit.checks.issues import Issue

logger = logging.getLogger(__name__)

RULES = (REFLOW.id,)


def check(context: Context) -> list[Issue]:
    if not context.enabled(REFLOW.id):
        return []
    options = context.options(REFLOW.id)
    width, height = int(options["width"]), int(options["height"])
    restore = _narrow(context, width, height)
    if restore is None:
        return []
    try:
        result: dict[str, Any] = context.run(
            "reflow", float(options["tolerance"]), int(options["max_elements"]), options["exempt"]
        )
    finally:
        restore()
    if result.get("width", width) > width + 2:
        logger.info("Reflow not checked: the page could not be laid out %s px wide.", width)
        return []
    return issues(REFLOW.id, result.get("offenders") or ())


def _narrow(context: Context, width: int, height: int) -> Any:
    """Lay the page out ``width`` CSS px wide; returns the function that undoes it, or None."""
    driver = context.driver
    if context.cdp:
        wide: int = driver.execute_script("return window.innerWidth")
        # Overlay scrollbars, as on phones, so the layout is exactly ``width`` wide. The order
        # matters: each setting takes effect at the next metrics change, in both directions.
        context.cdp_command("Emulation.setScrollbarsHidden", {"hidden": True})
        context.cdp_command(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

        def undo_emulation() -> None:
            context.cdp_command("Emulation.setScrollbarsHidden", {"hidden": False})
            context.cdp_command("Emulation.clearDeviceMetricsOverride")
            # The page is laid out wide again at its next frame, not when the command returns:
            # wait for it, so nothing after this (another group, axe on the next page) measures
            # the narrow layout. On a busy machine that frame can come late.
            _wait_for_width(driver, wide)

        return undo_emulation

    # No DevTools: resize the window, allowing for its frame and scrollbar.
    size = driver.get_window_size()
    frame: int = driver.execute_script(
        "return window.outerWidth - document.documentElement.clientWidth"
    )
    driver.set_window_size(width + max(0, frame), max(height, 200))

    def undo_resize() -> None:
        driver.set_window_size(size["width"], size["height"])

    return undo_resize


#: Resolves when the page is laid out ``arguments[0]`` CSS px wide again, or after
#: ``arguments[1]`` ms: one round trip, where polling from Python cost a round trip and a
#: 20 ms sleep for each look. (A timer, not requestAnimationFrame: frames stop in a page the
#: browser thinks hidden, and the script would then wait for the driver's script timeout.)
_WAIT_FOR_WIDTH = """
const [width, timeout] = arguments;
const done = arguments[arguments.length - 1];
const deadline = performance.now() + timeout;
const look = () => {
  if (window.innerWidth === width) return done(true);
  if (performance.now() > deadline) return done(false);
  setTimeout(look, 4);
};
look();
"""


def _wait_for_width(driver: Any, width: int, timeout: float = 2.0) -> None:
    if not driver.execute_async_script(_WAIT_FOR_WIDTH, width, int(timeout * 1000)):
        logger.info("The page did not return to %s px wide in %.0f s.", width, timeout)
