"""Helpers for the content rule tests: a page around some body HTML, and one rule's issues.

``page(body)`` is a whole, accessible page (title, meta description, a link to the
accessibility statement) whose ``<main>`` holds ``body`` in an editor content region, so each
test shows only the markup it is about. ``issues(html, rule)`` runs every content rule, as the
audit does, and keeps the given rule's issues.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from audit.checks.content import DEFAULT_TERMS, PlainTerm, SiteTitles, check_html
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings

URL = "https://www.anytown.gov.uk/council-tax/pay/"
STATEMENT_FOOTER = (
    '<footer><a href="/accessibility-statement/">Accessibility statement</a></footer>'
)


def page(
    body: str,
    *,
    title: str = "Pay your council tax - Anytown Borough Council",
    description: str | None = "How to pay your council tax: online, by phone or Direct Debit.",
    region: bool = True,
    footer: str = STATEMENT_FOOTER,
    head: str = "",
) -> str:
    meta = f'<meta name="description" content="{description}">' if description is not None else ""
    content = f'<div class="body" data-clearway-content="body">{body}</div>' if region else body
    return (
        f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
        f'{meta}{head}</head><body><header><a href="/">Anytown Borough Council</a></header>'
        f'<main id="main"><h1>Pay your council tax</h1>{content}</main>{footer}</body></html>'
    )


def issues(
    html: str,
    rule: str,
    *,
    url: str = URL,
    config: AuditSettings | None = None,
    site_titles: SiteTitles | None = None,
    terms: Sequence[PlainTerm] = DEFAULT_TERMS,
    order: int | None = None,
) -> list[Issue]:
    found = check_html(
        html,
        url=url,
        config=config or AuditSettings(),
        site_titles=site_titles,
        terms=terms,
        order=order,
    )
    return [issue for issue in found if issue.rule == rule]


@pytest.fixture
def config() -> AuditSettings:
    return AuditSettings()
