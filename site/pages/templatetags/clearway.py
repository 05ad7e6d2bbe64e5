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
    if size < 1024 * 1024:
        return f"{kind}, {max(1, round(size / 1024))} KB"
    return f"{kind}, {size / (1024 * 1024):.1f} MB"


@register.simple_tag(takes_context=True)
def site_links(context: template.Context) -> SiteLinks:
    """Links every page carries: home, search, the accessibility statement."""
    return find_site_links(context.get("request"))
