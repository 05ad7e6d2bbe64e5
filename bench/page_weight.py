"""Page weight: the compressed HTML, CSS and JavaScript a first visit to each page downloads.

For every live page of the demo site (and a search results page), request the page as a
browser would (``Accept-Encoding: gzip, deflate, br``) through the whole production
middleware stack, then every stylesheet and script it links, served by WhiteNoise from a
``collectstatic`` run with the production storage (CompressedManifestStaticFilesStorage).
Sizes are response bodies as sent: gzip or brotli, whichever the server chose. Each asset is
counted once per page, as on a first visit with an empty cache.

It also counts what a page would fetch from another origin (third-party requests) and web
fonts (``@font-face`` rules, font files, font preloads). Both budgets are zero.

Run: .venv/bin/python bench/page_weight.py [--query WORDS]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

NAME = "page_weight"
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
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""", re.I)
CSS_FONT_FACE = re.compile(r"@font-face", re.I)


@dataclass
class Asset:
    url: str
    kind: str  # "css" or "js"
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
    outbound_links: int = 0

    @property
    def css_bytes(self) -> int:
        return sum(asset.bytes for asset in self.assets if asset.kind == "css")

    @property
    def js_bytes(self) -> int:
        return sum(asset.bytes for asset in self.assets if asset.kind == "js")

    @property
    def total_bytes(self) -> int:
        return self.html_bytes + self.css_bytes + self.js_bytes


def body_of(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return bytes(response.content)


def is_same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == ORIGIN


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def srcset_urls(value: str) -> list[str]:
    return [item.strip().split()[0] for item in value.split(",") if item.strip()]


class Measurer:
    """Fetch pages and assets through Django's test client, remembering each asset."""

    def __init__(self) -> None:
        from django.test import Client

        self.client = Client()
        self._assets: dict[str, tuple[Asset, str]] = {}

    def get(self, path: str, compressed: bool = True) -> Any:
        headers = {"HTTP_ACCEPT_ENCODING": ACCEPT_ENCODING} if compressed else {}
        return self.client.get(path, **headers)

    def asset(self, url: str, kind: str) -> tuple[Asset, str]:
        """The asset as sent compressed, and its decoded text (for stylesheets)."""
        if url not in self._assets:
            path = local_path(url)
            sent = self.get(path)
            sent_body = body_of(sent)
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

    def page(self, url: str, page_type: str, title: str) -> PageWeight:
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
        page_url = urljoin(ORIGIN, url)
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
            if not is_same_origin(absolute):
                result.third_party.append(absolute)
                return
            if kind in {"css", "js"}:
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
            fetched(link["href"], kind)
        for tag, attributes in FETCHING_ATTRIBUTES.items():
            for element in soup.find_all(tag):
                for attribute in attributes:
                    value = element.get(attribute)
                    if not value:
                        continue
                    references = srcset_urls(value) if attribute == "srcset" else [value]
                    for reference in references:
                        fetched(reference, "js" if tag == "script" else "other")
        for style in soup.find_all("style"):
            self.stylesheet(style.get_text(), page_url, result, fetched)
        for element in soup.find_all(style=True):
            self.stylesheet(element["style"], page_url, result, fetched)
        result.outbound_links = sum(
            1
            for link in soup.find_all("a", href=True)
            if urlsplit(urljoin(page_url, link["href"])).scheme in {"http", "https"}
            and not is_same_origin(urljoin(page_url, link["href"]))
        )
        return result

    @staticmethod
    def stylesheet(text: str, base: str, result: PageWeight, fetched: Any) -> None:
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


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="council", help="search words for the results page")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME)
    source = common.build_demo_site()
    common.collect_static()

    measurer = Measurer()
    pages = common.public_pages()
    targets = [(page.get_url(), common.page_type(page), page.title) for page in pages]
    search = next((page for page in pages if common.page_type(page) == "SearchPage"), None)
    if search is not None:
        targets.append(
            (
                f"{search.get_url()}?{urlencode({'q': args.query})}",
                "SearchPage (results)",
                f"q={args.query}",
            )
        )
    results = [measurer.page(url, kind, title) for url, kind, title in targets]
    common.log(f"measured {len(results)} pages in {env.tmp}")
    return report(results, source, args.query)


