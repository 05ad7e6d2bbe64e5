"""Signals the audit sends about its stored runs."""

from django.dispatch import Signal

#: Sent once a stored run's status becomes finished, with ``run`` (the
#: :class:`~audit.storage.models.AuditRun`, refreshed). Sent from one place only,
#: :meth:`audit.storage.sink.DatabaseSink.end`; receivers are connected in
#: ``AuditConfig.ready()``.
run_finished = Signal()
