"""Audit throughput: Clearway's AuditRunner on the demo site, against a plain Selenium loop and
pa11y-ci, measured in the same run on the same server.

The demo site is seeded into a throwaway database and served by gunicorn (4 sync workers) on
127.0.0.1 with the page cache on and warmed, so the server is not the bottleneck. Every live
page (``audit.engine.discovery.wagtail_targets``) is then audited by:

(1) Clearway's ``AuditRunner`` with ``WORKERS`` = 1, 2 and 4 and a no-op sink (nothing stored);
(2) a plain loop: one Selenium Chromium with ``audit.engine.browsers``' options that, for each page,
    calls ``driver.get``, injects ``axe.min.js`` with ``execute_script`` and runs axe with
    Clearway's options (returning the same trimmed result fields Clearway asks for);
(3) pa11y-ci (axe runner, concurrency 2, Debian's Chromium), installed with npm into the
    benchmark's temporary folder at run time (``--no-pa11y`` skips it).

For each: pages per minute (wall clock, browser start-up included), CPU seconds per page and
the peak memory. CPU is this process's own (``resource.getrusage(RUSAGE_SELF)``, the sampler
thread's time taken off) plus its descendants' (chromedriver, Chromium, node), read from
``/proc/<pid>/stat`` every 0.2 s (each process's last reading counts; processes living less
than 0.2 s are missed). ``RUSAGE_CHILDREN`` after the browsers quit is also recorded, as a cross
check: it misses Chromium processes that chromedriver did not wait for. Memory is the peak sum
of VmRSS over this process and its descendants, sampled every 0.2 s (shared pages are counted
once per process, so this overstates what the processes cost together). The gunicorn server
is sampled apart: its CPU per page shows whether it was a bottleneck.

(4) with every Clearway rule on (content and browser rules), ``--all-rules-workers``;
(5) the nightly path twice: two stored runs (``audit.runs.service.execute_run``, results in the
    database) of the same pages, the second with nothing changed, so unchanged pages reuse
    their results; the ratio of their times is the brief's "unchanged site" figure.

Run: .venv/bin/python bench/audit_throughput.py [--workers 1 2 4] [--pages N] [--no-pa11y]
     [--all-rules-workers 2] [--no-stored]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import http.client
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common
from bench.server import gunicorn, http_get

NAME = "audit_throughput"
CLEARWAY_WSGI_APP = "clearway.wsgi:application"
#: From the product brief: a full axe run of the demo site on 2 cores, and memory with 2 browsers.
PAGES_PER_MINUTE_TARGET = 600.0
#: With every browser rule on, and how much faster a run of an unchanged site must be.
ALL_RULES_TARGET = 400.0
UNCHANGED_SPEEDUP_TARGET = 10.0
MEMORY_BUDGET_BYTES = int(1.5 * 1024**3)
SAMPLE_INTERVAL = 0.2
PA11Y_INSTALL_TIMEOUT = 180
PA11Y_RUN_TIMEOUT = 300
PLAIN_LOOP_TIMEOUT = 30.0

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

#: Accept-Encoding values the page cache is warmed with: the cache varies on the header, and
#: Chromium, Clearway's pre-flight fetch (urllib: none) and pa11y's Chromium send these.
WARM_ENCODINGS = ("gzip, deflate, br, zstd", "gzip, deflate, br", "gzip, deflate", "identity", "")

#: Runs axe in the page with Clearway's options and sends back the fields Clearway reads.
PLAIN_RUN_AXE = """
const options = arguments[0];
const done = arguments[arguments.length - 1];
const rules = (list) => (list || []).map((rule) => ({
  id: rule.id, impact: rule.impact, tags: rule.tags, description: rule.description,
  help: rule.help, helpUrl: rule.helpUrl,
  nodes: (rule.nodes || []).map((node) => ({
    target: node.target, html: node.html, impact: node.impact,
    failureSummary: node.failureSummary, ancestry: node.ancestry,
  })),
}));
window.axe.run(document, options).then(
  (results) => done({violations: rules(results.violations),
                     incomplete: rules(results.incomplete)}),
  (error) => done({error: String((error && error.message) || error)}),
);
"""


# -- Process-tree sampling ------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """``pid``'s children (from each of its threads' ``children`` list)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after ``pid (comm)``: state is [0], ppid [1]."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            text = handle.read()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def process_table() -> dict[int, list[str]]:
    """Every process's stat fields (one read per process: cheaper than walking the
    per-thread ``children`` lists of Chromium's many-threaded processes)."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat(int(entry))
            if fields is not None:
                table[int(entry)] = fields
    return table


def descendants(
    root: int,
    exclude: frozenset[int] = frozenset(),
    table: dict[int, list[str]] | None = None,
) -> list[int]:
    """``root``'s descendants (not ``root``), leaving out the ``exclude`` subtrees."""
    table = process_table() if table is None else table
    children: dict[int, list[int]] = {}
    for pid, fields in table.items():
        children.setdefault(int(fields[1]), []).append(pid)
    out: list[int] = []
    stack = [child for child in children.get(root, []) if child not in exclude]
    while stack:
        pid = stack.pop()
        out.append(pid)
        stack.extend(child for child in children.get(pid, []) if child not in exclude)
    return out


