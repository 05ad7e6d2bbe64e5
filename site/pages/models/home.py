from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from pages.blocks import LinkBlock

from .base import BasePage


class HomePage(BasePage):
    """The council's front page: top tasks first, then every service category."""

    intro = models.CharField(max_length=200, blank=True)
    top_tasks = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=8,
        help_text="The things most residents come to do, such as 'Pay your council tax'.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("top_tasks")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ServiceCategoryPage",
        "pages.ServicePage",
        "pages.StepByStepPage",
        "pages.NewsIndexPage",
        "pages.AccessibilityStatementPage",
        "pages.SearchPage",
    ]
    show_breadcrumbs = False
    template = "pages/home_page.html"

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """Find a page anywhere below home in two queries, however deep it is.

        Wagtail's own routing walks down the tree, two queries a level. Published pages are
        found here by their full path; anything else (a draft, a page with routes of its own
        below its path, a missing page) falls back to that walk, which decides as it would.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.filter(url_path=url_path, live=True).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from .services import ServiceCategoryPage

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = (
            ServiceCategoryPage.objects.child_of(self)
            .live()
            .public()
            .only("title", "summary", "url_path", "path", "depth")
        )
        return context

    class Meta:
        verbose_name = "home page"
