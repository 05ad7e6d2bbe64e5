"""Site-wide alert banners with a level and a start and end time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


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

    @classmethod
    def at(cls, banners: list[AlertBanner], moment: datetime.datetime) -> BannerSchedule:
        """The schedule at ``moment`` for banners that had not ended when they were fetched."""
        live = [
            banner
            for banner in banners
            if banner.starts_at <= moment and (banner.ends_at is None or banner.ends_at > moment)
        ]
        changes = [
            change
            for banner in banners
            for change in (banner.starts_at, banner.ends_at)
            if change is not None and change > moment
        ]
        seconds = max(1, int((min(changes) - moment).total_seconds())) if changes else None
        return cls(live=live, seconds_until_change=seconds)


class AlertBannerQuerySet(models.QuerySet["AlertBanner"]):
    def live(self, at: datetime.datetime | None = None) -> AlertBannerQuerySet:
        """Banners to show now: started, not yet ended."""
        at = at or timezone.now()
        return self.filter(starts_at__lte=at).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )

    def not_ended(self, at: datetime.datetime | None = None) -> AlertBannerQuerySet:
        """Banners showing now or due to show later."""
        at = at or timezone.now()
        return self.filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at))

    def schedule(self, at: datetime.datetime | None = None) -> BannerSchedule:
        """Live banners and the time to the next start or end, in one query."""
        at = at or timezone.now()
        return BannerSchedule.at(list(self.not_ended(at)), at)


class AlertBanner(models.Model):
    level = models.CharField(max_length=20, choices=AlertLevel.choices, default=AlertLevel.MINOR)
    title = models.CharField(
        max_length=100, help_text=_("A short headline, such as 'Bin collections delayed'.")
    )
    message = models.TextField(max_length=400, help_text=_("One or two short sentences."))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page on this website where residents can find out more."),
    )
    link_url = models.URLField(
        blank=True, help_text=_("Or the address of another website. Choose a page or an address.")
    )
    link_text = models.CharField(
        max_length=80, blank=True, help_text=_("Say where the link goes, not 'click here'.")
    )
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave blank to show until removed.")
    )

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        FieldPanel("level"),
        FieldPanel("title"),
        FieldPanel("message"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Link (optional)"),
        ),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end time must be after the start time.")})
        if self.link_url and self.link_page_id:
            raise ValidationError(_("Choose a page or give a link address, not both."))
        if bool(self.link_url or self.link_page_id) != bool(self.link_text):
            raise ValidationError(
                _("Give both a link (page or address) and link text, or neither.")
            )

    @property
    def link_href(self) -> str | None:
        """Where the call to action goes; None if there is none, or its page is not live."""
        if self.link_page is not None:
            return self.link_page.url if self.link_page.live else None
        return self.link_url or None

    @property
    def is_serious(self) -> bool:
        return self.level in {AlertLevel.MAJOR, AlertLevel.NOTABLE_DEATH}


#: Where the banners that have not ended are kept between requests; emptied on every change.
CACHE_KEY = "clearway:alert-banners"
#: A bound on staleness in processes that did not see a change (local-memory caches).
CACHE_SECONDS = 60


def current_schedule(at: datetime.datetime | None = None) -> BannerSchedule:
    """The banner schedule for this moment, with no query while the cache is warm.

    Only the list of banners is cached, never the schedule itself, so a banner still starts
    and ends on time however long the list stays in the cache.
    """
    at = at or timezone.now()
    banners = cache.get(CACHE_KEY)
    if banners is None:
        banners = list(AlertBanner.objects.not_ended(at).select_related("link_page"))
        cache.set(CACHE_KEY, banners, CACHE_SECONDS)
    return BannerSchedule.at(banners, at)


def forget_banners(**kwargs: object) -> None:
    cache.delete(CACHE_KEY)
