from wagtail import hooks

from .links import CachedPageLinkHandler


# After Wagtail's own registration of the "page" link type, which this replaces.
@hooks.register("register_rich_text_features", order=100)
def register_cached_page_links(features):  # type: ignore[no-untyped-def]
    features.register_link_type(CachedPageLinkHandler)
