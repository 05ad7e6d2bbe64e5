"""Errors where the editor is looking: Wagtail 8 autosaves an unfinished add-page form as a
draft, so the next page with the same title hits "slug already in use" on the Promote tab. The
banner at the top must name that error, its tab, and the page that holds the address."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import HomePage, ServicePage
from tests.factories import ServiceCategoryPageFactory, SuperuserFactory

pytestmark = pytest.mark.django_db


def form(**fields: Any) -> dict[str, Any]:
    return nested_form_data(
        {
            "title": "Garden waste",
            "slug": "garden-waste",
            "summary": "Sign up for garden waste collections.",
            "body": streamfield([]),
            "related_links": streamfield([]),
            **fields,
        }
    )


@pytest.fixture
def editor(client: Client, home_page: HomePage) -> tuple[Client, str]:
    category = ServiceCategoryPageFactory(parent=home_page, title="Bins")
    client.force_login(SuperuserFactory())
    return client, reverse("wagtailadmin_pages:add", args=("pages", "servicepage", category.pk))


def banner(response: Any) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_autosave_keeps_an_unfinished_page_as_a_draft(editor: tuple[Client, str]) -> None:
    """Wagtail's behaviour, which the rest depends on: an autosave (a JSON save) defers
    required fields, so an empty body is stored as a draft page."""
    client, url = editor
    response = client.post(url, form(), headers={"accept": "application/json"})
    assert response.json()["success"] is True
    draft = ServicePage.objects.get(slug="garden-waste")
    assert not draft.live and len(draft.body) == 0


def test_a_slug_held_by_an_autosaved_draft_is_named_in_the_banner(
    editor: tuple[Client, str],
) -> None:
    client, url = editor
    client.post(url, form(), headers={"accept": "application/json"})  # abandoned
    response = client.post(url, form(**{"action-publish": "action-publish"}))
    assert response.status_code == 200
    text = banner(response)
    # Wagtail lists every field error in the banner once the form has a non-field error.
    assert "Check the highlighted fields on these tabs:" in text
    assert "“Promote”" in text
    assert "The address “garden-waste” is already used by the draft “Garden waste”" in text
    assert "never published" in text
    # The same message beside the field, on its tab.
    assert "already used by the draft" in str(response.context["form"].errors["slug"])


def test_errors_on_two_tabs_are_both_named(editor: tuple[Client, str], home_page: Any) -> None:
    client, url = editor
    client.post(url, form(), headers={"accept": "application/json"})
    response = client.post(url, form(summary="", **{"action-publish": "action-publish"}))
    text = banner(response)
    assert "“Content”" in text and "“Promote”" in text


def test_a_valid_page_gets_no_summary(editor: tuple[Client, str]) -> None:
    client, url = editor
    response = client.post(url, form(slug="garden-waste-2"))
    assert response.status_code == 302
    assert "Check the highlighted fields" not in banner(response)
