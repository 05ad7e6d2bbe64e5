"""Instructions that pick something out only by its colour, shape or place (WCAG 1.3.3).

“Click the green button”, “Use the links on the left”, “Press the round icon in the top right
corner”: a screen reader user hears no colour, shape or place, and on a phone or magnified
screen the left-hand column is somewhere else. WCAG 1.3.3 asks that instructions do not rely
on such sensory characteristics alone (failure F14; F26 for shapes).

A sentence is reported when it is an instruction (it asks the resident to click, press, tap,
select, choose, use, tick, find or look at something) and it names the thing only by

* a colour or shape before the kind of thing (“the green button”, “the round icon”), or
* where it is on the screen (“the button on the right”, “the links in the left-hand
  column”, “the icon in the top right corner”, “the right-hand menu”);

and nothing else in the sentence names it: no quoted label (the green “Apply” button) and
no label written in capitals before the kind of thing (“the green Apply button”). These are
WCAG failures. So is a sentence that says what colour alone means on a form (“Required fields
are marked in red”, “Questions in red must be answered”), which also fails 1.4.1.

Weaker signs are reported for a person to check: an instruction with a sensory word and a
kind of thing that the patterns above do not tie together, or a sentence that says something
“is on the right”. “Above” and “below” are never reported: in a page read top to bottom they
are also the reading order, as WCAG's understanding of 1.3.3 allows; nor are ordinary uses of
the words (“large items”, “Little Acre Road”, “the right to appeal”), which are not
instructions about something on the screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import ContentDocument
from audit.checks.issues import Issue
from audit.core.enums import Outcome

SENSORY_INSTRUCTION = "clearway-sensory-instruction"

_COLOUR = r"(?:red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|brown|amber)"
_SHAPE = r"(?:round|square|circular|triangular|rectangular|oval|diamond[\s-]shaped|star[\s-]shaped)"
_SIZE = r"(?:big|bigger|large|larger|small|smaller|little|tiny|huge)"
#: Words that describe a thing's look, not name it: “the big light-blue button”.
_LOOKS = rf"(?:{_COLOUR}|{_SHAPE}|{_SIZE}|light|dark|pale|bright|coloured|colored|shaded)"
#: Kinds of thing on a screen that an instruction may send the resident to.
_THING = (
    r"(?:buttons?|icons?|links?|(?:tick[\s-]?)?box(?:es)?|checkbox(?:es)?|tabs?|menus?|arrows?|"
    r"symbols?|logos?|circles?|squares?|fields?|panels?|columns?|banners?|options?|"
    r"sidebars?|shapes?|stars?|dots?|images?|pictures?)"
)
#: Things in the street or on paper, not on the screen: a council's “green box” is for glass,
#: “press the green button” on a parking machine and “the top left of your bill” are no
#: instructions about the page.
_PHYSICAL = re.compile(
    r"\b(?:bins?|box(?:es)?\s+(?:for|of)|caddy|caddies|sacks?|bags?|lids?|containers?|machines?|"
    r"meters?|intercom|lift|doors?|gates?|barriers?|kiosk|keypad|handset|remote|car\s+park|"
    r"entrance|reception|building|road|street|path|floor|desk|counter|signs|signposts?|vehicle|"
    r"recycling|glass|paper|cans|bottles|waste|bill|letter|envelope|leaflet|card|ticket|"
    r"permit|badge)\b",
    re.I,
)
_VERB = re.compile(
    r"\b(?:click|clicking|press|pressing|tap|tapping|select|selecting|choose|choosing|pick|hit|"
    r"touch|push|use|using|tick|find|look\s+(?:for|at)|see|go\s+to|scroll\s+to|"
    r"fill\s+in|complete)\b",
    re.I,
)
_SIDE = r"(?:(?:top|bottom|upper|lower|far)[\s-]+)?(?:left|right)(?:[\s-]+hand)?"
_SCREEN = r"(?:\s+of\s+(?:the|this|your)\s+(?:page|screen|window))?"
#: Where something is on the screen, after the thing: “on the right”, “in the top right
#: corner”, “in the left-hand column”, “at the top right of the page”.
_PLACE = (
    rf"(?:on|at|in|to|down)\s+the\s+(?:{_SIDE}(?:\s+(?:side|corner|column|panel|margin|edge))?"
    rf"|(?:top|bottom)[\s-]+(?:(?:left|right)[\s-]+)?corner){_SCREEN}\b"
)
_DETERMINER = r"\b(?:the|a|an|this|that|these|those|our)\s+"
_WORDS = r"((?:[\w\u2019'-]+\s+){0,2}?)"

#: “the green button”, “the big round icon”: its look, then the kind of thing. The words
#: between are kept: a word that is not about its look names it (“the green Pay now button”,
#: “the blue print icon”).
_BY_LOOK = re.compile(
    rf"{_DETERMINER}{_WORDS}(?:{_COLOUR}|{_SHAPE}|{_SIZE})\s+{_WORDS}{_THING}\b", re.I
)
#: “the right-hand menu”, “the top-right icon”.
_PLACE_BEFORE = re.compile(
    rf"{_DETERMINER}{_WORDS}(?:(?:top|bottom|upper|lower)[\s-]+(?:left|right)(?:[\s-]+hand)?|"
    rf"(?:left|right)[\s-]+hand)\s+{_WORDS}{_THING}\b",
    re.I,
)
#: “the button on the right”, “the links in the left-hand column”.
_BY_PLACE = re.compile(
    rf"{_DETERMINER}{_WORDS}{_THING}\s+(?:[\w\u2019'-]+\s+){{0,3}}?{_PLACE}", re.I
)
#: What colour alone means: “fields marked in red”, “questions in red must be answered”.
_COLOUR_MEANS = re.compile(
    rf"\b(?:(?:marked|shown|highlighted|coloured|colored|written|displayed|printed|indicated)"
    rf"\s+(?:in|with)\s+(?:a\s+)?{_COLOUR}\b(?!\s+(?:asterisk|star|\*))|"
    rf"(?:in|with)\s+{_COLOUR}\s+(?:[\w-]+\s+)?(?:are|is|must|means?|shows?|indicates?)\b|"
    rf"(?:fields?|questions?|boxes|answers?|entries|items?|options?)\s+in\s+{_COLOUR}\b)",
    re.I,
)
#: On a form, colour alone is an instruction about filling it in.
_FORM_WORDS = re.compile(
    r"\b(?:required|mandatory|compulsory|optional|must\s+be\s+(?:answered|filled|completed)|"
    r"errors?|mistakes?|incorrect|invalid|fields?|questions?|boxes)\b",
    re.I,
)
#: ... unless the sentence also gives another sign: “in red, with a message”.
_ANOTHER_SIGN = re.compile(
    r"\b(?:and|with|as\s+well\s+as|also)\b.*\b(?:message|explained|explanation|text|words?|"
    r"asterisk|star|symbol|icon|bold|label(?:led)?)\b",
    re.I,
)
#: Weaker signs, for review: a colour, shape or side anywhere in an instruction about a thing.
_SENSORY_WORD = re.compile(
    rf"\b(?:{_COLOUR}|{_SHAPE}|corner|left|(?:on|to|at)\s+the\s+right|right[\s-]+hand)\b",
    re.I,
)
_IS_ON_THE_SIDE = re.compile(
    rf"\b(?:is|are)\s+(?:shown\s+|listed\s+|found\s+)?(?:on|in|at)\s+the\s+{_SIDE}\b", re.I
)
_THING_WORD = re.compile(rf"\b{_THING}\b", re.I)
#: A label given in quotes names the thing.
_QUOTED = re.compile(
    "[\u201c\u2018\"\u00ab][^\u201d\u2019\"\u00bb]{1,60}[\u201d\u2019\"\u00bb]|(?<!\\w)'[^']{1,60}'(?!\\w)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class _Found:
    phrase: str
    outcome: Outcome


def _names_it(words: str) -> bool:
    """Whether any of the words between “the” and the kind of thing is more than its look."""
    return any(not re.fullmatch(_LOOKS, word, re.I) for word in words.split())


def _labelled(instruction: str) -> bool:
    """Whether the instruction (from its verb on) names a label in capitals: “Click Apply”."""
    words = re.findall(r"[\w\u2019'-]+", instruction)[1:]
    return any(word[:1].isupper() and not re.fullmatch(_LOOKS, word, re.I) for word in words)


def _in_sentence(sentence: str) -> _Found | None:
    if _QUOTED.search(sentence):
        return None  # the thing is named, whatever else is said of it
    if _PHYSICAL.search(sentence):
        return None
    verb = _VERB.search(sentence)
    instruction = sentence[verb.start() :] if verb else ""
    named = bool(instruction) and _labelled(instruction)
    if instruction and not named:
        for pattern, kept in ((_BY_LOOK, (1, 2)), (_PLACE_BEFORE, (1, 2)), (_BY_PLACE, (1,))):
            for match in pattern.finditer(instruction):
                if not _names_it(" ".join(match.group(group) for group in kept)):
                    return _Found(match.group(0).strip(), Outcome.VIOLATION)
                named = True  # "the blue print icon": what it does names it
    colour = _COLOUR_MEANS.search(sentence)
    if colour:
        if _ANOTHER_SIGN.search(sentence):
            return None  # "in red, with a message": not colour alone
        alone = _FORM_WORDS.search(sentence)
        return _Found(colour.group(0).strip(), Outcome.VIOLATION if alone else Outcome.NEEDS_REVIEW)
    if instruction and not named and _THING_WORD.search(instruction):
        sensory = _SENSORY_WORD.search(instruction)
        if sensory:
            return _Found(sensory.group(0), Outcome.NEEDS_REVIEW)
    side = _IS_ON_THE_SIDE.search(sentence)
    if side:
        return _Found(side.group(0).strip(), Outcome.NEEDS_REVIEW)
    return None


def _message(sentence: str, found: _Found) -> str:
    quoted = sentence if len(sentence) <= 160 else sentence[:157] + "..."
    if found.outcome == Outcome.VIOLATION:
        return (
            f"“{quoted}” picks something out only by how it looks or where it is "
            f"(“{found.phrase}”). Screen reader users hear no colour, shape or place, and on a "
            "phone the layout moves. Name it by its label as well: “Select Apply (the green "
            "button)”, “Use the Related services links”."
        )
    return (
        f"“{quoted}” may rely on colour, shape, size or place (“{found.phrase}”). Check that "
        "it also says the label or name of what it means."
    )


def check_sensory_instructions(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for block in document.blocks_with_forms:
        if not block.english or block.is_heading:
            continue
        for sentence in _SENTENCE_END.split(block.text):
            found = _in_sentence(sentence.strip())
            if found is None:
                continue
            issues.append(
                element_issue(
                    document,
                    SENSORY_INSTRUCTION,
                    block.element,
                    _message(sentence.strip(), found),
                    outcome=found.outcome,
                )
            )
            break  # one finding a block: the first sentence that relies on the senses
    return issues
