"""The compliance screens in real Chromium: the statement's history and preview, a document's
findings (on the linking page's panel and in the report filtered by its address), the report's
template rows with their affected pages opened, the editor's Checks panel with its one count,
and the result of "Audit this page now". axe-core (WCAG 2.2 A/AA and best practice) finds
nothing in Clearway's parts of each screen.

With ``CLEARWAY_SCREENSHOTS=1`` the tests also save a cropped PNG of each into
``docs/screenshots/`` (``scripts/screenshots_compliance.py`` does that).
"""

from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from audit.core.enums import (
    Engine,
    FindingStatus,
    Impact,
    Level,
    Outcome,
    PageStatus,
    RunTrigger,
    Source,
)
from audit.engine.drivers.axe import ClearwayAxe
from audit.storage.models import AuditRun, StatementSnapshot, TrackedFinding
from audit.storage.statement import take_snapshot
from tests.audit.admin.browser.checks_panel import open_checks_panel
from tests.audit.admin.browser.conftest import sign_in, stored_by_the_worker
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.audit.admin.people import Pages, build_pages
from tests.browser.axe import format_violation
from tests.browser.screenshots import save_region
from tests.factories import SuperuserFactory, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANDS = "http://localhost/documents/3/council-tax-bands.pdf"
LOCKED = "http://localhost/documents/4/old-strategy.pdf"
#: Wagtail's slim header is Wagtail's to keep accessible (see test_runs_browser.py).
WAGTAIL_FURNITURE = [[".w-slim-header"]]


def assert_axe_clean(axe: ClearwayAxe, selector: str) -> None:
    violations = axe.run({"include": [[selector]], "exclude": WAGTAIL_FURNITURE})["violations"]
    assert not violations, "\n".join(format_violation(v) for v in violations)


def full_run(days_ago: int, pages: Pages) -> AuditRun:
    """A finished nightly run ``days_ago`` days ago that audited every page of the site."""
    when = timezone.now() - datetime.timedelta(days=days_ago)
    run = AuditRunFactory(
        trigger=RunTrigger.NIGHTLY,
        started_at=when,
        finished_at=when + datetime.timedelta(minutes=3),
        configuration={"engine_versions": {"axe": "4.10.2", "ibm": "4.0.34"}},
    )
    for page in (pages.home, pages.bins, pages.bins_page, pages.tax, pages.tax_page):
        PageResultFactory(run=run, page=page)
    return run


def snapshot(run: AuditRun, days_ago: int) -> None:
    taken = take_snapshot(run)
    assert taken is not None
    when = timezone.now() - datetime.timedelta(days=days_ago)
    StatementSnapshot.objects.filter(pk=taken.pk).update(created_at=when)


