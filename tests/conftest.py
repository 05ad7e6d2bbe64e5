"""Shared fixtures. Test data comes from tests/factories.py; fixtures here stay cheap."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from pages.models import HomePage
from tests.factories import build_site
from tests.live_server import OneRequestAtATimeServer, shared_sqlite_connections, take_turns


@pytest.fixture(scope="session", autouse=True)
def _live_server_one_request_at_a_time(django_db_setup: None) -> Iterator[None]:
    """On in-memory SQLite, every live server in the tests answers one request at a time and
    the test's statements wait their turn (see tests/live_server.py); on PostgreSQL servers
    stay fully threaded."""
    shared = shared_sqlite_connections()
    if not shared:
        yield
        return
    from django.test.testcases import LiveServerThread

    with pytest.MonkeyPatch.context() as patch, take_turns(shared):
        patch.setattr(LiveServerThread, "server_class", OneRequestAtATimeServer)
        yield


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
