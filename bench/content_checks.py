"""Clearway's content rules: milliseconds per page over the demo site's rendered HTML.

Every live page of the demo council (and a search results page) is rendered once through the
test client; then :func:`audit.checks.content.check_html` runs every content rule on each
page's HTML ``--rounds`` times, with the site's titles and the words-to-avoid list loaded once,
as an audit run does. Reported: mean, median, p95 and max milliseconds per page, as CPU time of
this process (``time.process_time``, what the page costs) and wall clock (what it took, which
a busy machine inflates), the slowest pages, and the parse alone for comparison. The budget is
well under 10 ms per typical page (the audit does hundreds of pages a minute).

Run: .venv/bin/python bench/content_checks.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

NAME = "content_checks"
BUDGET_MS = 10.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="checks of each page (default 20)")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME)
    source = common.build_demo_site()
    common.collect_static()

    from django.test import Client

    from audit.checks.content import SiteTitles, check_html
    from audit.checks.content.document import ContentDocument
    from audit.core.conf import audit_settings
    from audit.storage.terms import load_terms

    client = Client()
    paths = [page.get_url() for page in common.public_pages()] + ["/search/?q=council"]
    pages = []
    for path in paths:
        response = client.get(path)
        if response.status_code == 200:
            pages.append((path, response.content.decode()))
    config = audit_settings()
    started = time.perf_counter()
    site_titles = SiteTitles.from_wagtail()
    terms = load_terms()
    setup_ms = (time.perf_counter() - started) * 1000
    common.log(f"rendered {len(pages)} pages in {env.tmp}")

    per_page: dict[str, list[float]] = {path: [] for path, _ in pages}
    wall: list[float] = []
    parse_ms: list[float] = []
    issues = 0
    check_html(pages[0][1], url=pages[0][0], config=config, site_titles=site_titles, terms=terms)
    for _ in range(args.rounds):
        for path, html in pages:
            begun, cpu = time.perf_counter(), time.process_time()
            found = check_html(html, url=path, config=config, site_titles=site_titles, terms=terms)
            per_page[path].append((time.process_time() - cpu) * 1000)
            wall.append((time.perf_counter() - begun) * 1000)
            issues += len(found)
            cpu = time.process_time()
            _ = ContentDocument(html).text_blocks
            parse_ms.append((time.process_time() - cpu) * 1000)
    samples = [ms for values in per_page.values() for ms in values]
    page_means = {path: statistics.mean(values) for path, values in per_page.items()}
    summary = {
        "pages": len(pages),
        "rounds": args.rounds,
        "mean_ms": statistics.mean(samples),
        "median_ms": statistics.median(samples),
        "p95_ms": p95(samples),
        "max_ms": max(samples),
        "wall_mean_ms": statistics.mean(wall),
        "wall_p95_ms": p95(wall),
        "parse_and_text_mean_ms": statistics.mean(parse_ms),
        "setup_ms": setup_ms,
        "issues_per_round": issues / args.rounds,
    }

    print(common.heading("Content rules: milliseconds per page"))
    print(f"Demo site: {source}; {len(pages)} pages x {args.rounds} rounds; budget {BUDGET_MS} ms.")
    print(
        common.table(
            ["CPU mean", "median", "p95", "max", "parse + text", "wall mean", "wall p95",
             "site titles + terms (once)"],
            [[summary["mean_ms"], summary["median_ms"], summary["p95_ms"], summary["max_ms"],
              summary["parse_and_text_mean_ms"], summary["wall_mean_ms"], summary["wall_p95_ms"],
              setup_ms]],
        )
    )  # fmt: skip
    slowest = sorted(page_means.items(), key=lambda item: item[1], reverse=True)[:5]
    print("\nSlowest pages (mean CPU ms):")
    print(
        common.table(["page", "ms", "bytes"], [[p, ms, len(dict(pages)[p])] for p, ms in slowest])
    )
    print(f"\nIssues found per round: {summary['issues_per_round']:g} (the demo should have none).")
    path = common.write_results(NAME, {**summary, "slowest": slowest})
    print(f"\nResults: {path.relative_to(common.ROOT)}")
    return summary


if __name__ == "__main__":
    main()
