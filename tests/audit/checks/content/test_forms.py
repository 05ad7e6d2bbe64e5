"""Form rules: grouped choices, legends, placeholders, hints, same labels, change of page."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

GROUP = "clearway-form-group"
LEGEND = "clearway-empty-legend"
PLACEHOLDER = "clearway-placeholder-label"
HINT = "clearway-hint-not-linked"
SAME = "clearway-same-label"
CHANGE = "clearway-select-changes-page"
FORM_RULES = (GROUP, LEGEND, PLACEHOLDER, HINT, SAME, CHANGE)

#: Accessible forms as other sites write them: none of the form rules reports them.
GOOD_FORMS = {
    "GOV.UK radios with hint": (
        '<form><div class="govuk-form-group"><fieldset class="govuk-fieldset" '
        'aria-describedby="contact-hint"><legend class="govuk-fieldset__legend '
        'govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">How would you like to '
        'be contacted?</h1></legend><div id="contact-hint" class="govuk-hint">Select one '
        'option.</div><div class="govuk-radios" data-module="govuk-radios">'
        '<div class="govuk-radios__item"><input class="govuk-radios__input" id="contact" '
        'name="contact" type="radio" value="email" aria-describedby="contact-email-hint">'
        '<label class="govuk-label govuk-radios__label" for="contact">Email</label>'
        '<div id="contact-email-hint" class="govuk-hint govuk-radios__hint">We reply within 2 '
        'days</div></div><div class="govuk-radios__item"><input class="govuk-radios__input" '
        'id="contact-2" name="contact" type="radio" value="phone"><label class="govuk-label '
        'govuk-radios__label" for="contact-2">Phone</label></div></div></fieldset></div>'
        '<button class="govuk-button">Continue</button></form>'
    ),
    "GOV.UK text input with hint": (
        '<form><div class="govuk-form-group"><label class="govuk-label" for="ni">National '
        'Insurance number</label><div id="ni-hint" class="govuk-hint">It is on your National '
        'Insurance card, for example, QQ 12 34 56 C</div><input class="govuk-input" '
        'id="ni" name="ni" type="text" spellcheck="false" aria-describedby="ni-hint"></div>'
        "</form>"
    ),
    "GOV.UK two date fields (Day, Month, Year twice)": (
        "<form>"
        + "".join(
            f'<fieldset class="govuk-fieldset" role="group"><legend>{q}</legend>'
            f'<div class="govuk-date-input"><label for="{p}-d">Day</label>'
            f'<input id="{p}-d" name="{p}-d"><label for="{p}-m">Month</label>'
            f'<input id="{p}-m" name="{p}-m"></div></fieldset>'
            for p, q in (("dob", "Date of birth"), ("moved", "When did you move in?"))
        )
        + "</form>"
    ),
    "LocalGov Drupal webform": (
        '<form class="webform-submission-form"><fieldset class="radios--wrapper '
        'fieldgroup form-composite webform-composite-visible-title required" '
        'id="edit-bin-type--wrapper"><legend><span class="fieldset-legend">Which bin was '
        'missed?</span></legend><div class="fieldset-wrapper"><div id="edit-bin-type" '
        'class="js-webform-radios webform-options-display-one-column"><div class="form-item">'
        '<input type="radio" id="edit-bin-type-general" name="bin_type" value="general" '
        'class="form-radio"><label for="edit-bin-type-general" class="option">General waste'
        '</label></div><div class="form-item"><input type="radio" id="edit-bin-type-recycling" '
        'name="bin_type" value="recycling" class="form-radio"><label '
        'for="edit-bin-type-recycling" class="option">Recycling</label></div></div></div>'
        '</fieldset><div class="form-item"><label for="edit-postcode">Postcode</label>'
        '<input type="text" id="edit-postcode" name="postcode" aria-describedby='
        '"edit-postcode--description"><div id="edit-postcode--description" class="description">'
        'For example, AN1 1AA</div></div><input type="submit" value="Submit"></form>'
    ),
    "WordPress Gravity Forms checkboxes": (
        '<form><fieldset class="gfield gfield--type-checkbox" id="field_1_3"><legend '
        'class="gfield_label gform-field-label">Services you use</legend><div '
        'class="ginput_container ginput_container_checkbox"><div class="gfield_checkbox">'
        '<div class="gchoice"><input type="checkbox" name="input_3[]" id="choice_1_3_1" '
        'value="Library"><label for="choice_1_3_1">Library</label></div><div class="gchoice">'
        '<input type="checkbox" name="input_3[]" id="choice_1_3_2" value="Leisure">'
        '<label for="choice_1_3_2">Leisure</label></div></div></div></fieldset></form>'
    ),
    "ARIA radiogroup with a name": (
        '<div role="radiogroup" aria-labelledby="q"><p id="q">Do you rent?</p>'
        '<label><input type="radio" name="rent" value="y"> Yes</label>'
        '<label><input type="radio" name="rent" value="n"> No</label></div>'
    ),
    "single checkbox": '<label><input type="checkbox" name="agree"> I agree</label>',
    "search with a label and a placeholder": (
        '<form role="search"><label for="s">Search this site</label><input id="s" '
        'type="search" placeholder="For example, bins"><button>Search</button></form>'
    ),
    "select with a Go button": (
        '<form action="/go"><label for="area">Area</label><select id="area" name="area">'
        '<option>North</option></select><button type="submit">Go</button></form>'
    ),
    "select whose onchange only shows a field": (
        '<label for="how">How</label><select id="how" onchange="toggleOther(this)">'
        "<option>Post</option></select>"
    ),
}


@pytest.mark.parametrize("body", GOOD_FORMS.values(), ids=GOOD_FORMS.keys())
def test_accessible_forms_pass(body: str) -> None:
    html = page(body)
    assert [(r, issues(html, r)) for r in FORM_RULES if issues(html, r)] == []


@pytest.mark.parametrize(
    "body, outcome",
    [
        ('<p>Do you rent?</p><label><input type="radio" name="rent"> Yes</label>'
         '<label><input type="radio" name="rent"> No</label>', Outcome.VIOLATION),
        # Contact Form 7's markup: a span, not a fieldset.
        ('<p>Services</p><span class="wpcf7-form-control wpcf7-checkbox"><span '
         'class="wpcf7-list-item"><label><input type="checkbox" name="s[]" value="a">'
         '<span class="wpcf7-list-item-label">Library</span></label></span><span '
         'class="wpcf7-list-item"><label><input type="checkbox" name="s[]" value="b">'
         '<span class="wpcf7-list-item-label">Leisure</span></label></span></span>',
         Outcome.VIOLATION),
        # A role="group" without a name is no question either.
        ('<div role="group"><label><input type="radio" name="r"> Yes</label>'
         '<label><input type="radio" name="r"> No</label></div>', Outcome.VIOLATION),
        # A grid of choices: its headers may ask the question.
        ('<table><tr><th>Service</th><th>Good</th><th>Poor</th></tr><tr><th>Bins</th>'
         '<td><input type="radio" name="bins" aria-label="Good"></td>'
         '<td><input type="radio" name="bins" aria-label="Poor"></td></tr></table>',
         Outcome.NEEDS_REVIEW),
    ],
)  # fmt: skip
def test_ungrouped_choices(body: str, outcome: Outcome) -> None:
    (found,) = issues(page(body), GROUP)
    assert found.outcome == outcome


def test_empty_legend() -> None:
    choices = (
        '<label><input type="radio" name="r"> Yes</label>'
        '<label><input type="radio" name="r"> No</label>'
    )
    (found,) = issues(page(f"<fieldset><legend> </legend>{choices}</fieldset>"), LEGEND)
    assert found.outcome == Outcome.VIOLATION
    # Reported once, by the legend rule, not again as an ungrouped set.
    assert issues(page(f"<fieldset><legend></legend>{choices}</fieldset>"), GROUP) == []
    (review,) = issues(
        page('<fieldset><legend></legend><label for="a">A</label><input id="a"></fieldset>'),
        LEGEND,
    )
    assert review.outcome == Outcome.NEEDS_REVIEW
    labelled = f'<fieldset aria-label="Do you rent?"><legend></legend>{choices}</fieldset>'
    assert issues(page(labelled), LEGEND) == []


@pytest.mark.parametrize(
    "body, outcome",
    [
        ('<form><input type="email" name="e" placeholder="Email address">'
         '<input type="text" name="n" placeholder="Name"><button>Send</button></form>',
         Outcome.VIOLATION),
        ('<textarea placeholder="Your comments"></textarea>', Outcome.VIOLATION),
        # A lone search box with its button: the button may label it (G167).
        ('<form><input type="search" name="q" placeholder="Search"><button>Search</button>'
         "</form>", Outcome.NEEDS_REVIEW),
    ],
)  # fmt: skip
def test_placeholder_as_the_only_label(body: str, outcome: Outcome) -> None:
    found = issues(page(body), PLACEHOLDER)
    assert found and {f.outcome for f in found} == {outcome}


@pytest.mark.parametrize(
    "field",
    [
        '<input aria-label="Email" placeholder="name@example.com">',
        '<label>Email <input placeholder="name@example.com"></label>',
        '<input title="Email" placeholder="name@example.com">',
        '<input type="checkbox" placeholder="odd">',
    ],
)
def test_placeholder_with_a_label_passes(field: str) -> None:
    assert issues(page(field), PLACEHOLDER) == []


@pytest.mark.parametrize(
    "body, reported",
    [
        ('<div class="govuk-form-group"><label for="ni">NI number</label><div class="govuk-hint">'
         'For example, QQ 12 34 56 C</div><input id="ni"></div>', 1),
        ('<div class="form-group"><label for="p">Password</label><input id="p" type="password">'
         '<span id="p-hint">At least 8 characters</span></div>', 1),
        ('<div class="form-group"><label for="p">Password</label><input id="p" type="password" '
         'aria-describedby="p-hint"><span id="p-hint">At least 8 characters</span></div>', 0),
        ('<label for="p">Password <span class="hint">At least 8 characters</span></label>'
         '<input id="p" type="password">', 0),
        # A hint-like element with no field near it is not a form hint.
        ('<div><p class="hint">Tip: book early</p><p>Our summer fair is in July.</p></div>', 0),
        # Two different fields under one hint: whose hint it is cannot be told.
        ('<div><p class="hint">Both required</p><label for="a">A</label><input id="a" name="a">'
         '<label for="b">B</label><input id="b" name="b"></div>', 0),
    ],
)  # fmt: skip
def test_hints_not_tied_to_their_field(body: str, reported: int) -> None:
    assert len(issues(page(body), HINT)) == reported


def test_same_label_for_different_fields() -> None:
    body = (
        '<form><label for="a">Name</label><input id="a"><label for="b">Name:</label>'
        '<input id="b"></form>'
    )
    (found,) = issues(page(body), SAME)
    assert found.outcome == Outcome.VIOLATION
    headed = body.replace('<label for="b">', '<h2>Your partner</h2><label for="b">')
    (review,) = issues(page(headed), SAME)
    assert review.outcome == Outcome.NEEDS_REVIEW
    other_forms = body.replace('<label for="b">', '</form><form><label for="b">')
    assert issues(page(other_forms), SAME) == []


@pytest.mark.parametrize(
    "body",
    [
        '<label for="s">Area</label><select id="s" onchange="window.location=this.value">'
        "<option>North</option></select>",
        '<label for="s">Area</label><select id="s" onchange="this.form.submit()">'
        "<option>North</option></select>",
        '<form onchange="this.submit()"><label for="s">Area</label><select id="s">'
        "<option>North</option></select></form>",
        '<label for="s">Area</label><select id="s" '
        "onchange=\"document.location.href='/area/'+this.value\"><option>North</option></select>",
    ],
)
def test_select_that_changes_page(body: str) -> None:
    (found,) = issues(page(body), CHANGE)
    assert found.outcome == Outcome.VIOLATION


def test_a_hidden_hint_is_not_reported() -> None:
    # GOV.UK's character count keeps an aria-hidden copy of its live message.
    body = (
        '<div class="govuk-form-group"><label for="c">Comment</label><textarea id="c">'
        '</textarea><div class="govuk-character-count__status govuk-hint" aria-hidden="true">'
        "You have 200 characters remaining</div></div>"
    )
    assert issues(page(body), HINT) == []
    assert len(issues(page(body.replace(' aria-hidden="true"', "")), HINT)) == 1


def test_a_help_section_around_a_form_is_not_a_hint() -> None:
    body = (
        '<section id="get-help"><p>Ask us about your bill.</p><form><label for="q">Your '
        'question</label><input id="q"><button>Send</button></form></section>'
    )
    assert issues(page(body), HINT) == []
