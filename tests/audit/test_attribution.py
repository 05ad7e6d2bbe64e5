"""Attribution: whether a finding is in editor content or in the template, and which
StreamField block it is in (``data-clearway-content`` regions and ``data-block-id`` roots)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from audit.core.conf import AuditSettings
from audit.core.enums import Outcome, PageStatus, RunTrigger, Source
from audit.engine.drivers.axe_results import findings_from_results
from audit.engine.runner import BrowserSession
from audit.results import AuditTarget, FindingResult, PageAudit
from audit.results.sinks import RunInfo, RunSummary
from audit.runs.service import stored_summary
from audit.storage.models import AuditRun, Finding
from audit.storage.sink import DatabaseSink
from pages.models import HomePage
from tests.factories import ServicePageFactory, StepByStepPageFactory, heading, paragraph

from .conftest import LocalSite
from .report_factories import finding

#: An image without alt text in a body block, another in the page chrome, and a low-contrast
#: paragraph in the summary region (editor content outside any StreamField).
PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bin collections</title>
<style>.faint { color: #aaa; background: #fff; }</style></head>
<body>
<header><img src="/logo.png" class="logo"></header>
<main>
<h1>Bin collections</h1>
<p class="lead faint" data-clearway-content="summary">Collected every week.</p>
<div class="body" data-clearway-content="body">
<div data-block-id="abc-123"><p>Put your bin out by 7am.</p>
<img src="/lorry.png" class="lorry"></div>
<div data-block-id="def-456"><p>Thank you.</p></div>
</div>
<div data-block-id="stray"><img src="/stray.png" class="stray"></div>
</main>
</body>
</html>"""


@pytest.fixture(scope="module")
def session() -> Iterator[BrowserSession]:
    config = AuditSettings(PAGE_TIMEOUT=5.0, MAX_PAGE_BYTES=200_000, WORKERS=1)
    with BrowserSession(config) as session:
        session.start()
        yield session


def by_selector(page: PageAudit, rule: str) -> dict[str, FindingResult]:
    return {f.selector: f for f in page.findings if f.rule == rule}


@pytest.mark.browser
def test_findings_say_whether_they_are_in_editor_content_and_which_block(
    session: BrowserSession, local_site: LocalSite
) -> None:
    url = local_site.route("/bins", PAGE)

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    images = by_selector(page, "image-alt")
    assert set(images) == {".logo", ".lorry", ".stray"}
    in_block = images[".lorry"]
    assert (in_block.source, in_block.region, in_block.block_id) == (
        Source.CONTENT,
        "body",
        "abc-123",
    )
    chrome = images[".logo"]
    assert (chrome.source, chrome.region, chrome.block_id) == (Source.TEMPLATE, "", "")
    # A data-block-id outside every editor-content region is template markup.
    stray = images[".stray"]
    assert (stray.source, stray.region, stray.block_id) == (Source.TEMPLATE, "", "")
    (contrast,) = [f for f in page.findings if f.rule == "color-contrast"]
    assert (contrast.source, contrast.region, contrast.block_id) == (Source.CONTENT, "summary", "")


@pytest.mark.browser
def test_an_element_in_an_iframe_is_of_unknown_source(
    session: BrowserSession, local_site: LocalSite
) -> None:
    local_site.route(
        "/frame",
        '<!doctype html><html lang="en"><title>Frame</title>'
        '<div data-clearway-content="body"><img src="/x.png"></div></html>',
    )
    url = local_site.route(
        "/outer",
        '<!doctype html><html lang="en"><head><title>Outer</title></head><body><main>'
        '<h1>Outer</h1><iframe src="/frame" title="Inner"></iframe></main></body></html>',
    )

    page = session.audit(AuditTarget(url))

    assert page.status == PageStatus.OK, page.error
    (image,) = [f for f in page.findings if f.rule == "image-alt"]
    assert (image.source, image.region, image.block_id) == (Source.UNKNOWN, "", "")


