"""Writing advice in the admin: shown to editors, apart from accessibility problems, and never
counted as one (the report, the page's panel, page listings, the dashboard, the digest)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from audit.core.enums import Impact, Level, Outcome, Source
from audit.jobs.digest import new_or_regressed
from audit.storage.models import AuditRun, TrackedFinding
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import Pages, build_pages, build_people
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


def advice(page: Any, run: AuditRun, rule: str = "clearway-long-sentence") -> TrackedFinding:
    return tracked_finding(
        page=page,
        run=run,
        rule=rule,
        outcome=Outcome.ADVICE,
        impact=Impact.MINOR,
        wcag=[],
        level=Level.PLAIN_ENGLISH,
        source=Source.CONTENT,
        selector=f"main p.{rule}",
        html="<p>When you want to apply for a permit...</p>",
        help="Sentences are short",
    )


@pytest.fixture
def world(home_page: Any) -> tuple[Pages, AuditRun]:
    pages = build_pages(home_page)
    run = AuditRunFactory()
    tracked_finding(page=pages.bins_page, run=run)  # image-alt: a violation
    advice(pages.bins_page, run)
    advice(pages.bins_page, run, rule="clearway-meta-description")
    advice(pages.tax_page, run)  # the tax page has advice and nothing else
    return pages, run


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def test_the_report_lists_problems_and_advice_apart(world: Any, client: Client) -> None:
    response = client.get(reverse("audit_report:index"))
    assert [row["rule"] for row in response.context["object_list"]] == ["image-alt"]
    body = response.content.decode()
    assert "There are also 3 pieces of writing advice, listed apart" in body
    assert "?status=advice" in body

    response = client.get(reverse("audit_report:index"), {"status": "advice"})
    rows = {row["rule"]: row for row in response.context["object_list"]}
    assert set(rows) == {"clearway-long-sentence", "clearway-meta-description"}
    assert rows["clearway-long-sentence"]["pages"] == 2
    assert "None of it is a WCAG failure" in response.content.decode()

    findings = client.get(reverse("audit_report:findings"), {"status": "advice"})
    assert {t.rule for t in findings.context["object_list"]} == {
        "clearway-long-sentence",
        "clearway-meta-description",
    }
    assert "writing advice" in findings.content.decode()


@pytest.mark.parametrize("status", ["", "open", "regressed", "needs-review", "fixed", "dismissed"])
def test_no_other_status_shows_advice(world: Any, client: Client, status: str) -> None:
    response = client.get(reverse("audit_report:findings"), {"status": status})
    assert response.status_code == 200
    assert all(t.outcome != Outcome.ADVICE for t in response.context["object_list"])


def test_the_page_panel_shows_writing_advice_under_its_own_heading(
    world: Any, client: Client
) -> None:
    pages, _run = world
    body = client.get(reverse("audit_editor:panel", args=[pages.bins_page.pk])).content.decode()
    assert "The last audit found 1 problem." in body
    advice_part = body[body.index("Writing advice") :]
    assert "2 suggestions to make the page clearer" in advice_part
    assert "Sentences are short" in advice_part
    assert "Images have a text alternative" not in advice_part
    assert '<h4 class="clearway-finding__title">Sentences are short</h4>' in advice_part

    only_advice = client.get(reverse("audit_editor:panel", args=[pages.tax_page.pk]))
    body = only_advice.content.decode()
    assert "The last audit found no accessibility problems on this page." in body
    assert "1 suggestion to make the page clearer" in body


def test_page_listings_and_the_user_bar_count_problems_not_advice(
    world: Any, client: Client
) -> None:
    pages, _run = world
    listing = client.get(reverse("wagtailadmin_explore", args=[pages.bins.pk])).content.decode()
    assert 'data-clearway-findings="1"' in listing
    assert "1 accessibility problem" in listing
    taxes = client.get(reverse("wagtailadmin_explore", args=[pages.tax.pk])).content.decode()
    assert "data-clearway-findings" not in taxes  # advice only: no problem to flag
    assert "Accessibility: 1 problem" in client.get(pages.bins_page.url).content.decode()


def test_the_dashboard_counts_advice_apart(world: Any) -> None:
    pages, _run = world
    people = build_people(pages)
    type(pages.bins_page).objects.filter(pk=pages.bins_page.pk).update(owner=people.section)
    client = Client()
    client.force_login(people.section)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Writing advice: 2 suggestions on your pages" in body
    assert "1 open problem on 1 page(s)" in body  # the whole site: the violation alone
    assert reverse("audit_report:index") + "?status=advice" in body


def test_the_digest_never_sends_advice(world: Any) -> None:
    _pages, run = world
    assert set(new_or_regressed(run).values_list("rule", flat=True)) == {"image-alt"}


def test_the_run_shows_its_advice_count(world: Any, client: Client) -> None:
    _pages, run = world
    AuditRun.objects.filter(pk=run.pk).update(violations=1, advice=3)
    body = client.get(reverse("audit_runs:detail", args=[run.pk])).content.decode()
    assert "Advice (not WCAG failures)" in body and "<dd>3</dd>" in body


def test_a_rule_help_page_says_what_the_rule_reports(world: Any, client: Client) -> None:
    def help_page(rule_id: str) -> str:
        return client.get(reverse("audit_rules:detail", args=[rule_id])).content.decode()

    assert "This is writing advice, not a WCAG failure" in help_page("clearway-long-sentence")
    assert "a person checks each finding" in help_page("clearway-page-title-duplicate")
    image = help_page("image-alt")
    assert "writing advice" not in image and "a person checks" not in image
