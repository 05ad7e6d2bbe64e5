"""Local development with Django's debug pages: `make dev`, and manage.py's default.

Debug pages show tracebacks, SQL and the URL patterns to whoever loads a page, so this is for
a developer's own browser only; the server binds 127.0.0.1. `make run` uses local.py, which is
this without DEBUG. Never use in production.
"""

from .base import *  # noqa: F403
from .env import env_list, env_str

DEBUG = True
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Plain HTTP on the loopback.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
CACHE_MIDDLEWARE_SECONDS = 0

#: Uploaded images and documents, served by Django here (local.py too, with DEBUG off).
CLEARWAY_SERVE_MEDIA = True

# Emails (review reminders, audit digests) are printed by the server.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
