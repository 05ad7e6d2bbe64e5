"""Words and phrases to avoid, with plainer alternatives.

The list is editable in the admin (``PlainEnglishTerm``); :data:`DEFAULT_TERMS` is used when
that table is empty or cannot be read, and the data migration ``0002_plain_english_terms``
loads it into the table.

The default list is GOV.UK's "words to avoid" (style guide, A to Z) and a few phrases from the
Plain English Campaign's A to Z of alternative words, chosen so that ordinary council text does
not trip them: a false alarm costs more than a miss. So "deliver" (bins and meals are
delivered), "foster" (foster carers), "key" (door keys), "drive", "land", "promote", "progress",
"commit" (a crime), "impact" (the noun), "assist" (assisted bin collections), "obtain",
"require" and "remuneration" (councils' Independent Remuneration Panels) are not on it. Words
are matched whole, in any case, and only in the forms listed (there is no stemming: "utilised"
is listed beside "utilise").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument, fold
from audit.checks.issues import Issue

WORDS_TO_AVOID = "clearway-words-to-avoid"


@dataclass(frozen=True)
class PlainTerm:
    """A word or phrase to avoid and what to say instead."""

    phrase: str
    alternatives: tuple[str, ...] = ()
    note: str = ""


def terms_from_rows(rows: Sequence[tuple[str, str, str]]) -> tuple[PlainTerm, ...]:
    """Terms from (phrase, alternatives comma-separated, note) rows."""
    return tuple(
        PlainTerm(phrase, tuple(a.strip() for a in alternatives.split(",") if a.strip()), note)
        for phrase, alternatives, note in rows
    )


_GOVUK = "GOV.UK words to avoid"
_PLAIN = "Plain English Campaign"
#: (phrase, alternatives comma-separated, note).
DEFAULT_ROWS: tuple[tuple[str, str, str], ...] = (
    # GOV.UK's words to avoid.
    ("collaborate", "work with", _GOVUK),
    ("collaborating", "working with", _GOVUK),
    ("combat", "stop, solve, fix", f"{_GOVUK} (unless it is military)"),
    ("combating", "stopping, solving, fixing", f"{_GOVUK} (unless it is military)"),
    ("countering", "answering, responding to", _GOVUK),
    ("deploy", "use, put in place", f"{_GOVUK} (unless it is military or software)"),
    ("deploying", "using, putting in place", f"{_GOVUK} (unless it is military or software)"),
    ("dialogue", "conversation, discussion, talk", f"{_GOVUK} (we speak to people)"),
    ("disincentivise", "discourage, put off", _GOVUK),
    ("empower", "let, allow, help", _GOVUK),
    ("empowering", "letting, allowing, helping", _GOVUK),
    ("facilitate", "help, make possible, run", f"{_GOVUK} (say what you are doing)"),
    ("facilitated", "helped, made possible, ran", _GOVUK),
    ("facilitating", "helping, making possible, running", _GOVUK),
    (
        "going forward",
        "in future, from now on",
        f"{_GOVUK} (it is unlikely we are going backwards)",
    ),
    ("impacted", "affected", f"{_GOVUK} (impact as a verb)"),
    ("impacting", "affecting", f"{_GOVUK} (impact as a verb)"),
    ("in order to", "to", f"{_GOVUK} (superfluous)"),
    ("incentivise", "encourage", _GOVUK),
    ("initiate", "start, begin", _GOVUK),
    ("initiated", "started, began", _GOVUK),
    ("leverage", "use, influence", f"{_GOVUK} (unless in the financial sense)"),
    ("liaise", "work with, talk to", _GOVUK),
    ("liaising", "working with, talking to", _GOVUK),
    ("overarching", "main, overall", f"{_GOVUK} (often unnecessary)"),
    ("robust", "strong, well thought out", f"{_GOVUK} (unless it is describing a physical object)"),
    ("slimming down", "reducing, cutting", f"{_GOVUK} (processes do not diet)"),
    ("streamline", "simplify, speed up", _GOVUK),
    ("streamlining", "simplifying, speeding up", _GOVUK),
    ("tackling", "solving, dealing with, stopping", f"{_GOVUK} (unless it is sport)"),
    ("transforming", "changing", f"{_GOVUK} (say what you are doing to it)"),
    ("utilise", "use", _GOVUK),
    ("utilised", "used", _GOVUK),
    ("utilising", "using", _GOVUK),
    ("utilisation", "use", _GOVUK),
    ("utilize", "use", _GOVUK),
    ("utilized", "used", _GOVUK),
    ("utilizing", "using", _GOVUK),
    ("e.g.", "for example, such as, like", f"{_GOVUK} (some screen readers read it as 'egg')"),
    ("eg", "for example, such as, like", f"{_GOVUK} (some screen readers read it as 'egg')"),
    ("i.e.", "that is, which means", _GOVUK),
    ("etc", "list everything, or use 'such as' or 'like'", _GOVUK),
    # Plain English Campaign's A to Z of alternative words.
    ("approximately", "about, roughly", _PLAIN),
    ("ascertain", "find out", _PLAIN),
    ("at this point in time", "now", _PLAIN),
    ("commence", "start, begin", _PLAIN),
    ("commenced", "started, began", _PLAIN),
    ("commencing", "starting, beginning", _PLAIN),
    ("endeavour to", "try to", _PLAIN),
    ("expedite", "speed up, hurry", _PLAIN),
    ("forthwith", "now, at once", _PLAIN),
    ("hereby", "(leave it out)", _PLAIN),
    ("herein", "here, in this", _PLAIN),
    ("in accordance with", "under, in line with, following", _PLAIN),
    ("in conjunction with", "with", _PLAIN),
    ("in excess of", "more than", _PLAIN),
    ("in relation to", "about", _PLAIN),
    ("in respect of", "about, for", _PLAIN),
    ("in the event of", "if", _PLAIN),
    ("in the event that", "if", _PLAIN),
    ("notwithstanding", "despite, even if", _PLAIN),
    ("per annum", "a year", _PLAIN),
    ("prior to", "before", _PLAIN),
    ("pursuant to", "under, in line with", _PLAIN),
    ("terminate", "end, stop", _PLAIN),
    ("terminated", "ended, stopped", _PLAIN),
    ("whilst", "while", _PLAIN),
    ("with regard to", "about", _PLAIN),
    ("with regards to", "about", _PLAIN),
)
DEFAULT_TERMS: tuple[PlainTerm, ...] = terms_from_rows(DEFAULT_ROWS)


@lru_cache(maxsize=16)
def _matcher(terms: tuple[PlainTerm, ...]) -> tuple[re.Pattern[str] | None, dict[str, PlainTerm]]:
    by_phrase = {fold(t.phrase).lower(): t for t in terms if fold(t.phrase)}
    if not by_phrase:
        return None, by_phrase
    alternatives = sorted(by_phrase, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in p.split(" ")) for p in alternatives)
    # Whole words only, and not part of an address, a web address or a file name.
    pattern = re.compile(rf"(?<![\w@/.\-])(?:{body})(?![\w@/\-]|\.\w)", re.IGNORECASE)
    return pattern, by_phrase


#: Quoted words are someone else's: "we will 'facilitate' nothing" is not the page's voice.
_QUOTED = re.compile(r"“[^”]{0,300}”|\"[^\"]{0,300}\"")
#: Elements whose words are quoted or cited, not written by the page.
_QUOTE_TAGS = frozenset({"q", "cite", "blockquote"})


def find_terms(
    text: str,
    terms: Sequence[PlainTerm],
    matcher: tuple[re.Pattern[str] | None, dict[str, PlainTerm]] | None = None,
) -> list[tuple[str, PlainTerm]]:
    """``(words as written, term)`` for each distinct term in ``text``, in order."""
    pattern, by_phrase = matcher or _matcher(tuple(terms))
    if pattern is None:
        return []
    text = _QUOTED.sub(" ", text)
    found: dict[str, tuple[str, PlainTerm]] = {}
    for match in pattern.finditer(text):
        key = fold(match.group(0)).lower()
        term = by_phrase.get(key)
        if term is not None and key not in found:
            found[key] = (fold(match.group(0)), term)
    return list(found.values())


def _unquoted_text(element: HtmlElement, text: str) -> str:
    for quoted in element.iter(*_QUOTE_TAGS):
        if quoted is not element:
            text = text.replace(fold(quoted.text_content()), " ")
    return text


def describe(found: list[tuple[str, PlainTerm]]) -> str:
    parts = []
    for written, term in found:
        if term.alternatives:
            parts.append(f"“{written}” (try “{'”, “'.join(term.alternatives)}”)")
        else:
            parts.append(f"“{written}”")
    return "; ".join(parts)


def check_words(document: ContentDocument, context: CheckContext) -> list[Issue]:
    if not context.terms:
        return []
    matcher = _matcher(tuple(context.terms))
    issues = []
    for block in document.text_blocks:
        element = block.element
        if not block.english:
            continue  # a Welsh page, or a passage in another language
        if element.tag in _QUOTE_TAGS or any(a.tag in _QUOTE_TAGS for a in element.iterancestors()):
            continue
        found = find_terms(_unquoted_text(element, block.text), context.terms, matcher)
        if found:
            issues.append(
                element_issue(
                    document,
                    WORDS_TO_AVOID,
                    element,
                    f"Use plainer words: {describe(found)}.",
                )
            )
    return issues
