"""A Wagtail document's edit view with its findings, in real Chromium: axe-core (WCAG 2.2 A/AA
and best practice) finds nothing in the "Accessibility of this document" section."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from audit.core.enums import Impact, Level, Outcome
from audit.engine.drivers.axe import ClearwayAxe
from tests.audit.admin.browser.conftest import sign_in
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, pdf_finding
from tests.browser.axe import format_violation
from tests.factories import DocumentFactory, SuperuserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_document_edit_views_findings_are_axe_clean(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    build_site()
    document = DocumentFactory(title="Council tax bands", filename="bands.pdf")
    url = f"http://localhost{document.url}"
    result = PageResultFactory(run=AuditRunFactory(), url=url)
    pdf_finding(
        url,
        "clearway-pdf-language",
        "The PDF does not set its language (/Lang).",
        page_result=result,
        wcag=["3.1.1"],
    )
    pdf_finding(
        url,
        "clearway-pdf-web-page",
        "The PDF has 2 page(s): it could be a web page instead.",
        page_result=result,
        outcome=Outcome.ADVICE,
        impact=Impact.MINOR,
        wcag=[],
        level=Level.BEST_PRACTICE,
    )
    sign_in(driver, live_server.url, SuperuserFactory())

    driver.get(live_server.url + reverse("wagtaildocs:edit", args=[document.pk]))

    section = driver.find_element(By.ID, "clearway-document-findings")
    assert "found 1 problem." in section.text
    assert "3.1.1 Language of page (A)" in section.text
    violations = axe.run({"include": [["#clearway-document-findings"]]})["violations"]
    assert not violations, "\n".join(format_violation(v) for v in violations)
