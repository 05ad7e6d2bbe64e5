"""Page links in rich text: right addresses, in a fixed number of queries, kept current."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.models import HomePage
from tests.factories import ServiceCategoryPageFactory, ServicePageFactory, paragraph


def link_to(page_id: int, text: str) -> str:
    return f'<a linktype="page" id="{page_id}">{text}</a>'


@pytest.mark.django_db
def test_page_links_render_their_address_and_follow_moves(home_page: HomePage) -> None:
    bins = ServiceCategoryPageFactory(parent=home_page, title="Bins")
    target = ServicePageFactory(parent=bins, title="Garden waste", slug="garden-waste")
    page = ServicePageFactory(
        parent=home_page,
        title="Recycling",
        body=[paragraph(f"You can {link_to(target.pk, 'pay for garden waste')}.")],
    )
    client = Client()
    assert (
        '<a href="/bins/garden-waste/">pay for garden waste</a>'
        in client.get(page.url).content.decode()
    )

    target.slug = "green-bins"
    target.save_revision().publish()
    assert '<a href="/bins/green-bins/">' in client.get(page.url).content.decode()

    target.unpublish()
    html = client.get(page.url).content.decode()
    assert "<a>pay for garden waste</a>" in html


@pytest.mark.django_db
def test_more_linked_paragraphs_cost_no_more_queries(home_page: HomePage) -> None:
    targets = [
        ServicePageFactory(parent=home_page, title=f"Service {n}", slug=f"service-{n}")
        for n in range(6)
    ]

    def page_with_links(count: int, slug: str) -> str:
        body = [paragraph(f"See {link_to(t.pk, t.title)}.") for t in targets[:count]]
        return ServicePageFactory(parent=home_page, title=slug, slug=slug, body=body).url

    def queries(url: str) -> int:
        client = Client()
        client.get(url)  # Warm the site-wide caches, as any earlier visitor would.
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    assert queries(page_with_links(1, "one-link")) == queries(page_with_links(6, "six-links"))