def test_statement_history_and_preview(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    pages = build_pages(build_site())
    # Two nights ago: contrast on one page and a missing text alternative on another.
    first = full_run(2, pages)
    contrast = tracked_finding(
        page=pages.tax_page,
        run=first,
        rule="color-contrast",
        impact=Impact.SERIOUS,
        wcag=["1.4.3"],
        level=Level.AA,
        selector="p.pale",
    )
    tracked_finding(page=pages.bins_page, run=first, wcag=["1.1.1"], level=Level.A)
    snapshot(first, 2)
    # Last night the contrast was fixed.
    last = full_run(1, pages)
    TrackedFinding.objects.filter(pk=contrast.pk).update(status=FindingStatus.FIXED)
    snapshot(last, 1)
    # Since then an audit on publish found vague link text: the preview shows it first.
    tracked_finding(
        page=pages.tax_page,
        run=AuditRunFactory(trigger=RunTrigger.PUBLISH),
        rule="clearway-link-text",
        engine=Engine.CLEARWAY,
        wcag=["2.4.4"],
        level=Level.A,
        selector="a.here",
    )
    sign_in(driver, live_server.url, SuperuserFactory())

    driver.get(live_server.url + reverse("audit_statement:index"))
    history = driver.find_element(By.CSS_SELECTOR, "main").text
    assert history.count("Partially compliant") == 2, history
    assert_axe_clean(axe, "main")
    save_region(driver, "statement-history", ["main header", "main table"])

    driver.get(live_server.url + reverse("audit_statement:preview"))
    preview = driver.find_element(By.CSS_SELECTOR, "main").text
    assert "2.4.4" in preview and "1.1.1" in preview and "1.4.3" not in preview
    assert_axe_clean(axe, "main")
    save_region(driver, "statement-preview", ["main header", "main h2", "main table", "main p"])


def test_document_findings_and_template_rows(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    home = build_site()
    pages = build_pages(home)
    run = AuditRunFactory()
    # The council tax page links to two PDFs: one with problems, one that cannot be opened.
    linking = PageResultFactory(run=run, page=pages.tax_page, documents=[BANDS, LOCKED])
    for rule, message in (
        ("clearway-pdf-tagged", "The PDF has no tags (no structure tree)."),
        ("clearway-pdf-language", "The PDF does not say what language it is in."),
    ):
        tracked_finding(
            url=BANDS,
            run=run,
            rule=rule,
            engine=Engine.CLEARWAY,
            selector="pdf",
            html="council-tax-bands.pdf",
            message=message,
            help=message,
            wcag=["1.3.1"] if rule.endswith("tagged") else ["3.1.1"],
        )
    PageResultFactory(
        run=run, url=LOCKED, status=PageStatus.ERROR, error="it is locked with a password"
    )
    # A template's footer link fails contrast on three pages; the same rule once in content.
    footer = {
        "rule": "color-contrast",
        "impact": Impact.SERIOUS,
        "wcag": ["1.4.3"],
        "level": Level.AA,
        "source": Source.TEMPLATE,
        "selector": "footer a.privacy",
        "html": '<a class="privacy" href="/privacy/">Privacy</a>',
    }
    tracked_finding(page=pages.tax_page, page_result=linking, **footer)
    for page in (pages.bins_page, home):
        tracked_finding(page=page, run=run, **footer)
    tracked_finding(
        page=pages.bins_page,
        run=run,
        rule="color-contrast",
        impact=Impact.SERIOUS,
        source=Source.CONTENT,
        selector="p.pale",
    )
    tracked_finding(
        page=pages.tax_page, run=run, rule="clearway-pdf-web-page", outcome=Outcome.ADVICE
    )
    sign_in(driver, live_server.url, SuperuserFactory())

    driver.get(live_server.url + reverse("audit_editor:page_findings", args=[pages.tax_page.pk]))
    documents = driver.find_element(By.CSS_SELECTOR, ".clearway-documents").text
    assert "council-tax-bands.pdf" in documents and "2 problems." in documents
    assert "could not be checked: it is locked with a password" in documents
    assert_axe_clean(axe, "[data-clearway-panel]")
    save_region(
        driver,
        "documents-panel",
        [".clearway-panel__subheading:has(+ .clearway-documents)", ".clearway-documents"],
    )

    driver.find_element(By.PARTIAL_LINK_TEXT, "All its findings in the report").click()
    WebDriverWait(driver, 10).until(lambda d: "address=" in d.current_url)
    results = driver.find_element(By.ID, "listing-results").text
    assert "council-tax-bands.pdf" in results and "old-strategy.pdf" not in results
    assert_axe_clean(axe, "#listing-results")
    save_region(driver, "documents-report", ["main header", "#listing-results table"])

    driver.get(live_server.url + reverse("audit_report:index"))
    fault = driver.find_element(By.CSS_SELECTOR, ".clearway-template-fault")
    assert "In a template: the same element on 3 pages" in fault.text
    row = fault.find_element(By.XPATH, "ancestor::tr")
    row.find_element(By.CSS_SELECTOR, ".clearway-pages__list summary").click()
    listed = row.find_element(By.CSS_SELECTOR, ".clearway-pages__list ul").text
    assert {pages.tax_page.title, pages.bins_page.title, home.title} <= set(listed.splitlines())
    assert_axe_clean(axe, "#listing-results")
    save_region(driver, "report-template-pages", ["main header", ".clearway-report"])


def test_checks_panel_count_and_audit_this_page_now(
    chromium: tuple[WebDriver, ClearwayAxe], live_server: Any, wagtail_root: Any
) -> None:
    driver, axe = chromium
    pages, counts = open_checks_panel(driver, live_server.url)
    assert counts["clearway"] >= 2
    assert_axe_clean(axe, "[data-clearway-panel]")
    # The editor as the window shows it: the Checks toggle's count, the panel's, and the
    # draft's problems they count.
    save_region(
        driver,
        "editor-checks-count",
        ['[data-side-panel-toggle="checks"]', '[data-side-panel="checks"]'],
        margin=0,
        within=None,
        whole_page=False,
    )

    tax = pages.tax_page
    driver.get(f"{live_server.url}/admin/accessibility/pages/{tax.pk}/")
    with mock.patch("audit.tasks.audit_page") as task:
        driver.find_element(By.XPATH, "//button[normalize-space()='Audit this page now']").click()
        WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-clearway-auditing]")
        )
    task.enqueue.assert_called_once_with(tax.pk, RunTrigger.REQUEST)
    driver.execute_script(
        "window.fetched = []; const fetch = window.fetch; window.fetch = (url, init) => "
        "{ window.fetched.push(String(url)); return fetch(url, init); };"
    )
    # The worker stores the audit; the panel swaps the results in and says so.
    stored_by_the_worker(
        page=tax,
        run=AuditRunFactory(trigger=RunTrigger.REQUEST),
        rule="link-name",
        impact=Impact.SERIOUS,
        wcag=["2.4.4", "4.1.2"],
        selector="a.icon",
        html='<a class="icon" href="/pay/"><svg></svg></a>',
    )
    # The panel is replaced when it refreshes itself: an element read just then is stale.
    WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: "Audit finished" in d.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    )
    # The checks on the draft came back with the panel, not by a second fetch and swap.
    assert driver.find_elements(By.CSS_SELECTOR, "[data-clearway-panel] #clearway-draft")
    panels = [url for url in driver.execute_script("return window.fetched") if "/panel/" in url]
    assert panels and all("draft=1" in url for url in panels), panels
    assert "Links have text" in driver.find_element(By.CSS_SELECTOR, "[data-clearway-panel]").text
    assert_axe_clean(axe, "[data-clearway-panel]")
    save_region(
        driver,
        "editor-audit-now",
        [
            "[data-clearway-panel] .clearway-panel__heading",
            "[data-clearway-panel] .clearway-findings",
        ],
    )
