"""`manage.py seed_demo`: the Anytown Borough Council demo site.

The demo is built once for this module, inside a transaction that is rolled back when the
module is done, so other tests never see it. Each test runs in a savepoint inside it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoDbBlocker
from wagtail.blocks import StreamBlock, StreamValue
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision, Site

from alerts.models import AlertBanner
from audit.admin.reviews import due_for_review
from contacts.models import ContactPoint, OpeningHours
from pages.blocks import ServiceBodyBlock, heading_order_errors
from pages.demo import SeedReport, build_demo
from pages.demo.content import REVIEWS, TEAMS
from pages.models import (
    AccessibilityStatementPage,
    BasePage,
    GuidePage,
    GuidePartPage,
    HomePage,
    NewsPage,
    SearchPage,
    ServiceCategoryPage,
    ServicePage,
    SiteLinkSettings,
    StepByStepPage,
)
from tests.factories import SuperuserFactory, UserFactory

REQUIRED_CATEGORIES = {
    "bins-and-recycling",
    "council-tax",
    "parking",
    "housing",
    "planning",
    "libraries",
    "schools",
    "adult-social-care",
}
#: Link text that means nothing out of context.
VAGUE_LINK_TEXT = {"click here", "here", "read more", "more", "this page", "link", "find out more"}


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[SeedReport]:
    """The demo council, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        report = build_demo()
        yield report
        transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()


def live_pages() -> list[BasePage]:
    """Every live page of ours: everything below the tree's root."""
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def stream_fields(page: Page) -> Iterator[tuple[StreamField, StreamValue]]:
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield field, getattr(page, field.name)


def snapshot() -> dict[str, Any]:
    """Everything the seed makes, with ids, revisions and times: equal means untouched."""
    Image = get_image_model()
    Document = get_document_model()
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "pk", "url_path", "live", "latest_revision_id", "last_published_at"
            )
        ),
        "revisions": Revision.objects.count(),
        "contacts": list(ContactPoint.objects.order_by("pk").values_list("pk", "name")),
        "opening_hours": list(
            OpeningHours.objects.order_by("pk").values_list(
                "pk", "contact_point_id", "weekday", "opens", "closes", "closed"
            )
        ),
        "images": list(Image.objects.order_by("pk").values_list("pk", "title", "file")),
        "documents": list(Document.objects.order_by("pk").values_list("pk", "title", "file")),
        "banners": list(
            AlertBanner.objects.order_by("pk").values_list("pk", "title", "starts_at", "ends_at")
        ),
        "sites": list(
            Site.objects.order_by("pk").values_list(
                "pk", "hostname", "port", "root_page_id", "is_default_site", "site_name"
            )
        ),
        "site_links": list(
            SiteLinkSettings.objects.values_list("pk", "contact_page_id", "privacy_page_id")
        ),
        "search_promotions": list(
            SearchPromotion.objects.order_by("pk").values_list(
                "pk", "query__query_string", "page_id", "sort_order"
            )
        ),
        "teams": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "team_permissions": list(
            GroupPagePermission.objects.order_by("pk").values_list(
                "pk", "group_id", "page_id", "permission_id"
            )
        ),
        "reviews": list(
            ServicePage.objects.order_by("pk").values_list(
                "pk", "next_review_date", "review_owner_user_id", "review_owner_group_id"
            )
        ),
    }


# The site and its size ---------------------------------------------------------------------


@pytest.mark.django_db
def test_builds_at_least_60_live_pages_in_at_least_8_service_categories(
    seeded: SeedReport,
) -> None:
    pages = live_pages()
    assert len(pages) >= 60
    categories = {
        category.slug: category.get_children().live().count()
        for category in ServiceCategoryPage.objects.live()
    }
    assert len(categories) >= 8
    assert categories.keys() >= REQUIRED_CATEGORIES
    assert all(count >= 3 for count in categories.values()), categories
    assert sum(seeded.pages_by_type.values()) == len(pages)


