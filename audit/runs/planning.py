"""What a run audits: one planner for the `audit` command, the admin and the tasks.

An :class:`AuditRequest` says what to audit (URLs, a sitemap, the Wagtail sites, pages by id,
link following and its limits); :class:`Planner` turns it into a :class:`Plan`: the ordered
targets, and the pages recorded as skipped without a browser (private, excluded, on another
host...). The order is: Wagtail pages, pages by id, URLs, sitemap pages, then the pages found
by following links; a URL planned twice is audited once, where it came first.

The excluded URL patterns (Settings > Accessibility audit) skip the pages the planner
*discovers* (Wagtail pages, sitemap entries, followed links), which are never fetched; a URL or
page someone names is always audited.

A stored run keeps either a request, planned when the run executes (the admin's and the
tasks' whole-site and published-page runs), or a plan made before it was stored (the
command's runs), so that a resumed run audits the same pages: see :func:`plan_run`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.db import DatabaseError
from wagtail.models import Page

from audit.core.addresses import normalise_url
from audit.core.conf import AuditSettings
from audit.engine.discovery import (
    DiscoveryError,
    DiscoveryResult,
    Fetcher,
    FetchError,
    SkippedTarget,
    allowed_hosts_for,
    explicit_targets,
    follow_links,
    make_fetcher,
    sitemap_targets,
    wagtail_page_ids,
    wagtail_targets,
)
from audit.engine.exclusions import is_excluded
from audit.results import AuditTarget, PageAudit
from audit.storage.models import AuditRun, AuditSchedule

#: Why an excluded page is skipped (the run's page list and the reports show it).
EXCLUDED = "excluded (Settings > Accessibility audit)"


class PlanningError(Exception):
    """The request cannot be planned: not a web address, an unreadable sitemap..."""


@dataclass(frozen=True)
class AuditRequest:
    """What to audit. With no URL, sitemap or page id: every live page of the Wagtail sites."""

    urls: Sequence[str] = ()
    #: Also every live page of the Wagtail sites (implied when nothing else is asked for).
    site: bool = False
    #: Wagtail pages by id, when live (a private one is skipped).
    page_ids: Sequence[int] = ()
    sitemap: str | None = None
    #: ``(FROM, TO)``: replace FROM with TO at the start of every sitemap address.
    sitemap_rewrite: tuple[str, str] | None = None
    #: Also the pages linked from the planned ones, within MAX_PAGES and MAX_DEPTH.
    follow_links: bool = False
    #: Audit at most this many pages: the first ones planned.
    max_pages: int | None = None

    @property
    def whole_site(self) -> bool:
        return self.site or not (self.urls or self.sitemap or self.page_ids)


@dataclass
class Plan:
    """The targets of a run in order, and the pages it records as skipped."""

    targets: list[AuditTarget] = field(default_factory=list)
    skipped: list[PageAudit] = field(default_factory=list)
    #: Compare titles with every Wagtail page's (else each page with the plan's pages before it).
    wagtail_titles: bool = False
    #: Targets planned beyond ``max_pages`` and left out.
    left_out: int = 0

    def as_configuration(self) -> dict[str, Any]:
        """The plan as a stored run keeps it (JSON), for :func:`plan_run`."""
        return {
            "targets": [[target.url, target.page_id] for target in self.targets],
            "skipped": [[page.url, page.error, page.page_id] for page in self.skipped],
            "wagtail_titles": self.wagtail_titles,
        }

    @classmethod
    def from_configuration(cls, configuration: dict[str, Any]) -> Plan:
        return cls(
            targets=[AuditTarget(url, page_id) for url, page_id in configuration["targets"]],
            skipped=stored_skipped(configuration),
            wagtail_titles=bool(configuration.get("wagtail_titles")),
        )


def stored_skipped(configuration: dict[str, Any]) -> list[PageAudit]:
    """The skipped pages a run's configuration lists, as ``[url, reason]`` or
    ``[url, reason, page_id]``."""
    return [SkippedTarget(*item).as_page_audit() for item in configuration.get("skipped") or []]


def admin_exclusions() -> str:
    """The excluded URL patterns of Settings > Accessibility audit; none when the database
    cannot be read (not migrated, as in a CI job that audits a staging site)."""
    try:
        patterns: str = AuditSchedule.load().excluded_url_patterns
    except (DatabaseError, RuntimeError):  # RuntimeError: database access blocked (tests)
        return ""
    return patterns


def check_web_address(url: str) -> None:
    """Raise :class:`PlanningError` unless ``url`` is an http(s) address with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise PlanningError(
            f"{url} is not a web address: give it in full, starting with http:// or https://."
        )


