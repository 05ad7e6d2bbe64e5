"""Audio that plays by itself (WCAG 1.4.2) and moving content that cannot be paused (2.2.2).

One script reads the media elements' state and ``document.getAnimations()`` (CSS animations,
CSS transitions and Web Animations, with their computed timing), so it needs no waiting:

* ``<video>``/``<audio>`` with sound (not muted, volume above 0) that autoplays or is playing,
  without the ``controls`` attribute, longer than ``min_seconds`` (WCAG's 3 s) or of unknown
  length, on a page without a pause, stop or mute button of its own;
* a muted video playing by itself for more than ``max_seconds`` (5 s) or in a loop (a
  background video), ``<marquee>``, and animations running longer than ``max_seconds`` or for
  ever, again unless the page has a pause or stop control. Loading indicators (progress bars,
  busy regions, spinners), hidden and tiny elements (under ``min_size`` px) are left alone;
* ``<blink>``, as needs-review only: no current browser blinks it.

Autoplay is judged from the ``autoplay`` attribute, from a script's call to ``play()`` (the
listener registry notes it, ``new Audio()`` included, which is never in the page), and from the
playing state: headless
Chromium may block autoplay with sound where a resident's browser would not. Animated GIFs are
:mod:`audit.checks.content.animation`'s; carousels turned by a timer, :mod:`.carousels`'.
"""

from __future__ import annotations

from typing import Any

from audit.checks.browser.base import Context, Request, issues, run_requests
from audit.checks.browser.rules import AUTOPLAY_AUDIO, MOVING_CONTENT
from audit.checks.issues import Issue

RULES = (AUTOPLAY_AUDIO.id, MOVING_CONTENT.id)


def request(context: Context) -> Request | None:
    """The media script and how to read its answer, or None when both rules are off."""
    wanted_audio = context.enabled(AUTOPLAY_AUDIO.id)
    wanted_moving = context.enabled(MOVING_CONTENT.id)
    if not (wanted_audio or wanted_moving):
        return None
    audio = context.options(AUTOPLAY_AUDIO.id)
    moving = context.options(MOVING_CONTENT.id)
    arguments = {
        "minSeconds": float(audio["min_seconds"]),
        "maxSeconds": float(moving["max_seconds"]),
        "minSize": float(moving["min_size"]),
    }

    def interpret(result: dict[str, Any]) -> list[Issue]:
        found: list[Issue] = []
        if wanted_audio:
            found += issues(AUTOPLAY_AUDIO.id, result.get("audio") or ())
        if wanted_moving:
            found += issues(MOVING_CONTENT.id, result.get("moving") or ())
        return found

    return Request("media", [arguments], interpret)


def check(context: Context) -> list[Issue]:
    return run_requests(context, [request(context)])