@pytest.mark.django_db
def test_replaces_the_welcome_page_with_the_councils_default_site(seeded: SeedReport) -> None:
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    site = Site.objects.get()
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert site.is_default_site
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert site.site_name == "Anytown Borough Council"
    assert home.intro
    assert 5 <= len(home.top_tasks) <= 8
    assert all(isinstance(task.value["page"].specific, ServicePage) for task in home.top_tasks)


@pytest.mark.django_db
def test_every_page_is_published_with_a_short_summary(seeded: SeedReport) -> None:
    for page in live_pages():
        assert page.last_published_at is not None, page.url_path
        assert not page.has_unpublished_changes, page.url_path
        assert 0 < len(page.summary) < 200, page.url_path


# Running it again --------------------------------------------------------------------------


@pytest.mark.django_db
def test_running_it_again_changes_nothing(seeded: SeedReport) -> None:
    before = snapshot()

    report = build_demo()

    assert not report.changed, report.lines()
    assert snapshot() == before


@pytest.mark.django_db
def test_the_command_runs_again_without_changes(seeded: SeedReport) -> None:
    before = snapshot()
    out = StringIO()

    call_command("seed_demo", stdout=out)

    assert "already up to date" in out.getvalue()
    assert snapshot() == before


@pytest.mark.django_db
def test_if_empty_does_nothing_when_a_home_page_exists(seeded: SeedReport) -> None:
    before = snapshot()
    out = StringIO()

    call_command("seed_demo", "--if-empty", stdout=out)

    assert "already has a home page" in out.getvalue()
    assert snapshot() == before


@pytest.mark.django_db
def test_files_and_snippets_are_made_once(seeded: SeedReport) -> None:
    Image = get_image_model()
    Document = get_document_model()
    for model in (Image, Document, ContactPoint, AlertBanner):
        titles = list(model.objects.values_list("name" if model is ContactPoint else "title"))
        assert len(titles) == len(set(titles)), model
    assert Image.objects.count() >= 2
    assert Document.objects.filter(file__endswith=".pdf").exists()
    for item in [*Image.objects.all(), *Document.objects.all()]:
        with item.file.open("rb") as stored:
            assert stored.read(5), item.title
    pdf = Document.objects.filter(file__endswith=".pdf").first()
    with pdf.file.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


# Review dates and owners -------------------------------------------------------------------


def reviewed_pages() -> dict[str, ServicePage]:
    return {
        page.url_path.removeprefix("/home"): page
        for page in ServicePage.objects.filter(next_review_date__isnull=False).select_related(
            "review_owner_group"
        )
    }


@pytest.mark.django_db
def test_service_pages_have_review_dates_from_the_seed_day_and_team_owners(
    seeded: SeedReport,
) -> None:
    today = timezone.localdate()
    reviewed = reviewed_pages()
    assert set(reviewed) == {spec.path for spec in REVIEWS}
    days = sorted((page.next_review_date - today).days for page in reviewed.values())
    assert days[0] < 0, "one overdue"
    assert any(0 <= n <= 7 for n in days), "one due within 7 days"
    assert days[-1] > 30, "others later"
    teams = {team.name: team for team in TEAMS}
    for path, page in reviewed.items():
        team = page.review_owner_group
        assert team is not None and team.name in teams, path
        assert path.startswith(teams[team.name].section), "the team owns pages of its section"
        # A member of the team, and of nothing else, may edit and publish the page.
        member = UserFactory()
        member.groups.add(team)
        assert page.permissions_for_user(member).can_publish(), path
        assert page.review_owner_user_id is None
        page.full_clean()


@pytest.mark.django_db
def test_the_admin_homes_review_panel_lists_the_pages_due(seeded: SeedReport) -> None:
    due, total = due_for_review(SuperuserFactory())

    today = timezone.localdate()
    soon = [spec.path for spec in REVIEWS if spec.days <= 30]
    assert total == len(soon) == len(due) >= 2
    assert due[0].overdue and due[0].days_overdue == 14
    assert 0 <= due[1].days <= 7
    assert [review.review_date for review in due] == sorted(r.review_date for r in due)
    assert due[0].owner == "Waste and recycling team"
    assert all(review.today == today for review in due)


