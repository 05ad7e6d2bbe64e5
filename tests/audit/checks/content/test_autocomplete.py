"""Fields for the resident's own details say what they are for (WCAG 1.3.5)."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

AUTOCOMPLETE = "clearway-autocomplete-missing"

GOOD = {
    "GOV.UK email with autocomplete": (
        '<div class="govuk-form-group"><label class="govuk-label" for="email">Email address'
        '</label><input class="govuk-input" id="email" type="email" autocomplete="email"></div>'
    ),
    "LocalGov Drupal name and postcode with autocomplete": (
        '<div class="js-form-item form-item"><label for="edit-name">Full name</label>'
        '<input id="edit-name" name="name" autocomplete="name"></div>'
        '<div class="js-form-item form-item"><label for="edit-pc">Postcode</label>'
        '<input id="edit-pc" name="postcode" autocomplete="postal-code"></div>'
    ),
    "somebody else's details": (
        '<label for="l">Landlord\'s phone number</label><input id="l" type="tel">'
        '<label for="t">Their email address</label><input id="t">'
        '<fieldset><legend>Your emergency contact</legend><label for="n">Full name</label>'
        '<input id="n"></fieldset>'
    ),
    "a business's details": '<label for="b">Business email</label><input id="b" type="text">',
    "a name that is not a person's": '<label for="r">Name of the road</label><input id="r">',
    "a search box": (
        '<form role="search"><label for="s">Email</label><input id="s" type="text"></form>'
    ),
    "not a text field": '<label for="c">Email me updates</label><input id="c" type="checkbox">',
    "where a problem is, not the resident's address": (
        '<fieldset><legend>Where is the pothole?</legend><label for="a1">Address line 1'
        '</label><input id="a1"><label for="t">Town or city</label><input id="t"></fieldset>'
    ),
    "an address with autocomplete": (
        '<label for="a">Address line 1</label><input id="a" autocomplete="address-line1">'
    ),
}


@pytest.mark.parametrize("body", GOOD.values(), ids=GOOD.keys())
def test_fields_that_say_what_they_are_for_or_are_not_the_residents_pass(body: str) -> None:
    assert issues(page(body), AUTOCOMPLETE) == []


@pytest.mark.parametrize(
    ("body", "token"),
    [
        ('<label for="e">What is your email address?</label><input id="e" type="email">', "email"),
        ('<label for="p">Telephone number (optional)</label><input id="p" type="tel">', "tel"),
        ('<label for="n">Your full name</label><input id="n" class="govuk-input">', "name"),
        ('<label for="f">First name</label><input id="f" name="first">', "given-name"),
        ('<label for="s">Surname *</label><input id="s">', "family-name"),
        # WordPress contact form: wrapped labels.
        (
            '<p><label>Post code<br><input class="wpcf7-form-control" name="pc"></label></p>',
            "postal-code",
        ),
        # The resident's own address, in a "Your details" part of a form.
        (
            '<fieldset><legend>Your details</legend><label for="a1">Address line 1</label>'
            '<input id="a1" name="addr1"></fieldset>',
            "address-line1",
        ),
        ('<label for="a2">Address line 2 (optional)</label><input id="a2">', "address-line2"),
        ('<label for="town">Town or city</label><input id="town">', "address-level2"),
        # The type says it even when the label is a question of its own.
        (
            '<label for="m">How can we reach you by email?</label><input id="m" type="email">',
            "email",
        ),
    ],
)
def test_a_residents_detail_without_autocomplete_fails(body: str, token: str) -> None:
    (found,) = issues(page(body), AUTOCOMPLETE)
    assert found.outcome == Outcome.VIOLATION
    assert f'autocomplete="{token}"' in found.message


def test_autocomplete_off_on_a_residents_detail_is_to_review() -> None:
    body = '<label for="e">Email address</label><input id="e" type="email" autocomplete="off">'
    (found,) = issues(page(body), AUTOCOMPLETE)
    assert found.outcome == Outcome.NEEDS_REVIEW
