"""The JSON report, ``"schema": "clearway.audit/1"``: the CI contract (PRODUCT.md section 6).

Fields added within the schema are optional for readers: ``summary.advice``,
``summary.dismissed``, and each finding's ``engines`` and ``dismissed`` (its dismissal's
reason, or null).

Only the fields the contract names are written, so a consumer can rely on the shape; anything
else a run knows (durations, Wagtail page ids) stays in the database. :func:`load_json_report`
reads a report back, for baselines, and refuses anything that is not this schema.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from audit.core.enums import Engine, Impact, Level, Outcome, PageStatus
from audit.reports.base import ToolInfo, iso
from audit.results import FindingResult, PageAudit
from audit.results.sinks import RunSummary

SCHEMA = "clearway.audit/1"


class ReportFormatError(ValueError):
    """A file that is not a Clearway JSON report of a schema this version reads."""


@dataclass(frozen=True)
class LoadedReport:
    """A JSON report read back: the tool that wrote it and the run it describes."""

    tool: ToolInfo
    axe_version: str
    summary: RunSummary


def finding_data(finding: FindingResult) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "engine": str(finding.engine),
        "outcome": str(finding.outcome),
        "impact": str(finding.impact),
        "wcag": list(finding.wcag),
        "level": str(finding.level),
        "selector": finding.selector,
        "html": finding.html,
        "message": finding.message,
        "help_url": finding.help_url,
        "fingerprint": finding.fingerprint,
        # Every engine that reported this problem, with its rule id ("engine" is the first).
        "engines": {str(engine): rule for engine, rule in finding.engine_rules},
        # Added within clearway.audit/1: the reason of the editor's dismissal covering the
        # finding ("false-positive", "not-applicable", "accepted", "disproportionate",
        # "outside-scope"), or null when it is open. A dismissed finding is in no other total.
        "dismissed": finding.dismissed or None,
    }


def report_data(summary: RunSummary, tool: ToolInfo | None = None) -> dict[str, Any]:
    """The report as plain data, ready for ``json.dumps``."""
    tool = tool or ToolInfo()
    return {
        "schema": SCHEMA,
        "tool": {
            "name": tool.name,
            "version": tool.version,
            "axe_version": summary.axe_version,
            "engines": summary.engine_versions or {"axe": summary.axe_version},
        },
        "started_at": iso(summary.started_at),
        "finished_at": iso(summary.finished_at),
        "summary": {
            "pages": len(summary.pages),
            "errors": summary.errors,
            "violations": summary.violations,
            "needs_review": summary.needs_review,
            # Added within clearway.audit/1: readers that do not know it can ignore it.
            "advice": summary.advice,
            # Added within clearway.audit/1: findings an editor dismissed.
            "dismissed": summary.dismissed,
        },
        "pages": [
            {
                "url": page.url,
                "status": str(page.status),
                "http_status": page.http_status,
                "error": page.error,
                "blocked_requests": page.blocked_requests,
                "findings": [finding_data(finding) for finding in page.findings],
            }
            for page in summary.pages
        ],
    }


def render(summary: RunSummary, tool: ToolInfo | None = None) -> str:
    """The JSON report: UTF-8 text, indented, ending with a newline."""
    return json.dumps(report_data(summary, tool), indent=2, ensure_ascii=False) + "\n"


# -- Reading a report back -------------------------------------------------------------------


def load_json_report(text: str | bytes) -> LoadedReport:
    """Read a report written by :func:`render`.

    Raises :class:`ReportFormatError`, naming the field at fault, for anything else: not JSON,
    another schema, a missing field or a value out of its range.
    """
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as error:
        raise ReportFormatError(f"This is not a JSON report: {error}") from error
    if not isinstance(data, dict):
        raise ReportFormatError("This is not a Clearway JSON report: it is not a JSON object.")
    schema = data.get("schema")
    if schema != SCHEMA:
        raise ReportFormatError(
            f"This is not a Clearway JSON report of schema {SCHEMA!r} "
            f"(its schema is {schema!r}). Write it with `manage.py audit --format json`."
        )
    reader = _Reader()
    tool = reader.mapping(data, "tool")
    summary = RunSummary(
        started_at=reader.moment(data, "started_at"),
        finished_at=reader.moment(data, "finished_at"),
        axe_version=reader.text(tool, "axe_version", "tool"),
        # Optional: reports written before IBM's engine have none.
        engine_versions={str(k): str(v) for k, v in (tool.get("engines") or {}).items()},
        pages=[
            reader.page(page, f"pages[{index}]")
            for index, page in enumerate(reader.sequence(data, "pages"))
        ],
    )
    return LoadedReport(
        tool=ToolInfo(
            name=reader.text(tool, "name", "tool"),
            version=reader.text(tool, "version", "tool"),
            information_uri="",
        ),
        axe_version=summary.axe_version,
        summary=summary,
    )


class _Reader:
    """Field access that says which field is wrong."""

    def _get(self, data: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise ReportFormatError(f"The report has no {self._name(key, where)}.")
        return data[key]

    @staticmethod
    def _name(key: str, where: str) -> str:
        return f"{where}.{key}" if where else key

    def _typed(self, data: Mapping[str, Any], key: str, where: str, kind: type) -> Any:
        value = self._get(data, key, where)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise ReportFormatError(
                f"In the report, {self._name(key, where)} should be a {kind.__name__}, "
                f"not {value!r}."
            )
        return value

    def mapping(self, data: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
        return self._typed(data, key, where, dict)  # type: ignore[no-any-return]

    def sequence(self, data: Mapping[str, Any], key: str, where: str = "") -> list[Any]:
        return self._typed(data, key, where, list)  # type: ignore[no-any-return]

    def text(self, data: Mapping[str, Any], key: str, where: str = "") -> str:
        return self._typed(data, key, where, str)  # type: ignore[no-any-return]

    def choice[E: Enum](self, data: Mapping[str, Any], key: str, where: str, choices: type[E]) -> E:
        value = self.text(data, key, where)
        try:
            return choices(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in choices)
            raise ReportFormatError(
                f"In the report, {self._name(key, where)} is {value!r}; expected one of {allowed}."
            ) from None

    def moment(self, data: Mapping[str, Any], key: str) -> datetime.datetime:
        value = self.text(data, key)
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ReportFormatError(f"In the report, {key} is not an ISO 8601 time.") from None
        if moment.tzinfo is None:
            raise ReportFormatError(f"In the report, {key} has no time zone.")
        return moment

    def page(self, data: Any, where: str) -> PageAudit:
        if not isinstance(data, dict):
            raise ReportFormatError(f"In the report, {where} should be an object.")
        http_status = self._get(data, "http_status", where)
        if http_status is not None and (
            not isinstance(http_status, int) or isinstance(http_status, bool)
        ):
            raise ReportFormatError(f"In the report, {where}.http_status should be a number.")
        return PageAudit(
            url=self.text(data, "url", where),
            status=self.choice(data, "status", where, PageStatus),
            http_status=http_status,
            error=self.text(data, "error", where),
            # Optional: reports written before the request guard have none.
            blocked_requests=[str(url) for url in data.get("blocked_requests") or []],
            findings=[
                self.finding(finding, f"{where}.findings[{index}]")
                for index, finding in enumerate(self.sequence(data, "findings", where))
            ],
        )

    def finding(self, data: Any, where: str) -> FindingResult:
        if not isinstance(data, dict):
            raise ReportFormatError(f"In the report, {where} should be an object.")
        wcag = self.sequence(data, "wcag", where)
        if not all(isinstance(criterion, str) for criterion in wcag):
            raise ReportFormatError(f"In the report, {where}.wcag should be a list of strings.")
        return FindingResult(
            rule=self.text(data, "rule", where),
            engine=self.choice(data, "engine", where, Engine),
            outcome=self.choice(data, "outcome", where, Outcome),
            impact=self.choice(data, "impact", where, Impact),
            wcag=tuple(wcag),
            level=self.choice(data, "level", where, Level),
            selector=self.text(data, "selector", where),
            html=self.text(data, "html", where),
            message=self.text(data, "message", where),
            help_url=self.text(data, "help_url", where),
            fingerprint=self.text(data, "fingerprint", where),
            engine_rules=self.engine_rules(data, where),
            # Optional: reports written before dismissals were reported have none.
            dismissed=str(data.get("dismissed") or ""),
        )

    def engine_rules(self, data: Mapping[str, Any], where: str) -> tuple[tuple[Engine, str], ...]:
        """``engines`` (optional: reports written before IBM's engine have none)."""
        engines = data.get("engines") or {}
        if not isinstance(engines, dict):
            raise ReportFormatError(f"In the report, {where}.engines should be an object.")
        return tuple(
            (self.choice({"engine": engine}, "engine", f"{where}.engines", Engine), str(rule))
            for engine, rule in engines.items()
        )
