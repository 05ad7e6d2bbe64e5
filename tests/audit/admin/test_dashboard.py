"""The admin home page's accessibility panel: each person's own pages with problems, most
severe first, and the site summary for people who can see the report."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.admin.dashboard import AccessibilityPanel, pages_with_problems, site_summary
from audit.core.enums import FindingStatus, Impact, Outcome
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import build_pages, build_people
from tests.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

HEADING = "Your pages with accessibility problems"
SITE = "The whole site"


@pytest.fixture
def world(home_page: Any) -> dict[str, Any]:
    pages = build_pages(home_page)
    people = build_people(pages)
    run = AuditRunFactory()
    # Owners: the tax page is plain's, the bins page the section editor's; a second bins page
    # has no owner but the section editor edited it last; a tax page the outsider owns but
    # cannot edit.
    type(pages.tax_page).objects.filter(pk=pages.tax_page.pk).update(owner=people.plain)
    type(pages.bins_page).objects.filter(pk=pages.bins_page.pk).update(owner=people.section)
    recycling = ServicePageFactory(parent=pages.bins, title="Recycling centres")
    recycling.save_revision(user=people.section).publish()
    bands = ServicePageFactory(parent=pages.tax, title="Council tax bands", owner=people.outsider)

    tracked_finding(page=pages.tax_page, run=run, impact=Impact.SERIOUS)
    tracked_finding(page=pages.bins_page, run=run, impact=Impact.MODERATE)
    tracked_finding(page=pages.bins_page, run=run, impact=Impact.MODERATE)
    tracked_finding(page=pages.bins_page, run=run, impact=Impact.CRITICAL, status="fixed")
    tracked_finding(page=pages.bins_page, run=run, status=FindingStatus.DISMISSED)
    tracked_finding(page=pages.bins_page, run=run, outcome=Outcome.NEEDS_REVIEW)
    tracked_finding(page=recycling, run=run, impact=Impact.CRITICAL)
    tracked_finding(page=bands, run=run, impact=Impact.MINOR)
    tracked_finding(url="http://localhost/legacy/", run=run, impact=Impact.MINOR)
    return {"pages": pages, "people": people, "run": run, "recycling": recycling}


def home(world: dict[str, Any], username: str) -> Any:
    client = Client()
    if username != "anonymous":
        client.force_login(getattr(world["people"], username))
    return client.get(reverse("wagtailadmin_home"))


def panel_of(body: str) -> str:
    start = body.find('id="audit-dashboard-section"')
    if start == -1:
        return ""
    start = body.rfind("<section", 0, start)
    return body[start : body.index("</section>", start)]


@pytest.mark.parametrize(
    ("username", "pages", "summary"),
    [
        ("plain", ["Pay your council tax"], False),
        ("viewer", [], True),
        ("runner", None, False),  # nothing to say: no panel at all
        ("section", ["Recycling centres", "Missed bin collection"], True),
        ("outsider", [], True),  # owns a page it cannot edit: not listed
        ("superuser", [], True),
    ],
)
def test_panel_content_per_person(
    world: dict[str, Any], username: str, pages: list[str] | None, summary: bool
) -> None:
    response = home(world, username)
    assert response.status_code == 200
    panel = panel_of(response.content.decode())
    if pages is None:
        assert panel == ""
        return
    assert HEADING in panel
    titles = ["Pay your council tax", "Missed bin collection", "Recycling centres"]
    titles += ["Council tax bands"]
    shown = sorted((panel.index(t), t) for t in titles if t in panel)
    assert [title for _, title in shown] == pages
    if not pages:
        assert "None of the pages you own or last edited" in panel
    assert (SITE in panel) is summary


def test_anonymous_is_sent_to_login(world: dict[str, Any]) -> None:
    response = home(world, "anonymous")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_pages_most_severe_first_with_edit_links(world: dict[str, Any]) -> None:
    pages, count = pages_with_problems(world["people"].section)
    assert count == 2
    assert [(p.title, p.worst, p.summary) for p in pages] == [
        ("Recycling centres", Impact.CRITICAL, "1 critical"),
        ("Missed bin collection", Impact.MODERATE, "2 moderate"),
    ]
    panel = panel_of(home(world, "section").content.decode())
    edit = reverse("wagtailadmin_pages:edit", args=[world["recycling"].pk])
    assert f'<a href="{edit}">Recycling centres' in panel


def test_limit_and_more(world: dict[str, Any]) -> None:
    pages, count = pages_with_problems(world["people"].section, limit=1)
    assert [p.title for p in pages] == ["Recycling centres"] and count == 2


def test_site_summary(world: dict[str, Any]) -> None:
    summary = site_summary()
    assert summary.counts == {"critical": 1, "serious": 1, "moderate": 2, "minor": 2}
    assert summary.pages == 5
    assert summary.last_run == world["run"]
    panel = panel_of(home(world, "viewer").content.decode())
    assert "6 open problems on 5 page(s)" in panel
    assert reverse("audit_runs:detail", args=[world["run"].pk]) in panel


def test_panel_queries_do_not_grow_with_pages(world: dict[str, Any]) -> None:
    section = world["people"].section
    request = RequestFactory().get("/admin/")
    request.user = section

    def render() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            html = AccessibilityPanel().render_html({"request": request})
        return html, len(queries)

    render()  # the person's permissions are cached from here on, as within one request
    _, few = render()
    for n in range(12):
        page = ServicePageFactory(parent=world["pages"].bins, title=f"Bins page {n}", owner=section)
        tracked_finding(page=page, run=world["run"], impact=Impact.SERIOUS)
    html, many = render()
    assert many == few <= 4
    assert "And 4 more pages with problems." in html
