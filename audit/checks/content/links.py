"""Link rules: text that makes sense out of context, one text for one place, document links
that say their type and size, and links that say they open a new window.

Every rule reads the link's accessible name (``aria-labelledby``, ``aria-label``, its text with
images' alt text and visually hidden text, then ``title``), because that is what a screen
reader's list of links shows: ``Read more<span class="visually-hidden"> about council
tax</span>`` is "Read more about council tax", which is fine.
"""

from __future__ import annotations

import posixpath
import re
import string
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue, quote
from audit.checks.content.document import ContentDocument, accessible_name, fold, text_of
from audit.checks.issues import Issue
from audit.core.addresses import normalise_url

LINK_TEXT = "clearway-link-text"
SAME_TEXT = "clearway-link-text-same"
DOCUMENT_LINK = "clearway-document-link"
NEW_WINDOW = "clearway-new-window"

#: Link text that says nothing about where the link goes, compared lower case without
#: punctuation or arrows at either end.
VAGUE_TEXT = frozenset(
    {"click here", "click", "click this link", "click on this link", "click here for more",
     "click here for more information", "here", "tap here", "press here", "go here",
     "read more", "read more here", "more", "more here", "more info", "more information",
     "more details", "details", "view details", "further information", "further details",
     "find out more", "find out more here", "learn more", "see more", "view more", "view",
     "see", "see here", "view here", "continue reading", "read this", "link",
     "this link", "this page", "page", "this", "that", "website", "this website", "web page",
     "webpage", "go", "info", "information", "download", "download here", "document",
     "this document", "file", "click to download", "open", "full story", "visit",
     "visit this page", "visit the website", "find out", "read", "learn", "know more"}
)  # fmt: skip
#: Words around vague text that add nothing: "Click here to find out", "Download now".
_FILLER_START = re.compile(
    r"^(?:please\s+)?(?:click|tap|press|select)(?:\s+(?:here|on\s+this\s+link|this\s+link|"
    r"the\s+link))?(?:\s+(?:to|for))?\s+"
)
_FILLER_END = re.compile(r"\s+(?:here|below|now|today)$")
#: Vague once a "click"-like filler is gone ("Click here to start", "Click to read"). Alone,
#: "Start now" and "Continue" are GOV.UK's start and next-step buttons, named by the heading
#: and the service page they sit on (WCAG technique H80), not vague.
_VAGUE_REST = frozenset(
    {"find out", "read", "learn", "know more", "see", "view", "continue", "start", "go"}
)
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
#: Arrows, ellipses, dashes and curly quotes, besides ASCII punctuation.
_EDGE_PUNCTUATION = string.punctuation + "«»\u2039\u203a→←↗…\u2013—“”\u2018\u2019 "

#: Roles that make an ``<a>`` something other than a link: not judged as links.
_NOT_LINK_ROLES = frozenset({"button", "tab", "menuitem", "switch", "checkbox", "option"})

DOCUMENT_EXTENSIONS = (
    "pdf", "doc", "docx", "docm", "dot", "dotx", "rtf", "odt", "ods", "odp", "odg", "xls",
    "xlsx", "xlsm", "csv", "ppt", "pptx", "pps", "ppsx", "zip", "epub",
)  # fmt: skip
_DOCUMENT_TYPES = re.compile(
    r"^(?:application/(?:pdf|msword|rtf|zip|epub\+zip|vnd\.(?:ms-|openxmlformats|oasis))|text/csv)",
    re.IGNORECASE,
)
_TYPE_WORDS = re.compile(
    r"\b(?:pdf|word|docx?|rtf|odt|ods|odp|opendocument|open\s?document|excel|xlsx?|csv|"
    r"spreadsheet|powerpoint|pptx?|presentation|zip|epub)\b",
    re.IGNORECASE,
)
_SIZE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:bytes?|[kmgt]i?b|kilobytes?|megabytes?|gigabytes?)\b",
    re.IGNORECASE,
)
_NEW_WINDOW_WORDS = re.compile(
    r"\bnew\s+(?:browser\s+)?(?:tab|window)s?\b|\b(?:tab|window)\s+newydd\b", re.IGNORECASE
)
_SAME_WINDOW_TARGETS = frozenset({"", "_self", "_top", "_parent"})


