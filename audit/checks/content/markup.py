"""Markup rules: justified text, presentational elements, duplicate ids that other elements
point to, access keys, and images whose ``title`` says something else than their alt text.

``<marquee>`` and ``<blink>`` are axe-core's (``marquee``, ``blink``). An id referenced by
``for`` or an ARIA attribute is axe-core's ``duplicate-id-aria``, which asks for review; this
module reports it as a failure only when the reference is known to reach the wrong element.
"""

from __future__ import annotations

import re
import string

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, page_issue, quote
from audit.checks.content.document import ContentDocument, fold, text_of
from audit.checks.content.elements import hidden_within, visible
from audit.checks.issues import Issue
from audit.core.enums import Outcome

JUSTIFIED = "clearway-justified-text"
PRESENTATIONAL = "clearway-presentational-element"
DUPLICATE_ID = "clearway-duplicate-id-reference"
ACCESSKEY = "clearway-accesskey"
TITLE_ALT = "clearway-title-differs-from-alt"

PRESENTATIONAL_TAGS = frozenset({"font", "center", "big", "tt", "strike", "basefont"})
_JUSTIFY = re.compile(r"text-align\s*:\s*justify\b", re.I)
#: One CSS rule: its selector and its declarations (comments and @media wrappers aside).
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
#: Selectors for text that nobody reads as a passage.
_NOT_PROSE = re.compile(
    r"^(?:td|th|caption|button|label|input|nav\b.*|\.?[\w-]*(?:btn|button)\S*)$"
)


def _with_text(element: HtmlElement) -> bool:
    return len(text_of(element)) >= 80


_COMPOUND = re.compile(r"^(?P<tag>[a-z][a-z0-9]*|\*)?(?P<rest>(?:[.#][\w-]+)*)")


def _matches_something(document: ContentDocument, selector: str) -> bool:
    """Whether the selector's last part (``p``, ``.has-text-align-justify``, ``div.intro``)
    names an element on this page; other selectors are taken to match. WordPress inlines
    ``.has-text-align-justify { text-align: justify }`` on every page, used or not."""
    last = re.split(r"[\s>+~]+", selector.strip())[-1].split(":")[0].split("[")[0]
    match = _COMPOUND.match(last.lower())
    if match is None or not (match.group("tag") or match.group("rest")):
        return True
    tag = match.group("tag") or "*"
    classes = re.findall(r"\.([\w-]+)", match.group("rest"))
    ids = re.findall(r"#([\w-]+)", match.group("rest"))
    for element in document.all_elements:
        if tag != "*" and element.tag != tag:
            continue
        own = (element.get("class") or "").lower().split()
        if all(c in own for c in classes) and all(element.get("id") == i for i in ids):
            return True
    return False


