"""A help page per rule, for editors: what it checks, why it matters, how to fix it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from audit.checks.catalogue import all_rules
from audit.checks.help import help_for
from audit.storage.models import Finding


def rule_help(request: HttpRequest, rule_id: str) -> HttpResponse:
    """Open to everyone who can use the admin: the help says nothing about any page."""
    latest = (
        Finding.objects.filter(rule=rule_id)
        .order_by("-pk")
        .values("help", "message", "help_url", "wcag", "level", "outcome")
        .first()
    )
    help_text = help_for(
        rule_id,
        help=latest["help"] if latest else "",
        message=latest["message"] if latest else "",
        help_url=latest["help_url"] if latest else "",
    )
    if help_text is None:
        raise Http404("No such rule.")
    wcag = help_text.wcag or tuple(latest["wcag"] if latest else ())
    # What the rule reports: Clearway's rules say in the catalogue; axe's, in their findings.
    catalogued = all_rules().get(rule_id)
    outcome = catalogued.outcome if catalogued else (latest["outcome"] if latest else "")
    context = {
        "rule": help_text,
        "wcag": wcag,
        "outcome": str(outcome or ""),
        "page_title": help_text.title,
    }
    return TemplateResponse(request, "audit/rules/rule.html", context)
