"""Plain-English help for every rule an editor may meet: what is wrong, why it matters to
residents, and how to fix it.

Clearway's own rules describe themselves in the catalogue (:mod:`audit.checks.catalogue`).
axe-core's rules do not, so the most common ones are described here, for people who have never
heard of WCAG; any other axe rule falls back to the help text axe stored with the finding.
IBM Equal Access's rules that the audit reports each have a title and how to fix it
(:mod:`audit.checks.ibm_help`); what is wrong is the engine's own text, stored with the
finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.checks.ibm_help import IBM_HELP
from audit.core.enums import FixedBy


@dataclass(frozen=True)
class RuleHelp:
    rule: str
    #: One line: what the rule checks, e.g. "Images have a text alternative".
    title: str
    what: str
    why: str
    how: str
    wcag: tuple[str, ...] = ()
    #: Who can usually fix it, when the rule says; the finding's source says for each element.
    fixed_by: str = ""
    help_url: str = ""


def _axe(rule: str, title: str, what: str, why: str, how: str, fixed_by: str = "") -> RuleHelp:
    return RuleHelp(rule=rule, title=title, what=what, why=why, how=how, fixed_by=fixed_by)


_EDITOR = FixedBy.EDITOR.value
_DEVELOPER = FixedBy.DEVELOPER.value

#: The axe-core rules councils' pages fail most often, in plain English.
AXE_RULES: dict[str, RuleHelp] = {
    help.rule: help
    for help in [
        _axe(
            "image-alt",
            "Images have a text alternative",
            "An image has no alternative text (alt text).",
            "People who use a screen reader hear nothing, or the file name, instead of what the "
            "image shows. They miss anything the image tells them.",
            "Describe what the image shows and why it is there, in a sentence. If it is only "
            "decoration, mark it as decorative so screen readers skip it.",
            _EDITOR,
        ),
        _axe(
            "link-name",
            "Links have text",
            "A link has no text a screen reader can read out (an icon or image link with no "
            "label, say).",
            "Screen reader users hear 'link' and nothing else, so they cannot tell where it goes.",
            "Give the link words that say where it goes. For an image link, give the image alt "
            "text that says where the link goes.",
        ),
        _axe(
            "color-contrast",
            "Text stands out from its background",
            "Some text is too pale against its background.",
            "People with low vision, colour blindness or a phone in bright sunlight cannot read "
            "it.",
            "Use the site's standard text styles. If the colour comes from the template, ask a "
            "developer to darken the text or lighten the background.",
            _DEVELOPER,
        ),
        _axe(
            "label",
            "Form fields have labels",
            "A form field has no label.",
            "Screen reader users do not know what to type, and everyone loses the bigger click "
            "area a label gives.",
            "Give each field a visible label that says what to enter.",
            _DEVELOPER,
        ),
        _axe(
            "heading-order",
            "Headings go down one level at a time",
            "A heading skips a level (a level 4 heading straight after a level 2, say).",
            "Many screen reader users jump from heading to heading to find their way; a skipped "
            "level makes them think they missed a section.",
            "Use headings in order: level 2 for sections, level 3 for parts of a section. "
            "Do not pick a heading level for its size.",
            _EDITOR,
        ),
        _axe(
            "empty-heading",
            "Headings have text",
            "A heading is empty.",
            "Screen readers announce an empty heading, which confuses people who navigate by "
            "headings.",
            "Delete the empty heading, or write its text.",
            _EDITOR,
        ),
        _axe(
            "page-has-heading-one",
            "The page has a main heading",
            "The page has no level 1 heading.",
            "The main heading tells everyone, and screen reader users especially, what the page "
            "is about.",
            "Make sure the page title shows as the main heading; ask a developer if the "
            "template leaves it out.",
            _DEVELOPER,
        ),
        _axe(
            "region",
            "All content is inside a landmark",
            "Some content sits outside the page's landmarks (header, main content, footer).",
            "Screen reader users jump between landmarks; content outside them is easy to miss.",
            "A developer should put the content inside the right landmark in the template.",
            _DEVELOPER,
        ),
        _axe(
            "landmark-one-main",
            "The page has one main content area",
            "The page has no main landmark.",
            "Screen reader users cannot jump straight to the content.",
            "A developer should wrap the page's content in a main element.",
            _DEVELOPER,
        ),
        _axe(
            "landmark-unique",
            "Landmarks can be told apart",
            "Two landmarks of the same kind have the same name (or none).",
            "Screen reader users hear, say, 'navigation' twice and cannot tell which is which.",
            "A developer should give each landmark a distinct label.",
            _DEVELOPER,
        ),
        _axe(
            "landmark-no-duplicate-banner",
            "The page has only one header",
            "The page has more than one banner landmark.",
            "Screen reader users expect one site header and may get lost.",
            "A developer should keep one banner landmark per page.",
            _DEVELOPER,
        ),
        _axe(
            "landmark-complementary-is-top-level",
            "Side content is not inside another landmark",
            "An aside is nested inside another landmark.",
            "Screen reader users find side content in an unexpected place.",
            "A developer should move the aside out of the other landmark.",
            _DEVELOPER,
        ),
        _axe(
            "list",
            "Lists only contain list items",
            "A list contains something other than list items.",
            "Screen readers announce how many items a list has; extra elements break that.",
            "Use the editor's list buttons rather than pasting list-like text.",
        ),
        _axe(
            "listitem",
            "List items are inside a list",
            "A list item is not inside a list.",
            "Screen readers cannot tell it belongs to a list.",
            "Use the editor's list buttons rather than pasting list-like text.",
        ),
        _axe(
            "duplicate-id",
            "Element ids are unique",
            "Two elements on the page have the same id.",
            "Labels, links to a section and assistive technology can point at the wrong one.",
            "A developer should make each id unique; in rich text, avoid pasting the same "
            "anchor twice.",
        ),
        _axe(
            "duplicate-id-aria",
            "Ids used by labels are unique",
            "An id used by a label or description appears twice.",
            "A screen reader may read the wrong label for a control.",
            "A developer should make each id unique.",
            _DEVELOPER,
        ),
        _axe(
            "aria-allowed-attr",
            "ARIA attributes are used correctly",
            "An element has an ARIA attribute its role does not allow.",
            "Screen readers may announce the element wrongly or ignore it.",
            "A developer should remove the attribute or use the right element.",
            _DEVELOPER,
        ),
        _axe(
            "aria-required-attr",
            "ARIA roles have what they need",
            "An element with an ARIA role is missing an attribute the role requires.",
            "Screen readers cannot tell people the element's state (open, checked, and so on).",
            "A developer should add the missing attribute, or use a native HTML element.",
            _DEVELOPER,
        ),
        _axe(
            "aria-valid-attr-value",
            "ARIA attributes have valid values",
            "An ARIA attribute has a value that is not allowed.",
            "Screen readers may announce something wrong or nothing at all.",
            "A developer should fix the value.",
            _DEVELOPER,
        ),
        _axe(
            "aria-hidden-focus",
            "Hidden content cannot take keyboard focus",
            "Something hidden from screen readers can still be reached with the keyboard.",
            "Keyboard and screen reader users land on something they are told is not there.",
            "A developer should make the hidden content unfocusable, or stop hiding it.",
            _DEVELOPER,
        ),
        _axe(
            "button-name",
            "Buttons have text",
            "A button has no text a screen reader can read out.",
            "Screen reader users hear 'button' and cannot tell what it does.",
            "Give the button a short label that says what it does.",
            _DEVELOPER,
        ),
        _axe(
            "document-title",
            "The page has a title",
            "The page has no title in the browser tab.",
            "The title is the first thing a screen reader reads, and what people see in tabs, "
            "bookmarks and search results.",
            "Give the page a title; a developer should check the template outputs it.",
            _DEVELOPER,
        ),
        _axe(
            "html-has-lang",
            "The page says which language it is in",
            "The page does not say what language it is written in.",
            "Screen readers may read English words with the wrong accent and pronunciation.",
            "A developer should set the lang attribute in the template.",
            _DEVELOPER,
        ),
        _axe(
            "target-size",
            "Buttons and links are big enough to tap",
            "A link or button is too small, or too close to another, to tap easily.",
            "People with tremors, limited dexterity or a small phone tap the wrong thing.",
            "A developer should make the target at least 24 by 24 pixels or add space around it.",
            _DEVELOPER,
        ),
        _axe(
            "link-in-text-block",
            "Links stand out from the text around them",
            "A link inside a paragraph can only be told apart by its colour.",
            "People who cannot see the colour difference do not know it is a link.",
            "A developer should underline links in text.",
            _DEVELOPER,
        ),
        _axe(
            "frame-title",
            "Embedded content has a title",
            "An embedded frame (a map or video, say) has no title.",
            "Screen reader users do not know what the embedded content is before entering it.",
            "Give the embed a title that says what it is.",
        ),
        _axe(
            "table-fake-caption",
            "Tables use real captions",
            "A table uses a cell as its caption.",
            "Screen readers do not announce it as the table's caption.",
            "Use the table's caption setting rather than a first row.",
            _EDITOR,
        ),
        _axe(
            "empty-table-header",
            "Table headers have text",
            "A table header cell is empty.",
            "Screen readers read out the header with each cell under it. An empty header "
            "tells residents nothing about what the column or row holds.",
            "Give each header cell a word or two saying what its column or row holds. If the "
            "cell is not a header, make it an ordinary cell.",
            _EDITOR,
        ),
        _axe(
            "th-has-data-cells",
            "Table headers describe data",
            "A table header cell has no data cells under or beside it.",
            "Screen readers cannot tell which data a header describes.",
            "Make sure header rows and columns describe the cells in the table.",
            _EDITOR,
        ),
    ]
}


def help_for(
    rule_id: str, *, help: str = "", message: str = "", help_url: str = ""
) -> RuleHelp | None:
    """Help for ``rule_id``: Clearway's catalogue, then the axe table above, then IBM's table
    (with the engine's ``help`` as what is wrong), then what the engine said (``help``,
    ``message`` and ``help_url`` from a stored finding). ``None`` when nothing is
    known."""
    if rule_id.startswith("clearway-"):
        from audit.checks.catalogue import get_rule

        try:
            rule = get_rule(rule_id)
        except KeyError:
            rule = None
        if rule is not None:
            return RuleHelp(
                rule=rule.id,
                title=rule.title,
                what=rule.what,
                why=rule.why,
                how=rule.how,
                wcag=tuple(rule.wcag),
                fixed_by=str(rule.fixed_by),
                help_url=help_url,
            )
    known = AXE_RULES.get(rule_id)
    if known is not None:
        return RuleHelp(**{**known.__dict__, "help_url": help_url or known.help_url})
    ibm = IBM_HELP.get(rule_id)
    if ibm is not None:
        return RuleHelp(
            rule=rule_id,
            title=ibm.title,
            # The engine's own words for what is wrong, when a finding stored them.
            what=help or ibm.title,
            why="",
            how=ibm.how,
            fixed_by=ibm.fixed_by,
            help_url=help_url,
        )
    if not (help or message):
        return None
    return RuleHelp(
        rule=rule_id,
        title=help or rule_id,
        what=help or message,
        why="",
        how=message,
        help_url=help_url,
    )
