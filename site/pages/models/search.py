from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest
from wagtail.models import Page, Site

from .base import BasePage


class SearchPage(BasePage):
    """Search results. Wagtail's database backend; full-text search on PostgreSQL."""

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "pages/search_page.html"
    #: Results on each page of results.
    per_page = 10
    #: The longest query accepted; longer ones are cut, not rejected.
    max_query_length = 200

    class Meta:
        verbose_name = "search page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[: self.max_query_length]
        results = None
        if query:
            matches = (
                Page.objects.live()
                .public()
                .in_site(Site.find_for_request(request) or self.get_site())
                .not_type(SearchPage)
                .specific()
                .search(query)
            )
            results = Paginator(matches, self.per_page).get_page(request.GET.get("page"))
        context.update(query=query, results=results, pagination_query="&" + urlencode({"q": query}))
        return context
