"""Forget cached pages and site-wide links whenever something residents see changes."""

from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from alerts.models import AlertBanner
from audit.models import StatementSnapshot
from contacts.models import ContactPoint, OpeningHours

from .links import forget_page_urls
from .models import SiteLinkSettings
from .navigation import forget_site_links
from .promotions import forget_promoted_searches
from .sites import forget_sites


def clear_page_cache(**kwargs: Any) -> None:
    # Pages show navigation, banners and contact points from elsewhere, so one change can
    # alter many pages: emptying the whole cache is the only always-correct choice.
    caches[settings.CACHE_MIDDLEWARE_ALIAS].clear()


def page_tree_changed(**kwargs: Any) -> None:
    forget_sites()
    forget_site_links()
    forget_page_urls()
    clear_page_cache()


def promotions_changed(**kwargs: Any) -> None:
    forget_promoted_searches()
    clear_page_cache()


def register_signal_handlers() -> None:
    page_published.connect(page_tree_changed, dispatch_uid="clearway_page_published")
    page_unpublished.connect(page_tree_changed, dispatch_uid="clearway_page_unpublished")
    post_page_move.connect(page_tree_changed, dispatch_uid="clearway_page_moved")
    post_delete.connect(page_tree_changed, sender=Page, dispatch_uid="clearway_page_deleted")
    # Privacy, site and site links changes alter what anonymous visitors may see and every
    # page's links.
    for model in (PageViewRestriction, Site, SiteLinkSettings):
        post_save.connect(page_tree_changed, sender=model, dispatch_uid=f"clearway_save_{model}")
        post_delete.connect(
            page_tree_changed, sender=model, dispatch_uid=f"clearway_delete_{model}"
        )
    # A full audit's new statement snapshot changes the accessibility statement page.
    for model in (AlertBanner, ContactPoint, OpeningHours, StatementSnapshot):
        post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"clearway_save_{model}")
        post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"clearway_delete_{model}")
    # Editors' promoted search results: which searches have some.
    for model in (SearchPromotion, Query):
        for signal, action in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                promotions_changed,
                sender=model,
                dispatch_uid=f"clearway_promotions_{action}_{model}",
            )
