"""The SARIF 2.1.0 report, for code-scanning dashboards and SARIF viewers.

One run: the tool (Clearway, with axe-core as an extension) and its rules, then one result per
finding. A result's location is the page's URL, with the element's CSS selector as a logical
location and its HTML in the result's properties (SARIF regions need line or character
offsets, which a rendered DOM does not have). ``partialFingerprints["clearwayFingerprint/v1"]``
is the finding's fingerprint, so a viewer can track a finding across runs.

Levels: violations of serious or critical impact are errors, minor or moderate ones warnings;
needs-review findings and advice (not WCAG failures) are notes. A finding an editor dismissed
keeps its level and carries a ``suppressions`` entry (external, accepted, with the reason).
Pages that could not be audited are tool execution notifications, not results.
"""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING, Any

from audit.core.enums import DismissalReason, Engine, Impact, Outcome, PageStatus
from audit.reports.base import ToolInfo, aware, short_message
from audit.results import FindingResult, PageAudit
from audit.results.sinks import RunSummary

if TYPE_CHECKING:
    from audit.reports.baseline import BaselineComparison

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
#: The key of the fingerprint in ``partialFingerprints``; bump its version if it ever changes.
FINGERPRINT_KEY = "clearwayFingerprint/v1"
DRIVER_NAME = "Clearway"
AXE_URI = "https://github.com/dequelabs/axe-core"
IBM_URI = "https://github.com/IBMa/equal-access"


def sarif_level(finding: FindingResult) -> str:
    if finding.outcome != Outcome.VIOLATION:
        return "note"
    return "error" if Impact.rank(finding.impact) >= Impact.rank(Impact.SERIOUS) else "warning"


def _utc(moment: datetime.datetime) -> str:
    return aware(moment).astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rule(finding: FindingResult) -> dict[str, Any]:
    wcag = list(finding.wcag)
    criteria = f"WCAG {', '.join(wcag)}, level {finding.level}" if wcag else str(finding.level)
    tags = ["accessibility", str(finding.engine), *(f"WCAG {sc}" for sc in wcag)]
    tags.append("best-practice" if not wcag else f"WCAG level {finding.level}")
    rule: dict[str, Any] = {
        "id": finding.rule,
        "shortDescription": {
            "text": finding.help or f"{Engine(finding.engine).label} rule {finding.rule}"
        },
        "fullDescription": {
            "text": f"{Engine(finding.engine).label} rule {finding.rule} ({criteria})."
        },
        "properties": {"tags": tags, "wcag": wcag, "level": str(finding.level)},
    }
    if finding.help_url:
        rule["helpUri"] = finding.help_url
    return rule


def _axe_extension(version: str) -> dict[str, str]:
    return {"name": "axe-core", "version": version, "informationUri": AXE_URI}


def _extensions(summary: RunSummary) -> list[dict[str, str]]:
    """The browser engines the run used: axe-core (always listed, as before), IBM's."""
    extensions = [_axe_extension(summary.axe_version)]
    ibm = summary.engine_versions.get(Engine.IBM)
    if ibm:
        extensions.append(
            {"name": "accessibility-checker-engine", "version": ibm, "informationUri": IBM_URI}
        )
    return extensions


def _location(page: PageAudit, finding: FindingResult | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": page.url}}}
    if finding is not None and finding.selector:
        location["logicalLocations"] = [
            {"name": finding.selector, "fullyQualifiedName": finding.selector, "kind": "element"}
        ]
    return location


def _result(
    page: PageAudit,
    finding: FindingResult,
    rule_index: int,
    baseline: BaselineComparison | None,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": sarif_level(finding),
        "message": {"text": f"{short_message(finding)} (element: {finding.selector})"},
        "locations": [_location(page, finding)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "outcome": str(finding.outcome),
            "impact": str(finding.impact),
            "wcag": list(finding.wcag),
            "level": str(finding.level),
            "selector": finding.selector,
            "html": finding.html,
            "details": finding.message,
            "engines": {str(engine): rule for engine, rule in finding.engine_rules},
        },
    }
    if baseline is not None and finding.is_violation and not finding.is_dismissed:
        result["baselineState"] = "new" if baseline.is_new(finding) else "unchanged"
    if finding.is_dismissed:
        # SARIF's own way to say "reviewed, not to act on": viewers hide suppressed results.
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"Dismissed in Clearway: {_reason_label(finding.dismissed)}",
            }
        ]
        result["properties"]["dismissed"] = finding.dismissed
    return result


def _reason_label(reason: str) -> str:
    return str(DismissalReason(reason).label) if reason in DismissalReason.values else reason


def _notification(page: PageAudit) -> dict[str, Any]:
    level = "note" if page.status == PageStatus.SKIPPED else "error"
    reason = page.error or PageStatus(page.status).label
    return {
        "level": level,
        "message": {"text": f"{page.url} was not audited ({page.status}): {reason}"},
        "locations": [_location(page)],
    }


def sarif_log(
    summary: RunSummary,
    tool: ToolInfo | None = None,
    baseline: BaselineComparison | None = None,
) -> dict[str, Any]:
    """The SARIF log as plain data."""
    tool = tool or ToolInfo()
    first_of_rule: dict[str, FindingResult] = {}
    for page in summary.pages:
        for finding in page.findings:
            first_of_rule.setdefault(finding.rule, finding)
    rule_ids = sorted(first_of_rule)
    rule_index = {rule_id: index for index, rule_id in enumerate(rule_ids)}

    driver: dict[str, Any] = {"name": DRIVER_NAME, "version": tool.version}
    if tool.information_uri:
        driver["informationUri"] = tool.information_uri
    driver["rules"] = [_rule(first_of_rule[rule_id]) for rule_id in rule_ids]

    results = [
        _result(page, finding, rule_index[finding.rule], baseline)
        for page in summary.pages
        for finding in page.findings
    ]
    notifications = [_notification(page) for page in summary.pages if page.status != "ok"]
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "startTimeUtc": _utc(summary.started_at),
        "endTimeUtc": _utc(summary.finished_at),
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": driver,
                    "extensions": _extensions(summary),
                },
                "invocations": [invocation],
                "results": results,
                "properties": {
                    "pages": len(summary.pages),
                    "errors": summary.errors,
                    "violations": summary.violations,
                    "needsReview": summary.needs_review,
                    "advice": summary.advice,
                    "dismissed": summary.dismissed,
                },
            }
        ],
    }


def render(
    summary: RunSummary,
    tool: ToolInfo | None = None,
    baseline: BaselineComparison | None = None,
) -> str:
    """The SARIF report as JSON text."""
    return json.dumps(sarif_log(summary, tool, baseline), indent=2, ensure_ascii=False) + "\n"
