"""Every page links to the accessibility statement (a legal duty for public sector websites:
the Public Sector Bodies Accessibility Regulations 2018)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from audit.checks.content.context import CheckContext, page_issue
from audit.checks.content.document import ContentDocument, accessible_name
from audit.checks.issues import Issue

STATEMENT_LINK = "clearway-accessibility-statement-link"


def _path(href: str) -> str:
    return unquote(urlsplit(href.strip()).path).rstrip("/").lower()


def _is_the_statement(document: ContentDocument, url: str, extra: set[str]) -> bool:
    """The statement itself need not link to itself: its address or its title says it is."""
    path = _path(url)
    if path in extra or "accessibility" in path:
        return True
    return "accessibility statement" in (document.title or "").lower()


def check_statement_link(document: ContentDocument, context: CheckContext) -> list[Issue]:
    if document.root is None:
        return []
    extra = {_path(p) for p in context.options.get("statement_paths", ()) if _path(p)}
    if _is_the_statement(document, context.url, extra):
        return []
    for link in document.links:
        href = link.get("href") or ""
        if "accessibility" in href.lower() or _path(href) in extra:
            return []
        if "accessibility" in accessible_name(document, link).lower():
            return []
    body = document.root.find("body")
    return [
        page_issue(
            STATEMENT_LINK,
            "This page has no link to the accessibility statement. Public sector websites "
            "must publish one and link to it from every page, usually in the footer.",
            selector="body",
            html=document.opening_tag(body) if body is not None else "<body>",
        )
    ]
