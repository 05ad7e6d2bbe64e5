"""Contact points: opening hours as residents read them, and their validation."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from contacts.models import ContactPoint, OpeningHours, Weekday, format_time
from pages.blocks import ContactBlock
from tests.factories import ContactPointFactory, OpeningHoursFactory

T = datetime.time
NINE_TO_FIVE = (T(9), T(17))
MON, TUE, WED, THU, FRI, SAT, SUN, BANK = range(8)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (T(9), "9am"),
        (T(17, 30), "5:30pm"),
        (T(9, 5), "9:05am"),
        (T(12), "midday"),
        (T(12, 30), "12:30pm"),
        (T(0), "midnight"),
        (T(0, 30), "12:30am"),
        (T(23, 59), "11:59pm"),
    ],
)
def test_format_time(value: datetime.time, expected: str) -> None:
    assert format_time(value) == expected


def lines(contact: ContactPoint) -> list[str]:
    return [f"{line.days}: {line.hours}" for line in contact.opening_lines()]


@pytest.mark.django_db
def test_weekdays_with_the_same_hours_fold_into_one_line() -> None:
    contact = ContactPointFactory(hours=dict.fromkeys([MON, TUE, WED, THU, FRI], NINE_TO_FIVE))
    assert lines(contact) == ["Monday to Friday: 9am to 5pm"]


@pytest.mark.django_db
def test_different_hours_and_closed_days_get_their_own_lines() -> None:
    hours = dict.fromkeys([MON, TUE, WED, THU], NINE_TO_FIVE)
    hours |= {FRI: (T(9), T(16, 30)), SAT: (T(10), T(12)), SUN: None}
    assert lines(ContactPointFactory(hours=hours)) == [
        "Monday to Thursday: 9am to 5pm",
        "Friday: 9am to 4:30pm",
        "Saturday: 10am to midday",
        "Sunday: closed",
    ]


@pytest.mark.django_db
def test_runs_split_where_the_hours_differ_or_a_day_is_missing() -> None:
    hours = {MON: NINE_TO_FIVE, TUE: NINE_TO_FIVE, WED: None, THU: NINE_TO_FIVE, FRI: NINE_TO_FIVE}
    assert lines(ContactPointFactory(hours=hours)) == [
        "Monday to Tuesday: 9am to 5pm",
        "Wednesday: closed",
        "Thursday to Friday: 9am to 5pm",
    ]
    gap = {MON: NINE_TO_FIVE, WED: NINE_TO_FIVE, THU: NINE_TO_FIVE}
    assert lines(ContactPointFactory(hours=gap)) == [
        "Monday: 9am to 5pm",
        "Wednesday to Thursday: 9am to 5pm",
    ]


@pytest.mark.django_db
def test_consecutive_closed_days_fold_too() -> None:
    hours = {FRI: NINE_TO_FIVE, SAT: None, SUN: None}
    assert lines(ContactPointFactory(hours=hours)) == [
        "Friday: 9am to 5pm",
        "Saturday to Sunday: closed",
    ]


@pytest.mark.django_db
def test_bank_holidays_are_never_folded_into_sunday() -> None:
    hours = {SAT: (T(10), T(16)), SUN: (T(10), T(16)), BANK: (T(10), T(16))}
    assert lines(ContactPointFactory(hours=hours)) == [
        "Saturday to Sunday: 10am to 4pm",
        "Bank holidays: 10am to 4pm",
    ]


@pytest.mark.django_db
def test_lines_follow_the_week_not_the_order_they_were_entered() -> None:
    contact = ContactPointFactory()
    for weekday in (BANK, FRI, MON, TUE, THU, WED):
        OpeningHoursFactory(contact_point=contact, weekday=weekday)
    assert lines(contact) == ["Monday to Friday: 9am to 5pm", "Bank holidays: 9am to 5pm"]


def test_opening_lines_work_on_an_unsaved_contact_point() -> None:
    contact = ContactPoint(name="Libraries")
    contact.opening_hours = [
        OpeningHours(weekday=Weekday.TUESDAY, opens=T(9), closes=T(17)),
        OpeningHours(weekday=Weekday.MONDAY, opens=T(9), closes=T(17)),
    ]
    assert lines(contact) == ["Monday to Tuesday: 9am to 5pm"]


def test_no_opening_hours_means_no_lines() -> None:
    assert ContactPoint(name="Libraries").opening_lines() == []


def hours_row(
    opens: datetime.time | None, closes: datetime.time | None, closed: bool = False
) -> OpeningHours:
    return OpeningHours(weekday=Weekday.MONDAY, opens=opens, closes=closes, closed=closed)


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(None, None), (T(9), None), (None, T(17))],
)
def test_open_days_need_both_times(
    opens: datetime.time | None, closes: datetime.time | None
) -> None:
    with pytest.raises(ValidationError, match="closing times"):
        hours_row(opens, closes).clean()


@pytest.mark.parametrize(("opens", "closes"), [(T(17), T(9)), (T(9), T(9))])
def test_closing_time_must_follow_opening_time(opens: datetime.time, closes: datetime.time) -> None:
    with pytest.raises(ValidationError) as caught:
        hours_row(opens, closes).clean()
    assert "closes" in caught.value.message_dict


def test_closed_days_need_no_times() -> None:
    hours_row(None, None, closed=True).clean()
    assert hours_row(T(9), T(17), closed=True).hours_text() == "closed"
    hours_row(T(9), T(17)).clean()


def test_a_service_can_close_at_midnight() -> None:
    row = hours_row(T(18), T(0))
    row.clean()
    assert row.hours_text() == "6pm to midnight"


@pytest.mark.django_db
def test_contact_block_renders_details_and_hours() -> None:
    contact = ContactPointFactory(
        name="Council Tax team",
        phone="01234 567890",
        textphone="01234 567891",
        email="counciltax@anytown.example",
        address="Town Hall\n\n High Street \nAnytown AN1 1AA",
        hours=dict.fromkeys([MON, TUE, WED, THU, FRI], NINE_TO_FIVE) | {SAT: None},
    )
    block = ContactBlock()
    html = BeautifulSoup(block.render(block.to_python(contact.pk)), "html.parser")
    details = {dt.get_text(): dt.find_next_sibling("dd") for dt in html.find_all("dt")}
    assert details["Telephone"].a["href"] == "tel:01234567890"
    assert details["Textphone"].get_text() == "01234 567891"
    assert details["Relay UK"].get_text() == "Dial 18001 then 01234 567890"
    assert details["Email"].a["href"] == "mailto:counciltax@anytown.example"
    address = details["Address"].address
    assert [line.strip() for line in address.stripped_strings] == [
        "Town Hall",
        "High Street",
        "Anytown AN1 1AA",
    ]
    assert [li.get_text() for li in html.select("ul li")] == [
        "Monday to Friday: 9am to 5pm",
        "Saturday: closed",
    ]


@pytest.mark.django_db
def test_contact_block_leaves_out_what_is_missing() -> None:
    contact = ContactPointFactory(phone="", email="", address="", show_relay_uk=True)
    block = ContactBlock()
    html = BeautifulSoup(block.render(block.to_python(contact.pk)), "html.parser")
    assert html.find_all("dt") == []
    assert html.select_one(".contact__hours") is None
    with_phone = ContactPointFactory(show_relay_uk=False)
    html = BeautifulSoup(block.render(block.to_python(with_phone.pk)), "html.parser")
    assert "Relay UK" not in html.get_text()
