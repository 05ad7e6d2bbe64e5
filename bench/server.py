"""Server CPU per uncached service page, and cached throughput on 2 cores, against a plain
``wagtail start`` site measured the same way in the same run.

(a) CPU: each site's WSGI application is called directly in a subprocess of its own
    (``bench/wsgi_timing.py``) with the page cache off; ``time.process_time()`` around each
    request, median of ``--renders`` requests after a warm-up. Clearway cycles through every
    service page of the demo site; the baseline requests its home page. Then the same for
    ``--hits`` cached hits with the page cache on (the throughput target page).
(b) Throughput: each site is served by gunicorn (``--workers`` sync workers) on 127.0.0.1
    with the page cache on, warmed, checked (a cached hit must run no SQL query), then loaded
    for ``--seconds`` by wrk (or the asyncio fallback in ``bench/loadgen.py``). Clearway is
    loaded with ``Accept-Encoding: gzip`` (what browsers send: GZipMiddleware sits outside the
    page cache, so each hit is compressed again) and without it.

Run: .venv/bin/python bench/server.py [--renders 200] [--seconds 10] [--workers 4]
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common, loadgen

NAME = "server"
CLEARWAY_WSGI_APP = "clearway.wsgi:application"
GZIP = {"Accept-Encoding": "gzip"}
IDENTITY = {"Accept-Encoding": "identity"}


def cpu_per_request(
    app: str, paths: list[str], renders: int, env: dict[str, str], cwd: Path
) -> dict[str, Any]:
    """Run bench/wsgi_timing.py in a fresh process and return its figures."""
    command = [sys.executable, "-m", "bench.wsgi_timing", "--app", app, "--count", str(renders)]
    for path in paths:
        command += ["--path", path]
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{app}: CPU measurement failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)


def http_get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, {name.lower(): value for name, value in response.getheaders()}
    finally:
        connection.close()


@contextmanager
def gunicorn(
    app: str, env: dict[str, str], cwd: Path, workers: int, log_path: Path
) -> Iterator[int]:
    """Serve ``app`` (wrapped by bench/wsgi_probe.py) on 127.0.0.1; yield the port.

    The server runs in a process group of its own, which is ended on the way out whatever
    happens.
    """
    port = common.free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "bench.wsgi_probe:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
        "--chdir",
        str(cwd),
    ]
    with log_path.open("ab") as log_file:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**env, "CLEARWAY_BENCH_WSGI_TARGET": app},
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {log_path}:\n{log_path.read_text()}")
            try:
                http_get(port, "/robots.txt")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer in 60 s; see {log_path}") from None
                time.sleep(0.2)
        yield port
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Quick shutdown (SIGINT: gunicorn's SIGTERM waits up to 30 s for idle workers)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def throughput(
    label: str,
    port: int,
    path: str,
    seconds: float,
    connections: int,
    workers: int,
    headers: dict[str, str],
) -> dict[str, Any]:
    """Warm every worker's page cache, check hits run no query, then load for ``seconds``."""
    url = f"http://127.0.0.1:{port}{path}"
    status, _ = http_get(port, path, headers)
    if status != 200:
        raise RuntimeError(f"{label}: {url} answered {status}")
    loadgen.run(url, min(2.0, seconds), connections, headers)  # warm every worker
    probes = [
        http_get(port, path, {**headers, "X-Bench-Count-Queries": "1"})
        for _ in range(max(8, 4 * workers))
    ]
    hit_queries = [int(found.get("x-bench-queries", "-1")) for _, found in probes]
    result = loadgen.run(url, seconds, connections, headers)
    common.log(
        f"{label}: {result.requests_per_second:,.0f} req/s over {result.seconds:.1f} s "
        f"({result.tool}, {connections} connections, {result.errors} errors)"
    )
    return {
        "label": label,
        "path": path,
        "headers": headers,
        "hit_queries": hit_queries,
        "hits_without_queries": all(count == 0 for count in hit_queries),
        **asdict(result),
    }


