"""A Wagtail document's findings on its own edit view (audit.admin.document_findings and the
``wagtaildocs/documents/edit.html`` override): found by the document's address on the site,
shown to the people who may change the document, and to nobody else."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Collection

from audit.admin.document_findings import document_addresses, document_findings
from audit.core.enums import Level, Outcome, PageStatus
from audit.storage.models import AuditRun, PageResult, TrackedFinding
from tests.audit.admin.factories import (
    AuditRunFactory,
    FindingFactory,
    PageResultFactory,
    pdf_values,
)
from tests.audit.admin.factories import pdf_finding as document_finding
from tests.audit.admin.people import ADMIN, VIEW, editors_of_documents, user
from tests.factories import DocumentFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

FIRST = datetime.datetime(2026, 3, 2, 2, 0, tzinfo=datetime.UTC)
LAST = datetime.datetime(2026, 5, 10, 2, 0, tzinfo=datetime.UTC)


def run_on(when: datetime.datetime) -> AuditRun:
    return AuditRunFactory(started_at=when, finished_at=when)


def checked(url: str, run: AuditRun, **fields: Any) -> PageResult:
    """The document's result in ``run``, stored when the run started."""
    result = PageResultFactory(run=run, url=url, **fields)
    PageResult.objects.filter(pk=result.pk).update(audited_at=run.started_at)
    return result


def pdf_finding(result: PageResult, rule: str, message: str, **fields: Any) -> TrackedFinding:
    """A finding on the document checked as ``result``, and its tracked life."""
    return document_finding(result.url, rule, message, page_result=result, **fields)


@pytest.fixture
def document(home_page: Any) -> Any:
    """A PDF in the root collection, served by the one site at http://localhost."""
    return DocumentFactory(title="Council tax bands", filename="council-tax-bands.pdf")


def address(document: Any) -> str:
    return f"http://localhost{document.url}"


def no_language(document: Any) -> TrackedFinding:
    """The document's last check, in May, found it sets no language."""
    return pdf_finding(
        checked(address(document), run_on(LAST)),
        "clearway-pdf-language",
        "The PDF does not set its language (/Lang).",
        wcag=["3.1.1"],
    )


def edit_view(client: Client, document: Any) -> Any:
    return client.get(reverse("wagtaildocs:edit", args=[document.pk]))


