"""What every report shares: the tool's identity, times, and small formatting helpers."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urlsplit

from audit.core.enums import Impact
from audit.results import FindingResult

#: The distribution whose version the reports give as the tool's.
DISTRIBUTION = "clearway"


def _distribution_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _distribution_homepage() -> str:
    """The ``Homepage`` of the project's ``[project.urls]``, or "" when it has none."""
    try:
        urls: list[str] = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return ""
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return ""


@dataclass(frozen=True)
class ToolInfo:
    """The tool named in reports. ``axe_version`` comes from the run itself."""

    name: str = "clearway"
    version: str = field(default_factory=_distribution_version)
    information_uri: str = field(default_factory=_distribution_homepage)


def aware(moment: datetime.datetime) -> datetime.datetime:
    """``moment`` with a time zone: naive datetimes are taken to be UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def iso(moment: datetime.datetime) -> str:
    """ISO 8601 with the time zone, to the second: ``2025-01-15T02:00:00+00:00``."""
    return aware(moment).isoformat(timespec="seconds")


def split_url(url: str) -> tuple[str, str]:
    """``(host, path?query)``: a page's JUnit class name and test name."""
    parts = urlsplit(url)
    host = parts.netloc.lower() or "unknown"
    path = parts.path or "/"
    return host, f"{path}?{parts.query}" if parts.query else path


_WHITESPACE = re.compile(r"\s+")
_FIX_HEADER = re.compile(r"^Fix (?:any|all) of the following:\s*$", re.IGNORECASE)


def one_line(text: str, limit: int = 200) -> str:
    """Whitespace folded, cut to ``limit`` characters with an ellipsis."""
    folded = _WHITESPACE.sub(" ", text).strip()
    return folded if len(folded) <= limit else folded[: limit - 1].rstrip() + "…"


def short_message(finding: FindingResult) -> str:
    """The rule's one-line description, else the first useful line of the message.

    axe's failure summaries start "Fix any of the following:" and then list the reasons; the
    first reason says more than the header.
    """
    if finding.help:
        return one_line(finding.help)
    lines = [line.strip() for line in finding.message.splitlines() if line.strip()]
    while lines and _FIX_HEADER.match(lines[0]):
        lines.pop(0)
    return one_line(lines[0]) if lines else finding.rule


def impact_order(impact: str) -> int:
    """Sort key: critical first."""
    return -Impact.rank(impact)


def duration_text(seconds: float) -> str:
    """``1 h 2 min``, ``3 min 4 s``, ``5 s``, ``0.3 s``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"
