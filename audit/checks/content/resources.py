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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

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
