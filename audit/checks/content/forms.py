"""Form rules: groups of radios or checkboxes without a question, empty legends, placeholders
used as labels, hints not tied to their field, two fields with the same label, and a select
that changes the page when it changes.

A field's label is worked out as browsers do for the common cases: ``aria-labelledby``,
``aria-label``, a ``<label for>`` or a wrapping ``<label>``, then ``title``. A placeholder is
not a label here (axe-core accepts it as a name; it disappears as soon as the resident types).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import HEADING_TAGS, ContentDocument, fold, text_of
from audit.checks.content.elements import hidden_within, visible
from audit.checks.issues import Issue
from audit.core.enums import Outcome

GROUP = "clearway-form-group"
EMPTY_LEGEND = "clearway-empty-legend"
PLACEHOLDER_LABEL = "clearway-placeholder-label"
HINT_NOT_LINKED = "clearway-hint-not-linked"
SAME_LABEL = "clearway-same-label"
CHANGE_CONTEXT = "clearway-select-changes-page"

#: Inputs that take no label: hidden, buttons, images.
_UNLABELLED_TYPES = frozenset({"hidden", "submit", "reset", "button", "image"})
_TEXT_TYPES = frozenset(
    {"", "text", "search", "email", "tel", "url", "password", "number", "date", "time"}
)
_GROUP_ROLES = frozenset({"group", "radiogroup"})
#: ``class="govuk-hint"``, ``form-hint``, ``help-block``, ``field-help``...
_HINT_CLASS = re.compile(r"(?:^|[\s_-])(?:hint|help-block|help-text|helptext)(?:$|[\s_-])", re.I)
#: A hint is a sentence or two; a longer text with "help" in its id is a page section.
_LONG_HINT = 300
_HINT_ID = re.compile(r"[_-](?:hint|help)$", re.I)
#: Script that leaves the page: navigating, submitting or opening a window.
_NAVIGATES = re.compile(
    r"\b(?:(?:window|document|top|self|parent)\.)?location\b|\.submit\s*\(|window\.open\s*\(|"
    r"\.href\s*=|navigate\s*\(",
    re.I,
)


def _fields(document: ContentDocument) -> list[HtmlElement]:
    return [
        e
        for e in visible(document, "input", "select", "textarea")
        if (e.get("type") or "").strip().lower() not in _UNLABELLED_TYPES
    ]


def _labels_for(document: ContentDocument) -> dict[str, list[HtmlElement]]:
    if "labels for" not in document.memo:
        labels: dict[str, list[HtmlElement]] = {}
        for label in visible(document, "label"):
            target = (label.get("for") or "").strip()
            if target:
                labels.setdefault(target, []).append(label)
        document.memo["labels for"] = labels
    found: dict[str, list[HtmlElement]] = document.memo["labels for"]
    return found


def field_label(document: ContentDocument, field: HtmlElement) -> str:
    """The field's label, without its placeholder; empty when it has none."""
    ids = (field.get("aria-labelledby") or "").split()
    if ids:
        named = [document.element_by_id(i) for i in ids]
        text = fold(" ".join(text_of(n) for n in named if n is not None))
        if text:
            return text
    label = fold(field.get("aria-label") or "")
    if label:
        return label
    parts = [text_of(lab) for lab in _labels_for(document).get(field.get("id") or "", [])]
    wrapping = next(field.iterancestors("label"), None)
    if wrapping is not None:
        parts.append(text_of(wrapping))
    text = fold(" ".join(parts))
    return text or fold(field.get("title") or "")


def _form_of(field: HtmlElement) -> HtmlElement | None:
    return next(field.iterancestors("form"), None)


