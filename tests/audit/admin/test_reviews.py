"""Pages due for review, through the audit's review hook: the dashboard panel (with
permissions), the digest's reminders, findings routed to review owners, the report's filter."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from audit.admin.reviews import ReviewPanel, due_for_review
from audit.jobs.digest import build_digests, reminder_due, send_run_digests
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import build_pages, editors_of, user
from tests.factories import ServicePageFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@dataclass
class World:
    today: datetime.date
    alice: Any  # edits bins only; owns the bins page
    bob: Any  # edits tax only; in the tax team
    team: Group
    bins_page: Any
    tax_page: Any
    later_page: Any


def set_review(page: Any, days: int, person: Any = None, team: Group | None = None) -> None:
    type(page).objects.filter(pk=page.pk).update(
        next_review_date=timezone.localdate() + datetime.timedelta(days=days),
        review_owner_user=person,
        review_owner_group=team,
    )


@pytest.fixture
def world(home_page: Any) -> World:
    pages = build_pages(home_page)
    alice = user(groups=(editors_of(pages.bins, "Bins editors"),), email="alice@example.org")
    team = Group.objects.create(name="Council tax team")
    bob = user(groups=(editors_of(pages.tax, "Tax editors"), team), email="bob@example.org")
    later = ServicePageFactory(parent=pages.bins, title="Bulky waste")
    set_review(pages.bins_page, 7, person=alice)
    set_review(pages.tax_page, -3, team=team)  # overdue
    set_review(later, 60, person=alice)  # not due yet
    return World(timezone.localdate(), alice, bob, team, pages.bins_page, pages.tax_page, later)


# The dashboard


def test_each_person_sees_only_the_due_pages_they_can_edit(world: World) -> None:
    pages, count = due_for_review(world.alice)
    assert [(p.title, p.mine, p.days) for p in pages] == [("Missed bin collection", True, 7)]
    assert count == 1
    pages, _count = due_for_review(world.bob)
    assert [(p.title, p.mine, p.overdue, p.owner) for p in pages] == [
        ("Pay your council tax", True, True, "Council tax team")
    ]


def test_an_editor_of_everything_sees_theirs_first_then_by_date(world: World) -> None:
    set_review(world.later_page, 20, team=world.team)
    pages, count = due_for_review(world.bob)
    assert count == 1  # bob cannot edit the bins section
    admin = SuperuserFactory()
    admin.groups.add(world.team)
    pages, count = due_for_review(admin)
    # the team's two pages first (overdue, then in 20 days), then alice's
    assert [p.title for p in pages] == [
        "Pay your council tax",
        "Bulky waste",
        "Missed bin collection",
    ]
    assert [p.mine for p in pages] == [True, True, False]


def test_the_panel_on_the_admin_home_page(world: World) -> None:
    client = Client()
    client.force_login(world.alice)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pages due for review" in html
    assert "Missed bin collection" in html
    assert "Pay your council tax" not in html  # not hers to edit
    assert "Bulky waste" not in html  # due in 60 days
    assert '<th scope="col">' in html and "in 7 days" in html


def test_no_panel_when_nothing_is_due(world: World) -> None:
    outsider = user()
    request = RequestFactory().get("/admin/")
    request.user = outsider
    assert ReviewPanel().render_html({"request": request}) == ""


# The digest


def test_reminder_moments() -> None:
    due = datetime.date(2027, 3, 31)
    reminded = [
        day
        for day in (due + DAY * offset for offset in range(-40, 30))
        if reminder_due(due, day - DAY, day)
    ]
    assert reminded == [
        due - DAY * 30,
        due - DAY * 7,
        due,
        due + DAY * 7,
        due + DAY * 14,
        due + DAY * 21,
        due + DAY * 28,
    ]
    # A missed night: the next run reminds once for the moment it missed.
    assert reminder_due(due, due - DAY * 9, due - DAY * 5)


def test_the_digest_reminds_owners_on_the_day(world: World) -> None:
    set_review(world.tax_page, 0, team=world.team)  # due today: bob's team
    run = AuditRunFactory()
    assert send_run_digests(run.pk) == 2
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {"alice@example.org", "bob@example.org"}
    alice_mail = by_person["alice@example.org"]
    assert "1 of your pages is due for review" in alice_mail.subject
    assert "Missed bin collection" in alice_mail.body and "Bulky waste" not in alice_mail.body
    html = alice_mail.alternatives[0][0]
    assert "Pages due for review" in html
    assert reverse("wagtailadmin_pages:edit", args=[world.bins_page.pk]) in html


def test_no_reminder_between_moments(world: World) -> None:
    set_review(world.bins_page, 8, person=world.alice)
    set_review(world.tax_page, -3, team=world.team)
    assert build_digests(AuditRunFactory()) == []


def test_the_person_first_then_the_team(world: World) -> None:
    carol = UserFactory(email="")  # unreachable
    set_review(world.tax_page, 7, person=carol, team=world.team)
    (digest,) = [
        d for d in build_digests(AuditRunFactory()) if d.reviews[0].page_id == world.tax_page.pk
    ]
    assert digest.user == world.bob


# Routing


def test_findings_go_to_the_review_owner_before_the_page_owner(world: World) -> None:
    set_review(world.bins_page, 100, person=world.alice)  # no reminder tonight
    set_review(world.tax_page, 100, team=world.team)
    page_owner = UserFactory(email="owner@example.org")
    type(world.bins_page).objects.filter(pk__in=[world.bins_page.pk, world.tax_page.pk]).update(
        owner=page_owner
    )
    run = AuditRunFactory()
    tracked_finding(page=world.bins_page, run=run, rule="image-alt")
    tracked_finding(page=world.tax_page, run=run, rule="label")
    tracked_finding(page=world.later_page, run=run, rule="link-name")
    with override_settings(CLEARWAY_AUDIT={"PAGE_REVIEWS": ""}):
        before = {d.user.email: [p.title for p in d.pages] for d in build_digests(run)}
    assert set(before) == {"owner@example.org"}  # without the hook: as before
    after = {d.user.email: sorted(p.title for p in d.pages) for d in build_digests(run)}
    assert after == {
        "alice@example.org": ["Bulky waste", "Missed bin collection"],
        "bob@example.org": ["Pay your council tax"],
    }


def test_a_page_without_a_reachable_review_owner_falls_back(world: World) -> None:
    gone = UserFactory(is_active=False, email="gone@example.org")
    set_review(world.bins_page, 100, person=gone)
    type(world.bins_page).objects.filter(pk=world.bins_page.pk).update(owner=None)
    world.bins_page.refresh_from_db()
    world.bins_page.save_revision(user=world.alice)
    run = AuditRunFactory()
    tracked_finding(page=world.bins_page, run=run, rule="image-alt")
    assert [d.user for d in build_digests(run)] == [world.alice]  # the last editor


# The report


def test_the_report_filters_findings_by_review_owner(world: World) -> None:
    run = AuditRunFactory()
    for page in (world.bins_page, world.tax_page, world.later_page):
        tracked_finding(page=page, run=run, rule="image-alt")
    client = Client()
    client.force_login(SuperuserFactory())
    url = reverse("audit_report:findings")
    response = client.get(url, {"review_owner": f"user:{world.alice.pk}"})
    assert {t.page_id for t in response.context["object_list"]} == {
        world.bins_page.pk,
        world.later_page.pk,
    }
    response = client.get(url, {"review_owner": f"group:{world.team.pk}"})
    assert {t.page_id for t in response.context["object_list"]} == {world.tax_page.pk}
    assert "Team: Council tax team" in response.content.decode()
