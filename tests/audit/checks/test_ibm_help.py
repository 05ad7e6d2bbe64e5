"""Plain-English help for IBM Equal Access's rules: every rule the audit reports has a title and
how to fix it. The installed engine (``node_modules/accessibility-checker-engine``, read with
Node, as ``npm ci`` installs it for the audit) says which rules its rule set has."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from audit.checks.curation import IBM_CURATION, Decision, ibm_outcome
from audit.checks.help import AXE_RULES, help_for
from audit.checks.ibm_help import IBM_HELP
from audit.core.enums import FixedBy
from audit.engine.drivers.ibm import PACKAGE, RULESET

ROOT = Path(__file__).resolve().parents[3]

#: Prints {rule id: [its levels in the rule set]} for the rule set named on the command line.
_RULE_SET_SCRIPT = """
const ace = require(process.argv[1]);
const guideline = new ace.Checker().getGuidelines().find((g) => g.id === process.argv[2]);
const rules = {};
for (const checkpoint of guideline.checkpoints) {
  for (const rule of checkpoint.rules || []) {
    (rules[rule.id] = rules[rule.id] || []).push(rule.level);
  }
}
console.log(JSON.stringify(rules));
"""


@pytest.fixture(scope="module")
def rule_set() -> dict[str, list[str]]:
    """The installed engine's ``WCAG_2_2`` rules and their levels (VIOLATION...)."""
    node = shutil.which("node")
    engine = ROOT / "node_modules" / PACKAGE / "ace-node.js"
    assert node and engine.is_file(), "needs Node and `npm ci` (IBM's engine), as the audit does"
    result = subprocess.run(
        [node, "-e", _RULE_SET_SCRIPT, "--", str(engine), RULESET],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rules: dict[str, list[str]] = json.loads(result.stdout)
    return rules


def reported(levels: Sequence[str], rule: str) -> bool:
    """Whether the audit reports any result of ``rule`` (a failure or one to review)."""
    return any(
        ibm_outcome(rule, level, confidence, rendered=True) is not None
        for level in levels
        for confidence in ("FAIL", "POTENTIAL")
    )


def missing_help(rule_set: Mapping[str, Sequence[str]]) -> list[str]:
    """The reported rules with no plain-English help."""
    return sorted(
        rule for rule, levels in rule_set.items() if reported(levels, rule) and rule not in IBM_HELP
    )


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", text.strip()) if s]


def test_every_rule_the_audit_reports_has_plain_english_help(
    rule_set: dict[str, list[str]],
) -> None:
    assert len(rule_set) > 100  # the whole rule set, not an empty answer
    assert missing_help(rule_set) == []
    for rule, levels in rule_set.items():
        if not reported(levels, rule):
            continue
        help = IBM_HELP[rule]
        with_rule = f"{rule}: {help}"
        assert help.title and len(help.title) <= 60 and not help.title.endswith("."), with_rule
        assert help.how.endswith(".") and 1 <= len(sentences(help.how)) <= 2, with_rule
        assert help.fixed_by in {FixedBy.EDITOR, FixedBy.DEVELOPER}, with_rule


def test_the_help_names_only_rules_of_the_rule_set(rule_set: dict[str, list[str]]) -> None:
    assert set(IBM_HELP) <= set(rule_set)
    assert set(IBM_CURATION) <= set(rule_set)
    # No help is written for rules that are never reported.
    assert not {r for r, c in IBM_CURATION.items() if c.decision == Decision.OFF} & set(IBM_HELP)


def test_a_rule_switched_on_without_help_is_caught() -> None:
    rule_set = {
        "img_alt_valid": ["VIOLATION"],
        "a_brand_new_rule": ["VIOLATION"],
        "a_new_recommendation": ["RECOMMENDATION"],
        # Never reported: switched off by the curation, or information only.
        "aria_content_in_landmark": ["RECOMMENDATION"],
        "an_information_rule": ["INFORMATION"],
    }
    assert missing_help(rule_set) == ["a_brand_new_rule", "a_new_recommendation"]


def test_an_ibm_finding_has_the_plain_title_and_fix_and_the_engines_words() -> None:
    engine_says = "Images must have accessible names unless they are decorative or redundant"
    help = help_for("img_alt_valid", help=engine_says, message="The image has no alt")
    assert help is not None
    assert help.title == "Images have a text alternative"
    assert help.what == engine_says
    assert help.how.startswith("Describe what the image shows")
    assert help.fixed_by == FixedBy.EDITOR
    # Without a stored finding (the rule's help page before any finding), the title.
    bare = help_for("page_title_valid")
    assert bare is not None and bare.what == bare.title and bare.how


def test_ibm_and_axe_rule_ids_never_collide() -> None:
    assert not set(IBM_HELP) & set(AXE_RULES)
