"""Pictures for the pictures-of-words tests, drawn with Pillow: printed notices and the
pictures that must not be taken for them (photographs, charts, logos, stripes)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _save(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **({"quality": 80} if kind == "JPEG" else {}))
    return out.getvalue()


def notice(
    lines: list[str],
    *,
    size: tuple[int, int] = (800, 200),
    background: tuple[int, int, int] = (255, 255, 255),
    ink: tuple[int, int, int] = (0, 0, 0),
    font_size: int = 40,
    kind: str = "PNG",
) -> bytes:
    """Lines of text printed on a plain background, as a council's notice saved as a picture."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((30, 20 + number * int(font_size * 1.4)), line, fill=ink, font=_font(font_size))
    return _save(image, kind)


def _photo_image(size: tuple[int, int], seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.new("RGB", size)
    pixels = image.load()
    assert pixels is not None
    for y in range(size[1]):
        for x in range(size[0]):
            pixels[x, y] = (
                int(100 + 80 * math.sin(x / 37 + y / 53)) + rng.randint(-30, 30),
                int(120 + 60 * math.cos(y / 29)) + rng.randint(-30, 30),
                int(90 + 50 * math.sin((x + y) / 71)) + rng.randint(-30, 30),
            )
    return image.filter(ImageFilter.GaussianBlur(1.5))


def photo(size: tuple[int, int] = (600, 400), kind: str = "JPEG") -> bytes:
    """Smooth colour with grain, as a photograph has: no plain background."""
    return _save(_photo_image(size, 1), kind)


def words_on_photo(text: str, kind: str = "JPEG") -> bytes:
    image = _photo_image((800, 300), 3)
    ImageDraw.Draw(image).text((40, 100), text, fill="white", font=_font(48))
    return _save(image, kind)


def chart() -> bytes:
    """A bar chart: tall bars, and month labels under them."""
    image = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(image)
    for number, height in enumerate([120, 250, 180, 300, 90]):
        draw.rectangle(
            [60 + number * 100, 360 - height, 120 + number * 100, 360], fill=(30, 90, 160)
        )
    draw.line([50, 360, 580, 360], fill="black", width=2)
    for number, month in enumerate(["Jan", "Feb", "Mar", "Apr", "May"]):
        draw.text((70 + number * 100, 368), month, fill="black", font=_font(16))
    return _save(image, "PNG")


def logo() -> bytes:
    """A mark and one word."""
    image = Image.new("RGB", (300, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse([10, 10, 110, 110], fill=(0, 110, 60))
    draw.text((125, 40), "Anytown", fill=(0, 110, 60), font=_font(36))
    return _save(image, "PNG")


def stripes() -> bytes:
    """Even stripes: many strokes across, but every row the same."""
    image = Image.new("RGB", (800, 200), "white")
    draw = ImageDraw.Draw(image)
    for x in range(0, 800, 12):
        draw.rectangle([x, 0, x + 5, 200], fill="navy")
    return _save(image, "PNG")


def two_tone_banner() -> bytes:
    """White capitals on dark green, and a line of black on a yellow strip below."""
    image = Image.new("RGB", (800, 300), (20, 69, 47))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 230, 800, 300], fill=(242, 197, 0))
    draw.text((40, 50), "CHRISTMAS BIN COLLECTIONS", font=_font(42), fill="white")
    draw.text((40, 110), "HAVE CHANGED", font=_font(42), fill="white")
    draw.text((40, 245), "Check your new collection day online", font=_font(28), fill=(27, 27, 27))
    return _save(image, "PNG")
