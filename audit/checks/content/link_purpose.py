"""More link rules: links that go nowhere (``href="#"``, ``javascript:``), two links side by
side to the same place, links whose only text is punctuation, and links to audio or video
with no transcript nearby.

A link that has no name at all is axe-core's ``link-name`` rule, not these.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from itertools import pairwise
from urllib.parse import urlsplit

import lxml.etree
from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import (
    SKIPPED_TAGS,
    ContentDocument,
    accessible_name,
    fold,
    is_hidden,
    text_of,
)
from audit.checks.content.elements import visible
from audit.checks.content.links import normalise_href
from audit.checks.issues import Issue
from audit.core.enums import Outcome

NO_DESTINATION = "clearway-link-no-destination"
ADJACENT_SAME = "clearway-link-adjacent-same"
PUNCTUATION = "clearway-link-punctuation"
MEDIA_TRANSCRIPT = "clearway-media-transcript"

_NOT_LINK_ROLES = frozenset({"button", "tab", "menuitem", "switch", "checkbox", "option"})
#: "#" scrolls to the top of the page: a "Back to top" link to it works.
_TOP = re.compile(r"\b(?:top|start)\b", re.I)
AUDIO_EXTENSIONS = frozenset({"mp3", "wav", "m4a", "aac", "oga", "ogg", "flac", "wma", "opus"})
VIDEO_EXTENSIONS = frozenset({"mp4", "m4v", "mov", "webm", "ogv", "avi", "wmv", "mkv", "mpg"})
_ALTERNATIVE = re.compile(
    r"\btranscripts?\b|\btext version\b|\bcaption(?:s|ed)\b|\bsubtitle(?:s|d)\b|"
    r"\baudio[- ]described\b|\bbsl\b|\bsign language\b",
    re.I,
)
_CONTAINERS = frozenset(
    {"p", "li", "div", "td", "dd", "section", "article", "figure", "aside", "main", "body"}
)


def _link_names(document: ContentDocument) -> list[tuple[HtmlElement, str]]:
    """Every visible link that is not marked as another control, with its name."""
    if "purpose names" not in document.memo:
        document.memo["purpose names"] = [
            (e, accessible_name(document, e))
            for e in document.links
            if (e.get("role") or "").strip().lower() not in _NOT_LINK_ROLES
        ]
    names: list[tuple[HtmlElement, str]] = document.memo["purpose names"]
    return names


def check_no_destination(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for element, name in _link_names(document):
        href = (element.get("href") or "").strip()
        script = href.lower().startswith("javascript:")
        if not (script or href == "#") or (href == "#" and _TOP.search(name)):
            continue
        issues.append(
            element_issue(
                document,
                NO_DESTINATION,
                element,
                f"The link {quote(name or href)} goes nowhere ({quote(href, 40)}): a script "
                "does something when it is clicked. If it acts on the page (opens a menu, "
                "shows more), make it a <button>; if it goes somewhere, give it that "
                "address, so it works for keyboard, screen reader and no-script users.",
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def _text_positions(document: ContentDocument) -> dict[HtmlElement, tuple[int, int]]:
    """For every link: how much page text comes before its start and before its end. Two
    links with nothing between them have the first's end equal to the second's start."""
    if "link positions" in document.memo:
        found: dict[HtmlElement, tuple[int, int]] = document.memo["link positions"]
        return found
    positions: dict[HtmlElement, tuple[int, int]] = {}
    wanted = {element for element, _ in _link_names(document)}
    seen = 0
    skipping: HtmlElement | None = None
    starts: dict[HtmlElement, int] = {}
    body = document.root.find("body") if document.root is not None else None
    if body is not None:
        for event, element in lxml.etree.iterwalk(body, events=("start", "end")):
            if not isinstance(element.tag, str):
                if event == "end" and skipping is None:
                    seen += len(fold(element.tail or ""))
                continue
            if event == "start":
                if skipping is not None:
                    continue
                if element.tag in SKIPPED_TAGS or is_hidden(element):
                    skipping = element
                    continue
                if element in wanted:
                    starts[element] = seen
                if element.tag == "img":
                    seen += len(fold(element.get("alt") or ""))
                seen += len(fold(element.text or ""))
            else:
                if skipping is element:
                    skipping = None
                elif skipping is not None:
                    continue
                if element in starts:
                    positions[element] = (starts[element], seen)
                seen += len(fold(element.tail or ""))
    document.memo["link positions"] = positions
    return positions


def _pictured(link: HtmlElement, name: str) -> bool:
    """An image link: it holds an image or an icon, or has no text of its own."""
    return not name or next(link.iter("img", "svg", "picture"), None) is not None


def check_adjacent_same(document: ContentDocument, context: CheckContext) -> list[Issue]:
    names = _link_names(document)
    candidates = []
    for (first, first_name), (second, second_name) in pairwise(names):
        href = (first.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith("javascript:"):
            continue
        if first.get("download") is not None or second.get("download") is not None:
            continue  # open and save: two things to do with one file (WordPress's file block)
        if not (_pictured(first, first_name) or _pictured(second, second_name)):
            continue  # two text links: each may say something of its own
        if first in second.iterancestors() or second in first.iterancestors():
            continue
        here = normalise_href(href, context.url, context.tracking_parameters)
        there = normalise_href(second.get("href") or "", context.url, context.tracking_parameters)
        if here == there:
            candidates.append((first, first_name, second, second_name))
    if not candidates:
        return []
    positions = _text_positions(document)  # a walk of the page, only when it can matter
    issues = []
    for first, first_name, second, second_name in candidates:
        if first not in positions or second not in positions:
            continue
        if positions[first][1] != positions[second][0]:
            continue  # text between them
        shown = " and ".join(quote(n or "(no text)", 40) for n in (first_name, second_name))
        issues.append(
            element_issue(
                document,
                ADJACENT_SAME,
                first,
                f"Two links side by side go to the same place ({shown}). Keyboard and screen "
                "reader users meet the same link twice. Put the image and the text in one "
                "link.",
            )
        )
    return issues


def _only_symbols(name: str) -> bool:
    text = name.replace(" ", "")
    return bool(text) and all(unicodedata.category(c)[0] in {"P", "S", "Z"} for c in text)


def check_punctuation(document: ContentDocument, context: CheckContext) -> list[Issue]:
    return [
        element_issue(
            document,
            PUNCTUATION,
            element,
            f"The link's only text is {quote(name)}, which says nothing about where it goes "
            "(screen readers may say nothing at all). Use words, or add them as visually "
            "hidden text or an aria-label, such as “Next page”.",
        )
        for element, name in _link_names(document)
        if _only_symbols(name) and not _described(document, element)
    ]


def _described(document: ContentDocument, element: HtmlElement) -> bool:
    """A description in words (``title``, ``aria-describedby``) read after the symbol: a
    heading's "¶" permalink titled "Link to this section"."""
    ids = (element.get("aria-describedby") or "").split()
    described = [document.element_by_id(i) for i in ids]
    words = " ".join(text_of(d) for d in described if d is not None)
    return not _only_symbols(fold(f"{words} {element.get('title') or ''}") or "…")


