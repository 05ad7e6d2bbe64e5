from django import template
from django.conf import settings
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page, Site

from pages.models import AccessibilityStatementPage, SearchPage

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
def site_links(context: template.Context) -> dict[str, str | None]:
    """URLs of the site-wide pages every template links to, found once per request."""
    request = context.get("request")
    cached = getattr(request, "_clearway_site_links", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request else None
    links: dict[str, str | None] = {
        "home": "/",
        "search": None,
        "statement": None,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    if site is not None:
        links["site_name"] = site.site_name or settings.WAGTAIL_SITE_NAME
        root = site.root_page
        links["home"] = root.get_url(request) or "/"
        for page in (
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .type(SearchPage, AccessibilityStatementPage)
            .select_related("content_type")
            .only("url_path", "content_type", "path", "depth")
        ):
            key = "search" if page.content_type.model_class() is SearchPage else "statement"
            links[key] = page.get_url(request)
    if request is not None:
        request._clearway_site_links = links
    return links
