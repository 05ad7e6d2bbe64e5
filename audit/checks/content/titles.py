"""Page titles and meta descriptions: descriptive, and not shared with another page.

A page's own title is the ``<title>`` without the site's name: "Pay your council tax - Anytown
Borough Council" is compared as "Pay your council tax" too (the part before the last " - ",
" | ", an en dash or an em dash). Duplicates are found against :class:`SiteTitles`, the titles and
descriptions of every page of the site, built once per audit run.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from types import MappingProxyType
from urllib.parse import urlsplit

from ...enums import Source
from ..issues import Issue
from .context import CheckContext, page_issue, quote
from .document import ContentDocument, fold

TITLE_DESCRIPTIVE = "clearway-page-title-descriptive"
TITLE_DUPLICATE = "clearway-page-title-duplicate"
DESCRIPTION_MISSING = "clearway-meta-description"
DESCRIPTION_DUPLICATE = "clearway-meta-description-duplicate"

#: Between a page's own title and the site's name. Not ":", which titles use themselves
#: ("Council tax: how to pay").
_SEPARATOR = re.compile(r"\s+[-|\u2013—·•]\s+")
_LEADING_SEPARATOR = re.compile(r"^[-|\u2013—·•]\s")
#: Titles that say nothing about any page.
GENERIC_TITLES = frozenset(
    {"page", "untitled", "untitled page", "untitled document", "new page", "new page 1",
     "document", "title", "page title", "no title", "test", "test page", "placeholder",
     "blank", "blank page", "my page", "copy of"}
)  # fmt: skip
#: Titles that only suit a site's home page.
HOME_TITLES = frozenset({"home", "homepage", "home page", "welcome", "index", "default"})


def normalise(text: str) -> str:
    """Lower case, whitespace folded, without punctuation at the ends."""
    return fold(text.casefold().strip(string.punctuation + " "))


def title_candidates(title: str) -> list[str]:
    """The whole title, then the title without its last part (the site's name)."""
    candidates = [normalise(title)]
    separators = list(_SEPARATOR.finditer(title))
    if separators:
        candidates.append(normalise(title[: separators[-1].start()]))
    return list(dict.fromkeys(c for c in candidates if c))


def _url_key(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, parts.path.rstrip("/")


def _freeze(index: dict[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(urls) for key, urls in index.items()})


@dataclass(frozen=True)
class SiteTitles:
    """Every page's title and meta description across a site, for finding duplicates."""

    #: Normalised title (Wagtail: ``seo_title or title``) -> the URLs of pages with it.
    titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Normalised meta description -> the URLs of pages with it.
    descriptions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_pages(cls, pages: Iterable[tuple[str, str, str]]) -> SiteTitles:
        """From ``(url, title, description)`` for each page (empty strings are skipped)."""
        titles: dict[str, list[str]] = {}
        descriptions: dict[str, list[str]] = {}
        for url, title, description in pages:
            if normalise(title or ""):
                titles.setdefault(normalise(title), []).append(url)
            if normalise(description or ""):
                descriptions.setdefault(normalise(description), []).append(url)
        return cls(_freeze(titles), _freeze(descriptions))

    @classmethod
    def from_wagtail(cls) -> SiteTitles:
        """Every live public page of every Wagtail Site, in a constant number of queries
        (one per page type; site root paths come from Wagtail's cache).

        The title is ``seo_title or title``, as Wagtail's templates show it; the description
        is the page's ``get_meta_description()`` when its model has one, else
        ``search_description``.
        """
        from wagtail.models import Page

        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .defer_streamfields()
            .specific()
            .order_by("path")
        )
        rows = []
        for page in pages:
            url = page.get_full_url()
            if not url:
                continue  # not routable: no site serves it
            describe = getattr(page, "get_meta_description", None)
            description = describe() if callable(describe) else page.search_description
            rows.append((url, page.seo_title or page.title, str(description or "")))
        return cls.from_pages(rows)

    def others(self, index: Mapping[str, tuple[str, ...]], key: str, url: str) -> tuple[str, ...]:
        """Other pages than ``url`` under ``key``; on the same host as ``url`` when the index
        knows that host (a title may repeat across two Wagtail Sites)."""
        urls = index.get(key, ())
        own_host, own_path = _url_key(url)
        restrict = bool(own_host) and own_host in {_url_key(u)[0] for u in urls}
        others = []
        for other in urls:
            host, path = _url_key(other)
            if restrict and host not in {own_host, ""}:
                continue  # another site's page
            if path != own_path:
                others.append(other)
        return tuple(others)


def _list(urls: tuple[str, ...]) -> str:
    more = f" and {len(urls) - 3} more" if len(urls) > 3 else ""
    return ", ".join(urls[:3]) + more


def _is_home(url: str) -> bool:
    path = urlsplit(url).path
    return path in {"", "/"} or path.rsplit("/", 1)[-1] in {"index.html", "index.htm"}


def _title_html(document: ContentDocument) -> str:
    if document.root is None:
        return ""
    element = document.root.find(".//title")
    return document.snippet(element) if element is not None else ""


def check_title_descriptive(document: ContentDocument, context: CheckContext) -> list[Issue]:
    title = document.title
    if not title:
        return []  # no title at all is axe-core's document-title rule
    if _LEADING_SEPARATOR.match(title):
        own = ""  # "- Anytown Borough Council": the page's own part is empty
    elif _SEPARATOR.search(title):
        own = normalise(_SEPARATOR.split(title)[0])
    else:
        own = normalise(title)
    extra = {normalise(t) for t in context.options.get("extra_generic_titles", ())}
    if not own:
        problem = "has no words of its own before the separator"
    elif own in GENERIC_TITLES or own in extra:
        problem = "does not say what the page is about"
    elif own in HOME_TITLES and not _is_home(context.url):
        problem = "suits only the home page"
    else:
        return []
    return [
        page_issue(
            TITLE_DESCRIPTIVE,
            f"The page title {quote(title)} {problem}. Give the page a title that says "
            "what it is for, such as “Pay your council tax”.",
            selector="title",
            html=_title_html(document),
            source=Source.CONTENT,
            region="title",
        )
    ]


def check_title_duplicate(document: ContentDocument, context: CheckContext) -> list[Issue]:
    title = document.title
    if not title or context.site_titles is None:
        return []
    for candidate in title_candidates(title):
        others = context.site_titles.others(context.site_titles.titles, candidate, context.url)
        if others:
            shown = _list(others)
            return [
                page_issue(
                    TITLE_DUPLICATE,
                    f"Another page has the same title, {quote(title)}: {shown}. Give each "
                    "page its own title, so residents can tell them apart in search results "
                    "and browser tabs.",
                    selector="title",
                    html=_title_html(document),
                    source=Source.CONTENT,
                    region="title",
                )
            ]
    return []


def check_meta_description(document: ContentDocument, context: CheckContext) -> list[Issue]:
    if document.root is None or document.meta_description:
        return []
    return [
        page_issue(
            DESCRIPTION_MISSING,
            "This page has no meta description: search engines show a random piece of the "
            "page instead. Write one or two sentences that say what the page is for.",
            selector="head",
            html="<head>",
            source=Source.CONTENT,
            region="search_description",
        )
    ]


def check_description_duplicate(document: ContentDocument, context: CheckContext) -> list[Issue]:
    description = document.meta_description
    if not description or context.site_titles is None:
        return []
    others = context.site_titles.others(
        context.site_titles.descriptions, normalise(description), context.url
    )
    if not others:
        return []
    shown = _list(others)
    return [
        page_issue(
            DESCRIPTION_DUPLICATE,
            f"Another page has the same meta description, {quote(description)}: {shown}. "
            "Describe what this page is for.",
            selector='meta[name="description"]',
            html=f'<meta name="description" content="{escape(description[:200])}">',
            source=Source.CONTENT,
            region="search_description",
        )
    ]
