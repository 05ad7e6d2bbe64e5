"""Trends: violations by impact over the last full-site audits, as an SVG chart drawn on the
server (no JavaScript) with the same figures in a table.

The chart tells the impacts apart by line pattern and marker shape as well as colour, and
carries a text description; the table is the accessible, exact form of the data.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from typing import Any

from django.utils.dateformat import format as format_date
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from audit.admin import permissions
from audit.core.enums import Impact
from audit.storage.trends import DEFAULT_RUNS, IMPACTS, MAX_RUNS, Trend, findings_trend

#: The numbers of runs the "Audits to show" menu offers.
RUN_CHOICES = (10, 20, 50, MAX_RUNS)

#: Colour (at least 3:1 on white, WCAG 1.4.11), dash pattern and marker per impact: never
#: colour alone (WCAG 1.4.1).
STYLES: dict[Impact, tuple[str, str, str]] = {
    Impact.CRITICAL: ("#b3261e", "", "square"),
    Impact.SERIOUS: ("#8f4700", "10 5", "triangle"),
    Impact.MODERATE: ("#1d5fa8", "3 4", "circle"),
    Impact.MINOR: ("#4a4f57", "12 4 3 4", "diamond"),
}


def marker_path(shape: str, x: float, y: float, size: float = 5.0) -> str:
    """An SVG path for a marker centred on (x, y)."""
    s = size
    if shape == "square":
        return f"M{x - s + 1:.1f} {y - s + 1:.1f}h{2 * s - 2:.1f}v{2 * s - 2:.1f}h{2 - 2 * s:.1f}Z"
    if shape == "triangle":
        return f"M{x:.1f} {y - s - 1:.1f}L{x + s + 1:.1f} {y + s:.1f}L{x - s - 1:.1f} {y + s:.1f}Z"
    if shape == "diamond":
        return (
            f"M{x:.1f} {y - s - 1:.1f}L{x + s + 1:.1f} {y:.1f}"
            f"L{x:.1f} {y + s + 1:.1f}L{x - s - 1:.1f} {y:.1f}Z"
        )
    r = s - 0.5
    return f"M{x - r:.1f} {y:.1f}a{r} {r} 0 1 0 {2 * r:.1f} 0a{r} {r} 0 1 0 {-2 * r:.1f} 0Z"


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: int
    marker: str


@dataclass(frozen=True)
class Series:
    impact: Impact
    label: str
    colour: str
    dash: str
    shape: str
    points: list[Point]
    #: The legend's sample line and marker.
    legend_x: float
    legend_marker: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    series: list[Series]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    description: str

    @property
    def middle_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def middle_y(self) -> float:
        return (self.top + self.bottom) / 2


def nice_scale(highest: int, ticks: int = 5) -> tuple[int, int]:
    """A round step (1, 2 or 5 times a power of ten) and the axis top, a multiple of it."""
    if highest <= 0:
        return 1, 1
    raw = highest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return step, step * math.ceil(highest / step)


def short_date(moment: datetime.datetime) -> str:
    """``"24 Nov"``, in the site's time zone: an x axis label."""
    return format_date(localtime(moment), "j M")


def describe(trend: Trend) -> str:
    """The chart in words, for its ``<desc>``."""
    if not trend.points:
        return str(_("No full audit has finished yet."))
    first, last = trend.points[0], trend.points[-1]
    latest = ", ".join(f"{last.count(impact)} {impact.label.lower()}" for impact in IMPACTS)
    return str(
        _(
            "Violations found by the last %(count)s full audits, from %(first)s to %(last)s, "
            "one line per impact. Latest audit: %(latest)s (%(total)s in all). "
            "The table below has every figure."
        )
        % {
            "count": len(trend.points),
            "first": format_date(localtime(first.started_at), "j F Y"),
            "last": format_date(localtime(last.started_at), "j F Y"),
            "latest": latest,
            "total": last.total,
        }
    )


def build_chart(trend: Trend, width: int = 760, height: int = 380) -> Chart:
    """Coordinates for every line, marker, tick and legend entry of the trend chart."""
    left, right, top, bottom = 64.0, width - 24.0, 56.0, height - 64.0
    step, axis_top = nice_scale(trend.highest)
    count = len(trend.points)

    def x_at(index: int) -> float:
        if count <= 1:
            return (left + right) / 2
        return left + index * (right - left) / (count - 1)

    def y_at(value: int) -> float:
        return bottom - value * (bottom - top) / axis_top

    series = []
    for position, impact in enumerate(IMPACTS):
        colour, dash, shape = STYLES[impact]
        points = [
            Point(x_at(i), y_at(v), v, marker_path(shape, x_at(i), y_at(v)))
            for i, v in enumerate(trend.series(impact))
        ]
        legend_x = left + position * 150.0
        series.append(
            Series(
                impact=impact,
                label=str(impact.label),
                colour=colour,
                dash=dash,
                shape=shape,
                points=points,
                legend_x=legend_x,
                legend_marker=marker_path(shape, legend_x + 15, 24),
            )
        )
    y_ticks = [Tick(y_at(value), str(value)) for value in range(0, axis_top + 1, step)]
    every = max(1, math.ceil(count / 8))
    x_ticks = [
        Tick(x_at(i), short_date(point.started_at))
        for i, point in enumerate(trend.points)
        if i % every == 0 or i == count - 1
    ]
    return Chart(width, height, left, right, top, bottom, series, y_ticks, x_ticks, describe(trend))


class TrendsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "audit/trends/index.html"
    permission_policy = permissions.policy
    permission_required = "view"
    page_title = _("Accessibility trends")
    header_icon = "calendar-alt"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def runs_wanted(self) -> int:
        try:
            wanted = int(self.request.GET.get("runs", DEFAULT_RUNS))
        except ValueError:
            return DEFAULT_RUNS
        return wanted if wanted in RUN_CHOICES else DEFAULT_RUNS

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        runs = self.runs_wanted()
        trend = findings_trend(runs)
        context.update(
            trend=trend,
            chart=build_chart(trend) if trend.points else None,
            impacts=[(impact, impact.label) for impact in IMPACTS],
            runs=runs,
            run_choices=RUN_CHOICES,
        )
        return context
