"""The accessibility statement: GOV.UK's model statement, with the editors' prose and the facts
Clearway's audit wrote after its latest full-site run (``audit.storage.statement``)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from audit.storage.statement import latest_statement
from pages.blocks import ServiceBodyBlock

from .base import BasePage


class EnforcementBody(models.TextChoices):
    """Who enforces the regulations where the organisation is."""

    EHRC = "ehrc", _("Equality and Human Rights Commission (England, Scotland and Wales)")
    ECNI = "ecni", _("Equality Commission for Northern Ireland")


def _prose(help_text: str) -> StreamField:
    return StreamField(ServiceBodyBlock(), blank=True, help_text=help_text)


class AccessibilityStatementPage(BasePage):
    """The accessibility statement the 2018 regulations require. Linked from every page.

    Editors write the prose; the compliance status, the failing WCAG criteria, what is
    dismissed as a disproportionate burden or outside the regulations, and when and how the
    site was tested come from the latest audit. The page changes when a full audit finishes
    (``pages.signal_handlers`` empties the page cache on a new snapshot).
    """

    organisation = models.CharField(
        max_length=200,
        help_text=_("Who runs the website, as the statement names it: 'Anytown Borough Council'."),
    )
    body = _prose(
        _("Introduction: what the statement covers and what people should be able to do.")
    )
    known_limitations = _prose(
        _(
            "How accessible the website is: parts you know are not fully accessible, in plain "
            "English (for example PDFs, or forms on another website)."
        )
    )
    cannot_access = _prose(
        _("What to do if you cannot use part of the website: other formats and who to ask.")
    )
    reporting = _prose(_("Reporting accessibility problems: an email address or a contact."))
    enforcement_body = models.CharField(
        max_length=4,
        choices=EnforcementBody.choices,
        default=EnforcementBody.EHRC,
        help_text=_("Named in the enforcement procedure paragraph."),
    )
    other_problems = _prose(
        _(
            "Problems found by people rather than the automated audit, with the WCAG criterion "
            "and when you will fix them. The audit's findings are listed for you."
        )
    )
    improvements = _prose(_("What you are doing to improve accessibility."))
    testing = _prose(
        _("How else you tested, for example by hand with a keyboard and screen readers.")
    )
    # Null only for a draft saved before it is set: publishing needs it (blank=False).
    prepared_on = models.DateField(
        null=True, help_text=_("When this statement was first prepared.")
    )
    reviewed_on = models.DateField(
        null=True, blank=True, help_text=_("When people last reviewed this statement.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organisation"),
        FieldPanel("body"),
        FieldPanel("known_limitations"),
        FieldPanel("cannot_access"),
        MultiFieldPanel(
            [FieldPanel("reporting"), FieldPanel("enforcement_body")],
            heading=_("Reporting problems"),
        ),
        FieldPanel("other_problems"),
        FieldPanel("improvements"),
        MultiFieldPanel(
            [FieldPanel("testing"), FieldPanel("prepared_on"), FieldPanel("reviewed_on")],
            heading=_("Preparation and testing"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("known_limitations"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "pages/accessibility_statement_page.html"

    class Meta:
        verbose_name = "accessibility statement"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # One query: the latest snapshot, written when the last full audit finished.
        context["statement"] = latest_statement()[1]
        return context
