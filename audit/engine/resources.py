"""Files a page refers to, read for the content rules (:mod:`audit.checks.content.resources`).

:class:`RunResources` is made once per run and shared by the preparing threads. Each URL is
requested through the audit's HTTP client (:mod:`audit.engine.http`: allowed hosts only,
every address checked, every redirect hop checked again, bounded in time) and read up to the
size the rule asks for, then cut there (the rule judges the start of the file). What is kept
is the rule's *analysis* of the file, per URL and analysis: a GIF on 500 pages is fetched and
decoded once, and a run's memory does not grow with its images. Two threads asking for the
same URL at once wait for one fetch. The bytes of the files read last are kept a moment
(:data:`RECENT_BYTES` in all), so that a page's second rule to read an image (the animated
GIF rule's, then the pictures-of-words rule's) does not fetch it again.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar
from urllib.parse import urldefrag, urljoin

from audit.checks.content.resources import Resource
from audit.core.addresses import host_of, is_allowed
from audit.core.conf import AuditSettings
from audit.engine import http
from audit.engine.http import REDIRECT_STATUSES, HttpProblem

T = TypeVar("T")

#: Seconds one file may take, redirects and reading included (at most the page timeout).
RESOURCE_TIMEOUT = 10.0
#: Bytes of the files read last kept for the page's other rules, at most.
RECENT_BYTES = 16 * 1024 * 1024


class RunResources:
    """The files of one run's pages, each read and analysed once (see the module docstring).

    ``allowed_hosts`` are the run's hosts (default: ``ALLOWED_HOSTS``); a page's own host is
    added for its files (:meth:`for_page`), as the page fetcher does.
    """

    def __init__(self, config: AuditSettings, allowed_hosts: Iterable[str] | None = None) -> None:
        self.config = config
        self.allowed_hosts = tuple(config.ALLOWED_HOSTS if allowed_hosts is None else allowed_hosts)
        self._results: dict[tuple[str, Callable[[Resource], Any]], Any] = {}
        self._pending: dict[tuple[str, Callable[[Resource], Any]], threading.Lock] = {}
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, Resource] = OrderedDict()
        self._recent_bytes = 0
        #: URLs actually requested (each once): for the tests and the benchmark.
        self.requests = 0

    def for_page(self, page_url: str) -> PageResources:
        """What the content rules of the page at ``page_url`` are given."""
        return PageResources(self, (*self.allowed_hosts, host_of(page_url)))

    def analyse(
        self,
        url: str,
        analysis: Callable[[Resource], T],
        *,
        types: frozenset[str],
        max_bytes: int,
        allowed_hosts: tuple[str, ...],
    ) -> T | None:
        url = urldefrag(url).url
        if not is_allowed(url, allowed_hosts):
            return None  # before the cache: another page's hosts may differ
        key = (url, analysis)
        with self._lock:
            if key in self._results:
                known: T | None = self._results[key]
                return known
            lock = self._pending.setdefault(key, threading.Lock())
        with lock:  # one fetch per key; the others wait for its result
            with self._lock:
                if key in self._results:
                    waited: T | None = self._results[key]
                    return waited
            resource = self._fetch(url, types, max_bytes, allowed_hosts)
            result = analysis(resource) if resource is not None else None
            with self._lock:
                self._results[key] = result
                self._pending.pop(key, None)
        return result

    def _fetch(
        self, url: str, types: frozenset[str], max_bytes: int, allowed_hosts: tuple[str, ...]
    ) -> Resource | None:
        """The file at ``url``, from the ones read last when it is there whole enough."""
        with self._lock:
            recent = self._recent.get(url)
            if recent is not None:
                self._recent.move_to_end(url)
        if recent is not None and (not recent.truncated or len(recent.body) >= max_bytes):
            if recent.content_type and recent.content_type not in types:
                return None
            if len(recent.body) <= max_bytes:
                return recent
            return Resource(recent.url, recent.content_type, recent.body[:max_bytes], True)
        resource = self._read(url, types, max_bytes, allowed_hosts)
        if resource is not None:
            with self._lock:
                replaced = self._recent.pop(url, None)
                self._recent_bytes -= len(replaced.body) if replaced is not None else 0
                self._recent[url] = resource
                self._recent_bytes += len(resource.body)
                while self._recent_bytes > RECENT_BYTES:
                    _, dropped = self._recent.popitem(last=False)
                    self._recent_bytes -= len(dropped.body)
        return resource

    def _read(
        self, url: str, types: frozenset[str], max_bytes: int, allowed_hosts: tuple[str, ...]
    ) -> Resource | None:
        timeout = min(self.config.PAGE_TIMEOUT, RESOURCE_TIMEOUT)
        deadline = time.monotonic() + timeout
        current = url
        with self._lock:
            self.requests += 1
        try:
            for _ in range(self.config.MAX_REDIRECTS + 1):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                # http.request refuses a host that is not allowed (every hop) before sending.
                with http.request(current, allowed_hosts, timeout=remaining) as response:
                    location = response.headers.get("Location", "").strip()
                    if response.status in REDIRECT_STATUSES and location:
                        current = urldefrag(urljoin(current, location)).url
                        continue
                    if not 200 <= response.status < 300:
                        return None
                    declared = (
                        response.headers.get_content_type()
                        if response.headers.get("Content-Type")
                        else ""
                    )
                    if declared and declared not in types:
                        return None  # not read: the server says what it is
                    chunks = list(response.chunks(max_bytes, deadline, truncate=True))
                    body = b"".join(chunks)
                    truncated = len(body) >= max_bytes
                    return Resource(current, declared, body, truncated)
        except HttpProblem:
            return None
        return None  # too many redirects


class PageResources:
    """One page's view of the run's :class:`RunResources`: its own host allowed too.
    Implements :class:`audit.checks.content.resources.Resources`."""

    def __init__(self, run: RunResources, allowed_hosts: tuple[str, ...]) -> None:
        self.run = run
        self.allowed_hosts = allowed_hosts

    def analyse(
        self,
        url: str,
        analysis: Callable[[Resource], T],
        *,
        types: frozenset[str],
        max_bytes: int,
    ) -> T | None:
        return self.run.analyse(
            url, analysis, types=types, max_bytes=max_bytes, allowed_hosts=self.allowed_hosts
        )