def _group_name(document: ContentDocument, element: HtmlElement) -> str | None:
    """The name of the group (fieldset or ARIA group) around ``element``. None when there is
    no named group; "" for a fieldset whose legend is empty (the empty legend rule's)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "fieldset" or (ancestor.get("role") or "").strip() in _GROUP_ROLES:
            name = field_label(document, ancestor)
            legend = ancestor.find("legend") if ancestor.tag == "fieldset" else None
            if name or legend is not None:
                return name or (text_of(legend) if legend is not None else "")
    return None


def check_group(document: ContentDocument, context: CheckContext) -> list[Issue]:
    groups: dict[tuple[int, str, str], list[HtmlElement]] = {}
    for field in _fields(document):
        kind = (field.get("type") or "").strip().lower()
        name = field.get("name") or ""
        if field.tag == "input" and kind in {"radio", "checkbox"} and name:
            groups.setdefault((id(_form_of(field)), kind, name), []).append(field)
    issues = []
    for (_, kind, _name), fields in groups.items():
        if len(fields) < 2:
            continue
        names = {_group_name(document, f) for f in fields}
        if len(names) == 1 and next(iter(names)) is not None:
            continue  # all in one group: named, or its empty legend is the other rule's
        in_table = next(fields[0].iterancestors("table"), None)
        outcome = Outcome.VIOLATION
        if in_table is not None and in_table.find(".//th") is not None:
            outcome = Outcome.NEEDS_REVIEW  # a grid of choices whose headers may name them
        labels = ", ".join(quote(field_label(document, f) or "?", 30) for f in fields[:4])
        noun = "radio buttons" if kind == "radio" else "checkboxes"
        issues.append(
            element_issue(
                document,
                GROUP,
                fields[0],
                f"These {len(fields)} {noun} ({labels}) answer one question, but they are not "
                "in a group that asks it. Screen reader users hear only each option, not the "
                "question. Put them in a <fieldset> whose <legend> is the question.",
                outcome=outcome,
            )
        )
    return issues


def check_empty_legend(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for fieldset in visible(document, "fieldset"):
        legend = fieldset.find("legend")
        if legend is None or text_of(legend) or field_label(document, fieldset):
            continue
        choices = fieldset.xpath(".//input[@type='radio' or @type='checkbox']")
        issues.append(
            element_issue(
                document,
                EMPTY_LEGEND,
                legend,
                "This group of fields has an empty legend, so screen readers announce the "
                "group without its question. Write the question in the <legend>.",
                html=document.snippet(legend) or document.opening_tag(fieldset),
                outcome=Outcome.VIOLATION if len(choices) >= 2 else Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def _submit_beside(field: HtmlElement) -> bool:
    """A named button just next to the field (a search box and its "Search" button): the
    button labels the field (WCAG technique G167)."""
    parent = field.getparent()
    scope = _form_of(field) if _form_of(field) is not None else parent
    if scope is None:
        return False
    for button in scope.iter("button", "input"):
        if button.tag == "input" and (button.get("type") or "").lower() not in {
            "submit",
            "image",
        }:
            continue
        label = text_of(button) or button.get("value") or button.get("aria-label") or ""
        label = label or button.get("alt") or ""
        if fold(label):
            return True
    return False


def check_placeholder_label(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for field in _fields(document):
        if field.tag == "select" or not fold(field.get("placeholder") or ""):
            continue
        if field.tag == "input" and (field.get("type") or "").strip().lower() not in _TEXT_TYPES:
            continue
        if field_label(document, field):
            continue
        placeholder = fold(field.get("placeholder") or "")
        beside = (
            _submit_beside(field)
            and len([f for f in _fields(document) if _form_of(f) is _form_of(field)]) == 1
        )
        issues.append(
            element_issue(
                document,
                PLACEHOLDER_LABEL,
                field,
                f"This field's only label is its placeholder, {quote(placeholder)}, which "
                "disappears as soon as the resident types and is faint. Give it a visible "
                "<label>.",
                outcome=Outcome.NEEDS_REVIEW if beside else Outcome.VIOLATION,
            )
        )
    return issues


def _referenced_ids(document: ContentDocument) -> frozenset[str]:
    if "described ids" not in document.memo:
        ids: set[str] = set()
        for element in document.all_elements:
            for attribute in ("aria-describedby", "aria-labelledby", "aria-details"):
                ids.update((element.get(attribute) or "").split())
        document.memo["described ids"] = frozenset(ids)
    found: frozenset[str] = document.memo["described ids"]
    return found


def check_hint_not_linked(document: ContentDocument, context: CheckContext) -> list[Issue]:
    fields = _fields(document)
    if not fields:
        return []
    field_set = set(fields)  # visible fields
    referenced = _referenced_ids(document)
    issues = []
    for element in document.all_elements:
        if element.tag in {"label", "legend", "input", "select", "textarea", "form"}:
            continue
        hint_id = element.get("id") or ""
        if not (_HINT_CLASS.search(element.get("class") or "") or _HINT_ID.search(hint_id)):
            continue
        if hint_id in referenced or not text_of(element) or hidden_within(element):
            continue
        if any(a.tag in {"label", "legend"} for a in element.iterancestors()):
            continue  # read with the label already
        if (
            len(text_of(element)) > _LONG_HINT
            or next(element.iter("input", "select", "textarea", "form", *HEADING_TAGS), None)
            is not None
        ):
            continue  # a section (``id="get-help"``) around a form, not a field's hint
        # The hint belongs to the one field (or group) of the form group around it.
        parent = element.getparent()
        if parent is None or parent.tag in {"form", "body", "main"}:
            continue
        near = [f for f in parent.iter("input", "select", "textarea") if f in field_set]
        if len(near) != 1 and not (near and len({f.get("name") for f in near}) == 1):
            continue
        issues.append(
            element_issue(
                document,
                HINT_NOT_LINKED,
                element,
                f"This hint, {quote(text_of(element))}, is not tied to its field, so screen "
                "reader users do not hear it when they reach the field. Give the hint an id "
                "and add it to the field's aria-describedby (or the fieldset's, for a group).",
            )
        )
    return issues


def _separated_by_heading(first: HtmlElement, second: HtmlElement) -> bool:
    ancestor_first = set(first.iterancestors())
    for node in second.iterancestors():
        if node in ancestor_first:
            common = node
            break
    else:
        return False
    started = False
    for node in common.iter():
        if node is first:
            started = True
        elif node is second:
            return False
        elif started and isinstance(node.tag, str) and node.tag in HEADING_TAGS:
            return True
    return False


def check_same_label(document: ContentDocument, context: CheckContext) -> list[Issue]:
    seen: dict[tuple[int, str, str], HtmlElement] = {}
    issues = []
    for field in _fields(document):
        kind = (field.get("type") or "").strip().lower()
        if kind in {"radio", "checkbox"}:
            continue  # options of a group share words with other groups' options
        label = fold(field_label(document, field).lower().rstrip(":*"))
        if not label:
            continue
        group = _group_name(document, field) or ""
        key = (id(_form_of(field)), group.lower(), label)
        first = seen.setdefault(key, field)
        if first is field:
            continue
        heading = _separated_by_heading(first, field)
        issues.append(
            element_issue(
                document,
                SAME_LABEL,
                field,
                f"This field and another in the same form are both labelled "
                f"{quote(field_label(document, field))}. Screen reader users moving from "
                "field to field cannot tell which is which. Make each label say what the "
                "field is for, or group the fields in fieldsets with their own legend.",
                outcome=Outcome.NEEDS_REVIEW if heading else Outcome.VIOLATION,
            )
        )
    return issues


def check_change_context(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for field in _fields(document):
        handler = field.get("onchange") or ""
        form = _form_of(field)
        if not handler and field.tag == "select" and form is not None:
            handler = form.get("onchange") or ""
        if not handler or not _NAVIGATES.search(handler):
            continue
        issues.append(
            element_issue(
                document,
                CHANGE_CONTEXT,
                field,
                "Choosing an option in this field takes the resident to another page (or "
                "submits the form) at once. Keyboard users moving through the options with "
                "the arrow keys are taken away at the first one. Add a “Go” button and act "
                "only when it is pressed.",
                html=document.opening_tag(field),
            )
        )
    return issues
