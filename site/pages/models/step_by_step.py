from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import StepsBlock

from .base import BasePage


class StepByStepPage(BasePage):
    """A journey of numbered steps, each with what to do and links to the pages that help."""

    steps = StreamField(StepsBlock(), min_num=2)

    content_panels = [*BasePage.content_panels, FieldPanel("steps")]
    search_fields = [*BasePage.search_fields, index.SearchField("steps")]
    parent_page_types = ["pages.ServiceCategoryPage", "pages.HomePage"]
    subpage_types: list[str] = []
    template = "pages/step_by_step_page.html"

    class Meta:
        verbose_name = "step by step"
