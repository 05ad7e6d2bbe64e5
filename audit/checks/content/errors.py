"""Form errors shown by colour alone (WCAG 1.4.1 and 3.3.1).

A field marked as wrong — ``aria-invalid="true"``, an error class of its own
(``govuk-input--error``, ``nhsuk-input--error``, ``is-invalid``, ``error``, ``invalid``,
``wpcf7-not-valid``...), or a red border in its own ``style`` — whose error is not in words
anywhere a resident would find it:

* no ``aria-describedby`` or ``aria-errormessage`` naming an element with text;
* no error message beside it: an element with text near the field (in its parent, or up to
  two levels up, not past the form) whose class, id or role says it is an error (``error``,
  ``invalid``, ``not-valid``, ``feedback``, ``role="alert"``), or text in its label that
  starts with "Error";
* no link to the field from elsewhere on the page (an error summary, GOV.UK's pattern).

Then the red border is probably all there is: reported for a person to check (a message may
be added by script after the page loads, which the HTML cannot show).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument, fold, text_of
from audit.checks.content.elements import visible
from audit.checks.issues import Issue
from audit.core.enums import Outcome

ERROR_COLOUR_ONLY = "clearway-error-colour-only"

_NOT_FIELDS = frozenset({"hidden", "submit", "reset", "button", "image"})
#: A field's own class that marks it as wrong.
_ERROR_CLASS = re.compile(
    r"(?:^|\s)(?:[\w-]+--(?:error|invalid)|is-invalid|is-error|has-error|error|invalid|"
    r"input-error|field-error|form-error|wpcf7-not-valid|user-invalid)(?:\s|$)",
    re.I,
)
#: An element that holds an error message: its class, id or role says so.
_MESSAGE_MARK = re.compile(r"error|invalid|not-valid|feedback|validation", re.I)
_ERROR_WORDS = re.compile(r"^\s*(?:error|there is a problem)\b", re.I)
_STOP = frozenset({"form", "body", "main", "html"})


#: A border set in the field's own ``style``, and its colour.
_BORDER_COLOUR = re.compile(
    r"border(?:-[a-z-]+)?\s*:[^;]*?(#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|rgba?\([^)]*\)|[a-z]+\s*(?:;|$))",
    re.I,
)
_RED_NAMES = frozenset({"red", "crimson", "firebrick", "darkred", "maroon", "tomato"})


def _red(colour: str) -> bool:
    colour = colour.strip(" ;").lower()
    if colour in _RED_NAMES:
        return True
    if colour.startswith("#"):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        red, green, blue = (float(int(digits[i : i + 2], 16)) for i in (0, 2, 4))
    elif colour.startswith("rgb"):
        parts = re.findall(r"[\d.]+", colour)[:3]
        if len(parts) < 3:
            return False
        red, green, blue = (float(part) for part in parts)
    else:
        return False
    return red >= 150 and green <= 90 and blue <= 90


def _invalid(field: HtmlElement) -> bool:
    if (field.get("aria-invalid") or "").strip().lower() == "true":
        return True
    if _ERROR_CLASS.search(field.get("class") or ""):
        return True
    # A red border written on the field itself: how a hand-made form marks an error.
    return any(_red(match.group(1)) for match in _BORDER_COLOUR.finditer(field.get("style") or ""))


def _referenced_text(document: ContentDocument, field: HtmlElement) -> bool:
    ids = " ".join(field.get(a) or "" for a in ("aria-describedby", "aria-errormessage"))
    for element_id in ids.split():
        target = document.element_by_id(element_id)
        if target is not None and text_of(target):
            return True
    return False


def _message_mark(element: HtmlElement) -> bool:
    marks = " ".join(element.get(a) or "" for a in ("class", "id"))
    role = (element.get("role") or "").strip().lower()
    return role == "alert" or bool(_MESSAGE_MARK.search(marks))


def _message_near(field: HtmlElement) -> bool:
    # The wrappers around the field (``govuk-form-group--error``) mark a group, not a message.
    around = set(field.iterancestors())
    node = field
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in _STOP:
            return False
        for element in parent.iterdescendants():
            if element is field or element in around or not isinstance(element.tag, str):
                continue
            if element.tag in {"input", "select", "textarea", "option"}:
                continue
            if _message_mark(element) and text_of(element):
                return True
            if element.tag == "label" and _ERROR_WORDS.search(text_of(element)):
                return True
        node = parent
    return False


def _summary_links(document: ContentDocument) -> frozenset[str]:
    """Ids that links on the page point to (``href="#id"``): an error summary's."""
    if "error summary targets" not in document.memo:
        document.memo["error summary targets"] = frozenset(
            (link.get("href") or "")[1:]
            for link in document.links
            if (link.get("href") or "").startswith("#") and text_of(link)
        )
    found: frozenset[str] = document.memo["error summary targets"]
    return found


def check_error_colour_only(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for field in visible(document, "input", "select", "textarea"):
        if (field.get("type") or "").strip().lower() in _NOT_FIELDS or not _invalid(field):
            continue
        if _referenced_text(document, field) or _message_near(field):
            continue
        field_id = (field.get("id") or "").strip()
        if field_id and field_id in _summary_links(document):
            continue
        name = fold(field.get("name") or field_id or field.tag)
        issues.append(
            element_issue(
                document,
                ERROR_COLOUR_ONLY,
                field,
                f"This field ({name}) is marked as wrong, but no error message in words is "
                "tied to it or shown beside it: the colour or border may be all that says "
                "so. Residents who cannot see colours, and screen reader users, miss it. "
                "Show the error in words by the field and link it with aria-describedby.",
                html=document.opening_tag(field),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues
