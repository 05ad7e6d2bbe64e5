"""The command line's progress lines name the engines that run and count in good English."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone

from audit.reports.progress import ProgressSink
from audit.results.sinks import RunInfo, RunSummary


def info(
    total: int, engine_versions: dict[str, str] | None = None, **configuration: Any
) -> RunInfo:
    return RunInfo(
        started_at=timezone.now(),
        axe_version="4.14.1",
        total=total,
        configuration=configuration,
        engine_versions=engine_versions or {},
    )


def first_line(run: RunInfo) -> str:
    stream = io.StringIO()
    ProgressSink(stream, interactive=False).begin(run)
    return stream.getvalue().strip()


def test_every_engine_of_the_run_is_named_with_its_version() -> None:
    run = info(
        9,
        engines=["axe", "ibm", "clearway"],
        engine_versions={"axe": "4.14.1", "ibm": "4.0.34"},
    )
    assert first_line(run) == (
        "Auditing 9 pages with axe-core 4.14.1, IBM Equal Access 4.0.34 and Clearway's rules"
    )


def test_ibm_alone_is_not_called_axe_core() -> None:
    run = info(1, engines=["ibm"], engine_versions={"ibm": "4.0.34"})
    assert first_line(run) == "Auditing 1 page with IBM Equal Access 4.0.34"


def test_a_run_that_says_nothing_of_its_engines_is_axe_core() -> None:
    assert first_line(info(2)) == "Auditing 2 pages with axe-core 4.14.1"


def test_the_last_line_counts_one_page_as_one_page() -> None:
    stream = io.StringIO()
    sink = ProgressSink(stream, interactive=False)
    sink.begin(info(1))
    sink.done = 1
    now = timezone.now()
    sink.end(RunSummary(started_at=now, finished_at=now, axe_version="4.14.1", pages=[]))
    last = stream.getvalue().splitlines()[-1]
    assert last.startswith("Audited 1 page in ")
    assert last.endswith(": 0 violations, 0 to review, 0 advice, 0 errors")
