"""The URLs an HTML page refers to: its links (for link following) and the stylesheets,
scripts and frames it loads (for content fingerprints)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urldefrag, urljoin

import lxml.html
from lxml import etree

#: Reads the reference out of an element (``None`` when the element refers to nothing).
Reference = Callable[[lxml.html.HtmlElement], str | None]


def references(
    html: bytes | str, base_url: str, tags: Iterable[str], reference: Reference
) -> list[str]:
    """Absolute URLs, in document order, of what the ``tags`` elements refer to.

    Resolved against the first ``<base href>`` (itself relative to ``base_url``), fragments
    removed; references to a place on the same page (``#main``) are left out, repeats are not.
    Anything that is not HTML gives no URLs.
    """
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    base = base_url
    for element in document.iter("base"):
        href = (element.get("href") or "").strip()
        if href:
            base = urljoin(base_url, href)
            break
    found = []
    for element in document.iter(*tags):
        value = (reference(element) or "").strip()
        if value and not value.startswith("#"):
            found.append(urldefrag(urljoin(base, value)).url)
    return found


def links_in(html: bytes | str, base_url: str) -> list[str]:
    """Absolute URLs of the ``<a href>`` and ``<area href>`` links, fragments removed."""
    return references(html, base_url, ("a", "area"), lambda element: element.get("href"))


def asset_urls(html: bytes | str, base_url: str) -> list[str]:
    """Stylesheets, scripts and frames the page loads: http(s) URLs, each once."""
    found = references(html, base_url, ("link", "script", "iframe", "frame"), _asset_reference)
    return list(dict.fromkeys(url for url in found if url.startswith(("http://", "https://"))))


def _asset_reference(element: lxml.html.HtmlElement) -> str | None:
    attribute = "src"
    if element.tag == "link":
        rel = set((element.get("rel") or "").lower().split())
        if not rel & {"stylesheet", "modulepreload"}:
            return None
        attribute = "href"
    value: str | None = element.get(attribute)  # lxml is untyped here
    return value
