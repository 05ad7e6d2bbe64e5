"""SQL queries per uncached page, for each page type, on the demo site and on the site doubled.

Every live page is requested through the whole middleware stack with the page cache off
(a dummy cache), once to warm the process (content types, Wagtail's site root paths), then
again inside ``CaptureQueriesContext``. Each page type reports its worst page. Then every
service category (with everything under it) and every news story is copied under a new slug
and every page is measured again: a type whose count grows is flagged, as is any count over
the budget.

The SQL of the worst service page is printed, grouped by statement shape, each with the
line of project code (or template) that ran it.

Run: .venv/bin/python bench/queries.py [--query WORDS]
"""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlencode

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

NAME = "queries"
#: Page types in the order the report lists them.
PAGE_TYPES = [
    "HomePage",
    "ServiceCategoryPage",
    "ServicePage",
    "GuidePage",
    "GuidePartPage",
    "StepByStepPage",
    "NewsIndexPage",
    "NewsPage",
    "AccessibilityStatementPage",
    "SearchPage",
    "SearchPage (results)",
]
SQL_STRING = re.compile(r"'(?:[^']|'')*'")
SQL_NUMBER = re.compile(r"\b\d+(?:\.\d+)?\b")
SQL_IN_LIST = re.compile(r"IN \((?:\?, )*\?\)")
SQL_SELECT_LIST = re.compile(r"^SELECT (DISTINCT )?.*? FROM ", re.S)
SKIP_FRAMES = ("/django/db/", "/bench/", "contextlib.py", "/django/utils/functional.py")
#: Project frames that only pass the request on, never the reason for a query.
PASS_THROUGH = ("clearway/middleware.py",)


@dataclass
class Query:
    sql: str
    origin: str

    @property
    def shape(self) -> str:
        """The statement with literals replaced, so repeats with new values group together."""
        shape = SQL_NUMBER.sub("?", SQL_STRING.sub("?", self.sql))
        return SQL_IN_LIST.sub("IN (…)", shape)

    @property
    def short(self) -> str:
        """The shape with the column list elided."""
        return SQL_SELECT_LIST.sub(lambda m: f"SELECT {m.group(1) or ''}… FROM ", self.shape)


@dataclass
class PageQueries:
    url: str
    page_type: str
    status: int
    count: int
    queries: list[Query] = field(default_factory=list)


def origin_of(frames: list[FrameType]) -> str:
    """Where a query came from: the innermost project line, and the template if any."""
    site = str(common.SITE_DIR) + "/"
    caller = project = template = None
    for frame in frames:  # innermost first
        filename = frame.f_code.co_filename
        if caller is None and not any(part in filename for part in SKIP_FRAMES):
            caller = f"{_short_path(filename)}:{frame.f_lineno} {frame.f_code.co_name}"
        if project is None and filename.startswith(site) and not filename.endswith(PASS_THROUGH):
            project = f"{filename[len(site) :]}:{frame.f_lineno} {frame.f_code.co_name}"
        if (
            template is None
            and frame.f_code.co_name == "render_annotated"
            and filename.endswith("django/template/base.py")
        ):
            node = frame.f_locals.get("self")
            origin = getattr(node, "origin", None)
            token = getattr(node, "token", None)
            if origin is not None and token is not None:
                template = f"{origin.template_name}:{token.lineno}"
    parts = [caller or "?"]
    if project and project != caller:
        parts.append(f"via {project}")
    if template:
        parts.append(f"in {template}")
    return " ".join(parts)


