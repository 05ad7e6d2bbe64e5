from typing import Any

from audit.core.conf import audit_settings


def start_background_schedule(**kwargs: Any) -> None:
    from audit.tasks import schedule_next_night, schedule_watchdog

    schedule_watchdog()
    schedule_next_night()


def audit_published_page(instance: Any, **kwargs: Any) -> None:
    """Audit a page soon after it is published, so editors hear about problems the same day."""
    if not audit_settings().AUDIT_ON_PUBLISH:
        return
    from audit.tasks import audit_page

    audit_page.enqueue(instance.pk)


def weigh_published_page(instance: Any, **kwargs: Any) -> None:
    """Measure a page's weight once it is published, for the editor panel."""
    if not audit_settings().WEIGH_ON_PUBLISH:
        return
    from audit.tasks import weigh_page

    weigh_page.enqueue(instance.pk)


def snapshot_statement(run: Any, **kwargs: Any) -> None:
    """After a full-site run, store what the accessibility statement says (other runs: nothing)."""
    from audit.storage.statement import take_snapshot

    take_snapshot(run)
