from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import LinkBlock, ServiceBodyBlock

from .base import BasePage


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


class ServicePage(BasePage):
    """One thing a resident can do, in plain English."""

    body = StreamField(ServiceBodyBlock())
    related_links = StreamField([("link", LinkBlock())], blank=True, max_num=10)

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("related_links")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.ServiceCategoryPage", "pages.HomePage"]
    subpage_types: list[str] = []
    template = "pages/service_page.html"

    class Meta:
        verbose_name = "service page"
