"""One page's findings, where its editors are: the editor panel, "Audit this page now",
dismissing and undoing, "show me" in the draft, and the content checks on the draft.

Everything works as plain HTML forms and links (each action redirects back); the panel's
script only polls while an audit runs. Findings' snippets, selectors and messages come from the
audited pages: templates print them autoescaped, never marked safe.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.blocks import StreamValue
from wagtail.models import Page

from audit.admin import permissions
from audit.checks.help import RuleHelp, help_for
from audit.core.enums import DismissalReason, DismissalScope, FindingStatus, Impact, Outcome, Source
from audit.storage.dismissals import dismiss, undo
from audit.storage.models import Dismissal, PageResult, TrackedFinding
from audit.storage.terms import load_terms

logger = logging.getLogger(__name__)

#: How long "Auditing..." shows at most: a page audit that takes longer has gone wrong.
AUDIT_PENDING_FOR = datetime.timedelta(minutes=10)


# Reading the page's findings ---------------------------------------------------------------


@dataclass
class FindingView:
    """A tracked finding with what the panel says about it."""

    tracked: TrackedFinding
    help: RuleHelp | None
    block_label: str = ""
    dismissal: Dismissal | None = None

    @property
    def finding(self) -> Any:
        return self.tracked.latest

    @property
    def is_content(self) -> bool:
        return bool(self.finding and self.finding.source == Source.CONTENT)

    @property
    def impact_label(self) -> str:
        return Impact(self.finding.impact).label if self.finding else ""


@dataclass
class PageFindings:
    page: Page
    current: list[FindingView] = field(default_factory=list)
    dismissed: list[FindingView] = field(default_factory=list)
    last_audited: datetime.datetime | None = None
    auditing: bool = False

    @property
    def violations(self) -> list[FindingView]:
        return [f for f in self.current if f.tracked.outcome == Outcome.VIOLATION]

    @property
    def needs_review(self) -> list[FindingView]:
        return [f for f in self.current if f.tracked.outcome == Outcome.NEEDS_REVIEW]


def _pending_key(page_id: int) -> str:
    return f"audit:page-audit-pending:{page_id}"


def mark_audit_pending(page_id: int) -> None:
    cache.set(_pending_key(page_id), timezone.now(), AUDIT_PENDING_FOR.total_seconds())


def audit_pending(page_id: int) -> bool:
    """True from "Audit this page now" until an audit of the page is stored (or times out)."""
    since = cache.get(_pending_key(page_id))
    if since is None:
        return False
    if PageResult.objects.filter(page_id=page_id, audited_at__gte=since).exists():
        cache.delete(_pending_key(page_id))
        return False
    return True


def block_labels(page: Page) -> dict[tuple[str, str], str]:
    """``(field name, block id) -> label`` for the StreamField blocks of the page's draft."""
    labels: dict[tuple[str, str], str] = {}
    draft = page.specific.get_latest_revision_as_object()

    def walk(field_name: str, value: Any, parent: str = "") -> None:
        for child in value:
            label = str(child.block.label or child.block_type)
            full = f"{parent} \u203a {label}" if parent else label
            if child.id:
                labels[(field_name, child.id)] = full
            if isinstance(child.value, StreamValue):
                walk(field_name, child.value, full)

    for model_field in draft._meta.get_fields():
        value = getattr(draft, model_field.name, None) if hasattr(model_field, "attname") else None
        if isinstance(value, StreamValue):
            walk(model_field.name, value)
    return labels


