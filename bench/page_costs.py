"""Where an audited page's time goes: the CPU each layer of the audit adds to a page.

The demo site is served as in ``audit_throughput.py`` (gunicorn, page cache on and warmed). One
browser at a time (``WORKERS`` = 1, an audit session as the runner makes it) then loads the
same N pages once per step, each step adding one layer to the one before:

0. ``a blank page``: as step 1, but each load is of one tiny static HTML page (no style
   sheet, no image, no script): what a navigation costs on this machine before the page's
   own weight counts;
1. ``navigation``: the page loaded in Chromium, nothing registered, no request guard;
2. ``+ request guard``: every request checked over DevTools (``GUARD_REQUESTS``);
3. ``+ axe-core evaluated``: axe-core registered for every new document, so each page
   evaluates its ~560 kB script, but ``axe.run`` is not called;
4. ``+ axe.run``: the brief's "full axe run" (the audit with ``ENGINES = ("axe",)``);
5. ``+ IBM Equal Access``: the second engine evaluated and run too;
6. ``+ Clearway's browser rules``: every browser rule (the nightly audit's browser work).

Each step runs its pages twice and keeps the second round (the first warms the server's
connections and Chromium's caches). Reported per page: CPU seconds of the whole browser tree
(Chromium's processes, chromedriver and this process, from ``/proc`` every 0.2 s, by
``bench.audit_throughput.TreeSampler``), split by process kind, the step's increase over the
one before, and what one browser does a minute (wall clock). The CPU figures say how many
pages a minute 2 cores can do at best: 120 CPU seconds a minute divided by the CPU a page.

Run: .venv/bin/python bench/page_costs.py [--pages 60] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common
from bench.server import CLEARWAY_WSGI_APP, gunicorn

NAME = "page_costs"
#: CPU seconds a minute on the brief's 2 cores.
CPU_SECONDS_A_MINUTE = 2 * 60.0
#: The kinds of process reported in columns of their own; the rest are summed as "other".
KINDS = ("chromium (renderer)", "chromium (browser)", "chromium (gpu)")


@dataclass(frozen=True)
class Step:
    label: str
    #: ``audit_settings().with_overrides`` arguments.
    overrides: dict[str, Any]
    #: Run the engines' scripts (False: registered for each document, never run).
    run_engines: bool = True
    #: Load this one page (a path on the server) as many times, instead of the demo pages.
    only_page: str | None = None


#: The blank page of step 0, written into the static files before the server starts.
BLANK_PAGE = "bench-blank.html"
BLANK_HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>'
    "<body><main><h1>Blank</h1><p>Nothing else.</p></main></body></html>"
)
#: Nothing registered in the browser and no request guard: Chromium loading pages, no more.
NAVIGATION_ONLY = {"ENGINES": ("clearway",), "GUARD_REQUESTS": False, "BROWSER_CHECKS": False}

STEPS = (
    # ENGINES may not be empty: "clearway" without BROWSER_CHECKS runs nothing in the browser.
    Step("a blank page", NAVIGATION_ONLY, only_page=f"/static/{BLANK_PAGE}"),
    Step(
        "navigation",
        NAVIGATION_ONLY,
    ),
    Step("+ request guard", {"ENGINES": ("clearway",), "BROWSER_CHECKS": False}),
    Step("+ axe-core evaluated", {"ENGINES": ("axe",), "BROWSER_CHECKS": False}, False),
    Step("+ axe.run", {"ENGINES": ("axe",), "BROWSER_CHECKS": False}),
    Step("+ IBM Equal Access", {"ENGINES": ("axe", "ibm"), "BROWSER_CHECKS": False}),
    Step(
        "+ Clearway's browser rules",
        {"ENGINES": ("axe", "ibm", "clearway"), "BROWSER_CHECKS": True},
    ),
)


@dataclass
class Measured:
    step: Step
    pages: int
    seconds: float
    cpu: float
    by_kind: dict[str, float] = field(default_factory=dict)
    failed: int = 0

    def per_page(self, seconds: float) -> float:
        return seconds / self.pages if self.pages else float("nan")


class _RegisteredOnly:
    """An engine installed in each browser (its script evaluated in every new document) whose
    ``run`` does nothing: what evaluating the script costs, without running it."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.name = engine.name

    def version(self) -> str:
        return str(self.engine.version())

    def install(self, driver: Any, *, use_cdp: bool = True) -> bool:
        return bool(self.engine.install(driver, use_cdp=use_cdp))

    def run(self, driver: Any, page_key: str) -> list[Any]:
        return []


