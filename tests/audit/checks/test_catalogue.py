"""The rule catalogue: loaded once at start-up, and readable without a browser library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from audit.checks.catalogue import RULE_MODULES, all_rules, get_rule
from audit.core.enums import RuleKind

ROOT = Path(__file__).resolve().parents[3]


def test_the_catalogue_is_complete_once_django_is_ready() -> None:
    """AuditConfig.ready() loaded every rule module: nothing is loaded lazily on first read."""
    kinds = {rule.kind for rule in all_rules().values()}
    assert kinds == {RuleKind.CONTENT, RuleKind.BROWSER, RuleKind.DOCUMENT}


def test_reading_a_rule_and_its_help_imports_no_browser_library() -> None:
    """The admin shows rule titles and help; that must not need Selenium (nor the engine)."""
    script = f"""
import sys
sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "site")!r}]
from django.conf import settings
settings.configure()
from audit.checks.catalogue import get_rule, load_rules
from audit.checks.help import help_for
load_rules()
assert get_rule("clearway-link-text").title
assert help_for("clearway-link-text").title and help_for("image-alt").title
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("selenium", "urllib3"))
loaded += sorted(m for m in sys.modules if m.startswith(("audit.engine", "audit.runs")))
print(",".join(loaded))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_every_declared_module_registers_rules() -> None:
    assert len(RULE_MODULES) == 3
    assert get_rule("clearway-pdf-tagged").kind == RuleKind.DOCUMENT
    assert get_rule("clearway-reflow").kind == RuleKind.BROWSER
    assert get_rule("clearway-link-text").kind == RuleKind.CONTENT