def _is_link(element: HtmlElement) -> bool:
    """A link as residents meet it: not a button made of an ``<a>``, not a script."""
    role = (element.get("role") or "").strip().lower()
    href = (element.get("href") or "").strip().lower()
    return role not in _NOT_LINK_ROLES and not href.startswith("javascript:")


def comparable_text(name: str) -> str:
    """The name lower case, without punctuation or arrows at the ends: "Read more »" is
    "read more"."""
    return fold(name.lower().strip(_EDGE_PUNCTUATION))


def _names(document: ContentDocument) -> list[tuple[HtmlElement, str]]:
    if "link names" not in document.memo:
        document.memo["link names"] = [
            (e, accessible_name(document, e)) for e in document.links if _is_link(e)
        ]
    names: list[tuple[HtmlElement, str]] = document.memo["link names"]
    return names


def vague(name: str, extra: frozenset[str] = frozenset()) -> str | None:
    """Why ``name`` does not make sense out of context, or None when it does."""
    if _BARE_URL.match(name.strip()):
        return "a web address"
    text = comparable_text(name)
    start = _FILLER_START.sub("", text)
    rests = {text, start, _FILLER_END.sub("", text), _FILLER_END.sub("", start)}
    if any(rest in VAGUE_TEXT or rest in extra for rest in rests):
        return "vague"
    if start != text and {start, _FILLER_END.sub("", start)} & _VAGUE_REST:
        return "vague"
    return None


def check_link_text(document: ContentDocument, context: CheckContext) -> list[Issue]:
    extra = frozenset(comparable_text(p) for p in context.options.get("extra_phrases", ()))
    issues = []
    for element, name in _names(document):
        if not name:
            continue  # no name at all is axe-core's link-name rule
        reason = vague(name, extra)
        if reason == "vague" and _described_by(document, element).strip():
            continue  # "Read more" described by its article's heading: the context is there
        if reason == "a web address":
            message = (
                f"The link text is a web address, {quote(name)}: it is hard to listen to "
                "and does not say what is there. Say where the link goes instead, such as "
                "the name of the page or service."
            )
        elif reason:
            message = (
                f"The link text {quote(name)} does not say where the link goes. Use words "
                "that make sense on their own, such as the name of the page or what the "
                "resident can do there."
            )
        else:
            continue
        issues.append(element_issue(document, LINK_TEXT, element, message))
    return issues


_INDEX_PAGE = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?)$", re.IGNORECASE)


def normalise_href(href: str, base: str, tracking_parameters: tuple[str, ...] = ()) -> str:
    """A link's destination for comparison: absolute, without the fragment, the trailing
    slash, an index page's name, ``www.``, tracking parameters or the difference between
    http and https."""
    absolute = urljoin(base, href.strip())
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    if scheme in {"mailto", "tel"}:
        return f"{scheme}:{parts.path.lower().replace(' ', '')}"
    if scheme not in {"http", "https"}:
        return absolute
    normal = urlsplit(normalise_url(absolute, tracking_parameters))
    host = normal.netloc.removeprefix("www.")
    path = _INDEX_PAGE.sub("", normal.path).rstrip("/")
    return urlunsplit(("http", host, path, normal.query, ""))


_LANDMARK_TAGS = frozenset({"main", "nav", "aside", "header", "footer"})
_LANDMARK_ROLES = frozenset(
    {"main", "navigation", "complementary", "banner", "contentinfo", "search", "region"}
)


