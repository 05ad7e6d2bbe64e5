"""The audit's Wagtail admin screens (URLs in :mod:`audit.admin.urls`)."""
