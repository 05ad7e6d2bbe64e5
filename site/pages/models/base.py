"""What every Clearway page has: a plain-English summary, breadcrumbs and a cache lifetime
that never outlives an alert banner."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from alerts.models import current_schedule
from pages.forms import ClearwayPageForm

SUMMARY_MAX_LENGTH = 200
#: Search ranking (PostgreSQL turns boosts into tsvector weights): a word in the title counts
#: most, then in the summary, then in the body. SQLite weights the title column instead
#: (pages/search_backend.py); there the summary counts as body.
TITLE_BOOST = 10.0
SUMMARY_BOOST = 4.0


class BasePage(Page):
    summary = models.CharField(
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_(
            "One or two sentences saying what residents can do on this page. Shown in "
            "listings, search results and search engines."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [
        *Page.search_fields,
        # Replaces Page's unboosted title field: of two entries for a field, the last counts.
        index.SearchField("title", boost=TITLE_BOOST),
        index.SearchField("summary", boost=SUMMARY_BOOST),
    ]
    promote_panels = [
        field
        for field in Page.promote_panels
        if getattr(field, "field_name", None) != "search_description"
    ]

    #: Errors named in the banner at the top, with their tabs (pages/forms.py).
    base_form_class = ClearwayPageForm

    #: Whether the page shows breadcrumbs (the home page does not).
    show_breadcrumbs = True

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return self.search_description or self.summary

    def get_breadcrumbs(self) -> list[Page]:
        """Ancestors from the site's home page down, not the tree's invisible root."""
        return list(
            self.get_ancestors().filter(depth__gt=1).only("title", "url_path", "depth", "path")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        context = super().get_context(request, *args, **kwargs)
        schedule = current_schedule()
        context["alert_banners"] = schedule.live
        request.clearway_banner_change = schedule.seconds_until_change  # type: ignore[attr-defined]
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        # The page cache must not keep a page past the moment an alert banner starts or ends.
        change = getattr(request, "clearway_banner_change", None)
        if change is not None and change < settings.CACHE_MIDDLEWARE_SECONDS:
            patch_cache_control(response, max_age=change)
        return response
