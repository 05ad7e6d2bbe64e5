"""PDFs in a run: found in the pages' links, fetched once through the audit's HTTP client,
checked, and stored as results of their own with findings keyed by URL and rule."""

from __future__ import annotations

from typing import Any

import pytest

from audit.checks.documents import rules as r
from audit.core.conf import AuditSettings
from audit.core.enums import FindingStatus, PageStatus, RunTrigger
from audit.engine.documents import audit_document, pdf_links
from audit.engine.preparation import Preparer
from audit.results import AuditTarget
from audit.results.fingerprints import fingerprint
from audit.runs import service
from audit.runs.batches import start_batches, work_batches
from audit.storage.models import Finding, PageResult, TrackedFinding

from .checks.documents import pdfs
from .conftest import LocalSite

PDF = "application/pdf"
CONFIG = AuditSettings(PAGE_TIMEOUT=10, MAX_DOCUMENT_BYTES=200_000)


def audit(local_site: LocalSite, path: str, config: AuditSettings = CONFIG) -> Any:
    return audit_document(local_site.url(path), config, [local_site.host])


def test_links_to_pdfs_on_the_allowed_hosts_are_documents() -> None:
    html = """<a href="/documents/3/bands.pdf">Bands (PDF)</a> <a href="bands.PDF#page=2">again</a>
    <a href="/documents/3/bands.pdf">twice</a> <a href="https://elsewhere.example/x.pdf">x</a>
    <a href="/bins">Bins</a> <a href="/report.pdf?download=1">report</a>"""

    assert pdf_links(html, "https://council.example/tax/", ["council.example"]) == (
        "https://council.example/documents/3/bands.pdf",
        "https://council.example/tax/bands.PDF",
        "https://council.example/report.pdf?download=1",
    )


def test_a_good_pdf_gives_findings_keyed_by_its_url_and_rule(local_site: LocalSite) -> None:
    local_site.route("/bands.pdf", pdfs.untagged_weasyprint(), content_type=PDF)

    result = audit(local_site, "/bands.pdf")

    assert (result.status, result.http_status, result.error) == (PageStatus.OK, 200, "")
    tagged = next(finding for finding in result.findings if finding.rule == r.TAGGED)
    assert tagged.wcag == ("1.3.1",) and tagged.is_violation
    url = local_site.url("/bands.pdf")
    assert tagged.fingerprint == fingerprint(r.TAGGED, url, "pdf", "bands.pdf")


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        (pdfs.encrypted(), PDF, 200, "locked with a password"),
        (pdfs.corrupt(), PDF, 200, "damaged PDF"),
        (b"<!doctype html><title>Sorry</title><p>Moved.</p>", "text/html", 200, "not a PDF"),
        (b"%PDF-1.7" + b"0" * 300_000, PDF, 200, "document too large: 293 kB (the limit is"),
        (b"Not found", "text/plain", 404, "HTTP 404"),
    ],
    ids=["encrypted", "corrupt", "not-pdf", "too-large", "missing"],
)
def test_a_document_that_cannot_be_checked_is_an_error_in_words(
    local_site: LocalSite, body: bytes, content_type: str, status: int, words: str
) -> None:
    local_site.route("/odd.pdf", body, content_type=content_type, status=status)

    result = audit(local_site, "/odd.pdf")

    assert result.status == PageStatus.ERROR
    assert words in result.error
    assert result.findings == []


def test_a_document_on_another_host_is_never_requested(local_site: LocalSite) -> None:
    result = audit_document("http://10.0.0.1/secret.pdf", CONFIG, [local_site.host])
    assert result.status == PageStatus.ERROR
    assert "not on an allowed host" in result.error


def test_a_target_served_as_a_pdf_is_checked_as_a_document_without_a_browser(
    local_site: LocalSite,
) -> None:
    local_site.route("/download?id=7", pdfs.tagged(), content_type=PDF)
    preparer = Preparer(CONFIG, [local_site.host])

    prepared = preparer.prepare(AuditTarget(local_site.url("/download?id=7")))

    assert not prepared.needs_browser
    result = prepared.fetch_failure()
    assert result.status == PageStatus.OK
    assert {finding.rule for finding in result.findings} == {r.WEB_PAGE}


