"""One rendered page, parsed once with lxml, as the content rules need it.

:class:`ContentDocument` holds the parsed tree and what the rules look at (links, images, the
title, the meta description, the body text as blocks), and gives any element what an
:class:`~audit.checks.issues.Issue` needs: a stable CSS selector, an HTML snippet, and who can
fix it (``source``, ``region``, ``block_id``), with the same convention the browser side uses
(docs/audit.md, "Editor content and template markup").

Where the editor's content is: the outermost elements marked ``data-clearway-content``; on a
page with no such marks (any other site), ``<main>`` (or ``role="main"``), else ``<body>``,
without its navigation, header, footer and forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from audit.core.enums import Source
from audit.results.fingerprints import SNIPPET_LIMIT

_WHITESPACE = re.compile(r"\s+")
_IDENT = re.compile(r"^[A-Za-z_][\w-]*$")

#: Never text a reader sees as prose: scripts, form controls, hidden templates.
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "select", "option", "textarea",
     "button", "input", "iframe", "object", "canvas", "audio", "video"}
)  # fmt: skip
#: Computer text: not checked for words or capitals, not counted in the reading age.
CODE_TAGS = frozenset({"code", "kbd", "samp", "var", "pre"})
#: Elements that start a new block of text (a sentence never runs across them).
BLOCK_TAGS = frozenset(
    {"p", "li", "dd", "dt", "dl", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
     "tr", "table", "thead", "tbody", "tfoot", "caption", "figcaption", "figure", "summary",
     "details", "blockquote", "div", "section", "article", "main", "aside", "header", "footer",
     "nav", "form", "fieldset", "legend", "address", "hr", "pre", "body", "html", "label"}
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Page furniture left out when no content region is marked.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "form"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})


def fold(text: str) -> str:
    """Whitespace folded to single spaces, trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def is_hidden(element: HtmlElement) -> bool:
    """Hidden from everyone by markup alone (no CSS is applied here)."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


def shown_in_turn(node: HtmlElement) -> bool:
    """Whether the hidden ``node`` is a slide or tab panel that the page shows in turn: a
    sibling of the same tag and class is shown now."""
    parent = node.getparent()
    if parent is None:
        return False
    return any(
        sibling is not node
        and sibling.tag == node.tag
        and sibling.get("class") == node.get("class")
        and not is_hidden(sibling)
        for sibling in parent
    )


def _elements(root: HtmlElement) -> Iterator[HtmlElement]:
    # lxml yields comments and processing instructions too; they have no string tag.
    for element in root.iter():
        if isinstance(element.tag, str):
            yield element


@dataclass(frozen=True)
class Where:
    """Who can fix an element: editor content (with its field and block) or the template."""

    source: Source
    region: str = ""
    block_id: str = ""


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class TextBlock:
    """The text an element shows itself, without the text of blocks nested in it."""

    element: HtmlElement
    #: Whitespace folded; a ``<br>`` is a newline (a line of an address is not a sentence).
    text: str
    tag: str

    @cached_property
    def language(self) -> str:
        """The block's language (its nearest ``lang``), lower case; empty when unknown."""
        for node in (self.element, *self.element.iterancestors()):
            lang: str | None = node.get("lang") or node.get(_XML_LANG)
            if lang is not None:
                return lang.strip().lower()
        return ""

    @property
    def english(self) -> bool:
        """Whether the plain English rules apply: English, or no language given."""
        return self.language in {"", "en"} or self.language.startswith("en-")

    @property
    def is_heading(self) -> bool:
        return self.tag in HEADING_TAGS or self.tag in {"summary", "caption", "legend", "dt"}

    @property
    def is_prose(self) -> bool:
        """Text written as sentences: paragraphs, list items, definitions, quotes, divs."""
        return not self.is_heading and self.tag not in {"td", "th", "figcaption", "label"}