class Planner:
    """Turns requests into plans with these settings and excluded URL patterns.

    ``exclusions`` is the patterns' text (:mod:`audit.engine.exclusions`); by default the
    admin's (Settings > Accessibility audit). ``fetcher`` reads sitemaps and pages for link
    following (by default one limited to the planned pages' hosts).
    """

    def __init__(
        self,
        config: AuditSettings,
        *,
        exclusions: str | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.config = config
        self._exclusions = exclusions
        self.fetcher = fetcher

    @property
    def exclusions(self) -> str:
        """The patterns, read from the admin's settings when first needed: a list of URLs
        audited with ``--no-store`` needs no database."""
        if self._exclusions is None:
            self._exclusions = admin_exclusions()
        return self._exclusions

    def plan(self, request: AuditRequest) -> Plan:
        """Raises :class:`PlanningError` for a bad address or an unreadable sitemap."""
        for url in [*request.urls, *([request.sitemap] if request.sitemap else [])]:
            check_web_address(url)
        named = explicit_targets(request.urls, config=self.config)
        draft = _Draft(self, Plan(wagtail_titles=request.whole_site or bool(request.page_ids)))
        draft.named = {target.url for target in named}
        try:
            if request.whole_site:
                draft.add_discovered(wagtail_targets(config=self.config))
            if request.page_ids:
                draft.add_pages(request.page_ids)
            draft.add(named)
            if request.sitemap:
                draft.add_discovered(self.sitemap(request.sitemap, request.sitemap_rewrite))
            if request.follow_links:
                draft.follow_links()
        except DiscoveryError as error:
            raise PlanningError(str(error)) from error
        return draft.finish(request.max_pages)

    def excluded(self, url: str) -> bool:
        return bool(self.exclusions) and is_excluded(url, self.exclusions)

    def sitemap(self, url: str, rewrite: tuple[str, str] | None) -> DiscoveryResult:
        return sitemap_targets(url, fetcher=self.fetcher, rewrite=rewrite, config=self.config)

    def page_fetcher(self, hosts: Iterable[str]) -> Fetcher:
        return self.fetcher or make_fetcher(hosts, max_redirects=self.config.MAX_REDIRECTS)


class _Draft:
    """A plan while one request is planned: the steps of :meth:`Planner.plan`."""

    def __init__(self, planner: Planner, plan: Plan) -> None:
        self.planner = planner
        self.config = planner.config
        self.plan = plan
        #: The URLs named in the request: never excluded.
        self.named: set[str] = set()
        self._planned: set[str] = set()

    def add(self, targets: Iterable[AuditTarget]) -> None:
        """Add ``targets`` not planned already (every source gives normalised URLs)."""
        for target in targets:
            if target.url not in self._planned:
                self._planned.add(target.url)
                self.plan.targets.append(target)

    def add_discovered(self, found: DiscoveryResult) -> None:
        """Add what a source discovered: the excluded pages and the source's own skipped
        ones as skipped, the others as targets."""
        self.plan.skipped.extend(item.as_page_audit() for item in found.skipped)
        self.add(self._without_excluded(found.targets))

    def _without_excluded(self, targets: Iterable[AuditTarget]) -> list[AuditTarget]:
        kept = []
        for target in targets:
            if self._excluded(target.url):
                skipped = SkippedTarget(target.url, EXCLUDED, target.page_id)
                self.plan.skipped.append(skipped.as_page_audit())
            else:
                kept.append(target)
        return kept

    def _excluded(self, url: str) -> bool:
        return url not in self.named and self.planner.excluded(url)

    def add_pages(self, page_ids: Iterable[int]) -> None:
        """Given pages, when live; a private page is skipped (it is not audited anonymously)."""
        pages = Page.objects.live().filter(pk__in=page_ids).defer_streamfields()
        for page in pages:
            url = page.get_full_url()
            if not url:
                continue
            if page.get_view_restrictions().exists():
                self.plan.skipped.append(SkippedTarget(url, "private", page.pk).as_page_audit())
            else:
                self.add(
                    [AuditTarget(normalise_url(url, self.config.TRACKING_PARAMETERS), page.pk)]
                )

    def follow_links(self) -> None:
        """Add the pages linked from the planned ones. An excluded page is not fetched (so
        its links are not followed either) and is recorded as skipped."""
        hosts = allowed_hosts_for(self.plan.targets, self.config)
        fetch = self.planner.page_fetcher(hosts)

        def fetch_unless_excluded(url: str) -> bytes:
            if self._excluded(url):
                raise FetchError(f"{url} is excluded.")
            return fetch(url)

        found = follow_links(
            self.plan.targets,
            fetch_unless_excluded,
            hosts,
            self.config.MAX_PAGES,
            self.config.MAX_DEPTH,
            config=self.config,
        )
        self.add(self._without_excluded(t for t in found if t.url not in self._planned))

    def _with_wagtail_pages(self, targets: list[AuditTarget]) -> list[AuditTarget]:
        """``targets``, each URL of a live Wagtail page carrying that page's id, however it
        was named (on the command line, in a sitemap, by a link): its findings then belong to
        the page, as the nightly run's do, and never to a "page" that is only a URL."""
        if all(target.page_id is not None for target in targets):
            return targets
        pages = wagtail_page_ids(config=self.config)
        return [
            target if target.page_id is not None else AuditTarget(target.url, pages.get(target.url))
            for target in targets
        ]

    def finish(self, max_pages: int | None) -> Plan:
        """The plan, each page either audited or skipped (a named page is audited), and at
        most ``max_pages`` targets."""
        plan = self.plan
        plan.targets = self._with_wagtail_pages(plan.targets)
        plan.skipped = [page for page in plan.skipped if page.url not in self._planned]
        if max_pages is not None and len(plan.targets) > max_pages:
            plan.left_out = len(plan.targets) - max_pages
            del plan.targets[max_pages:]
        return plan


def plan_run(run: AuditRun, config: AuditSettings) -> Plan:
    """What a stored run audits: the plan it was created with, or its request planned now."""
    configuration = run.configuration
    if "targets" in configuration:
        return Plan.from_configuration(configuration)
    request = AuditRequest(
        urls=configuration.get("urls") or [], page_ids=configuration.get("page_ids") or []
    )
    plan = Planner(config).plan(request)
    # Runs stored before plans were (URL lists from the command) name their skipped pages.
    plan.skipped.extend(stored_skipped(configuration))
    return plan
