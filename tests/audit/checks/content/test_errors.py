"""clearway-error-colour-only (WCAG 1.4.1, 3.3.1): fields marked wrong with no words."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

RULE = "clearway-error-colour-only"

PASSING = {
    "GOV.UK error message tied with aria-describedby": (
        '<form><div class="govuk-form-group govuk-form-group--error"><label class="govuk-label"'
        ' for="postcode">Postcode</label><p id="postcode-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter a real postcode</p>'
        '<input class="govuk-input govuk-input--error" id="postcode" name="postcode" '
        'aria-describedby="postcode-error"></div></form>'
    ),
    "LocalGov Drupal (Drupal form API) message beside the field": (
        '<form><div class="js-form-item form-item form-item--error"><label for="edit-email">'
        'Email</label><input type="email" id="edit-email" name="email" class="form-email error"'
        ' aria-invalid="true"><div class="form-item--error-message"><strong>Enter an email '
        "address</strong></div></div></form>"
    ),
    "WordPress Contact Form 7 tip": (
        '<form class="wpcf7-form invalid"><p><label>Your name<br><span class="wpcf7-form-'
        'control-wrap"><input type="text" name="your-name" class="wpcf7-form-control '
        'wpcf7-not-valid" aria-invalid="true"><span class="wpcf7-not-valid-tip" '
        'aria-hidden="true">Please fill out this field.</span></span></label></p></form>'
    ),
    "an error summary linking to the field": (
        '<div class="govuk-error-summary" role="alert"><h2>There is a problem</h2><ul><li>'
        '<a href="#dob-day">Date of birth must include a day</a></li></ul></div><form>'
        '<input class="govuk-input govuk-date-input__input govuk-input--error" id="dob-day" '
        'name="dob-day"></form>'
    ),
    "a grey or blue border in the field's style": (
        '<form><label for="g">Name</label><input id="g" style="border:1px solid #505a5f">'
        '<label for="b">Town</label><input id="b" style="border-color: blue; color: red">'
        "</form>"
    ),
    "a red border with its message beside it": (
        '<form><div class="field"><label for="r">Email</label><input id="r" '
        'style="border:2px solid red"><span class="error">Enter an email address like '
        "name@example.com</span></div></form>"
    ),
    "aria-invalid false and no error class": (
        '<form><label for="n">Name</label><input id="n" aria-invalid="false"></form>'
    ),
}


@pytest.mark.parametrize("body", PASSING.values(), ids=PASSING.keys())
def test_errors_in_words_pass(body: str) -> None:
    assert issues(page(body), RULE) == []


FAILING = {
    "GOV.UK error class, the message left out": (
        '<form><div class="govuk-form-group govuk-form-group--error"><label class="govuk-label"'
        ' for="postcode">Postcode</label><input class="govuk-input govuk-input--error" '
        'id="postcode" name="postcode"></div></form>'
    ),
    "aria-invalid pointing at an empty message": (
        '<form><div class="form-item"><label for="e">Email</label><input id="e" '
        'aria-invalid="true" aria-describedby="e-error"><div id="e-error" class="error"></div>'
        "</div></form>"
    ),
    "WordPress Bootstrap is-invalid, no feedback": (
        '<form><div class="mb-3"><label for="phone" class="form-label">Phone</label>'
        '<input id="phone" class="form-control is-invalid" name="phone"></div></form>'
    ),
    "a hand-made form's red border, in the field's style": (
        '<form><p>Please correct the fields in red.</p><label for="em">Email</label>'
        '<input id="em" name="email" style="border: 2px solid #d4351c"></form>'
    ),
    "a red border colour as rgb()": (
        '<form><label for="pc">Postcode</label><input id="pc" style="border-color: '
        'rgb(212, 53, 28); padding: 4px"></form>'
    ),
    "a hint is not an error message": (
        '<form><div class="govuk-form-group"><label for="ref">Reference</label><div '
        'id="ref-hint" class="govuk-hint">On your letter</div><select id="ref" '
        'class="govuk-select govuk-select--error" aria-describedby="ref-hint-missing">'
        "<option>1</option></select></div></form>"
    ),
}


@pytest.mark.parametrize("body", FAILING.values(), ids=FAILING.keys())
def test_colour_only_errors_are_reported_to_check(body: str) -> None:
    found = issues(page(body), RULE)
    assert [issue.outcome for issue in found] == [Outcome.NEEDS_REVIEW]


def test_buttons_and_hidden_fields_are_not_fields() -> None:
    body = (
        '<form><input type="submit" class="error" value="Send"><input type="hidden" '
        'class="is-invalid" name="t"><div hidden><input aria-invalid="true"></div></form>'
    )
    assert issues(page(body), RULE) == []
