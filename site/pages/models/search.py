from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page as ResultsPage
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Q
from django.http import HttpRequest
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet
from wagtail.search.utils import normalise_query_string

from pages.promotions import promoted_searches
from pages.search_terms import plain_words, search_query

from .base import BasePage

logger = logging.getLogger(__name__)


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
        results, promotions, count = None, [], None
        if query:
            # Built once: .public() reads the view restrictions when it is called.
            visible = (
                Page.objects.live()
                .public()
                .in_site(Site.find_for_request(request) or self.get_site())
            )
            results = self.search_results(request, query, visible)
            found = {page.pk: page for page in results.object_list}
            promotions = self.promotions(request, query, visible, found)
            # A promoted page is shown once, among the promotions.
            promoted = {promotion.page_id for promotion in promotions}
            shown = [page for page in results.object_list if page.pk not in promoted]
            count = (
                results.paginator.count + len(promotions) - (len(results.object_list) - len(shown))
            )
            results.object_list = shown
        context.update(
            query=query,
            results=results,
            promotions=promotions,
            result_count=count,
            pagination_query="&" + urlencode({"q": query}),
        )
        return context

    def promotions(
        self,
        request: HttpRequest,
        query: str,
        visible: PageQuerySet,
        found: dict[int, Page] | None = None,
    ) -> list[SearchPromotion]:
        """Editors' promoted results for ``query`` (Wagtail's search promotions, under
        Settings > Promoted search results), on the first page of results only.

        Matched on the query's words in lower case, so "Parking permit!" finds the promotions
        for "parking permit". Promotions of pages not in ``visible`` are left out, each page is
        given as its specific page (``promotion.page``), taken from ``found`` (the results, by
        id) when it is there. Unlike Wagtail's
        ``get_search_promotions`` tag, nothing is written: a search stores no query.
        """
        if request.GET.get("page") not in (None, "", "1"):
            return []
        words = normalise_query_string(" ".join(plain_words(query)))
        if words not in promoted_searches():
            return []
        promotions = list(
            SearchPromotion.objects.filter(query__query_string=words)
            .filter(Q(page__in=visible) | Q(page__isnull=True, external_link_url__gt=""))
            .order_by("sort_order", "pk")
        )
        pages = dict(found or {})
        missing = [p.page_id for p in promotions if p.page_id and p.page_id not in pages]
        if missing:
            pages.update(visible.filter(pk__in=missing).specific().in_bulk())
        for promotion in promotions:
            if promotion.page_id:
                promotion.page = pages[promotion.page_id]
        return promotions

    def search_results(
        self, request: HttpRequest, query: str, visible: PageQuerySet | None = None
    ) -> ResultsPage:
        """One page of ``visible`` pages (by default the live, public pages of this site)
        matching the words of ``query``.

        Punctuation and operators alone match nothing: the resident is told there are no results.
        """
        parsed = search_query(query)
        page_number = request.GET.get("page")
        if parsed is None:
            return Paginator([], self.per_page).get_page(page_number)
        if visible is None:
            visible = (
                Page.objects.live()
                .public()
                .in_site(Site.find_for_request(request) or self.get_site())
            )
        matches = visible.not_type(SearchPage).specific().search(parsed)
        try:
            results = Paginator(matches, self.per_page).get_page(page_number)
            # Run the search here, not while the template renders, so a failure is caught.
            results.object_list = list(results.object_list)
        except DatabaseError:
            # A last resort: search_query() leaves the backends nothing to misread. Outside a
            # transaction (the site does not wrap requests in one) the connection stays usable.
            logger.exception("Search failed for a query of %d characters", len(query))
            return Paginator([], self.per_page).get_page(page_number)
        return results