@pytest.mark.django_db
def test_a_rerun_keeps_review_dates_and_gives_pages_without_one_theirs(
    seeded: SeedReport,
) -> None:
    reviewed = reviewed_pages()
    changed, cleared = reviewed[REVIEWS[0].path], reviewed[REVIEWS[1].path]
    later = changed.next_review_date + datetime.timedelta(days=365)
    # An editor reviewed one page and set its next date; another page lost its review, as a
    # demo seeded before there were reviews never had one.
    for page, date, group in ((changed, later, changed.review_owner_group), (cleared, None, None)):
        page.next_review_date = date
        page.review_owner_group = group
        page.save_revision().publish()

    report = build_demo()

    assert report.counts["pages", "updated"] == 1, report.lines()
    changed.refresh_from_db()
    cleared.refresh_from_db()
    assert changed.next_review_date == later
    assert cleared.next_review_date == timezone.localdate() + datetime.timedelta(
        days=REVIEWS[1].days
    )
    assert cleared.review_owner_group is not None
    assert cleared.review_owner_group.name == REVIEWS[1].team
    assert not cleared.has_unpublished_changes
    assert cleared.get_latest_revision_as_object().next_review_date == cleared.next_review_date


# Content -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_body_block_type_is_used(seeded: SeedReport) -> None:
    used = {
        child.block_type
        for page in live_pages()
        if isinstance(getattr(page, "body", None), StreamValue)
        for child in page.body
    }
    assert used == set(ServiceBodyBlock().child_blocks)


@pytest.mark.django_db
def test_many_service_pages_have_related_links(seeded: SeedReport) -> None:
    services = list(ServicePage.objects.live())
    with_links = [page for page in services if page.related_links]
    assert len(with_links) >= len(services) // 2


@pytest.mark.django_db
def test_a_guide_has_at_least_3_parts(seeded: SeedReport) -> None:
    assert any(
        GuidePartPage.objects.child_of(guide).live().count() >= 3
        for guide in GuidePage.objects.live()
    )


@pytest.mark.django_db
def test_a_step_by_step_has_4_steps_linking_to_seeded_pages(seeded: SeedReport) -> None:
    journeys = [page for page in StepByStepPage.objects.live() if len(page.steps) >= 4]
    assert journeys
    live_ids = set(Page.objects.live().values_list("pk", flat=True))
    for journey in journeys:
        page_links = [link["page"] for step in journey.steps for link in step.value["links"]]
        assert page_links
        assert all(page is None or page.pk in live_ids for page in page_links)
    assert any(
        all(any(link["page"] for link in step.value["links"]) for step in journey.steps)
        for journey in journeys
    )


@pytest.mark.django_db
def test_there_are_at_least_5_news_stories(seeded: SeedReport) -> None:
    assert NewsPage.objects.live().count() >= 5


@pytest.mark.django_db
def test_the_accessibility_statement_has_the_sections_the_regulations_expect(
    seeded: SeedReport, client: Client
) -> None:
    # The statement's sections are the page type's; the demo writes the prose, and the audit
    # fills in the compliance status (not tested yet here: no audit has run).
    response = client.get(AccessibilityStatementPage.objects.live().get().url)
    html = BeautifulSoup(response.content, "html.parser")
    headings = {heading.get_text() for heading in html.select("main h2, main h3")}
    assert {
        "How accessible this website is",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Preparation of this accessibility statement",
    } <= headings
    text = html.select_one("main").get_text(" ")
    for words in ("Equality and Human Rights Commission", "Equality Advisory and Support"):
        assert words in text
    assert "has not yet been tested" in text
    # The demo says nothing the product does not do.
    assert "must fix problems before they publish" not in text
    assert "Problems do not stop a page being published" in text


