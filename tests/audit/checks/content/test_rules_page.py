"""The generated rules page: `manage.py audit_rules` and docs/audit-rules.md."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.checks.catalogue import all_rules
from audit.checks.docs import RULES_PAGE, rules_markdown


def test_the_page_lists_every_rule_with_its_help_and_options() -> None:
    text = rules_markdown()
    for rule in all_rules().values():
        assert f"### `{rule.id}`: {rule.title}" in text
        assert rule.how in text
        assert f'"DISABLED_RULES": ["{rule.id}"]' in text
    assert "`target` (default `9`)" in text
    assert "`max_words` (default `25`)" in text
    assert "color-contrast" not in text  # axe-core's rules are not listed


def test_the_command_prints_the_page() -> None:
    out = StringIO()
    call_command("audit_rules", stdout=out)
    assert out.getvalue() == rules_markdown()


def test_docs_page_is_up_to_date() -> None:
    page = Path(settings.BASE_DIR) / RULES_PAGE
    assert page.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/audit-rules.md is out of date: run `manage.py audit_rules > docs/audit-rules.md`"
    )
    call_command("audit_rules", "--check", stdout=StringIO())


def test_check_fails_on_a_stale_page(tmp_path: Path) -> None:
    stale = tmp_path / "audit-rules.md"
    stale.write_text(rules_markdown().replace("Sentences are short", "Sentences are long"))
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("audit_rules", "--check", "--path", str(stale), stderr=err)
    assert raised.value.returncode == 1
    assert "-### `clearway-long-sentence`: Sentences are long" in err.getvalue()
    missing = tmp_path / "missing.md"
    with pytest.raises(CommandError):
        call_command("audit_rules", "--check", "--path", str(missing), stderr=StringIO())
