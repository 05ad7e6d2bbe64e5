"""Form fields whose edge cannot be seen (WCAG 1.4.11, Non-text Contrast).

axe-core's ``color-contrast`` measures text only, and IBM Equal Access does not measure the
edges of controls either. One script (``js/controls.js``) looks at each shown, enabled text
field, text area and select (at most ``max_fields``) and works out the best contrast of what
draws its edge against the colour around it: each border, the field's own fill, a box shadow
used as a border, an outline. Under ``min_ratio`` (3:1) the field is reported. A field over a
picture or a gradient is left alone (the colour behind it cannot be known), and so are
disabled fields, which WCAG exempts. Checkboxes and radios are drawn by the browser.
"""

from __future__ import annotations

from typing import Any

from audit.checks.browser.base import Context, Request, issues, run_requests
from audit.checks.browser.rules import FIELD_CONTRAST
from audit.checks.issues import Issue

RULES = (FIELD_CONTRAST.id,)


def request(context: Context) -> Request | None:
    """The field edge script and how to read its answer, or None when the rule is off."""
    if not context.enabled(FIELD_CONTRAST.id):
        return None
    options = context.options(FIELD_CONTRAST.id)
    arguments = {
        "minRatio": float(options["min_ratio"]),
        "maxElements": int(options["max_elements"]),
        "maxFields": int(options["max_fields"]),
    }

    def interpret(found: list[dict[str, Any]]) -> list[Issue]:
        return issues(FIELD_CONTRAST.id, found or ())

    return Request("controls", [arguments], interpret)


def check(context: Context) -> list[Issue]:
    return run_requests(context, [request(context)])
