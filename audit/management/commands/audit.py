"""`manage.py audit`: the accessibility audit for people and CI (PRODUCT.md section 6).

Exit status: 0 nothing at or above --fail-on (or nothing new against --baseline); 1 findings
at or above it; 2 the audit could not run (bad arguments, no browser, no axe-core...).
"""

from __future__ import annotations

import sys
import tempfile
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from audit.core.conf import ALL_ENGINES, AuditSettings, audit_settings
from audit.core.enums import Impact, PageStatus
from audit.engine.browsers import BrowserUnavailable
from audit.engine.drivers.base import EngineScriptMissing
from audit.engine.runner import browser_engines
from audit.reports import ReportFormat, ReportSink
from audit.reports.baseline import BaselineError, exit_status, load_baseline, parse_fail_on
from audit.reports.progress import ProgressSink
from audit.results.sinks import FAILED_STATUSES, RunSummary
from audit.runs.planning import AuditRequest, Plan, Planner, PlanningError
from audit.runs.service import audit_plan, cli_run_for, execute_run, stored_summary
from audit.storage.dismissals import mark_dismissed, mark_dismissed_if_readable

COULD_NOT_RUN = 2
#: Statuses of a page that was not audited.
NOT_AUDITED = FAILED_STATUSES | {PageStatus.SKIPPED}


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
        parser.add_argument(
            "--max-pages", type=int, help="Audit at most this many pages: the first planned."
        )
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
        parser.add_argument(
            "--ignore-page-errors",
            action="store_true",
            help="Do not fail the audit because some pages could not be audited (a dead link, "
            "a timeout, a page that left the site): by default they exit 1 like violations.",
        )
        parser.add_argument(
            "--engines",
            metavar="LIST",
            help=f"Engines to run, comma-separated, from {','.join(ALL_ENGINES)} (default: the "
            "ENGINES setting, all of them unless changed).",
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
        if options["output"]:
            check_writable(options["output"])
        check_axe_script(config)

        plan = self._plan(options, config)
        report = ReportSink(
            options["format"],
            options["output"] or raw_stream(self.stdout),
            baseline=baseline,
            fail_on=fail_on,
        )
        summary = self._run(plan, config, store=not options["no_store"])
        report.end(summary)

        if summary.pages and all(page.status in NOT_AUDITED for page in summary.pages):
            raise CommandError("No page could be audited; see the report for each page's error.")
        status = exit_status(summary, fail_on, report.comparison or baseline)
        failed = [page for page in summary.pages if page.status in FAILED_STATUSES]
        if failed and not options["ignore_page_errors"]:
            # A 404 among good pages is a broken site, not a pass (--ignore-page-errors).
            self.stderr.write(
                f"{len(failed)} of {len(summary.pages)} pages could not be audited: "
                f"the first, {failed[0].url}, {failed[0].error or failed[0].status}."
            )
            status = 1
        if status:
            sys.exit(status)

    def _config(self, options: dict[str, Any]) -> AuditSettings:
        for name in ("workers", "max_pages"):
            if options[name] is not None and options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be at least 1.")
        return audit_settings().with_overrides(
            ENGINES=parse_engines(options["engines"]),
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

    def _plan(self, options: dict[str, Any], config: AuditSettings) -> Plan:
        try:
            plan = Planner(config).plan(request_from(options))
        except PlanningError as error:
            raise CommandError(str(error)) from error
        if not plan.targets and not plan.skipped:
            raise CommandError("There is nothing to audit: no URL, sitemap page or live page.")
        if plan.left_out:
            self.stderr.write(
                f"--max-pages {options['max_pages']}: {plan.left_out} more pages are not audited."
            )
        return plan

    def _run(self, plan: Plan, config: AuditSettings, *, store: bool) -> RunSummary:
        try:
            return self._audit(plan, config, store=store)
        except BrowserUnavailable as error:
            raise CommandError(f"The browser could not start: {error}") from error

    def _audit(self, plan: Plan, config: AuditSettings, *, store: bool) -> RunSummary:
        progress = ProgressSink(raw_stream(self.stderr))
        # Dismissed findings are reported as dismissed, not as violations, whenever the
        # database can say which they are (with --no-store too).
        if not store:
            return mark_dismissed_if_readable(audit_plan(plan, config, [progress]))
        run, resumed = cli_run_for(plan)
        if resumed:
            self.stderr.write(f"Resuming interrupted audit run {run.pk}.")
        execute_run(run.pk, extra_sinks=[progress], workers=config.WORKERS)
        return mark_dismissed(stored_summary(run.pk))


def request_from(options: dict[str, Any]) -> AuditRequest:
    """What the command's arguments ask to audit."""
    rewrite = options["sitemap_rewrite"]
    return AuditRequest(
        urls=options["urls"],
        site=options["site"],
        sitemap=options["sitemap"],
        sitemap_rewrite=(rewrite[0], rewrite[1]) if rewrite else None,
        follow_links=options["follow_links"],
        max_pages=options["max_pages"],
    )


def parse_engines(value: str | None) -> tuple[str, ...] | None:
    """``--engines axe,ibm``: the engines, or None for the setting's."""
    if value is None:
        return None
    engines = tuple(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
    unknown = [name for name in engines if name not in ALL_ENGINES]
    if unknown or not engines:
        raise CommandError(
            f"--engines takes one or more of {', '.join(ALL_ENGINES)}, comma-separated; "
            f"got {value!r}."
        )
    return engines


def check_axe_script(config: AuditSettings) -> None:
    """Fail before any page when an engine's script is not installed."""
    try:
        browser_engines(config)
    except EngineScriptMissing as error:
        raise CommandError(str(error)) from error


def check_writable(output: str) -> None:
    """Fail now, before any page is audited, when the report could not be written to
    ``output`` (it is written through a temporary file in the same folder)."""
    path = Path(output)
    if path.is_dir():
        raise CommandError(f"--output {output} is a folder: give the report's file name.")
    if not path.parent.is_dir():
        raise CommandError(f"--output {output}: the folder {path.parent} does not exist.")
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"):
            pass
    except OSError as error:
        raise CommandError(f"--output {output} cannot be written: {error.strerror}.") from error


def raw_stream(wrapper: OutputWrapper) -> TextIO:
    """The stream behind Django's ``OutputWrapper``: reports and the progress bar write their
    own line endings, which the wrapper would double."""
    stream: TextIO = vars(wrapper)["_out"]
    return stream
