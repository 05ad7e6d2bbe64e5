from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import LinkBlock, ServiceBodyBlock

from .base import BasePage
from .review import ReviewMixin


class ServiceCategoryPage(BasePage):
    """A landing page that lists the services in one area, such as 'Bins and recycling'."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ServicePage", "pages.GuidePage", "pages.StepByStepPage"]
    template = "pages/service_category_page.html"

    class Meta:
        verbose_name = "service category"
        verbose_name_plural = "service categories"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # Every child type has a summary; .specific() costs one query per page type.
        context["services"] = self.get_children().live().public().specific()
        return context


@dataclass(frozen=True)
class ContentsEntry:
    """A level 2 heading of a page body, with the level 3 headings under it."""

    text: str
    anchor: str
    children: list[ContentsEntry] = field(default_factory=list)


class ServicePage(ReviewMixin, BasePage):
    """One thing a resident can do, in plain English."""

    body = StreamField(ServiceBodyBlock())
    related_links = StreamField([("link", LinkBlock())], blank=True, max_num=10)
    show_contents = models.BooleanField(
        default=False,
        help_text=_(
            "List the page's headings at the top, so residents can go straight to a section. "
            "For long pages, such as a list of teams to contact, grouped under headings."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        FieldPanel("show_contents"),
        FieldPanel("related_links"),
    ]
    promote_panels = [*BasePage.promote_panels, *ReviewMixin.review_panels]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.ServiceCategoryPage", "pages.HomePage"]
    subpage_types: list[str] = []
    template = "pages/service_page.html"

    class Meta:
        verbose_name = "service page"

    def contents(self) -> list[ContentsEntry]:
        """The body's headings, level 3 under the level 2 before them; anchors as the
        heading block renders them."""
        entries: list[ContentsEntry] = []
        for block in self.body:
            if block.block_type != "heading":
                continue
            entry = ContentsEntry(text=block.value["text"], anchor=slugify(block.value["text"]))
            if block.value["level"] == "h3" and entries:
                entries[-1].children.append(entry)
            else:
                entries.append(entry)
        return entries
