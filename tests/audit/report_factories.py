"""Small builders of audit results for the report and baseline tests."""

from __future__ import annotations

import datetime
from typing import Any

from audit.core.enums import Engine, Impact, Level, Outcome, PageStatus
from audit.results import FindingResult, PageAudit
from audit.results.fingerprints import fingerprint, page_key
from audit.results.sinks import RunSummary

STARTED = datetime.datetime(2025, 1, 15, 2, 0, tzinfo=datetime.UTC)
AXE_VERSION = "4.10.2"
HOME = "http://localhost/"


def finding(
    rule: str = "image-alt",
    *,
    url: str = "http://localhost/bins/",
    selector: str = "img.hero",
    html: str = '<img src="bin.png" class="hero">',
    impact: Impact = Impact.CRITICAL,
    outcome: Outcome = Outcome.VIOLATION,
    **overrides: Any,
) -> FindingResult:
    """A finding with a real fingerprint (from rule, URL, selector and HTML)."""
    values: dict[str, Any] = {
        "rule": rule,
        "engine": Engine.AXE,
        "outcome": outcome,
        "impact": impact,
        "wcag": ("1.1.1",),
        "level": Level.A,
        "selector": selector,
        "html": html,
        "message": "Fix any of the following:\n  Element does not have an alt attribute",
        "help_url": f"https://dequeuniversity.com/rules/axe/4.10/{rule}",
        "fingerprint": fingerprint(rule, page_key(url, None), selector, html),
    }
    values.update(overrides)
    return FindingResult(**values)


def page(
    url: str = "http://localhost/bins/",
    *findings: FindingResult,
    status: PageStatus = PageStatus.OK,
    http_status: int | None = 200,
    error: str = "",
    duration: float = 1.25,
) -> PageAudit:
    return PageAudit(
        url=url,
        status=status,
        http_status=http_status,
        error=error,
        findings=list(findings),
        duration=duration,
    )


def summary(*pages: PageAudit, seconds: float = 95) -> RunSummary:
    return RunSummary(
        started_at=STARTED,
        finished_at=STARTED + datetime.timedelta(seconds=seconds),
        axe_version=AXE_VERSION,
        pages=list(pages),
    )


def mixed_summary() -> RunSummary:
    """Every page status, both outcomes, all four impacts, a snippet XML cannot hold."""
    bins = "http://localhost/bins/"
    tax = "http://localhost/council-tax/?tab=pay"
    return summary(
        page(
            bins,
            finding(url=bins),
            finding(
                "color-contrast",
                url=bins,
                selector="a.button",
                html='<a class="button">Report a missed bin\x0b</a>',
                impact=Impact.SERIOUS,
                wcag=("1.4.3",),
                level=Level.AA,
                message="Fix any of the following:\n  Element has insufficient contrast (3.1:1)",
            ),
            finding(
                "region",
                url=bins,
                selector="div.notice",
                impact=Impact.MODERATE,
                wcag=(),
                level=Level.BEST_PRACTICE,
            ),
            finding(
                "color-contrast",
                url=bins,
                selector="span.hint",
                impact=Impact.SERIOUS,
                outcome=Outcome.NEEDS_REVIEW,
                wcag=("1.4.3",),
                level=Level.AA,
            ),
        ),
        page(
            tax,
            finding(
                "link-name",
                url=tax,
                selector="a.icon",
                html='<a class="icon" href="/pay"></a>',
                impact=Impact.MINOR,
                wcag=("2.4.4", "4.1.2"),
            ),
        ),
        page(HOME, duration=0.8),
        page(f"{HOME}broken/", status=PageStatus.ERROR, http_status=500, error="HTTP 500"),
        page(f"{HOME}slow/", status=PageStatus.TIMEOUT, http_status=None, error="30 s"),
        page(f"{HOME}private/", status=PageStatus.SKIPPED, http_status=None, error="Private"),
    )
