"""Reports of a run: text for people, JSON (the CI contract), JUnit XML and SARIF for CI tools.

Each format is a module with a ``render(summary, tool, ...) -> str``; :func:`render` picks one
by name and :class:`ReportSink` writes one at the end of a run, to a file or a stream.
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from audit.reports import json_report, junit, sarif, text
from audit.reports.base import ToolInfo
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
) -> str:
    """The report of ``summary`` in ``report_format``.

    ``baseline`` marks new violations in the text and SARIF reports; the JSON and JUnit formats
    have no place for it. ``colour`` only affects the text report.
    """
    match ReportFormat(report_format):
        case ReportFormat.TEXT:
            return text.render(summary, tool, baseline, colour=colour)
        case ReportFormat.JSON:
            return json_report.render(summary, tool)
        case ReportFormat.JUNIT:
            return junit.render(summary, tool)
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
    ) -> None:
        self.format = ReportFormat(report_format)
        self.output = output
        self.tool = tool or ToolInfo()
        self.baseline = baseline
        self.colour = colour
        self.comparison: BaselineComparison | None = None

    def end(self, summary: RunSummary) -> None:
        if self.baseline is not None:
            from audit.reports.baseline import compare

            self.comparison = compare(summary, self.baseline)
        if isinstance(self.output, str | Path):
            content = render(self.format, summary, self.tool, self.comparison, colour=False)
            write_atomically(Path(self.output), content)
            return
        stream = self.output if self.output is not None else sys.stdout
        colour = self.colour if self.colour is not None else wants_colour(stream)
        stream.write(render(self.format, summary, self.tool, self.comparison, colour=colour))
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
