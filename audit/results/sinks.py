from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from audit.core.enums import Engine, PageStatus
from audit.results import PageAudit

FAILED_STATUSES = frozenset({PageStatus.ERROR, PageStatus.TIMEOUT, PageStatus.LEFT_SITE})


@dataclass(frozen=True)
class RunInfo:
    started_at: datetime.datetime
    axe_version: str
    total: int
    #: Settings and inputs worth reporting (tags, workers, URLs or sitemap).
    configuration: dict[str, object] = field(default_factory=dict)
    #: Each browser engine's version, by engine name, as in :class:`RunSummary`.
    engine_versions: dict[str, str] = field(default_factory=dict)


def engine_labels(
    versions: Mapping[str, str], axe_version: str = ""
) -> tuple[tuple[str, str], ...]:
    """Each browser engine's label and version, axe-core first (``versions`` by engine name).
    Runs recorded before there were two engines have only ``axe_version``."""
    if not versions and axe_version:
        versions = {Engine.AXE: axe_version}
    order = [engine.value for engine in Engine if engine != Engine.CLEARWAY]
    return tuple(
        (str(Engine(name).label), str(versions[name]))
        for name in sorted(versions, key=lambda name: order.index(name) if name in order else 99)
        if name in Engine.values and name != Engine.CLEARWAY
    )


@dataclass
class RunSummary:
    started_at: datetime.datetime
    finished_at: datetime.datetime
    axe_version: str
    pages: list[PageAudit]
    #: Each browser engine's version, by engine name (``{"axe": "4.14.1", "ibm": "4.0.34"}``).
    engine_versions: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for page in self.pages if page.status in FAILED_STATUSES)

    @property
    def violations(self) -> int:
        """WCAG failures only; needs-review and advice are counted apart."""
        return sum(len(page.violations) for page in self.pages)

    @property
    def needs_review(self) -> int:
        return sum(len(page.needs_review) for page in self.pages)

    @property
    def advice(self) -> int:
        return sum(len(page.advice) for page in self.pages)

    @property
    def dismissed(self) -> int:
        """Findings covered by an editor's dismissal: in no other total."""
        return sum(len(page.dismissed) for page in self.pages)


class Sink:
    """Receives a run's results: ``begin`` once, ``page`` for each URL, ``end`` once.

    Calls come from one thread at a time (the runner serialises them), so a sink needs no
    locking of its own.
    """

    def begin(self, info: RunInfo) -> None:
        pass

    def page(self, result: PageAudit) -> None:
        pass

    def end(self, summary: RunSummary) -> None:
        pass


class SinkGroup(Sink):
    """Several sinks as one, each call made under one lock.

    Every sink hears every call even when one before it fails; the first failure is raised
    once all have been called.
    """

    def __init__(self, *sinks: Sink) -> None:
        self.sinks = list(sinks)
        self._lock = threading.Lock()

    def begin(self, info: RunInfo) -> None:
        self._each(lambda sink: sink.begin(info))

    def page(self, result: PageAudit) -> None:
        self._each(lambda sink: sink.page(result))

    def end(self, summary: RunSummary) -> None:
        self._each(lambda sink: sink.end(summary))

    def _each(self, call: Callable[[Sink], None]) -> None:
        failure: Exception | None = None
        with self._lock:
            for sink in self.sinks:
                try:
                    call(sink)
                except Exception as error:
                    failure = failure or error
        if failure is not None:
            raise failure
