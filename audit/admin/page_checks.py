"""Clearway's content checks on a page's draft, for its editors: advice, never a reason not to
save. The draft is rendered as its preview renders it."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page

from audit.checks.catalogue import all_rules
from audit.checks.content import SiteTitles, check_html, reading_age_report
from audit.checks.help import RuleHelp, help_for
from audit.core.conf import audit_settings
from audit.core.enums import Outcome
from audit.storage.terms import load_terms

logger = logging.getLogger(__name__)

#: How many of the hardest sentences the checks list.
HARD_SENTENCES = 5


@dataclass
class DraftIssue:
    issue: Any
    help: RuleHelp | None

    @property
    def advice(self) -> bool:
        """Writing advice (plain English, good practice): listed, never counted as a problem,
        as in the report."""
        rule = all_rules().get(self.issue.rule)
        outcome = rule.finding_outcome(self.issue.outcome) if rule else self.issue.outcome
        return bool(outcome == Outcome.ADVICE)


@dataclass
class DraftChecks:
    issues: list[DraftIssue]
    readability: Any = None
    #: The sentences above the target reading age, hardest first (at most five).
    hard_sentences: list[Any] = field(default_factory=list)
    error: str = ""

    @property
    def problems(self) -> list[DraftIssue]:
        """Accessibility problems (violations and needs-review): the draft's count in the
        editor's "Issues found", beside Wagtail's own checks."""
        return [item for item in self.issues if not item.advice]

    @property
    def advice(self) -> list[DraftIssue]:
        return [item for item in self.issues if item.advice]


def render_draft(page: Page, request: HttpRequest) -> str:
    """The HTML of the page's latest revision, as its preview renders it."""
    draft = page.specific.get_latest_revision_as_object()
    response = draft.make_preview_request(request, draft.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    return str(response.content.decode(response.charset or "utf-8"))


def draft_checks(page: Page, request: HttpRequest) -> DraftChecks:
    """Clearway's content rules on the page's draft, and its reading age."""
    try:
        html = render_draft(page, request)
    except Exception:  # a draft that cannot render is the preview's business, not ours
        logger.exception("Could not render the draft of page %s", page.pk)
        return DraftChecks(issues=[], error=_("Your draft could not be shown, so not checked."))
    config = audit_settings()
    # The site's other pages (4 queries): a draft's title may repeat another page's.
    issues = check_html(
        html,
        url=page.full_url or "",
        config=config,
        site_titles=SiteTitles.from_wagtail(),
        terms=load_terms(),
    )
    readability = reading_age_report(html, config=config)
    hard = [s for s in readability.sentences if s.reading_age > readability.target]
    return DraftChecks(
        issues=[DraftIssue(issue=issue, help=help_for(issue.rule)) for issue in issues],
        readability=readability,
        hard_sentences=hard[:HARD_SENTENCES],
    )