def measure_throughput(
    args: argparse.Namespace, env: common.BenchEnv, baseline: Any, target: str
) -> list[dict[str, Any]]:
    """Serve both sites at once and alternate their load runs, so a change in background
    load on the machine hits both alike."""
    from bench import baseline as baseline_site

    log_path = env.tmp / "gunicorn.log"
    common.log(f"serving with gunicorn, {args.workers} sync workers; load runs of {args.seconds} s")
    with ExitStack() as stack:
        clearway_port = stack.enter_context(
            gunicorn(
                CLEARWAY_WSGI_APP,
                env.subprocess_env(CLEARWAY_BENCH_PAGE_CACHE="on"),
                common.ROOT,
                args.workers,
                log_path,
            )
        )
        baseline_port = stack.enter_context(
            gunicorn(
                baseline_site.WSGI_APP,
                baseline.env(page_cache=True),
                baseline.directory,
                args.workers,
                log_path,
            )
        )
        plan = [
            ("Clearway, gzip", clearway_port, target, GZIP),
            ("wagtail start", baseline_port, "/", GZIP),
            # Explicit: http.client (the probes) sends "identity" by itself and wrk sends
            # nothing, which the page cache, varying on Accept-Encoding, keeps apart.
            ("Clearway, no gzip", clearway_port, target, IDENTITY),
        ]
        return [
            throughput(label, port, path, args.seconds, args.connections, args.workers, headers)
            for label, port, path, headers in plan
        ]


