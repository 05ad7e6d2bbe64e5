"""Page titles and meta descriptions: descriptive, and not shared with another page.

A page's own title is the ``<title>`` without the site's name: "Pay your council tax - Anytown
Borough Council" is compared as "Pay your council tax" too (the part before the last " - ",
" | ", an en dash or an em dash). Duplicates are found against :class:`SiteTitles`: the titles and
descriptions of every page of the Wagtail site, built once per audit run, or of the pages
fetched so far in a run of other URLs.
"""

from __future__ import annotations

import re
import string
import threading
from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import urljoin, urlsplit

from audit.checks.content.context import CheckContext, page_issue, quote
from audit.checks.content.document import ContentDocument, fold
from audit.checks.issues import Issue
from audit.checks.placeholder_titles import GENERIC_TITLES, HOME_TITLES
from audit.core.enums import Source

TITLE_DESCRIPTIVE = "clearway-page-title-descriptive"
TITLE_DUPLICATE = "clearway-page-title-duplicate"
DESCRIPTION_MISSING = "clearway-meta-description"
DESCRIPTION_DUPLICATE = "clearway-meta-description-duplicate"

#: Between a page's own title and the site's name. Not ":", which titles use themselves
#: ("Council tax: how to pay").
_SEPARATOR = re.compile(r"\s+[-|\u2013—·•]\s+")
_LEADING_SEPARATOR = re.compile(r"^[-|\u2013—·•]\s")
#: A document's or template's file name, as word processors and exports leave in ``<title>``:
#: "report_final_v2.docx", "Budget 2025.xlsx", "index.html".
_FILE_NAME_TITLE = re.compile(
    r"^[\w\-.,'() ]*[\w\-)]\."
    r"(?:docx?|dotx?|pdf|xlsx?|csv|pptx?|od[tspg]|rtf|txt|html?|aspx?|php|jsp|indd|pub)$",
    re.IGNORECASE,
)


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


class SiteTitles:
    """Every page's title and meta description across a site, for finding duplicates.

    Either known up front (:meth:`from_pages`, :meth:`from_wagtail`: every page is compared
    with every other), or :meth:`growing` during a run of URLs from outside Wagtail (a
    sitemap, a list): each page checked is recorded with its place in the run and compared
    with the pages before it, so of two pages that share a title the later one is reported,
    naming the earlier, whichever was fetched first. Safe to share between the runner's
    preparing threads.
    """

    #: How long a page waits for the pages before it in the run to be prepared (a fetch that
    #: hangs is cut short well before this; it only bounds a run that is being stopped).
    WAIT_SECONDS = 120.0

    def __init__(self, *, grows: bool = False) -> None:
        #: Normalised title (Wagtail: ``seo_title or title``) -> the URLs of pages with it.
        self.titles: dict[str, list[str]] = {}
        #: Normalised meta description -> the URLs of pages with it.
        self.descriptions: dict[str, list[str]] = {}
        #: Whether :meth:`record` adds the pages that the checks see.
        self.grows = grows
        #: Each recorded URL's place in the run.
        self._order: dict[str, int] = {}
        #: Places settled (prepared, or failed to be): all below ``_settled_below`` are.
        self._settled: set[int] = set()
        self._settled_below = 0
        self._lock = threading.Lock()
        self._progress = threading.Condition(self._lock)

    @classmethod
    def growing(cls) -> SiteTitles:
        """Empty, filled by the pages checked (:func:`audit.checks.content.check_html`)."""
        return cls(grows=True)

    @classmethod
    def from_pages(cls, pages: Iterable[tuple[str, str, str]]) -> SiteTitles:
        """From ``(url, title, description)`` for each page (empty strings are skipped)."""
        site = cls()
        for url, title, description in pages:
            site.add(url, title, description)
        return site

    def add(
        self, url: str, title: str | None, description: str | None, order: int | None = None
    ) -> None:
        """Index one page (empty title or description skipped), once per URL."""
        with self._lock:
            if order is not None:
                self._order[url] = order
            for index, text in ((self.titles, title), (self.descriptions, description)):
                key = normalise(text or "")
                if key and url not in index.setdefault(key, []):
                    index[key].append(url)

    def record(
        self, url: str, title: str | None, description: str | None, order: int | None
    ) -> None:
        """A page seen by the checks: indexed when this collection grows during a run."""
        if self.grows:
            self.add(url, title, description, order)

    def settle(self, order: int) -> None:
        """The run's page at ``order`` is recorded, or never will be (its fetch failed)."""
        with self._progress:
            if order >= self._settled_below:
                self._settled.add(order)
            while self._settled_below in self._settled:
                self._settled.discard(self._settled_below)
                self._settled_below += 1
            self._progress.notify_all()

    def wait_for_earlier(self, order: int | None) -> None:
        """Until every page before ``order`` in the run is recorded or settled."""
        if not self.grows or order is None:
            return
        with self._progress:
            self._progress.wait_for(lambda: self._settled_below >= order, self.WAIT_SECONDS)

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

    def others(
        self, index: Mapping[str, list[str]], key: str, url: str, before: int | None = None
    ) -> tuple[str, ...]:
        """Other pages than ``url`` under ``key``; on the same host as ``url`` when the index
        knows that host (a title may repeat across two Wagtail Sites). In a growing index,
        only the pages recorded before place ``before`` in the run."""
        with self._lock:
            urls = tuple(index.get(key, ()))
            if self.grows and before is not None:
                urls = tuple(u for u in urls if self._order.get(u, before) < before)
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


