"""What the request guard stops, and what it costs a page (issue 12).

Two local servers: the audited site, and "another host" (another port: another origin to the
browser). For each hostile case the site serves, one page is audited with the guard off and
once with it on, and the other host's request log is counted: with the guard on it must be 0.

Then the cost: pages of the audited site, each with a dozen subresources on the site itself
(every one of them paused, checked and continued by the guard), audited in rounds alternating
guard off and on, in one browser each; printed as seconds per page and the guard's share.

    .venv/bin/python bench/request_guard.py [--pages 40] [--rounds 3]
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

NAME = "request_guard"

PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bins {n}</title>'
    "{head}</head><body><main><h1>Bins</h1><p>We collect bins every week.</p>{body}</main>"
    "</body></html>"
)


def hostile_cases(other: Any) -> dict[str, tuple[str, str]]:
    """name: (head, body) of a page that tries to reach ``other``."""
    return {
        "meta refresh": (f'<meta http-equiv="refresh" content="0;url={other.url("/r")}">', ""),
        "location=": ("", f"<script>location.href = {other.url('/l')!r};</script>"),
        "window.open": ("", f"<script>window.open({other.url('/w')!r});</script>"),
        "form auto-submit": (
            "",
            f'<form id="f" action="{other.url("/f")}"></form>'
            "<script>document.getElementById('f').submit();</script>",
        ),
        "img": ("", f'<img src="{other.url("/i.png")}" alt="">'),
        "iframe": ("", f'<iframe title="x" src="{other.url("/frame")}"></iframe>'),
        "stylesheet": ("", f'<link rel="stylesheet" href="{other.url("/s.css")}">'),
        "fetch()": ("", f"<script>fetch({other.url('/x')!r}).catch(() => 0);</script>"),
        "name resolving to loopback": (
            "",
            f'<img src="http://localhost:{other.port}/n.png" alt="">',
        ),
        "redirect leaving on hop 3": ("", '<img src="/hop1" alt="">'),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    common.setup_django(NAME)
    from audit.core.conf import audit_settings
    from audit.engine.runner import BrowserSession
    from audit.results import AuditTarget
    from tests.audit.conftest import LocalSite

    site, other = LocalSite(), LocalSite()
    site.start()
    other.start()
    config = audit_settings().with_overrides(WORKERS=1, BROWSER_CHECKS=False)
    site.route("/hop1", status=302, headers={"Location": "/hop2"})
    site.route("/hop2", status=302, headers={"Location": "/hop3"})
    site.route("/hop3", status=302, headers={"Location": other.url("/hop4.png")})

    rows = []
    cases: dict[str, Any] = {}
    try:
        for guarded in (False, True):
            with BrowserSession(config.with_overrides(GUARD_REQUESTS=guarded)) as session:
                for number, (case, (head, body)) in enumerate(hostile_cases(other).items()):
                    path = f"/hostile-{int(guarded)}-{number}"
                    url = site.route(path, PAGE.format(n=number, head=head, body=body))
                    before = len(other.requests)
                    result = session.audit(AuditTarget(url))
                    time.sleep(0.3)  # a late request (a popup, a refresh) still counts
                    received = len(other.requests) - before
                    cases.setdefault(case, {})["on" if guarded else "off"] = {
                        "requests": received,
                        "status": str(result.status),
                    }
        for case, seen in cases.items():
            rows.append(
                (
                    case,
                    seen["off"]["requests"],
                    seen["off"]["status"],
                    seen["on"]["requests"],
                    seen["on"]["status"],
                )
            )
        print(common.heading("Requests received by another host, guard off and on"))
        print(
            common.table(
                ("case", "off: requests", "off: status", "on: requests", "on: status"), rows
            )
        )

        body = "".join(f'<img src="/img-{i}.png" alt="">' for i in range(10))
        body += '<link rel="stylesheet" href="/a.css"><script src="/a.js"></script>'
        for i in range(10):
            site.route(f"/img-{i}.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        site.route("/a.css", "main { margin: 1rem; }", content_type="text/css")
        site.route("/a.js", "void 0;", content_type="text/javascript")
        urls = [
            site.route(f"/page-{n}", PAGE.format(n=n, head="", body=body))
            for n in range(args.pages)
        ]
        seconds: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.rounds):
            for guarded in (False, True):
                with BrowserSession(config.with_overrides(GUARD_REQUESTS=guarded)) as session:
                    session.audit(AuditTarget(urls[0]))  # start the browser outside the timing
                    started = time.perf_counter()
                    for url in urls:
                        session.audit(AuditTarget(url))
                    seconds[guarded].append((time.perf_counter() - started) / len(urls))
    finally:
        site.stop()
        other.stop()

    off = statistics.median(seconds[False])
    on = statistics.median(seconds[True])
    print(common.heading(f"Seconds per page, {args.pages} pages x {args.rounds} rounds"))
    print(
        common.table(
            ("guard", "median s/page", "rounds"),
            [
                ("off", off, " ".join(f"{s:.3f}" for s in seconds[False])),
                ("on", on, " ".join(f"{s:.3f}" for s in seconds[True])),
            ],
        )
    )
    print(
        f"\nThe guard adds {1000 * (on - off):.1f} ms a page ({100 * (on / off - 1):+.0f}%), ",
        end="",
    )
    print("12 subresources a page, each paused and checked.")
    data = {"cases": cases, "seconds_per_page": {"off": off, "on": on}, "pages": args.pages}
    path = common.write_results(NAME, data)
    common.log(f"results in {path}")
    return data


if __name__ == "__main__":
    main()
