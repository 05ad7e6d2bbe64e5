"""Reading age and long sentences.

**Formula.** Reading age = Flesch-Kincaid grade level + 5 (a US school grade is the reading
age minus 5), where

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

computed over the body text of the page's content (the ``data-clearway-content`` regions, or
``<main>``): paragraphs, list items written as sentences, definitions and quotes. Headings,
table cells, captions and short text without a full stop (a list item such as "paper and
card", a line of an address, a button) are not sentences and are left out, because counting
them would make any page look easier than it is. Code is left out too, and so are blocks that
are mostly links (navigation without a ``<nav>``).

**Words** are runs of letters (with inner apostrophes and hyphens: "don't", "part-time") or
numbers ("£1,460.00" is one word of one syllable).

**Syllables** are counted by a common heuristic: lower-case the word, drop a silent ending
("-e", "-es" and "-ed" after a consonant other than "l"), drop a leading "y", then count groups
of one or two vowels (a, e, i, o, u, y); a word has at least one, and words of three letters or
fewer have exactly one. It is right for most everyday words and slightly generous to long ones.

**Sentences** end at ".", "!" or "?" followed by a space and a capital letter or a digit (not
after "e.g.", "Mr." or an initial), at a line break (``<br>``) and at the end of a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.checks.content.context import CheckContext, element_issue, page_issue, quote
from audit.checks.content.document import ContentDocument, TextBlock, text_of
from audit.checks.issues import Issue
from audit.core.enums import Source

READING_AGE = "clearway-reading-age"
LONG_SENTENCE = "clearway-long-sentence"
FORMULA = "Flesch-Kincaid grade level + 5"

WORD = re.compile(r"[£$€]?\d(?:[\d,.:]*\d)?%?|[A-Za-zÀ-ÿ]+(?:['\u2019\-][A-Za-zÀ-ÿ]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"”\u2019')\]]*\s+(?=[\"“\u2018'(\[]?[A-Z0-9£])")
_ABBREVIATIONS = frozenset(
    {"e.g", "eg", "i.e", "ie", "etc", "mr", "mrs", "ms", "dr", "st", "no", "nos", "prof",
     "rev", "cllr", "approx", "tel", "fig", "vs", "v", "jan", "feb", "mar", "apr", "jun",
     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "co", "ltd", "inc", "ref"}
)  # fmt: skip
#: Text without a full stop (a list item, a line of an address, a button) is a sentence only
#: from this many words.
FRAGMENT_WORDS = 10


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """The number of syllables in ``word``, by the heuristic in the module's docstring."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1  # a number
    if len(letters) <= 3:
        return 1
    letters = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", letters)
    letters = re.sub(r"^y", "", letters)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", letters)))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def split_sentences(text: str) -> list[str]:
    """``text`` (one block) cut into sentences."""
    sentences: list[str] = []
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            before = line[start : match.start()].rsplit(None, 1)
            last = before[-1].lower().strip("(\"“'") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
            sentences.append(line[start : match.end()].strip())
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.append(rest)
    return [s for s in sentences if WORD.search(s)]


def grade(word_count: int, sentence_count: int, syllable_count: int) -> float:
    """The Flesch-Kincaid grade level."""
    return 0.39 * (word_count / sentence_count) + 11.8 * (syllable_count / word_count) - 15.59


@dataclass(frozen=True)
class SentenceScore:
    """One sentence, scored on its own, and where it is."""

    text: str
    words: int
    syllables: int
    #: This sentence's reading age by the same formula (one sentence: words per sentence is
    #: its length), rounded to one decimal place.
    reading_age: float
    selector: str
    source: Source
    region: str
    block_id: str


@dataclass(frozen=True)
class ReadabilityReport:
    """A page's reading age, with its sentences scored, hardest first."""

    #: None when the page has fewer than ``min_words`` words of body text.
    reading_age: float | None
    target: float
    min_words: int
    words: int
    sentence_count: int
    syllables: int
    sentences: tuple[SentenceScore, ...]
    #: How far above the target a page may be before the audit reports it.
    tolerance: float = 0.0
    formula: str = FORMULA

    @property
    def enough_text(self) -> bool:
        return self.reading_age is not None

    @property
    def above_target(self) -> bool:
        return self.reading_age is not None and self.reading_age > self.target

    @property
    def reported(self) -> bool:
        """Whether the audit reports the page: above the target by more than the tolerance."""
        return self.reading_age is not None and self.reading_age > self.target + self.tolerance


