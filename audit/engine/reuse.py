"""Unchanged pages: reuse the last results instead of a browser run.

A page's *content fingerprint* hashes everything the browser's analysis depends on:

* the HTML the server sent (as fetched before the browser);
* the stylesheets, scripts and frames it loads, each by its own content hash (fetched once per
  run and shared by every page that loads them; assets on hosts the audit may not visit are
  hashed by URL only, since a changed CDN file usually has a new URL);
* the analysis settings: axe-core's version, rule tags, disabled rules, rule options, window
  size, and the source of the browser checks (so an upgrade re-audits everything).

When a page's fingerprint equals that of an earlier audited version of the same URL, the
browser findings of that version are reused (recorded as reused); content rules still run on
the fresh HTML, because some (duplicate titles) depend on other pages.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import audit.checks.browser as browser_checks
from audit.core.addresses import is_allowed
from audit.core.conf import AuditSettings
from audit.engine import http
from audit.engine.http import HttpProblem
from audit.results import AuditTarget, FindingResult

#: Bytes of an asset read for its hash: beyond this the size stands in for the rest.
ASSET_LIMIT = 10 * 1024 * 1024
#: The browser rules' code (Python and scripts): a change to it re-audits every page. Found
#: from the package itself, so moving files cannot leave this pointing at nothing.
BROWSER_CHECKS_SOURCE = Path(browser_checks.__file__).resolve().parent


class PreviousResults(Protocol):
    """Where earlier results are looked up (the database, or nowhere)."""

    def find(self, target: AuditTarget, fingerprint: str) -> Sequence[FindingResult] | None:
        """The findings of the last audit of ``target`` whose content fingerprint was
        ``fingerprint``, or ``None`` when there was none."""


class NoPreviousResults:
    """Every page is analysed afresh (``--no-store``, or no database)."""

    def find(self, target: AuditTarget, fingerprint: str) -> Sequence[FindingResult] | None:
        return None


class AssetFingerprints:
    """Content hashes of assets, each fetched once per run; safe to share between threads."""

    def __init__(self, config: AuditSettings, allowed_hosts: Iterable[str]) -> None:
        self.config = config
        self.allowed_hosts = tuple(allowed_hosts)
        self._hashes: dict[str, str] = {}
        self._lock = threading.Lock()

    def of(self, url: str, extra_hosts: Iterable[str] = ()) -> str:
        with self._lock:
            known = self._hashes.get(url)
        if known is not None:
            return known
        hosts = (*self.allowed_hosts, *extra_hosts)
        digest = self._fetch_hash(url, hosts) if is_allowed(url, hosts) else "off-site"
        with self._lock:
            return self._hashes.setdefault(url, digest)

    def _fetch_hash(self, url: str, allowed_hosts: Iterable[str]) -> str:
        timeout = min(self.config.PAGE_TIMEOUT, 10.0)
        try:
            with http.request(url, allowed_hosts, timeout=timeout) as response:
                if response.status >= 300:
                    # Not followed: the status and where it points identify this state.
                    return f"status:{response.status}:{response.headers.get('Location', '')}"
                digest = hashlib.sha256()
                deadline = time.monotonic() + timeout
                for chunk in response.chunks(ASSET_LIMIT, deadline, truncate=True):
                    digest.update(chunk)
                return digest.hexdigest()
        except HttpProblem as problem:
            # An unreachable asset is a state of its own: the page is analysed, not reused,
            # only if the previous audit saw it reachable.
            return f"error:{type(problem.__cause__ or problem).__name__}"


def analysis_key(config: AuditSettings, axe_version: str) -> str:
    """What the results depend on besides the page: changes to any of it re-audit every page."""
    checks_source = hashlib.sha256()
    for path in sorted(BROWSER_CHECKS_SOURCE.rglob("*")):
        if path.suffix in {".py", ".js"} and path.is_file():
            checks_source.update(path.read_bytes())
    settings = {
        "axe": axe_version,
        "tags": list(config.TAGS),
        "disabled": sorted(config.DISABLED_RULES),
        "options": config.RULE_OPTIONS,
        "window": [config.WINDOW_WIDTH, config.WINDOW_HEIGHT],
        "browser_checks": checks_source.hexdigest(),
    }
    encoded = json.dumps(settings, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


#: Per-request values that change a page's bytes but never its accessibility: CSP nonces and
#: Django's CSRF form tokens. Hashed as if blank, so such pages can still be reused.
_VOLATILE = re.compile(
    rb"""(\snonce=)(?:"[^"]*"|'[^']*')|"""
    rb"""(name=["']csrfmiddlewaretoken["']\s+value=)(?:"[^"]*"|'[^']*')""",
    re.IGNORECASE,
)


def content_fingerprint(body: bytes, assets: Sequence[tuple[str, str]], key: str) -> str:
    """The fingerprint of a page's HTML, its assets' ``(url, hash)`` and the analysis key."""
    digest = hashlib.sha256()
    digest.update(key.encode())
    digest.update(b"\x00")
    digest.update(_VOLATILE.sub(lambda match: (match.group(1) or match.group(2)) + b'""', body))
    for url, asset_hash in assets:
        digest.update(f"\x00{url}\x1f{asset_hash}".encode())
    return digest.hexdigest()
