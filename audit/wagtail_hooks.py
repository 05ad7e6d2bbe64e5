"""What the audit app adds to the Wagtail admin; each entry is defined elsewhere."""

from __future__ import annotations

from wagtail import hooks  # noqa: F401
