"""Everything about a page that needs no browser: fetch it, fingerprint it, run content rules.

The runner prepares pages in threads of their own, ahead of the browsers: a page that cannot
be analysed (an error status, a PDF, a redirect loop) or that is unchanged since its last
audit never waits for, or occupies, a browser.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from audit.core.addresses import host_of
from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus
from audit.engine.documents import PDF_TYPE, audit_document, is_pdf_url, pdf_links
from audit.engine.fetch import FetchProblem, FetchResult, fetch_page
from audit.engine.links import asset_urls
from audit.engine.reuse import AssetFingerprints, content_fingerprint
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.fingerprints import page_key as make_page_key

logger = logging.getLogger(__name__)


class ContentChecks(Protocol):
    """Content rules for one run (:func:`audit.engine.content_checks.content_checks`).

    Called from the preparing threads with each fetched page's HTML; ``order`` is the page's
    place in the run, and :meth:`settle` is called once for every place (whether or not its
    page could be checked), so rules that compare a page with the ones before it can wait
    for them.
    """

    def __call__(
        self, html: str, url: str, page_key: str, order: int | None = None
    ) -> list[FindingResult]: ...

    def settle(self, order: int) -> None: ...


@dataclass
class PreparedPage:
    """A fetched page, ready for the browser (or already settled when the fetch failed)."""

    target: AuditTarget
    fetched: FetchResult
    #: Identifies the page in fingerprints: ``page:<id>`` or the URL.
    page_key: str
    #: Hosts the browser may be sent to for this page.
    allowed_hosts: tuple[str, ...]
    #: Seconds spent preparing (fetch, fingerprint, content rules).
    seconds: float = 0.0
    #: Empty when not computed (no asset fingerprints were asked for).
    fingerprint: str = ""
    content_findings: list[FindingResult] = field(default_factory=list)
    #: The PDFs the page links to (when documents are checked).
    documents: list[str] = field(default_factory=list)
    #: The target is itself a PDF: its checked result (:mod:`audit.engine.documents`).
    document: PageAudit | None = None

    @property
    def needs_browser(self) -> bool:
        return self.fetched.ok and self.document is None

    def result(
        self,
        status: PageStatus,
        error: str = "",
        findings: Sequence[FindingResult] = (),
        *,
        seconds: float = 0.0,
        reused: bool = False,
    ) -> PageAudit:
        """The page's audit: ``findings`` (from the browser) after the content rules' own."""
        return PageAudit(
            url=self.target.url,
            status=status,
            http_status=self.fetched.status,
            error=error,
            findings=[*self.content_findings, *findings] if status == PageStatus.OK else [],
            duration=self.seconds + seconds,
            page_id=self.target.page_id,
            content_fingerprint=self.fingerprint if status == PageStatus.OK else "",
            reused=reused,
            documents=list(self.documents),
        )

    def fetch_failure(self) -> PageAudit:
        if self.document is not None:
            self.document.page_id = self.target.page_id
            self.document.duration += self.seconds
            return self.document
        timed_out = self.fetched.error_kind == FetchProblem.TIMEOUT
        status = PageStatus.TIMEOUT if timed_out else PageStatus.ERROR
        return self.result(status, self.fetched.error)


class Preparer:
    """Prepares pages for one run; safe to share between threads.

    ``assets`` turns on content fingerprints (with ``analysis_key``, :func:`audit.engine.reuse.
    analysis_key`); ``content_checks`` runs content rules on the fetched HTML.
    """

    def __init__(
        self,
        config: AuditSettings,
        allowed_hosts: Iterable[str],
        *,
        assets: AssetFingerprints | None = None,
        analysis_key: str = "",
        content_checks: ContentChecks | None = None,
    ) -> None:
        self.config = config
        self.allowed_hosts = tuple(allowed_hosts)
        self.assets = assets
        self.analysis_key = analysis_key
        self.content_checks = content_checks

    def prepare(
        self, target: AuditTarget, page_key: str | None = None, *, order: int | None = None
    ) -> PreparedPage:
        started = time.monotonic()
        allowed = (*self.allowed_hosts, host_of(target.url))
        documents = self.config.runs_document_checks
        if documents and is_pdf_url(target.url):
            # A PDF named or crawled: checked as a document, never fetched as a page.
            fetched = FetchResult(
                target.url, target.url, error_kind=FetchProblem.NOT_HTML, content_type=PDF_TYPE
            )
        else:
            fetched = fetch_page(target.url, self.config, allowed)
        page = PreparedPage(
            target=target,
            fetched=fetched,
            page_key=page_key or make_page_key(target.url, target.page_id),
            allowed_hosts=allowed,
        )
        if documents and fetched.content_type == PDF_TYPE and not fetched.ok:
            # Served as a PDF whatever its address says (or named as one).
            page.document = audit_document(target.url, self.config, allowed)
        if fetched.ok and documents:
            page.documents = list(pdf_links(fetched.body, fetched.final_url, allowed))
        if fetched.ok:
            if self.assets is not None:
                assets = [
                    (url, self.assets.of(url, allowed))
                    for url in asset_urls(fetched.body, fetched.final_url)
                ]
                page.fingerprint = content_fingerprint(fetched.body, assets, self.analysis_key)
            if self.content_checks is not None:
                try:
                    page.content_findings = self.content_checks(
                        fetched.text, fetched.final_url, page.page_key, order
                    )
                except Exception:
                    # A bug in one rule must not cost the page its browser audit.
                    logger.exception("The content rules failed on %s.", target.url)
        page.seconds = time.monotonic() - started
        return page

    def settle(self, order: int) -> None:
        """The page at ``order`` in the run is prepared, or could not be."""
        if self.content_checks is not None:
            self.content_checks.settle(order)
