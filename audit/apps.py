from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Clearway's accessibility audit. It depends on Wagtail and Django only, never on site/."""

    name = "audit"
    verbose_name = "Accessibility audit"
    default_auto_field = "django.db.models.BigAutoField"
