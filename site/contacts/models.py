"""Contact points: how residents reach a service, shared between pages as snippets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
    BANK_HOLIDAYS = 7, _("Bank holidays")


MIDNIGHT = datetime.time(0, 0)


@dataclass(frozen=True)
class OpeningLine:
    """One line of a readable opening-hours list, such as "Monday to Friday: 9am to 5pm"."""

    days: str
    hours: str


def format_time(value: datetime.time) -> str:
    """GOV.UK style: 9am, 5:30pm, midday, midnight."""
    if value.hour == 12 and value.minute == 0:
        return "midday"
    if value.hour == 0 and value.minute == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


class ContactPoint(index.Indexed, ClusterableModel):
    name = models.CharField(
        max_length=120, help_text=_("For example, 'Council Tax team'. Residents see this.")
    )
    phone = models.CharField(max_length=40, blank=True)
    textphone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("Textphone number. Relay UK users dial 18001 before the phone number."),
    )
    show_relay_uk = models.BooleanField(
        default=True, help_text=_("Tell residents they can use Relay UK for the phone number.")
    )
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text=_("One part of the address on each line."))
    call_charges_note = models.CharField(
        max_length=200,
        blank=True,
        default="Find out about call charges",
        help_text=_("Leave blank to hide."),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("textphone"), FieldPanel("show_relay_uk")],
            heading=_("Phone"),
        ),
        FieldPanel("email"),
        FieldPanel("address"),
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening hours")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    def opening_lines(self) -> list[OpeningLine]:
        """Opening hours with consecutive days of the same hours folded into one line."""
        rows = sorted(self.opening_hours.all(), key=lambda row: row.weekday)
        lines: list[OpeningLine] = []
        for hours, group in groupby(rows, key=lambda row: row.hours_text()):
            days = list(group)
            # Fold only runs of consecutive days, never across bank holidays.
            runs: list[list[OpeningHours]] = []
            for day in days:
                if runs and day.weekday == runs[-1][-1].weekday + 1 and day.weekday != 7:
                    runs[-1].append(day)
                else:
                    runs.append([day])
            for run in runs:
                first, last = run[0].get_weekday_display(), run[-1].get_weekday_display()
                label = first if len(run) == 1 else f"{first} to {last}"
                lines.append(OpeningLine(days=str(label), hours=hours))
        return lines


class OpeningHours(Orderable):
    contact_point = ParentalKey(
        ContactPoint, related_name="opening_hours", on_delete=models.CASCADE
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    closed = models.BooleanField(default=False)

    panels = [
        FieldPanel("weekday"),
        FieldPanel("opens"),
        FieldPanel("closes"),
        FieldPanel("closed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name_plural = "opening hours"

    def clean(self) -> None:
        if self.closed:
            return
        if self.opens is None or self.closes is None:
            raise ValidationError(_("Give opening and closing times, or tick 'closed'."))
        # Closing at 00:00 means midnight at the end of the day, after any opening time.
        if self.closes != MIDNIGHT and self.opens >= self.closes:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})

    def hours_text(self) -> str:
        if self.closed or self.opens is None or self.closes is None:
            return "closed"
        return f"{format_time(self.opens)} to {format_time(self.closes)}"