def _short_path(filename: str) -> str:
    for marker in ("/site-packages/", str(common.SITE_DIR) + "/", str(common.ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


class Recorder:
    """A database execute wrapper that notes each statement and where it came from."""

    def __init__(self) -> None:
        self.queries: list[Query] = []

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        frames = [frame for frame, _ in traceback.walk_stack(None)]
        self.queries.append(Query(sql=sql, origin=origin_of(frames)))
        return execute(sql, params, many, context)


class QueryCounter:
    """Request pages through the test client and count their queries."""

    def __init__(self) -> None:
        from django.test import Client

        self.client = Client()

    def measure(self, url: str, page_type: str) -> PageQueries:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.get(url)  # warm the process's caches
        recorder = Recorder()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(recorder):
            response = self.client.get(url)
        queries = [
            Query(sql=item["sql"], origin=recorded.origin)
            for item, recorded in zip(captured.captured_queries, recorder.queries, strict=False)
        ]
        if len(captured.captured_queries) != len(recorder.queries):
            common.log(
                f"warning: {url}: CaptureQueriesContext saw {len(captured.captured_queries)} "
                f"queries, the execute wrapper {len(recorder.queries)}"
            )
        return PageQueries(
            url=url,
            page_type=page_type,
            status=response.status_code,
            count=len(captured.captured_queries),
            queries=queries,
        )


def measure_site(counter: QueryCounter, query: str) -> list[PageQueries]:
    pages = common.public_pages()
    targets = [(page.get_url(), common.page_type(page)) for page in pages]
    for page in pages:
        if common.page_type(page) == "SearchPage":
            targets.append((f"{page.get_url()}?{urlencode({'q': query})}", "SearchPage (results)"))
    return [counter.measure(url, kind) for url, kind in targets]


def worst_by_type(results: list[PageQueries]) -> dict[str, PageQueries]:
    worst: dict[str, PageQueries] = {}
    for result in results:
        if result.page_type not in worst or result.count > worst[result.page_type].count:
            worst[result.page_type] = result
    return worst


def print_distinct_sql(result: PageQueries) -> list[dict[str, Any]]:
    """Print a page's SQL grouped by statement shape, with where each came from."""
    print(common.heading(f"Distinct SQL of the {result.page_type} {result.url}"))
    print(f"{result.count} queries. Literals shown as ?, column lists as …; xN = repeats.\n")
    shapes = Counter(query.shape for query in result.queries)
    seen: set[str] = set()
    report: list[dict[str, Any]] = []
    for item in result.queries:
        if item.shape in seen:
            continue
        seen.add(item.shape)
        origins = sorted({q.origin for q in result.queries if q.shape == item.shape})
        print(f"{len(seen):>2}. x{shapes[item.shape]}  {item.short}")
        for origin in origins:
            print(f"      from {origin}")
        report.append({"count": shapes[item.shape], "sql": item.sql, "origins": origins})
    return report


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="council", help="search words for the results page")
    parser.add_argument(
        "--sql",
        action="append",
        default=[],
        metavar="TYPE",
        help="also print the SQL of this page type's worst page (repeatable; 'all' for every type)",
    )
    args = parser.parse_args(argv)

    common.setup_django(NAME)
    source = common.build_demo_site()
    common.collect_static()  # the templates' {% static %} needs the production manifest
    counter = QueryCounter()
    now = measure_site(counter, args.query)
    added = common.double_site()
    common.log(f"doubled the site: {added} pages added")
    doubled = measure_site(counter, args.query)
    return report(now, doubled, source, args.query, added, args.sql)


def report(
    now: list[PageQueries],
    doubled: list[PageQueries],
    source: str,
    query: str,
    added: int,
    show_sql: list[str],
) -> dict[str, Any]:
    budget = common.QUERY_BUDGET
    worst_now = worst_by_type(now)
    worst_doubled = worst_by_type(doubled)
    doubled_by_url = {result.url: result for result in doubled}
    grown = [
        (result, doubled_by_url[result.url])
        for result in now
        if result.url in doubled_by_url and doubled_by_url[result.url].count > result.count
    ]
    kinds = [kind for kind in PAGE_TYPES if kind in worst_now] + sorted(
        set(worst_now) - set(PAGE_TYPES)
    )

    print(common.heading("SQL queries per uncached page, by page type (max: its worst page)"))
    print(
        f"Demo site: {source}; {len(now)} pages, then {len(doubled)} after copying every "
        f"service category and news story ({added} pages added). Search words: {query!r}. "
        f"Budget: {budget} queries, flat as the site grows.\n"
    )
    rows = []
    by_type: dict[str, Any] = {}
    for kind in kinds:
        before = worst_now[kind]
        after = worst_doubled.get(kind)
        pages_now = [r.count for r in now if r.page_type == kind]
        flags = []
        if max(before.count, after.count if after else 0) > budget:
            flags.append(f"OVER {budget}")
        if after and after.count > before.count:
            flags.append("GROWS")
        grown_here = [b for b, _ in grown if b.page_type == kind]
        if grown_here and "GROWS" not in flags:
            flags.append("GROWS")
        rows.append(
            [
                kind,
                len(pages_now),
                min(pages_now),
                common.median(pages_now),
                before.count,
                after.count if after else None,
                ", ".join(flags) or "ok",
                before.url,
            ]
        )
        by_type[kind] = {
            "pages": len(pages_now),
            "min_now": min(pages_now),
            "median_now": common.median(pages_now),
            "queries_now": before.count,
            "queries_doubled": after.count if after else None,
            "worst_page_now": before.url,
            "worst_page_doubled": after.url if after else None,
            "flags": flags,
        }
    print(
        common.table(
            [
                "page type",
                "pages",
                "min",
                "median",
                "max now",
                "max doubled",
                "verdict",
                "worst page",
            ],
            rows,
        )
    )
    if grown:
        print("\nPages whose own count grew when the site doubled:")
        print(
            common.table(
                ["page", "type", "now", "doubled"],
                [[b.url, b.page_type, b.count, a.count] for b, a in grown],
            )
        )
    failed = [r for r in now + doubled if r.status != 200]
    for result in failed:
        print(f"  HTTP {result.status}: {result.url}")

    service = worst_now.get("ServicePage")
    sql_report = print_distinct_sql(service) if service is not None else []
    # Any other type over the budget, growing or asked for: show where its queries go too.
    for kind in kinds:
        wanted = kind in show_sql or "all" in show_sql
        if kind != "ServicePage" and (by_type[kind]["flags"] or wanted):
            result = worst_doubled.get(kind) or worst_now[kind]
            by_type[kind]["sql"] = print_distinct_sql(result)

    data = {
        "demo_site": source,
        "search_query": query,
        "budget": budget,
        "pages_added_when_doubled": added,
        "by_type": by_type,
        "grown_pages": [
            {"url": b.url, "type": b.page_type, "now": b.count, "doubled": a.count}
            for b, a in grown
        ],
        "failed_pages": [{"url": r.url, "status": r.status} for r in failed],
        "service_page": service.url if service else None,
        "service_page_sql": sql_report,
        "pages_now": [{"url": r.url, "type": r.page_type, "queries": r.count} for r in now],
        "pages_doubled": [{"url": r.url, "type": r.page_type, "queries": r.count} for r in doubled],
    }
    path = common.write_results(NAME, data)
    print(f"\nResults: {path.relative_to(common.ROOT)}")
    return data


if __name__ == "__main__":
    main()
