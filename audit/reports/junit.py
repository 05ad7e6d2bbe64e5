"""The JUnit XML report, in the Jenkins/Ant format CI servers read (Jenkins, GitLab, Azure
DevOps, GitHub test-report actions).

One ``<testsuite>`` for the run and one ``<testcase>`` per page: ``classname`` is the host and
``name`` the path. Each violation that fails the run (at or above ``--fail-on`` and, with a
baseline, new) is a ``<failure>``, so the report agrees with the exit status; the others,
needs-review findings and findings an editor dismissed (never a failure) are listed in the
page's ``<system-out>``. A page that could not be
audited (error, timeout, left the site) has an ``<error>``; a skipped page has ``<skipped>``.

Counts follow JUnit's meaning: ``tests`` is the number of pages, ``failures`` the pages with at
least one failing violation, ``errors`` the pages that could not be audited and ``skipped`` the
pages skipped. The number of violations is in the suite's properties.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection

from lxml import etree

from audit.core.enums import DismissalReason, Engine, PageStatus
from audit.reports.base import ToolInfo, aware, short_message, split_url
from audit.results import FindingResult, PageAudit
from audit.results.sinks import FAILED_STATUSES, RunSummary

SUITE_NAME = "clearway accessibility audit"

# Characters XML 1.0 cannot hold, even escaped; they are dropped from snippets and messages.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _seconds(value: float) -> str:
    return f"{max(value, 0.0):.3f}"


def _timestamp(moment: datetime.datetime) -> str:
    # Ant's schema wants a plain date and time: UTC, without an offset.
    return aware(moment).astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def finding_details(finding: FindingResult) -> str:
    """The body of a ``<failure>``, or a needs-review entry: everything needed to find and fix
    the element."""
    wcag = ", ".join(finding.wcag) or "none"
    lines = [
        f"Rule: {finding.rule} ({Engine(finding.engine).label})",
        f"Impact: {finding.impact}",
        f"WCAG: {wcag} (level {finding.level})",
        f"Selector: {finding.selector}",
        f"HTML: {finding.html}",
    ]
    if finding.help_url:
        lines.append(f"Help: {finding.help_url}")
    lines.append(f"Fingerprint: {finding.fingerprint}")
    if finding.message:
        lines.extend(["", finding.message.strip()])
    return "\n".join(lines)


def _testcase(
    suite: etree._Element, page: PageAudit, failing: Collection[str] | None = None
) -> None:
    host, path = split_url(page.url)
    case = etree.SubElement(
        suite, "testcase", classname=host, name=xml_text(path), time=_seconds(page.duration)
    )
    if page.status == PageStatus.SKIPPED:
        etree.SubElement(case, "skipped", message=xml_text(page.error or "Skipped"))
    elif page.status in FAILED_STATUSES:
        error = etree.SubElement(
            case, "error", message=xml_text(page.error or str(page.status)), type=str(page.status)
        )
        status = f"HTTP {page.http_status}" if page.http_status else "no HTTP response"
        label = PageStatus(page.status).label
        error.text = xml_text(f"{page.url}: {label} ({status})\n{page.error}".strip())
    fails = [f for f in page.violations if failing is None or f.fingerprint in failing]
    passes = [f for f in page.violations if f not in fails]
    for finding in fails:
        failure = etree.SubElement(
            case,
            "failure",
            message=xml_text(f"{finding.rule}: {short_message(finding)}"),
            type=str(finding.impact),
        )
        failure.text = xml_text(finding_details(finding))
    entries = [
        f"{label}: {finding.rule}: {short_message(finding)}\n{finding_details(finding)}"
        for label, findings in (
            ("Violation that does not fail the run (below --fail-on, or in the baseline)", passes),
            ("Needs review", page.needs_review),
            ("Advice (not a WCAG failure)", page.advice),
        )
        for finding in findings
    ]
    entries += [
        f"Dismissed ({_reason_label(finding.dismissed)}): {finding.rule}: "
        f"{short_message(finding)}\n{finding_details(finding)}"
        for finding in page.dismissed
    ]
    if entries:
        out = etree.SubElement(case, "system-out")
        out.text = xml_text("\n\n".join(entries))


def _reason_label(reason: str) -> str:
    return str(DismissalReason(reason).label) if reason in DismissalReason.values else reason


def render(
    summary: RunSummary, tool: ToolInfo | None = None, failing: Collection[str] | None = None
) -> str:
    """The JUnit XML report as text (UTF-8, with an XML declaration). ``failing``: the
    fingerprints of the violations that fail the run, as the exit status counts them (the
    others are listed in the page's output); None: every violation is a failure."""
    tool = tool or ToolInfo()
    pages = summary.pages

    def fails(page: PageAudit) -> bool:
        return any(failing is None or f.fingerprint in failing for f in page.violations)

    counts = {
        "tests": str(len(pages)),
        "failures": str(sum(1 for page in pages if fails(page))),
        "errors": str(sum(1 for page in pages if page.status in FAILED_STATUSES)),
    }
    skipped = str(sum(1 for page in pages if page.status == PageStatus.SKIPPED))
    elapsed = _seconds((aware(summary.finished_at) - aware(summary.started_at)).total_seconds())

    root = etree.Element("testsuites", name=SUITE_NAME, **counts, time=elapsed)
    suite = etree.SubElement(
        root,
        "testsuite",
        name=SUITE_NAME,
        **counts,
        skipped=skipped,
        time=elapsed,
        timestamp=_timestamp(summary.started_at),
    )
    properties = etree.SubElement(suite, "properties")
    for name, value in (
        ("tool", f"{tool.name} {tool.version}"),
        ("axe_version", summary.axe_version),
        ("violations", str(summary.violations)),
        ("needs_review", str(summary.needs_review)),
        ("advice", str(summary.advice)),
        ("dismissed", str(summary.dismissed)),
    ):
        etree.SubElement(properties, "property", name=name, value=xml_text(value))
    for page in pages:
        _testcase(suite, page, failing)
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml.decode("utf-8")
