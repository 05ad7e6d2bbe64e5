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
    #: The engine's split on elements the browser renders and the markup gives no name
    #: (``aria-label``, ``aria-labelledby``, a ``<label>`` with text, ``title``); nothing on
    #: the rest, which the rule misjudges: hidden fields (inside a closed ``<details>``,
    #: ``display: none``) and fields named by a label the engine takes to be hidden.
    ON_WHEN_UNNAMED = "on-when-unnamed"
    #: The engine's split, but nothing on fields with a ``<label>`` shown on screen (text of its
    #: own, not the one-pixel or off-screen box of a visually hidden label).
    ON_UNLESS_LABEL_SHOWN = "on-unless-label-shown"
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
                Decision.ON_WHEN_UNNAMED,
                "A labelled field inside a closed `<details>`, and a search field whose label is "
                "visually hidden the usual way (`clip-path: inset(50%)`, as GOV.UK's and "
                "Clearway's own `visually-hidden`), were reported as unlabelled: the engine "
                "ignores labels it takes to be hidden, though they name the field. Shown fields "
                "with no name in the markup are checked as the engine says; the rest are not "
                "reported (axe-core's `label` rule computes the name itself).",
            ),
            Curation(
                "input_label_visible",
                Decision.ON_UNLESS_LABEL_SHOWN,
                "A `<textarea>` with its `<label for>` shown just above it was asked for "
                "review as having no visible label (a stranger's contact form). Fields whose "
                "label is shown on screen are not reported; a field named only by "
                "`aria-label`, `title` or a visually hidden label still is.",
            ),
            Curation(
                "skip_main_exists",
                Decision.OFF,
                "A one-paragraph page with nothing to bypass, and pages whose main content starts "
                "with a heading (a sufficient technique for 2.4.1, H69), were reported as "
                "failing 2.4.1 for want of a skip link or `main` landmark. axe-core's `bypass` "
                "rule checks the same criterion and accepts headings and landmarks, as WCAG "
                "does.",
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
                "text_sensory_misuse",
                Decision.OFF,
                "The engine asks for review of every passage that holds a word such as “left”, "
                "“large”, “round” or “little”, as in “large items” or “Little Acre Road”: on a "
                "council's service pages, most of them. Clearway's `clearway-sensory-"
                "instruction` checks the same criterion (1.3.3) on instructions that pick "
                "something out by its colour, shape or place, and names the sentence.",
            ),
            Curation(
                "aria_complementary_label_visible",
                Decision.OFF,
                'A WordPress theme\'s sidebar, `<aside aria-label="Related links and news">`, '
                "was asked for review on every page for want of a visible label. A landmark "
                "named by `aria-label` meets WCAG; the rule set counts this as a "
                "recommendation, not a requirement.",
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


def ibm_outcome(
    rule: str,
    policy: str,
    confidence: str,
    *,
    rendered: bool,
    named: bool = False,
    label_shown: bool = False,
) -> Outcome | None:
    """What Clearway reports for one IBM result, or None to leave it out.

    ``policy`` is the rule set's ``VIOLATION``/``RECOMMENDATION``/``INFORMATION``,
    ``confidence`` the result's ``FAIL``/``POTENTIAL``/``MANUAL``, ``rendered`` whether the
    browser renders the element, ``named`` whether the markup gives it a name, ``label_shown``
    whether a ``<label>`` of it is shown on screen.
    """
    outcome = _POLICY_OUTCOMES.get((policy, confidence))
    curation = IBM_CURATION.get(rule)
    decision = curation.decision if curation else Decision.ON
    if outcome is None or decision == Decision.OFF:
        return None
    if decision == Decision.ON_WHEN_UNNAMED and (named or not rendered):
        return None
    if decision == Decision.ON_UNLESS_LABEL_SHOWN and label_shown:
        return None
    if decision == Decision.REVIEW:
        return Outcome.NEEDS_REVIEW
    return outcome
