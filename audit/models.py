"""Django loads an app's models from ``<app>.models``; the audit keeps them in its storage layer."""

from audit.storage.models import *  # noqa: F403
