"""Clearway's rules as the audit runs them: content rules on each fetched page's HTML.

(The browser rules run inside :class:`audit.runner.BrowserSession`, after axe-core.)
"""

from __future__ import annotations

from collections.abc import Sequence

from ..conf import AuditSettings
from ..preparation import ContentChecks
from ..results import FindingResult
from .content import PlainTerm, SiteTitles, check_html, load_terms
from .issues import issue_to_finding


def content_checks(
    config: AuditSettings,
    *,
    site_titles: SiteTitles | None = None,
    terms: Sequence[PlainTerm] | None = None,
) -> ContentChecks:
    """The content rules for one run, ready to call from the runner's preparing threads.

    Everything from the database (the words to avoid; ``site_titles`` when given) is read
    now, in the calling thread: the returned function runs in threads without queries.
    """
    words = tuple(terms) if terms is not None else load_terms()

    def check(html: str, url: str, page_key: str) -> list[FindingResult]:
        issues = check_html(html, url=url, config=config, site_titles=site_titles, terms=words)
        return [
            issue_to_finding(issue, page_key, config.RULE_HELP_URL.format(rule=issue.rule))
            for issue in issues
        ]

    return check
