"""One page's findings, where its editors are: the editor panel, "Audit this page now",
dismissing and undoing, "show me" in the draft, and the content checks on the draft.

Everything works as plain HTML forms and links (each action redirects back); the panel's
script only polls while an audit runs. Findings' snippets, selectors and messages come from the
audited pages: templates print them autoescaped, never marked safe.

Every view checks the person may edit the page (:func:`_editable_page`) or see the finding, and
each action its audit permission (:mod:`audit.admin.permissions`). The work is done elsewhere:
:mod:`audit.admin.findings` (what the panel lists), :mod:`audit.admin.page_checks` (the draft),
:mod:`audit.admin.page_audits` (queueing an audit), :mod:`audit.storage.dismissals`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from audit.admin import permissions
from audit.admin.findings import page_findings
from audit.admin.forms import DismissForm
from audit.admin.page_audits import AuditRequest, audit_pending, request_page_audit
from audit.admin.page_checks import draft_checks, render_draft
from audit.checks.help import help_for
from audit.core.enums import DismissalScope, FindingStatus
from audit.runs.weight import weight_summary
from audit.storage.dismissals import dismiss, undo
from audit.storage.models import Dismissal, TrackedFinding


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


def _findings_url(page_id: int | None) -> str:
    """Where to go back to after acting on a finding: its page's screen, or the report."""
    if page_id:
        return reverse("audit_editor:page_findings", args=[page_id])
    return reverse("audit_report:findings")


def panel_context(request: HttpRequest, page: Page, **extra: Any) -> dict[str, Any]:
    """What ``audit/editor/panel.html`` needs to show ``page``'s findings to ``request.user``."""
    user = request.user
    return {
        "page": page,
        "findings": page_findings(page),
        "weight": weight_summary(page),
        "can_audit": permissions.can_audit_page(user, page),
        "can_dismiss": permissions.can_dismiss(user),
        "can_undo": permissions.can_dismiss(user),
        "page_url": reverse("audit_editor:page_findings", args=[page.pk]),
        "panel_url": reverse("audit_editor:panel", args=[page.pk]),
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
    extra: dict[str, Any] = {
        "next_url": request.GET.get("next", ""),
        # Fetched by the script inside the page editor's Checks panel.
        "in_editor": bool(request.GET.get("editor")),
    }
    if request.GET.get("draft"):
        extra["draft"] = draft_checks(page, request)
    context = panel_context(request, page, **extra)
    return TemplateResponse(request, "audit/editor/panel.html", context)


def page_audit_status(request: HttpRequest, page_id: int) -> JsonResponse:
    """Whether an audit of the page is under way: the small answer the panel's script polls
    (it then fetches the panel once, when the audit is done)."""
    page = _editable_page(request, page_id)
    # Not cached: Wagtail's admin URLs are all ``never_cache``.
    return JsonResponse(
        {
            "auditing": audit_pending(page.pk),
            "panel_url": reverse("audit_editor:panel", args=[page.pk]),
        }
    )


#: What "Audit this page now" says, by outcome.
AUDIT_MESSAGES = {
    AuditRequest.NOT_LIVE: (messages.error, gettext_lazy("Only published pages can be audited.")),
    AuditRequest.ALREADY_PENDING: (
        messages.info,
        gettext_lazy("This page is being audited already."),
    ),
    AuditRequest.QUEUED: (
        messages.success,
        gettext_lazy("Auditing this page. The results appear here in a minute or so."),
    ),
}


@require_POST
def audit_page_now(request: HttpRequest, page_id: int) -> HttpResponse:
    """Queue an audit of the page and come straight back: the panel shows "Auditing..."."""
    page = _editable_page(request, page_id)
    if not permissions.can_audit_page(request.user, page):
        raise PermissionDenied
    show, text = AUDIT_MESSAGES[request_page_audit(page)]
    show(request, str(text))
    return HttpResponseRedirect(_next_url(request, _findings_url(page.pk)))


def dismiss_finding(request: HttpRequest, pk: int) -> HttpResponse:
    """The dismiss form (GET), and dismissing (POST): a reason is required."""
    tracked = get_object_or_404(TrackedFinding.objects.with_latest(), pk=pk)
    user = request.user
    if not permissions.can_dismiss_finding(user, tracked, DismissalScope.PAGE):
        raise PermissionDenied
    if tracked.status not in {FindingStatus.OPEN, FindingStatus.REGRESSED}:
        raise Http404("This finding is not open.")
    allow_site = permissions.can_dismiss_finding(user, tracked, DismissalScope.SITE)
    next_url = _next_url(request, _findings_url(tracked.page_id))
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
    return HttpResponseRedirect(_next_url(request, _findings_url(dismissal.page_id)))


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
