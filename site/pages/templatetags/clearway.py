from django import template
from wagtail.documents.models import AbstractDocument

from pages.navigation import SiteLinks
from pages.navigation import site_links as find_site_links

register = template.Library()


@register.filter
def file_description(document: AbstractDocument) -> str:
    """'PDF, 120 KB': what residents need to know before opening a document."""
    kind = (document.file_extension or "file").upper()
    size = document.get_file_size()
    if not size:
        return kind
    kilobytes = max(1, half_up(size / 1024))
    if kilobytes < 1024:
        return f"{kind}, {kilobytes} KB"
    return f"{kind}, {half_up(size / (1024 * 1024) * 10) / 10:.1f} MB"


def half_up(number: float) -> int:
    """Round halves up, as people do (Python's round() sends 2.5 to 2)."""
    return int(number + 0.5)


@register.simple_tag(takes_context=True)
def site_links(context: template.Context) -> SiteLinks:
    """Links every page carries: home, search, the accessibility statement."""
    return find_site_links(context.get("request"))
