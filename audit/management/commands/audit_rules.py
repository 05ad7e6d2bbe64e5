"""`manage.py audit_rules`: print the rules page (docs/audit-rules.md), or check it is current."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.checks.docs import RULES_PAGE, rules_markdown


class Command(BaseCommand):
    help = (
        "Print the Markdown page listing every Clearway audit rule, generated from the rule "
        "catalogue. With --check, exit 1 if docs/audit-rules.md differs from it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compare with docs/audit-rules.md instead of printing; exit 1 if it differs.",
        )
        parser.add_argument(
            "--path",
            default="",
            help="The rules page to compare with (default: docs/audit-rules.md in BASE_DIR).",
        )

    def handle(self, *args: Any, check: bool, path: str, **options: Any) -> None:
        generated = rules_markdown()
        if not check:
            self.stdout.write(generated, ending="")
            return
        page = Path(path) if path else Path(settings.BASE_DIR) / RULES_PAGE
        current = page.read_text(encoding="utf-8") if page.is_file() else ""
        if current == generated:
            self.stdout.write(f"{page} is up to date.")
            return
        diff = "".join(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                generated.splitlines(keepends=True),
                fromfile=str(page),
                tofile="generated",
            )
        )
        self.stderr.write(diff)
        raise CommandError(
            f"{page} is out of date: run `manage.py audit_rules > {RULES_PAGE}`.", returncode=1
        )
