"""Browser time the Clearway browser rules add to each audited page of the demo site.

The demo site is seeded into a throwaway database and served by gunicorn (page cache on and
warmed) on 127.0.0.1. One headless Chromium, set up as an audit session sets it up (axe-core
registered for every new document, the browser rules' listener registry too), loads N pages
spread over the site; on each it runs axe-core, then :func:`run_browser_checks` with every
rule on. Printed: the mean, median and p95 milliseconds per page of axe-core and of the browser
rules (their sum, and each rule group), and, with ``--per-rule``, each rule run on its own (the
others disabled: a group's shared script runs for its one rule). Wall-clock time in this
process, which waits for the browser: that is the time a worker's browser is busy with the page.

Budget: the audit must reach 400 pages a minute on 2 cores with every browser rule on (axe
alone: 600), so the rules together should cost about 100 ms a page or less.

    .venv/bin/python bench/browser_checks.py [--pages 30] [--per-rule]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common
from bench.server import CLEARWAY_WSGI_APP, gunicorn, http_get

NAME = "browser_checks"
BUDGET_MS = 100.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else float("nan")


def summary(values: list[float]) -> dict[str, float]:
    return {
        "mean": statistics.fmean(values) if values else float("nan"),
        "median": common.median(values),
        "p95": p95(values),
        "max": max(values) if values else float("nan"),
    }


def spread(items: list[Any], count: int) -> list[Any]:
    if count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30, help="pages spread over the site")
    parser.add_argument("--per-rule", action="store_true", help="also time each rule alone")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME, page_cache=True)
    common.build_demo_site()
    common.collect_static()
    from django.db import connections

    from audit.checks.browser.suite import GROUPS, prepare_browser, run_browser_checks
    from audit.checks.catalogue import all_rules
    from audit.core.conf import audit_settings
    from audit.core.enums import RuleKind
    from audit.engine.browsers import LocalChromium
    from audit.engine.drivers.axe import ClearwayAxe
    from audit.engine.runner import axe_options

    paths = spread([urlsplit(page.get_url()).path for page in common.public_pages()], args.pages)
    connections.close_all()
    config = audit_settings()
    browser_rules = [rule.id for rule in all_rules().values() if rule.kind == RuleKind.BROWSER]
    server_env = env.subprocess_env(CLEARWAY_BENCH_PAGE_CACHE="on")
    log_path = env.tmp / "gunicorn.log"
    with gunicorn(CLEARWAY_WSGI_APP, server_env, common.ROOT, 2, log_path) as port:
        urls = [f"http://127.0.0.1:{port}{path}" for path in paths]
        for path in paths:  # warm the page cache
            http_get(port, path)
        driver = LocalChromium(config).create_driver()
        try:
            driver.set_page_load_timeout(30)
            driver.set_script_timeout(30)
            axe = ClearwayAxe(config.AXE_SCRIPT, axe_options(config))
            axe.install(driver, use_cdp=True)
            prepare_browser(driver)
            driver.get(urls[0])  # the first document gets the registered scripts too
            axe_ms: list[float] = []
            rules_ms: list[float] = []
            groups_ms: dict[str, list[float]] = {name: [] for name, _, _ in GROUPS}
            issues_found = 0
            for url in urls:
                driver.get(url)
                started = time.perf_counter()
                axe.run()
                axe_ms.append((time.perf_counter() - started) * 1000)
                timings: dict[str, float] = {}
                started = time.perf_counter()
                issues_found += len(run_browser_checks(driver, config, timings=timings))
                rules_ms.append((time.perf_counter() - started) * 1000)
                for name, seconds in timings.items():
                    groups_ms[name].append(seconds * 1000)
            per_rule: dict[str, list[float]] = {}
            if args.per_rule:
                for rule_id in browser_rules:
                    alone = config.with_overrides(
                        DISABLED_RULES=tuple(r for r in browser_rules if r != rule_id)
                    )
                    per_rule[rule_id] = []
                    for url in urls:
                        driver.get(url)
                        started = time.perf_counter()
                        run_browser_checks(driver, alone)
                        per_rule[rule_id].append((time.perf_counter() - started) * 1000)
        finally:
            driver.quit()

    rows = [("axe-core (for comparison)", *summary(axe_ms).values())]
    rows.append(("browser rules, all", *summary(rules_ms).values()))
    rows += [(f"  group {name}", *summary(values).values()) for name, values in groups_ms.items()]
    rows += [(f"  {rule} alone", *summary(values).values()) for rule, values in per_rule.items()]
    print(common.heading(f"Browser rules: ms per page over {len(urls)} demo pages"))
    print(common.table(("what", "mean ms", "median ms", "p95 ms", "max ms"), rows))
    mean = statistics.fmean(rules_ms)
    verdict = "within" if mean <= BUDGET_MS else "OVER"
    print(f"\nMean {mean:.1f} ms a page: {verdict} the ~{BUDGET_MS:.0f} ms budget. ", end="")
    print(f"Issues found on the demo pages: {issues_found} (expected: 0).")
    ratio = mean / statistics.fmean(axe_ms)
    print(f"The rules cost {ratio:.2f}x axe-core's time (a ratio that a busy machine skews less).")
    data = {
        "pages": len(urls),
        "axe_ms": summary(axe_ms),
        "browser_rules_ms": summary(rules_ms),
        "groups_ms": {name: summary(values) for name, values in groups_ms.items()},
        "per_rule_ms": {rule: summary(values) for rule, values in per_rule.items()},
        "issues_found": issues_found,
        "rules_to_axe_ratio": ratio,
        "budget_ms": BUDGET_MS,
    }
    path = common.write_results(NAME, data)
    common.log(f"results in {path}")
    return data


if __name__ == "__main__":
    main()
