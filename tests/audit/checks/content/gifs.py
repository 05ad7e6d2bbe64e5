"""GIF files for the animated GIF tests, made with Pillow, and a :class:`Resources` that
serves them from memory (counting what it is asked)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TypeVar

from PIL import Image, ImageDraw

from audit.checks.content.resources import Resource

T = TypeVar("T")


def make_gif(
    frames: int = 2,
    duration: int | Sequence[int] = 100,
    loop: int | None = 0,
    size: tuple[int, int] = (200, 120),
) -> bytes:
    """A GIF of ``frames`` different frames; ``loop`` None writes no loop extension (it plays
    once), 0 loops for ever, N repeats N times."""
    images = []
    for index in range(frames):
        image = Image.new("RGB", size, (255, 255, 255))
        x = (index * 17) % max(size[0] - 10, 1)
        ImageDraw.Draw(image).rectangle((x, 5, x + 9, 15), fill=(200, 0, 0))
        images.append(image)
    out = io.BytesIO()
    extra: dict[str, object] = {} if loop is None else {"loop": loop}
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=duration, **extra)
    return out.getvalue()


class MemoryResources:
    """Files by URL, as the run's reader would give them."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.asked: list[str] = []

    def analyse(
        self,
        url: str,
        analysis: Callable[[Resource], T],
        *,
        types: frozenset[str],
        max_bytes: int,
    ) -> T | None:
        self.asked.append(url)
        body = self.files.get(url)
        if body is None:
            return None
        return analysis(Resource(url, "image/gif", body[:max_bytes], len(body) > max_bytes))