def figures_of(pid: int, fields: list[str]) -> tuple[tuple[int, int], float, int]:
    """``((pid, start time), CPU seconds, RSS bytes)`` from stat fields."""
    # utime 11, stime 12, starttime 19, rss 21 (counting from the state, 0).
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return (pid, int(fields[19])), cpu, int(fields[21]) * PAGE_SIZE


def read_stat(pid: int) -> tuple[tuple[int, int], float, int] | None:
    """``((pid, start time), CPU seconds, RSS bytes)`` from /proc/<pid>/stat, or None."""
    fields = _stat(pid)
    return None if fields is None else figures_of(pid, fields)


def read_pss(pid: int) -> int:
    """Proportional set size in bytes (shared pages split between their users), or 0."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def process_kind(pid: int) -> str:
    """``chromium (renderer)``, ``chromedriver``, ``node``...: for the CPU breakdown.

    Chromium's forked processes rewrite their command line as one space-separated string
    whose first word is the profile directory, so the kind is read from the flags."""
    try:
        text = (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return "?"
    words = text.split()
    if not words:
        return "?"
    name = Path(words[0]).name
    flags = words[1:]
    if any(word.startswith(("--renderer-client-id", "--type=renderer")) for word in flags):
        return "chromium (renderer)"
    if any(word.startswith(("--gpu-preferences", "--type=gpu")) for word in flags):
        return "chromium (gpu)"
    for word in flags:
        if word.startswith("--utility-sub-type="):
            return f"chromium ({word.split('.')[-1]})"
        if word.startswith("--type="):
            return f"chromium ({word[7:]})"
    if name in {"chromium", "chrome"} or "chromium" in name or "chrome_profile" in name:
        return "chromium (browser)"
    return name


@dataclass
class TreeFigures:
    seconds: float = 0.0
    self_cpu: float = 0.0
    descendants_cpu: float = 0.0
    rusage_children_cpu: float = 0.0
    server_cpu: float = 0.0
    peak_rss: int = 0
    peak_pss: int = 0
    peak_processes: int = 0
    cpu_by_kind: dict[str, float] = field(default_factory=dict)
    samples: int = 0
    sampler_cpu: float = 0.0

    @property
    def cpu(self) -> float:
        return self.self_cpu + self.descendants_cpu


class TreeSampler:
    """Samples this process's tree (minus the server) and the server's, every 0.2 s."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.exclude = frozenset({server_pid} if server_pid else ())
        self.figures = TreeFigures()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bench-sampler", daemon=True)
        self._cpu: dict[tuple[int, int], float] = {}
        self._start_cpu: dict[tuple[int, int], float] = {}
        self._server_cpu: dict[tuple[int, int], float] = {}
        self._server_start: dict[tuple[int, int], float] = {}
        self._kinds: dict[tuple[int, int], str] = {}
        self._count = 0

    def _server_pids(self, table: dict[int, list[str]]) -> list[int]:
        if not self.server_pid:
            return []
        return [self.server_pid, *descendants(self.server_pid, table=table)]

    def _sample(self, first: bool = False) -> None:
        total_rss = 0
        processes = 0
        # PSS is dearer to read (the kernel walks the page tables): once a second.
        with_pss = self._count % 5 == 0
        self._count += 1
        total_pss = read_pss(os.getpid()) if with_pss else 0
        table = process_table()
        me = table.get(os.getpid())
        if me is not None:
            total_rss += figures_of(os.getpid(), me)[2]
            processes += 1
        for pid in descendants(os.getpid(), self.exclude, table):
            key, cpu, rss = figures_of(pid, table[pid])
            if first:
                self._start_cpu[key] = cpu
            if key not in self._kinds:
                self._kinds[key] = process_kind(pid)
            self._cpu[key] = cpu
            total_rss += rss
            if with_pss:
                total_pss += read_pss(pid)
            processes += 1
        self.figures.peak_pss = max(self.figures.peak_pss, total_pss)
        for pid in self._server_pids(table):
            if pid not in table:
                continue
            key, cpu, _ = figures_of(pid, table[pid])
            if first:
                self._server_start[key] = cpu
            self._server_cpu[key] = cpu
        self.figures.samples += 1
        if total_rss > self.figures.peak_rss:
            self.figures.peak_rss = total_rss
        self.figures.peak_processes = max(self.figures.peak_processes, processes)

    def _loop(self) -> None:
        started = time.thread_time()
        try:
            while not self._stop.wait(SAMPLE_INTERVAL):
                self._sample()
        finally:
            self.figures.sampler_cpu = time.thread_time() - started

    def __enter__(self) -> TreeSampler:
        self._wall = time.perf_counter()
        self._self = resource.getrusage(resource.RUSAGE_SELF)
        self._children_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._sample(first=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        end_self = resource.getrusage(resource.RUSAGE_SELF)
        end_children = resource.getrusage(resource.RUSAGE_CHILDREN)
        f = self.figures
        f.seconds = time.perf_counter() - self._wall
        f.self_cpu = (
            end_self.ru_utime
            + end_self.ru_stime
            - self._self.ru_utime
            - self._self.ru_stime
            - f.sampler_cpu
        )
        f.descendants_cpu = sum(
            cpu - self._start_cpu.get(key, 0.0) for key, cpu in self._cpu.items()
        )
        f.rusage_children_cpu = (
            end_children.ru_utime
            + end_children.ru_stime
            - self._children_usage.ru_utime
            - self._children_usage.ru_stime
        )
        for key, cpu in self._cpu.items():
            kind = self._kinds.get(key, "?")
            used = cpu - self._start_cpu.get(key, 0.0)
            f.cpu_by_kind[kind] = round(f.cpu_by_kind.get(kind, 0.0) + used, 2)
        f.cpu_by_kind["this process (python)"] = round(f.self_cpu, 2)
        f.server_cpu = sum(
            cpu - self._server_start.get(key, 0.0) for key, cpu in self._server_cpu.items()
        )


# -- The measured runs ----------------------------------------------------------------------


@dataclass
class Measured:
    label: str
    pages: int
    tree: TreeFigures
    ok: int = 0
    failed: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pages_per_minute(self) -> float:
        return self.pages * 60 / self.tree.seconds if self.tree.seconds else float("nan")

    def as_dict(self) -> dict[str, Any]:
        t = self.tree
        pages = max(self.pages, 1)
        return {
            "label": self.label,
            "pages": self.pages,
            "pages_ok": self.ok,
            "pages_failed": self.failed,
            "seconds": t.seconds,
            "pages_per_minute": self.pages_per_minute,
            "cpu_seconds_per_page": t.cpu / pages,
            "cpu_seconds_self": t.self_cpu,
            "cpu_seconds_descendants": t.descendants_cpu,
            "cpu_seconds_rusage_children": t.rusage_children_cpu,
            "server_cpu_seconds_per_page": t.server_cpu / pages,
            "peak_rss_bytes": t.peak_rss,
            "peak_pss_bytes": t.peak_pss,
            "cpu_seconds_by_process": dict(
                sorted(t.cpu_by_kind.items(), key=lambda item: -item[1])
            ),
            "peak_processes": t.peak_processes,
            "samples": t.samples,
            "sampler_cpu_seconds": t.sampler_cpu,
            **self.extra,
        }


def clearway_run(
    workers: int,
    targets: list[Any],
    allowed: tuple[str, ...],
    server_pid: int,
    *,
    all_rules: bool = False,
) -> Measured:
    from audit.core.conf import audit_settings
    from audit.core.enums import PageStatus
    from audit.engine.runner import AuditRunner
    from audit.results.sinks import RunInfo, Sink

    class Timing(Sink):
        """No-op sink that notes when auditing began (the browsers are started by then)."""

        began: float | None = None

        def begin(self, info: RunInfo) -> None:
            self.began = time.perf_counter()

    from audit.engine.content_checks import content_checks
    from audit.storage.terms import load_terms

    # The brief's "full axe run": axe-core only. "All rules": every engine (IBM's too) and
    # Clearway's content and browser rules, as the nightly audit runs them.
    config = audit_settings().with_overrides(
        WORKERS=workers,
        BROWSER_CHECKS=all_rules,
        CONTENT_CHECKS=all_rules,
        ENGINES=None if all_rules else ("axe",),
    )
    checks = content_checks(config, terms=load_terms()) if all_rules else None
    runner = AuditRunner(config, allowed_hosts=allowed, content_checks=checks)
    sink = Timing()
    rules = "all rules" if all_rules else "axe only"
    common.log(f"Clearway AuditRunner, WORKERS={workers}, {rules}: {len(targets)} pages")
    with TreeSampler(server_pid) as sampler:
        started = time.perf_counter()
        summary = runner.run(targets, sink)
        finished = time.perf_counter()
    pages = summary.pages
    ok = sum(1 for page in pages if page.status == PageStatus.OK)
    failed = [
        f"{page.url} {page.status}: {page.error}" for page in pages if page.status != PageStatus.OK
    ]
    durations = sorted(page.duration for page in pages)
    began = sink.began or started
    return Measured(
        label=f"Clearway, WORKERS={workers}, {rules}",
        pages=len(pages),
        tree=sampler.figures,
        ok=ok,
        failed=failed,
        extra={
            "workers": workers,
            "all_rules": all_rules,
            "browser_start_seconds": began - started,
            "pages_per_minute_after_start": len(pages) * 60 / (finished - began),
            "page_seconds_median": common.median(durations),
            "page_seconds_max": durations[-1] if durations else None,
            "findings": sum(len(page.findings) for page in pages),
        },
    )


def stored_runs(urls: list[str], server_pid: int, workers: int) -> list[Measured]:
    """The nightly path twice: stored runs with every rule, then again with nothing changed
    (unchanged pages reuse their results instead of a browser run)."""
    from audit.core.enums import PageStatus, RunTrigger
    from audit.runs import service
    from audit.storage.models import PageResult

    measured = []
    for label in ("stored run, all rules", "stored run again, nothing changed"):
        common.log(f"{label}: {len(urls)} pages, WORKERS={workers}")
        run = service.create_run(RunTrigger.MANUAL, urls=urls)
        with TreeSampler(server_pid) as sampler:
            run = service.execute_run(run.pk, workers=workers)
        results = PageResult.objects.filter(run=run)
        failed = [
            f"{result.url} {result.status}: {result.error}"
            for result in results
            if result.status != PageStatus.OK
        ]
        measured.append(
            Measured(
                label=f"{label} (WORKERS={workers})",
                pages=run.pages_done,
                tree=sampler.figures,
                ok=run.pages_done - len(failed),
                failed=failed,
                extra={
                    "workers": workers,
                    "stored": True,
                    "pages_reused": run.pages_reused,
                    "findings": run.violations + run.needs_review,
                },
            )
        )
    return measured


def plain_run(urls: list[str], server_pid: int) -> Measured:
    from selenium.webdriver.chrome.service import Service

    from audit.core.conf import audit_settings
    from audit.engine.browsers import ChromiumDriver, chromium_options
    from audit.engine.drivers.axe_results import load_script
    from audit.engine.runner import axe_options

    config = audit_settings()
    source = load_script(config.AXE_SCRIPT)
    options_js = axe_options(config)
    common.log(f"plain Selenium loop: {len(urls)} pages")
    failed: list[str] = []
    findings = 0
    phases: dict[str, list[float]] = {"get": [], "inject": [], "axe_run": []}
    with TreeSampler(server_pid) as sampler:
        started = time.perf_counter()
        profile = Path(tempfile.mkdtemp(prefix="clearway-bench-chromium-"))
        options = chromium_options(config)
        options.add_argument(f"--user-data-dir={profile}")
        driver = ChromiumDriver(
            profile_dir=profile,
            service=Service(executable_path=config.CHROMEDRIVER),
            options=options,
        )
        try:
            driver.set_page_load_timeout(PLAIN_LOOP_TIMEOUT)
            driver.set_script_timeout(PLAIN_LOOP_TIMEOUT)
            began = time.perf_counter()
            for url in urls:
                try:
                    t0 = time.perf_counter()
                    driver.get(url)
                    t1 = time.perf_counter()
                    driver.execute_script(source)
                    t2 = time.perf_counter()
                    answer = driver.execute_async_script(PLAIN_RUN_AXE, options_js)
                    t3 = time.perf_counter()
                    phases["get"].append(t1 - t0)
                    phases["inject"].append(t2 - t1)
                    phases["axe_run"].append(t3 - t2)
                except Exception as error:
                    failed.append(f"{url}: {type(error).__name__}: {str(error)[:200]}")
                    continue
                if not isinstance(answer, dict) or "error" in answer:
                    failed.append(f"{url}: {answer!r:.200}")
                    continue
                findings += sum(
                    len(rule["nodes"]) for rule in answer["violations"] + answer["incomplete"]
                )
            finished = time.perf_counter()
        finally:
            driver.quit()
    return Measured(
        label="plain Selenium loop, 1 browser",
        pages=len(urls),
        tree=sampler.figures,
        ok=len(urls) - len(failed),
        failed=failed,
        extra={
            "browser_start_seconds": began - started,
            "pages_per_minute_after_start": len(urls) * 60 / (finished - began),
            "findings": findings,
            "phase_seconds_median": {
                name: common.median(values) for name, values in phases.items()
            },
            "phase_seconds_total": {name: sum(values) for name, values in phases.items()},
        },
    )


def install_pa11y(directory: Path) -> tuple[Path | None, dict[str, Any]]:
    """``npm install --prefix directory pa11y-ci``; (its bin, what happened)."""
    npm = shutil.which("npm")
    info: dict[str, Any] = {"directory": str(directory)}
    if npm is None:
        info["error"] = "npm is not on the PATH"
        return None, info
    command = [npm, "install", "--prefix", str(directory), "--no-audit", "--no-fund", "pa11y-ci"]
    info["command"] = " ".join(command)
    common.log(f"installing pa11y-ci: {info['command']}")
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command,
            env={
                **os.environ,
                "PUPPETEER_SKIP_DOWNLOAD": "1",
                "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1",
            },
            capture_output=True,
            text=True,
            timeout=PA11Y_INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        info["error"] = f"npm install did not finish in {PA11Y_INSTALL_TIMEOUT} s"
        return None, info
    info["install_seconds"] = time.perf_counter() - started
    binary = directory / "node_modules" / ".bin" / "pa11y-ci"
    if result.returncode != 0 or not binary.exists():
        info["error"] = f"npm install exited {result.returncode}: {result.stderr.strip()[-2000:]}"
        return None, info
    for package in ("pa11y-ci", "pa11y", "axe-core", "puppeteer"):
        manifest = directory / "node_modules" / package / "package.json"
        if manifest.exists():
            info[f"{package}_version"] = json.loads(manifest.read_text())["version"]
    return binary, info


def pa11y_run(urls: list[str], directory: Path, server_pid: int) -> Measured | dict[str, Any]:
    binary, info = install_pa11y(directory)
    if binary is None:
        common.log(f"pa11y-ci not measured: {info['error']}")
        return info
    config_path = directory / "pa11y-ci.json"
    config_path.write_text(
        json.dumps(
            {
                "defaults": {
                    "runners": ["axe"],
                    "chromeLaunchConfig": {
                        "executablePath": "/usr/bin/chromium",
                        "args": [
                            "--no-sandbox",
                            "--headless=new",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                        ],
                    },
                    "timeout": 30000,
                    "concurrency": 2,
                },
                "urls": urls,
            },
            indent=2,
        )
    )
    command = [str(binary), "--config", str(config_path), "--json"]
    info["run_command"] = " ".join(command)
    common.log(f"pa11y-ci: {len(urls)} pages, concurrency 2")
    stdout_path = directory / "pa11y-ci.out"
    with (
        TreeSampler(server_pid) as sampler,
        stdout_path.open("w") as stdout,
        (directory / "pa11y-ci.err").open("w") as stderr,
    ):
        process = subprocess.Popen(
            command,
            cwd=directory,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
            start_new_session=True,
        )
        try:
            process.wait(timeout=PA11Y_RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 9)
            process.wait()
            info["error"] = f"pa11y-ci did not finish in {PA11Y_RUN_TIMEOUT} s"
        finally:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, 9)
                process.wait()
    info["exit_code"] = process.returncode
    text = stdout_path.read_text()
    try:
        report = json.loads(text[text.index("{") :])
    except ValueError:
        stderr_text = (directory / "pa11y-ci.err").read_text()
        info["error"] = f"no JSON from pa11y-ci: {text[-1000:]} {stderr_text[-2000:]}"
        common.log(f"pa11y-ci: {info['error']}")
        return info
    results: dict[str, list[dict[str, Any]]] = report.get("results", {})
    failed = []
    issues = 0
    for url, items in results.items():
        # pa11y-ci lists a page it could not test as one item without an issue code.
        errors = [item for item in items if "code" not in item]
        if errors:
            failed.append(f"{url}: {errors[0].get('message', errors[0])!s:.200}")
        issues += len(items) - len(errors)
    missing = [url for url in urls if url not in results]
    failed += [f"{url}: not in pa11y-ci's results" for url in missing]
    ran = len(urls) - len(failed)
    info.update({"total": report.get("total"), "passes": report.get("passes"), "issues": issues})
    return Measured(
        label="pa11y-ci 4 (axe), concurrency 2",
        pages=len(urls),
        tree=sampler.figures,
        ok=ran,
        failed=failed,
        extra=info,
    )


