"""Animated GIFs that move for more than five seconds (WCAG 2.2.2, Pause, Stop, Hide).

A GIF has no pause button: a browser plays it as the file says, and the resident cannot stop
it. So an image that is a GIF and moves for longer than ``max_seconds`` (5 s) — its frames'
delays times the times it plays, or for ever when it loops endlessly with more than one frame —
fails 2.2.2 unless the page offers a way to stop it. The browser rule for moving content
cannot see this (a GIF is no CSS or Web Animation), nor can axe-core or IBM Equal Access.

How it is read: the frame delays and the loop count come from the file's own bytes, with
Pillow, read through the audit's HTTP client (:mod:`.resources`; allowed hosts only, at most
``max_bytes``, once per URL per run). Delays of 0 or 10 ms are counted as 100 ms, as browsers
play them; a loop count of N plays the animation N + 1 times (Chromium and Firefox), no loop
extension plays it once. A file cut at ``max_bytes`` is judged on the frames read: only when
those already prove it (a loop for ever, or more than 5 s).

Which images: ``<img>`` whose address ends in ``.gif``, or has no file extension (the served
type decides: ``image/gif``), and ``data:image/gif`` images; at most ``max_images`` fetched
per page. Left alone: small images (``min_size``: under 32 px both ways, from the file or the
``width``/``height`` attributes), which are icons and loading spinners, and images inside a
loading indicator (``role="progressbar"``, ``role="status"``, ``aria-busy``). Reported for a
person to check instead: a GIF near a pause, stop or play button (a GIF player), and one whose
``<picture>`` swaps it for a still image under ``prefers-reduced-motion`` (a help, but only
for residents who know of the setting).
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
import warnings
from dataclasses import dataclass

from lxml.html import HtmlElement
from PIL import Image

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument, accessible_name
from audit.checks.content.resources import Resource, attribute_size, image_address
from audit.checks.issues import Issue
from audit.core.enums import Outcome

ANIMATED_GIF = "clearway-animated-gif"

GIF_TYPES = frozenset({"image/gif"})
#: Browsers play a frame delay this short (or none) as 100 ms.
_MIN_DELAY_MS = 10
_DEFAULT_DELAY_MS = 100
#: Frames read at most: past this a GIF's verdict stands on what was read.
MAX_FRAMES = 2000
#: Extensions that say an image is not a GIF (no need to ask the server).
_OTHER_IMAGE_EXTENSIONS = frozenset(
    {"jpg", "jpeg", "png", "webp", "svg", "bmp", "tif", "tiff", "ico", "avif", "heic", "jfif",
     "apng"}
)  # fmt: skip
_CONTROL = re.compile(r"\b(?:pause|stop|play|freeze|animation|animated|motion)\b", re.I)
#: Containers too wide to be a GIF player's own.
_NOT_PLAYERS = frozenset({"body", "main", "article", "section", "form", "html"})
_LOADING = frozenset({"progressbar", "status"})
_DATA_GIF = re.compile(r"^data:image/gif(?:;[^,]*)?;base64,", re.I)


@dataclass(frozen=True)
class GifTiming:
    """How a GIF plays, as far as it was read."""

    #: Frames read (all of them when ``complete``).
    frames: int
    #: One play of the frames read, in seconds, with browsers' minimum delay applied.
    seconds: float
    #: How many times it plays; None for ever.
    plays: int | None
    width: int
    height: int
    #: Whether every frame was read (the file was whole and readable).
    complete: bool

    @property
    def total(self) -> float:
        """Seconds it moves (of the frames read): ``inf`` when it loops for ever."""
        if self.frames < 2:
            return 0.0
        return math.inf if self.plays is None else self.seconds * self.plays

    def moves_longer_than(self, limit: float) -> bool:
        """Whether it certainly moves for more than ``limit`` seconds."""
        return self.frames > 1 and self.total > limit


def gif_timing(data: bytes, *, stop_after: float = math.inf) -> GifTiming | None:
    """The timing of the GIF in ``data`` (None when it is not a readable GIF).

    Reading stops once the frames read play for longer than ``stop_after`` seconds in all, or
    as soon as a second frame is found in a GIF that loops for ever: the verdict is known.
    """
    if not data.startswith((b"GIF87a", b"GIF89a")):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=("GIF",))
    except Exception:  # not a GIF Pillow can open, whatever the reason
        return None
    with image:
        width, height = image.size
        loop = image.info.get("loop")
        plays = None if loop == 0 else 1 if loop is None else int(loop) + 1
        frames = 0
        milliseconds = 0
        complete = False
        try:
            while frames < MAX_FRAMES:
                image.seek(frames)
                delay = int(image.info.get("duration") or 0)
                milliseconds += _DEFAULT_DELAY_MS if delay <= _MIN_DELAY_MS else delay
                frames += 1
                if frames > 1 and (
                    plays is None or milliseconds / 1000 * (plays or 1) > stop_after
                ):
                    break
        except EOFError:
            # The last frame was read, if the file ends with the GIF trailer: with Pillow's
            # LOAD_TRUNCATED_IMAGES on (WeasyPrint switches it on for the whole process), a
            # file cut short also ends in EOFError.
            complete = data.rstrip(b"\0").endswith(b";")
        except Exception:
            # A truncated or damaged file (Pillow raises many kinds, struct.error among
            # them): judged on the frames read.
            pass
    return GifTiming(frames, milliseconds / 1000, plays, width, height, complete)


def analyse_gif(resource: Resource) -> GifTiming | None:
    """:func:`gif_timing` of a fetched file (a module-level function: the run caches by it)."""
    return gif_timing(resource.body, stop_after=_STOP_AFTER)


#: The longest limit a rule option could reasonably ask for; reading stops past it.
_STOP_AFTER = 60.0


def _candidate(src: str, page_url: str) -> str | None:
    """The image's absolute address when it may be a GIF; None when it surely is not."""
    # .gif, none (/media/12/) or a script (image.ashx?id=4): the served type decides.
    return image_address(src, page_url, _OTHER_IMAGE_EXTENSIONS)


