"""The request's Site comes from the cache, and is forgotten when sites or pages change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from pages.models import HomePage


def get(client: Client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in context.captured_queries]


@pytest.mark.django_db
def test_a_warm_request_looks_up_neither_site_nor_home_page(home_page: HomePage) -> None:
    client = Client()
    get(client, "/")
    _, queries = get(client, "/")
    assert not [sql for sql in queries if "wagtailcore_site" in sql]
    assert not [sql for sql in queries if "pages_homepage" in sql]


@pytest.mark.django_db
def test_publishing_the_home_page_shows_at_once(home_page: HomePage) -> None:
    client = Client()
    get(client, "/")
    home_page.title = "Welcome to Anytown"
    home_page.save_revision().publish()
    html, _ = get(client, "/")
    assert "<h1>Welcome to Anytown</h1>" in html


@pytest.mark.django_db
def test_renaming_the_site_shows_at_once(home_page: HomePage) -> None:
    client = Client()
    get(client, "/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Anytown Council"
    site.save()
    html, _ = get(client, "/")
    # The home page's title is the site's name alone (issue 14).
    assert "<title>Anytown Council</title>" in html
