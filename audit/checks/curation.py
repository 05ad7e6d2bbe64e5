"""Which of IBM Equal Access's rules the audit trusts, and how far.

IBM's engine (``accessibility-checker-engine``, rule set ``WCAG_2_2``) says of each result how
sure it is (``FAIL``, ``POTENTIAL``, ``MANUAL``) and whether its rule set counts the rule as a
requirement (``VIOLATION``) or advice (``RECOMMENDATION``, ``INFORMATION``). By default:

========================  =========  ==================================================
rule set says             result     Clearway reports
========================  =========  ==================================================
VIOLATION                 FAIL       a violation
VIOLATION                 POTENTIAL  needs review
RECOMMENDATION            FAIL       needs review
anything else                        nothing (manual checks and advice for every page)
========================  =========  ==================================================

Some rules report things that are not failures on good pages; :data:`IBM_CURATION` decides
for those, each decision with its reason and a test page in
``tests/audit/test_ibm_engine.py``. ``docs/audit-rules.md`` lists them
(:mod:`audit.checks.docs`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from audit.core.enums import Outcome


class Decision(StrEnum):
    #: The engine's own split (the table above).
    ON = "on"
    #: Needs review at most: the rule cannot tell a failure from a good page.
    REVIEW = "review"
    #: The engine's split on elements the browser renders; nothing on elements it does not
    #: (inside a closed ``<details>``, ``display: none``), which the rule misjudges.
    ON_WHEN_RENDERED = "on-when-rendered"
    #: Not reported.
    OFF = "off"


@dataclass(frozen=True)
class Curation:
    rule: str
    decision: Decision
    #: Why, in a sentence or two, with the good page that showed it.
    reason: str


IBM_CURATION: Mapping[str, Curation] = MappingProxyType(
    {
        curation.rule: curation
        for curation in [
            Curation(
                "aria_content_in_landmark",
                Decision.OFF,
                "Content outside landmarks, such as a skip link before the header, is not a WCAG "
                "failure: a skip link must come first. axe-core's best-practice `region` rule "
                "already reports content that is really lost outside the landmarks.",
            ),
            Curation(
                "input_label_exists",
                Decision.ON_WHEN_RENDERED,
                "A labelled field inside a closed `<details>` was reported as unlabelled: the "
                "engine ignores labels that are not rendered. Fields that are shown are checked "
                "as the engine says; hidden ones are not reported (axe-core's `label` rule "
                "checks them when they are shown).",
            ),
            Curation(
                "element_tabbable_role_valid",
                Decision.OFF,
                'A scrollable table wrapper with `tabindex="0"`, `role="region"` and a name is '
                "the recommended way to let keyboard users scroll it (WCAG 2.1.1); the engine "
                "wants a widget role there, which would be wrong.",
            ),
            Curation(
                "figure_label_exists",
                Decision.OFF,
                "A `<figure>` is named by its `<figcaption>`, and a figure without a caption is "
                "not a WCAG failure: the image or table inside it is checked by its own rules.",
            ),
            Curation(
                "element_tabbable_unobscured",
                Decision.OFF,
                "Whether a focused element is hidden by a sticky header depends on where the "
                "page is scrolled, and the engine can only suspect it; Clearway's browser rule "
                "`clearway-focus-not-obscured` focuses each element and looks.",
            ),
            Curation(
                "style_focus_visible",
                Decision.OFF,
                "The engine reads the style sheets and asks for review of every element with "
                "its own focus style (about seven a page on the demo council, all fine); "
                "Clearway's browser rule `clearway-focus-visible` focuses each element and "
                "compares what it sees.",
            ),
            Curation(
                "style_color_misuse",
                Decision.OFF,
                "Reported on the `<style>` element of every page whose style sheet sets a "
                "colour, asking for review of the whole page: it names no element to check.",
            ),
            Curation(
                "element_tabbable_visible",
                Decision.OFF,
                "A skip link that is off screen until it is focused was asked for review on "
                "every page; Clearway's browser rule `clearway-focus-visible` focuses each "
                "element and checks that it shows.",
            ),
        ]
    }
)

_POLICY_OUTCOMES: Mapping[tuple[str, str], Outcome] = {
    ("VIOLATION", "FAIL"): Outcome.VIOLATION,
    ("VIOLATION", "POTENTIAL"): Outcome.NEEDS_REVIEW,
    ("RECOMMENDATION", "FAIL"): Outcome.NEEDS_REVIEW,
}


def ibm_rules_off() -> list[str]:
    """The rules switched off, which need not run at all."""
    return [rule for rule, curation in IBM_CURATION.items() if curation.decision == Decision.OFF]


def ibm_outcome(rule: str, policy: str, confidence: str, *, rendered: bool) -> Outcome | None:
    """What Clearway reports for one IBM result, or None to leave it out.

    ``policy`` is the rule set's ``VIOLATION``/``RECOMMENDATION``/``INFORMATION``,
    ``confidence`` the result's ``FAIL``/``POTENTIAL``/``MANUAL``, ``rendered`` whether the
    browser renders the element.
    """
    outcome = _POLICY_OUTCOMES.get((policy, confidence))
    curation = IBM_CURATION.get(rule)
    decision = curation.decision if curation else Decision.ON
    if outcome is None or decision == Decision.OFF:
        return None
    if decision == Decision.ON_WHEN_RENDERED and not rendered:
        return None
    if decision == Decision.REVIEW:
        return Outcome.NEEDS_REVIEW
    return outcome
