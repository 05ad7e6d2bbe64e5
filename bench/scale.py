"""Scale: one stored run shared by 1, 2 and 4 worker processes (audit.runs.batches), on a
generated site of static council-like pages served locally; then a run where one worker is
SIGKILLed part way and the others finish it.

The site (``--pages``, 5,000 for the figure in docs/scale.md; fewer to run quickly) is written
into the benchmark's temporary folder and served by ``python -m http.server`` (threaded) on
127.0.0.1. The database is the benchmark's own SQLite file (WAL, immediate transactions, as
``base.py`` sets it up): several processes share it, which is the SQLite path of the batches.

For each worker count the run is planned and split in this process (``start_batches``, batches
of ``--batch-size``), then that many worker processes (``bench/scale.py --worker RUN``) each
call ``work_batches`` with one browser (``WORKERS`` = 1), until the run is finished. Reported:
pages a minute (wall clock from starting the workers to the last one exiting, so Django's
start-up, about 3 s a process, is included), and for each worker its pages, its CPU seconds a
page (the worker and its chromedriver and Chromium, read from ``/proc`` every 0.2 s by
``bench.audit_throughput.TreeSampler``) and its peak memory summed over its process tree: RSS
(shared pages counted once per process, so an overstatement) and PSS (shared pages split).

The kill run: ``--kill-workers`` workers with a short lease (``--lease``); once pages are
stored, the worker holding a batch with pages left is killed (SIGKILL to its process group,
its browser with it). The others finish; reported: pages recorded, rows recorded twice (0: the
database forbids it), pages whose audit was started again (the server's log shows a page
requested more than twice: those the killed worker had fetched, up to 4 ahead of its browser,
or had in its browser) and how long it took.

Run: .venv/bin/python bench/scale.py [--pages 5000] [--workers 1 2 4] [--batch-size 50]
     [--engines axe ibm clearway] [--kill-workers 3] [--lease 30] [--no-kill]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

#: Every fifth page has an image without alt text, every seventh a low-contrast note: findings.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Anytown Borough Council</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;margin:0}} header,footer{{background:#0b0c0c;color:#fff;
padding:1rem}} header a,footer a{{color:#fff}} main{{max-width:40rem;margin:auto;padding:1rem}}
.note{{color:#999;background:#aaa}}</style></head>
<body><a href="#main">Skip to main content</a>
<header><a href="/index.html">Anytown Borough Council</a>
<nav aria-label="Main"><ul><li><a href="/bins/page-00001.html">Bins and recycling</a></li>
<li><a href="/council-tax/page-00002.html">Council tax</a></li>
<li><a href="/planning/page-00003.html">Planning</a></li></ul></nav></header>
<main id="main"><h1>{title}</h1>
<p>{lead}</p>
<h2>What you need to do</h2>
<ol><li>Check the collection day for your street.</li><li>Put your bin out by 7am.</li>
<li>Bring it back in the same day.</li></ol>
{image}
<h2>Contact us</h2>
<form action="/search" method="get"><label for="q">Search the site</label>
<input id="q" name="q" type="search"><button>Search</button></form>
{note}
<p>Related: {links}</p>
</main>
<footer><p>&copy; Anytown Borough Council</p><a href="/accessibility.html">Accessibility</a>
</footer></body></html>
"""
TOPICS = ("bins", "council-tax", "planning", "parking", "libraries", "housing", "schools")


def generate_site(directory: Path, pages: int) -> list[str]:
    """Write ``pages`` pages under ``directory``; their paths, in order."""
    paths = []
    for n in range(1, pages + 1):
        topic = TOPICS[n % len(TOPICS)]
        path = f"/{topic}/page-{n:05d}.html"
        title = f"{topic.replace('-', ' ').capitalize()}: service {n}"
        image = (
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">'
            if n % 5 == 0
            else '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" width="40">'
        )
        note = '<p class="note">Prices change in April.</p>' if n % 7 == 0 else ""
        related = [((n + step) % pages) + 1 for step in (1, 2, 3)]
        links = ", ".join(
            f'<a href="/{TOPICS[r % len(TOPICS)]}/page-{r:05d}.html">service {r}</a>'
            for r in related
        )
        lead = f"Find out about {topic.replace('-', ' ')} in Anytown: who can apply, how much "
        lead += "it costs and how long it takes. " * (1 + n % 3)
        file = directory / path.lstrip("/")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(PAGE.format(title=title, lead=lead, image=image, note=note, links=links))
        paths.append(path)
    return paths