def _media_kind(element: HtmlElement) -> str | None:
    extension = posixpath.splitext(urlsplit(element.get("href") or "").path)[1]
    extension = extension.lower().lstrip(".")
    declared = (element.get("type") or "").strip().lower()
    if extension in AUDIO_EXTENSIONS or declared.startswith("audio/"):
        return "audio"
    if extension in VIDEO_EXTENSIONS or declared.startswith("video/"):
        return "video"
    return None


def _nearby_alternative(element: HtmlElement) -> bool:
    """Whether the text around the link (its block and the block's parent) mentions a
    transcript, captions or a sign language version."""
    node = element
    for _ in range(2):
        container = next((a for a in node.iterancestors() if a.tag in _CONTAINERS), None)
        if container is None:
            return False
        if _ALTERNATIVE.search(text_of(container)[:5000]):
            return True
        node = container
    return False


def check_media_transcript(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for element, name in _link_names(document):
        kind = _media_kind(element)
        if kind is None or _nearby_alternative(element):
            continue
        if any(a.tag in {"audio", "video"} for a in element.iterancestors()):
            continue  # a player's fallback content, for browsers that cannot play it
        wanted = "a transcript" if kind == "audio" else "captions and a transcript"
        issues.append(
            element_issue(
                document,
                MEDIA_TRANSCRIPT,
                element,
                f"This link opens {'an' if kind == 'audio' else 'a'} {kind} file, "
                f"{quote(name)}, and nothing near it offers "
                f"{wanted}. Deaf and hard of hearing residents need the words too. Link to "
                "a transcript next to it (or say where the captions are).",
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    # An audio player too: axe-core's audio-caption rule is deprecated and off.
    for player in visible(document, "audio"):
        if _nearby_alternative(player):
            continue
        issues.append(
            element_issue(
                document,
                MEDIA_TRANSCRIPT,
                player,
                "This audio player has no transcript mentioned near it. Deaf and hard of "
                "hearing residents need the words too. Link to a transcript next to it.",
                html=document.opening_tag(player),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues
