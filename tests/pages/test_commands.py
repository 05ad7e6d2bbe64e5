"""`manage.py ensure_superuser`: the first admin account for `make run`, made once."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def ensure_superuser(*args: str) -> str:
    out = StringIO()
    call_command("ensure_superuser", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _no_superuser_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PASSWORD", "USERNAME", "EMAIL"):
        monkeypatch.delenv(f"DJANGO_SUPERUSER_{name}", raising=False)


def test_uses_the_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long chosen passphrase")
    output = ensure_superuser()
    assert "Created the admin user 'admin'" in output
    assert "a long chosen passphrase" not in output
    assert "password is" not in output
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert authenticate(username="admin", password="a long chosen passphrase") == admin


def test_prints_a_generated_password_once() -> None:
    output = ensure_superuser()
    match = re.search(r"Its password is (\S+)", output)
    assert match, output
    password = match.group(1)
    assert len(password) >= 12
    assert authenticate(username="admin", password=password) is not None
    again = ensure_superuser()
    assert password not in again
    assert "already exists" in again


def test_generated_passwords_differ() -> None:
    first = re.search(r"Its password is (\S+)", ensure_superuser()).group(1)
    User.objects.all().delete()
    second = re.search(r"Its password is (\S+)", ensure_superuser()).group(1)
    assert first != second


def test_creates_only_once() -> None:
    ensure_superuser()
    ensure_superuser()
    assert User.objects.filter(is_superuser=True).count() == 1


def test_does_nothing_when_any_superuser_exists() -> None:
    existing = SuperuserFactory(username="chief")
    output = ensure_superuser()
    assert "already exists" in output
    assert list(User.objects.values_list("username", flat=True)) == [existing.username]


def test_an_ordinary_user_does_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    UserFactory(username="editor")
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "webteam")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "webteam@anytown.example")
    ensure_superuser()
    admin = User.objects.get(is_superuser=True)
    assert (admin.username, admin.email) == ("webteam", "webteam@anytown.example")


def test_username_and_email_options() -> None:
    ensure_superuser("--username", "root", "--email", "root@anytown.example")
    assert User.objects.get(is_superuser=True).email == "root@anytown.example"


@pytest.mark.django_db
def test_the_local_site_follows_the_port_make_run_serves(home_page: object) -> None:
    """Issue 14: with another port the audit, sitemap and emails still went to port 8000."""
    from django.core.management import call_command
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()
    call_command("local_site_address", "127.0.0.1", "8001", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8001)
    assert site.root_url == "http://127.0.0.1:8001"

    call_command("local_site_address", "0.0.0.0", "8002", verbosity=0)  # listen everywhere
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8002)


@pytest.mark.django_db
def test_a_real_site_record_is_never_moved(home_page: object) -> None:
    from django.core.management import call_command
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.anytown.gov.uk", 443
    site.save()
    call_command("local_site_address", "127.0.0.1", "8001", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("www.anytown.gov.uk", 443)
