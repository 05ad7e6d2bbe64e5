"""A Wagtail document's findings, as its edit view shows them (docs/documents.md).

A document is checked as a result of its own, at the address the audited pages linked to it
(:mod:`audit.engine.documents`): a :class:`~audit.storage.models.PageResult` without a page,
whose findings are fingerprinted by that address and the rule. So a document's findings are
found by its address on each Wagtail site (``/documents/<id>/<file name>``, or the storage's URL
when documents are served directly), as the page panel finds its linked documents'.

The address holds the file's name: a file replaced under another name is a new address, not
checked until a live page links to it again (its old address's findings stay in the report).
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from django.db.models import QuerySet
from wagtail.models import Site

from audit.admin.findings import FindingView, finding_view
from audit.checks.criteria import criterion
from audit.core.enums import FindingStatus, Impact, Outcome, PageStatus
from audit.storage.models import PageResult, TrackedFinding


@dataclass
class DocumentFinding:
    """One open finding on the document, as a row of its table."""

    view: FindingView
    #: The WCAG success criteria it fails, each as "1.3.1 Info and relationships (A)".
    criteria: list[str]
    first_found: datetime.datetime
    last_found: datetime.datetime

    @property
    def tracked(self) -> TrackedFinding:
        return self.view.tracked


@dataclass
class DocumentFindings:
    #: The full URLs the audit may have met the document at, one per Wagtail site.
    addresses: list[str]
    #: The document's address at its last check (empty when it was never checked).
    url: str = ""
    last_checked: datetime.datetime | None = None
    #: Why the last check could not read it ("locked with a password"...); empty when it could.
    error: str = ""
    problems: list[DocumentFinding] = field(default_factory=list)
    advice: list[DocumentFinding] = field(default_factory=list)
    dismissed: int = 0
    #: Only PDFs are checked (docs/documents.md).
    is_pdf: bool = True

    @property
    def checked(self) -> bool:
        return self.last_checked is not None

    @property
    def report_query(self) -> str:
        """The report's filter for the document's findings."""
        return urlencode({"address": self.url or (self.addresses[0] if self.addresses else "")})


def document_addresses(document: Any, sites: QuerySet[Site] | None = None) -> list[str]:
    """The full URLs of ``document`` that the audit records: its URL on each Wagtail site, or
    its own when it is already absolute (``WAGTAILDOCS_SERVE_METHOD = "direct"``)."""
    url: str = document.url
    if urlsplit(url).scheme:
        return [url]
    sites = Site.objects.all() if sites is None else sites
    return sorted({urljoin(site.root_url, url) for site in sites})


def _row(item: TrackedFinding) -> DocumentFinding:
    wcag = item.latest.wcag if item.latest else []
    criteria = []
    for number in wcag:
        known = criterion(number)
        criteria.append(f"{number} {known.name} ({known.level})" if known else number)
    return DocumentFinding(
        view=finding_view(item),
        criteria=criteria,
        first_found=item.first_seen.began_at,
        last_found=item.last_seen.began_at,
    )


def document_findings(document: Any) -> DocumentFindings:
    """What the audit last found on ``document``: its last check and its open findings, worst
    first. Three queries: the sites, the last check, the findings."""
    addresses = document_addresses(document)
    result = DocumentFindings(
        addresses=addresses,
        is_pdf=posixpath.splitext(urlsplit(document.url).path)[1].lower() == ".pdf",
    )
    last = (
        PageResult.objects.filter(url__in=addresses, page__isnull=True)
        .order_by("-audited_at", "-pk")
        .only("url", "status", "error", "audited_at")
        .first()
    )
    if last is not None:
        result.url = last.url
        result.last_checked = last.audited_at
        result.error = last.error if last.status != PageStatus.OK else ""
    tracked = (
        TrackedFinding.objects.of_documents(addresses)
        .current_or_dismissed()
        .with_latest()
        .select_related("first_seen", "last_seen")
        .order_by("rule", "pk")
    )
    for item in tracked:
        if item.status == FindingStatus.DISMISSED:
            result.dismissed += 1
        elif item.outcome == Outcome.ADVICE:
            result.advice.append(_row(item))
        else:
            result.problems.append(_row(item))
    result.problems.sort(
        key=lambda row: -Impact.rank(row.tracked.latest.impact if row.tracked.latest else "")
    )
    return result
