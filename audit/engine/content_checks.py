"""Clearway's rules as the audit runs them: content rules on each fetched page's HTML.

(The browser rules run inside :class:`audit.engine.runner.BrowserSession`, after axe-core.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from audit.checks.content import PlainTerm, SiteTitles, check_html
from audit.checks.content.animation import ANIMATED_GIF
from audit.checks.content.text_images import IMAGE_OF_TEXT
from audit.checks.issues import issue_to_finding
from audit.core.conf import AuditSettings
from audit.engine.preparation import ContentChecks
from audit.engine.resources import RunResources
from audit.results import FindingResult

#: The content rules that read the pages' images.
READS_FILES = (ANIMATED_GIF, IMAGE_OF_TEXT)


class RunContentChecks:
    """The content rules for one run, ready to call from the runner's preparing threads.

    Everything from the database (the words to avoid; ``site_titles`` when given) is read
    when it is made, in the calling thread: the calls run in threads without queries.
    ``resources`` reads the pages' images for the rules that need them (:data:`READS_FILES`),
    each once per run.
    """

    def __init__(
        self,
        config: AuditSettings,
        site_titles: SiteTitles | None,
        terms: Sequence[PlainTerm],
        resources: RunResources | None = None,
    ) -> None:
        self.config = config
        self.site_titles = site_titles
        self.terms = tuple(terms)
        self.resources = resources

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
            resources=self.resources.for_page(url) if self.resources is not None else None,
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
    allowed_hosts: Iterable[str] | None = None,
) -> ContentChecks:
    """The content rules for one run (:class:`RunContentChecks`). ``allowed_hosts``: where
    the pages' images may be read from besides each page's own host (default
    ``ALLOWED_HOSTS``)."""
    reads = any(config.rule_enabled(rule) for rule in READS_FILES)
    resources = RunResources(config, allowed_hosts) if reads else None
    return RunContentChecks(config, site_titles, terms, resources)
