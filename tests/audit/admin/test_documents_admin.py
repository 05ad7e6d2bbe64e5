"""A document's findings in the admin: on the panel of each page that links to it, and in the
report filtered by its address."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from audit.core.enums import Outcome, PageStatus
from tests.audit.admin.factories import (
    AuditRunFactory,
    PageResultFactory,
    pdf_finding,
)
from tests.audit.admin.people import build_pages
from tests.factories import ServicePageFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

BANDS = "https://council.example/documents/3/council-tax-bands.pdf"
LOCKED = "https://council.example/documents/4/locked.pdf"


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def test_the_linking_pages_panel_lists_its_documents_findings(
    home_page: Any, client: Client
) -> None:
    site = build_pages(home_page)
    page = ServicePageFactory(parent=site.bins, title="Council tax bands")
    run = AuditRunFactory()
    PageResultFactory(run=run, page=page, documents=[BANDS, LOCKED])
    pdf_finding(BANDS, "clearway-pdf-tagged", "The PDF has no tags (no structure tree).", run=run)
    pdf_finding(
        BANDS, "clearway-pdf-web-page", "It could be a web page.", run=run, outcome=Outcome.ADVICE
    )
    PageResultFactory(run=run, url=LOCKED, status=PageStatus.ERROR, error="locked with a password")

    body = client.get(reverse("audit_editor:panel", args=[page.pk])).content.decode()

    assert "Documents this page links to" in body
    assert "council-tax-bands.pdf" in body
    assert "PDFs are tagged: The PDF has no tags (no structure tree)." in body
    assert "1 problem." in body and "1 suggestion." in body
    assert "locked.pdf</strong>:" in body and "could not be checked: locked with a password" in body


def test_a_page_without_documents_says_nothing_about_them(home_page: Any, client: Client) -> None:
    site = build_pages(home_page)
    page = ServicePageFactory(parent=site.bins, title="Bins")
    PageResultFactory(page=page)
    body = client.get(reverse("audit_editor:panel", args=[page.pk])).content.decode()
    assert "Documents this page links to" not in body


def test_the_report_filters_by_a_documents_address(client: Client) -> None:
    pdf_finding(BANDS, "clearway-pdf-tagged", "No tags.")
    pdf_finding(LOCKED.replace("locked", "other"), "clearway-pdf-language", "No language.")
    url = reverse("audit_report:findings")

    body = client.get(url, {"address": "/documents/3/"}).content.decode()

    assert "council-tax-bands.pdf" in body
    assert "other.pdf" not in body
