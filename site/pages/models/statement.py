from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import ServiceBodyBlock

from .base import BasePage


class AccessibilityStatementPage(BasePage):
    """The accessibility statement the 2018 regulations require. Linked from every page."""

    body = StreamField(ServiceBodyBlock())

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "pages/service_page.html"

    class Meta:
        verbose_name = "accessibility statement"