def report(results: list[PageWeight], source: str, query: str) -> dict[str, Any]:
    budget = common.PAGE_WEIGHT_BUDGET_BYTES
    ok = [result for result in results if result.status == 200]
    failed = [result for result in results if result.status != 200]
    totals = [result.total_bytes for result in ok]
    worst = sorted(ok, key=lambda result: result.total_bytes, reverse=True)
    over = [result for result in ok if result.total_bytes > budget]
    third_party = sorted({url for result in results for url in result.third_party})
    fonts = sorted({url for result in results for url in result.web_fonts})
    assets = {asset.url: asset for result in ok for asset in result.assets}

    print(common.heading("Page weight: compressed HTML + CSS + JS on a first visit"))
    print(f"Demo site: {source}; {len(results)} pages; budget {budget:,} bytes per page.")
    print(
        "HTML is gzipped by Django's GZipMiddleware, which adds 0-100 random bytes (BREACH "
        "mitigation), so a page's HTML varies by up to 100 bytes between runs.\n"
    )
    print("Assets (as WhiteNoise serves them):")
    print(
        common.table(
            ["asset", "kind", "sent bytes", "raw bytes", "encoding"],
            [[a.url, a.kind, a.bytes, a.raw_bytes, a.encoding] for a in assets.values()],
        )
    )
    print("\nBy page type:")
    by_type: dict[str, list[PageWeight]] = {}
    for result in ok:
        by_type.setdefault(result.page_type, []).append(result)
    print(
        common.table(
            ["page type", "pages", "median bytes", "max bytes", "max raw HTML"],
            [
                [
                    kind,
                    len(items),
                    int(common.median([item.total_bytes for item in items])),
                    max(item.total_bytes for item in items),
                    max(item.html_raw_bytes for item in items),
                ]
                for kind, items in by_type.items()
            ],
        )
    )
    print("\nWorst 5 pages:")
    print(
        common.table(
            ["page", "type", "HTML", "CSS", "JS", "total", "raw HTML", "vs budget"],
            [
                [
                    r.url,
                    r.page_type,
                    r.html_bytes,
                    r.css_bytes,
                    r.js_bytes,
                    r.total_bytes,
                    r.html_raw_bytes,
                    "OVER" if r.total_bytes > budget else "ok",
                ]
                for r in worst[:5]
            ],
        )
    )
    summary = {
        "pages": len(results),
        "failed_pages": [{"url": r.url, "status": r.status} for r in failed],
        "max_bytes": max(totals) if totals else None,
        "median_bytes": int(common.median(totals)) if totals else None,
        "budget_bytes": budget,
        "pages_over_budget": len(over),
        "third_party_requests": len(third_party),
        "web_fonts": len(fonts),
        "outbound_links_max": max((r.outbound_links for r in ok), default=0),
    }
    print("\nSummary:")
    print(
        common.table(
            ["figure", "value", "budget", "verdict"],
            [
                [
                    "max bytes per page",
                    summary["max_bytes"],
                    budget,
                    "ok" if not over else f"{len(over)} OVER",
                ],
                ["median bytes per page", summary["median_bytes"], budget, ""],
                ["third-party requests", len(third_party), 0, "ok" if not third_party else "FAIL"],
                ["web fonts", len(fonts), 0, "ok" if not fonts else "FAIL"],
                ["pages not 200", len(failed), 0, "ok" if not failed else "FAIL"],
            ],
        )
    )
    for url in third_party:
        print(f"  third-party: {url}")
    for url in fonts:
        print(f"  web font: {url}")
    for result in failed:
        print(f"  HTTP {result.status}: {result.url}")
    other = sorted({url for result in ok for url in result.other_requests})
    if other:
        print(f"Other same-origin requests (images, icons; not in the budget): {len(other)}")
    data = {
        "demo_site": source,
        "search_query": query,
        "summary": summary,
        "worst": [r.url for r in worst[:5]],
        "pages": [
            {
                **asdict(r),
                "css_bytes": r.css_bytes,
                "js_bytes": r.js_bytes,
                "total_bytes": r.total_bytes,
            }
            for r in results
        ],
    }
    path = common.write_results(NAME, data)
    print(f"\nResults: {path.relative_to(common.ROOT)}")
    return data


if __name__ == "__main__":
    main()