def check_justified(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for element in document.all_elements:
        style = element.get("style") or ""
        aligned = (element.get("align") or "").strip().lower() == "justify"
        if not (aligned or _JUSTIFY.search(style)):
            continue
        if hidden_within(element) or not _with_text(element):
            continue
        if any(_JUSTIFY.search(a.get("style") or "") for a in element.iterancestors()):
            continue  # the outermost one is reported
        issues.append(
            element_issue(
                document,
                JUSTIFIED,
                element,
                "This text is justified (aligned to both margins). The uneven gaps between "
                "words make it harder to read, especially for people with dyslexia. Align it "
                "to the left.",
                html=document.opening_tag(element),
            )
        )
    for style in visible(document, "style"):
        css = _CSS_COMMENT.sub("", style.text or "")
        for match in _CSS_RULE.finditer(css):
            selector = fold(match.group(1).split(";")[-1])
            if not _JUSTIFY.search(match.group(2)) or selector.startswith("@"):
                continue
            parts = [p.strip() for p in selector.split(",")]
            if all(_NOT_PROSE.match(p) or not _matches_something(document, p) for p in parts):
                continue  # a style sheet's rule for what is not on this page, or not prose
            issues.append(
                page_issue(
                    JUSTIFIED,
                    f"The page's styles justify text ({quote(selector, 60)} "
                    "{ text-align: justify }): the uneven gaps between words make it harder to "
                    "read, especially for people with dyslexia. Align body text to the left.",
                    selector="style",
                    html=fold(match.group(0))[:200],
                )
            )
    return issues


def check_presentational(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for element in visible(document, *PRESENTATIONAL_TAGS):
        if any(a.tag in PRESENTATIONAL_TAGS for a in element.iterancestors()):
            continue  # the outermost one is reported
        issues.append(
            element_issue(
                document,
                PRESENTATIONAL,
                element,
                f"<{element.tag}> is an old, presentational element. Its look does not reach "
                "people who set their own colours or use a screen reader, and it often comes "
                "from pasting out of a word processor. Remove it and use headings, paragraphs "
                "and the site's styles.",
                html=document.opening_tag(element),
            )
        )
    return issues


#: Attributes that name other elements by id, and whose reference reaches the first element
#: with that id.
_ID_REFERENCES = (
    "for", "aria-labelledby", "aria-describedby", "aria-errormessage", "aria-controls",
    "aria-owns", "aria-activedescendant", "aria-details",
)  # fmt: skip


def _closeness(element: HtmlElement, other: HtmlElement) -> int:
    """How deep the innermost element holding both is: the higher, the closer they sit."""
    around = {id(ancestor) for ancestor in element.iterancestors()}
    for depth, ancestor in enumerate(reversed(list(other.iterancestors()))):
        if id(ancestor) not in around:
            return depth
    return len(list(other.iterancestors()))


def _misdirected_references(
    document: ContentDocument, duplicated: dict[str, list[HtmlElement]]
) -> dict[str, Issue]:
    """Duplicated ids that an element names (a label's ``for``, ``aria-describedby``...)
    while sitting closer to a later element with that id than to the first: the reference
    reaches the first, so that element is labelled or described by the wrong one (a form's
    hint repeated with the same id in a second form). By id, one issue on the element named."""
    found: dict[str, Issue] = {}
    for element in document.all_elements:
        for attribute in _ID_REFERENCES:
            for element_id in (element.get(attribute) or "").split():
                if element_id not in duplicated or element_id in found:
                    continue
                first, *later = duplicated[element_id]
                nearest = max(later, key=lambda other: _closeness(element, other))
                if _closeness(element, nearest) <= _closeness(element, first):
                    continue
                found[element_id] = element_issue(
                    document,
                    DUPLICATE_ID,
                    nearest,
                    f"{len(duplicated[element_id])} elements have the id {quote(element_id)}. "
                    f"The {attribute} attribute beside this one names that id, but reaches "
                    "the first element with it, elsewhere on the page: screen readers read "
                    "out the wrong text, or link the wrong field. Give each element its own id.",
                    html=document.opening_tag(nearest),
                    outcome=Outcome.VIOLATION,
                )
    return found


def check_duplicate_id(document: ContentDocument, context: CheckContext) -> list[Issue]:
    counts: dict[str, list[HtmlElement]] = {}
    for element in document.all_elements:
        element_id = element.get("id")
        if element_id:
            counts.setdefault(element_id, []).append(element)
    duplicated = {i: es for i, es in counts.items() if len(es) > 1}
    if not duplicated:
        return []
    by_headers: set[str] = set()
    by_link: set[str] = set()
    for element in document.all_elements:
        if element.tag in {"td", "th"}:
            by_headers.update(i for i in (element.get("headers") or "").split() if i in duplicated)
        href = element.get("href") if element.tag in {"a", "area"} else None
        if href and href.startswith("#") and href[1:] in duplicated:
            by_link.add(href[1:])
    misdirected = _misdirected_references(document, duplicated)
    issues = list(misdirected.values())
    for element_id in sorted((by_headers | by_link) - misdirected.keys()):
        second = duplicated[element_id][1]  # the first is the one the reference finds
        if element_id in by_headers:
            message = (
                f"{len(duplicated[element_id])} elements have the id {quote(element_id)}, "
                "which table cells name in their headers attribute: screen readers cannot "
                "tell which header a cell belongs to. Give every header cell its own id."
            )
            outcome = Outcome.VIOLATION
        else:
            message = (
                f"{len(duplicated[element_id])} elements have the id {quote(element_id)}, "
                "which a link on the page goes to: the link always goes to the first one, "
                "which may not be the one meant. Give each element its own id."
            )
            outcome = Outcome.NEEDS_REVIEW
        issues.append(
            element_issue(
                document,
                DUPLICATE_ID,
                second,
                message,
                html=document.opening_tag(second),
                outcome=outcome,
            )
        )
    return issues


def check_accesskey(document: ContentDocument, context: CheckContext) -> list[Issue]:
    return [
        element_issue(
            document,
            ACCESSKEY,
            element,
            f"This element has an access key ({quote(element.get('accesskey') or '')}). "
            "Access keys can clash with the keys of screen readers, browsers and other "
            "tools, and residents rarely know they exist. Check it clashes with nothing, or "
            "remove it.",
            html=document.opening_tag(element),
            outcome=Outcome.NEEDS_REVIEW,
        )
        for element in document.all_elements
        if fold(element.get("accesskey") or "") and not hidden_within(element)
    ]


def _comparable(text: str) -> str:
    return fold(text.lower().translate(str.maketrans("", "", string.punctuation)))


def check_title_alt(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for image in document.images:
        title = fold(image.get("title") or "")
        alt = image.get("alt")
        if not title or alt is None or _comparable(title) == _comparable(alt):
            continue
        if alt.strip():
            message = (
                f"The image's title, {quote(title)}, says something its alt text, "
                f"{quote(alt)}, does not. Only mouse users see the title (when they hover), "
                "and screen readers read one or the other. Put what matters in the alt text "
                "and remove the title."
            )
        else:
            message = (
                f"The image has an empty alt text (decoration) but a title, {quote(title)}: "
                "if the image tells residents something, screen reader users miss it. Put it "
                "in the alt text, or remove the title if the image is only decoration."
            )
        issues.append(
            element_issue(document, TITLE_ALT, image, message, outcome=Outcome.NEEDS_REVIEW)
        )
    return issues