def service_page_paths() -> tuple[list[str], str]:
    """Every service page's path, and the one with the most HTML (the throughput target)."""
    from django.test import Client

    from pages.models import ServicePage

    paths = [page.get_url() for page in ServicePage.objects.live().public().order_by("path")]
    client = Client()
    sizes = {path: len(client.get(path).content) for path in paths}
    return paths, max(paths, key=lambda path: sizes[path])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=200, help="uncached requests timed per site")
    parser.add_argument("--hits", type=int, default=2000, help="cached hits timed per site")
    parser.add_argument("--seconds", type=float, default=10, help="length of each load run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 60:
        parser.error("--seconds must be between 1 and 60")

    from bench import baseline as baseline_site

    env = common.setup_django(NAME)
    source = common.build_demo_site()
    common.collect_static()
    paths, target = service_page_paths()
    from django.db import connections

    connections.close_all()
    baseline = baseline_site.create(env.tmp)

    common.log(f"timing {args.renders} uncached renders per site")
    clearway_cached_env = env.subprocess_env(CLEARWAY_BENCH_PAGE_CACHE="on")
    cpu_clearway = cpu_per_request(
        CLEARWAY_WSGI_APP, paths, args.renders, env.subprocess_env(), common.ROOT
    )
    cpu_baseline = cpu_per_request(
        baseline_site.WSGI_APP,
        ["/"],
        args.renders,
        baseline.env(page_cache=False),
        baseline.directory,
    )
    # The CPU of a cached hit does not depend on what else the machine is doing, unlike
    # requests per second: it bounds the throughput the application allows.
    hit_clearway = cpu_per_request(
        CLEARWAY_WSGI_APP, [target], args.hits, clearway_cached_env, common.ROOT
    )
    hit_baseline = cpu_per_request(
        baseline_site.WSGI_APP,
        ["/"],
        args.hits,
        baseline.env(page_cache=True),
        baseline.directory,
    )
    cpu = {
        "clearway": cpu_clearway,
        "baseline": cpu_baseline,
        "clearway_cached_hit": hit_clearway,
        "baseline_cached_hit": hit_baseline,
    }

    runs: list[dict[str, Any]] = []
    if importlib.util.find_spec("gunicorn") is None:
        common.log("gunicorn is not installed: skipping throughput (pip install gunicorn)")
    else:
        runs = measure_throughput(args, env, baseline, target)
    return report(source, args, cpu, runs)


def report(
    source: str, args: argparse.Namespace, cpu: dict[str, Any], runs: list[dict[str, Any]]
) -> dict[str, Any]:
    cpu_clearway, cpu_baseline = cpu["clearway"], cpu["baseline"]
    cpu_ratio = cpu_clearway["cpu_ms_median"] / cpu_baseline["cpu_ms_median"]
    hit_ratio = (
        cpu["clearway_cached_hit"]["cpu_ms_median"] / cpu["baseline_cached_hit"]["cpu_ms_median"]
    )
    print(common.heading("Server CPU per request, in the application (WSGI call)"))
    print(
        f"Demo site: {source}. Median after a warm-up: {args.renders} uncached requests (page "
        f"cache off; Clearway cycles through its {len(cpu_clearway['paths'])} service pages) "
        f"and {args.hits} cached hits (page cache on) per site.\n"
    )
    rows = [
        ("Clearway", "service pages", "off", cpu_clearway),
        ("wagtail start", "home page", "off", cpu_baseline),
        ("Clearway", cpu["clearway_cached_hit"]["paths"][0], "hit", cpu["clearway_cached_hit"]),
        ("wagtail start", "home page", "hit", cpu["baseline_cached_hit"]),
    ]
    print(
        common.table(
            ["site", "page", "cache", "CPU median ms", "p90 ms", "min ms", "wall ms", "bytes"],
            [
                [
                    name,
                    page,
                    cache,
                    figures["cpu_ms_median"],
                    figures["cpu_ms_p90"],
                    figures["cpu_ms_min"],
                    figures["wall_ms_median"],
                    int(figures["body_bytes_median"]),
                ]
                for name, page, cache, figures in rows
            ],
        )
    )
    verdict = "ok" if cpu_clearway["cpu_ms_median"] <= common.CPU_BUDGET_MS else "OVER"
    cpus = os.cpu_count() or 1
    ceiling = cpus * 1000 / cpu["clearway_cached_hit"]["cpu_ms_median"]
    print(
        f"\nUncached, Clearway / wagtail start: {cpu_ratio:.2f}x. "
        f"Budget {common.CPU_BUDGET_MS:g} ms median per service page: {verdict}.\n"
        f"Cached hit, Clearway / wagtail start: {hit_ratio:.2f}x; the application alone would "
        f"allow about {ceiling:,.0f} hits/s on {cpus} CPUs (before the server and the network)."
    )
    cpu = {
        **cpu,
        "ratio": cpu_ratio,
        "cached_hit_ratio": hit_ratio,
        "cached_hit_ceiling_rps": ceiling,
        "budget_ms": common.CPU_BUDGET_MS,
    }

    throughput_data: dict[str, Any] | None = None
    print(common.heading("Cached throughput on this machine (page cache on)"))
    if not runs:
        print("Not measured: gunicorn is not installed in this environment.")
    else:
        throughput_data = report_throughput(args, runs)
    data = {
        "demo_site": source,
        "renders": args.renders,
        "workers": args.workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "hits": args.hits,
        "cpu": cpu,
        "throughput": throughput_data,
    }
    path = common.write_results(NAME, data)
    print(f"\nResults: {path.relative_to(common.ROOT)}")
    return data


def report_throughput(args: argparse.Namespace, runs: list[dict[str, Any]]) -> dict[str, Any]:
    tool = runs[0]["tool"]
    print(
        f"gunicorn, {args.workers} sync workers, on 127.0.0.1; load by {tool} with "
        f"{args.connections} connections for {args.seconds:g} s per run; "
        f"{os.cpu_count()} CPUs shared by server and load.\n"
    )
    print(
        common.table(
            ["run", "path", "req/s", "requests", "errors", "p50 ms", "p99 ms", "hit queries"],
            [
                [
                    run["label"],
                    run["path"],
                    run["requests_per_second"],
                    run["requests"],
                    run["errors"],
                    run["latency_ms_p50"],
                    run["latency_ms_p99"],
                    "0 (ok)"
                    if run["hits_without_queries"]
                    else f"{sorted(set(run['hit_queries']))} FAIL",
                ]
                for run in runs
            ],
        )
    )
    by_label = {run["label"]: run for run in runs}
    clearway_rps = by_label["Clearway, gzip"]["requests_per_second"]
    baseline_rps = by_label["wagtail start"]["requests_per_second"]
    rps_ratio = clearway_rps / baseline_rps if baseline_rps else float("nan")
    rps_verdict = "ok" if clearway_rps >= common.CACHED_RPS_BUDGET else "UNDER"
    print(
        f"\nClearway (gzip) / wagtail start: {rps_ratio:.2f}x. "
        f"Budget {common.CACHED_RPS_BUDGET:,.0f} req/s: {rps_verdict}."
    )
    return {
        "runs": runs,
        "clearway_rps": clearway_rps,
        "baseline_rps": baseline_rps,
        "ratio": rps_ratio,
        "budget_rps": common.CACHED_RPS_BUDGET,
        "load_tool": tool,
    }


if __name__ == "__main__":
    main()
