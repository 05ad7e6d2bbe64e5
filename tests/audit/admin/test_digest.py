"""The email digest after a nightly run: who gets what, once, and safely."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page

from audit.core.enums import FindingStatus, Outcome, RunStatus, RunTrigger
from audit.jobs.digest import new_or_regressed, send_run_digests
from audit.storage.models import AuditRun, AuditSchedule, DigestDelivery, TrackedFinding
from audit.tasks import send_digests
from tests.audit.admin.factories import (
    AuditRunFactory,
    FindingFactory,
    PageResultFactory,
    tracked_finding,
)
from tests.factories import ServicePageFactory, UserFactory

pytestmark = pytest.mark.django_db

BASE = "https://cms.anytown.example"
HOSTILE_TITLE = '<script>alert("title")</script> Bulky waste'
HOSTILE_SNIPPET = '<img src=x onerror="alert(1)">'


@dataclass
class World:
    run: AuditRun
    alice: Any
    bob: Any
    dave: Any
    erin: Any
    pages: dict[str, Page]


def finding(page: Page, run: AuditRun, rule: str, **fields: Any) -> TrackedFinding:
    return tracked_finding(page=page, run=run, rule=rule, help=f"Problem {rule}", **fields)


@pytest.fixture
def world(home_page: Page) -> World:
    alice = UserFactory(username="alice", first_name="Alice", last_name="Ash")
    bob = UserFactory(username="bob")
    carol = UserFactory(username="carol", is_active=False)
    dave = UserFactory(username="dave")
    erin = UserFactory(username="erin")
    gone = UserFactory(username="gone")
    p1 = ServicePageFactory(parent=home_page, title="Missed bin", owner=alice)
    p2 = ServicePageFactory(parent=home_page, title=HOSTILE_TITLE, owner=bob)
    p3 = ServicePageFactory(parent=home_page, title="Garden waste", owner=carol)
    p3.save_revision(user=dave).publish()
    p4 = ServicePageFactory(parent=home_page, title="Recycling", owner=gone)
    p4.save_revision(user=erin).publish()
    gone.delete()  # the owner has left: the page's owner is now empty
    p5 = ServicePageFactory(parent=home_page, title="Nobody's page")

    earlier = AuditRunFactory()
    published_before = AuditRunFactory(trigger=RunTrigger.PUBLISH)
    between = AuditRunFactory()
    published_since = AuditRunFactory(trigger=RunTrigger.PUBLISH)
    run = AuditRunFactory()

    # Found on publish since the last nightly run, and seen again tonight: new to the owner.
    # Found on publish before the last nightly run: the owner heard about it then.
    for published, rule in ((published_since, "rule-published"), (published_before, "rule-heard")):
        tracked = finding(p3, published, rule)
        TrackedFinding.objects.filter(pk=tracked.pk).update(last_seen=run)

    # Seen before this run: not new. Old news regressed earlier and is still regressed.
    old = finding(p1, earlier, "rule-old")
    TrackedFinding.objects.filter(pk=old.pk).update(last_seen=run)
    still_regressed = finding(p1, between, "rule-still-regressed", selector="p.still")
    FindingFactory(
        page_result=PageResultFactory(run=run, page=p1),
        page=p1,
        rule="rule-still-regressed",
        selector="p.still",
        html=still_regressed.latest.html,
    )
    TrackedFinding.objects.filter(pk=still_regressed.pk).update(
        status=FindingStatus.REGRESSED, last_seen=run
    )
    # Regressed in this run: seen in the earlier run, not in the run between (which audited
    # the page: see above), seen again now.
    back = finding(p1, earlier, "rule-back", selector="img.back")
    assert between.page_results.filter(url=back.url, status="ok").exists()
    again = FindingFactory(
        page_result=run.page_results.get(url=back.url),
        page=p1,
        rule="rule-back",
        help="Problem rule-back",
        selector="img.back",
        html=back.latest.html,
    )
    TrackedFinding.objects.filter(pk=back.pk).update(
        status=FindingStatus.REGRESSED, last_seen=run, latest=again
    )
    # New in this run.
    finding(p1, run, "rule-new-a")
    finding(p2, run, "rule-new-b", html=HOSTILE_SNIPPET, selector="img.x")
    finding(p2, run, "rule-dismissed", status=FindingStatus.DISMISSED)
    finding(p2, run, "rule-review", outcome=Outcome.NEEDS_REVIEW)
    finding(p3, run, "rule-new-c")
    finding(p4, run, "rule-new-d")
    finding(p5, run, "rule-orphan")
    tracked_finding(url="http://localhost/legacy/", run=run, rule="rule-outside")
    return World(run, alice, bob, dave, erin, {"p1": p1, "p2": p2, "p3": p3, "p4": p4})


def outbox_for(address: str) -> list[Any]:
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message: Any) -> str:
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return str(html)


def test_new_and_regressed_in_this_run(world: World) -> None:
    rules = set(new_or_regressed(world.run).values_list("rule", flat=True))
    assert rules == {"rule-back", "rule-new-a", "rule-new-b", "rule-new-c", "rule-new-d"} | {
        "rule-orphan",
        "rule-published",
    }


@override_settings(WAGTAILADMIN_BASE_URL=BASE)
def test_one_email_per_person_with_their_pages(world: World) -> None:
    assert send_run_digests(world.run.pk) == 4
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.alice, world.bob, world.dave, world.erin)
    )
    (alice,) = outbox_for(world.alice.email)
    assert alice.subject == "Anytown Borough Council: 2 new accessibility problems on your pages"
    assert "Hello Alice Ash," in alice.body
    assert "Problem rule-new-a" in alice.body and "Problem rule-back" in alice.body
    assert "back again after being fixed" in alice.body
    assert "rule-old" not in alice.body and "rule-still-regressed" not in alice.body
    edit = BASE + reverse("wagtailadmin_pages:edit", args=[world.pages["p1"].pk])
    assert edit in alice.body and f'href="{edit}"' in html_of(alice)
    live = world.pages["p1"].get_full_url()
    assert live.startswith("http") and live in alice.body and f'href="{live}"' in html_of(alice)
    assert DigestDelivery.objects.get(run=world.run, user=world.alice).findings == 2


def test_owner_gone_or_inactive_means_the_last_editor(world: World) -> None:
    send_run_digests(world.run.pk)
    (dave,) = outbox_for(world.dave.email)  # carol, the owner, is inactive
    assert "Garden waste" in dave.body and "Problem rule-new-c" in dave.body
    assert "Problem rule-published" in dave.body and "rule-heard" not in dave.body
    (erin,) = outbox_for(world.erin.email)  # the owner's account was deleted
    assert "Recycling" in erin.body and "Problem rule-new-d" in erin.body
    everything = " ".join(m.body for m in mail.outbox)
    assert "rule-orphan" not in everything and "rule-outside" not in everything
    assert "rule-dismissed" not in everything and "rule-review" not in everything


def test_never_twice(world: World) -> None:
    assert send_run_digests(world.run.pk) == 4
    assert send_run_digests(world.run.pk) == 0
    assert len(mail.outbox) == 4
    assert DigestDelivery.objects.filter(run=world.run).count() == 4


def test_a_failed_send_is_retried_later(world: World) -> None:
    real_send = mail.EmailMultiAlternatives.send

    def flaky(message: Any, *args: Any, **kwargs: Any) -> int:
        if message.to == [world.bob.email]:
            raise ConnectionError("SMTP server went away")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMultiAlternatives, "send", flaky):
        assert send_run_digests(world.run.pk) == 3
    assert not DigestDelivery.objects.filter(user=world.bob).exists()
    assert send_run_digests(world.run.pk) == 1
    assert len(outbox_for(world.bob.email)) == 1


def test_nothing_sent_when_nothing_is_new(world: World) -> None:
    quiet = AuditRunFactory()
    finding(world.pages["p1"], quiet, "rule-old-again")
    TrackedFinding.objects.filter(first_seen=quiet).update(first_seen=world.run)
    assert send_run_digests(quiet.pk) == 0
    assert mail.outbox == []


def test_digest_can_be_turned_off(world: World) -> None:
    schedule = AuditSchedule.load()
    schedule.digest_enabled = False
    schedule.save()
    assert send_run_digests(world.run.pk) == 0
    assert mail.outbox == [] and not DigestDelivery.objects.exists()


def test_unfinished_run_sends_nothing(world: World) -> None:
    AuditRun.objects.filter(pk=world.run.pk).update(status=RunStatus.RUNNING)
    assert send_run_digests(world.run.pk) == 0


def test_html_and_text_parts_escape_hostile_content(world: World) -> None:
    send_run_digests(world.run.pk)
    (bob,) = outbox_for(world.bob.email)
    html = html_of(bob)
    assert "<script>" not in html and HOSTILE_SNIPPET not in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Bulky waste" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert html.startswith("<!doctype html>") and '<html lang="en-GB">' in html
    # Plain text is plain: no HTML entities, the snippet quoted as it is.
    assert HOSTILE_TITLE in bob.body and HOSTILE_SNIPPET in bob.body
    assert "&lt;" not in bob.body and "&quot;" not in bob.body
    assert "\n" not in bob.subject


def test_the_task(world: World) -> None:
    result = send_digests.enqueue(world.run.pk)  # the immediate backend in the tests
    assert result.return_value == 4
    assert len(mail.outbox) == 4
