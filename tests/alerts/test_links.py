"""An alert banner's call to action: a page on the site or another website's address."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from alerts.models import AlertBanner
from pages.models import HomePage
from tests.factories import AlertBannerFactory, ServicePageFactory


def banner_link(client: Client) -> BeautifulSoup | None:
    html = BeautifulSoup(client.get("/").content, "html.parser")
    return html.select_one("section.alert a")


@pytest.mark.django_db
def test_a_banner_links_to_a_page_by_its_current_address(
    home_page: HomePage, client: Client
) -> None:
    roads = ServicePageFactory(parent=home_page, title="Road closures", slug="road-closures")
    AlertBannerFactory(title="Flooding", link_page=roads, link_text="Roads closed by flooding")
    link = banner_link(client)
    assert link is not None
    assert (link["href"], link.get_text()) == ("/road-closures/", "Roads closed by flooding")
    # The link lives inside the banner's labelled region, so it is announced with its heading.
    assert link.find_parent("section")["aria-labelledby"]


@pytest.mark.django_db
def test_a_link_to_an_unpublished_page_is_not_shown(home_page: HomePage, client: Client) -> None:
    roads = ServicePageFactory(parent=home_page, title="Road closures", publish=False)
    AlertBannerFactory(title="Flooding", link_page=roads, link_text="Roads closed by flooding")
    assert banner_link(client) is None


@pytest.mark.django_db
def test_a_banner_without_a_link_has_none(home_page: HomePage, client: Client) -> None:
    AlertBannerFactory(title="Flooding")
    assert banner_link(client) is None


@pytest.mark.parametrize(
    ("with_page", "url", "text", "message"),
    [
        (True, "https://anytown.example/roads", "Road closures", "not both"),
        (True, "", "", "link text"),
        (False, "", "Road closures", "link text"),
    ],
)
@pytest.mark.django_db
def test_a_link_is_a_page_or_an_address_with_text(
    home_page: HomePage, with_page: bool, url: str, text: str, message: str
) -> None:
    banner = AlertBanner(
        title="Roads",
        message="Closed.",
        link_page=home_page if with_page else None,
        link_url=url,
        link_text=text,
    )
    with pytest.raises(ValidationError, match=message):
        banner.clean()


@pytest.mark.django_db
def test_a_page_link_with_text_is_valid(home_page: HomePage) -> None:
    AlertBanner(title="Roads", message="Closed.", link_page=home_page, link_text="Roads").clean()


@pytest.mark.django_db
def test_editors_choose_the_page_with_a_page_chooser(admin_client: Client) -> None:
    response = admin_client.get(reverse("wagtailsnippets_alerts_alertbanner:add"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    for name in ("link_page", "link_url", "link_text"):
        assert html.select_one(f'[name="{name}"]') is not None, name
    assert html.select_one(".page-chooser") is not None  # Wagtail's page chooser, not a <select>
    assert html.select_one('select[name="link_page"]') is None
