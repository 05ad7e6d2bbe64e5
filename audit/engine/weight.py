"""Page weight: what a first visit to a page downloads from the site, compressed.

The page is requested as a browser would (``Accept-Encoding: gzip, deflate, br``) through
Django's test client, so through the whole middleware stack in this process and never over the
network; then every same-site stylesheet and script it links (and, when asked, its images).
Sizes are response bodies as sent: gzip or brotli, whichever the server chose. Each asset is
counted once per page, as on a first visit with an empty cache. A file under ``MEDIA_URL`` that
Django does not serve (in production the web server does) is sized from the storage.

Nothing on another origin is fetched: it is listed (``third_party``), and frames and embeds
are listed apart (``embeds``), since each loads a whole page of its own.

Used by the page-weight benchmark (``bench/page_weight.py``) and by the editor's page weight
(:mod:`audit.runs.weight`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage

ORIGIN = "http://testserver"
ACCEPT_ENCODING = "gzip, deflate, br"
#: <link> relations that are navigation, not something the browser fetches.
NAVIGATION_RELS = {"alternate", "author", "bookmark", "canonical", "help", "license", "me"}
NAVIGATION_RELS |= {"next", "prev", "search", "shortlink"}
#: Attributes that make the browser fetch something while loading a page.
FETCHING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
#: Elements that load a page (or a plug-in) of their own: listed as embeds.
EMBEDDING_TAGS = {"iframe", "frame", "embed", "object"}
#: Elements whose references are images (``<picture>``'s ``<source>`` included).
IMAGE_TAGS = {"img", "source", "input"}
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", re.I)
CSS_FONT_FACE = re.compile(r"@font-face", re.I)


@dataclass
class Asset:
    url: str
    kind: str  # "css", "js" or "image"
    bytes: int
    raw_bytes: int
    encoding: str
    status: int


@dataclass
class PageWeight:
    url: str
    page_type: str
    title: str
    status: int
    html_bytes: int = 0
    html_raw_bytes: int = 0
    html_encoding: str = ""
    assets: list[Asset] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    web_fonts: list[str] = field(default_factory=list)
    other_requests: list[str] = field(default_factory=list)
    embeds: list[str] = field(default_factory=list)
    outbound_links: int = 0

    def bytes_of(self, kind: str) -> int:
        return sum(asset.bytes for asset in self.assets if asset.kind == kind)

    @property
    def css_bytes(self) -> int:
        return self.bytes_of("css")

    @property
    def js_bytes(self) -> int:
        return self.bytes_of("js")

    @property
    def image_bytes(self) -> int:
        return self.bytes_of("image")

    @property
    def total_bytes(self) -> int:
        """HTML, CSS and JavaScript: the benchmark's figure."""
        return self.html_bytes + self.css_bytes + self.js_bytes

    @property
    def with_images_bytes(self) -> int:
        """HTML, CSS, JavaScript and images: the editor's figure."""
        return self.total_bytes + self.image_bytes


