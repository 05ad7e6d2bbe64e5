"""Content rules: computed server side from a page's rendered HTML (and the editor's draft).

One call per page, :func:`check_html`, parses the HTML once and runs every enabled content
rule on it; :func:`reading_age_report` gives the editor's panel the reading age with each
sentence scored. The rules are declared in :mod:`.rules` (the catalogue entries) and checked by
one module per concern: :mod:`.links`, :mod:`.readability`, :mod:`.words`, :mod:`.style`,
:mod:`.titles`, :mod:`.images` and :mod:`.statement`, all reading a
:class:`~.document.ContentDocument`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from audit.checks.catalogue import get_rule
from audit.checks.content.context import CheckContext
from audit.checks.content.document import ContentDocument
from audit.checks.content.readability import (
    READING_AGE,
    ReadabilityReport,
    SentenceScore,
    analyse_readability,
)
from audit.checks.content.resources import Resource, Resources
from audit.checks.content.rules import CHECKS
from audit.checks.content.titles import SiteTitles
from audit.checks.content.words import DEFAULT_TERMS, PlainTerm
from audit.checks.issues import Issue
from audit.core.conf import AuditSettings

__all__ = [
    "DEFAULT_TERMS",
    "PlainTerm",
    "ReadabilityReport",
    "Resource",
    "Resources",
    "SentenceScore",
    "SiteTitles",
    "check_html",
    "content_rule_ids",
    "reading_age_report",
]

logger = logging.getLogger(__name__)


def content_rule_ids() -> tuple[str, ...]:
    """Every content rule's id, in catalogue order."""
    return tuple(CHECKS)


def check_html(
    html: str,
    *,
    url: str,
    config: AuditSettings,
    site_titles: SiteTitles | None = None,
    terms: Sequence[PlainTerm],
    order: int | None = None,
    resources: Resources | None = None,
) -> list[Issue]:
    """Every enabled content rule on one rendered page. Never raises on bad HTML (returns []
    for empty).

    ``url`` is the page's address (links are resolved against it; the home page may be
    called "Home"). ``site_titles`` enables the duplicate title and description rules (and
    records this page, at ``order`` in the run, when it grows during a run).
    ``terms`` is the list of words to avoid: :data:`DEFAULT_TERMS`, or the editors' list
    (:func:`audit.storage.terms.load_terms`, one query), loaded once for a run of many pages.
    ``resources`` reads the images the page shows, for the animated GIF rule (none: that rule
    finds nothing).
    """
    document = ContentDocument(html)
    if document.empty:
        return []
    if site_titles is not None:
        site_titles.record(url, document.title, document.meta_description, order)
    enabled = frozenset(rule_id for rule_id in CHECKS if config.rule_enabled(rule_id))
    terms_tuple = tuple(terms)
    issues: list[Issue] = []
    for rule_id, check in CHECKS.items():
        if rule_id not in enabled:
            continue
        context = CheckContext(
            url=url,
            options=config.rule_options(get_rule(rule_id)),
            site_titles=site_titles,
            order=order,
            terms=terms_tuple,
            tracking_parameters=config.TRACKING_PARAMETERS,
            enabled=enabled,
            resources=resources,
        )
        try:
            issues.extend(check(document, context))
        except Exception:  # one rule's bug must not cost the page its other findings
            logger.exception("Content rule %s failed on %s", rule_id, url)
    return issues


def reading_age_report(html: str, *, config: AuditSettings) -> ReadabilityReport:
    """For the editor: the page's reading age and its sentences with their own scores,
    hardest first."""
    options = config.rule_options(get_rule(READING_AGE))
    return analyse_readability(
        ContentDocument(html),
        target=float(options["target"]),
        min_words=int(options["min_words"]),
        tolerance=float(options.get("tolerance", 0)),
    )