def measure(step: Step, urls: list[str], host: str, rounds: int) -> Measured:
    from audit.core.conf import audit_settings
    from audit.core.enums import PageStatus
    from audit.engine.preparation import Preparer
    from audit.engine.runner import BrowserSession
    from audit.results import AuditTarget
    from bench.audit_throughput import TreeSampler

    config = audit_settings().with_overrides(WORKERS=1, CONTENT_CHECKS=False, **step.overrides)
    allowed = (host,)
    prepared = [Preparer(config, allowed).prepare(AuditTarget(url=url)) for url in urls]
    with BrowserSession(config, allowed_hosts=allowed) as session:
        if not step.run_engines:
            session.engines = [_RegisteredOnly(engine) for engine in session.engines]
        session.start()
        for _ in range(max(0, rounds - 1)):  # warming rounds, not measured
            for page in prepared:
                session.analyse(page)
        failed = 0
        with TreeSampler(None) as sampler:
            started = time.perf_counter()
            for page in prepared:
                failed += session.analyse(page).status != PageStatus.OK
            seconds = time.perf_counter() - started
    figures = sampler.figures
    return Measured(step, len(urls), seconds, figures.cpu, dict(figures.cpu_by_kind), failed)


def report(runs: list[Measured]) -> list[tuple[Any, ...]]:
    rows = []
    previous: float | None = None
    for run in runs:
        cpu = run.per_page(run.cpu)
        kinds = [run.per_page(run.by_kind.get(kind, 0.0)) * 1000 for kind in KINDS]
        other = cpu * 1000 - sum(kinds)
        rows.append(
            (
                run.step.label,
                f"{run.pages - run.failed}/{run.pages}",
                round(cpu * 1000),
                "" if previous is None else f"{(cpu - previous) * 1000:+.0f}",
                *(round(value) for value in kinds),
                round(other),
                round(run.pages * 60 / run.seconds),
                round(CPU_SECONDS_A_MINUTE / cpu) if cpu else "",
            )
        )
        previous = cpu
    return rows


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60, help="pages spread over the site")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per step (the last counts)")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME, page_cache=True)
    common.build_demo_site()
    common.collect_static()
    (env.static_root / BLANK_PAGE).write_text(BLANK_HTML, encoding="utf-8")
    from django.db import connections

    from bench.audit_throughput import page_targets, spread, warm

    connections.close_all()
    server_env = env.subprocess_env(
        CLEARWAY_BENCH_PAGE_CACHE="on",
        CLEARWAY_PAGE_CACHE_SECONDS="3600",
        GUNICORN_CMD_ARGS="--threads 8",
    )
    runs: list[Measured] = []
    with gunicorn(CLEARWAY_WSGI_APP, server_env, common.ROOT, 4, env.tmp / "gunicorn.log") as port:
        targets, _ = page_targets(port)
        urls = [target.url for target in spread(targets, args.pages)]
        warm(port, [urlsplit(url).path for url in urls], rounds=8)
        host = f"127.0.0.1:{port}"
        for step in STEPS:
            pages = [f"http://{host}{step.only_page}"] * len(urls) if step.only_page else urls
            common.log(f"{step.label}: {len(pages)} pages")
            runs.append(measure(step, pages, host, args.rounds))

    rows = report(runs)
    print(common.heading(f"Where an audited page's time goes: {len(urls)} demo pages, 1 browser"))
    print(
        f"Load average at the start: {common.LOAD_AT_START:.2f} on 2 cores. CPU: the browser's "
        "process tree and this process, ms a page. Best on 2 cores: 120 CPU-s a minute / CPU a "
        "page."
    )
    print(
        common.table(
            (
                "step",
                "ok",
                "CPU ms/page",
                "added",
                "renderer",
                "browser",
                "gpu",
                "other",
                "pages/min, 1 browser",
                "best pages/min, 2 cores",
            ),
            rows,
        )
    )
    data = {
        "pages": len(urls),
        "steps": [
            {
                "step": run.step.label,
                "pages": run.pages,
                "failed": run.failed,
                "seconds": run.seconds,
                "cpu_seconds_per_page": run.per_page(run.cpu),
                "cpu_by_kind": run.by_kind,
            }
            for run in runs
        ],
    }
    path = common.write_results(NAME, data)
    common.log(f"results in {path}")
    return data


if __name__ == "__main__":
    main()
