"""The accessibility statement's facts, written from the audit's own data.

:func:`build_statement` reads the tracked findings as they stand and the latest finished
full-site run (nightly or manual: a run on publish or from the command line audits some pages,
not the site) and returns a :class:`StatementData`: the compliance status, each failing WCAG 2.2
A or AA success criterion in plain English with the number of pages it affects and when it was
first seen, the problems dismissed as a disproportionate burden or outside the regulations'
scope, and how and when the site was tested. :func:`take_snapshot` stores it when a full-site
run finishes (:class:`~audit.storage.models.StatementSnapshot`); the website renders the
latest snapshot.

What counts (docs/accessibility-statement.md):

- Only open (or regressed) **violations** naming an A or AA criterion of WCAG 2.2. Advice,
  findings to review and best practice never count. Any rule's finding counts, whatever the
  engine: a document check's too.
- Only findings on **public** pages: live Wagtail pages without view restrictions, or URLs
  without a Wagtail page (documents, say) that a full-site run audited. Pages are counted,
  never named.
- Dismissed findings by their dismissal's reason: *accepted* ones are still failures,
  *disproportionate burden* and *outside the scope* ones are listed under those headings,
  false positives and findings that do not apply are left out.
- Compliance: **fully** compliant when no criterion fails; **not** compliant when one
  criterion fails on more than half the pages tested (a barrier in the site's templates);
  **partially** compliant otherwise.
- A finding fixed by a run is no longer open, so it leaves the statement with that run.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from audit.checks.criteria import OBSOLETE, criterion
from audit.core.enums import (
    DismissalReason,
    DismissalScope,
    FindingStatus,
    Outcome,
    PageStatus,
    RunStatus,
)
from audit.results.sinks import engine_labels
from audit.storage.models import (
    AuditRun,
    Dismissal,
    PageResult,
    StatementSnapshot,
    TrackedFinding,
)
from audit.storage.trends import FULL_SITE_TRIGGERS


class Compliance(StrEnum):
    FULLY = "fully"
    PARTIALLY = "partially"
    NOT = "not"
    #: No full-site run has finished yet.
    UNTESTED = "untested"


#: The statement's words for each status ("This website is ... compliant with WCAG 2.2 AA").
COMPLIANCE_TEXT: dict[Compliance, str] = {
    Compliance.FULLY: "fully compliant",
    Compliance.PARTIALLY: "partially compliant",
    Compliance.NOT: "not compliant",
    Compliance.UNTESTED: "not yet tested",
}

#: Dismissal reasons the statement lists under their own heading.
LISTED_REASONS = (DismissalReason.DISPROPORTIONATE_BURDEN, DismissalReason.OUTSIDE_SCOPE)
#: A dismissal reason that leaves the problem a failure: it is known and not fixed yet.
STILL_FAILING = DismissalReason.ACCEPTED


@dataclass(frozen=True)
class Problem:
    """One WCAG success criterion that fails somewhere on the site."""

    criterion: str
    name: str
    level: str
    #: What the failure means for people, in plain English.
    description: str
    pages: int
    first_seen: datetime.date

    @property
    def title(self) -> str:
        return f"{self.criterion} {self.name}"


@dataclass(frozen=True)
class StatementData:
    compliance: Compliance
    #: The run the test figures come from (None before the first full-site run).
    run_id: int | None = None
    tested_on: datetime.date | None = None
    pages_tested: int = 0
    #: ``(label, version)`` of each browser engine the run used, axe-core first.
    engines: tuple[tuple[str, str], ...] = ()
    failures: tuple[Problem, ...] = ()
    disproportionate_burden: tuple[Problem, ...] = ()
    outside_scope: tuple[Problem, ...] = ()
    made_at: datetime.datetime = field(default_factory=timezone.now)

    @property
    def compliance_text(self) -> str:
        return COMPLIANCE_TEXT[self.compliance]

    @property
    def method(self) -> str:
        """How the site was tested, as one sentence's end: "an automated audit of 40 pages
        with axe-core 4.10.2, IBM Equal Access 4.0.34 and Clearway's checks"."""
        tools = [f"{label} {version}".strip() for label, version in self.engines]
        tools.append("Clearway\u2019s checks")
        listed = ", ".join(tools[:-1]) + " and " + tools[-1] if len(tools) > 1 else tools[0]
        pages = "page" if self.pages_tested == 1 else "pages"
        return f"an automated audit of {self.pages_tested} {pages} with {listed}"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["compliance"] = str(self.compliance)
        data["tested_on"] = self.tested_on.isoformat() if self.tested_on else None
        data["made_at"] = self.made_at.isoformat()
        data["engines"] = [list(engine) for engine in self.engines]
        for key in ("failures", "disproportionate_burden", "outside_scope"):
            data[key] = [
                {**problem, "first_seen": problem["first_seen"].isoformat()}
                for problem in data[key]
            ]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StatementData:
        def problems(key: str) -> tuple[Problem, ...]:
            return tuple(
                Problem(**{**item, "first_seen": datetime.date.fromisoformat(item["first_seen"])})
                for item in data.get(key) or []
            )

        tested_on = data.get("tested_on")
        return cls(
            compliance=Compliance(data["compliance"]),
            run_id=data.get("run_id"),
            tested_on=datetime.date.fromisoformat(tested_on) if tested_on else None,
            pages_tested=int(data.get("pages_tested") or 0),
            engines=tuple((str(label), str(version)) for label, version in data.get("engines", [])),
            failures=problems("failures"),
            disproportionate_burden=problems("disproportionate_burden"),
            outside_scope=problems("outside_scope"),
            made_at=datetime.datetime.fromisoformat(data["made_at"]),
        )


