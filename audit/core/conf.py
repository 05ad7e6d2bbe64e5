"""The audit's settings: one ``CLEARWAY_AUDIT`` dict in Django settings, every key optional.

See docs/audit.md for each key. Read them with :func:`audit_settings`, never from
``django.conf.settings`` directly, so defaults live in one place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class Configurable(Protocol):
    """A rule with tunable options (:class:`audit.checks.catalogue.Rule`)."""

    @property
    def id(self) -> str: ...

    @property
    def options(self) -> Mapping[str, Any]: ...


#: Every engine the audit can run: two browser engines and Clearway's own rules.
ALL_ENGINES = ("axe", "ibm", "clearway")

#: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
DEFAULT_TAGS = (
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
)


def _default_axe_script() -> str:
    base = Path(getattr(settings, "BASE_DIR", Path.cwd()))
    return str(base / "node_modules" / "axe-core" / "axe.min.js")


@dataclass(frozen=True)
class AuditSettings:
    #: Dotted path of the browser backend class; a REMOTE_URL switches to the remote one.
    BROWSER_BACKEND: str = "audit.engine.browsers.LocalChromium"
    #: Selenium Grid or standalone chromedriver URL. Empty: run Chromium on this machine.
    REMOTE_URL: str = ""
    #: Debian's Chromium and chromedriver. Selenium Manager is never used.
    CHROMIUM_BINARY: str = "/usr/bin/chromium"
    CHROMEDRIVER: str = "/usr/bin/chromedriver"
    #: axe-core from its npm package (``npm ci``).
    AXE_SCRIPT: str = field(default_factory=_default_axe_script)
    #: axe rule tags to run.
    TAGS: tuple[str, ...] = DEFAULT_TAGS
    #: Where reports send readers for a Clearway rule's help (``{rule}`` is its id).
    RULE_HELP_URL: str = "docs/audit-rules.md#{rule}"
    #: Run Clearway's content rules (link text, plain English, titles...) on each page.
    CONTENT_CHECKS: bool = True
    #: Run Clearway's browser rules (reflow, text spacing, focus, keyboard...) after axe-core.
    BROWSER_CHECKS: bool = True
    #: Engines to run: ``axe`` (axe-core), ``ibm`` (IBM Equal Access, in the same browser visit,
    #: after axe) and ``clearway`` (Clearway's content and browser rules: without it, neither
    #: runs, whatever CONTENT_CHECKS and BROWSER_CHECKS say).
    ENGINES: tuple[str, ...] = ALL_ENGINES
    #: Rule ids to switch off: axe-core's (``region``) and Clearway's (``clearway-...``).
    DISABLED_RULES: tuple[str, ...] = ()
    #: Clearway rules' tunable values by rule id, e.g.
    #: ``{"clearway-reading-age": {"target": 11}}``; see docs/audit-rules.md.
    RULE_OPTIONS: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Browsers working in parallel (default: one per core).
    WORKERS: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: Seconds allowed for one page's load and analysis before it is recorded as a timeout.
    PAGE_TIMEOUT: float = 30.0
    #: A browser is replaced after this many pages, to bound memory growth.
    RESTART_EVERY: int = 250
    #: Larger pages are recorded as errors without a browser run.
    MAX_PAGE_BYTES: int = 5 * 1024 * 1024
    #: Check the PDFs the audited pages link to, on the allowed hosts (docs/documents.md).
    DOCUMENTS: bool = True
    #: Larger documents are recorded as not checked ("too large"), never read whole.
    MAX_DOCUMENT_BYTES: int = 25 * 1024 * 1024
    #: Redirects followed per page; every hop is checked against the allowed hosts.
    MAX_REDIRECTS: int = 5
    #: Hosts the crawler may visit besides those of the Wagtail sites and the given URLs.
    ALLOWED_HOSTS: tuple[str, ...] = ()
    #: Check every request the audit browser makes before it is sent (docs/audit.md, "What
    #: the audit will and will not contact"). Only for a WebDriver server that hides the
    #: browser's DevTools would you turn it off.
    GUARD_REQUESTS: bool = True
    #: Hosts a page's images, frames, scripts, styles, fonts and media may come from besides
    #: the audited site. None: any host whose addresses are all public.
    THIRD_PARTY_HOSTS: tuple[str, ...] | None = None
    #: Query parameters dropped when normalising URLs (``*`` matches any ending).
    TRACKING_PARAMETERS: tuple[str, ...] = ("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid")
    #: Limits for link following.
    MAX_PAGES: int = 5000
    MAX_DEPTH: int = 3
    #: Reuse the last results of pages whose HTML, assets and rules are unchanged (stored
    #: runs only; see docs/audit.md, "Unchanged pages").
    REUSE_UNCHANGED: bool = True
    #: Audit each page in the background when it is published.
    AUDIT_ON_PUBLISH: bool = True
    #: Task workers that share one stored run started by a task (nightly, the admin's "run
    #: now"): its pages are split into batches of BATCH_SIZE, and this many ``audit_batches``
    #: tasks claim them, each with up to WORKERS browsers (docs/scale.md). 1: one worker
    #: audits the whole run, as the `audit` command always does.
    PARALLEL_BATCHES: int = 1
    BATCH_SIZE: int = 50
    #: Seconds a worker's claim on a batch lasts; each page it stores renews it. A batch whose
    #: worker died is claimed by another after this long.
    BATCH_LEASE: float = 180.0
    #: Dotted path of a function returning the site's pages with a review date and owner
    #: (:class:`audit.core.review.PageReview`); empty: the site has none (docs/content-review.md).
    PAGE_REVIEWS: str = ""
    #: Compressed bytes a page should weigh at most (HTML, CSS, JS and images on a first visit):
    #: 14 KB, what the first round trip of a new connection carries.
    PAGE_WEIGHT_BUDGET: int = 14 * 1024
    #: Measure a page's weight when it is published, for its editor panel.
    WEIGH_ON_PUBLISH: bool = True
    #: Browser window size for analysis.
    WINDOW_WIDTH: int = 1280
    WINDOW_HEIGHT: int = 1024

    def __post_init__(self) -> None:
        unknown = [name for name in self.ENGINES if name not in ALL_ENGINES]
        if unknown or not self.ENGINES:
            raise ImproperlyConfigured(
                f"CLEARWAY_AUDIT['ENGINES'] must name one or more of {', '.join(ALL_ENGINES)}; "
                f"got {', '.join(self.ENGINES) or 'none'}."
            )

    @property
    def runs_content_checks(self) -> bool:
        """Clearway's content rules run: CONTENT_CHECKS, and ``clearway`` in ENGINES."""
        return self.CONTENT_CHECKS and "clearway" in self.ENGINES

    @property
    def runs_browser_checks(self) -> bool:
        """Clearway's browser rules run: BROWSER_CHECKS, and ``clearway`` in ENGINES."""
        return self.BROWSER_CHECKS and "clearway" in self.ENGINES

    @property
    def runs_document_checks(self) -> bool:
        """PDFs linked from the audited pages are checked: DOCUMENTS, and ``clearway`` in
        ENGINES (the document rules are Clearway's)."""
        return self.DOCUMENTS and "clearway" in self.ENGINES

    def rule_options(self, rule: Configurable) -> dict[str, Any]:
        """``rule``'s options: its defaults with this configuration's overrides."""
        return {**rule.options, **self.RULE_OPTIONS.get(rule.id, {})}

    def rule_enabled(self, rule_id: str) -> bool:
        return rule_id not in self.DISABLED_RULES

    def with_overrides(self, **overrides: Any) -> AuditSettings:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update({key: value for key, value in overrides.items() if value is not None})
        return AuditSettings(**values)


def audit_settings() -> AuditSettings:
    configured: dict[str, Any] = dict(getattr(settings, "CLEARWAY_AUDIT", {}))
    known = {f.name for f in fields(AuditSettings)}
    unknown = set(configured) - known
    if unknown:
        raise ImproperlyConfigured(
            f"Unknown CLEARWAY_AUDIT setting(s): {', '.join(sorted(unknown))}. "
            f"Known: {', '.join(sorted(known))}."
        )
    for key in (
        "ENGINES",
        "TAGS",
        "DISABLED_RULES",
        "ALLOWED_HOSTS",
        "TRACKING_PARAMETERS",
        "THIRD_PARTY_HOSTS",
    ):
        if configured.get(key) is not None:
            configured[key] = tuple(configured[key])
    return AuditSettings(**configured)
