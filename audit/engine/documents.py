"""PDFs met during a run: found in the audited pages' links, fetched once, checked without a
browser.

:func:`pdf_links` lists the PDFs a page links to on the run's allowed hosts (a link whose path
ends ``.pdf``: Wagtail serves its documents at ``/documents/<id>/<file name>``);
:func:`audit_document` fetches one with the audit's HTTP client (allowed hosts, checked
addresses, every redirect checked, ``MAX_DOCUMENT_BYTES``) and checks it
(:mod:`audit.checks.documents`). The result is a :class:`~audit.results.PageAudit` for the
document's URL, like a page's: its findings are fingerprinted by the URL and the rule, and a
document that could not be checked (not found, too large, not a PDF, damaged, locked with a
password) is an error with the reason in words, and the run goes on.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from audit.checks.documents import check_pdf
from audit.checks.issues import issue_to_finding
from audit.core.addresses import is_allowed
from audit.core.conf import AuditSettings
from audit.core.enums import PageStatus
from audit.engine import http
from audit.engine.fetch import FetchProblem, fetch_failure_message
from audit.engine.links import links_in
from audit.results import PageAudit

PDF_TYPE = "application/pdf"
_ACCEPT = "application/pdf,*/*;q=0.1"


def is_pdf_url(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(".pdf")


def pdf_links(html: bytes | str, base_url: str, allowed_hosts: Iterable[str]) -> tuple[str, ...]:
    """The PDFs the page links to on ``allowed_hosts``, each once, in document order."""
    hosts = tuple(allowed_hosts)
    found = (link for link in links_in(html, base_url) if is_pdf_url(link))
    return tuple(dict.fromkeys(link for link in found if is_allowed(link, hosts)))


def document_name(url: str) -> str:
    """The file name in the URL (``council-tax-bands.pdf``), else the URL."""
    return unquote(posixpath.basename(urlsplit(url).path)) or url


def audit_document(
    url: str,
    config: AuditSettings,
    allowed_hosts: Iterable[str],
    *,
    body: bytes | None = None,
    http_status: int | None = None,
) -> PageAudit:
    """Fetch (unless ``body`` is given, already fetched) and check the PDF at ``url``.
    Never raises for a bad document: see the module docstring."""
    started = time.monotonic()

    def result(status: PageStatus, error: str = "", **extra: object) -> PageAudit:
        return PageAudit(
            url=url,
            status=status,
            http_status=http_status,
            error=error,
            duration=time.monotonic() - started,
            **extra,  # type: ignore[arg-type]
        )

    if body is None:
        try:
            fetched = http.get(
                url,
                allowed_hosts,
                timeout=config.PAGE_TIMEOUT,
                max_redirects=config.MAX_REDIRECTS,
                max_bytes=config.MAX_DOCUMENT_BYTES,
                accept=_ACCEPT,
            )
        except http.HttpProblem as problem:
            timed_out = problem.kind == FetchProblem.TIMEOUT
            http_status = problem.status
            message = fetch_failure_message(
                problem,
                config,
                config.PAGE_TIMEOUT,
                max_bytes=config.MAX_DOCUMENT_BYTES,
                what="document",
            )
            return result(PageStatus.TIMEOUT if timed_out else PageStatus.ERROR, message)
        http_status = fetched.status
        if fetched.status >= 300:
            return result(PageStatus.ERROR, f"HTTP {fetched.status} {fetched.reason}".strip())
        body = fetched.body
    checked = check_pdf(body, name=document_name(url), config=config)
    if checked.problem:
        return result(PageStatus.ERROR, f"document not checked: {checked.problem}")
    help_url = config.RULE_HELP_URL
    findings = [
        issue_to_finding(issue, url, help_url.format(rule=issue.rule)) for issue in checked.issues
    ]
    return result(PageStatus.OK, findings=findings)