def latest_full_run() -> AuditRun | None:
    """The latest finished nightly or manual run of the whole site."""
    return (
        AuditRun.objects.filter(trigger__in=FULL_SITE_TRIGGERS, status=RunStatus.FINISHED)
        .order_by("-finished_at", "-pk")
        .first()
    )


def build_statement(run: AuditRun | None = None) -> StatementData:
    """The statement as the findings stand now, tested by ``run`` (by default the latest
    finished full-site run). With no such run, the status is :attr:`Compliance.UNTESTED`."""
    run = run if run is not None else latest_full_run()
    if run is None:
        return StatementData(compliance=Compliance.UNTESTED)
    findings = list(_public(_statement_findings()))
    reasons = _dismissal_reasons()
    groups: dict[str, list[TrackedFinding]] = defaultdict(list)
    for tracked in findings:
        if tracked.status == FindingStatus.DISMISSED:
            reason = _reason_for(tracked, reasons)
            if reason == STILL_FAILING:
                groups["failures"].append(tracked)
            elif reason in LISTED_REASONS:
                key = (
                    "disproportionate_burden"
                    if reason == DismissalReason.DISPROPORTIONATE_BURDEN
                    else "outside_scope"
                )
                groups[key].append(tracked)
        else:
            groups["failures"].append(tracked)
    pages_tested = run.page_results.filter(status=PageStatus.OK).count()
    failures = _problems(groups["failures"])
    return StatementData(
        compliance=_compliance(failures, pages_tested),
        run_id=run.pk,
        tested_on=timezone.localdate(run.finished_at or run.created_at),
        pages_tested=pages_tested,
        engines=_engines(run),
        failures=failures,
        disproportionate_burden=_problems(groups["disproportionate_burden"]),
        outside_scope=_problems(groups["outside_scope"]),
    )


def _compliance(failures: tuple[Problem, ...], pages_tested: int) -> Compliance:
    if not failures:
        return Compliance.FULLY
    if any(problem.pages * 2 > pages_tested for problem in failures):
        return Compliance.NOT
    return Compliance.PARTIALLY


def _statement_findings() -> Iterable[TrackedFinding]:
    """Violations still seen (or dismissed), with their latest sighting and first run."""
    return (
        TrackedFinding.objects.current_or_dismissed()
        .filter(outcome=Outcome.VIOLATION, latest__isnull=False)
        .select_related("latest", "first_seen")
        .order_by("pk")
    )


