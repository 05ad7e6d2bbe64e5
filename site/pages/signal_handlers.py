"""Empty the page cache whenever something residents see changes."""

from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from alerts.models import AlertBanner
from contacts.models import ContactPoint, OpeningHours


def clear_page_cache(**kwargs: Any) -> None:
    # Pages show navigation, banners and contact points from elsewhere, so one change can
    # alter many pages: emptying the whole cache is the only always-correct choice.
    caches[settings.CACHE_MIDDLEWARE_ALIAS].clear()


def register_signal_handlers() -> None:
    page_published.connect(clear_page_cache, dispatch_uid="clearway_page_published")
    page_unpublished.connect(clear_page_cache, dispatch_uid="clearway_page_unpublished")
    for model in (AlertBanner, ContactPoint, OpeningHours):
        post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"clearway_save_{model}")
        post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"clearway_delete_{model}")
