"""Carousels, slideshows and tickers that turn by themselves with no pause (WCAG 2.2.2).

:mod:`.media` sees CSS and Web Animations, which need no waiting; a carousel usually turns on
a script's timer, so it cannot be seen in one look. The listener registry (``js/listeners.js``,
installed before the page's own scripts) notes every repeating timer. When the page runs one of
at most ``max_wait_ms`` and shows a carousel-like region (``aria-roledescription="carousel"``,
or a class or id such as ``carousel``, ``slider``, ``slideshow``, ``swiper``, ``ticker``) with no
pause or stop button in or beside it, the region is watched for the longest such delay: if it
changes by itself, it is a failure, shown, not guessed. Other pages pay one short script.
"""

from __future__ import annotations

import time
from typing import Any

from audit.checks.browser.base import Context, issues
from audit.checks.browser.rules import CAROUSEL_PAUSE
from audit.checks.issues import Issue

RULES = (CAROUSEL_PAUSE.id,)


def check(context: Context) -> list[Issue]:
    if not context.enabled(CAROUSEL_PAUSE.id):
        return []
    options = context.options(CAROUSEL_PAUSE.id)
    arguments: dict[str, Any] = {
        "maxWait": int(options["max_wait_ms"]),
        "minSize": float(options["min_size"]),
        "maxElements": int(options["max_elements"]),
    }
    wait_ms = context.run("carousels", "watch", arguments)
    if not wait_ms:
        return []
    time.sleep(min(float(wait_ms), arguments["maxWait"] + 250) / 1000)
    return issues(CAROUSEL_PAUSE.id, context.run("carousels", "read", arguments) or ())
