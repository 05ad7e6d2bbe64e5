"""Where a run's results go. Every destination (the database, the progress display, the JSON,
JUnit and SARIF reports) is a sink receiving the same calls in the same order."""

from .base import RunInfo, RunSummary, Sink, SinkGroup

__all__ = ["RunInfo", "RunSummary", "Sink", "SinkGroup"]
