"""Reports of a run: text for people, JSON (the CI contract), JUnit XML and SARIF for CI tools.

Each format is a module with a ``render(summary, tool, ...) -> str``; :func:`render` picks one
by name and :class:`ReportSink` writes one at the end of a run, to a file or a stream.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Collection
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from audit.core.enums import Impact
from audit.reports import json_report, junit, sarif, text
from audit.reports.base import ToolInfo
from audit.reports.baseline import compare, failing_violations
from audit.reports.json_report import LoadedReport, ReportFormatError, load_json_report
from audit.results.sinks import RunSummary, Sink

if TYPE_CHECKING:
    from audit.reports.baseline import BaselineComparison

__all__ = [
    "LoadedReport",
    "ReportFormat",
    "ReportFormatError",
    "ReportSink",
    "ToolInfo",
    "load_json_report",
    "render",
]


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    SARIF = "sarif"


def render(
    report_format: ReportFormat | str,
    summary: RunSummary,
    tool: ToolInfo | None = None,
    baseline: BaselineComparison | None = None,
    *,
    colour: bool = False,
    failing: Collection[str] | None = None,
) -> str:
    """The report of ``summary`` in ``report_format``.

    ``baseline`` marks new violations in the text and SARIF reports; the JSON format has no
    place for it. ``failing``: the fingerprints of the violations that fail the run (new ones
    at or above ``--fail-on``), the only JUnit failures; None: every violation. ``colour`` only
    affects the text report.
    """
    match ReportFormat(report_format):
        case ReportFormat.TEXT:
            return text.render(summary, tool, baseline, colour=colour)
        case ReportFormat.JSON:
            return json_report.render(summary, tool)
        case ReportFormat.JUNIT:
            return junit.render(summary, tool, failing)
        case ReportFormat.SARIF:
            return sarif.render(summary, tool, baseline)


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless ``NO_COLOR`` is set (https://no-color.org/)."""
    if "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ReportSink(Sink):
    """Writes one report at the end of a run, to ``output``: a path or a text stream
    (``sys.stdout`` when None).

    A file is written whole or not at all (a temporary file beside it, then renamed), so a
    crashed run never leaves half a report for CI to read. With a ``baseline`` (an earlier
    run, e.g. from :func:`audit.reports.baseline.load_baseline`) the comparison is kept in
    :attr:`comparison` for the caller's exit status.
    """

    def __init__(
        self,
        report_format: ReportFormat | str,
        output: str | Path | TextIO | None = None,
        *,
        tool: ToolInfo | None = None,
        baseline: RunSummary | None = None,
        colour: bool | None = None,
        fail_on: Impact | None = Impact.MINOR,
    ) -> None:
        self.format = ReportFormat(report_format)
        self.output = output
        self.tool = tool or ToolInfo()
        self.baseline = baseline
        self.colour = colour
        #: Violations below it (or already in the baseline) are reported but fail nothing, as
        #: in the exit status; the default, the lowest impact, fails on every violation.
        self.fail_on = fail_on
        self.comparison: BaselineComparison | None = None

    def end(self, summary: RunSummary) -> None:
        if self.baseline is not None:
            self.comparison = compare(summary, self.baseline)
        failing = {
            finding.fingerprint
            for finding in failing_violations(summary, self.fail_on, self.comparison)
        }
        if isinstance(self.output, str | Path):
            content = render(
                self.format, summary, self.tool, self.comparison, colour=False, failing=failing
            )
            write_atomically(Path(self.output), content)
            return
        stream = self.output if self.output is not None else sys.stdout
        colour = self.colour if self.colour is not None else wants_colour(stream)
        stream.write(
            render(self.format, summary, self.tool, self.comparison, colour=colour, failing=failing)
        )
        stream.flush()


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` (UTF-8) to ``path`` through a temporary file in the same folder."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
