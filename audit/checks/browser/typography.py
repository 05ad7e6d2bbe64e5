"""Advice on the body text's typography, from computed style: very small text, tight line
height, very long lines. None of these fails WCAG AA (line height and line length are 1.4.8,
level AAA; text size has no criterion): every finding is advice.

One script (``js/typography.js``) samples at most ``max_blocks`` paragraphs, list items,
definitions and quotations of real text (``min_words`` words or more, own text: a list item
holding paragraphs is measured through them) in the main content (``<main>``, else the body,
without navigation, header and footer), and reports at most ``max_elements`` of each:

* **small text**: a computed font size under ``min_font`` (12 px);
* **line height**: on two lines or more, a computed line height under ``min_line_height``
  (1.2) times the font size (``normal``, the font's own, is left alone);
* **line length**: on three lines or more, more than ``max_chars`` (100) characters a line,
  counted as the text's length over its lines (the last counted as half a line). Lines are
  the text's line boxes (``Range.getClientRects``), so padding and ``line-height: normal``
  do not matter. Measured at the audit's window width.

The three rules share the script and its sample; the largest of their options is used.
"""

from __future__ import annotations

from typing import Any

from audit.checks.browser.base import Context, Request, issues, run_requests
from audit.checks.browser.rules import LINE_HEIGHT, LINE_LENGTH, SMALL_TEXT
from audit.checks.issues import Issue

RULES = (SMALL_TEXT.id, LINE_HEIGHT.id, LINE_LENGTH.id)


def request(context: Context) -> Request | None:
    """The typography script and how to read its answer, or None when all three are off."""
    wanted = [rule for rule in RULES if context.enabled(rule)]
    if not wanted:
        return None
    options = {rule: context.options(rule) for rule in RULES}
    arguments = {
        "minFont": float(options[SMALL_TEXT.id]["min_font"]),
        "minLineHeight": float(options[LINE_HEIGHT.id]["min_line_height"]),
        "maxChars": float(options[LINE_LENGTH.id]["max_chars"]),
        "minWords": min(int(options[rule]["min_words"]) for rule in wanted),
        "maxBlocks": max(int(options[rule]["max_blocks"]) for rule in wanted),
        "maxElements": max(int(options[rule]["max_elements"]) for rule in wanted),
    }
    keys = {SMALL_TEXT.id: "small", LINE_HEIGHT.id: "tight", LINE_LENGTH.id: "long"}

    def interpret(result: dict[str, Any]) -> list[Issue]:
        found: list[Issue] = []
        for rule in wanted:
            limit = int(options[rule]["max_elements"])
            found += issues(rule, result.get(keys[rule]) or (), limit)
        return found

    return Request("typography", [arguments], interpret)


def check(context: Context) -> list[Issue]:
    return run_requests(context, [request(context)])
