"""The council's contact points and the live alert banner.

Phone numbers are in Ofcom's range for drama (01632 960000 to 960999), so none is real.
"""

import datetime

from ..specs import BannerSpec, ContactSpec, Hours

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, BANK_HOLIDAYS = range(8)


def t(hour: int, minute: int = 0) -> datetime.time:
    return datetime.time(hour, minute)


def weekdays(opens: datetime.time, closes: datetime.time) -> tuple[Hours, ...]:
    """The same hours Monday to Friday."""
    return tuple(Hours(day, opens, closes) for day in range(MONDAY, SATURDAY))


#: Closed at the weekend and on bank holidays.
CLOSED_WEEKENDS = (
    Hours(SATURDAY, closed=True),
    Hours(SUNDAY, closed=True),
    Hours(BANK_HOLIDAYS, closed=True),
)

TOWN_HALL = "Anytown Borough Council\nTown Hall\nHigh Street\nAnytown\nAT1 1AA"
CIVIC_CENTRE = "Anytown Borough Council\nCivic Centre\nStation Road\nAnytown\nAT1 2BB"

CONTACT_POINTS = (
    ContactSpec(
        key="customer-services",
        name="Customer Services",
        phone="01632 960000",
        textphone="01632 960099",
        email="enquiries@anytown.gov.uk",
        address=TOWN_HALL,
        hours=weekdays(t(9), t(17)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="waste",
        name="Waste and recycling team",
        phone="01632 960100",
        email="waste@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=weekdays(t(8, 30), t(17)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="council-tax",
        name="Council Tax team",
        phone="01632 960200",
        email="counciltax@anytown.gov.uk",
        address=TOWN_HALL,
        hours=(
            Hours(MONDAY, t(9), t(17)),
            Hours(TUESDAY, t(9), t(17)),
            Hours(WEDNESDAY, t(10), t(17)),
            Hours(THURSDAY, t(9), t(17)),
            Hours(FRIDAY, t(9), t(16, 30)),
            *CLOSED_WEEKENDS,
        ),
    ),
    ContactSpec(
        key="housing",
        name="Housing Options team",
        phone="01632 960300",
        textphone="01632 960399",
        email="housing@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=weekdays(t(9), t(17)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="planning",
        name="Planning and Building Control",
        phone="01632 960400",
        email="planning@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=weekdays(t(9), t(16, 30)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="adult-social-care",
        name="Adult Social Care",
        phone="01632 960500",
        textphone="01632 960599",
        email="adultcare@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=(
            *weekdays(t(8), t(18)),
            Hours(SATURDAY, t(9), t(12)),
            Hours(SUNDAY, closed=True),
            Hours(BANK_HOLIDAYS, closed=True),
        ),
    ),
    ContactSpec(
        key="libraries",
        name="Anytown Central Library",
        phone="01632 960600",
        email="libraries@anytown.gov.uk",
        address="Anytown Central Library\nLibrary Square\nAnytown\nAT1 3CC",
        hours=(
            Hours(MONDAY, t(9), t(19)),
            Hours(TUESDAY, t(9), t(19)),
            Hours(WEDNESDAY, t(9), t(19)),
            Hours(THURSDAY, t(9), t(19)),
            Hours(FRIDAY, t(9), t(17)),
            Hours(SATURDAY, t(9), t(17)),
            Hours(SUNDAY, t(11), t(15)),
            Hours(BANK_HOLIDAYS, closed=True),
        ),
    ),
    ContactSpec(
        key="parking",
        name="Parking Services",
        phone="01632 960700",
        email="parking@anytown.gov.uk",
        address="Parking Services\nAnytown Borough Council\nPO Box 700\nAnytown\nAT1 9PS",
        hours=weekdays(t(9), t(17)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="register-office",
        name="Anytown Register Office",
        phone="01632 960800",
        email="registrars@anytown.gov.uk",
        address="Anytown Register Office\nTown Hall\nHigh Street\nAnytown\nAT1 1AA",
        hours=weekdays(t(9), t(16, 30)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="school-admissions",
        name="School Admissions team",
        phone="01632 960900",
        email="admissions@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=weekdays(t(9), t(17)) + CLOSED_WEEKENDS,
    ),
    ContactSpec(
        key="highways",
        name="Highways team",
        phone="01632 960950",
        email="highways@anytown.gov.uk",
        address=CIVIC_CENTRE,
        hours=weekdays(t(8, 30), t(17)) + CLOSED_WEEKENDS,
    ),
)

BANNERS = (
    BannerSpec(
        title="Christmas bin collections",
        message=(
            "Your bin day may change over Christmas and New Year. "
            "Check the new dates before you put your bins out."
        ),
        level="minor",
        days_live=45,
    ),
)