class ContentDocument:
    """A page's HTML, parsed once."""

    def __init__(self, html: str) -> None:
        self.root: HtmlElement | None = None
        #: What the rules work out once and share (the sentences, the links' names).
        self.memo: dict[str, Any] = {}
        self._positions: dict[HtmlElement, dict[HtmlElement, tuple[int, int]]] = {}
        if html and html.strip():
            self.root = _parse(html)

    @property
    def empty(self) -> bool:
        return self.root is None

    # What the rules look at ---------------------------------------------------------------

    @cached_property
    def all_elements(self) -> list[HtmlElement]:
        return [] if self.root is None else list(_elements(self.root))

    @cached_property
    def links(self) -> list[HtmlElement]:
        """Every ``<a href>`` and ``<area href>`` that is not hidden."""
        return [
            element
            for element in self.all_elements
            if element.tag in {"a", "area"}
            and element.get("href") is not None
            and not self._hidden_within(element)
        ]

    @cached_property
    def images(self) -> list[HtmlElement]:
        """The page's images, with those in slides and tab panels not shown yet: a carousel's
        second slide is shown to residents a few seconds later (:func:`shown_in_turn`)."""
        return [
            element
            for element in self.all_elements
            if element.tag == "img"
            and all(
                not is_hidden(node) or shown_in_turn(node)
                for node in (element, *element.iterancestors())
            )
        ]

    @cached_property
    def title(self) -> str | None:
        """The ``<title>`` text; None when there is none."""
        if self.root is None:
            return None
        for element in self.root.iter("title"):
            if not any(a.tag == "svg" for a in element.iterancestors()):
                return fold(element.text_content())
        return None

    @cached_property
    def meta_description(self) -> str | None:
        """The ``<meta name="description">`` content; None when there is none."""
        if self.root is None:
            return None
        for element in self.root.iter("meta"):
            if (element.get("name") or "").strip().lower() == "description":
                return fold(element.get("content") or "")
        return None

    @cached_property
    def regions(self) -> list[HtmlElement]:
        """The outermost ``data-clearway-content`` elements, in document order."""
        marked = [e for e in self.all_elements if e.get("data-clearway-content") is not None]
        marked_set = set(marked)
        return [e for e in marked if not any(a in marked_set for a in e.iterancestors())]

    @cached_property
    def content_roots(self) -> list[HtmlElement]:
        """Where the editor's content is: the regions, else ``<main>``, else ``<body>``."""
        if self.root is None:
            return []
        if self.regions:
            return self.regions
        mains = [e for e in self.all_elements if e.tag == "main" or e.get("role") == "main"]
        mains = [m for m in mains if not any(a in mains for a in m.iterancestors())]
        if mains:
            return mains
        body = self.root.find("body")
        return [body if body is not None else self.root]

    @cached_property
    def text_blocks(self) -> list[TextBlock]:
        """The visible text of the content roots, block by block, in document order."""
        return self._blocks(_FURNITURE_TAGS)

    @cached_property
    def blocks_with_forms(self) -> list[TextBlock]:
        """:attr:`text_blocks` with the text of forms, where instructions are written."""
        return self._blocks(_FURNITURE_TAGS - {"form"})

    def _blocks(self, furniture: frozenset[str]) -> list[TextBlock]:
        blocks: list[TextBlock] = []
        # Where the page marks its content regions, everything in them is content.
        skipped = frozenset() if self.regions else furniture
        for root in self.content_roots:
            self._collect_blocks(root, blocks, skipped)
        return blocks

    # Text ---------------------------------------------------------------------------------

    def _collect_blocks(
        self, element: HtmlElement, blocks: list[TextBlock], furniture: frozenset[str]
    ) -> None:
        parts: list[str] = []
        position = len(blocks)  # before the blocks nested in it: document order
        self._own_text(element, parts, blocks, furniture)
        text = _join(parts)
        if text:
            blocks.insert(position, TextBlock(element=element, text=text, tag=element.tag))

    def _own_text(
        self,
        element: HtmlElement,
        parts: list[str],
        blocks: list[TextBlock],
        furniture: frozenset[str],
    ) -> None:
        # ``element`` is the block being collected or an inline element inside it.
        if element.text:
            parts.append(element.text)
        for child in element:
            if isinstance(child.tag, str) and not _skipped(child, furniture):
                if child.tag == "br":
                    parts.append("\n")
                elif child.tag in CODE_TAGS or child.tag == "img":
                    parts.append("\n" if child.tag == "pre" else " ")
                elif child.tag in BLOCK_TAGS:
                    # A nested block: its own entry; a sentence does not run across it.
                    parts.append("\n")
                    self._collect_blocks(child, blocks, furniture)
                else:
                    self._own_text(child, parts, blocks, furniture)
            if child.tail:
                parts.append(child.tail)

    # Where an element is ------------------------------------------------------------------

    def where(self, element: HtmlElement) -> Where:
        """Editor content (with the field and block) or template, as the browser side says."""
        block_id = ""
        for node in (element, *element.iterancestors()):
            if not block_id and node.get("data-block-id") is not None:
                block_id = node.get("data-block-id") or ""
            region = node.get("data-clearway-content")
            if region is not None:
                return Where(Source.CONTENT, region, block_id)
        return Where(Source.TEMPLATE)

    def _hidden_within(self, element: HtmlElement) -> bool:
        return any(is_hidden(node) for node in (element, *element.iterancestors()))

    # Selectors and snippets ---------------------------------------------------------------

    def selector(self, element: HtmlElement) -> str:
        """A CSS selector for ``element`` that survives unrelated edits.

        It starts from the nearest ancestor with a name (an id, a block id, a content region)
        and names the element by its ``href`` or ``src`` when that is unique there; only
        otherwise does it use positions (which fingerprints ignore).
        """
        own_id = element.get("id")
        if own_id and self._unique_id(own_id):
            return _id_selector(own_id)
        for attribute in ("data-block-id", "data-clearway-content"):
            value = element.get(attribute)
            if value:
                return f"[{attribute}={_quote(value)}]"
        anchor, anchor_selector = self._anchor(element)
        descriptor = _descriptor(element)
        if descriptor != element.tag and self._unique_in(anchor, element):
            return f"{anchor_selector} {descriptor}"
        steps: list[str] = []
        node = element
        while node is not anchor and node is not None:
            parent = node.getparent()
            if parent is None:
                break
            step = descriptor if node is element else node.tag
            position, of = self._position(parent, node)
            if of > 1:
                step += f":nth-of-type({position})"
            steps.append(step)
            node = parent
        return " > ".join([anchor_selector, *reversed(steps)])

    def _position(self, parent: HtmlElement, node: HtmlElement) -> tuple[int, int]:
        """``node``'s place among its parent's children of its tag, and how many there are.

        Worked out once per parent: a list of thousands of items stays linear."""
        positions: dict[HtmlElement, tuple[int, int]] | None = self._positions.get(parent)
        if positions is None:
            by_tag: dict[str, list[HtmlElement]] = {}
            for child in parent:
                if isinstance(child.tag, str):
                    by_tag.setdefault(child.tag, []).append(child)
            positions = {
                child: (index + 1, len(same))
                for same in by_tag.values()
                for index, child in enumerate(same)
            }
            self._positions[parent] = positions
        return positions.get(node, (1, 1))

    def _anchor(self, element: HtmlElement) -> tuple[HtmlElement | None, str]:
        for node in element.iterancestors():
            node_id = node.get("id")
            if node_id and self._unique_id(node_id):
                return node, _id_selector(node_id)
            block_id = node.get("data-block-id")
            if block_id:
                return node, f"[data-block-id={_quote(block_id)}]"
            region = node.get("data-clearway-content")
            if region:
                return node, f"[data-clearway-content={_quote(region)}]"
            if node.tag == "body":
                return node, "body"
        return None, "html"

    def _unique_in(self, anchor: HtmlElement | None, element: HtmlElement) -> bool:
        """Whether no other element under ``anchor`` has ``element``'s tag and href (or src)."""
        attribute = "href" if element.tag in {"a", "area"} else "src"
        value = element.get(attribute)
        count = self._attribute_counts.get((element.tag, value), 0)
        if count <= 1:
            return True  # unique in the whole page: the common case, without a search
        if count > 20:
            return False  # a position will do, without a search per link
        scope = anchor if anchor is not None else self.root
        if scope is None:
            return False
        return sum(1 for e in scope.iter(element.tag) if e.get(attribute) == value) == 1

    @cached_property
    def _attribute_counts(self) -> dict[tuple[str, str | None], int]:
        counts: dict[tuple[str, str | None], int] = {}
        for element in self.all_elements:
            if element.tag in {"a", "area"}:
                key = (element.tag, element.get("href"))
            elif element.tag == "img":
                key = (element.tag, element.get("src"))
            else:
                continue
            counts[key] = counts.get(key, 0) + 1
        return counts

    @cached_property
    def _id_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for element in self.all_elements:
            element_id = element.get("id")
            if element_id:
                counts[element_id] = counts.get(element_id, 0) + 1
        return counts

    def _unique_id(self, element_id: str) -> bool:
        return self._id_counts.get(element_id, 0) == 1

    def element_by_id(self, element_id: str) -> HtmlElement | None:
        if self.root is None:
            return None
        found = self.root.get_element_by_id(element_id, None)
        return found

    @staticmethod
    def snippet(element: HtmlElement) -> str:
        """The element's outer HTML, whitespace folded, cut to what fingerprints keep."""
        html = lxml.html.tostring(element, encoding="unicode", with_tail=False)
        return fold(html)[:SNIPPET_LIMIT]

    @staticmethod
    def opening_tag(element: HtmlElement) -> str:
        """Just the element's start tag, e.g. ``<main id="main">``."""
        try:
            shallow = lxml.html.Element(element.tag, dict(element.attrib))
        except ValueError:  # an attribute name lxml will not build, though it parsed it
            return f"<{element.tag}>"
        html = lxml.html.tostring(shallow, encoding="unicode", with_tail=False)
        return fold(html.rsplit("</", 1)[0])[:SNIPPET_LIMIT]


