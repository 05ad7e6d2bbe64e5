"""The plain-text report: what a person reads at the end of ``manage.py audit``.

The totals first, then the rules that fail most often, the findings to review and the advice
(not WCAG failures), then every page with violations or errors and what is wrong with it.
Colour only when asked (the report sink asks when writing to a terminal and ``NO_COLOR`` is not
set).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from django.utils import timezone

from audit.core.enums import Impact, PageStatus
from audit.reports.base import ToolInfo, aware, duration_text, impact_order, one_line, short_message
from audit.results import FindingResult, PageAudit
from audit.results.sinks import FAILED_STATUSES, RunSummary, engine_labels

if TYPE_CHECKING:
    from audit.reports.baseline import BaselineComparison

#: Rules listed under "Most frequent rules".
TOP_RULES = 10

_RESET = "\033[0m"
_STYLES = {"bold": "\033[1m", "red": "\033[31m", "yellow": "\033[33m", "dim": "\033[2m"}
_IMPACT_STYLE = {"critical": "red", "serious": "red", "moderate": "yellow", "minor": ""}


class _Styler:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, *styles: str) -> str:
        codes = "".join(_STYLES[style] for style in styles if style)
        return f"{codes}{text}{_RESET}" if self.colour and codes else text


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _time(moment: datetime.datetime) -> str:
    return timezone.localtime(aware(moment)).strftime("%Y-%m-%d %H:%M:%S %Z")


def _page_counts(pages: list[PageAudit]) -> str:
    statuses = Counter(str(page.status) for page in pages)
    parts = [f"{statuses[PageStatus.OK]} audited"]
    for status, label in (
        (PageStatus.ERROR, "error"),
        (PageStatus.TIMEOUT, "timed out"),
        (PageStatus.LEFT_SITE, "left the site"),
        (PageStatus.SKIPPED, "skipped"),
    ):
        if statuses[status]:
            parts.append(f"{statuses[status]} {label}")
    return f"{len(pages)} ({', '.join(parts)})"


def _violation_counts(summary: RunSummary) -> str:
    impacts = Counter(str(finding.impact) for page in summary.pages for finding in page.violations)
    if not summary.violations:
        return "none"
    by_impact = ", ".join(
        f"{impacts[impact]} {impact}"
        for impact in sorted(Impact.values, key=impact_order)
        if impacts[impact]
    )
    failing = sum(1 for page in summary.pages if page.violations)
    return f"{summary.violations} ({by_impact}) on {_plural(failing, 'page')}"


def _rule_table(
    findings: list[tuple[PageAudit, FindingResult]], noun: str, limit: int = TOP_RULES
) -> list[str]:
    counts: Counter[str] = Counter()
    pages: defaultdict[str, set[str]] = defaultdict(set)
    for page, finding in findings:
        counts[finding.rule] += 1
        pages[finding.rule].add(page.url)
    top = counts.most_common(limit)
    width = max((len(rule) for rule, _count in top), default=0)
    return [
        f"  {rule.ljust(width)}  {_plural(count, noun)} on {_plural(len(pages[rule]), 'page')}"
        for rule, count in top
    ]


def _finding_lines(
    finding: FindingResult, style: _Styler, baseline: BaselineComparison | None
) -> list[str]:
    impact = style(f"[{finding.impact}]", _IMPACT_STYLE.get(str(finding.impact), ""))
    new = f" {style('NEW', 'bold')}" if baseline is not None and baseline.is_new(finding) else ""
    wcag = f"WCAG {', '.join(finding.wcag)} ({finding.level})" if finding.wcag else "best practice"
    lines = [
        f"  {impact} {style(finding.rule, 'bold')}: {short_message(finding)}{new}",
        f"      {wcag}  {finding.selector}",
        f"      {one_line(finding.html, 160)}",
    ]
    if finding.help_url:
        lines.append(f"      {style(finding.help_url, 'dim')}")
    return lines


def _page_lines(page: PageAudit, style: _Styler, baseline: BaselineComparison | None) -> list[str]:
    lines = [style(page.url, "bold")]
    if page.status in FAILED_STATUSES:
        http = f" (HTTP {page.http_status})" if page.http_status else ""
        label = PageStatus(page.status).label.lower()
        lines.append(f"  {style(label, 'red')}{http}: {one_line(page.error or 'no details')}")
    for finding in sorted(page.violations, key=lambda finding: impact_order(finding.impact)):
        lines.extend(_finding_lines(finding, style, baseline))
    if page.needs_review:
        lines.append(f"  and {_plural(len(page.needs_review), 'finding')} to review by hand")
    if page.advice:
        lines.append(f"  and {_plural(len(page.advice), 'piece')} of advice")
    return lines


def _engines(summary: RunSummary) -> list[str]:
    """ "axe-core 4.14.1", "IBM Equal Access 4.0.34": the browser engines the run used."""
    versions = engine_labels(summary.engine_versions, summary.axe_version)
    return [f"{label} {version}" for label, version in versions]


def render(
    summary: RunSummary,
    tool: ToolInfo | None = None,
    baseline: BaselineComparison | None = None,
    *,
    colour: bool = False,
) -> str:
    """The text report. ``baseline`` adds "N new, M still present, K fixed" and marks the new
    violations."""
    tool = tool or ToolInfo()
    style = _Styler(colour)
    elapsed = (aware(summary.finished_at) - aware(summary.started_at)).total_seconds()
    lines = [
        style("Clearway accessibility audit", "bold"),
        ", ".join([f"{tool.name} {tool.version}", *_engines(summary)]),
        f"From {_time(summary.started_at)} to {_time(summary.finished_at)} "
        f"({duration_text(elapsed)})",
        "",
        f"Pages:        {_page_counts(summary.pages)}",
        f"Violations:   {_violation_counts(summary)}",
        f"Needs review: {summary.needs_review}",
        f"Advice:       {summary.advice} (not WCAG failures)",
    ]
    if summary.dismissed:
        lines.append(f"Dismissed:    {summary.dismissed} (by editors, in no other total)")
    if baseline is not None:
        line = f"Against the baseline: {baseline.counts_text()}"
        if baseline.unverified:
            line += f" ({len(baseline.unverified)} on pages not audited this time)"
        lines.append(line)

    violations = [(page, finding) for page in summary.pages for finding in page.violations]
    if violations:
        lines += ["", style("Most frequent rules", "bold"), *_rule_table(violations, "violation")]
    review = [(page, finding) for page in summary.pages for finding in page.needs_review]
    if review:
        lines += ["", style("To review by hand", "bold"), *_rule_table(review, "finding")]
    advice = [(page, finding) for page in summary.pages for finding in page.advice]
    if advice:
        lines += ["", style("Advice (not WCAG failures)", "bold"), *_rule_table(advice, "finding")]

    problem_pages = [
        page for page in summary.pages if page.violations or page.status in FAILED_STATUSES
    ]
    if problem_pages:
        lines += ["", style("Pages with problems", "bold")]
        for page in problem_pages:
            lines += ["", *_page_lines(page, style, baseline)]
    return "\n".join(lines) + "\n"
