"""Shared fixtures. Test data comes from tests/factories.py; fixtures here stay cheap."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches

from pages.models import HomePage
from tests.factories import build_site


@pytest.fixture(autouse=True)
def _empty_caches() -> Iterator[None]:
    """Wagtail keeps site root paths in the default cache: start every test without them."""
    for cache in caches.all(initialized_only=False):
        cache.clear()
    yield


@pytest.fixture
def home_page(db: None) -> HomePage:
    """A published HomePage at the root of the default Site, and nothing else."""
    return build_site()
