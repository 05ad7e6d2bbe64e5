"""The site-wide accessibility report: findings grouped by rule, and every finding of a rule.

Two Wagtail ``ReportView``s share one filter set. The rule summary (``AccessibilityReportView``)
groups findings with counts of pages and occurrences; each row drills down to the finding list
(``FindingsReportView``), whose rows link to the page's edit screen and to the page itself.
Both export CSV and XLSX. People see only the findings
:func:`audit.admin.permissions.visible_findings` allows them.

Writing advice (plain English, best practice: not WCAG failures) is kept apart: every status
but "Writing advice" leaves it out, and that one shows only it.
"""

from __future__ import annotations

from typing import Any, ClassVar

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site

from audit.admin import permissions
from audit.checks.help import help_for
from audit.core.enums import FindingStatus, Impact, Level, Outcome, Source
from audit.core.review import page_reviews
from audit.storage.models import Finding, TrackedFinding, TrackedFindingQuerySet

#: Characters that make a spreadsheet treat a cell as a formula (OWASP's CSV injection list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class StatusFilter:
    """The report's status choices, each a filter on tracked findings. Only ``ADVICE`` shows
    advice; the others are accessibility problems."""

    CURRENT = ""
    ADVICE = "advice"
    CHOICES: ClassVar[list[tuple[str, StrOrPromise]]] = [
        ("open", _("Open")),
        ("regressed", _("Regressed (came back after a fix)")),
        ("needs-review", _("Needs review (a person must check)")),
        ("dismissed", _("Dismissed")),
        ("fixed", _("Fixed")),
        (ADVICE, _("Writing advice (not an accessibility failure)")),
    ]

    @staticmethod
    def apply(queryset: TrackedFindingQuerySet, value: str) -> TrackedFindingQuerySet:
        if value == StatusFilter.ADVICE:
            return queryset.current().advice()
        queryset = queryset.accessibility()
        if value == "open":
            return queryset.filter(status=FindingStatus.OPEN, outcome=Outcome.VIOLATION)
        if value == "regressed":
            return queryset.filter(status=FindingStatus.REGRESSED)
        if value == "needs-review":
            return queryset.current().needs_review()
        if value == "dismissed":
            return queryset.filter(status=FindingStatus.DISMISSED)
        if value == "fixed":
            return queryset.filter(status=FindingStatus.FIXED)
        return queryset.current()


def _rule_choices() -> list[tuple[str, str]]:
    rules = TrackedFinding.objects.order_by("rule").values_list("rule", flat=True).distinct()
    return [(rule, rule) for rule in rules]


def _wcag_choices() -> list[tuple[str, str]]:
    criteria: set[str] = set()
    lists = Finding.objects.filter(pk__in=TrackedFinding.objects.values("latest_id")).values_list(
        "wcag", flat=True
    )
    for criteria_list in lists.distinct():
        criteria.update(str(criterion) for criterion in criteria_list or [])
    ordered = sorted(criteria, key=lambda c: [int(p) if p.isdigit() else 0 for p in c.split(".")])
    return [(criterion, criterion) for criterion in ordered]


def _sections(request: HttpRequest | None = None) -> QuerySet[Page]:
    """Top-level pages under each site's root page."""
    query = Q(pk__in=[])
    for root in Page.objects.filter(pk__in=Site.objects.values("root_page")):
        query |= Q(path__startswith=root.path, depth=root.depth + 1)
    sections: QuerySet[Page] = Page.objects.filter(query).order_by("path")
    return sections


def _owners(request: HttpRequest | None = None) -> QuerySet[Any]:
    owner_ids = Page.objects.filter(
        pk__in=TrackedFinding.objects.filter(page__isnull=False).values("page_id")
    ).values("owner_id")
    return get_user_model().objects.filter(pk__in=owner_ids).order_by("username")