def page_findings(page: Page) -> PageFindings:
    """The page's current and dismissed findings from its last audits."""
    tracked = list(
        TrackedFinding.objects.for_page(page)
        .filter(status__in=[FindingStatus.OPEN, FindingStatus.REGRESSED, FindingStatus.DISMISSED])
        .with_latest()
        .order_by("rule", "pk")
    )
    labels: dict[tuple[str, str], str] = {}
    if any(t.latest and t.latest.block_id for t in tracked):
        try:
            labels = block_labels(page)
        except Exception:  # a revision that no longer loads must not hide the findings
            logger.exception("Could not read the blocks of page %s", page.pk)
    dismissals = {
        (d.scope, d.fingerprint if d.scope == DismissalScope.PAGE else d.target_key): d
        for d in Dismissal.objects.active().filter(rule__in={t.rule for t in tracked})
    }
    result = PageFindings(page=page, auditing=audit_pending(page.pk))
    for item in tracked:
        latest = item.latest
        view = FindingView(
            tracked=item,
            help=help_for(
                item.rule,
                help=latest.help if latest else "",
                message=latest.message if latest else "",
                help_url=latest.help_url if latest else "",
            ),
            block_label=labels.get((latest.region, latest.block_id), "") if latest else "",
        )
        if item.status == FindingStatus.DISMISSED:
            view.dismissal = dismissals.get(
                (DismissalScope.PAGE, item.fingerprint)
            ) or dismissals.get((DismissalScope.SITE, latest.target_key if latest else ""))
            result.dismissed.append(view)
        else:
            result.current.append(view)
    result.current.sort(key=lambda f: -Impact.rank(f.finding.impact if f.finding else ""))
    last = PageResult.objects.filter(page=page).order_by("-audited_at").first()
    result.last_audited = last.audited_at if last else None
    return result


# Checks on the draft ------------------------------------------------------------------------


@dataclass
class DraftIssue:
    issue: Any
    help: RuleHelp | None


@dataclass
class DraftChecks:
    issues: list[DraftIssue]
    readability: Any = None
    #: The sentences above the target reading age, hardest first (at most five).
    hard_sentences: list[Any] = field(default_factory=list)
    error: str = ""