def _inline_gif(src: str) -> bytes | None:
    match = _DATA_GIF.match(src.strip())
    if match is None:
        return None
    try:
        return base64.b64decode(src.strip()[match.end() :], validate=False)
    except (binascii.Error, ValueError):
        return None


def _small(image: HtmlElement, timing: GifTiming, min_size: float) -> bool:
    width = attribute_size(image, "width")
    height = attribute_size(image, "height")
    shown = (width or timing.width, height or timing.height)
    return max(shown) < min_size


def _loading(image: HtmlElement) -> bool:
    for node in (image, *image.iterancestors()):
        if (node.get("role") or "").strip().lower() in _LOADING:
            return True
        if (node.get("aria-busy") or "").strip().lower() == "true":
            return True
        if node.tag == "progress":
            return True
    return False


def _reduced_motion_still(image: HtmlElement) -> bool:
    # libxml2 does not know <source> is empty: the <img> may be parsed inside it.
    picture = next((a for a in image.iterancestors() if a.tag == "picture"), None)
    if picture is None:
        return False
    return any(
        "prefers-reduced-motion" in (source.get("media") or "").lower()
        for source in picture.iter("source")
    )


def _control_near(document: ContentDocument, image: HtmlElement) -> bool:
    """A pause, stop or play control in the image's container or the one around it (not
    anywhere in the page's content: a control there is for something else)."""
    node = image
    for _ in range(2):
        parent = node.getparent()
        if parent is None or parent.tag in _NOT_PLAYERS:
            return False
        if parent.get("data-clearway-content") is not None:
            return False
        for control in parent.iter("button", "a", "input"):
            if control is image:
                continue
            name = accessible_name(document, control) or (control.get("value") or "")
            if _CONTROL.search(name):
                return True
        node = parent
    return False


def _describe(timing: GifTiming) -> str:
    if timing.plays is None:
        return f"loops for ever ({timing.frames} frames or more)"
    return f"moves for {timing.total:.0f} seconds"


def check_animated_gif(document: ContentDocument, context: CheckContext) -> list[Issue]:
    resources = context.resources
    limit = float(context.options.get("max_seconds", 5))
    min_size = float(context.options.get("min_size", 32))
    max_images = int(context.options.get("max_images", 20))
    max_bytes = int(context.options.get("max_bytes", 2 * 1024 * 1024))
    issues: list[Issue] = []
    fetched = 0
    for image in document.images:
        src = image.get("src") or ""
        timing: GifTiming | None = None
        inline = _inline_gif(src)
        if inline is not None:
            timing = gif_timing(inline, stop_after=_STOP_AFTER)
        else:
            url = _candidate(src, context.url)
            if url is None or resources is None or fetched >= max_images:
                continue
            fetched += 1
            timing = resources.analyse(url, analyse_gif, types=GIF_TYPES, max_bytes=max_bytes)
        if timing is None or not timing.moves_longer_than(limit):
            continue
        if _small(image, timing, min_size) or _loading(image):
            continue
        helped = _reduced_motion_still(image) or _control_near(document, image)
        message = (
            f"This animated GIF {_describe(timing)}, and a GIF cannot be paused. Movement "
            "that goes on for more than five seconds stops many residents reading the page. "
        )
        if helped:
            message += (
                "The page seems to offer a way to stop it (a pause or play control, or a still "
                "image for residents who ask for reduced motion): check that it works for "
                "everyone, with the keyboard too."
            )
        else:
            message += (
                "Use a still image, a video with controls, or a GIF that stops within five seconds."
            )
        issues.append(
            element_issue(
                document,
                ANIMATED_GIF,
                image,
                message,
                outcome=Outcome.NEEDS_REVIEW if helped else Outcome.VIOLATION,
            )
        )
    return issues