def _review_owner_choices() -> list[tuple[str, str]]:
    """The people (``user:<id>``) and teams (``group:<id>``) that own pages for review
    (docs/content-review.md); none when the site declares no review owners."""
    reviews = page_reviews()
    user_ids = {r.user_id for r in reviews if r.user_id}
    group_ids = {r.group_id for r in reviews if r.group_id}
    people = [
        (f"user:{user.pk}", user.get_full_name() or user.get_username())
        for user in get_user_model().objects.filter(pk__in=user_ids)
    ]
    teams = [
        (f"group:{group.pk}", str(_("Team: %(name)s") % {"name": group.name}))
        for group in Group.objects.filter(pk__in=group_ids)
    ]
    return sorted(people, key=lambda c: c[1].lower()) + sorted(teams, key=lambda c: c[1].lower())


class FindingFilterSet(WagtailFilterSet):
    rule = django_filters.ChoiceFilter(label=_("Rule"), choices=_rule_choices)
    wcag = django_filters.ChoiceFilter(
        label=_("WCAG criterion"), choices=_wcag_choices, method="filter_wcag"
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=Level.choices, field_name="latest__level"
    )
    impact = django_filters.ChoiceFilter(
        label=_("Impact"), choices=Impact.choices, field_name="latest__impact"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=StatusFilter.CHOICES,
        empty_label=_("Open, regressed and needs review"),
        method="filter_status",
    )
    fixer = django_filters.ChoiceFilter(
        label=_("Who can fix it"),
        choices=[("editor", _("Editor (page content)")), ("developer", _("Developer (template)"))],
        method="filter_fixer",
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Site section"), queryset=_sections, method="filter_section"
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Page owner"), queryset=_owners, field_name="page__owner"
    )
    review_owner = django_filters.ChoiceFilter(
        label=_("Review owner"), choices=_review_owner_choices, method="filter_review_owner"
    )
    #: A document's findings (docs/documents.md): its address, or part of it ("/documents/12/").
    address = django_filters.CharFilter(
        label=_("Page or document address contains"), field_name="url", lookup_expr="icontains"
    )

    class Meta:
        model = TrackedFinding
        fields: ClassVar[list[str]] = []

    def filter_status(self, queryset: TrackedFindingQuerySet, name: str, value: str) -> Any:
        return StatusFilter.apply(queryset, value)

    def filter_wcag(self, queryset: QuerySet[TrackedFinding], name: str, value: str) -> Any:
        # Stored as a JSON list of strings; the quotes keep 1.4.3 from matching 1.4.30.
        return queryset.filter(latest__wcag__icontains=f'"{value}"')

    def filter_fixer(self, queryset: QuerySet[TrackedFinding], name: str, value: str) -> Any:
        source = Source.CONTENT if value == "editor" else Source.TEMPLATE
        return queryset.filter(latest__source=source)

    def filter_section(self, queryset: QuerySet[TrackedFinding], name: str, value: Page) -> Any:
        return queryset.filter(page__path__startswith=value.path)

    def filter_review_owner(self, queryset: QuerySet[TrackedFinding], name: str, value: str) -> Any:
        """Findings on the pages the person, or the team, owns for review."""
        kind, _sep, number = value.partition(":")
        owner = int(number) if number.isdigit() else 0
        pages = [
            review.page_id
            for review in page_reviews()
            if (review.user_id if kind == "user" else review.group_id) == owner
        ]
        return queryset.filter(page_id__in=pages)


_IMPACT_RANK = Case(
    *[
        When(latest__impact=impact.value, then=Value(Impact.rank(impact.value)))
        for impact in Impact
    ],
    default=Value(-1),
    output_field=IntegerField(),
)


#: A template fault's element, the same on every page (``Finding.target_key``); blank for
#: page content, whose findings group by rule alone.
_TEMPLATE_KEY = Case(
    When(latest__source=Source.TEMPLATE, then=F("latest__target_key")),
    default=Value(""),
    output_field=CharField(),
)

#: How many page titles a report row lists before "and N more".
PAGES_LISTED = 20


