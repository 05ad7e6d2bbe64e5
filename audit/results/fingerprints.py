"""Stable identities for findings.

A fingerprint must survive unrelated edits, so it is built from the rule, the page and the
*normalised* target: the CSS selector without positional parts (``:nth-child(3)``) and the
element's HTML with whitespace folded. Adding a paragraph above a failing link changes neither.
"""

from __future__ import annotations

import hashlib
import re

_POSITIONAL = re.compile(r":(?:nth-child|nth-of-type|nth-last-child|nth-last-of-type)\(\s*[^)]*\)")
_WHITESPACE = re.compile(r"\s+")
#: Long snippets are cut: the start of an element identifies it; its whole text is content.
SNIPPET_LIMIT = 300


def normalise_selector(selector: str) -> str:
    """Drop positional pseudo-classes and fold whitespace."""
    without_positions = _POSITIONAL.sub("", selector)
    return _WHITESPACE.sub(" ", without_positions).strip()


def normalise_html(html: str) -> str:
    return _WHITESPACE.sub(" ", html).strip()[:SNIPPET_LIMIT]


def fingerprint(rule: str, page_key: str, selector: str, html: str) -> str:
    """A 32-hex-digit identity for ``rule`` failing on this element of this page.

    ``page_key`` is ``page:<id>`` for a Wagtail page (so a moved page keeps its findings) or the
    URL otherwise.
    """
    parts = [rule, page_key, normalise_selector(selector), normalise_html(html)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def target_key(rule: str, selector: str, html: str) -> str:
    """The rule and element without the page: equal on every page showing the same element."""
    return fingerprint(rule, "", selector, html)


def page_key(url: str, page_id: int | None) -> str:
    return f"page:{page_id}" if page_id is not None else url