@pytest.mark.django_db
def test_there_is_a_search_page(seeded: SeedReport) -> None:
    assert SearchPage.objects.live().get().slug == "search"


@pytest.mark.django_db
def test_every_page_links_to_contact_us_and_the_privacy_page(
    seeded: SeedReport, client: Client
) -> None:
    html = BeautifulSoup(client.get("/bins-and-recycling/").content, "html.parser")
    header = {a.get_text(): a["href"] for a in html.select("header a")}
    footer = {a.get_text(): a["href"] for a in html.select("footer a")}
    assert header["Contact us"] == footer["Contact us"] == "/contact-us/"
    assert footer["Privacy and cookies"] == "/privacy-and-cookies/"
    privacy = BeautifulSoup(client.get("/privacy-and-cookies/").content, "html.parser")
    text = privacy.select_one("main").get_text()
    assert "does not set any cookies" in text
    assert "load nothing from other websites" in text


@pytest.mark.django_db
def test_the_contact_page_has_contents_grouped_by_topic(seeded: SeedReport, client: Client) -> None:
    html = BeautifulSoup(client.get("/contact-us/").content, "html.parser")
    topics = [a.get_text() for a in html.select("nav.contents ol > li > ul a")]
    assert {"Bins and recycling", "Council tax"} <= set(topics)


@pytest.mark.django_db
def test_search_promotions_are_seeded(seeded: SeedReport) -> None:
    promoted = dict(SearchPromotion.objects.values_list("query__query_string", "page__url_path"))
    assert promoted["parking permit"] == "/home/parking/apply-for-a-resident-parking-permit/"
    assert promoted["tip"] == "/home/bins-and-recycling/household-recycling-centres/"


@pytest.mark.django_db
def test_contact_points_have_opening_hours_and_are_used(seeded: SeedReport) -> None:
    contacts = list(ContactPoint.objects.all())
    assert len(contacts) >= 5
    for contact in contacts:
        assert contact.opening_lines(), contact.name
        assert contact.email.endswith("@anytown.gov.uk"), contact.name
    used = {
        child.value.pk
        for page in live_pages()
        if isinstance(getattr(page, "body", None), StreamValue)
        for child in page.body
        if child.block_type == "contact"
    }
    assert len(used) >= 5


@pytest.mark.django_db
def test_an_alert_banner_is_live(seeded: SeedReport) -> None:
    banners = list(AlertBanner.objects.live())
    assert banners
    for banner in banners:
        banner.full_clean()
        assert banner.ends_at is None or banner.ends_at > timezone.now()


# Validation and rendering ------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_passes_model_validation_and_the_heading_rules(seeded: SeedReport) -> None:
    for page in live_pages():
        page.full_clean()
        for field, value in stream_fields(page):
            # StreamBlock's own clean() runs every child block's rules (tables, images, links).
            StreamBlock.clean(field.stream_block, value)
            if isinstance(field.stream_block, ServiceBodyBlock):
                headings = [
                    (child.value["level"], child.value["text"])
                    if child.block_type == "heading"
                    else None
                    for child in value
                ]
                assert heading_order_errors(headings) == {}, page.url_path


@pytest.mark.django_db
def test_every_page_passes_its_stream_blocks_own_validation(seeded: SeedReport) -> None:
    for page in live_pages():
        for field, value in stream_fields(page):
            field.stream_block.clean(value)


@pytest.mark.django_db
def test_every_page_renders(seeded: SeedReport, client: Client) -> None:
    for page in live_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        main = BeautifulSoup(response.content, "lxml").find("main")
        assert main.find("h1").get_text(strip=True) == page.title, page.url
        assert not main.find(["i", "em"]), page.url
        for link in main.find_all("a"):
            assert link.get_text(" ", strip=True).lower() not in VAGUE_LINK_TEXT, page.url
            assert link.get("href"), page.url
