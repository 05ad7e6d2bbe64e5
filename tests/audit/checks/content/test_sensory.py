"""clearway-sensory-instruction (WCAG 1.3.3): instructions by colour, shape or place alone."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

RULE = "clearway-sensory-instruction"

PASSING = {
    "a label in quotes": "<p>Click the green “Apply now” button to start.</p>",
    "a label in capitals": "<p>To pay, press the blue Pay now button.</p>",
    "the label first, the colour after": "<p>Select Continue, the green button, to go on.</p>",
    "what the icon does": "<p>Click the blue print icon to print this page.</p>",
    "what the box is for": "<p>Use the search box on the right.</p>",
    "below, in reading order": "<p>Use the form below to report a missed bin.</p>",
    "above": "<p>Click the button above to download the timetable.</p>",
    "sizes in ordinary prose": (
        "<p>We collect large items such as sofas and fridges. Small electrical items can go "
        "in a carrier bag next to your bin.</p>"
    ),
    "a place name": "<p>Little Acre Road and Redhill Close are closed for resurfacing.</p>",
    "the right to appeal": "<p>You have the right to appeal. Select the right option for you.</p>",
    "directions in the street": (
        "<p>Turn left at the library. The entrance is on the left, and reception is on the "
        "first floor.</p>"
    ),
    "a recycling box": "<p>Use the green box for glass and the blue box for paper and card.</p>",
    "a parking machine": "<p>Press the green button on the machine to get your ticket.</p>",
    "a signposted route": "<p>Follow the green arrows from the car park to reception.</p>",
    "a paper bill": (
        "<p>You'll find your account number at the top left of your bill, in the box on the "
        "right.</p>"
    ),
    "colour with words as well": (
        "<p>Questions you must answer say (required). Mistakes are shown in red, with a message "
        "that says what to change.</p>"
    ),
    "a heading": "<h2>On the right track</h2>",
    "WordPress widget text": (
        '<div class="widget"><p>Opening times, contact details and the latest news are in this '
        "section.</p></div>"
    ),
    "a Welsh passage": '<p lang="cy">Cliciwch y botwm gwyrdd ar y dde.</p>',
}


@pytest.mark.parametrize("body", PASSING.values(), ids=PASSING.keys())
def test_instructions_that_name_the_thing_pass(body: str) -> None:
    assert issues(page(body), RULE) == []


FAILING = {
    "a colour": ("<p>Click the green button to continue.</p>", "the green button"),
    "a shape": ("<p>Press the round icon to hear the page.</p>", "the round icon"),
    "a size": ("<p>To start, press the big button.</p>", "the big button"),
    "a side": (
        "<p>Use the links on the left to find other services.</p>",
        "the links on the left",
    ),
    "a corner": (
        "<p>To sign in, click the link in the top right corner of the page.</p>",
        "the link in the top right corner of the page",
    ),
    "a right-hand column": (
        "<p>You can use the right-hand menu to find forms.</p>",
        "the right-hand menu",
    ),
    "a tick box by its side": (
        "<p>Tick the box on the left of each collection you missed.</p>",
        "the box on the left",
    ),
    "required fields in red": (
        "<p>Required fields are marked in red.</p>",
        "marked in red",
    ),
    "questions in red": (
        '<p class="hint">Questions in red must be answered.</p>',
        "Questions in red",
    ),
    "labels in red": (
        '<p class="form-note">Fields with red labels are required.</p>',
        "with red labels are",
    ),
    "fields in red to correct": (
        '<div class="error-summary">Please correct the fields in red.</div>',
        "fields in red",
    ),
    "GOV.UK-style inset text": (
        '<div class="govuk-inset-text">When you have checked your answers, select the green '
        "button at the bottom of the page.</div>",
        "the green button",
    ),
    "a list item in a LocalGov how-to": (
        '<ol class="lgd-steps"><li>Find your bin day.</li><li>Click the orange arrow on the '
        "right to see the next collection.</li></ol>",
        "the orange arrow",
    ),
}


@pytest.mark.parametrize("body, phrase", FAILING.values(), ids=FAILING.keys())
def test_instructions_by_look_or_place_alone_fail(body: str, phrase: str) -> None:
    (issue,) = issues(page(body), RULE)
    assert issue.outcome == Outcome.VIOLATION
    assert f"(“{phrase}”)" in issue.message


REVIEW = {
    "said to be on the right": "<p>Related links are on the right.</p>",
    "colour on a map": "<p>Roads that are closed are shown in red on the map.</p>",
    "colour in a calendar": "<p>Choose a date: days shown in green have free slots.</p>",
}


@pytest.mark.parametrize("body", REVIEW.values(), ids=REVIEW.keys())
def test_weaker_signs_are_for_a_person_to_check(body: str) -> None:
    (issue,) = issues(page(body), RULE)
    assert issue.outcome == Outcome.NEEDS_REVIEW


def test_one_finding_a_block_on_its_element() -> None:
    body = (
        '<p id="steps">Click the green button. Then use the links on the left.</p>'
        "<p>Press the round icon.</p>"
    )
    found = issues(page(body), RULE)
    assert len(found) == 2 and found[0].selector == "#steps"
    assert "“Click the green button.”" in found[0].message
    assert "“Press the round icon.”" in found[1].message
