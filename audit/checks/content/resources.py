"""Files a page refers to (its images), as a content rule may read them.

The checks cannot fetch anything themselves (they sit below the engine, which owns the one
HTTP client with its allowed hosts, address checks and size limits). A rule that needs a
file's bytes asks the :class:`Resources` it is given: the audit passes one
(:class:`audit.engine.resources.RunResources`) that fetches each URL once per run, through
that client, and remembers the rule's *analysis* of it (not the bytes), so a GIF shown on 500
pages is read once. Where none is given (the page editor's checks, most tests) the rules that
need one find nothing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

T = TypeVar("T")


@dataclass(frozen=True)
class Resource:
    """A file as read: its media type and its first bytes."""

    url: str
    #: The media type without parameters, lower case; empty when the server sent none.
    content_type: str
    #: The decoded body, at most the ``max_bytes`` asked for.
    body: bytes
    #: Whether the body was cut at ``max_bytes`` (the analysis sees the start of the file).
    truncated: bool = False


class Resources(Protocol):
    """Reads files the page refers to; see the module docstring."""

    def analyse(
        self,
        url: str,
        analysis: Callable[[Resource], T],
        *,
        types: frozenset[str],
        max_bytes: int,
    ) -> T | None:
        """``analysis`` of the file at ``url`` (absolute), remembered per URL and analysis.

        None when the file cannot be read: not on an allowed host, an error status, a
        connection problem, or a declared media type not in ``types``. ``analysis`` must be
        a module-level function (it is part of the cache key) and may return None itself.
        """
        ...


def image_address(src: str, page_url: str, skip_extensions: frozenset[str]) -> str | None:
    """The absolute web address of an image's ``src`` worth reading, or None: no address, a
    ``data:`` image, not http(s), or a file extension in ``skip_extensions`` (the image is
    surely of a kind the rule does not read; no extension, or a script's, may be anything)."""
    src = src.strip()
    if not src or src.lower().startswith("data:"):
        return None
    url = urljoin(page_url, src)
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return None
    extension = posixpath.splitext(unquote(parts.path))[1].lower().lstrip(".")
    return None if extension in skip_extensions else url


def attribute_size(image: HtmlElement, name: str) -> float | None:
    """An image's ``width`` or ``height`` attribute in CSS px; None when absent or not a number."""
    try:
        return float((image.get(name) or "").strip().lower().removesuffix("px"))
    except ValueError:
        return None
