"""Local development: `make run`. Never use in production."""

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

# Emails (review reminders, audit digests) are printed by the server.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
