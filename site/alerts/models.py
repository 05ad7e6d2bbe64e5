"""Site-wide alert banners with a level and a start and end time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AlertLevel(models.TextChoices):
    """LocalGov Drupal's levels, most serious last."""

    ANNOUNCEMENT = "announcement", _("Announcement")
    MINOR = "minor", _("Minor: service changes")
    MAJOR = "major", _("Major: emergency or major disruption")
    NOTABLE_DEATH = "notable-death", _("Notable death")


@dataclass(frozen=True)
class BannerSchedule:
    """The banners to show now, and how long that stays true (None: until someone edits)."""

    live: list[AlertBanner]
    seconds_until_change: int | None


class AlertBannerQuerySet(models.QuerySet["AlertBanner"]):
    def live(self, at: datetime.datetime | None = None) -> AlertBannerQuerySet:
        """Banners to show now: started, not yet ended."""
        at = at or timezone.now()
        return self.filter(starts_at__lte=at).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )

    def schedule(self, at: datetime.datetime | None = None) -> BannerSchedule:
        """Live banners and the time to the next start or end, in one query."""
        at = at or timezone.now()
        banners = list(self.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)))
        live = [banner for banner in banners if banner.starts_at <= at]
        changes = [
            moment
            for banner in banners
            for moment in (banner.starts_at, banner.ends_at)
            if moment is not None and moment > at
        ]
        seconds = None
        if changes:
            seconds = max(1, int((min(changes) - at).total_seconds()))
        return BannerSchedule(live=live, seconds_until_change=seconds)


class AlertBanner(models.Model):
    level = models.CharField(max_length=20, choices=AlertLevel.choices, default=AlertLevel.MINOR)
    title = models.CharField(
        max_length=100, help_text=_("A short headline, such as 'Bin collections delayed'.")
    )
    message = models.TextField(max_length=400, help_text=_("One or two short sentences."))
    link_url = models.URLField(blank=True, help_text=_("Where residents can find out more."))
    link_text = models.CharField(
        max_length=80, blank=True, help_text=_("Say where the link goes, not 'click here'.")
    )
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave blank to show until removed.")
    )

    objects = AlertBannerQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end time must be after the start time.")})
        if bool(self.link_url) != bool(self.link_text):
            raise ValidationError(_("Give both a link address and link text, or neither."))

    @property
    def is_serious(self) -> bool:
        return self.level in {AlertLevel.MAJOR, AlertLevel.NOTABLE_DEATH}
