"""Settings for the benchmarks: production settings, made safe to run on the loopback.

Import as ``bench.settings`` with the repository root and ``site/`` on the import path
(``bench/common.py`` does both). The benchmark harness sets every variable read here; it
refuses to run against the developer's ``db.sqlite3``.

Environment variables (set by ``bench/common.py``):

- ``DATABASE_URL``: the benchmark's own throwaway database (required).
- ``CLEARWAY_MEDIA_ROOT``: a temporary media folder (read by ``base.py``).
- ``CLEARWAY_BENCH_STATIC_ROOT``: a temporary folder for ``collectstatic``.
- ``CLEARWAY_BENCH_PAGE_CACHE``: ``on`` for the production page cache, ``off`` (the default)
  for a dummy cache, so every request renders the page.
"""

import os

from clearway.settings.base import *  # noqa: F403
from clearway.settings.base import BASE_DIR, CACHES, DATABASES, LOGGING

if "DATABASE_URL" not in os.environ:
    raise RuntimeError("bench.settings needs DATABASE_URL: run the benchmarks through bench/.")
if os.path.abspath(DATABASES["default"].get("NAME") or "") == str(BASE_DIR / "db.sqlite3"):
    raise RuntimeError("The benchmarks must not touch the developer's db.sqlite3.")

DEBUG = False
SECRET_KEY = "bench-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

# Plain HTTP on the loopback. Everything else (HSTS, CSP, nosniff...) stays as in production.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

STATIC_ROOT = os.environ.get("CLEARWAY_BENCH_STATIC_ROOT", str(BASE_DIR / "static_collected"))

# Background tasks are dropped: publishing a page enqueues search indexing and an accessibility
# audit (a real browser), which the benchmarks must not wait for. bench/common.py builds the
# search index with `update_index` once the demo site is built.
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("CLEARWAY_BENCH_PAGE_CACHE", "off") != "on":
    CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
