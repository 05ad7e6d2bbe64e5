"""Service pages' review date and owner: the fields, their validation, and what the site tells
the audit (``CLEARWAY_AUDIT["PAGE_REVIEWS"]``)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from audit.core.review import PageReview, due_reviews, page_reviews
from pages.models import ServicePage
from tests.factories import ServicePageFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 1)


def test_service_pages_have_review_fields_on_the_promote_tab() -> None:
    names = {f.name for f in ServicePage._meta.get_fields()}
    assert {"next_review_date", "review_owner_user", "review_owner_group"} <= names
    panel_fields = {
        child.field_name
        for panel in ServicePage.promote_panels
        for child in getattr(panel, "children", [])
    }
    assert {"next_review_date", "review_owner_user", "review_owner_group"} <= panel_fields


@pytest.mark.parametrize(
    ("date", "person", "team", "error_field"),
    [
        (TODAY, False, False, "review_owner_user"),  # a date with nobody to remind
        (None, True, False, "next_review_date"),  # an owner with no date
        (None, False, True, "next_review_date"),
    ],
)
def test_a_review_needs_a_date_and_an_owner(
    home_page: Any, date: Any, person: bool, team: bool, error_field: str
) -> None:
    page = ServicePageFactory(parent=home_page)
    page.next_review_date = date
    page.review_owner_user = UserFactory() if person else None
    page.review_owner_group = Group.objects.create(name="Waste team") if team else None
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert error_field in raised.value.message_dict


@pytest.mark.parametrize(("person", "team"), [(True, False), (False, True), (True, True)])
def test_a_person_a_team_or_both_may_own_a_page(home_page: Any, person: bool, team: bool) -> None:
    page = ServicePageFactory(parent=home_page)
    page.next_review_date = TODAY
    page.review_owner_user = UserFactory() if person else None
    page.review_owner_group = Group.objects.create(name="Waste team") if team else None
    page.full_clean()  # no error


def test_no_review_at_all_is_fine(home_page: Any) -> None:
    ServicePageFactory(parent=home_page).full_clean()


def test_the_site_tells_the_audit_its_reviews(home_page: Any) -> None:
    alice = UserFactory()
    team = Group.objects.create(name="Waste team")
    soon = ServicePageFactory(parent=home_page, next_review_date=TODAY, review_owner_user=alice)
    later = ServicePageFactory(
        parent=home_page,
        next_review_date=TODAY + datetime.timedelta(days=90),
        review_owner_group=team,
    )
    ServicePageFactory(parent=home_page)  # no review: not listed
    assert set(page_reviews()) == {
        PageReview(page_id=soon.pk, review_date=TODAY, user_id=alice.pk, group_id=None),
        PageReview(
            page_id=later.pk, review_date=later.next_review_date, user_id=None, group_id=team.pk
        ),
    }
    assert [review.page_id for review in due_reviews(TODAY)] == [soon.pk]


def test_a_departed_owner_leaves_the_page_without_one(home_page: Any) -> None:
    alice = UserFactory()
    page = ServicePageFactory(parent=home_page, next_review_date=TODAY, review_owner_user=alice)
    alice.delete()
    page.refresh_from_db()
    assert page.review_owner_user is None
