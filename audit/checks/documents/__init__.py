"""Document rules: PDFs checked from their bytes, without a browser.

:func:`check_pdf` reads a PDF once (:mod:`.pdf`) and runs every enabled document rule on it
(:mod:`.rules`). Each problem is an :class:`~audit.checks.issues.Issue` on the whole document
(selector ``pdf``) or on one form field (``pdf field <name>``); its snippet names the document,
so a fingerprint is the document's URL and the rule (docs/documents.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.checks.catalogue import get_rule
from audit.checks.documents.pdf import PROBLEM_MESSAGES, PdfFacts, PdfProblem, read_pdf
from audit.checks.documents.rules import DOCUMENT_CHECKS, FORM_LABELS
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings
from audit.core.enums import Outcome, Source

__all__ = ["PROBLEM_MESSAGES", "DocumentCheck", "PdfFacts", "PdfProblem", "check_pdf"]

#: The selector of a finding on the whole document.
DOCUMENT_SELECTOR = "pdf"


@dataclass(frozen=True)
class DocumentCheck:
    facts: PdfFacts
    issues: list[Issue] = field(default_factory=list)

    @property
    def problem(self) -> str:
        """Why the document could not be checked, in words; empty when it was."""
        if self.facts.problem is None:
            return ""
        message = PROBLEM_MESSAGES[self.facts.problem]
        return f"{message} ({self.facts.detail})" if self.facts.detail else message


def check_pdf(data: bytes, *, name: str, config: AuditSettings) -> DocumentCheck:
    """Every enabled document rule on the PDF in ``data``. ``name`` identifies the document in
    the findings' snippets (its file name). Never raises on bad input: see
    :attr:`DocumentCheck.problem`."""
    facts = read_pdf(data)
    if not facts.ok:
        return DocumentCheck(facts)
    issues: list[Issue] = []
    for rule_id, check in DOCUMENT_CHECKS.items():
        if not config.rule_enabled(rule_id):
            continue
        message = check(facts, config.rule_options(get_rule(rule_id)))
        if message:
            issues.append(_issue(rule_id, DOCUMENT_SELECTOR, name, message))
    if config.rule_enabled(FORM_LABELS):
        for form_field in facts.fields:
            if not form_field.tooltip:
                issues.append(
                    _issue(
                        FORM_LABELS,
                        f"{DOCUMENT_SELECTOR} field {form_field.name}",
                        f"{name}: {form_field.name}",
                        f"The form field “{form_field.name}” has no tooltip (/TU) to label it.",
                    )
                )
    return DocumentCheck(facts, issues)


def _issue(rule_id: str, selector: str, snippet: str, message: str) -> Issue:
    return Issue(
        rule=rule_id,
        selector=selector,
        html=snippet,
        message=message,
        outcome=Outcome.VIOLATION,
        # Documents are uploaded by editors: theirs to fix.
        source=Source.CONTENT,
    )
