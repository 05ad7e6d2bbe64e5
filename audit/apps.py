from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    """Clearway's accessibility audit. It depends on Wagtail and Django only, never on site/."""

    name = "audit"
    verbose_name = "Accessibility audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from audit.checks.catalogue import load_rules
        from audit.signal_handlers import (
            audit_published_page,
            snapshot_statement,
            start_background_schedule,
            weigh_published_page,
        )
        from audit.storage.signals import run_finished

        load_rules()
        # `migrate` runs at every start of `make run` and every deployment: the moment to make
        # sure the nightly audit and the watchdog are waiting in the task queue.
        post_migrate.connect(start_background_schedule, sender=self, dispatch_uid="audit_schedule")
        page_published.connect(audit_published_page, dispatch_uid="audit_on_publish")
        page_published.connect(weigh_published_page, dispatch_uid="audit_weigh_on_publish")
        run_finished.connect(snapshot_statement, dispatch_uid="audit_statement_snapshot")
