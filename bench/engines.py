"""Browser time a page costs with axe-core alone and with axe-core and IBM Equal Access.

The demo site is seeded into a throwaway database and served by gunicorn (page cache on and
warmed) on 127.0.0.1. Two audit sessions (:class:`audit.engine.runner.BrowserSession`), one
with ``ENGINES`` axe and Clearway, one with every engine, analyse the same N pages in turn (so
a busy moment of the machine falls on both); each page is fetched beforehand, outside the
timing. Printed: seconds per page of the browser's whole work on a page (load, engines,
Clearway's browser rules), and of each engine alone (its ``run`` on the loaded page).

Budget (issue 9): IBM's engine adds at most 40% to a page's browser time.

    .venv/bin/python bench/engines.py [--pages 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common
from bench.browser_checks import spread, summary
from bench.server import CLEARWAY_WSGI_APP, gunicorn, http_get

NAME = "engines"
BUDGET_RATIO = 1.40


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30, help="pages spread over the site")
    args = parser.parse_args(argv)

    env = common.setup_django(NAME, page_cache=True)
    common.build_demo_site()
    common.collect_static()
    from django.db import connections

    from audit.core.conf import audit_settings
    from audit.engine.preparation import Preparer
    from audit.engine.runner import BrowserSession
    from audit.results import AuditTarget

    paths = spread([urlsplit(page.get_url()).path for page in common.public_pages()], args.pages)
    connections.close_all()
    every = audit_settings().with_overrides(WORKERS=1, REUSE_UNCHANGED=False)
    axe_alone = every.with_overrides(ENGINES=("axe", "clearway"))
    server_env = env.subprocess_env(CLEARWAY_BENCH_PAGE_CACHE="on")
    log_path = env.tmp / "gunicorn.log"
    page_s: dict[str, list[float]] = {"axe": [], "axe+ibm": []}
    engine_s: dict[str, list[float]] = {"axe": [], "ibm": []}
    violations = {"axe": 0, "axe+ibm": 0}
    #: Needs-review findings IBM's engine adds (its own, not merged into axe's), by rule.
    ibm_review: Counter[str] = Counter()
    with gunicorn(CLEARWAY_WSGI_APP, server_env, common.ROOT, 2, log_path) as port:
        urls = [f"http://127.0.0.1:{port}{path}" for path in paths]
        for path in paths:  # warm the page cache
            http_get(port, path)
        hosts = [f"127.0.0.1:{port}"]
        with (
            BrowserSession(axe_alone, allowed_hosts=hosts) as before,
            BrowserSession(every, allowed_hosts=hosts) as after,
        ):
            for session in (before, after):
                session.audit(AuditTarget(urls[0]))  # start the browser; the first document
            for url in urls:
                for label, session in (("axe", before), ("axe+ibm", after)):
                    page = Preparer(session.config, hosts).prepare(AuditTarget(url))
                    started = time.perf_counter()
                    result = session.analyse(page)
                    page_s[label].append(time.perf_counter() - started)
                    violations[label] += len(result.violations)
                    if label == "axe+ibm":
                        ibm_review.update(f.rule for f in result.needs_review if f.engine == "ibm")
                driver = after.start()
                for engine in after.engines:  # each engine again on the page as it is now
                    started = time.perf_counter()
                    engine.run(driver, url)
                    engine_s[str(engine.name)].append(time.perf_counter() - started)

    rows = [
        ("page, axe-core + Clearway rules", *summary(page_s["axe"]).values()),
        ("page, axe-core + IBM + Clearway rules", *summary(page_s["axe+ibm"]).values()),
        ("  axe-core's run alone", *summary(engine_s["axe"]).values()),
        ("  IBM Equal Access's run alone", *summary(engine_s["ibm"]).values()),
    ]
    print(common.heading(f"Engines: seconds of browser time per page over {len(urls)} demo pages"))
    print(common.table(("what", "mean s", "median s", "p95 s", "max s"), rows))
    ratio = statistics.fmean(page_s["axe+ibm"]) / statistics.fmean(page_s["axe"])
    verdict = "within" if ratio <= BUDGET_RATIO else "OVER"
    print(
        f"\nIBM's engine makes a page's browser time {ratio:.2f}x: {verdict} the "
        f"{BUDGET_RATIO:.2f}x budget. Violations on the demo pages: axe {violations['axe']}, "
        f"axe+IBM {violations['axe+ibm']} (expected: 0)."
    )
    print(
        f"IBM's own needs-review findings: {sum(ibm_review.values())} on {len(urls)} pages "
        f"({', '.join(f'{rule} {count}' for rule, count in ibm_review.most_common())})."
    )
    data = {
        "ibm_needs_review": dict(ibm_review),
        "pages": len(urls),
        "page_s": {label: summary(values) for label, values in page_s.items()},
        "engine_s": {label: summary(values) for label, values in engine_s.items()},
        "ratio": ratio,
        "budget_ratio": BUDGET_RATIO,
        "violations": violations,
    }
    path = common.write_results(NAME, data)
    common.log(f"results in {path}")
    return data


if __name__ == "__main__":
    main()