# -- Setting up ------------------------------------------------------------------------------


def page_targets(port: int) -> tuple[list[Any], list[Any]]:
    """Every live page as an AuditTarget on 127.0.0.1:port; and the skipped ones."""
    from audit.engine.discovery import wagtail_targets
    from audit.results import AuditTarget

    found = wagtail_targets()
    targets = []
    for target in found.targets:
        parts = urlsplit(target.url)
        url = urlunsplit(("http", f"127.0.0.1:{port}", parts.path, parts.query, ""))
        targets.append(AuditTarget(url, target.page_id))
    return targets, list(found.skipped)


def warm(port: int, paths: Sequence[str], rounds: int) -> dict[str, Any]:
    """Request every path with each Accept-Encoding, ``rounds`` times, 8 at a time."""
    jobs = [
        (path, {"Accept-Encoding": encoding} if encoding else {})
        for _ in range(rounds)
        for path in paths
        for encoding in WARM_ENCODINGS
    ]
    statuses: dict[int, int] = {}
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for status, _headers in pool.map(lambda job: http_get(port, *job), jobs):
            statuses[status] = statuses.get(status, 0) + 1
    return {"requests": len(jobs), "statuses": statuses}


def cached_hit_ms(port: int, path: str, count: int = 50) -> float:
    """Median wall time of a cached request, for the report."""
    times = []
    for _ in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        started = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": WARM_ENCODINGS[0]})
        connection.getresponse().read()
        times.append((time.perf_counter() - started) * 1000)
        connection.close()
    return common.median(times)


