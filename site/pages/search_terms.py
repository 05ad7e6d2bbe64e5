"""Turn what a resident typed into a search the backends can always run.

Wagtail's database backends put query text into SQLite's FTS5 or PostgreSQL's tsquery syntax,
where quotes, brackets, `*`, `-`, `:` and words such as NEAR or NOT have meanings; a stray
quote made SQLite refuse the whole query. Residents type words, not syntax, so the query is
reduced to its words (letters, marks and digits in any script) and handed to the backend as
Wagtail's own `PlainText` query, which each backend quotes term by term.
"""

from __future__ import annotations

import unicodedata

from wagtail.search.query import PlainText

#: Unicode categories kept in words: letters, combining marks (accents written separately, as
#: in Welsh or Arabic with vowel marks) and numbers. Everything else separates words.
WORD_CATEGORIES = ("L", "M", "N")
#: Operators of the backends' query languages, written in capitals as people write them when
#: they mean them. Dropped: they are not supported, and as words they would find different pages
#: on each backend (PostgreSQL ignores "and", "or" and "not" as English stop words, SQLite not).
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
#: More words than anyone searches with; the rest are dropped so a pasted paragraph stays cheap.
MAX_WORDS = 32


def plain_words(text: str) -> list[str]:
    """The words in ``text``, in order, without punctuation or query syntax."""
    text = unicodedata.normalize("NFKC", text)
    spaced = "".join(
        character if unicodedata.category(character)[0] in WORD_CATEGORIES else " "
        for character in text
    )
    words = [word for word in spaced.split() if word not in OPERATOR_WORDS]
    return words[:MAX_WORDS]


def search_query(text: str) -> PlainText | None:
    """A query matching pages that contain all the words of ``text``; None if it has none."""
    words = plain_words(text)
    if not words:
        return None
    return PlainText(" ".join(words), operator="and")