def test_documents_can_be_switched_off(local_site: LocalSite) -> None:
    url = local_site.route("/", '<a href="/a.pdf">A (PDF)</a>')
    on = Preparer(CONFIG, [local_site.host]).prepare(AuditTarget(url))
    off = Preparer(CONFIG.with_overrides(DOCUMENTS=False), [local_site.host]).prepare(
        AuditTarget(url)
    )
    assert on.documents == [local_site.url("/a.pdf")]
    assert off.documents == []


# A real run, stored ------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><title>Council tax {n}</title></head>
<body><main><h1>Council tax {n}</h1>
<p><a href="/documents/1/bands.pdf">Council tax bands (PDF, 4 KB)</a></p>
<p><a href="/documents/2/old.pdf">Old strategy (PDF, 1 KB)</a></p>
<p><a href="/documents/3/locked.pdf">Locked (PDF, 1 KB)</a></p>
</main></body></html>"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_run_checks_each_linked_pdf_once_and_stores_its_findings(
    local_site: LocalSite, settings: Any
) -> None:
    settings.CLEARWAY_AUDIT = {**settings.CLEARWAY_AUDIT, "PAGE_TIMEOUT": 20}
    local_site.route("/documents/1/bands.pdf", pdfs.tagged(), content_type=PDF)
    local_site.route("/documents/2/old.pdf", pdfs.plain(title="Old"), content_type=PDF)
    local_site.route("/documents/3/locked.pdf", pdfs.encrypted(), content_type=PDF)
    urls = [local_site.route(f"/tax-{n}", PAGE.format(n=n)) for n in (1, 2)]

    run = service.execute_run(service.create_run(RunTrigger.MANUAL, urls=urls).pk, workers=1)

    old = local_site.url("/documents/2/old.pdf")
    results = {result.url: result for result in PageResult.objects.filter(run=run)}
    assert set(results) == {
        *urls,
        local_site.url("/documents/1/bands.pdf"),
        old,
        local_site.url("/documents/3/locked.pdf"),
    }
    # Each document once, though both pages link to it.
    assert local_site.requested("/documents/2/old.pdf") == 1
    assert results[urls[0]].documents == [
        local_site.url("/documents/1/bands.pdf"),
        old,
        local_site.url("/documents/3/locked.pdf"),
    ]
    locked = results[local_site.url("/documents/3/locked.pdf")]
    assert locked.status == PageStatus.ERROR and "password" in locked.error
    on_old = set(Finding.objects.filter(run=run, url=old).values_list("rule", flat=True))
    assert {r.TAGGED, r.TITLE, r.LANGUAGE} <= on_old
    tracked = TrackedFinding.objects.get(url=old, rule=r.TAGGED)
    assert tracked.status == FindingStatus.OPEN and tracked.page_id is None
    assert run.pages_done == run.pages_total == 5


LINKING = """<!doctype html><html lang="en"><head><title>Housing {n}</title></head>
<body><main><h1>Housing {n}</h1>
<p><a href="/documents/2/old.pdf">Old strategy (PDF, 1 KB)</a></p>
</main></body></html>"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_pdf_linked_from_pages_in_two_batches_is_checked_once_per_run(
    local_site: LocalSite, settings: Any
) -> None:
    settings.CLEARWAY_AUDIT = {
        **settings.CLEARWAY_AUDIT,
        "PAGE_TIMEOUT": 20,
        "WORKERS": 1,
        "BATCH_SIZE": 1,
    }
    old = local_site.route("/documents/2/old.pdf", pdfs.plain(title="Old"), content_type=PDF)
    urls = [local_site.route(f"/housing-{n}", LINKING.format(n=n)) for n in (1, 2)]
    run = service.create_run(RunTrigger.MANUAL, urls=urls)

    start_batches(run.pk)
    finished = work_batches(run.pk)

    assert finished is not None and finished.batches.count() == 2
    # The first batch checked it; the second found it recorded for the run.
    assert local_site.requested("/documents/2/old.pdf") == 1
    assert PageResult.objects.filter(run=run, url=old).count() == 1
    assert [result.documents for result in PageResult.objects.filter(run=run, url__in=urls)] == [
        [old],
        [old],
    ]
    assert finished.pages_done == finished.pages_total == 3
    on_old = Finding.objects.filter(run=run, url=old)
    assert on_old.filter(rule=r.TAGGED).count() == 1
    assert finished.violations == Finding.objects.filter(run=run, outcome="violation").count()