def test_results_without_attribution_are_template_findings() -> None:
    rule = {
        "id": "image-alt",
        "impact": "critical",
        "tags": ["wcag2a", "wcag111"],
        "help": "Images must have alternative text",
        "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/image-alt",
    }
    nodes = [
        {"target": ["img.a"], "html": "<img class=a>"},
        {"target": ["img.b"], "html": "<img class=b>", "located": True, "region": None},
        {
            "target": ["img.c"],
            "html": "<img class=c>",
            "located": True,
            "region": "body",
            "blockId": "abc-123",
        },
        {"target": [["iframe", "img.d"]], "html": "<img class=d>", "located": False},
    ]
    results = {"violations": [{**rule, "nodes": nodes}], "incomplete": []}

    found = {f.selector: f for f in findings_from_results(results, "page:1")}

    assert {selector: (f.source, f.region, f.block_id) for selector, f in found.items()} == {
        "img.a": (Source.TEMPLATE, "", ""),
        "img.b": (Source.TEMPLATE, "", ""),
        "img.c": (Source.CONTENT, "body", "abc-123"),
        "iframe img.d": (Source.UNKNOWN, "", ""),
    }


@pytest.mark.django_db
def test_attribution_is_stored_and_read_back() -> None:
    run = AuditRun.objects.create(trigger=RunTrigger.CLI)
    sink = DatabaseSink(run)
    in_block = finding(selector="img.lorry", source=Source.CONTENT, region="body", block_id="abc")
    chrome = finding(selector="img.logo")
    sink.begin(RunInfo(started_at=run.created_at, axe_version="4.10.2", total=1))
    sink.page(PageAudit("http://localhost/bins/", PageStatus.OK, 200, findings=[in_block, chrome]))
    sink.end(RunSummary(run.created_at, run.created_at, "4.10.2", []))

    stored = {f.selector: f for f in Finding.objects.filter(run=run)}
    assert (stored["img.lorry"].source, stored["img.lorry"].region) == ("content", "body")
    assert stored["img.lorry"].block_id == "abc"
    assert stored["img.lorry"].get_source_display() == "Page content (an editor can fix it)"
    assert (stored["img.logo"].source, stored["img.logo"].block_id) == ("template", "")
    (page,) = stored_summary(run.pk).pages
    assert {f.selector: f for f in page.findings} == {"img.lorry": in_block, "img.logo": chrome}
    assert all(f.outcome == Outcome.VIOLATION for f in page.findings)


# The Clearway templates follow the convention ----------------------------------------------


def regions(html: str) -> dict[str, list[str]]:
    """Each ``data-clearway-content`` region's field name and the block ids within it."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        region["data-clearway-content"]: [
            block["data-block-id"] for block in region.select("[data-block-id]")
        ]
        for region in soup.select("[data-clearway-content]")
    }


@pytest.mark.django_db
def test_a_service_page_marks_each_body_block_with_its_id(
    client: Client, home_page: HomePage
) -> None:
    page = ServicePageFactory(
        parent=home_page,
        title="Missed bin",
        body=[heading("Before you report"), paragraph("Wait until 5pm."), paragraph("Thanks.")],
    )
    ids = [block.id for block in page.body]
    assert len(set(ids)) == 3 and all(ids)

    response = client.get(page.url)

    assert response.status_code == 200
    found = regions(response.content.decode())
    assert found["body"] == ids
    assert found["summary"] == []
    soup = BeautifulSoup(response.content, "html.parser")
    # Each block is the wrapper's content, and nothing outside the regions carries a block id.
    wrappers = soup.select('[data-clearway-content="body"] > [data-block-id]')
    assert [wrapper["data-block-id"] for wrapper in wrappers] == ids
    assert wrappers[0].find("h2").get_text(strip=True) == "Before you report"
    outside = [
        element
        for element in soup.select("[data-block-id]")
        if element.find_parent(attrs={"data-clearway-content": True}) is None
    ]
    assert outside == []


@pytest.mark.django_db
def test_a_step_by_step_page_marks_each_step(client: Client, home_page: HomePage) -> None:
    page = StepByStepPageFactory(parent=home_page, title="Moving home")

    response = client.get(page.url)

    assert response.status_code == 200
    assert regions(response.content.decode())["steps"] == [step.id for step in page.steps]
