"""Block capitals, and italic or underlined text used for emphasis.

**Block capitals.** A run of at least ``min_words`` words in capitals with at least
``min_letters`` letters between them ("PLEASE NOTE", "DO NOT PUT GLASS IN THIS BIN").
Acronyms are short and come alone, so "VAT", "DVLA", "NHS and DVLA" and codes with digits
("ABC123", "AN1 1AA") never make a run; text in ``<abbr>``, code and ``<address>`` (postal
addresses in capitals are Royal Mail's convention) is ignored.

**Italic and underline.** GOV.UK does not use italics (long italic text is harder to read,
especially with dyslexia) and underlined text looks like a link. Reported: ``<i>`` and ``<u>``
with text, inline ``font-style: italic`` or ``text-decoration: underline`` on anything but a
link, and ``<em>`` covering ``long_em_words`` words or more. A short ``<em>`` ("you *must*
apply") is ordinary HTML stress emphasis, which screen readers may voice, and is left alone.
Never reported: ``<i lang="...">`` (a foreign phrase), ``<cite>``, icon fonts (an empty ``<i>``
or one with an icon class, such as ``<i class="material-icons">phone</i>``) and anything
hidden.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import ContentDocument, is_hidden, text_of
from audit.checks.issues import Issue

BLOCK_CAPITALS = "clearway-block-capitals"
EMPHASIS = "clearway-italic-underline"

_TOKEN = re.compile(r"[^\s]+")
#: Icon fonts' classes: <i class="material-icons">phone</i> is a picture, not italic text.
_ICON_CLASS = re.compile(r"icon|\bfa[srlbd]?\b|\bfa-|glyph|symbol", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")


def _caps_word(token: str) -> str | None:
    """The token's letters when it is a word in capitals (no digits), else None."""
    word = token.strip(".,;:!?\"'“”\u2018\u2019()[]-\u2013—/")
    if not word or any(c.isdigit() for c in word):
        return None
    letters = "".join(c for c in word if c.isalpha())
    if letters and not any(c.islower() for c in word):
        return letters
    return None


#: Two words of two or more capitals in a row: text without it has no run (a quick test).
_MAYBE_RUN = re.compile(r"[A-ZÀ-Þ]{2}[^a-z\n]*?\s[^a-z\n]*?[A-ZÀ-Þ]{2}")


def capital_runs(text: str, *, min_words: int, min_letters: int) -> list[str]:
    """Runs of words in capitals in ``text`` long enough to be shouting."""
    if min_words > 1 and not _MAYBE_RUN.search(text):
        return []
    runs: list[str] = []
    current: list[str] = []
    letters = 0

    def close() -> None:
        nonlocal current, letters
        long_words = [w for w in current if len(_caps_word(w) or "") > 1]
        if len(long_words) >= min_words and letters >= min_letters:
            runs.append(" ".join(current).strip('.,;:"“”()'))
        current, letters = [], 0

    for line in text.split("\n"):
        for token in _TOKEN.findall(line):
            word = _caps_word(token)
            if word is None:
                close()
                continue
            if len(word) == 1 and not current:
                continue  # "A" or "I" starting a sentence
            current.append(token)
            letters += len(word)
            if token[-1] in ".!?:;":
                close()
        close()
    return runs


def check_block_capitals(document: ContentDocument, context: CheckContext) -> list[Issue]:
    min_words = int(context.options["min_words"])
    min_letters = int(context.options["min_letters"])
    issues = []
    for block in document.text_blocks:
        if block.tag == "address" or any(a.tag == "address" for a in block.element.iterancestors()):
            continue  # postal addresses in capitals are Royal Mail's convention
        text = block.text
        for abbr in block.element.iter("abbr"):
            text = text.replace(text_of(abbr), " ")
        runs = capital_runs(text, min_words=min_words, min_letters=min_letters)
        if runs:
            shown = ", ".join(quote(run, 60) for run in runs[:3])
            issues.append(
                element_issue(
                    document,
                    BLOCK_CAPITALS,
                    block.element,
                    f"Text in capital letters is harder to read: {shown}. "
                    "Use sentence case (and bold, sparingly, for a warning).",
                )
            )
    return issues


def _style(element: HtmlElement) -> str:
    return (element.get("style") or "").replace(" ", "").lower()


def _inside_link(element: HtmlElement) -> bool:
    return element.tag == "a" or any(a.tag == "a" for a in element.iterancestors())


def _emphasis_problem(element: HtmlElement, long_em_words: int) -> str | None:
    tag = element.tag
    if (
        tag in {"i", "u", "em"}
        or "font-style:italic" in _style(element)
        or ("underline" in _style(element) and "text-decoration" in _style(element))
    ):
        if is_hidden(element) or any(is_hidden(a) for a in element.iterancestors()):
            return None
        text = text_of(element, with_alt=False)
        if not text or _ICON_CLASS.search(element.get("class") or ""):
            return None  # an icon font's <i class="icon">, or a ligature icon's name
    else:
        return None
    if tag == "u" or ("underline" in _style(element) and "text-decoration" in _style(element)):
        if _inside_link(element):
            return None
        return (
            f"Underlined text looks like a link: {quote(text, 60)}. Remove the underline "
            "(use bold, sparingly, for something important)."
        )
    if element.get("lang") or any(a.tag == "cite" for a in element.iterancestors()):
        return None  # a foreign word or phrase, or a title being cited
    if tag == "em" and len(text.split()) < long_em_words:
        return None
    return (
        f"Italic text is harder to read, especially for people with dyslexia: "
        f"{quote(text, 60)}. Use plain text (and bold, sparingly, for something important)."
    )


def check_emphasis(document: ContentDocument, context: CheckContext) -> list[Issue]:
    long_em_words = int(context.options["long_em_words"])
    issues = []
    for root in document.content_roots:
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            problem = _emphasis_problem(element, long_em_words)
            if problem:
                issues.append(element_issue(document, EMPHASIS, element, problem))
    return issues
