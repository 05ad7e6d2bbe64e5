"""Run every benchmark, each in its own process with its own throwaway database, then print
the figures against the budgets in docs/budgets.md.

Run: .venv/bin/python bench/run_all.py [page_weight] [queries] [server] [audit_throughput]
(or `make bench`)

Exits non-zero only if a benchmark fails to run; a missed budget is reported, not fatal.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common

BENCHMARKS = ["page_weight", "queries", "server", "audit_throughput", "engines"]


def run(name: str) -> tuple[int, float]:
    started = time.perf_counter()
    print(f"\n##### bench/{name}.py", flush=True)
    result = subprocess.run(
        [sys.executable, str(common.ROOT / "bench" / f"{name}.py")], cwd=common.ROOT, check=False
    )
    return result.returncode, time.perf_counter() - started


def load(name: str, since: float) -> dict[str, Any] | None:
    path = common.RESULTS_DIR / f"{name}.json"
    if not path.exists() or path.stat().st_mtime < since:
        return None
    return json.loads(path.read_text())


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def summary_rows(results: dict[str, dict[str, Any] | None]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    weight = results.get("page_weight")
    if weight:
        s = weight["summary"]
        budget = s["budget_bytes"]
        rows += [
            [
                "page weight, max per page",
                f"{s['max_bytes']:,} B",
                f"<= {budget:,} B",
                verdict(s["max_bytes"] <= budget),
            ],
            [
                "page weight, median per page",
                f"{s['median_bytes']:,} B",
                f"<= {budget:,} B",
                verdict(s["median_bytes"] <= budget),
            ],
            [
                "third-party requests",
                s["third_party_requests"],
                "0",
                verdict(s["third_party_requests"] == 0),
            ],
            ["web fonts", s["web_fonts"], "0", verdict(s["web_fonts"] == 0)],
        ]
    queries = results.get("queries")
    if queries:
        budget = queries["budget"]
        for kind, figures in queries["by_type"].items():
            now, doubled = figures["queries_now"], figures["queries_doubled"]
            ok = max(now, doubled or 0) <= budget and not (doubled and doubled > now)
            rows.append(
                [f"queries, {kind}", f"{now} -> {doubled}", f"<= {budget}, flat", verdict(ok)]
            )
    server = results.get("server")
    if server:
        cpu = server["cpu"]
        rows.append(
            [
                "CPU per uncached service page (median)",
                f"{cpu['clearway']['cpu_ms_median']:.2f} ms "
                f"({cpu['ratio']:.2f}x wagtail start's {cpu['baseline']['cpu_ms_median']:.2f})",
                f"<= {cpu['budget_ms']:g} ms",
                verdict(cpu["clearway"]["cpu_ms_median"] <= cpu["budget_ms"]),
            ]
        )
        hit = cpu["clearway_cached_hit"]["cpu_ms_median"]
        rows.append(
            [
                "CPU per cached hit (median)",
                f"{hit:.3f} ms ({cpu['cached_hit_ratio']:.2f}x wagtail start's "
                f"{cpu['baseline_cached_hit']['cpu_ms_median']:.3f}); "
                f"ceiling {cpu['cached_hit_ceiling_rps']:,.0f}/s",
                "(1,000 req/s)",
                verdict(cpu["cached_hit_ceiling_rps"] >= 1000),
            ]
        )
        tp = server["throughput"]
        if tp is None:
            rows.append(["cached service page req/s (gzip)", "not measured", "", "no gunicorn"])
        else:
            rows.append(
                [
                    "cached service page req/s (gzip)",
                    f"{tp['clearway_rps']:,.0f} ({tp['ratio']:.2f}x wagtail start's "
                    f"{tp['baseline_rps']:,.0f})",
                    f">= {tp['budget_rps']:,.0f}",
                    verdict(tp["clearway_rps"] >= tp["budget_rps"]),
                ]
            )
            hits_ok = all(run["hits_without_queries"] for run in tp["runs"])
            rows.append(
                ["SQL queries on a cached hit", "0" if hits_ok else "> 0", "0", verdict(hits_ok)]
            )
    audit = results.get("audit_throughput")
    if audit:
        clearway = [run for run in audit["runs"] if run["label"].startswith("Clearway")]
        if clearway:
            best = max(clearway, key=lambda run: run["pages_per_minute"])
            target = audit["targets"]["pages_per_minute"]
            rows.append(
                [
                    "audit pages/min (best WORKERS)",
                    f"{best['pages_per_minute']:,.0f} ({best['label']})",
                    f">= {target:,.0f}",
                    verdict(best["pages_per_minute"] >= target),
                ]
            )
        two = next((run for run in clearway if run.get("workers") == 2), None)
        if two:
            budget = audit["targets"]["memory_bytes_two_browsers"]
            rows.append(
                [
                    "audit peak RSS, 2 browsers",
                    f"{two['peak_rss_bytes'] / 1024**3:.2f} GiB",
                    f"<= {budget / 1024**3:.1f} GiB",
                    verdict(two["peak_rss_bytes"] <= budget),
                ]
            )
    engines = results.get("engines")
    if engines:
        page_s = engines["page_s"]
        rows.append(
            [
                "browser time per page, axe + IBM vs axe",
                f"{page_s['axe+ibm']['mean']:.2f} s vs {page_s['axe']['mean']:.2f} s "
                f"({engines['ratio']:.2f}x)",
                f"<= {engines['budget_ratio']:.2f}x",
                verdict(engines["ratio"] <= engines["budget_ratio"]),
            ]
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"any of {BENCHMARKS}; default: all"
    )
    args = parser.parse_args()
    names = args.names or BENCHMARKS
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    started_at = time.time()
    load_before = os.getloadavg()[0]
    timings: dict[str, tuple[int, float]] = {name: run(name) for name in names}
    results = {name: load(name, started_at) for name in names}

    print(common.heading("Summary: figures against the budgets (docs/budgets.md)"))
    print(common.table(["figure", "measured", "budget", "verdict"], summary_rows(results)))
    print()
    print(
        common.table(
            ["benchmark", "exit code", "seconds"],
            [[f"bench/{name}.py", code, seconds] for name, (code, seconds) in timings.items()],
        )
    )
    cpus = os.cpu_count() or 1
    print(f"\nLoad average before the run: {load_before:.2f} on {cpus} CPUs.")
    if load_before > 0.5 * cpus:
        print(
            "WARNING: the machine was busy; CPU and throughput figures are unreliable. "
            "Run again on a quiet machine."
        )
    print(f"Total: {time.time() - started_at:.0f} s. Results in bench/results/.")
    return 1 if any(code != 0 for code, _ in timings.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
