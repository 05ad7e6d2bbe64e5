"""The page's findings where its editors are: the panel, the Checks side panel, the page
screen with the checks on the draft, "Audit this page now", dismissing, undoing, "show me",
and the page listing's indicator."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from audit.admin.page_audits import mark_audit_pending
from audit.core.enums import FindingStatus, RunTrigger, Source
from audit.storage.models import AuditRun, Dismissal
from tests.audit.admin.factories import AuditRunFactory, PageResultFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.factories import ServicePageFactory, SuperuserFactory, heading, paragraph

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def site(home_page: Any) -> Any:
    return build_pages(home_page)


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def panel(client: Client, page: Any) -> str:
    response = client.get(reverse("audit_editor:panel", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_panel_explains_each_finding_in_plain_english(site: Any, client: Client) -> None:
    page = ServicePageFactory(
        parent=site.bins,
        title="Garden waste",
        body=[heading("Sign up"), paragraph("Pay online.")],
    )
    block_id = page.body[1].id
    tracked_finding(page=page, block_id=block_id, region="body", source=Source.CONTENT)
    tracked_finding(page=page, rule="region", source=Source.TEMPLATE, selector="div.banner")
    body = panel(client, page)
    assert "Images have a text alternative" in body
    assert "People who use a screen reader hear nothing" in body  # why it matters
    assert "Describe what the image shows" in body  # how to fix
    assert "In your content: you can fix it" in body
    assert "In the template: ask a developer" in body
    assert "In block: Paragraph" in body or "In block: paragraph" in body
    assert "Audit this page now" in body and "Dismiss" in body
    assert "Show me" in body


def test_hostile_snippets_are_escaped(site: Any, client: Client) -> None:
    tracked_finding(
        page=site.bins_page, html=HOSTILE, selector=HOSTILE, message=HOSTILE, help=HOSTILE
    )
    tracked_finding(page=site.bins_page, rule="x-unknown-rule", html=HOSTILE, help=HOSTILE)
    body = panel(client, site.bins_page)
    assert HOSTILE not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_page_editor_checks_panel_shows_the_findings(site: Any, client: Client) -> None:
    tracked_finding(page=site.bins_page)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site.bins_page.pk]))
    body = response.content.decode()
    assert "Accessibility problems on the published page" in body
    assert "Images have a text alternative" in body
    # The header menu links to the page's findings screen (the no-JavaScript way).
    assert reverse("audit_editor:page_findings", args=[site.bins_page.pk]) in body


def test_the_page_screen_checks_the_draft(site: Any, client: Client) -> None:
    long = (
        "Notwithstanding the aforementioned considerations, residents are obliged to "
        "facilitate the utilisation of appropriately designated receptacles for the "
        "accumulation of compostable horticultural materials before collection commences."
    )
    page = ServicePageFactory(
        parent=site.bins,
        title="Garden waste",
        body=[paragraph(f'{long} <a href="/bins/">Click here</a>.') for _ in range(4)],
    )
    response = client.get(reverse("audit_editor:page_findings", args=[page.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Checks on your draft" in body
    assert "Reading age" in body
    assert "<mark>Notwithstanding" in body
    assert "Click here" in body
    assert "never stops you saving" in body


LONG_SENTENCE = (
    "Notwithstanding the aforementioned considerations, residents are obliged to facilitate "
    "the utilisation of appropriately designated receptacles for the accumulation of "
    "compostable horticultural materials before collection commences."
)


def test_a_short_draft_tells_one_reading_age_story(site: Any, client: Client) -> None:
    """Too little text for a page's reading age, and one very hard sentence: the panel says
    why there is no reading age and never gives the sentence an age nobody has ("44")."""
    page = ServicePageFactory(
        parent=site.bins, title="Garden waste", body=[paragraph(LONG_SENTENCE)]
    )
    body = client.get(reverse("audit_editor:page_findings", args=[page.pk])).content.decode()
    assert "not enough text to work out a reading age" not in body
    assert "A page's reading age needs at least" in body
    assert "Even so, these sentences are hard to read" in body
    assert "hard for most adults" in body
    assert "reading age 4" not in body and "aged 4" not in body


def test_the_draft_count_is_its_problems_and_advice_is_apart(site: Any, client: Client) -> None:
    page = ServicePageFactory(
        parent=site.bins,
        title="Garden waste",
        body=[paragraph('We utilise bins. <a href="/bins/">Click here</a>.')],
    )
    response = client.get(reverse("audit_editor:panel", args=[page.pk]), {"draft": "1"})
    draft = response.context["draft"]
    rules = {item.issue.rule for item in draft.problems}
    assert "clearway-link-text" in rules
    assert "clearway-words-to-avoid" in {item.issue.rule for item in draft.advice}
    assert not rules & {item.issue.rule for item in draft.advice}
    body = response.content.decode()
    assert f'data-clearway-draft-problems="{len(draft.problems)}"' in body
    assert "part of the “Issues found” count" in body


def test_the_editor_checks_panel_has_one_reading_measure(site: Any, client: Client) -> None:
    body = client.get(reverse("wagtailadmin_pages:edit", args=[site.bins_page.pk])).content
    body = body.decode()
    assert "data-content-word-count" in body and "data-content-checker-count" in body
    # Wagtail's own readability score would contradict the audit's reading age.
    assert "data-content-readability-score" not in body
    assert "What the last audit found on the live page" in body


def test_the_draft_checks_compare_the_title_with_the_other_pages(site: Any, client: Client) -> None:
    page = ServicePageFactory(parent=site.tax, title="Missed bin collection")

    response = client.get(reverse("audit_editor:page_findings", args=[page.pk]))

    body = response.content.decode()
    assert "clearway-page-title-duplicate" in body or "same title" in body.lower()
    unique = ServicePageFactory(parent=site.tax, title="Council tax discounts for carers")
    body = client.get(reverse("audit_editor:page_findings", args=[unique.pk])).content.decode()
    assert "clearway-page-title-duplicate" not in body and "same title" not in body.lower()


def test_audit_this_page_now_queues_a_task_and_shows_auditing(site: Any, client: Client) -> None:
    url = reverse("audit_editor:audit_page", args=[site.bins_page.pk])
    with mock.patch("audit.tasks.audit_page") as task:
        response = client.post(url, {"next": "/admin/pages/1/edit/"})
        assert response.status_code == 302 and response["Location"] == "/admin/pages/1/edit/"
        task.enqueue.assert_called_once_with(site.bins_page.pk, RunTrigger.REQUEST)
        assert "Auditing this page..." in panel(client, site.bins_page)
        client.post(url)  # a second click while it runs queues nothing more
        task.enqueue.assert_called_once()
    # When the audit is stored the panel shows the results again.
    PageResultFactory(run=AuditRunFactory(), page=site.bins_page)
    body = panel(client, site.bins_page)
    assert "Auditing this page..." not in body and "Audit this page now" in body


def test_audit_now_is_recorded_as_on_request_not_on_publish(site: Any, client: Client) -> None:
    url = reverse("audit_editor:audit_page", args=[site.bins_page.pk])
    # The test settings run tasks at once; the run is stored, its execution skipped.
    with mock.patch("audit.runs.service.execute_run") as execute:
        client.post(url)
    run = AuditRun.objects.get(pk=execute.call_args.args[0])
    assert run.trigger == RunTrigger.REQUEST and run.get_trigger_display() == "On request"
    assert run.configuration["page_ids"] == [site.bins_page.pk]
    # Publishing still records "On publish": the task's default.
    with mock.patch("audit.runs.service.execute_run") as execute:
        from audit.tasks import audit_page

        audit_page.call(site.bins_page.pk)
    assert AuditRun.objects.get(pk=execute.call_args.args[0]).trigger == RunTrigger.PUBLISH


def test_audit_status_is_a_small_json_answer(site: Any, client: Client) -> None:
    url = reverse("audit_editor:audit_status", args=[site.bins_page.pk])
    assert client.get(url).json()["auditing"] is False
    mark_audit_pending(site.bins_page.pk)
    response = client.get(url)
    assert response.json() == {
        "auditing": True,
        "panel_url": reverse("audit_editor:panel", args=[site.bins_page.pk]),
    }
    assert "no-store" in response["Cache-Control"]
    PageResultFactory(run=AuditRunFactory(), page=site.bins_page)
    assert client.get(url).json()["auditing"] is False


def test_audit_now_refuses_a_redirect_elsewhere(site: Any, client: Client) -> None:
    url = reverse("audit_editor:audit_page", args=[site.bins_page.pk])
    with mock.patch("audit.tasks.audit_page"):
        response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("audit_editor:page_findings", args=[site.bins_page.pk])


def test_audit_now_needs_post(site: Any, client: Client) -> None:
    response = client.get(reverse("audit_editor:audit_page", args=[site.bins_page.pk]))
    assert response.status_code == 405


def test_dismiss_and_undo_through_the_forms(site: Any, client: Client) -> None:
    tracked = tracked_finding(page=site.bins_page)
    url = reverse("audit_editor:dismiss", args=[tracked.pk])
    response = client.post(url, {"reason": "", "note": "", "scope": "page"})
    assert response.status_code == 200
    assert b"This field is required." in response.content
    response = client.post(
        url, {"reason": "false-positive", "note": "It is decorative.", "scope": "page"}
    )
    assert response.status_code == 302
    tracked.refresh_from_db()
    assert tracked.status == FindingStatus.DISMISSED
    body = panel(client, site.bins_page)
    assert "It is decorative." in body and "Undo" in body
    dismissal = Dismissal.objects.get()
    response = client.post(reverse("audit_editor:undo", args=[dismissal.pk]))
    assert response.status_code == 302
    tracked.refresh_from_db()
    assert tracked.status == FindingStatus.OPEN
    # A finding that is not open cannot be dismissed again through the form.
    tracked_fixed = tracked_finding(page=site.bins_page, status=FindingStatus.FIXED)
    assert client.get(reverse("audit_editor:dismiss", args=[tracked_fixed.pk])).status_code == 404


def test_show_me_outlines_the_element_without_trusting_it(site: Any, client: Client) -> None:
    tracked = tracked_finding(page=site.bins_page, selector='img[alt="x"]"><script>alert(1)')
    response = client.get(reverse("audit_editor:show_in_draft", args=[tracked.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Missed bin collection" in body  # the page's draft
    assert 'data-clearway-highlight="img[alt=&quot;x&quot;]&quot;&gt;&lt;script&gt;' in body
    assert "<script>alert(1)" not in body
    assert "no-store" in response["Cache-Control"]


def test_the_page_listing_marks_pages_with_findings(
    site: Any, client: Client, django_assert_max_num_queries: Any
) -> None:
    tracked_finding(page=site.bins_page)
    tracked_finding(page=site.bins_page)
    response = client.get(reverse("wagtailadmin_explore", args=[site.bins.pk]))
    body = response.content.decode()
    assert "2 accessibility problems" in body
    assert 'data-clearway-findings="2"' in body


def test_rule_help_pages(site: Any, client: Client) -> None:
    body = client.get(reverse("audit_rules:detail", args=["image-alt"])).content.decode()
    assert "Why it matters to residents" in body and "Describe what the image shows" in body
    assert client.get(reverse("audit_rules:detail", args=["no-such-rule"])).status_code == 404
    tracked_finding(page=site.bins_page, rule="x-rare", help=HOSTILE, help_url="javascript:x")
    response = client.get(reverse("audit_rules:detail", args=["x-rare"]))
    body = response.content.decode()
    assert response.status_code == 200 and HOSTILE not in body and "javascript:" not in body


def test_pending_marker_expires_with_a_stored_result(site: Any) -> None:
    from audit.admin.page_audits import audit_pending

    mark_audit_pending(site.tax_page.pk)
    assert audit_pending(site.tax_page.pk)
    PageResultFactory(run=AuditRunFactory(), page=site.tax_page)
    assert not audit_pending(site.tax_page.pk)


def test_the_user_bar_leads_editors_to_the_page_findings(site: Any, client: Client) -> None:
    tracked_finding(page=site.bins_page)
    body = client.get(site.bins_page.url).content.decode()
    assert "Accessibility: 1 problem" in body
    assert reverse("audit_editor:page_findings", args=[site.bins_page.pk]) in body
    visitor = Client()
    assert "Accessibility: 1 problem" not in visitor.get(site.bins_page.url).content.decode()


def test_the_dismiss_form_never_links_to_a_hostile_next(site: Any, client: Client) -> None:
    tracked = tracked_finding(page=site.bins_page)
    url = reverse("audit_editor:dismiss", args=[tracked.pk])
    body = client.get(url, {"next": "javascript:alert(1)"}).content.decode()
    assert "javascript:" not in body
    assert reverse("audit_editor:page_findings", args=[site.bins_page.pk]) in body
    response = client.post(
        url,
        {
            "reason": "accepted",
            "note": "Known",
            "scope": "page",
            "next": "//evil.example/",
        },
    )
    assert response["Location"] == reverse("audit_editor:page_findings", args=[site.bins_page.pk])
