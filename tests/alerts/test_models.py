"""Alert banners: when they show, how long the page cache may keep them, and their rules."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from alerts.models import AlertBanner, AlertLevel, current_schedule
from pages.models import HomePage
from tests.factories import AlertBannerFactory

LONDON = ZoneInfo("Europe/London")
NOON = datetime.datetime(2025, 6, 2, 12, 0, tzinfo=LONDON)


def at(hours: float) -> datetime.datetime:
    return NOON + datetime.timedelta(hours=hours)


@pytest.fixture
def banners(db: None) -> dict[str, AlertBanner]:
    return {
        "ended": AlertBannerFactory(title="ended", starts_at=at(-48), ends_at=at(-1)),
        "running": AlertBannerFactory(title="running", starts_at=at(-2), ends_at=at(3)),
        "open-ended": AlertBannerFactory(title="open-ended", starts_at=at(-5), ends_at=None),
        "later": AlertBannerFactory(title="later", starts_at=at(1), ends_at=at(6)),
    }


def live_titles(moment: datetime.datetime) -> set[str]:
    return {banner.title for banner in AlertBanner.objects.live(at=moment)}


def test_live_banners_are_started_and_not_ended(banners: dict[str, AlertBanner]) -> None:
    assert live_titles(NOON) == {"running", "open-ended"}
    assert live_titles(at(2)) == {"running", "open-ended", "later"}
    assert live_titles(at(10)) == {"open-ended"}
    assert live_titles(at(-100)) == set()


def test_a_banner_is_live_from_its_start_until_just_before_its_end(db: None) -> None:
    AlertBannerFactory(title="edge", starts_at=NOON, ends_at=at(1))
    assert live_titles(NOON) == {"edge"}
    assert live_titles(NOON - datetime.timedelta(microseconds=1)) == set()
    assert live_titles(at(1) - datetime.timedelta(seconds=1)) == {"edge"}
    assert live_titles(at(1)) == set()


def test_schedule_gives_live_banners_and_seconds_to_next_change(
    banners: dict[str, AlertBanner],
) -> None:
    schedule = AlertBanner.objects.schedule(at=NOON)
    assert {banner.title for banner in schedule.live} == {"running", "open-ended"}
    assert schedule.seconds_until_change == 3600  # "later" starts in an hour
    schedule = AlertBanner.objects.schedule(at=at(2))
    assert schedule.seconds_until_change == 3600  # "running" ends at 3pm
    schedule = AlertBanner.objects.schedule(at=at(4))
    assert schedule.seconds_until_change == 2 * 3600  # "later" ends at 6pm


def test_schedule_without_changes_ahead(banners: dict[str, AlertBanner]) -> None:
    schedule = AlertBanner.objects.schedule(at=at(7))
    assert [banner.title for banner in schedule.live] == ["open-ended"]
    assert schedule.seconds_until_change is None


def test_schedule_never_says_zero_seconds(db: None) -> None:
    AlertBannerFactory(starts_at=NOON + datetime.timedelta(milliseconds=300))
    assert AlertBanner.objects.schedule(at=NOON).seconds_until_change == 1


def test_schedule_of_no_banners(db: None) -> None:
    schedule = AlertBanner.objects.schedule(at=NOON)
    assert (schedule.live, schedule.seconds_until_change) == ([], None)


def test_current_schedule_sees_new_and_removed_banners(db: None) -> None:
    assert current_schedule().live == []
    banner = AlertBannerFactory(title="Flooding")
    assert [b.title for b in current_schedule().live] == ["Flooding"]
    banner.ends_at = timezone.now() - datetime.timedelta(seconds=1)
    banner.save()
    assert current_schedule().live == []


def test_current_schedule_starts_and_ends_banners_on_time(banners: dict[str, AlertBanner]) -> None:
    # Only the list of banners is cached: each moment still gets its own schedule.
    earlier = current_schedule(at=at(0.5))
    later = current_schedule(at=at(3.5))
    assert {b.title for b in earlier.live} == {"running", "open-ended"}
    assert {b.title for b in later.live} == {"open-ended", "later"}
    assert later.seconds_until_change == int(2.5 * 3600)


@pytest.mark.parametrize(
    ("starts", "ends"),
    [(0, -1), (0, 0)],
)
def test_end_must_come_after_start(starts: float, ends: float) -> None:
    banner = AlertBanner(title="Closed", message="Closed.", starts_at=at(starts), ends_at=at(ends))
    with pytest.raises(ValidationError) as caught:
        banner.clean()
    assert "ends_at" in caught.value.message_dict


@pytest.mark.parametrize(
    ("url", "text", "valid"),
    [
        ("https://anytown.example/roads", "", False),
        ("", "Find out more about road closures", False),
        ("https://anytown.example/roads", "Find out more about road closures", True),
        ("", "", True),
    ],
)
def test_link_needs_both_address_and_text(url: str, text: str, valid: bool) -> None:
    banner = AlertBanner(title="Roads", message="Closed.", starts_at=NOON, ends_at=at(1))
    banner.link_url, banner.link_text = url, text
    if valid:
        banner.clean()
    else:
        with pytest.raises(ValidationError, match="link"):
            banner.clean()


def test_serious_levels() -> None:
    serious = {level for level in AlertLevel if AlertBanner(level=level).is_serious}
    assert serious == {AlertLevel.MAJOR, AlertLevel.NOTABLE_DEATH}


def banner_sections(client: Client) -> list[BeautifulSoup]:
    html = BeautifulSoup(client.get("/").content, "html.parser")
    return html.select("section.alert")


def test_expired_and_future_banners_never_render(home_page: HomePage, client: Client) -> None:
    now = timezone.now()
    AlertBannerFactory(title="Old news", starts_at=now - datetime.timedelta(days=2),
                       ends_at=now - datetime.timedelta(seconds=1))  # fmt: skip
    AlertBannerFactory(title="Not yet", starts_at=now + datetime.timedelta(hours=1))
    AlertBannerFactory(title="Today", starts_at=now - datetime.timedelta(minutes=1))
    assert [section.h2.get_text() for section in banner_sections(client)] == ["Today"]


def test_live_banners_render_with_their_level(home_page: HomePage, client: Client) -> None:
    AlertBannerFactory(
        level=AlertLevel.MAJOR,
        title="Flood warning",
        message="Avoid the riverside.",
        link_url="https://anytown.example/floods",
        link_text="Flood advice",
    )
    AlertBannerFactory(level=AlertLevel.NOTABLE_DEATH, title="A death in the borough")
    sections = {section.h2.get_text(): section for section in banner_sections(client)}
    assert set(sections) == {"Flood warning", "A death in the borough"}
    flood = sections["Flood warning"]
    assert "alert--major" in flood["class"]
    assert flood["aria-labelledby"] == flood.h2["id"]
    assert flood.find("a")["href"] == "https://anytown.example/floods"
    assert flood.find("a").get_text() == "Flood advice"
    assert "alert--notable-death" in sections["A death in the borough"]["class"]
