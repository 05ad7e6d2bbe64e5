"""Shared fixtures. Test data comes from tests/factories.py; fixtures here stay cheap."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from pages.models import HomePage
from tests.factories import build_site


@pytest.fixture(autouse=True)
def _empty_caches() -> Iterator[None]:
    """Wagtail keeps site root paths in the default cache: start every test without them."""
    for cache in caches.all(initialized_only=False):
        cache.clear()
    yield


@pytest.fixture
def wagtail_root(db: None) -> Page:
    """The page tree's root, made again if a transactional test's flush removed the one
    Wagtail's migrations create."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code=get_supported_content_language_variant("en"))
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


@pytest.fixture
def home_page(db: None) -> HomePage:
    """A published HomePage at the root of the default Site, and nothing else."""
    return build_site()