def _parse(html: str) -> HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:
        # lxml refuses a str with an XML encoding declaration (XHTML): give it bytes.
        try:
            return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
        except (lxml.etree.ParserError, ValueError):
            return None
    except lxml.etree.ParserError:
        return None  # nothing parseable ("<", a comment alone)


def _skipped(element: HtmlElement, furniture: frozenset[str]) -> bool:
    """Whether ``element``'s text is left out: never shown, or page furniture (``furniture``:
    its tags, empty where the page marks its content regions)."""
    if element.tag in SKIPPED_TAGS or is_hidden(element):
        return True
    return bool(furniture) and (element.tag in furniture or element.get("role") in _FURNITURE_ROLES)


def _join(parts: list[str]) -> str:
    # Fold spaces but keep the newlines that <br> and nested blocks put in.
    lines = "".join(parts).split("\n")
    return "\n".join(line for line in (fold(line) for line in lines) if line)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _id_selector(element_id: str) -> str:
    if _IDENT.match(element_id):
        return f"#{element_id}"
    return f"[id={_quote(element_id)}]"


def _descriptor(element: HtmlElement) -> str:
    if element.tag in {"a", "area"} and element.get("href") is not None:
        return f"{element.tag}[href={_quote(element.get('href') or '')}]"
    if element.tag == "img" and element.get("src"):
        return f"img[src={_quote(element.get('src') or '')}]"
    return str(element.tag)


