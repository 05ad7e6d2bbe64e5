from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import ServiceBodyBlock

from .base import BasePage


class NewsIndexPage(BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NewsPage"]
    max_count = 1
    template = "pages/news_index_page.html"
    #: News stories on each page of the list.
    per_page = 10

    class Meta:
        verbose_name = "news index"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        stories = (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-date", "-pk")
            .only("title", "summary", "date", "url_path", "path", "depth")
        )
        context["stories"] = Paginator(stories, self.per_page).get_page(request.GET.get("page"))
        return context


class NewsPage(BasePage):
    date = models.DateField("date published", default=timezone.localdate)
    body = StreamField(ServiceBodyBlock())

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "pages/news_page.html"

    class Meta:
        verbose_name = "news story"
        verbose_name_plural = "news stories"
