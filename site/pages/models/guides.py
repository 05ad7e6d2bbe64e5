from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import ServiceBodyBlock

from .base import BasePage


class GuidePage(BasePage):
    """A guide in several parts. This page is part 1; each child GuidePartPage is a part."""

    body = StreamField(ServiceBodyBlock())

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.ServiceCategoryPage"]
    subpage_types = ["pages.GuidePartPage"]
    template = "pages/guide_page.html"

    class Meta:
        verbose_name = "guide"

    @property
    def guide(self) -> GuidePage:
        return self

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(guide_navigation(self.guide, current=self))
        return context


class GuidePartPage(BasePage):
    """One part of a guide after the first."""

    body = StreamField(ServiceBodyBlock())

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.GuidePage"]
    subpage_types: list[str] = []
    template = "pages/guide_page.html"

    class Meta:
        verbose_name = "guide part"

    @property
    def guide(self) -> GuidePage:
        return GuidePage.objects.parent_of(self).get()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(guide_navigation(self.guide, current=self))
        return context


def guide_navigation(guide: GuidePage, current: BasePage) -> dict[str, Any]:
    """The contents list of a guide and the parts before and after the current one."""
    parts: list[BasePage] = [
        guide,
        *GuidePartPage.objects.child_of(guide)
        .live()
        .public()
        .only("title", "url_path", "path", "depth"),
    ]
    index_of_current = next(i for i, part in enumerate(parts) if part.pk == current.pk)
    return {
        "guide": guide,
        "guide_parts": parts,
        "part_number": index_of_current + 1,
        "previous_part": parts[index_of_current - 1] if index_of_current > 0 else None,
        "next_part": parts[index_of_current + 1] if index_of_current + 1 < len(parts) else None,
    }
