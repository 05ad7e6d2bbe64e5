"""Background images that may carry text (WCAG 1.1.1 and 1.4.5), reported to check.

axe-core and IBM Equal Access look at ``<img>`` and its alt text; a picture set with CSS
(``background-image``) has no alt text and neither engine looks at what it shows. One script
(``js/backgrounds.js``) walks the page's elements once (at most ``max_scanned``) and reports
an element whose computed ``background-image`` is a picture (``url(...)``, gradients alone are
not), at least ``min_width`` by ``min_height`` CSS px, shown, with no text (``innerText``), no
image or media inside, and no name (``aria-label``, ``aria-labelledby``, ``title``, or a named
link or button around it), when it looks meaningful: a link, button or heading (or inside
one that has no text either), ``role="img"`` or ``role="banner"``, a class or id such as
``logo``, ``banner``, ``title``, ``masthead``, ``promo``, or anything in editor content.
Left alone: backgrounds behind real text (a hero image with its heading inside), and what
its author marked as decoration (``aria-hidden="true"``, ``role="presentation"``).

What the picture shows cannot be judged here, so every finding is needs-review.
"""

from __future__ import annotations

from typing import Any

from audit.checks.browser.base import Context, Request, issues, run_requests
from audit.checks.browser.rules import BACKGROUND_IMAGE_TEXT
from audit.checks.issues import Issue

RULES = (BACKGROUND_IMAGE_TEXT.id,)


def request(context: Context) -> Request | None:
    """The background image script and how to read its answer, or None when the rule is off."""
    if not context.enabled(BACKGROUND_IMAGE_TEXT.id):
        return None
    options = context.options(BACKGROUND_IMAGE_TEXT.id)
    arguments = {
        "minWidth": float(options["min_width"]),
        "minHeight": float(options["min_height"]),
        "maxElements": int(options["max_elements"]),
        "maxScanned": int(options["max_scanned"]),
    }

    def interpret(found: list[dict[str, Any]]) -> list[Issue]:
        return issues(BACKGROUND_IMAGE_TEXT.id, found or ())

    return Request("backgrounds", [arguments], interpret)


def check(context: Context) -> list[Issue]:
    return run_requests(context, [request(context)])
