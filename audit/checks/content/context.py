"""What every content check receives, and the one way they make an :class:`Issue`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml.html import HtmlElement

from audit.checks.content.document import ContentDocument
from audit.checks.issues import Issue
from audit.core.enums import Outcome, Source

if TYPE_CHECKING:
    from audit.checks.content.resources import Resources
    from audit.checks.content.titles import SiteTitles
    from audit.checks.content.words import PlainTerm


@dataclass(frozen=True)
class CheckContext:
    """One page's check: its URL, the rule's options (defaults with overrides), and the
    site-wide data some rules compare with."""

    url: str
    options: Mapping[str, Any] = field(default_factory=dict)
    site_titles: SiteTitles | None = None
    #: The page's place in the run (pages are compared with those before it in a growing
    #: :class:`SiteTitles`); None outside a run.
    order: int | None = None
    terms: Sequence[PlainTerm] = ()
    #: Query parameters that do not change a link's destination (``utm_*``...).
    tracking_parameters: tuple[str, ...] = ()
    #: Rule ids that are switched on for this run (a rule may defer to another's finding).
    enabled: frozenset[str] = frozenset()
    #: Reads files the page refers to (its images), once per run; None: rules that need
    #: them find nothing (the page editor's checks).
    resources: Resources | None = None


def element_issue(
    document: ContentDocument,
    rule: str,
    element: HtmlElement,
    message: str,
    *,
    html: str | None = None,
    outcome: Outcome = Outcome.VIOLATION,
) -> Issue:
    """An issue about ``element``: its selector, snippet and who can fix it."""
    where = document.where(element)
    return Issue(
        rule=rule,
        selector=document.selector(element),
        html=html if html is not None else document.snippet(element),
        message=message,
        outcome=outcome,
        source=where.source,
        region=where.region,
        block_id=where.block_id,
    )


def page_issue(
    rule: str,
    message: str,
    *,
    selector: str = "html",
    html: str = "",
    source: Source = Source.TEMPLATE,
    region: str = "",
) -> Issue:
    """An issue about the whole page (its title, its reading age...)."""
    return Issue(
        rule=rule, selector=selector, html=html, message=message, source=source, region=region
    )


def quote(text: str, limit: int = 80) -> str:
    """``text`` in curly quotes for a message, cut at ``limit`` characters."""
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
