"""Progress on the terminal: a bar that redraws itself on a TTY, plain lines elsewhere (CI)."""

from __future__ import annotations

import time
from typing import TextIO

from audit.core.enums import Engine, PageStatus
from audit.results import PageAudit
from audit.results.sinks import FAILED_STATUSES, RunInfo, RunSummary, Sink, engine_labels

BAR_WIDTH = 30


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def engines_used(info: RunInfo) -> str:
    """ "axe-core 4.14.1, IBM Equal Access 4.0.34 and Clearway's rules", as the run has them."""
    versions = engine_labels(info.engine_versions, info.axe_version)
    named = [f"{label} {version}" for label, version in versions]
    engines = info.configuration.get("engines")
    if isinstance(engines, list | tuple) and Engine.CLEARWAY in engines:
        named.append("Clearway's rules")
    return f"{', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else "".join(named)


class ProgressSink(Sink):
    def __init__(self, stream: TextIO, interactive: bool | None = None) -> None:
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.total = 0
        self.done = 0
        self.errors = 0
        self.started = 0.0

    def begin(self, info: RunInfo) -> None:
        self.total = info.total
        self.started = time.monotonic()
        self.stream.write(f"Auditing {plural(info.total, 'page')} with {engines_used(info)}\n")
        self.stream.flush()

    def page(self, result: PageAudit) -> None:
        self.done += 1
        if result.status in FAILED_STATUSES:
            self.errors += 1
        if self.interactive:
            self.stream.write("\r" + self._bar())
        else:
            detail = (
                plural(len(result.violations), "violation")
                if result.status == PageStatus.OK
                else f"{result.status}: {result.error}"
            )
            self.stream.write(f"[{self.done}/{self.total}] {result.url} {detail}\n")
        self.stream.flush()

    def end(self, summary: RunSummary) -> None:
        if self.interactive:
            self.stream.write("\r" + self._bar() + "\n")
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"Audited {plural(self.done, 'page')} in {elapsed:.1f}s: "
            f"{plural(summary.violations, 'violation')}, "
            f"{summary.needs_review} to review, {summary.advice} advice, "
            f"{plural(self.errors, 'error')}\n"
        )
        self.stream.flush()

    def _bar(self) -> str:
        fraction = self.done / self.total if self.total else 1.0
        filled = int(BAR_WIDTH * fraction)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed * 60
        return (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} pages "
            f"{rate:.0f}/min errors: {self.errors}"
        )
