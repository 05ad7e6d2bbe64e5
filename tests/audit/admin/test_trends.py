"""Trends: violations by impact over the last full-site runs, as data, chart and table."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.admin.views.trends import build_chart, nice_scale
from audit.core.enums import Impact, Outcome, RunStatus, RunTrigger
from audit.storage.models import AuditRun
from audit.storage.trends import findings_trend
from tests.audit.admin.factories import AuditRunFactory, FindingFactory, PageResultFactory
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


def run_with(
    counts: dict[Impact, int],
    *,
    days_ago: int,
    trigger: str = RunTrigger.NIGHTLY,
    status: str = RunStatus.FINISHED,
    needs_review: int = 0,
) -> AuditRun:
    when = timezone.now() - datetime.timedelta(days=days_ago)
    run = AuditRunFactory(trigger=trigger, status=status, started_at=when)
    AuditRun.objects.filter(pk=run.pk).update(created_at=when)
    result = PageResultFactory(run=run)
    for impact, count in counts.items():
        FindingFactory.create_batch(count, page_result=result, impact=impact)
    FindingFactory.create_batch(needs_review, page_result=result, outcome=Outcome.NEEDS_REVIEW)
    return run


@pytest.fixture
def history() -> list[AuditRun]:
    """Three nightly runs and a manual one, oldest first, and runs the trend must ignore."""
    runs = [
        run_with({Impact.CRITICAL: 4, Impact.SERIOUS: 6, Impact.MINOR: 1}, days_ago=4),
        run_with({Impact.CRITICAL: 3, Impact.SERIOUS: 5, Impact.MODERATE: 2}, days_ago=3),
        run_with({Impact.CRITICAL: 1, Impact.SERIOUS: 5}, days_ago=2, needs_review=9),
        run_with({Impact.SERIOUS: 2}, days_ago=1, trigger=RunTrigger.MANUAL),
    ]
    run_with({Impact.CRITICAL: 50}, days_ago=1, trigger=RunTrigger.PUBLISH)  # one page
    run_with({Impact.CRITICAL: 50}, days_ago=1, trigger=RunTrigger.CLI)  # another site
    run_with({Impact.CRITICAL: 50}, days_ago=0, status=RunStatus.RUNNING)  # unfinished
    return runs


def test_trend_counts_violations_by_impact_in_full_runs(history: list[AuditRun]) -> None:
    trend = findings_trend()
    assert [point.run_id for point in trend.points] == [run.pk for run in history]
    assert trend.series(Impact.CRITICAL) == [4, 3, 1, 0]
    assert trend.series(Impact.SERIOUS) == [6, 5, 5, 2]
    assert trend.series(Impact.MODERATE) == [0, 2, 0, 0]
    assert trend.series(Impact.MINOR) == [1, 0, 0, 0]
    assert [point.total for point in trend.points] == [11, 10, 6, 2]  # needs review left out
    assert trend.highest == 6
    assert trend.newest_first[0].run_id == history[-1].pk
    assert trend.newest_first[0].counts_in_order == [0, 2, 0, 0]


def test_trend_keeps_the_last_runs(history: list[AuditRun]) -> None:
    trend = findings_trend(runs=2)
    assert [point.run_id for point in trend.points] == [history[2].pk, history[3].pk]


def test_trend_takes_two_queries(history: list[AuditRun], django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(2):
        findings_trend(runs=50)


def test_trend_without_runs_is_empty(db: None) -> None:
    trend = findings_trend()
    assert trend.points == [] and trend.highest == 0


@pytest.mark.parametrize(
    ("highest", "step", "top"),
    [(0, 1, 1), (1, 1, 1), (4, 1, 4), (6, 2, 6), (7, 2, 8), (23, 5, 25), (480, 100, 500)],
)
def test_nice_scale(highest: int, step: int, top: int) -> None:
    assert nice_scale(highest) == (step, top)


def test_chart_geometry(history: list[AuditRun]) -> None:
    chart = build_chart(findings_trend())
    serious = next(s for s in chart.series if s.impact == Impact.SERIOUS)
    # The highest value sits at the top of the axis, zero on the x axis, runs left to right.
    assert serious.points[0].y == pytest.approx(chart.top)
    moderate = next(s for s in chart.series if s.impact == Impact.MODERATE)
    assert moderate.points[0].y == pytest.approx(chart.bottom)
    assert serious.points[0].x == pytest.approx(chart.left)
    assert serious.points[-1].x == pytest.approx(chart.right)
    # Each impact has its own marker and dash pattern as well as its colour.
    assert len({s.shape for s in chart.series}) == 4
    assert len({s.dash for s in chart.series}) == 4
    assert [t.label for t in chart.y_ticks] == ["0", "2", "4", "6"]
    assert "Latest audit: 0 critical, 2 serious, 0 moderate, 0 minor (2 in all)" in (
        chart.description
    )


def test_trends_page_draws_an_accessible_svg_and_a_table(history: list[AuditRun]) -> None:
    client = Client()
    client.force_login(SuperuserFactory())
    body = client.get(reverse("audit_trends:index")).content.decode()
    start = body.index('<svg class="audit-trend-chart"')
    svg = body[start : body.index("</svg>", start)]
    assert 'role="img"' in svg
    assert 'aria-labelledby="audit-trend-title audit-trend-desc"' in svg
    assert re.search(r'<title id="audit-trend-title">Violations by impact in the last 4 full', svg)
    assert '<desc id="audit-trend-desc">Violations found by the last 4 full audits' in svg
    assert svg.count("<polyline") == 4
    assert "<script" not in svg
    for label in ("Critical", "Serious", "Moderate", "Minor", "Violations", "Date of the audit"):
        assert label in svg
    table = body[body.index('<table class="listing audit-trend-table">') :]
    table = table[: table.index("</table>")]
    assert (
        "<caption>Violations found by each full audit, by impact, newest first</caption>" in table
    )
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == 4
    first = [int(cell) for cell in re.findall(r'<td class="audit-number">(\d+)</td>', rows[0])]
    assert first == [0, 2, 0, 0, 2]
    last = [int(cell) for cell in re.findall(r'<td class="audit-number">(\d+)</td>', rows[-1])]
    assert last == [4, 6, 0, 1, 11]
    assert reverse("audit_runs:detail", args=[history[-1].pk]) in rows[0]


def test_trends_page_runs_menu(history: list[AuditRun]) -> None:
    client = Client()
    client.force_login(SuperuserFactory())
    body = client.get(reverse("audit_trends:index") + "?runs=10").content.decode()
    assert '<option value="10" selected>' in body
    # An unknown choice falls back to the default rather than failing.
    body = client.get(reverse("audit_trends:index") + "?runs=abc").content.decode()
    assert '<option value="20" selected>' in body


def test_trends_page_without_runs(db: None) -> None:
    client = Client()
    client.force_login(SuperuserFactory())
    body = client.get(reverse("audit_trends:index")).content.decode()
    assert "No full audit has finished yet" in body
    assert '<svg class="audit-trend-chart"' not in body
