"""Tests: fast and explicit. Tasks run at once; the page cache is off."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CLEARWAY_AUDIT, LOGGING

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
CACHE_MIDDLEWARE_SECONDS = 0
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Unhashed static names: the tests do not run collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="clearway-test-media-"))
# An existing, empty folder: WhiteNoise warns about a missing one on every request.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="clearway-test-static-"))
# Publishing a page in a test must not start a browser; audit tests run audits themselves.
# Nor weigh it (tests that need the figure turn it on).
CLEARWAY_AUDIT = {**CLEARWAY_AUDIT, "AUDIT_ON_PUBLISH": False, "WEIGH_ON_PUBLISH": False}
