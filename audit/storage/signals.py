"""Signals the audit sends about its stored runs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.dispatch import Signal

if TYPE_CHECKING:
    from audit.storage.models import AuditRun

logger = logging.getLogger(__name__)

#: Sent once a stored run's status becomes finished, with ``run`` (the
#: :class:`~audit.storage.models.AuditRun`, refreshed), by :func:`announce_finished` only;
#: receivers are connected in ``AuditConfig.ready()``.
run_finished = Signal()


def announce_finished(run: AuditRun) -> None:
    """Tell ``run_finished``'s receivers (the accessibility statement's snapshot) that ``run``
    has just finished. Called wherever a run becomes finished: by one process
    (:meth:`audit.storage.sink.DatabaseSink.end`) or by the last of several
    (:func:`audit.runs.batches.finish_run`). A receiver's failure is logged and never turns
    the finished run into a failed one."""
    for receiver, outcome in run_finished.send_robust(sender=type(run), run=run):
        if isinstance(outcome, Exception):
            logger.error(
                "After audit run %s finished, %r failed", run.pk, receiver, exc_info=outcome
            )
