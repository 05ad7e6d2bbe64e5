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
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

NAME = "page_weight"


def _measurer() -> Any:
    """The shared measuring code (audit/engine/weight.py, also behind the editor's page
    weight), imported once Django is set up."""
    from audit.engine.weight import Measurer

    return Measurer()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="council", help="search words for the results page")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME)
    source = common.build_demo_site()
    common.collect_static()

    measurer = _measurer()
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


def report(results: list[Any], source: str, query: str) -> dict[str, Any]:
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
    by_type: dict[str, list[Any]] = {}
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