def render_draft(page: Page, request: HttpRequest) -> str:
    """The HTML of the page's latest revision, as its preview renders it."""
    draft = page.specific.get_latest_revision_as_object()
    response = draft.make_preview_request(request, draft.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    return response.content.decode(response.charset or "utf-8")


def draft_checks(page: Page, request: HttpRequest) -> DraftChecks:
    """Clearway's content rules on the page's draft: advice, never a reason not to save."""
    from audit.checks.content import SiteTitles, check_html, reading_age_report
    from audit.core.conf import audit_settings

    try:
        html = render_draft(page, request)
    except Exception:  # a draft that cannot render is the preview's business, not ours
        logger.exception("Could not render the draft of page %s", page.pk)
        return DraftChecks(issues=[], error=_("Your draft could not be shown, so not checked."))
    config = audit_settings()
    url = page.full_url or ""
    # The site's other pages (4 queries): a draft's title may repeat another page's.
    issues = check_html(
        html,
        url=url,
        config=config,
        site_titles=SiteTitles.from_wagtail(),
        terms=load_terms(),
    )
    readability = reading_age_report(html, config=config)
    hard = [s for s in readability.sentences if s.reading_age > readability.target][:5]
    return DraftChecks(
        issues=[DraftIssue(issue=issue, help=help_for(issue.rule)) for issue in issues],
        readability=readability,
        hard_sentences=hard,
    )


# Views --------------------------------------------------------------------------------------


def _editable_page(request: HttpRequest, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not permissions.can_edit_page(request.user, page):
        raise PermissionDenied
    return page


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def panel_context(request: HttpRequest, page: Page, **extra: Any) -> dict[str, Any]:
    """What ``audit/editor/panel.html`` needs to show ``page``'s findings to ``request.user``."""
    user = request.user
    findings = page_findings(page)
    return {
        "page": page,
        "findings": findings,
        "can_audit": permissions.can_audit_page(user, page),
        "can_dismiss": permissions.can_dismiss(user),
        "can_undo": permissions.can_dismiss(user),
        "page_url": reverse("audit_admin:page_findings", args=[page.pk]),
        "panel_url": reverse("audit_admin:page_findings_panel", args=[page.pk]),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        **extra,
    }


def page_findings_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """The page's findings and the checks on its draft, as a whole admin screen."""
    page = _editable_page(request, page_id)
    context = panel_context(request, page, draft=draft_checks(page, request))
    return TemplateResponse(request, "audit/editor/page_findings.html", context)


def page_findings_panel(request: HttpRequest, page_id: int) -> HttpResponse:
    """The editor panel's fragment, also fetched by its script while an audit runs."""
    page = _editable_page(request, page_id)
    extra: dict[str, Any] = {"next_url": request.GET.get("next", "")}
    if request.GET.get("draft"):
        extra["draft"] = draft_checks(page, request)
    context = panel_context(request, page, **extra)
    return TemplateResponse(request, "audit/editor/panel.html", context)


@require_POST
def audit_page_now(request: HttpRequest, page_id: int) -> HttpResponse:
    """Queue an audit of the page and come straight back: the panel shows "Auditing..."."""
    from audit.tasks import audit_page

    page = _editable_page(request, page_id)
    if not permissions.can_audit_page(request.user, page):
        raise PermissionDenied
    if not page.live:
        messages.error(request, _("Only published pages can be audited."))
    elif audit_pending(page.pk):
        messages.info(request, _("This page is being audited already."))
    else:
        mark_audit_pending(page.pk)
        audit_page.enqueue(page.pk)
        messages.success(
            request, _("Auditing this page. The results appear here in a minute or so.")
        )
    return HttpResponseRedirect(
        _next_url(request, reverse("audit_admin:page_findings", args=[page.pk]))
    )


class DismissForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why does this need no fix?"),
        choices=DismissalReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Explain, for the people who read this later"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    scope = forms.ChoiceField(
        label=_("Dismiss it on"),
        choices=DismissalScope.choices,
        initial=DismissalScope.PAGE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, allow_site: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_site:
            self.fields["scope"].choices = [(DismissalScope.PAGE.value, DismissalScope.PAGE.label)]


def dismiss_finding(request: HttpRequest, pk: int) -> HttpResponse:
    """The dismiss form (GET), and dismissing (POST): a reason is required."""
    tracked = get_object_or_404(TrackedFinding.objects.with_latest(), pk=pk)
    user = request.user
    if not permissions.can_dismiss_finding(user, tracked, DismissalScope.PAGE):
        raise PermissionDenied
    if tracked.status not in {FindingStatus.OPEN, FindingStatus.REGRESSED}:
        raise Http404("This finding is not open.")
    allow_site = permissions.can_dismiss_finding(user, tracked, DismissalScope.SITE)
    default_next = (
        reverse("audit_admin:page_findings", args=[tracked.page_id])
        if tracked.page_id
        else reverse("audit_admin:findings")
    )
    next_url = _next_url(request, default_next)
    form = DismissForm(request.POST or None, allow_site=allow_site)
    if request.method == "POST" and form.is_valid():
        try:
            dismiss(tracked, user=user, **form.cleaned_data)
        except ValidationError as error:
            for name, field_errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, field_errors)
        else:
            messages.success(request, _("Finding dismissed. You can undo this."))
            return HttpResponseRedirect(next_url)
    latest = tracked.latest
    context = {
        "tracked": tracked,
        "help": help_for(
            tracked.rule,
            help=latest.help if latest else "",
            message=latest.message if latest else "",
        ),
        "form": form,
        "next_url": next_url,
        "page": tracked.page,
    }
    return TemplateResponse(request, "audit/editor/dismiss.html", context)


@require_POST
def undo_dismissal(request: HttpRequest, pk: int) -> HttpResponse:
    dismissal = get_object_or_404(Dismissal, pk=pk)
    if not permissions.can_undo(request.user, dismissal):
        raise PermissionDenied
    undo(dismissal, user=request.user)
    messages.success(request, _("Dismissal undone."))
    default = (
        reverse("audit_admin:page_findings", args=[dismissal.page_id])
        if dismissal.page_id
        else reverse("audit_admin:findings")
    )
    return HttpResponseRedirect(_next_url(request, default))


def show_in_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Show me": the page's draft with the finding's element outlined and scrolled to.

    The element's selector comes from the audited page: it only ever reaches
    ``document.querySelector`` through an escaped attribute, never a stylesheet or a script.
    """
    tracked = get_object_or_404(TrackedFinding.objects.with_latest(), pk=pk)
    if tracked.page_id is None or tracked.latest is None:
        raise Http404("Only findings on Wagtail pages can be shown in the draft.")
    page = _editable_page(request, tracked.page_id)
    html = render_draft(page, request)
    help_text = help_for(tracked.rule, help=tracked.latest.help)
    script = format_html(
        '<script src="{}" data-clearway-highlight="{}" data-clearway-label="{}" defer></script>',
        static("audit/highlight.js"),
        tracked.latest.selector,
        help_text.title if help_text else tracked.rule,
    )
    head_end = html.lower().rfind("</head>")
    html = html[:head_end] + script + html[head_end:] if head_end >= 0 else script + html
    response = HttpResponse(html)
    # Draft content must never be cached or framed by other sites.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
