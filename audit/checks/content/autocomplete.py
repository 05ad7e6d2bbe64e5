"""Fields that ask for the resident's own details without saying so to the browser (WCAG
1.3.5, Identify Input Purpose): an email, telephone, name, postcode or address field with no
``autocomplete`` attribute.

axe-core's ``autocomplete-valid`` checks only the values that are there; a missing attribute
passes it. Only a field whose label clearly asks for the resident's own details is judged:
"Email address", "Your full name", "Postcode". A field about somebody else ("Their email",
"Landlord's phone number", a business's name) is not the resident's and is left alone.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import ContentDocument, fold, text_of
from audit.checks.content.elements import visible
from audit.checks.content.forms import field_label
from audit.checks.issues import Issue
from audit.core.enums import Outcome

AUTOCOMPLETE = "clearway-autocomplete-missing"

#: Input types that can hold a resident's details.
_TEXT_TYPES = frozenset({"", "text", "email", "tel"})

#: Each purpose: the autocomplete token, and a label that asks for it. A label is judged
#: whole or by its leading words, so "Name of the road" is not "name".
_PURPOSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"^(?:your\s+)?e-?mail(?:\s+address)?\b")),
    ("tel", re.compile(r"^(?:your\s+)?(?:tele)?phone(?:\s+number)?\b|^(?:your\s+)?mobile\b")),
    ("name", re.compile(r"^(?:your\s+)?(?:full\s+)?name$")),
    ("given-name", re.compile(r"^(?:your\s+)?(?:first|given)\s+names?$")),
    ("family-name", re.compile(r"^(?:your\s+)?(?:last|family)\s+name$|^(?:your\s+)?surname$")),
    ("postal-code", re.compile(r"^(?:your\s+)?post\s?code\b")),
    (
        "address-line1",
        re.compile(r"^(?:your\s+)?(?:home\s+)?address\s+line\s+1$|^building\s+and\s+street$"),
    ),
    ("address-line2", re.compile(r"^(?:your\s+)?(?:home\s+)?address\s+line\s+2$")),
    ("address-level2", re.compile(r"^(?:your\s+)?(?:town|city|town\s+or\s+city)$")),
)
#: Address fields in a part of the form about a place, not the resident: “Where is the
#: pothole?”, “Location of the problem”, “Property details”.
_ADDRESS_TOKENS = frozenset({"address-line1", "address-line2", "address-level2"})
_A_PLACE = re.compile(
    r"\b(?:where|location|problem|issue|incident|property|site|premises|venue|event)\b"
)
#: Types that say the purpose by themselves, whatever the label.
_TYPE_PURPOSES = {"email": "email", "tel": "tel"}
#: Words that make a field somebody else's details, not the resident's.
_SOMEONE_ELSE = re.compile(
    r"\b(?:their|his|her|friend|partner|child|children|landlord|tenant|agent|someone|"
    r"other\s+person|person\s+you|next\s+of\s+kin|emergency|referee|witness|neighbour|"
    r"company|business|organi[sz]ation|employer|school|owner|applicant|carer|contact\s+person|"
    r"recipient|councillor|officer)\b|'s\b"
)


#: How a question starts, before what it asks for: "What is your email address?".
_QUESTION = re.compile(r"^(?:what\s+is|what's|enter|please\s+enter|give\s+us|tell\s+us)\s+")
#: What follows what a label asks for: "(optional)", "(required)", a question mark.
_AFTER = re.compile(r"\s*(?:\([^)]*\))?[\s?*:.]*$")


def label_asks_for(label: str) -> str:
    """What a label asks for, lower case, without the question around it: "What is your
    email address? (optional)" asks for "your email address"."""
    return _AFTER.sub("", _QUESTION.sub("", fold(label).lower().strip()))


def _legend(field: HtmlElement) -> str:
    fieldset = next(field.iterancestors("fieldset"), None)
    legend = fieldset.find("legend") if fieldset is not None else None
    return text_of(legend) if legend is not None else ""


def _purpose(field: HtmlElement, label: str) -> str | None:
    """The autocomplete token the field needs, or None when it is not the resident's."""
    if _SOMEONE_ELSE.search(label) or _SOMEONE_ELSE.search(label_asks_for(_legend(field))):
        return None
    for token, pattern in _PURPOSES:
        if pattern.search(label):
            if token in _ADDRESS_TOKENS and _A_PLACE.search(label_asks_for(_legend(field))):
                return None
            return token
    kind = (field.get("type") or "").strip().lower()
    return _TYPE_PURPOSES.get(kind) if label else None


def _searching(field: HtmlElement) -> bool:
    return any(
        (ancestor.get("role") or "").lower() == "search" or ancestor.tag == "search"
        for ancestor in field.iterancestors()
    )


def check_autocomplete(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for field in visible(document, "input"):
        if (field.get("type") or "").strip().lower() not in _TEXT_TYPES:
            continue
        if field.get("readonly") is not None or field.get("disabled") is not None:
            continue
        if _searching(field):
            continue
        label = label_asks_for(field_label(document, field))
        token = _purpose(field, label)
        if token is None:
            continue
        given = (field.get("autocomplete") or "").strip().lower()
        if given and given != "off":
            continue  # a value is there: axe-core's autocomplete-valid judges it
        if given == "off":
            message = (
                f"The field {quote(label)} asks for the resident's own details but turns "
                f'autocomplete off. Unless there is a reason, use autocomplete="{token}" so '
                "browsers and assistive technology can fill it in and show what it is for."
            )
            outcome = Outcome.NEEDS_REVIEW
        else:
            message = (
                f"The field {quote(label)} asks for the resident's own details but does not "
                f'say so to the browser. Add autocomplete="{token}": browsers can then fill '
                "it in, which helps residents with memory, motor or reading difficulties."
            )
            outcome = Outcome.VIOLATION
        issues.append(element_issue(document, AUTOCOMPLETE, field, message, outcome=outcome))
    return issues