def spread(items: list[Any], count: int | None) -> list[Any]:
    """``count`` items spread evenly over ``items`` (all of them when count is None)."""
    if count is None or count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


# -- Main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--pages", type=int, default=None, help="audit N pages (default: all)")
    parser.add_argument("--server-workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--server-threads", type=int, default=8, help="threads per worker (1: plain sync)"
    )
    parser.add_argument(
        "--all-rules-workers",
        type=int,
        nargs="*",
        default=[2],
        help="also run with every Clearway rule on, with these WORKERS",
    )
    parser.add_argument(
        "--no-stored", action="store_true", help="skip the two stored runs (reuse of unchanged)"
    )
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Selenium loop")
    parser.add_argument("--no-pa11y", action="store_true", help="skip pa11y-ci")
    args = parser.parse_args(argv)
    if any(not 1 <= workers <= 8 for workers in args.workers):
        parser.error("--workers must be between 1 and 8")

    env = common.setup_django(NAME, page_cache=True)
    source = common.build_demo_site()
    common.collect_static()
    from django.db import connections

    connections.close_all()
    # Threads: gunicorn turns its sync workers into gthread ones. With plain sync workers,
    # each browser's idle keep-alive (and preconnected) sockets hold a worker until gunicorn's
    # 30 s timeout kills it: four browsers stall four sync workers, and the audit waits.
    server_env = env.subprocess_env(
        CLEARWAY_BENCH_PAGE_CACHE="on",
        CLEARWAY_PAGE_CACHE_SECONDS="3600",
        GUNICORN_CMD_ARGS=f"--threads {args.server_threads}",
    )
    log_path = env.tmp / "gunicorn.log"
    runs: list[Measured] = []
    pa11y_info: dict[str, Any] | None = None
    serving = gunicorn(CLEARWAY_WSGI_APP, server_env, common.ROOT, args.server_workers, log_path)
    with serving as port:
        server_pid = _server_pid(port)
        targets, skipped = page_targets(port)
        targets = spread(targets, args.pages)
        urls = [target.url for target in targets]
        paths = [urlsplit(url).path for url in urls]
        common.log(f"{len(targets)} pages ({len(skipped)} skipped); warming the page cache")
        warmed = warm(port, paths, rounds=2 * args.server_workers)
        hit_ms = cached_hit_ms(port, paths[0])
        common.log(f"warmed: {warmed}; a cached hit takes {hit_ms:.1f} ms")
        allowed = ("127.0.0.1",)
        for workers in args.workers:
            runs.append(clearway_run(workers, targets, allowed, server_pid))
            _log_run(runs[-1])
        for workers in args.all_rules_workers:
            runs.append(clearway_run(workers, targets, allowed, server_pid, all_rules=True))
            _log_run(runs[-1])
        if not args.no_stored:
            runs.extend(stored_runs(urls, server_pid, workers=2))
            for run in runs[-2:]:
                _log_run(run)
        if not args.no_plain:
            runs.append(plain_run(urls, server_pid))
            _log_run(runs[-1])
        if not args.no_pa11y:
            outcome = pa11y_run(urls, env.tmp / "pa11y", server_pid)
            if isinstance(outcome, Measured):
                runs.append(outcome)
                _log_run(outcome)
            else:
                pa11y_info = outcome
    return report(source, args, urls, skipped, warmed, hit_ms, runs, pa11y_info)