@dataclass(frozen=True)
class _Sentence:
    text: str
    block: TextBlock
    words: int
    syllables: int


def _prose_sentences(document: ContentDocument) -> list[_Sentence]:
    found: list[_Sentence] = []
    for block in document.text_blocks:
        if not block.is_prose or not block.english or _mostly_links(block):
            continue
        for text in split_sentences(block.text):
            tokens = words(text)
            ended = text.rstrip("\"”\u2019')").endswith((".", "!", "?", ":"))
            if not ended and len(tokens) < FRAGMENT_WORDS:
                continue  # not a sentence: "paper and card", a button, a line of an address
            found.append(_Sentence(text, block, len(tokens), sum(syllables(t) for t in tokens)))
    return found


def _mostly_links(block: TextBlock) -> bool:
    """A block whose text is mostly links is navigation ("Home About us Services News..."),
    not prose."""
    linked = sum(len(text_of(a, with_alt=False)) for a in block.element.iter("a"))
    return linked > 0 and linked >= len(block.text) / 2


def _sentences(document: ContentDocument) -> list[_Sentence]:
    # Cached on the document: the reading age and long sentences share one pass.
    if "sentences" not in document.memo:
        document.memo["sentences"] = _prose_sentences(document)
    sentences: list[_Sentence] = document.memo["sentences"]
    return sentences


def analyse_readability(
    document: ContentDocument, *, target: float, min_words: int, tolerance: float = 0.0
) -> ReadabilityReport:
    """The page's reading age and its sentences, hardest first."""
    sentences = _sentences(document)
    word_count = sum(s.words for s in sentences)
    syllable_count = sum(s.syllables for s in sentences)
    scored = []
    for sentence in sentences:
        where = document.where(sentence.block.element)
        scored.append(
            SentenceScore(
                text=sentence.text,
                words=sentence.words,
                syllables=sentence.syllables,
                reading_age=round(grade(sentence.words, 1, sentence.syllables) + 5, 1),
                selector=document.selector(sentence.block.element),
                source=where.source,
                region=where.region,
                block_id=where.block_id,
            )
        )
    scored.sort(key=lambda s: s.reading_age, reverse=True)
    age = None
    if sentences and word_count >= min_words:
        age = round(grade(word_count, len(sentences), syllable_count) + 5, 1)
    return ReadabilityReport(
        reading_age=age,
        target=target,
        min_words=min_words,
        words=word_count,
        sentence_count=len(sentences),
        syllables=syllable_count,
        sentences=tuple(scored),
        tolerance=tolerance,
    )


def check_reading_age(document: ContentDocument, context: CheckContext) -> list[Issue]:
    report = analyse_readability(
        document,
        target=float(context.options["target"]),
        min_words=int(context.options["min_words"]),
        tolerance=float(context.options.get("tolerance", 0)),
    )
    if not report.reported:
        return []
    hardest = "; ".join(quote(s.text, 120) for s in report.sentences[:3])
    message = (
        f"The reading age of this page is {report.reading_age:g}, above the target of "
        f"{report.target:g}. The hardest sentences: {hardest}."
    )
    # The page as a whole, attributed to the region holding most of its words.
    counts: dict[str, int] = {}
    for sentence in _sentences(document):
        region = document.where(sentence.block.element).region
        counts[region] = counts.get(region, 0) + sentence.words
    region = max(counts, key=lambda r: counts[r]) if counts else ""
    root = next(
        (r for r in document.content_roots if r.get("data-clearway-content") == region),
        document.content_roots[0],
    )
    return [
        page_issue(
            READING_AGE,
            message,
            selector=document.selector(root) if root.getparent() is not None else "html",
            html=document.opening_tag(root),
            source=Source.CONTENT if region else Source.TEMPLATE,
            region=region,
        )
    ]


def check_long_sentences(document: ContentDocument, context: CheckContext) -> list[Issue]:
    limit = int(context.options["max_words"])
    issues = []
    for sentence in _sentences(document):
        if sentence.words > limit:
            issues.append(
                element_issue(
                    document,
                    LONG_SENTENCE,
                    sentence.block.element,
                    f"This sentence has {sentence.words} words (aim for {limit} or fewer): "
                    f"{quote(sentence.text, 160)}. Split it into shorter sentences.",
                    # The sentence itself, so two long sentences in one paragraph are two
                    # findings with their own fingerprints.
                    html=sentence.text,
                )
            )
    return issues
