"""The rule catalogue: every Clearway rule, described once.

A :class:`Rule` is data: id, title, plain-English help for editors (what is wrong, why it
matters to residents, how to fix it), WCAG criteria and level, impact, who can fix it and where
it runs. Rule modules declare their rules with :func:`register` and are loaded once, at
start-up (:func:`load_rules`); the audit, the editor checks,
the admin help and ``docs/audit-rules.md`` all read them from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import import_module
from types import MappingProxyType
from typing import Any

from audit.core.enums import FixedBy, Impact, Level, Outcome, RuleKind

#: Levels that are not WCAG conformance levels: their rules give advice by default.
ADVICE_LEVELS = frozenset({Level.BEST_PRACTICE, Level.PLAIN_ENGLISH})


@dataclass(frozen=True)
class Rule:
    #: ``clearway-...``: stable, used in fingerprints, settings and reports.
    id: str
    #: One line, e.g. "Link text makes sense on its own".
    title: str
    #: What is wrong, in plain English for an editor.
    what: str
    #: Why it matters to residents.
    why: str
    #: How to fix it.
    how: str
    wcag: tuple[str, ...]
    level: Level
    impact: Impact
    fixed_by: FixedBy
    kind: RuleKind
    #: Tunable values and their defaults; ``CLEARWAY_AUDIT["RULE_OPTIONS"][id]`` overrides them.
    options: Mapping[str, Any] = field(default_factory=dict)
    #: The most its findings can be. ``VIOLATION``: a failure of the criterion in ``wcag``
    #: (the check may still report an element as needs-review); ``NEEDS_REVIEW``: the rule can
    #: be wrong, so a person decides; ``ADVICE``: good practice, never a WCAG failure. None:
    #: advice at best-practice and plain-English levels, violation at a WCAG level.
    outcome: Outcome | None = None

    def __post_init__(self) -> None:
        if not self.id.startswith("clearway-"):
            raise ValueError(f"Clearway rule ids start with 'clearway-': {self.id!r}")
        if self.outcome is None:
            default = Outcome.ADVICE if self.level in ADVICE_LEVELS else Outcome.VIOLATION
            object.__setattr__(self, "outcome", default)
        if self.outcome == Outcome.VIOLATION and (not self.wcag or self.level in ADVICE_LEVELS):
            # Only a WCAG failure is a violation: it fails CI and counts in the statement.
            raise ValueError(f"{self.id}: a violation needs a WCAG criterion and level")

    def finding_outcome(self, reported: Outcome) -> Outcome:
        """What a finding of this rule is, when its check reported ``reported``: never more
        than the rule's :attr:`outcome` (advice stays advice, whatever the check said)."""
        if self.outcome == Outcome.ADVICE:
            return Outcome.ADVICE
        if self.outcome == Outcome.NEEDS_REVIEW:
            return Outcome.NEEDS_REVIEW
        return reported

    @property
    def help(self) -> str:
        """The one-line description reports show beside the rule id."""
        return self.title


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add ``rule`` to the catalogue; a second rule with the same id is an error."""
    if rule.id in _RULES and _RULES[rule.id] != rule:
        raise ValueError(f"Two Clearway rules have the id {rule.id!r}")
    _RULES[rule.id] = rule
    return rule


#: The modules that declare rules. :meth:`audit.apps.AuditConfig.ready` imports them, so the
#: catalogue is complete before any request, task or command reads it, and reading it imports
#: nothing more (the browser rules' declarations do not import Selenium).
RULE_MODULES: tuple[str, ...] = (
    "audit.checks.content.rules",
    "audit.checks.browser.rules",
    "audit.checks.documents.rules",
)


def load_rules() -> None:
    """Import every module in :data:`RULE_MODULES`; each registers its rules on import."""
    for module in RULE_MODULES:
        import_module(module)


def all_rules() -> Mapping[str, Rule]:
    """Every rule, by id, in declaration order."""
    return MappingProxyType(_RULES)


def get_rule(rule_id: str) -> Rule:
    """The rule with this id; ``KeyError`` for an unknown id."""
    return all_rules()[rule_id]


def is_content_rule(rule_id: str) -> bool:
    """Whether ``rule_id`` is a Clearway content rule (computed from the HTML, not the browser)."""
    rule = all_rules().get(rule_id)
    return rule is not None and rule.kind == RuleKind.CONTENT
