"""The admin home page's accessibility panel: the signed-in person's pages with problems, and
a site summary for people who can see the report.

A fixed number of queries however many pages and findings there are: the person's pages are
counted and ranked by the database, and the summary is one aggregate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from audit.admin import permissions
from audit.core.enums import Impact, Outcome
from audit.storage.models import AuditRun, TrackedFinding
from audit.storage.trends import FULL_SITE_TRIGGERS, IMPACTS

#: Pages listed in the panel; the rest are counted ("and 12 more").
PAGE_LIMIT = 10

#: The latest sighting's impact as a number, for "most severe first".
_SEVERITY = Case(
    *(When(latest__impact=impact, then=Value(Impact.rank(impact))) for impact in IMPACTS),
    default=Value(-1),
    output_field=IntegerField(),
)


def _impact_counts() -> dict[str, Count]:
    return {impact.value: Count("pk", filter=Q(latest__impact=impact)) for impact in IMPACTS}


def _counts_by_impact(row: Mapping[str, Any]) -> dict[str, int]:
    """The counts :func:`_impact_counts` annotated on ``row``, by impact. (The row's type,
    inferred from the query, has only the keys named in the code, not these.)"""
    return {impact.value: row[impact.value] for impact in IMPACTS}


@dataclass(frozen=True)
class PageProblems:
    """One of the person's pages and its open violations by impact."""

    page_id: int
    title: str
    counts: dict[str, int]
    total: int

    @property
    def worst(self) -> Impact | None:
        return next((impact for impact in IMPACTS if self.counts.get(impact.value)), None)

    @property
    def summary(self) -> str:
        """``"2 critical, 1 serious"``: the non-zero counts, most severe first."""
        return ", ".join(
            f"{self.counts[impact.value]} {impact.label.lower()}"
            for impact in IMPACTS
            if self.counts.get(impact.value)
        )

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])


@dataclass(frozen=True)
class SiteSummary:
    counts: dict[str, int]
    pages: int
    last_run: AuditRun | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def by_impact(self) -> list[tuple[str, int]]:
        return [(str(impact.label), self.counts.get(impact.value, 0)) for impact in IMPACTS]


def _user_findings(user: Any) -> QuerySet[TrackedFinding]:
    """Current findings on pages ``user`` owns or last edited, and may edit."""
    mine = permissions.editable_pages(user).filter(Q(owner=user) | Q(latest_revision__user=user))
    return TrackedFinding.objects.current().filter(page__in=mine.values("pk"))


def user_pages_findings(user: Any) -> QuerySet[TrackedFinding]:
    """Open violations on pages ``user`` owns or last edited, and may edit."""
    return _user_findings(user).filter(outcome=Outcome.VIOLATION)


def user_pages_overview(user: Any, limit: int = PAGE_LIMIT) -> tuple[list[PageProblems], int, int]:
    """The person's pages with open violations, most severe first (worst impact, then how
    many), at most ``limit`` of them; how many such pages there are in all; and how much
    writing advice their pages have (counted apart: advice is never a problem)."""
    rows = (
        user_pages_findings(user)
        .values("page_id", "page__draft_title")
        .annotate(worst=Max(_SEVERITY), total=Count("pk"), **_impact_counts())
        .order_by("-worst", "-total", "page__draft_title", "page_id")[:limit]
    )
    pages = [
        PageProblems(
            page_id=row["page_id"],
            title=row["page__draft_title"],
            counts=_counts_by_impact(row),
            total=row["total"],
        )
        for row in rows
    ]
    totals = _user_findings(user).aggregate(
        pages=Count("page_id", distinct=True, filter=Q(outcome=Outcome.VIOLATION)),
        advice=Count("pk", filter=Q(outcome=Outcome.ADVICE)),
    )
    return pages, totals["pages"] or 0, totals["advice"] or 0


def pages_with_problems(user: Any, limit: int = PAGE_LIMIT) -> tuple[list[PageProblems], int]:
    """The first two of :func:`user_pages_overview`: the pages with violations, and how many."""
    pages, count, _advice = user_pages_overview(user, limit)
    return pages, count


def site_summary() -> SiteSummary:
    """Open violations on the whole site by impact, the pages they are on, and the last
    full-site run."""
    figures = (
        TrackedFinding.objects.current()
        .violations()
        .aggregate(pages=Count("url", distinct=True), **_impact_counts())
    )
    last_run = (
        AuditRun.objects.filter(trigger__in=FULL_SITE_TRIGGERS).order_by("-created_at").first()
    )
    return SiteSummary(
        counts={impact.value: figures[impact.value] or 0 for impact in IMPACTS},
        pages=figures["pages"] or 0,
        last_run=last_run,
    )


def _reverse_or_empty(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


class AccessibilityPanel(Component):
    """ "Your pages with accessibility problems", then the site summary when permitted."""

    name = "accessibility"
    template_name = "audit/dashboard/panel.html"
    #: After Wagtail's moderation panels (200s), before "Your most recent edits" (250).
    order = 240

    class Media:
        css = {"all": ["audit/css/audit-runs.css"]}

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        user = parent_context["request"].user if parent_context else None
        pages, pages_count, advice = user_pages_overview(user)
        can_view = permissions.can_view_report(user)
        report_url = _reverse_or_empty("audit_report:index") if can_view else ""
        return {
            "advice": advice,
            "advice_url": f"{report_url}?status=advice" if report_url else "",
            "pages": pages,
            "pages_count": pages_count,
            "more": pages_count - len(pages),
            "summary": site_summary() if can_view else None,
            "report_url": report_url,
            "runs_url": reverse("audit_runs:index") if can_view else "",
            "trends_url": reverse("audit_trends:index") if can_view else "",
            "heading": _("Accessibility"),
        }

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        context = self.get_context_data(parent_context)
        if not context["pages"] and not context["advice"] and context["summary"] is None:
            return ""  # nothing to say to this person: no empty panel
        return get_template(self.template_name).render(context)


def add_accessibility_panel(request: Any, panels: list[Any]) -> None:
    """The ``construct_homepage_panels`` hook."""
    panels.append(AccessibilityPanel())
