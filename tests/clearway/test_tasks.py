"""Background work runs on the django_tasks package that Wagtail 8 uses, stored by
django-tasks-db and run by its `db_worker`. A mismatch (django-tasks-db 0.13 targets Django's
built-in django.tasks instead) makes the worker refuse Wagtail's own tasks, so test the pair."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page
from wagtail.tasks import update_reference_index_task

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_db_worker_runs_wagtails_own_tasks(wagtail_root: Page) -> None:
    page = wagtail_root.add_child(instance=Page(title="Bins", slug="bins"))
    result = update_reference_index_task.enqueue("wagtailcore", "page", page.pk)
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.READY

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    stored.refresh_from_db()
    assert stored.status == TaskResultStatus.SUCCESSFUL, stored.traceback
