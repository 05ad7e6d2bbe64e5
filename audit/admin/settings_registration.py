"""Registers :class:`~audit.storage.models.AuditSchedule` as a Wagtail setting, with the panels
of :mod:`audit.admin.audit_settings`: the one place the audit patches a model.

Why a patch: Wagtail's settings edit view takes its panels from the model class only
(``wagtail.contrib.settings.views.get_setting_edit_handler`` reads ``model.edit_handler``, else
the model's fields); as of Wagtail 8.0 settings have no viewset and ``register_setting`` takes
no panels. Declaring them in ``audit/storage/models.py`` is not possible either: the panels'
form checks the excluded URL patterns with :mod:`audit.engine.exclusions`, a layer
``audit.storage`` may not import (``pyproject.toml``, ``[tool.importlinter]``). So the admin
layer sets the attribute, before Wagtail first reads it (that read is cached). Replace this with
a settings viewset if Wagtail grows one.
"""

from __future__ import annotations

from wagtail.contrib.settings.registry import register_setting

from audit.admin.audit_settings import ICON, edit_handler
from audit.storage.models import AuditSchedule


def register_audit_settings() -> None:
    """Settings > Accessibility audit, with the panels of :mod:`audit.admin.audit_settings`."""
    AuditSchedule.edit_handler = edit_handler
    register_setting(AuditSchedule, icon=ICON)
