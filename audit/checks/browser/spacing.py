"""Text spacing (WCAG 1.4.12) and resize text (WCAG 1.4.4): text cut off or overlapping.

Both rules change the text, then look for text that no longer fits: an element that hides its
overflow (``overflow: hidden`` or ``clip``) and now holds more than it shows on an axis where it
did not before, with text actually lying outside its box (a carousel that already hid slides is
not reported, nor a visually hidden label); a box that already cut off some of its text and
now shows a clearly smaller share of its lines (more than a tenth fewer); or a box of fixed
height that shows its overflow and whose text now runs over the element laid out after it.

One ``execute_script`` call for both rules measures the page once, then for each rule adds a
constructed style sheet (``document.adoptedStyleSheets``: allowed by any
Content-Security-Policy, as a user style sheet would be), measures again and removes the
sheet, so nothing is left behind even if the audit stops half way. Transitions are switched
off meanwhile so the measured layout is final.

**Text spacing** applies the overrides the success criterion names, as the WCAG text-spacing
bookmarklet does: line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing
0.16em.

**Resize text** doubles the root and body font sizes, which is what the browser's own text
size setting does (Chromium's Settings > Appearance > Font size changes the default ``medium``
size): text sized in rem, em or % grows to 200%, text sized in px does not. Page zoom
(Ctrl +) would not do: it scales boxes with the text, so nothing is ever cut off, and at 1280
px wide it is the reflow check at 640 px. ``Emulation.setPageScaleFactor`` is a pinch zoom that
changes no layout at all. Doubling every element's font size regardless of its unit (a "zoom
text only" mode) would report pages that are fine in every browser Chromium users have.
"""

from __future__ import annotations

import logging
from typing import Any

from audit.checks.browser.base import Context, issues
from audit.checks.browser.rules import RESIZE_TEXT, TEXT_SPACING
from audit.checks.issues import Issue

logger = logging.getLogger(__name__)

RULES = (TEXT_SPACING.id, RESIZE_TEXT.id)

#: WCAG 2.2 success criterion 1.4.12, as the text-spacing bookmarklet applies it.
TEXT_SPACING_CSS = """
*, *::before, *::after {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""


def check(context: Context) -> list[Issue]:
    spacing = context.enabled(TEXT_SPACING.id)
    resize = context.enabled(RESIZE_TEXT.id)
    if not (spacing or resize):
        return []
    limit = max(
        int(context.options(rule)["max_elements"]) for rule in RULES if context.enabled(rule)
    )
    result: dict[str, Any] = context.run(
        "spacing",
        spacing,
        TEXT_SPACING_CSS,
        resize,
        float(context.options(RESIZE_TEXT.id)["scale"]),
        limit,
    )
    found: list[Issue] = []
    if spacing:
        if not result["spacing"].get("applied"):
            logger.info("Text spacing not checked: the override did not apply.")
        else:
            found += issues(
                TEXT_SPACING.id,
                result["spacing"].get("problems") or (),
                int(context.options(TEXT_SPACING.id)["max_elements"]),
            )
    if resize:
        found += issues(
            RESIZE_TEXT.id,
            result["resize"].get("problems") or (),
            int(context.options(RESIZE_TEXT.id)["max_elements"]),
        )
    return found
