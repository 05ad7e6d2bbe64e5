"""Pictures of words in ``<img>`` (WCAG 1.4.5 Images of Text, and 1.1.1), reported to check.

A notice, a banner or a poster saved as a picture: “Bin collections change at Christmas” in
a PNG. Its words cannot be resized, recoloured or restyled by the resident, blur when zoomed,
and are lost to screen readers unless the alt text repeats them all. Neither axe-core nor IBM
Equal Access looks at what an image shows, and the audit has no OCR, so this reads the picture
for the *shape* of printed text, with Pillow, through the audit's HTTP client (as
:mod:`.animation` reads GIFs: allowed hosts only, at most ``max_bytes``, once per URL per run).

How a picture of words is told apart: the picture, at most 600 px wide and in grey, has a
background (its most common shade) and ink (pixels far from it). Rows with ink form bands;
a band of printed text is a short band (at most half the picture's height) with many ink
strokes across it (two or more every 100 px), many gaps between them, the wider gaps between
words, and rows of uneven ink (letters' tops and tails). A picture is reported when such
lines hold at least ``min_words`` words and most of its banded rows: so a chart's axis labels
(under tall bars), a logo's one word, stripes (even rows) and photographs (no clean
background, no bands) are left alone.

Images in a carousel's slides and tab panels not shown yet are read too
(:attr:`ContentDocument.images`). Left alone: images under ``min_width`` by ``min_height``,
logos (``logo`` in the alt text, class, id or file name: logotypes are exempt from 1.4.5),
images in SVG (not read here).
Every finding is needs-review: the picture may be essential (a sample of a form, a historic
document), or its words may also be on the page.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from dataclasses import dataclass

from lxml.html import HtmlElement
from PIL import Image

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument
from audit.checks.content.resources import Resource, attribute_size, image_address
from audit.checks.issues import Issue
from audit.core.enums import Outcome

IMAGE_OF_TEXT = "clearway-image-of-text"

RASTER_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_NOT_READ = frozenset({"svg", "ico"})
#: The width the picture is read at: enough for 12 px text in a 1,200 px banner.
_READ_WIDTH = 600
#: How far from the background a pixel must be to count as ink (0-255 grey levels).
_INK_CONTRAST = 80
#: Pixels decoded at most, against decompression bombs (a 4,000 by 4,000 photograph).
_MAX_PIXELS = 16_000_000


@dataclass(frozen=True)
class PrintedText:
    """What reading a picture found: lines of printed text and the words on them."""

    words: int
    lines: int
    #: The picture's own size, in pixels.
    width: int
    height: int


@dataclass(frozen=True)
class _Band:
    height: int
    words: int
    text: bool


def _grey(data: bytes) -> tuple[Image.Image, tuple[int, int]] | None:
    """The picture in grey, at most :data:`_READ_WIDTH` wide, and its own size."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            if image.width * image.height > _MAX_PIXELS:
                return None
            size = image.size
            image.draft("L", (_READ_WIDTH, _READ_WIDTH))  # JPEG: decode at a smaller size
            image.seek(0)
            if image.mode in {"RGBA", "LA", "P", "PA"}:
                # Transparent parts are what the page shows behind them: white, usually.
                rgba = image.convert("RGBA")
                image = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                image.alpha_composite(rgba)
            grey = image.convert("L")
    except Exception:  # not a picture Pillow can read, whatever the reason
        return None
    if grey.width > _READ_WIDTH:
        grey = grey.resize((_READ_WIDTH, max(1, round(grey.height * _READ_WIDTH / grey.width))))
    return grey, size


def _strokes(row: bytes) -> int:
    """Runs of ink along a row of 0 and 1 bytes."""
    return row.count(b"\x00\x01") + (row[:1] == b"\x01")


