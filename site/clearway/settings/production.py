"""Production: everything comes from the environment; base.py already holds the safe defaults."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY")  # required: no default here

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