def accessible_name(document: ContentDocument, element: HtmlElement) -> str:
    """A link's accessible name, as browsers compute it for the common cases:
    ``aria-labelledby``, then ``aria-label``, then its content (images' alt text included,
    visually hidden text included, ``aria-hidden`` parts left out), then ``title``."""
    labelledby = (element.get("aria-labelledby") or "").split()
    if labelledby:
        names = [document.element_by_id(i) for i in labelledby]
        name = fold(" ".join(text_of(n) for n in names if n is not None))
        if name:
            return name
    label = fold(element.get("aria-label") or "")
    if label:
        return label
    name = text_of(element)
    return name or fold(element.get("title") or "")


def text_of(element: HtmlElement, *, with_alt: bool = True) -> str:
    """The visible text of ``element`` and its descendants (hidden parts left out), with
    images' alt text when ``with_alt``: what a screen reader would read for it."""
    parts: list[str] = []
    _text_into(element, parts, with_alt)
    return fold("".join(parts))


def _text_into(element: HtmlElement, parts: list[str], with_alt: bool) -> None:
    if element.tag in {"img", "area"}:
        if with_alt:
            parts.append(f" {element.get('alt') or ''} ")
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and not is_hidden(child):
            if child.tag == "svg":
                # An inline icon's accessible name is its <title>.
                title = child.find("title")
                if title is not None and with_alt:
                    parts.append(f" {title.text_content()} ")
            elif child.tag not in SKIPPED_TAGS or child.tag == "button":
                _text_into(child, parts, with_alt)
        if child.tail:
            parts.append(child.tail)
