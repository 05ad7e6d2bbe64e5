"""Small helpers the structural rules (tables, forms, markup) share."""

from __future__ import annotations

from lxml.html import HtmlElement

from audit.checks.content.document import ContentDocument, is_hidden


def hidden_within(element: HtmlElement) -> bool:
    """Hidden by markup, itself or through an ancestor (no CSS is applied here)."""
    return any(is_hidden(node) for node in (element, *element.iterancestors()))


def visible(document: ContentDocument, *tags: str) -> list[HtmlElement]:
    """The page's elements with one of ``tags`` that are not hidden, in document order;
    worked out once per tag set."""
    key = "visible " + " ".join(tags)
    if key not in document.memo:
        wanted = frozenset(tags)
        document.memo[key] = [
            e for e in document.all_elements if e.tag in wanted and not hidden_within(e)
        ]
    found: list[HtmlElement] = document.memo[key]
    return found