def _server_pid(port: int) -> int:
    """The gunicorn master listening on ``port``: our child whose command line names it."""
    needle = f"127.0.0.1:{port}".encode()
    for pid in _children(os.getpid()):
        with contextlib.suppress(OSError):
            if needle in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
    raise RuntimeError("gunicorn's process was not found")


def _log_run(run: Measured) -> None:
    common.log(
        f"{run.label}: {run.pages} pages in {run.tree.seconds:.1f} s "
        f"({run.pages_per_minute:.0f}/min), {len(run.failed)} failed"
    )


def report(
    source: str,
    args: argparse.Namespace,
    urls: list[str],
    skipped: list[Any],
    warmed: dict[str, Any],
    hit_ms: float,
    runs: list[Measured],
    pa11y_info: dict[str, Any] | None,
) -> dict[str, Any]:
    gib = 1024**3
    plain = next((run for run in runs if run.label.startswith("plain")), None)
    pa11y = next((run for run in runs if run.label.startswith("pa11y")), None)
    print(common.heading("Audit throughput: every live page of the demo site"))
    print(
        f"Demo site: {source}; {len(urls)} pages ({len(skipped)} skipped by discovery), served "
        f"by gunicorn ({args.server_workers} workers x {args.server_threads} threads) on "
        f"127.0.0.1 with the page cache on and warmed (cached hit {hit_ms:.1f} ms). "
        f"{os.cpu_count()} CPUs; load average "
        f"{common.LOAD_AT_START:.2f} at the start.\n"
        "pages/min: wall clock including browser start-up (after start-up in brackets). "
        "CPU/page: this process + chromedriver, Chromium and node, from /proc every 0.2 s. "
        "Peak RSS: sum over the same tree, every 0.2 s. Server CPU/page: gunicorn's.\n"
    )
    rows = []
    for run in runs:
        d = run.as_dict()
        rows.append(
            [
                run.label,
                f"{run.ok}/{run.pages}",
                d["seconds"],
                d["pages_per_minute"],
                d.get("pages_per_minute_after_start"),
                plain and d["pages_per_minute"] / plain.pages_per_minute,
                pa11y and d["pages_per_minute"] / pa11y.pages_per_minute,
                d["cpu_seconds_per_page"],
                d["server_cpu_seconds_per_page"],
                d["peak_rss_bytes"] / gib,
                d["peak_pss_bytes"] / gib,
                d["peak_processes"],
            ]
        )
    print(
        common.table(
            [
                "run",
                "ok",
                "seconds",
                "pages/min",
                "(after start)",
                "x plain",
                "x pa11y-ci",
                "CPU s/page",
                "server CPU s/page",
                "peak RSS GiB",
                "peak PSS GiB",
                "procs",
            ],
            rows,
        )
    )
    for run in runs:
        if run.failed:
            print(f"\n{run.label}: {len(run.failed)} page(s) not audited:")
            for line in run.failed[:10]:
                print(f"  {line}")
    print("\nCPU seconds by process (whole run):")
    for run in runs:
        top = sorted(run.tree.cpu_by_kind.items(), key=lambda item: -item[1])[:6]
        print(f"  {run.label}: " + ", ".join(f"{kind} {cpu:.1f}" for kind, cpu in top))
    if plain is not None:
        medians = plain.extra["phase_seconds_median"]
        print(
            "Plain loop, median seconds per page: "
            + ", ".join(f"{name} {value:.3f}" for name, value in medians.items())
        )
    if pa11y_info is not None:
        print(f"\npa11y-ci not measured: {pa11y_info.get('error')}")
    clearway = [
        run for run in runs if run.label.startswith("Clearway") and not run.extra["all_rules"]
    ]
    all_rules = [run for run in runs if run.extra.get("all_rules")]
    stored = [run for run in runs if run.extra.get("stored")]
    best = max(clearway, key=lambda run: run.pages_per_minute, default=None)
    two = next((run for run in clearway if run.extra.get("workers") == 2), None)
    print(common.heading("Against the product brief"))
    if best is not None:
        verdict = "ok" if best.pages_per_minute >= PAGES_PER_MINUTE_TARGET else "UNDER"
        print(
            f"Best Clearway: {best.pages_per_minute:,.0f} pages/min ({best.label}); "
            f"target >= {PAGES_PER_MINUTE_TARGET:,.0f} on 2 cores: {verdict}."
        )
    best_all = max(all_rules, key=lambda run: run.pages_per_minute, default=None)
    if best_all is not None:
        verdict = "ok" if best_all.pages_per_minute >= ALL_RULES_TARGET else "UNDER"
        print(
            f"Best with every rule on: {best_all.pages_per_minute:,.0f} pages/min "
            f"({best_all.label}); target >= {ALL_RULES_TARGET:,.0f}: {verdict}."
        )
    if len(stored) == 2:
        first, again = stored
        ratio = first.tree.seconds / again.tree.seconds if again.tree.seconds else float("nan")
        verdict = "ok" if ratio >= UNCHANGED_SPEEDUP_TARGET else "UNDER"
        print(
            f"Unchanged site: the second stored run took {again.tree.seconds:.2f} s against "
            f"{first.tree.seconds:.2f} s ({ratio:.1f}x faster; {again.extra['pages_reused']} of "
            f"{again.pages} pages reused); target >= {UNCHANGED_SPEEDUP_TARGET:g}x: {verdict}."
        )
    if two is not None:
        verdict = "ok" if two.tree.peak_rss <= MEMORY_BUDGET_BYTES else "OVER"
        print(
            f"Peak RSS with 2 browsers: {two.tree.peak_rss / gib:.2f} GiB; "
            f"budget <= 1.5 GiB: {verdict} (RSS sums count shared pages once per process; "
            f"the peak PSS, shared pages split, was {two.tree.peak_pss / gib:.2f} GiB)."
        )
    data = {
        "demo_site": source,
        "pages": len(urls),
        "skipped": [str(item) for item in skipped],
        "server_workers": args.server_workers,
        "server_threads": args.server_threads,
        "warm": warmed,
        "cached_hit_ms": hit_ms,
        "cpu_method": (
            "RUSAGE_SELF of this process (sampler thread taken off) + utime+stime of every "
            "descendant from /proc/<pid>/stat sampled every 0.2 s (last reading per process); "
            "cpu_seconds_rusage_children is RUSAGE_CHILDREN after the browsers quit, a cross "
            "check that misses processes chromedriver did not wait for"
        ),
        "memory_method": (
            "peak of the sum of VmRSS over this process and its descendants, every 0.2 s; "
            "peak_pss_bytes: the same sum of Pss (smaps_rollup), every 1 s"
        ),
        "runs": [run.as_dict() for run in runs],
        "pa11y_not_measured": pa11y_info,
        "targets": {
            "pages_per_minute": PAGES_PER_MINUTE_TARGET,
            "pages_per_minute_all_rules": ALL_RULES_TARGET,
            "unchanged_speedup": UNCHANGED_SPEEDUP_TARGET,
            "memory_bytes_two_browsers": MEMORY_BUDGET_BYTES,
        },
        "ratios": {
            run.label: {
                "vs_plain": plain and run.pages_per_minute / plain.pages_per_minute,
                "vs_pa11y": pa11y and run.pages_per_minute / pa11y.pages_per_minute,
            }
            for run in runs
        },
    }
    path = common.write_results(NAME, data)
    print(f"\nResults: {path.relative_to(common.ROOT)}")
    return data


if __name__ == "__main__":
    main()
