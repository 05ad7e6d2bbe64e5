"""Findings over the last full-site audits, by impact: the data behind the trends screen.

Two queries whatever the number of runs: the runs, then their violations counted by run and
impact in the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count

from audit.core.enums import Impact, Outcome, RunStatus, RunTrigger
from audit.storage.models import AuditRun, Finding

#: Runs that audit the whole site: only they are comparable from one to the next (a run on
#: publish audits one page).
FULL_SITE_TRIGGERS = (RunTrigger.NIGHTLY, RunTrigger.MANUAL)
#: Impacts, most severe first: the order of the chart's legend and the table's columns.
IMPACTS: tuple[Impact, ...] = (Impact.CRITICAL, Impact.SERIOUS, Impact.MODERATE, Impact.MINOR)
DEFAULT_RUNS = 20
MAX_RUNS = 100


@dataclass(frozen=True)
class RunPoint:
    """One full-site run's violations, counted by impact."""

    run_id: int
    started_at: datetime.datetime
    trigger: RunTrigger
    counts: dict[Impact, int] = field(default_factory=dict)

    def count(self, impact: Impact) -> int:
        return self.counts.get(impact, 0)

    @property
    def counts_in_order(self) -> list[int]:
        """The counts in :data:`IMPACTS` order, most severe first (the table's columns)."""
        return [self.count(impact) for impact in IMPACTS]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Trend:
    """Points oldest first, as the chart's x axis reads."""

    points: list[RunPoint]

    def series(self, impact: Impact) -> list[int]:
        return [point.count(impact) for point in self.points]

    @property
    def highest(self) -> int:
        """The largest count of any one impact in any run (the chart's scale)."""
        return max((point.count(impact) for point in self.points for impact in IMPACTS), default=0)

    @property
    def newest_first(self) -> list[RunPoint]:
        return list(reversed(self.points))


def findings_trend(runs: int = DEFAULT_RUNS) -> Trend:
    """Violations by impact in each of the last ``runs`` finished full-site runs."""
    runs = max(1, min(runs, MAX_RUNS))
    rows = list(
        AuditRun.objects.filter(trigger__in=FULL_SITE_TRIGGERS, status=RunStatus.FINISHED)
        .order_by("-created_at", "-pk")
        .values_list("pk", "started_at", "created_at", "trigger")[:runs]
    )
    counts: dict[int, dict[Impact, int]] = {pk: {} for pk, *_ in rows}
    tallies = (
        Finding.objects.filter(run_id__in=counts, outcome=Outcome.VIOLATION)
        .values_list("run_id", "impact")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for run_id, impact, count in tallies:
        if impact in Impact.values:
            counts[run_id][Impact(impact)] = count
    points = [
        RunPoint(
            run_id=pk,
            started_at=started_at or created_at,
            trigger=RunTrigger(trigger),
            counts=counts[pk],
        )
        for pk, started_at, created_at, trigger in reversed(rows)
    ]
    return Trend(points)
