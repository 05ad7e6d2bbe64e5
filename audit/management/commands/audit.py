"""`manage.py audit`: the accessibility audit for people and CI (PRODUCT.md section 6).

Exit status: 0 nothing at or above --fail-on (or nothing new against --baseline); 1 findings
at or above it; 2 the audit could not run (bad arguments, no browser, no axe-core...).
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit.checks.content import SiteTitles
from audit.core.conf import AuditSettings, audit_settings
from audit.core.enums import Impact, PageStatus, RunTrigger
from audit.engine.browsers import BrowserUnavailable
from audit.engine.content_checks import content_checks
from audit.engine.discovery import (
    DiscoveryError,
    allowed_hosts_for,
    explicit_targets,
    follow_links,
    make_fetcher,
    sitemap_targets,
    wagtail_targets,
)
from audit.engine.drivers.axe_results import AxeScriptMissing, load_script
from audit.engine.runner import AuditRunner
from audit.reports import ReportFormat, ReportSink
from audit.reports.baseline import BaselineError, exit_status, load_baseline, parse_fail_on
from audit.reports.progress import ProgressSink
from audit.results import AuditTarget, PageAudit
from audit.results.sinks import RunSummary, SinkGroup
from audit.runs.service import create_run, execute_run, interrupted_run_like, stored_summary
from audit.storage.terms import load_terms

COULD_NOT_RUN = 2


class Command(BaseCommand):
    help = "Audit pages for accessibility in headless Chromium with axe-core."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("urls", nargs="*", metavar="URL", help="Pages to audit.")
        parser.add_argument("--sitemap", metavar="URL", help="Audit the pages a sitemap lists.")
        parser.add_argument(
            "--sitemap-rewrite",
            nargs=2,
            metavar=("FROM", "TO"),
            help="Replace FROM with TO at the start of every sitemap address "
            "(to point a production sitemap at staging).",
        )
        parser.add_argument(
            "--site",
            action="store_true",
            help="Every live public page of the Wagtail sites (the default with no URL).",
        )
        parser.add_argument(
            "--follow-links", action="store_true", help="Also audit pages linked from these."
        )
        parser.add_argument("--max-pages", type=int, help="Limit for --follow-links.")
        parser.add_argument("--max-depth", type=int, help="Limit for --follow-links.")
        parser.add_argument(
            "--format", choices=[f.value for f in ReportFormat], default=ReportFormat.TEXT.value
        )
        parser.add_argument("--output", metavar="FILE", help="Write the report here, not stdout.")
        parser.add_argument(
            "--fail-on",
            default=Impact.SERIOUS.value,
            choices=["none", *Impact.values],
            help="Exit 1 when a violation has this impact or worse (default: serious).",
        )
        parser.add_argument(
            "--baseline",
            metavar="FILE",
            help="A previous JSON report: only violations not in it fail the audit.",
        )
        parser.add_argument("--workers", type=int, help="Browsers in parallel (default: cores).")
        parser.add_argument(
            "--no-store", action="store_true", help="Do not keep the results in the database."
        )

    def execute(self, *args: Any, **options: Any) -> str | None:
        # Django reports a CommandError with exit status 1; "could not run" is 2 here.
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if error.returncode == 1:
                error.returncode = COULD_NOT_RUN
            raise

    def handle(self, *args: Any, **options: Any) -> None:
        config = self._config(options)
        fail_on = parse_fail_on(options["fail_on"])
        baseline = self._baseline(options["baseline"])
        try:
            load_script(config.AXE_SCRIPT)
        except AxeScriptMissing as error:
            raise CommandError(str(error)) from error

        targets, skipped = self._targets(options, config)
        if not targets and not skipped:
            raise CommandError("There is nothing to audit: no URL, sitemap page or live page.")

        report = ReportSink(
            options["format"], options["output"] or self.stdout._out, baseline=baseline
        )
        progress = ProgressSink(self.stderr._out)
        try:
            if options["no_store"]:
                summary = self._run_without_storing(
                    config, targets, skipped, report, progress, whole_site=_whole_site(options)
                )
            else:
                summary = self._run_and_store(config, targets, skipped, options, report, progress)
        except BrowserUnavailable as error:
            raise CommandError(f"The browser could not start: {error}") from error

        if summary.pages and all(
            page.status in {PageStatus.ERROR, PageStatus.TIMEOUT, PageStatus.SKIPPED}
            for page in summary.pages
        ):
            raise CommandError("No page could be audited; see the report for each page's error.")
        status = exit_status(summary, fail_on, report.comparison or baseline)
        if status:
            sys.exit(status)

    def _config(self, options: dict[str, Any]) -> AuditSettings:
        if options["workers"] is not None and options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        return audit_settings().with_overrides(
            WORKERS=options["workers"],
            MAX_PAGES=options["max_pages"],
            MAX_DEPTH=options["max_depth"],
        )

    def _baseline(self, path: str | None) -> RunSummary | None:
        if not path:
            return None
        try:
            return load_baseline(path)
        except BaselineError as error:
            raise CommandError(str(error)) from error

    def _targets(
        self, options: dict[str, Any], config: AuditSettings
    ) -> tuple[list[AuditTarget], list[PageAudit]]:
        urls: list[str] = options["urls"]
        skipped: list[PageAudit] = []
        try:
            if options["sitemap"]:
                rewrite = tuple(options["sitemap_rewrite"]) if options["sitemap_rewrite"] else None
                found = sitemap_targets(options["sitemap"], rewrite=rewrite, config=config)  # type: ignore[arg-type]
                targets = [*explicit_targets(urls, config=config), *found.targets]
                skipped = [item.as_page_audit() for item in found.skipped]
            elif urls and not options["site"]:
                targets = explicit_targets(urls, config=config)
            else:
                found = wagtail_targets(config=config)
                targets = [*found.targets, *explicit_targets(urls, config=config)]
                skipped = [item.as_page_audit() for item in found.skipped]
            if options["follow_links"]:
                hosts = allowed_hosts_for(targets, config)
                fetcher = make_fetcher(hosts, max_redirects=config.MAX_REDIRECTS)
                targets = follow_links(
                    targets, fetcher, hosts, config.MAX_PAGES, config.MAX_DEPTH, config=config
                )
        except DiscoveryError as error:
            raise CommandError(str(error)) from error
        return targets, skipped

    def _run_without_storing(
        self,
        config: AuditSettings,
        targets: list[AuditTarget],
        skipped: list[PageAudit],
        report: ReportSink,
        progress: ProgressSink,
        *,
        whole_site: bool,
    ) -> RunSummary:
        hosts = allowed_hosts_for(targets, config)
        checks = None
        if config.CONTENT_CHECKS:
            titles = SiteTitles.from_wagtail() if whole_site else SiteTitles.growing()
            checks = content_checks(config, site_titles=titles, terms=load_terms())
        runner = AuditRunner(config, allowed_hosts=hosts, content_checks=checks)
        summary = runner.run(targets, SinkGroup(progress))
        summary.pages.extend(skipped)
        report.end(summary)
        return summary

    def _run_and_store(
        self,
        config: AuditSettings,
        targets: list[AuditTarget],
        skipped: list[PageAudit],
        options: dict[str, Any],
        report: ReportSink,
        progress: ProgressSink,
    ) -> RunSummary:
        # The whole site is planned afresh by the run itself (with page ids); URL and sitemap
        # audits store their list so that a resumed run audits the same pages.
        whole_site = _whole_site(options)
        urls = [] if whole_site else [target.url for target in targets]
        skipped_pages = [] if whole_site else [[page.url, page.error] for page in skipped]
        configuration = {"urls": urls, "page_ids": [], "skipped": skipped_pages}
        run = interrupted_run_like(RunTrigger.CLI, configuration)
        if run is not None:
            self.stderr.write(f"Resuming interrupted audit run {run.pk}.")
        else:
            run = create_run(RunTrigger.CLI, urls=urls, skipped=skipped_pages)
        execute_run(run.pk, extra_sinks=[progress], workers=config.WORKERS)
        summary = stored_summary(run.pk)
        report.end(summary)
        return summary


def _whole_site(options: dict[str, Any]) -> bool:
    """Whether the command audits the Wagtail sites (rather than only given URLs)."""
    return not (options["urls"] or options["sitemap"]) or bool(options["site"])