def serve(directory: Path, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = common.free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return server, port


def requests_by_path(log: Path) -> Counter[str]:
    """GET requests per path in http.server's log."""
    found = re.findall(r'"GET (\S+) HTTP/1\.[01]"', log.read_text())
    return Counter(found)


# -- The worker: one process, one browser, calling work_batches --------------------------------


def worker_main(run_id: int, audit: dict[str, Any], output: Path) -> None:
    os.environ["CLEARWAY_AUDIT_WORKERS"] = "1"
    common.add_import_paths()
    import django

    django.setup()
    from django.conf import settings

    settings.CLEARWAY_AUDIT = {**settings.CLEARWAY_AUDIT, **audit, "WORKERS": 1}

    from audit.core.enums import BatchStatus
    from audit.runs.batches import work_batches
    from audit.runs.service import current_owner
    from audit.storage.models import RunBatch
    from bench.audit_throughput import TreeSampler

    started = time.monotonic()
    with TreeSampler(None) as sampler:
        work_batches(run_id)
    figures = sampler.figures
    done = RunBatch.objects.filter(
        run_id=run_id, claimed_by=current_owner(), status=BatchStatus.DONE
    )
    output.write_text(
        json.dumps(
            {
                "pid": os.getpid(),
                "seconds": time.monotonic() - started,
                "pages": sum(len(batch.targets) for batch in done),
                "batches": done.count(),
                "cpu": figures.cpu,
                "peak_rss": figures.peak_rss,
                "peak_pss": figures.peak_pss,
            }
        )
    )


# -- The benchmark ------------------------------------------------------------------------------


def new_run(urls: list[str], audit: dict[str, Any]) -> int:
    from django.conf import settings

    from audit.core.enums import RunTrigger
    from audit.results import AuditTarget
    from audit.runs.batches import start_batches
    from audit.runs.planning import Plan
    from audit.runs.service import create_run

    settings.CLEARWAY_AUDIT = {**settings.CLEARWAY_AUDIT, **audit}
    run = create_run(RunTrigger.CLI, plan=Plan(targets=[AuditTarget(url) for url in urls]))
    start_batches(run.pk)
    return run.pk


def start_workers(
    env: common.BenchEnv, run_id: int, count: int, audit: dict[str, Any]
) -> list[tuple[subprocess.Popen[bytes], Path]]:
    workers = []
    for n in range(count):
        output = env.tmp / f"run-{run_id}-worker-{n}.json"
        process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--worker",
                str(run_id),
                "--audit",
                json.dumps(audit),
                "--output",
                str(output),
            ],
            env=env.subprocess_env(),
            start_new_session=True,
        )
        workers.append((process, output))
    return workers


def shared_run(
    env: common.BenchEnv, urls: list[str], workers: int, audit: dict[str, Any]
) -> dict[str, Any]:
    from audit.storage.models import AuditRun

    run_id = new_run(urls, audit)
    started = time.monotonic()
    processes = start_workers(env, run_id, workers, audit)
    for process, _ in processes:
        process.wait()
    seconds = time.monotonic() - started
    run = AuditRun.objects.get(pk=run_id)
    each = [json.loads(output.read_text()) for _, output in processes if output.exists()]
    return {
        "workers": workers,
        "status": run.status,
        "pages": run.pages_done,
        "seconds": seconds,
        "pages_per_minute": run.pages_done / seconds * 60,
        "each": each,
    }