class _AccessibilityReportView(ReportView):
    """What both report views share: the permission, the filters, the CSV safety."""

    header_icon = "glasses"
    filterset_class = FindingFilterSet
    #: Checked by Wagtail's ``PermissionCheckedMixin`` (part of ``ReportView``).
    permission_policy = permissions.policy
    permission_required = "view"
    request: HttpRequest

    def filter_queryset(self, queryset: TrackedFindingQuerySet) -> TrackedFindingQuerySet:
        filters = self.filters
        chosen = filters is not None and filters.is_valid() and filters.form.cleaned_data["status"]
        if not chosen:
            # No status (or a form that did not validate) means the current findings.
            queryset = StatusFilter.apply(queryset, StatusFilter.CURRENT)
        filtered: TrackedFindingQuerySet = super().filter_queryset(queryset)
        return filtered

    def get_base_queryset(self) -> TrackedFindingQuerySet:
        return permissions.visible_findings(self.request.user)

    @property
    def showing_advice(self) -> bool:
        return self.request.GET.get("status") == StatusFilter.ADVICE

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(*args, **kwargs)
        context["showing_advice"] = self.showing_advice
        if not self.showing_advice:
            # Advice is listed apart: say how much there is and where.
            context["advice_count"] = StatusFilter.apply(
                self.get_base_queryset(), StatusFilter.ADVICE
            ).count()
            context["advice_url"] = f"{self.index_url}?{urlencode({'status': StatusFilter.ADVICE})}"
        return context

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        processed = super().preprocess_field_value(field, value, export_format)
        # Wagtail's XLSX export stores formulas as text already; CSV has no cell types.
        return csv_safe(processed) if export_format == "csv" else processed


class AccessibilityReportView(_AccessibilityReportView):
    """Findings grouped by rule, worst first, with counts of pages and occurrences, and the
    pages' titles one click away. A fault in a template (the same element on many pages) is a
    row of its own, "on N pages": one fix mends them all."""

    page_title = _("Accessibility")
    verbose_name = _("rule")
    verbose_name_plural = _("rules")
    results_template_name = "audit/report/rules_results.html"
    export_filename = "accessibility-report"
    paginate_by = 50
    list_export: ClassVar[list[str]] = [
        "rule",
        "title",
        "impact",
        "pages",
        "occurrences",
        "in_content",
        "in_templates",
        "template_element",
        "page_titles",
    ]
    export_headings: ClassVar[dict[str, StrOrPromise]] = {
        "rule": _("Rule"),
        "title": _("What is wrong"),
        "impact": _("Worst impact"),
        "pages": _("Pages"),
        "occurrences": _("Occurrences"),
        "in_content": _("In page content"),
        "in_templates": _("In templates"),
        "template_element": _("Template element"),
        "page_titles": _("Affected pages"),
    }

    def get_queryset(self) -> TrackedFindingQuerySet:
        return self.get_base_queryset()

    def get_filtered_queryset(self) -> QuerySet[Any]:
        filtered = self.filter_queryset(self.get_queryset())
        return (
            filtered.order_by()
            .annotate(template_key=_TEMPLATE_KEY)
            .values("rule", "template_key")
            .annotate(
                template_element=Max(
                    Case(
                        When(latest__source=Source.TEMPLATE, then=F("latest__selector")),
                        default=Value(""),
                        output_field=CharField(),
                    )
                ),
                worst=Max(_IMPACT_RANK),
                pages=Count(
                    Coalesce(Concat(Value("page:"), "page_id", output_field=CharField()), "url"),
                    distinct=True,
                ),
                occurrences=Count("pk"),
                in_content=Count("pk", filter=Q(latest__source=Source.CONTENT)),
                in_templates=Count("pk", filter=Q(latest__source=Source.TEMPLATE)),
            )
            .order_by("-worst", "-occurrences", "rule", "template_key")
        )

    def affected_pages(
        self, rows: list[dict[str, Any]]
    ) -> dict[tuple[str, str], list[dict[str, str]]]:
        """The pages of each (rule, template element) row: title and a link, in one query."""
        found = (
            self.filter_queryset(self.get_queryset())
            .filter(rule__in={row["rule"] for row in rows})
            .annotate(template_key=_TEMPLATE_KEY)
            .values("rule", "template_key", "page_id", "page__title", "url")
            .order_by("page__title", "url")
            .distinct()
        )
        pages: dict[tuple[str, str], list[dict[str, str]]] = {}
        seen: set[tuple[str, str, str]] = set()
        for item in found:
            key = (item["rule"], item["template_key"])
            where = f"page:{item['page_id']}" if item["page_id"] else item["url"]
            if (*key, where) in seen:
                continue
            seen.add((*key, where))
            pages.setdefault(key, []).append(
                {
                    "title": item["page__title"] or item["url"],
                    "url": (
                        reverse("audit_editor:page_findings", args=[item["page_id"]])
                        if item["page_id"]
                        else ""
                    ),
                }
            )
        return pages

    def decorate_paginated_queryset(self, object_list: Any) -> list[dict[str, Any]]:
        impacts = [impact.value for impact in Impact]
        labels = dict(Impact.choices)
        rows = []
        query = {
            key: value
            for key, value in self.request.GET.items()
            if key not in {"p", "export", "rule"} and value
        }
        object_list = list(object_list)
        pages = self.affected_pages(object_list)
        for row in object_list:
            help_text = help_for(row["rule"])
            listed = pages.get((row["rule"], row["template_key"]), [])
            filters = {**query, "rule": row["rule"]}
            if row["template_key"]:
                filters["fixer"] = "developer"
            worst = row["worst"]
            # Minor ranks 0: test for a known rank, never for a truthy one.
            impact = impacts[worst] if worst is not None and 0 <= worst < len(impacts) else ""
            rows.append(
                {
                    **row,
                    "title": help_text.title if help_text else row["rule"],
                    "impact": labels.get(impact, ""),
                    "impact_value": impact,
                    "findings_url": reverse("audit_report:findings") + "?" + urlencode(filters),
                    "affected_pages": listed[:PAGES_LISTED],
                    "more_pages": max(0, len(listed) - PAGES_LISTED),
                    "page_titles": "; ".join(page["title"] for page in listed),
                    "rule_url": reverse("audit_rules:detail", args=[row["rule"]]),
                }
            )
        return rows

    def to_row_dict(self, item: dict[str, Any]) -> dict[str, Any]:
        if "title" not in item:
            item = self.decorate_paginated_queryset([item])[0]
        row: dict[str, Any] = super().to_row_dict(item)
        return row


