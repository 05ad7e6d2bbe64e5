"""Baselines and the exit status of a CI run.

A baseline is an earlier JSON report. Comparing a run with it sorts the run's violations by
fingerprint (and outcome): *new* ones (not in the baseline), ones *still present*, and
baseline violations now *fixed*. With a baseline, only new violations can fail the build, so
a site can adopt the audit before every old problem is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audit.core.enums import Impact, PageStatus
from audit.reports.json_report import ReportFormatError, load_json_report
from audit.results import FindingResult
from audit.results.sinks import RunSummary

#: ``--fail-on`` when none is given.
DEFAULT_FAIL_ON = Impact.SERIOUS
#: The values ``--fail-on`` accepts, least strict first.
FAIL_ON_CHOICES = ("none", *Impact.values)


class BaselineError(Exception):
    """The baseline file cannot be used (missing, unreadable, not a Clearway JSON report)."""


@dataclass(frozen=True)
class LocatedFinding:
    """A finding and the URL of the page it was found on."""

    url: str
    finding: FindingResult

    @property
    def key(self) -> tuple[str, str]:
        return (self.finding.fingerprint, str(self.finding.outcome))


@dataclass(frozen=True)
class BaselineComparison:
    """A run's violations against a baseline's (made whole by :func:`compare`)."""

    #: In this run, not in the baseline: the only ones that count toward the exit status.
    new: list[LocatedFinding] = field(default_factory=list)
    #: In both (this run's copy).
    still_present: list[LocatedFinding] = field(default_factory=list)
    #: In the baseline, gone from a page this run audited successfully (the baseline's copy).
    fixed: list[LocatedFinding] = field(default_factory=list)
    #: In the baseline, on a page this run did not audit successfully (not audited, failed
    #: to load...): neither fixed nor present, as far as anyone can tell.
    unverified: list[LocatedFinding] = field(default_factory=list)

    _new_keys: frozenset[tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_new_keys", frozenset(entry.key for entry in self.new))

    def is_new(self, finding: FindingResult) -> bool:
        return (finding.fingerprint, str(finding.outcome)) in self._new_keys

    def counts_text(self) -> str:
        """``3 new, 10 still present, 2 fixed``."""
        return (
            f"{len(self.new)} new, {len(self.still_present)} still present, {len(self.fixed)} fixed"
        )


def _violations(summary: RunSummary) -> dict[tuple[str, str], LocatedFinding]:
    located: dict[tuple[str, str], LocatedFinding] = {}
    for page in summary.pages:
        for finding in page.violations:
            entry = LocatedFinding(page.url, finding)
            located.setdefault(entry.key, entry)
    return located


def compare(summary: RunSummary, baseline: RunSummary) -> BaselineComparison:
    """Sort this run's violations against ``baseline``'s, keyed by fingerprint and outcome."""
    current = _violations(summary)
    previous = _violations(baseline)
    audited = {page.url for page in summary.pages if page.status == PageStatus.OK}
    fixed: list[LocatedFinding] = []
    unverified: list[LocatedFinding] = []
    for key, entry in previous.items():
        if key not in current:
            (fixed if entry.url in audited else unverified).append(entry)
    return BaselineComparison(
        new=[entry for key, entry in current.items() if key not in previous],
        still_present=[entry for key, entry in current.items() if key in previous],
        fixed=fixed,
        unverified=unverified,
    )


def load_baseline(path: str | Path) -> RunSummary:
    """The run described by the JSON report at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"The baseline {path} cannot be read: {error}") from error
    try:
        return load_json_report(text).summary
    except ReportFormatError as error:
        raise BaselineError(f"The baseline {path} cannot be used. {error}") from error


def parse_fail_on(value: str) -> Impact | None:
    """``--fail-on``: "none" or an impact (minor, moderate, serious, critical)."""
    normal = value.strip().lower()
    if normal == "none":
        return None
    if normal not in Impact.values:
        raise ValueError(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not {value!r}.")
    return Impact(normal)


def counting_violations(
    summary: RunSummary, baseline: RunSummary | BaselineComparison | None = None
) -> list[FindingResult]:
    """The violations that can fail the run: all of them, or only the new ones against a
    baseline."""
    if baseline is None:
        return [finding for page in summary.pages for finding in page.violations]
    if isinstance(baseline, RunSummary):
        baseline = compare(summary, baseline)
    return [located.finding for located in baseline.new]


def failing_violations(
    summary: RunSummary,
    fail_on: Impact | None,
    baseline: RunSummary | BaselineComparison | None = None,
) -> list[FindingResult]:
    """The violations that fail the run: counting ones (:func:`counting_violations`) at or
    above ``fail_on``; none when ``fail_on`` is None ("none")."""
    if fail_on is None:
        return []
    threshold = Impact.rank(fail_on)
    return [
        finding
        for finding in counting_violations(summary, baseline)
        if Impact.rank(finding.impact) >= threshold
    ]


def exit_status(
    summary: RunSummary,
    fail_on: Impact | None,
    baseline: RunSummary | BaselineComparison | None = None,
) -> int:
    """0 when no counting violation is at or above ``fail_on``, 1 otherwise.

    ``fail_on=None`` ("none") never fails. With a ``baseline`` (a previous run, or its
    comparison with this one) only new violations count. Status 2, "could not run", is for the
    caller to decide.
    """
    return 1 if failing_violations(summary, fail_on, baseline) else 0