def kill_run(
    env: common.BenchEnv, urls: list[str], workers: int, audit: dict[str, Any], server_log: Path
) -> dict[str, Any]:
    from audit.core.enums import BatchStatus
    from audit.storage.models import AuditRun, PageResult, RunBatch

    before = requests_by_path(server_log)
    run_id = new_run(urls, audit)
    started = time.monotonic()
    processes = start_workers(env, run_id, workers, audit)
    by_pid = {process.pid: process for process, _ in processes}
    victim = None
    while victim is None:
        if all(process.poll() is not None for process in by_pid.values()):
            raise RuntimeError("The workers finished before one could be killed: use more pages.")
        stored = set(PageResult.objects.filter(run_id=run_id).values_list("url", flat=True))
        if len(stored) >= workers:
            for batch in RunBatch.objects.filter(run_id=run_id, status=BatchStatus.CLAIMED):
                pid = int(batch.claimed_by.rpartition(":")[2])
                if pid in by_pid and any(url not in stored for url, _ in batch.targets):
                    victim = by_pid[pid]
                    break
        time.sleep(0.1)
    os.killpg(victim.pid, signal.SIGKILL)
    killed_after = time.monotonic() - started
    victim.wait()
    for process, _ in processes:
        process.wait()
    seconds = time.monotonic() - started
    run = AuditRun.objects.get(pk=run_id)
    rows = Counter(PageResult.objects.filter(run_id=run_id).values_list("url", flat=True))
    requested = requests_by_path(server_log) - before
    again = sum(1 for url in urls if requested[urlsplit(url).path] > 2)
    return {
        "workers": workers,
        "status": run.status,
        "pages": len(urls),
        "recorded": len(rows),
        "recorded_twice": sum(1 for count in rows.values() if count > 1),
        "audited_again": again,
        "killed_after": killed_after,
        "seconds": seconds,
        "retaken_batches": RunBatch.objects.filter(run_id=run_id, attempts__gt=1).count(),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--engines", nargs="+", default=["axe", "ibm", "clearway"])
    parser.add_argument("--kill-workers", type=int, default=3)
    parser.add_argument("--lease", type=float, default=30.0)
    parser.add_argument("--no-kill", action="store_true")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--audit", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        worker_main(args.worker, json.loads(args.audit), Path(args.output))
        return {}

    env = common.setup_django("scale")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    site = env.tmp / "site"
    common.log(f"Generating {args.pages} pages in {site}")
    paths = generate_site(site, args.pages)
    server_log = env.tmp / "server.log"
    server, port = serve(site, server_log)
    urls = [f"http://127.0.0.1:{port}{path}" for path in paths]
    audit = {
        "ENGINES": args.engines,
        "BATCH_SIZE": args.batch_size,
        "BATCH_LEASE": args.lease,
        "REUSE_UNCHANGED": False,  # Every run audits every page: no reuse between the runs.
    }
    results: dict[str, Any] = {"pages": args.pages, "batch_size": args.batch_size}
    try:
        results["runs"] = []
        for workers in args.workers:
            common.log(f"{workers} worker(s)")
            results["runs"].append(shared_run(env, urls, workers, audit))
        if not args.no_kill:
            common.log(f"{args.kill_workers} workers, one killed")
            results["kill"] = kill_run(env, urls, args.kill_workers, audit, server_log)
    finally:
        server.terminate()
        server.wait(10)
    report(results)
    common.write_results("scale", results)
    return results


def report(results: dict[str, Any]) -> None:
    print(common.heading(f"One run shared by worker processes: {results['pages']} pages"))
    rows = []
    for run in results["runs"]:
        for n, each in enumerate(run["each"], start=1):
            rows.append(
                [
                    run["workers"] if n == 1 else "",
                    f"{run['pages_per_minute']:.0f}" if n == 1 else "",
                    f"{run['seconds']:.0f}" if n == 1 else "",
                    n,
                    each["pages"],
                    f"{each['cpu'] / max(each['pages'], 1):.2f}",
                    f"{each['peak_rss'] / 2**20:.0f}",
                    f"{each['peak_pss'] / 2**20:.0f}",
                ]
            )
    print(
        common.table(
            [
                "workers",
                "pages/min",
                "wall s",
                "worker",
                "pages",
                "CPU s/page",
                "peak RSS MiB",
                "peak PSS MiB",
            ],
            rows,
        )
    )
    kill = results.get("kill")
    if kill:
        print(common.heading(f"{kill['workers']} workers, one SIGKILLed mid-run"))
        print(
            common.table(
                [
                    "status",
                    "pages",
                    "recorded",
                    "recorded twice",
                    "audited again",
                    "batches retaken",
                    "killed at s",
                    "wall s",
                ],
                [
                    [
                        kill["status"],
                        kill["pages"],
                        kill["recorded"],
                        kill["recorded_twice"],
                        kill["audited_again"],
                        kill["retaken_batches"],
                        f"{kill['killed_after']:.0f}",
                        f"{kill['seconds']:.0f}",
                    ]
                ],
            )
        )


if __name__ == "__main__":
    main()