class FindingsReportView(_AccessibilityReportView):
    """Every finding (one row per element), with links to edit and to view its page."""

    page_title = _("Accessibility findings")
    verbose_name = _("finding")
    verbose_name_plural = _("findings")
    results_template_name = "audit/report/findings_results.html"
    export_filename = "accessibility-findings"
    paginate_by = 50
    list_export: ClassVar[list[str]] = [
        "rule",
        "latest.help",
        "latest.get_impact_display",
        "get_status_display",
        "get_outcome_display",
        "latest.get_source_display",
        "page_title",
        "url",
        "latest.selector",
        "latest.html",
        "latest.message",
        "wcag_criteria",
        "first_seen.created_at",
    ]
    export_headings: ClassVar[dict[str, StrOrPromise]] = {
        "rule": _("Rule"),
        "latest.help": _("What is wrong"),
        "latest.get_impact_display": _("Impact"),
        "get_status_display": _("Status"),
        "get_outcome_display": _("Outcome"),
        "latest.get_source_display": _("Who can fix it"),
        "page_title": _("Page"),
        "url": _("URL"),
        "latest.selector": _("Element"),
        "latest.html": _("Snippet"),
        "latest.message": _("Details"),
        "wcag_criteria": _("WCAG criteria"),
        "first_seen.created_at": _("First seen"),
    }

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *super().get_breadcrumbs_items()[:-1],
            {"url": reverse("audit_report:index"), "label": _("Accessibility")},
            {"url": "", "label": self.page_title},
        ]

    def get_queryset(self) -> TrackedFindingQuerySet:
        return (
            self.get_base_queryset()
            .select_related("latest", "page", "first_seen")
            .annotate(worst=_IMPACT_RANK)
            .order_by("-worst", "rule", "url", "pk")
        )

    def decorate_paginated_queryset(self, object_list: Any) -> Any:
        for tracked in object_list:
            page = tracked.page
            tracked.page_title = page.get_admin_display_title() if page else ""
            tracked.live_url = page.full_url if page is not None and page.live else ""
            tracked.wcag_criteria = ", ".join(tracked.latest.wcag) if tracked.latest else ""
        return object_list

    def to_row_dict(self, item: TrackedFinding) -> dict[str, Any]:
        if not hasattr(item, "page_title"):
            self.decorate_paginated_queryset([item])
        row: dict[str, Any] = super().to_row_dict(item)
        return row
