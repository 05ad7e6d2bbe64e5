"""The links every page carries that editors choose: "Contact us" and the privacy page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class SiteLinkSettings(BaseSiteSetting):
    """Settings > Site links: pages linked from the header and footer of every page.

    The search page and the accessibility statement are found by their page type; a contact
    page and a privacy page are ordinary pages, so editors say which ones they are.
    """

    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked as 'Contact us' in the header and footer of every page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked as 'Privacy and cookies' in the footer of every page."),
    )

    panels = [FieldPanel("contact_page"), FieldPanel("privacy_page")]

    class Meta:
        verbose_name = _("site links")
