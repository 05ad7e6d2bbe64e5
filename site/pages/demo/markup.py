"""Small helpers that let the content modules read like content.

Each block helper returns a ``(block_type, value)`` pair for ``ServiceBodyBlock``. Rich text is
Wagtail's stored HTML; a link whose address starts with "/" points at a seeded page and is
turned into a page link by the builder, so it keeps working if the page moves.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape
from typing import Any

from django.utils import timezone

from pages.models import (
    GuidePage,
    GuidePartPage,
    NewsPage,
    ServiceCategoryPage,
    ServicePage,
    StepByStepPage,
)

from .specs import ContactRef, DocumentRef, ImageRef, PageRef, PageSpec

Block = tuple[str, Any]

#: Rich text parts that are already blocks of their own, not text for a paragraph.
BLOCK_TAGS = ("<p>", "<ul>", "<ol>")


# Inline text -----------------------------------------------------------------------------


def a(href: str, text: str) -> str:
    """A link. The text must make sense on its own, out of context."""
    return f'<a href="{escape(href)}">{escape(text, quote=False)}</a>'


def b(text: str) -> str:
    """Bold, for the one thing on a line that matters most."""
    return f"<b>{escape(text, quote=False)}</b>"


def ul(*items: str) -> str:
    """A bulleted list. Items may hold inline markup from ``a`` and ``b``."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items: str) -> str:
    """A numbered list inside a paragraph block."""
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def rich(*parts: str) -> str:
    """Join paragraphs and lists into rich text; plain strings become paragraphs."""
    return "".join(part if part.startswith(BLOCK_TAGS) else f"<p>{part}</p>" for part in parts)


# Body blocks -----------------------------------------------------------------------------


def h2(text: str) -> Block:
    return ("heading", {"text": text, "level": "h2"})


def h3(text: str) -> Block:
    return ("heading", {"text": text, "level": "h3"})


def p(*parts: str) -> Block:
    """A paragraph block: one or more paragraphs and lists."""
    return ("paragraph", rich(*parts))


def inset(*parts: str) -> Block:
    return ("inset_text", rich(*parts))


def warning(text: str) -> Block:
    return ("warning_text", text)


def steps(*items: str) -> Block:
    return ("numbered_steps", [rich(item) for item in items])


def start(url: str, label: str = "Start now") -> Block:
    return ("start_button", {"url": url, "label": label})


def details(summary: str, *parts: str) -> Block:
    return ("details", {"summary": summary, "body": rich(*parts)})


def contact(key: str) -> Block:
    return ("contact", ContactRef(key))


def table(caption: str, header: list[str], *rows: list[str]) -> Block:
    """A table with a caption and a header row. The first cell of each row labels the row."""
    return (
        "table",
        {
            "data": [header, *rows],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_header_choice": "both",
            "table_caption": caption,
        },
    )


def image(key: str, alt_text: str, caption: str = "") -> Block:
    return (
        "image",
        {"image": ImageRef(key), "alt_text": alt_text, "decorative": False, "caption": caption},
    )


def document(key: str, label: str) -> Block:
    return ("document", {"document": DocumentRef(key), "label": label})


# Links outside the body --------------------------------------------------------------------


def link(target: str, text: str = "") -> Block:
    """A related link or top task: a seeded page ("/path/") or another website ("https://...")."""
    if target.startswith("/"):
        return ("link", {"page": PageRef(target), "url": "", "text": text})
    return ("link", {"page": None, "url": target, "text": text})


def links(*targets: str | tuple[str, str]) -> list[Block]:
    """Several links: a page address, or an (address, text) pair."""
    return [link(*t) if isinstance(t, tuple) else link(t) for t in targets]


def step(title: str, body: str, *targets: str | tuple[str, str]) -> Block:
    """One step of a step-by-step journey, with links to the pages that help."""
    return (
        "step",
        {"title": title, "body": rich(body), "links": [value for _, value in links(*targets)]},
    )


# Pages -------------------------------------------------------------------------------------


def category(slug: str, title: str, summary: str, *children: PageSpec) -> PageSpec:
    """A service category: a landing page listing the pages below it."""
    return PageSpec(ServiceCategoryPage, slug, title, summary, children=children)


def service(
    slug: str,
    title: str,
    summary: str,
    *body: Block,
    related: Sequence[str] = (),
    contents: bool = False,
) -> PageSpec:
    """A service page, with related links to other pages on this site; ``contents`` lists its
    headings at the top."""
    return PageSpec(
        ServicePage,
        slug,
        title,
        summary,
        fields={"body": list(body), "related_links": links(*related), "show_contents": contents},
    )


def guide(
    slug: str, title: str, summary: str, *body: Block, parts: Sequence[PageSpec] = ()
) -> PageSpec:
    """A guide in parts. Its own body is part 1."""
    return PageSpec(
        GuidePage, slug, title, summary, fields={"body": list(body)}, children=tuple(parts)
    )


def part(slug: str, title: str, summary: str, *body: Block) -> PageSpec:
    """One part of a guide after the first."""
    return PageSpec(GuidePartPage, slug, title, summary, fields={"body": list(body)})


def step_by_step(slug: str, title: str, summary: str, *journey: Block) -> PageSpec:
    return PageSpec(StepByStepPage, slug, title, summary, fields={"steps": list(journey)})


def news(slug: str, title: str, summary: str, days_ago: int, *body: Block) -> PageSpec:
    """A news story, dated ``days_ago`` days before the day it is first seeded."""
    return PageSpec(
        NewsPage,
        slug,
        title,
        summary,
        fields={"body": list(body)},
        initial={"date": timezone.localdate() - datetime.timedelta(days=days_ago)},
    )
