"""One page's findings as its editors see them: current ones worst first, dismissed ones with
the dismissal that covers them, and where in the page's blocks each one is."""

from __future__ import annotations

import datetime
import logging
import posixpath
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from django_stubs_ext import StrOrPromise
from wagtail.blocks import StreamValue
from wagtail.models import Page

from audit.admin.page_audits import audit_pending
from audit.checks.help import RuleHelp, help_for
from audit.core.enums import FindingStatus, Impact, Outcome, PageStatus, Source
from audit.storage.dismissals import active_dismissal_for
from audit.storage.models import Dismissal, PageResult, TrackedFinding

logger = logging.getLogger(__name__)


@dataclass
class FindingView:
    """A tracked finding with what the panel says about it."""

    tracked: TrackedFinding
    help: RuleHelp | None
    block_label: str = ""
    dismissal: Dismissal | None = None

    @property
    def finding(self) -> Any:
        return self.tracked.latest

    @property
    def is_content(self) -> bool:
        return bool(self.finding and self.finding.source == Source.CONTENT)

    @property
    def impact_label(self) -> StrOrPromise:
        return Impact(self.finding.impact).label if self.finding else ""


@dataclass
class LinkedDocument:
    """A PDF the page links to, as its last check saw it (docs/documents.md)."""

    url: str
    #: Why the last check could not read it ("locked with a password"...); empty when it could.
    error: str = ""
    checked: bool = False
    problems: list[FindingView] = field(default_factory=list)
    advice: int = 0
    dismissed: int = 0

    @property
    def name(self) -> str:
        return unquote(posixpath.basename(urlsplit(self.url).path)) or self.url

    @property
    def report_query(self) -> str:
        """The report's filter for this document's findings."""
        return urlencode({"address": self.url})


@dataclass
class PageFindings:
    page: Page
    current: list[FindingView] = field(default_factory=list)
    dismissed: list[FindingView] = field(default_factory=list)
    last_audited: datetime.datetime | None = None
    auditing: bool = False
    #: The PDFs the page linked to when last audited, with their findings.
    documents: list[LinkedDocument] = field(default_factory=list)

    @property
    def violations(self) -> list[FindingView]:
        return [f for f in self.current if f.tracked.outcome == Outcome.VIOLATION]

    @property
    def needs_review(self) -> list[FindingView]:
        return [f for f in self.current if f.tracked.outcome == Outcome.NEEDS_REVIEW]

    @property
    def problems(self) -> list[FindingView]:
        """Accessibility problems: violations and findings to review, worst first."""
        return [f for f in self.current if f.tracked.outcome != Outcome.ADVICE]

    @property
    def advice(self) -> list[FindingView]:
        """Writing advice (plain English, best practice): shown apart, never a problem."""
        return [f for f in self.current if f.tracked.outcome == Outcome.ADVICE]


def block_labels(page: Page) -> dict[tuple[str, str], str]:
    """``(field name, block id) -> label`` for the StreamField blocks of the page's draft."""
    labels: dict[tuple[str, str], str] = {}
    draft = page.specific.get_latest_revision_as_object()

    def walk(field_name: str, value: Any, parent: str = "") -> None:
        for child in value:
            label = str(child.block.label or child.block_type)
            full = f"{parent} \u203a {label}" if parent else label
            if child.id:
                labels[(field_name, child.id)] = full
            if isinstance(child.value, StreamValue):
                walk(field_name, child.value, full)

    for model_field in draft._meta.get_fields():
        value = getattr(draft, model_field.name, None) if hasattr(model_field, "attname") else None
        if isinstance(value, StreamValue):
            walk(model_field.name, value)
    return labels


def _safe_block_labels(page: Page, tracked: list[TrackedFinding]) -> dict[tuple[str, str], str]:
    if not any(t.latest and t.latest.block_id for t in tracked):
        return {}
    try:
        return block_labels(page)
    except Exception:  # a revision that no longer loads must not hide the findings
        logger.exception("Could not read the blocks of page %s", page.pk)
        return {}


def finding_view(
    item: TrackedFinding, labels: dict[tuple[str, str], str] | None = None
) -> FindingView:
    """``item`` with its rule's help (and, given the page's ``labels``, its block's label)."""
    latest = item.latest
    return FindingView(
        tracked=item,
        help=help_for(
            item.rule,
            help=latest.help if latest else "",
            message=latest.message if latest else "",
            help_url=latest.help_url if latest else "",
        ),
        block_label=(labels or {}).get((latest.region, latest.block_id), "") if latest else "",
    )


def page_findings(page: Page) -> PageFindings:
    """The page's current and dismissed findings from its last audits."""
    tracked = list(
        TrackedFinding.objects.for_page(page)
        .current_or_dismissed()
        .with_latest()
        .order_by("rule", "pk")
    )
    labels = _safe_block_labels(page, tracked)
    result = PageFindings(page=page, auditing=audit_pending(page.pk))
    for item in tracked:
        view = finding_view(item, labels)
        if item.status == FindingStatus.DISMISSED:
            view.dismissal = active_dismissal_for(item)
            result.dismissed.append(view)
        else:
            result.current.append(view)
    result.current.sort(key=lambda f: -Impact.rank(f.finding.impact if f.finding else ""))
    last = PageResult.objects.filter(page=page).order_by("-audited_at").first()
    result.last_audited = last.audited_at if last else None
    result.documents = linked_documents(last.documents if last else [])
    return result


def linked_documents(urls: list[str]) -> list[LinkedDocument]:
    """The documents at ``urls`` (a page's links), each with its current findings: a finding
    on a document has no page, so it is found by the document's address. Two queries."""
    documents = {url: LinkedDocument(url) for url in urls}
    if not documents:
        return []
    results = PageResult.objects.filter(url__in=documents, page__isnull=True).order_by(
        "url", "-audited_at"
    )
    for stored in results.only("url", "status", "error"):
        document = documents[stored.url]
        if not document.checked:  # The latest, listed first.
            document.checked = True
            document.error = stored.error if stored.status != PageStatus.OK else ""
    tracked = (
        TrackedFinding.objects.of_documents(documents)
        .current_or_dismissed()
        .with_latest()
        .order_by("rule", "pk")
    )
    for item in tracked:
        document = documents[item.url]
        if item.status == FindingStatus.DISMISSED:
            document.dismissed += 1
        elif item.outcome == Outcome.ADVICE:
            document.advice += 1
        else:
            document.problems.append(finding_view(item))
    return list(documents.values())