def _site_names(document: ContentDocument, url: str) -> set[str]:
    """What the page calls its site, normalised: ``og:site_name``, and the name of the link
    to the home page in the header (a logo's text or alt text)."""
    names: set[str] = set()
    if document.root is None:
        return names
    for meta in document.root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:site_name":
            names.add(normalise(meta.get("content") or ""))
    for link in document.links:
        href = urljoin(url, (link.get("href") or "").strip())
        if not _is_home(href) or urlsplit(href).netloc != urlsplit(url).netloc:
            continue
        if any(a.tag == "header" or a.get("role") == "banner" for a in link.iterancestors()):
            alts = " ".join(img.get("alt") or "" for img in link.iter("img"))
            names.add(normalise(fold(link.text_content() + " " + alts)))
    return names - {""}


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
    elif _FILE_NAME_TITLE.match(own):
        problem = "is a file name, not what the page is about"
    elif own in HOME_TITLES and not _is_home(context.url):
        problem = "suits only the home page"
    elif not _is_home(context.url) and own in _site_names(document, context.url):
        problem = "is only the site's name"
    else:
        return []
    return [
        _title_issue(
            TITLE_DESCRIPTIVE,
            f"The page title {quote(title)} {problem}. Give the page a title that says "
            "what it is for, such as “Pay your council tax”.",
            document,
        )
    ]


def check_title_duplicate(document: ContentDocument, context: CheckContext) -> list[Issue]:
    title = document.title
    site = context.site_titles
    if not title or site is None:
        return []
    site.wait_for_earlier(context.order)
    for candidate in title_candidates(title):
        others = site.others(site.titles, candidate, context.url, context.order)
        if others:
            shown = _list(others)
            return [
                _title_issue(
                    TITLE_DUPLICATE,
                    f"Another page has the same title, {quote(title)}: {shown}. Give each "
                    "page its own title, so residents can tell them apart in search results "
                    "and browser tabs.",
                    document,
                )
            ]
    return []


def _title_issue(rule: str, message: str, document: ContentDocument) -> Issue:
    """An issue with the page's ``<title>``."""
    return page_issue(
        rule,
        message,
        selector="title",
        html=_title_html(document),
        source=Source.CONTENT,
        region="title",
    )


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
    site = context.site_titles
    if not description or site is None:
        return []
    site.wait_for_earlier(context.order)
    others = site.others(site.descriptions, normalise(description), context.url, context.order)
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
