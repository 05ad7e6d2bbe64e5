"""A plain ``wagtail start`` site to compare Clearway with, generated afresh in a temp folder.

Its own settings module (``baseline.settings.bench``) is the generated production settings
plus what running on the loopback needs: a key, hosts, a throwaway SQLite database and
STATIC_ROOT. With ``CLEARWAY_BENCH_PAGE_CACHE=on`` it also gets Clearway's page cache: Django's
per-site cache middleware (Update first, Fetch last) on a local-memory cache with the same
options, lifetime and key prefix.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import common

PROJECT = "baseline"
SETTINGS_MODULE = f"{PROJECT}.settings.bench"
WSGI_APP = f"{PROJECT}.wsgi:application"

SETTINGS = '''\
"""Benchmark settings for the plain wagtail start site (written by bench/baseline.py)."""

import os

from .production import *  # noqa: F403
from .production import MIDDLEWARE

DEBUG = False
SECRET_KEY = "bench-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
DATABASES = {{
    "default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {database!r}}},
}}
STATIC_ROOT = {static_root!r}
MEDIA_ROOT = {media_root!r}
LOGGING = {{
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {{"console": {{"class": "logging.StreamHandler"}}}},
    "root": {{"handlers": ["console"], "level": "WARNING"}},
}}

if os.environ.get("CLEARWAY_BENCH_PAGE_CACHE") == "on":
    MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    CACHES = {{
        "default": {{"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "pages": {{
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {{"MAX_ENTRIES": 5000}},
        }},
    }}
    CACHE_MIDDLEWARE_ALIAS = "pages"
    CACHE_MIDDLEWARE_SECONDS = {cache_seconds!r}
    CACHE_MIDDLEWARE_KEY_PREFIX = "page"
'''


@dataclass
class Baseline:
    directory: Path  # holds manage.py and the baseline package

    def env(self, page_cache: bool) -> dict[str, str]:
        """Environment for the baseline's processes: its settings, its folder first on the path.

        The repository root follows it (for ``bench.*``); ``site/`` is left off.
        """
        import os

        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
            PYTHONPATH=os.pathsep.join([str(self.directory), str(common.ROOT)]),
            CLEARWAY_BENCH_PAGE_CACHE="on" if page_cache else "off",
        )
        return env

    def manage(self, *args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=self.directory,
            env=self.env(page_cache=False),
            check=True,
            capture_output=True,
            timeout=300,
        )


def create(parent: Path) -> Baseline:
    """``wagtail start baseline``, then migrate and collectstatic, all in ``parent``."""
    from django.conf import settings

    started = time.perf_counter()
    directory = parent / PROJECT
    directory.mkdir(parents=True)
    wagtail = Path(sys.executable).with_name("wagtail")
    command = [str(wagtail)] if wagtail.exists() else [sys.executable, "-m", "wagtail"]
    subprocess.run(
        [*command, "start", PROJECT, str(directory)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (directory / PROJECT / "settings" / "bench.py").write_text(
        SETTINGS.format(
            database=str(parent / "baseline.sqlite3"),
            static_root=str(parent / "baseline-static"),
            media_root=str(parent / "baseline-media"),
            cache_seconds=settings.CACHE_MIDDLEWARE_SECONDS,
        )
    )
    baseline = Baseline(directory=directory)
    baseline.manage("migrate", "--no-input")
    baseline.manage("collectstatic", "--no-input")
    common.log(f"made the wagtail start baseline in {time.perf_counter() - started:.1f} s")
    return baseline
