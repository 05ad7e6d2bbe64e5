"""Clearway's rules as the audit runs them: content rules on each fetched page's HTML.

(The browser rules run inside :class:`audit.engine.runner.BrowserSession`, after axe-core.)
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.checks.content import PlainTerm, SiteTitles, check_html
from audit.checks.issues import issue_to_finding
from audit.core.conf import AuditSettings
from audit.engine.preparation import ContentChecks
from audit.results import FindingResult


class RunContentChecks:
    """The content rules for one run, ready to call from the runner's preparing threads.

    Everything from the database (the words to avoid; ``site_titles`` when given) is read
    when it is made, in the calling thread: the calls run in threads without queries.
    """

    def __init__(
        self,
        config: AuditSettings,
        site_titles: SiteTitles | None,
        terms: Sequence[PlainTerm],
    ) -> None:
        self.config = config
        self.site_titles = site_titles
        self.terms = tuple(terms)

    def __call__(
        self, html: str, url: str, page_key: str, order: int | None = None
    ) -> list[FindingResult]:
        issues = check_html(
            html,
            url=url,
            config=self.config,
            site_titles=self.site_titles,
            terms=self.terms,
            order=order,
        )
        return [
            issue_to_finding(issue, page_key, self.config.RULE_HELP_URL.format(rule=issue.rule))
            for issue in issues
        ]

    def settle(self, order: int) -> None:
        if self.site_titles is not None:
            self.site_titles.settle(order)


def content_checks(
    config: AuditSettings,
    *,
    site_titles: SiteTitles | None = None,
    terms: Sequence[PlainTerm],
) -> ContentChecks:
    """The content rules for one run (:class:`RunContentChecks`)."""
    return RunContentChecks(config, site_titles, terms)
