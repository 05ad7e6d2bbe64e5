"""The accessibility statement page: GOV.UK's sections, the editors' prose and the audit's
facts from the latest snapshot, cached until a new snapshot."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from audit.core.enums import FindingStatus, Level, RunTrigger
from audit.storage.models import TrackedFinding
from audit.storage.statement import take_snapshot
from pages.models import AccessibilityStatementPage
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.factories import AccessibilityStatementPageFactory, ServicePageFactory

pytestmark = pytest.mark.django_db

SECTIONS = [
    "How accessible this website is",
    "What to do if you cannot access parts of this website",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website\u2019s accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that\u2019s not within the scope of the accessibility regulations",
    "What we\u2019re doing to improve accessibility",
    "Preparation of this accessibility statement",
]


@pytest.fixture
def statement(home_page: Page) -> AccessibilityStatementPage:
    return AccessibilityStatementPageFactory(parent=home_page, slug="accessibility-statement")


def main(client: Client, page: Page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main")


@pytest.fixture
def services(home_page: Page) -> list[Page]:
    return [ServicePageFactory(parent=home_page, title=f"Service {n}") for n in range(3)]


def audit(pages: list[Page], *, failing: bool) -> None:
    """A finished nightly run over three pages, one failing 1.4.3 when ``failing``."""
    run = AuditRunFactory(trigger=RunTrigger.NIGHTLY)
    for page in pages:
        PageResultFactory(run=run, page=page)
    if failing:
        tracked_finding(page=pages[0], run=run, wcag=["1.4.3"], level=Level.AA)
    take_snapshot(run)


def test_the_sections_are_in_gov_uk_order(statement: AccessibilityStatementPage) -> None:
    html = main(Client(), statement)
    headings = [heading.get_text() for heading in html.select("h2, h3")]
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    text = html.get_text(" ")
    assert "Equality and Human Rights Commission" in text
    assert "Anytown Borough Council is committed" in text
    assert "has not yet been tested" in text
    assert "14 September 2026" in text


def test_northern_ireland_names_the_ecni(statement: AccessibilityStatementPage) -> None:
    statement.enforcement_body = "ecni"
    statement.save_revision().publish()
    text = main(Client(), statement).get_text(" ")
    assert "Equality Commission for Northern Ireland" in text
    assert "Equality Advisory and Support Service" not in text


def test_the_audit_fills_in_status_problems_and_testing(
    statement: AccessibilityStatementPage, services: list[Page]
) -> None:
    audit(services, failing=True)
    html = main(Client(), statement)
    text = html.get_text(" ")
    assert "This website is partially compliant with the" in text
    table = html.select_one("table")
    assert table.caption.get_text() == "Problems found by our latest automated audit"
    assert "1.4.3 Contrast (minimum)" in table.get_text()
    assert "automated audit of 3 pages with axe-core 4.10.2 and Clearway\u2019s checks" in text


def test_a_new_snapshot_changes_the_cached_page(
    statement: AccessibilityStatementPage, services: list[Page]
) -> None:
    client = Client()
    audit(services, failing=True)
    assert "partially compliant" in main(client, statement).get_text(" ")
    # The next audit sees the problem fixed: its snapshot empties the page cache.
    TrackedFinding.objects.update(status=FindingStatus.FIXED)
    assert "partially compliant" in main(client, statement).get_text(" ")  # still cached
    audit(services, failing=False)
    assert "is fully compliant" in main(client, statement).get_text(" ")