def _public(findings: Iterable[TrackedFinding]) -> Iterable[TrackedFinding]:
    """Only findings on live pages without view restrictions, or on URLs without a Wagtail
    page that a full-site run audited (documents, say): never a private page's."""
    findings = list(findings)
    page_ids = {tracked.page_id for tracked in findings if tracked.page_id is not None}
    public_ids = set(
        Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True)
    )
    urls = {tracked.url for tracked in findings if tracked.page_id is None}
    audited_urls = set(
        PageResult.objects.filter(
            run__trigger__in=FULL_SITE_TRIGGERS, page__isnull=True, url__in=urls
        ).values_list("url", flat=True)
    )
    for tracked in findings:
        on_public_page = tracked.page_id in public_ids
        if on_public_page or (tracked.page_id is None and tracked.url in audited_urls):
            yield tracked


def _dismissal_reasons() -> dict[str | tuple[str, str], str]:
    """Each standing dismissal's reason, by fingerprint (page scope) and by ``(rule,
    target_key)`` (site scope); the most recent dismissal wins."""
    reasons: dict[str | tuple[str, str], str] = {}
    for scope, fingerprint, rule, target, reason in (
        Dismissal.objects.active()
        .filter(Q(scope=DismissalScope.PAGE) | ~Q(target_key=""))
        .order_by("-created_at", "-pk")
        .values_list("scope", "fingerprint", "rule", "target_key", "reason")
    ):
        key: str | tuple[str, str] = fingerprint if scope == DismissalScope.PAGE else (rule, target)
        reasons.setdefault(key, reason)
    return reasons


def _reason_for(tracked: TrackedFinding, reasons: dict[str | tuple[str, str], str]) -> str:
    target = tracked.latest.target_key if tracked.latest else ""
    return reasons.get(tracked.fingerprint) or reasons.get((tracked.rule, target)) or ""


def _problems(findings: list[TrackedFinding]) -> tuple[Problem, ...]:
    """One entry per A or AA criterion the findings name, in WCAG order."""
    pages: dict[str, set[int | str]] = defaultdict(set)
    first: dict[str, datetime.datetime] = {}
    for tracked in findings:
        assert tracked.latest is not None  # filtered in _statement_findings
        seen = tracked.first_seen.began_at
        for number in tracked.latest.wcag:
            if number in OBSOLETE or criterion(str(number)) is None:
                continue
            pages[number].add(tracked.page_id if tracked.page_id is not None else tracked.url)
            first[number] = min(first.get(number, seen), seen)
    problems = []
    for number, affected in pages.items():
        found = criterion(number)
        assert found is not None
        problems.append(
            Problem(
                criterion=found.number,
                name=found.name,
                level=found.level,
                description=found.failure,
                pages=len(affected),
                first_seen=timezone.localdate(first[number]),
            )
        )
    return tuple(sorted(problems, key=lambda problem: _order(problem.criterion)))


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _engines(run: AuditRun) -> tuple[tuple[str, str], ...]:
    return engine_labels(dict(run.configuration.get("engine_versions") or {}), run.axe_version)


# -- Snapshots ---------------------------------------------------------------------------------


def take_snapshot(run: AuditRun) -> StatementSnapshot | None:
    """Store the statement after ``run``, when it is a finished full-site run; safe to call
    twice (the first snapshot stays)."""
    if run.trigger not in FULL_SITE_TRIGGERS or run.status != RunStatus.FINISHED:
        return None
    snapshot, _ = StatementSnapshot.objects.get_or_create(
        run=run, defaults={"data": build_statement(run).as_json()}
    )
    return snapshot


def latest_snapshot() -> StatementSnapshot | None:
    return StatementSnapshot.objects.order_by("-created_at", "-pk").first()


def snapshot_data(snapshot: StatementSnapshot) -> StatementData:
    return StatementData.from_json(snapshot.data)


def latest_statement() -> tuple[int | None, StatementData]:
    """The latest snapshot's id and data; ``(None, untested)`` before the first one."""
    snapshot = latest_snapshot()
    if snapshot is None:
        return None, StatementData(compliance=Compliance.UNTESTED)
    return snapshot.pk, snapshot_data(snapshot)