def body_of(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return bytes(response.content)


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


def media_size(path: str) -> int | None:
    """The size of the stored file behind a ``MEDIA_URL`` address, or None."""
    media_url = str(getattr(settings, "MEDIA_URL", "") or "")
    if not media_url.startswith("/") or not path.startswith(media_url):
        return None
    name = unquote(path[len(media_url) :].split("?", 1)[0])
    try:
        return int(default_storage.size(name))
    except (OSError, NotImplementedError, ValueError):
        return None


class Measurer:
    """Fetch pages and assets through Django's test client, remembering each asset.

    ``origin`` is the site's root URL (its host is sent as ``Host``); ``images`` counts images
    as assets (the editor's figure) rather than listing them in ``other_requests`` (the
    benchmark's, whose budget is HTML, CSS and JavaScript).
    """

    def __init__(self, origin: str = ORIGIN, images: bool = False) -> None:
        from django.test import Client

        parts = urlsplit(origin)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.images = images
        self.client = Client(HTTP_HOST=parts.netloc, secure=parts.scheme == "https")
        self._assets: dict[str, tuple[Asset, str]] = {}

    def is_same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def get(self, path: str, compressed: bool = True) -> Any:
        headers = {"Accept-Encoding": ACCEPT_ENCODING} if compressed else None
        return self.client.get(path, headers=headers)

    def asset(self, url: str, kind: str) -> tuple[Asset, str]:
        """The asset as sent compressed, and its decoded text (for stylesheets)."""
        if url not in self._assets:
            path = local_path(url)
            sent = self.get(path)
            sent_body = body_of(sent)
            if kind == "image":
                # Images are compressed already: one request, or the stored file's size
                # when the web server serves media rather than Django.
                stored = media_size(path) if sent.status_code != 200 else None
                size = stored if stored is not None else len(sent_body)
                asset = Asset(
                    url=path,
                    kind=kind,
                    bytes=size,
                    raw_bytes=size,
                    encoding=sent.get("Content-Encoding", "identity"),
                    status=200 if stored is not None else sent.status_code,
                )
                self._assets[url] = (asset, "")
                return self._assets[url]
            plain = self.get(path, compressed=False)
            plain_body = body_of(plain)
            asset = Asset(
                url=path,
                kind=kind,
                bytes=len(sent_body),
                raw_bytes=len(plain_body),
                encoding=sent.get("Content-Encoding", "identity"),
                status=sent.status_code,
            )
            self._assets[url] = (asset, plain_body.decode("utf-8", "replace"))
        return self._assets[url]

    def page(self, url: str, page_type: str = "", title: str = "") -> PageWeight:
        from bs4 import BeautifulSoup

        response = self.get(url)
        sent_body = body_of(response)
        result = PageWeight(url=url, page_type=page_type, title=title, status=response.status_code)
        result.html_bytes = len(sent_body)
        result.html_encoding = response.get("Content-Encoding", "identity")
        html = body_of(self.get(url, compressed=False))
        result.html_raw_bytes = len(html)
        if response.status_code != 200:
            return result

        soup = BeautifulSoup(html, "lxml")
        page_url = urljoin(self.origin, url)
        seen: set[str] = set()

        def fetched(reference: str, kind: str, base: str = page_url) -> None:
            reference = reference.strip()
            if not reference or reference.startswith(("data:", "#", "about:", "javascript:")):
                return
            absolute = urljoin(base, reference)
            if absolute in seen:
                return
            seen.add(absolute)
            if urlsplit(absolute).path.lower().endswith(FONT_EXTENSIONS) or kind == "font":
                result.web_fonts.append(absolute)
            if kind == "embed":
                result.embeds.append(absolute)
            if not self.is_same_origin(absolute):
                result.third_party.append(absolute)
                return
            if kind in {"css", "js"} or (kind == "image" and self.images):
                asset, text = self.asset(absolute, kind)
                result.assets.append(asset)
                if kind == "css":
                    self.stylesheet(text, absolute, result, fetched)
            elif kind != "font":
                result.other_requests.append(local_path(absolute))

        for link in soup.find_all("link", href=True):
            rels = {rel.lower() for rel in (link.get("rel") or [])}
            if rels and rels <= NAVIGATION_RELS:
                continue
            kind = "other"
            if "stylesheet" in rels:
                kind = "css"
            elif rels & {"preload", "modulepreload"} and link.get("as") == "font":
                kind = "font"
            elif "modulepreload" in rels or (rels & {"preload"} and link.get("as") == "script"):
                kind = "js"
            fetched(_text(link.get("href")), kind)
        for tag, attributes in FETCHING_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                for attribute in attributes:
                    value = _text(element.get(attribute))
                    if not value:
                        continue
                    references = srcset_urls(value) if attribute == "srcset" else [value]
                    for reference in references:
                        fetched(reference, _kind_of(tag, attribute))
        for style in soup.find_all("style"):
            self.stylesheet(style.get_text(), page_url, result, fetched)
        for element in soup.find_all(style=True):
            self.stylesheet(_text(element.get("style")), page_url, result, fetched)
        addresses = [urljoin(page_url, _text(a.get("href"))) for a in soup.find_all("a", href=True)]
        result.outbound_links = sum(
            1
            for address in addresses
            if urlsplit(address).scheme in {"http", "https"} and not self.is_same_origin(address)
        )
        return result

    @staticmethod
    def stylesheet(text: str, base: str, result: PageWeight, fetched: Callable[..., None]) -> None:
        text = CSS_COMMENT.sub("", text)
        result.web_fonts.extend(
            f"@font-face in {local_path(base)}" for _ in CSS_FONT_FACE.finditer(text)
        )
        imports = CSS_IMPORT.findall(text)
        for reference in imports:
            fetched(reference, "css", base)
        for reference in CSS_URL.findall(text):
            if reference not in imports:
                fetched(reference, "other", base)


def _text(value: Any) -> str:
    """An attribute's value as text (BeautifulSoup gives multi-valued ones as lists)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _kind_of(tag: str, attribute: str) -> str:
    if tag == "script":
        return "js"
    if tag in EMBEDDING_TAGS:
        return "embed"
    if tag in IMAGE_TAGS or attribute == "poster":
        return "image"
    return "other"
