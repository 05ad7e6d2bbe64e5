"""Build the Anytown Borough Council demo site: `manage.py seed_demo`."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from wagtail.models import Page

from pages.demo import build_demo
from pages.demo.build import DemoError
from pages.demo.content.examples import EXAMPLES
from pages.models import HomePage


@contextmanager
def logger_level(name: str, level: int) -> Iterator[None]:
    """Quieten a logger for a while (Wagtail logs a line for every page it saves)."""
    logger = logging.getLogger(name)
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


EXAMPLES_SLUG = EXAMPLES.slug


class Command(BaseCommand):
    help = (
        "Build the demo council, Anytown Borough Council: pages, contact points, images, "
        "documents and an alert banner. Safe to run again: it only changes what differs."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has a home page.",
        )
        parser.add_argument(
            "--with-examples",
            action="store_true",
            help=(
                "Also build 'Examples of accessibility problems': pages with realistic "
                "problems on purpose, so the accessibility report, trends and digests have "
                "something to show once the site is audited. For trying Clearway out (make run "
                "uses it); the tests and CI build the demo without them, which reports no "
                "violations."
            ),
        )

    def handle(
        self, *args: Any, if_empty: bool, with_examples: bool, verbosity: int, **options: Any
    ) -> None:
        if if_empty and HomePage.objects.exists():
            if verbosity >= 1:
                self.stdout.write("The site already has a home page, so the demo was not built.")
            return
        # Publishing a page queues an accessibility audit of it. Seeding publishes every page,
        # and the nightly audit covers the whole site, so no audit is queued for each one.
        no_audit_on_publish = {**getattr(settings, "CLEARWAY_AUDIT", {}), "AUDIT_ON_PUBLISH": False}
        try:
            with (
                logger_level("wagtail", logging.DEBUG if verbosity >= 3 else logging.WARNING),
                override_settings(CLEARWAY_AUDIT=no_audit_on_publish),
            ):
                report = build_demo(with_examples=with_examples)
        except DemoError as error:
            raise CommandError(str(error)) from error
        if with_examples:
            self.queue_examples_audit(verbosity)
        if verbosity >= 2:
            for line in report.lines():
                self.stdout.write(f"  {line}")
        if verbosity >= 1:
            pages = sum(report.pages_by_type.values())
            if report.counts["pages", "created"]:
                outcome = "built"
            elif report.changed:
                outcome = "updated"
            else:
                outcome = "already up to date"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Anytown Borough Council {outcome}: {pages} pages in "
                    f"{report.seconds:.1f} seconds."
                )
            )

    def queue_examples_audit(self, verbosity: int) -> None:
        """Queue an audit of the example pages, so their findings are in the report once the
        task worker has run it (`make run` starts one). The nightly audit does the rest."""
        from audit.core.enums import RunTrigger
        from audit.runs.service import create_run
        from audit.tasks import run_audit

        section = Page.objects.filter(slug=EXAMPLES_SLUG).first()
        if section is None:
            return
        page_ids = list(section.get_descendants(inclusive=True).live().values_list("pk", flat=True))
        run = create_run(RunTrigger.MANUAL, page_ids=page_ids)
        run_audit.enqueue(run.pk)
        if verbosity >= 1:
            self.stdout.write(
                f"Queued an audit of the {len(page_ids)} example pages (run {run.pk}): the "
                "task worker runs it."
            )