def _landmark(element: HtmlElement) -> HtmlElement | None:
    """The nearest landmark around the link (a breadcrumb's ``<nav>``, ``<main>``...)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _LANDMARK_TAGS or ancestor.get("role") in _LANDMARK_ROLES:
            return ancestor
    return None


def check_same_text(document: ContentDocument, context: CheckContext) -> list[Issue]:
    # Links are compared within their landmark: "Council tax" in the breadcrumbs (the
    # section) and "Council tax" in the related links (a page) are told apart by where they
    # are, as a screen reader's landmark navigation presents them.
    groups: dict[tuple[int, str], dict[str, tuple[HtmlElement, str]]] = {}
    flagged_vague = LINK_TEXT in context.enabled
    for element, name in _names(document):
        text = comparable_text(name)
        if not text or (flagged_vague and vague(name)):
            continue  # already reported as vague: one finding per problem
        destination = normalise_href(
            element.get("href") or "", context.url, context.tracking_parameters
        )
        key = (id(_landmark(element)), text)
        groups.setdefault(key, {}).setdefault(destination, (element, name))
    issues = []
    for destinations in groups.values():
        if len(destinations) < 2:
            continue
        for element, name in destinations.values():
            others = [e.get("href") or "" for e, _ in destinations.values() if e is not element]
            shown = ", ".join(others[:3])
            issues.append(
                element_issue(
                    document,
                    SAME_TEXT,
                    element,
                    f"The link text {quote(name)} is used for {len(destinations)} different "
                    f"places on this page (also {shown}). Give each link text that says where "
                    "it goes.",
                )
            )
    return issues


def _document_kind(element: HtmlElement, extensions: frozenset[str]) -> str | None:
    path = urlsplit(element.get("href") or "").path
    extension = posixpath.splitext(path)[1].lower().lstrip(".")
    if extension in extensions:
        return extension.upper()
    declared = element.get("type") or ""
    if _DOCUMENT_TYPES.match(declared.strip()):
        return declared.strip()
    return None


def _described_by(document: ContentDocument, element: HtmlElement) -> str:
    ids = (element.get("aria-describedby") or "").split()
    found = [document.element_by_id(i) for i in ids]
    return " ".join(text_of(e) for e in found if e is not None)


def _text_after(element: HtmlElement, limit: int = 80) -> str:
    """The text just after the link: "(PDF, 120 KB)" placed after it, in the same block or,
    when the link ends its block (a heading holding only the link), in the next one, as
    GOV.UK's attachments do."""
    node = element
    for _ in range(3):
        parts = [node.tail or ""]
        sibling = node.getnext()
        while sibling is not None and sum(len(p) for p in parts) < limit:
            if isinstance(sibling.tag, str):
                if sibling.tag == "a" or sibling.find(".//a") is not None:
                    break  # the next link's own description
                parts.append(text_of(sibling))
            parts.append(sibling.tail or "")
            sibling = sibling.getnext()
        text = fold(" ".join(parts))
        parent = node.getparent()
        if text or parent is None or parent.tag in {"body", "main"}:
            return text[:limit]
        node = parent
    return ""


def check_document_links(document: ContentDocument, context: CheckContext) -> list[Issue]:
    extensions = frozenset(
        e.lower().lstrip(".") for e in context.options.get("extensions", DOCUMENT_EXTENSIONS)
    )
    issues = []
    for element, name in _names(document):
        kind = _document_kind(element, extensions)
        if kind is None:
            continue
        said = " ".join((name, _described_by(document, element), _text_after(element)))
        missing = [
            what
            for what, pattern in (("file type", _TYPE_WORDS), ("size", _SIZE))
            if not pattern.search(said)
        ]
        if not missing:
            continue
        issues.append(
            element_issue(
                document,
                DOCUMENT_LINK,
                element,
                f"This link opens a {kind} document but does not say its "
                f"{' or '.join(missing)}: {quote(name)}. Add them to the link text, for "
                "example “Council tax bands (PDF, 120 KB)”, so residents know before they "
                "download it.",
            )
        )
    return issues


def check_new_window(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for element, name in _names(document):
        target = (element.get("target") or "").strip().lower()
        if target in _SAME_WINDOW_TARGETS:
            continue
        # The name, or the description (aria-describedby, else title) that is read after it.
        said = " ".join((name, _described_by(document, element), element.get("title") or ""))
        if _NEW_WINDOW_WORDS.search(said):
            continue
        issues.append(
            element_issue(
                document,
                NEW_WINDOW,
                element,
                f"This link opens in a new tab or window without saying so: {quote(name)}. "
                "Open it in the same tab, or add “(opens in a new tab)” to the link text.",
            )
        )
    return issues
