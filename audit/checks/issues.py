"""What a Clearway check reports, and how that becomes a finding like axe-core's."""

from __future__ import annotations

from dataclasses import dataclass

from audit.checks.catalogue import get_rule
from audit.core.enums import Engine, Outcome, Source
from audit.results import FindingResult
from audit.results.fingerprints import fingerprint


@dataclass(frozen=True)
class Issue:
    """One element (or the page, selector ``html``) failing one Clearway rule."""

    rule: str
    #: A CSS selector for the element, without positions where the element can be named
    #: otherwise (ids, attributes): fingerprints depend on it.
    selector: str
    #: The element's outer HTML (cut by the caller if huge), or a short excerpt for page-level
    #: issues.
    html: str
    #: What exactly is wrong with this element, for the editor ("'Click here' does not say
    #: where the link goes").
    message: str
    #: What the check found; the finding is never more than its rule's outcome
    #: (:meth:`audit.checks.catalogue.Rule.finding_outcome`).
    outcome: Outcome = Outcome.VIOLATION
    source: Source = Source.TEMPLATE
    #: The ``data-clearway-content`` region's field name, when in one.
    region: str = ""
    #: The nearest ``data-block-id`` inside that region.
    block_id: str = ""


def issue_to_finding(issue: Issue, page_key: str, help_url: str = "") -> FindingResult:
    """A finding for ``issue``, described by its catalogue rule."""
    rule = get_rule(issue.rule)
    return FindingResult(
        rule=rule.id,
        engine=Engine.CLEARWAY,
        outcome=rule.finding_outcome(issue.outcome),
        impact=rule.impact,
        wcag=rule.wcag,
        level=rule.level,
        selector=issue.selector,
        html=issue.html,
        message=issue.message,
        help_url=help_url,
        fingerprint=fingerprint(rule.id, page_key, issue.selector, issue.html),
        help=rule.help,
        source=issue.source,
        region=issue.region,
        block_id=issue.block_id,
    )
