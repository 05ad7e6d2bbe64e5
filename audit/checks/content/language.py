"""Language of parts (WCAG 3.1.2): passages in another language are marked with ``lang``.

Each long passage of the content (a paragraph, list item, quotation, table cell or definition
of ``min_words`` words or more; headings, labels and addresses are never long enough) is
guessed with :mod:`.language_guess`, leaving out text inside elements that carry their own
``lang``. Its declared language is its nearest ``lang``.

* **Unmarked** (``clearway-language-of-parts``): the nearest ``lang`` is in the page's
  language (``<html lang>``; a ``<main lang="en">`` on an English page changes nothing) and
  the passage is not in it. A violation when the guess is sure
  (``violation_confidence``), needs review when it is fairly sure (``review_confidence``).
  When such passages are most of the page's text, the page's own ``lang`` is what is wrong
  (WCAG 3.1.1): that is the browser rule ``clearway-page-language``'s, and nothing is reported
  here.
* **Marked wrongly** (``clearway-lang-attribute-mismatch``): an element inside the page has a
  ``lang`` its passages clearly are not in (``lang="fr"`` on English). Always needs review
  (one finding per such element): the guesser knows the commonest languages only.

Short text (a "Croeso" heading, a quoted motto), names and place names, addresses and code
are never reported: they have too few words or too few function words to tell.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from audit.checks.content import language_guess
from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import (
    BLOCK_TAGS,
    CODE_TAGS,
    SKIPPED_TAGS,
    ContentDocument,
    TextBlock,
    is_hidden,
)
from audit.checks.content.language_guess import Guess, name
from audit.checks.issues import Issue
from audit.core.enums import Outcome

LANGUAGE_OF_PARTS = "clearway-language-of-parts"
LANG_MISMATCH = "clearway-lang-attribute-mismatch"

#: The blocks read as passages of prose.
PASSAGE_TAGS = frozenset(
    {"p", "li", "dd", "blockquote", "td", "div", "figcaption", "section", "article"}
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The defaults; the rules' options override them.
DEFAULTS = {"min_words": 12, "violation_confidence": 0.8, "review_confidence": 0.5}


@dataclass(frozen=True)
class Passage:
    block: TextBlock
    guess: Guess
    #: The ``lang`` value that applies, and the element it is on.
    declared: str
    declared_on: HtmlElement
    #: The page's language (``<html lang>``), empty when it has none.
    page: str
    #: How sure the guess is that the passage is not in ``declared``.
    confidence: float

    @property
    def marked_in_page(self) -> bool:
        """Whether it is marked as being in another language than the page's (a
        ``<main lang="en">`` on an English page marks nothing)."""
        primary = language_guess.primary
        return bool(self.page) and primary(self.declared) != primary(self.page)


def check_language_of_parts(document: ContentDocument, context: CheckContext) -> list[Issue]:
    options = {**DEFAULTS, **context.options}
    review = float(options["review_confidence"])
    violation = float(options["violation_confidence"])
    unmarked = [
        p
        for p in passages(document, int(options["min_words"]))
        if not p.marked_in_page and p.confidence >= review
    ]
    if not unmarked:
        return []
    if sum(p.guess.words for p in unmarked) * 2 > _page_words(document):
        return []  # the page's own lang is wrong (WCAG 3.1.1): clearway-page-language's
    issues = []
    for passage in unmarked:
        sure = passage.confidence >= violation
        issues.append(
            element_issue(
                document,
                LANGUAGE_OF_PARTS,
                passage.block.element,
                _unmarked_message(passage, sure),
                outcome=Outcome.VIOLATION if sure else Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def check_lang_mismatch(document: ContentDocument, context: CheckContext) -> list[Issue]:
    options = {**DEFAULTS, **context.options}
    review = float(options["review_confidence"])
    by_element: dict[HtmlElement, list[Passage]] = {}
    for passage in passages(document, int(options["min_words"])):
        if passage.marked_in_page and passage.confidence >= review:
            by_element.setdefault(passage.declared_on, []).append(passage)
    issues = []
    for element, wrong in by_element.items():
        first = wrong[0]
        whose = "its text looks" if first.block.element is element else "a passage in it looks"
        issues.append(
            element_issue(
                document,
                LANG_MISMATCH,
                element,
                f'This is marked as {_language_phrase(first.declared)} (lang="{first.declared}") '
                f"but {whose} like {_guessed(first.guess)}. Screen readers read it with the "
                "wrong voice and pronunciation. Check the lang attribute is right.",
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def passages(document: ContentDocument, min_words: int) -> list[Passage]:
    """The content's long passages, each guessed once per page (both rules read them)."""
    key = f"language passages {min_words}"
    if key not in document.memo:
        document.memo[key] = list(_passages(document, min_words))
    found: list[Passage] = document.memo[key]
    return found


def _passages(document: ContentDocument, min_words: int) -> list[Passage]:
    found = []
    page = ""
    if document.root is not None:
        page = (document.root.get("lang") or document.root.get(_XML_LANG) or "").strip()
    # Blocks holding an element with its own lang (worked out once, not per block).
    marked = document.root.xpath("//body//*[@lang]") if document.root is not None else []
    holding_marked = {ancestor for element in marked for ancestor in element.iterancestors()}
    for block in document.text_blocks:
        # A quick test first: most blocks are short, and are never guessed.
        if block.tag not in PASSAGE_TAGS or not language_guess.maybe_long(block.text, min_words):
            continue
        declared, declared_on = _declared(block.element)
        if not declared or not language_guess.known(language_guess.primary(declared)):
            continue  # no lang (axe-core's html-has-lang), or one the guesser cannot judge
        text = _unmarked_text(block) if block.element in holding_marked else block.text
        guess = language_guess.guess(text)
        confidence = language_guess.not_in(guess, declared, min_words=min_words)
        found.append(Passage(block, guess, declared, declared_on, page, confidence))
    return found


def _declared(element: HtmlElement) -> tuple[str, HtmlElement]:
    for node in (element, *element.iterancestors()):
        lang = node.get("lang")
        if lang is None:
            lang = node.get(_XML_LANG)
        if lang is not None:
            return lang.strip(), node
    return "", element


def _unmarked_text(block: TextBlock) -> str:
    """The block's own text without the parts marked with their own ``lang``."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str) and not (
                child.tag in SKIPPED_TAGS
                or child.tag in CODE_TAGS
                or child.tag in BLOCK_TAGS
                or is_hidden(child)
                or child.get("lang") is not None
            ):
                walk(child)
            else:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(block.element)
    return " ".join("".join(parts).split())


def _page_words(document: ContentDocument) -> int:
    return sum(len(block.text.split()) for block in document.text_blocks)


def _language_phrase(tag: str) -> str:
    return name(language_guess.primary(tag))


def _guessed(guess: Guess) -> str:
    likely = guess.likely()
    if not likely:
        return f"a language written in {guess.script} script"
    return " or ".join(name(code) for code in likely)


def _unmarked_message(passage: Passage, sure: bool) -> str:
    likely = passage.guess.likely()
    codes = " or ".join(f'lang="{code}"' for code in likely) or "its language's lang"
    looks = "is" if sure else "looks like it is"
    return (
        f"This passage ({passage.guess.words} words) {looks} in {_guessed(passage.guess)}, but "
        f"nothing marks its language: screen readers read it as "
        f'{_language_phrase(passage.declared)}, the page\'s language (lang="{passage.declared}"), '
        f"with the wrong pronunciation. Add {codes} to it or to the element around it."
    )