def _band(ink: list[bytes], top: int, height: int, width: int) -> _Band:
    rows = ink[top : top + height]
    strokes = sum(_strokes(row) for row in rows)
    columns = [any(row[x] for row in rows) for x in range(width)]
    if True not in columns:
        return _Band(height, 0, False)
    first = columns.index(True)
    last = width - 1 - columns[::-1].index(True)
    gaps: list[int] = []
    gap = 0
    for inked in columns[first : last + 1]:
        if inked:
            if gap:
                gaps.append(gap)
            gap = 0
        else:
            gap += 1
    word_gaps = sum(1 for gap in gaps if gap >= max(3, height * 0.25))
    counts = [sum(row) for row in rows]
    mean = sum(counts) / height
    spread = (sum((count - mean) ** 2 for count in counts) / height) ** 0.5 / mean if mean else 0
    text = (
        strokes / height / width * 100 >= 2 and len(gaps) >= 8 and word_gaps >= 1 and spread >= 0.08
    )
    return _Band(height, word_gaps + 1, text)


def printed_text(data: bytes) -> PrintedText | None:
    """The lines of printed text in the picture ``data``; None when it cannot be read."""
    read = _grey(data)
    if read is None:
        return None
    grey, size = read
    width, height = grey.size
    pixels = grey.tobytes()
    shades = Counter(level // 16 for level in pixels)
    background_shade = shades.most_common(1)[0][0]
    background = (
        sum(
            level * count
            for level, count in Counter(pixels).items()
            if level // 16 == background_shade
        )
        / shades[background_shade]
    )
    table = bytes(int(abs(level - background) > _INK_CONTRAST) for level in range(256))
    inked = pixels.translate(table)
    ink = [inked[y * width : (y + 1) * width] for y in range(height)]
    bands: list[_Band] = []
    top: int | None = None
    for y in range(height + 1):
        # A row of text has at least two strokes; a band is rows of them, one after another.
        row_has_strokes = y < height and _strokes(ink[y]) >= 2
        if row_has_strokes and top is None:
            top = y
        elif not row_has_strokes and top is not None:
            if y - top >= 5:
                band = _band(ink, top, y - top, width)
                bands.append(band if y - top <= height / 2 else _Band(band.height, 0, False))
            top = None
    lines = [band for band in bands if band.text]
    banded = sum(band.height for band in bands)
    in_lines = sum(band.height for band in lines)
    if not lines or in_lines < banded * 0.6:
        return PrintedText(0, 0, *size)
    return PrintedText(sum(band.words for band in lines), len(lines), *size)


def analyse_picture(resource: Resource) -> PrintedText | None:
    """:func:`printed_text` of a fetched file (a module-level function: the run caches by it)."""
    return printed_text(resource.body)


def _logo(image: HtmlElement) -> bool:
    said = " ".join(image.get(name) or "" for name in ("alt", "class", "id", "src")).lower()
    return "logo" in said


def check_image_of_text(document: ContentDocument, context: CheckContext) -> list[Issue]:
    resources = context.resources
    if resources is None:
        return []
    min_words = int(context.options.get("min_words", 3))
    min_width = float(context.options.get("min_width", 150))
    min_height = float(context.options.get("min_height", 40))
    max_images = int(context.options.get("max_images", 10))
    max_bytes = int(context.options.get("max_bytes", 2 * 1024 * 1024))
    issues: list[Issue] = []
    read = 0
    for image in document.images:
        url = image_address(image.get("src") or "", context.url, _NOT_READ)
        if url is None or _logo(image) or read >= max_images:
            continue
        width, height = attribute_size(image, "width"), attribute_size(image, "height")
        if (width is not None and width < min_width) or (
            height is not None and height < min_height
        ):
            continue
        read += 1
        found = resources.analyse(url, analyse_picture, types=RASTER_TYPES, max_bytes=max_bytes)
        if found is None or found.words < min_words:
            continue
        if found.width < min_width or found.height < min_height:
            continue
        alt = image.get("alt")
        lines = "a line" if found.lines == 1 else f"{found.lines} lines"
        message = (
            f"This picture seems to show words (about {found.words}, on {lines}). Words in a "
            "picture cannot be resized, recoloured or read aloud, and blur when zoomed. Put "
            "them in the page as text"
        )
        if alt is not None and not alt.strip():
            message += ": its alt text is empty, so screen reader users do not get them at all."
        else:
            message += ", and make sure the alt text says everything the picture does."
        issues.append(
            element_issue(document, IMAGE_OF_TEXT, image, message, outcome=Outcome.NEEDS_REVIEW)
        )
    return issues