def logged_in(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_the_edit_view_shows_the_documents_open_findings(document: Any) -> None:
    url = address(document)
    first, last = checked(url, run_on(FIRST)), checked(url, run_on(LAST))
    # First found in March, found again in May: one tracked finding, seen by both runs.
    tagged = pdf_finding(first, "clearway-pdf-tagged", "The PDF has no tags.")
    again = FindingFactory(
        page_result=last,
        **pdf_values(url, "clearway-pdf-tagged", "The PDF has no tags (no structure tree)."),
    )
    TrackedFinding.objects.filter(pk=tagged.pk).update(last_seen=last.run, latest=again)
    pdf_finding(
        last,
        "clearway-pdf-web-page",
        "The PDF has 2 page(s): it could be a web page instead.",
        outcome=Outcome.ADVICE,
        wcag=[],
        level=Level.BEST_PRACTICE,
    )

    response = edit_view(logged_in(SuperuserFactory()), document)

    assert response.status_code == 200
    body = response.content.decode()
    section = body[body.index('id="clearway-document-findings"') :]
    assert "Accessibility of this document</h2>" in section
    assert "The last check, on 10 May 2026, found 1 problem." in section
    assert "<caption>Accessibility problems in this document</caption>" in section
    assert '<th scope="col">WCAG criterion</th>' in section
    assert "PDFs are tagged" in section and "clearway-pdf-tagged" in section
    assert "The PDF has no tags (no structure tree)." in section
    assert "Make the PDF again from its source document with tags switched on" in section
    assert "1.3.1 Info and relationships (A)" in section
    assert "<td>2 March 2026</td>" in section and "<td>10 May 2026</td>" in section
    # Advice apart, never counted as a problem.
    assert "<caption>Suggestions (not accessibility failures)</caption>" in section
    assert "it could be a web page instead." in section
    # A superuser may dismiss them and open the report on the document's address.
    assert reverse("audit_editor:dismiss", args=[tagged.pk]) in section
    report = reverse("audit_report:findings")
    assert f'href="{report}?address=http%3A%2F%2Flocalhost%2Fdocuments%2F' in section
    # Wagtail's own form is still there, above it.
    assert body.index('name="title"') < body.index('id="clearway-document-findings"')


def test_a_document_checked_without_problems_says_when(document: Any) -> None:
    checked(address(document), run_on(LAST))

    body = edit_view(logged_in(SuperuserFactory()), document).content.decode()

    assert "No problems found at the last check on 10 May 2026." in body
    assert "<table" not in body[body.index('id="clearway-document-findings"') :]


def test_a_document_never_checked_says_so(document: Any) -> None:
    body = edit_view(logged_in(SuperuserFactory()), document).content.decode()
    assert "Not checked yet." in body


def test_a_document_that_could_not_be_read_says_why(document: Any) -> None:
    checked(
        address(document),
        run_on(LAST),
        status=PageStatus.ERROR,
        error="document not checked: a PDF locked with a password",
    )
    body = edit_view(logged_in(SuperuserFactory()), document).content.decode()
    assert (
        "The last check, on 10 May 2026, could not read it: document not checked: a PDF locked "
        "with a password." in body
    )


def test_findings_at_another_address_are_not_the_documents(document: Any) -> None:
    """The same path on a site this Wagtail does not serve (a command-line audit of another
    council) and another file of the same document are other documents."""
    run = run_on(LAST)
    elsewhere = checked(f"https://elsewhere.example{document.url}", run)
    pdf_finding(elsewhere, "clearway-pdf-tagged", "No tags.")
    old_name = address(document).replace(document.filename, "bands-2019.pdf")
    pdf_finding(checked(old_name, run), "clearway-pdf-language", "No language.")

    findings = document_findings(document)

    assert findings.addresses == [address(document)]
    assert (findings.checked, findings.problems, findings.dismissed) == (False, [], 0)


def test_a_documents_address_on_each_site(document: Any, home_page: Any) -> None:
    from wagtail.models import Site

    Site.objects.create(hostname="www.anytown.gov.uk", port=443, root_page=home_page)
    assert document_addresses(document) == [
        address(document),
        f"https://www.anytown.gov.uk{document.url}",
    ]


def test_a_document_editor_without_audit_permissions_sees_the_findings_only(
    document: Any,
) -> None:
    no_language(document)
    editor = user(groups=(editors_of_documents(Collection.get_first_root_node(), "Docs"),))

    response = edit_view(logged_in(editor), document)

    assert response.status_code == 200
    body = response.content.decode()
    assert "The PDF does not set its language (/Lang)." in body
    assert "3.1.1 Language of page (A)" in body
    assert "Dismiss" not in body  # Dismissing needs the audit's permissions.
    assert reverse("audit_report:findings") not in body


def test_people_who_may_not_change_the_document_never_see_its_findings(document: Any) -> None:
    no_language(document)
    # Documents editors of another collection, with every audit permission to see the report.
    other = Collection.get_first_root_node().add_child(name="Planning")
    outsider = user(VIEW, groups=(editors_of_documents(other, "Planning docs"),))

    response = edit_view(logged_in(outsider), document)

    assert response.status_code in {302, 403}  # Wagtail's own refusal.
    assert b"/Lang" not in response.content
    # The template tag refuses on its own too, wherever it is used.
    request = RequestFactory().get("/")
    request.user = outsider
    template = Template("{% load audit_admin %}{% audit_document_findings document %}")
    rendered = template.render(Context({"request": request, "document": document}))
    assert rendered == ""
    request.user = user(ADMIN)  # Reaches the admin, may change no document.
    assert template.render(Context({"request": request, "document": document})) == ""
