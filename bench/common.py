"""What every benchmark shares: a throwaway environment, the demo site, tables and results.

Each benchmark calls :func:`setup_django` first. It makes a temporary folder holding the
benchmark's own SQLite database, media and collected static files, points Django at
``bench.settings`` and sets the variables that module reads, so a benchmark never touches the
developer's ``db.sqlite3``, ``media/`` or ``static_collected/``. The folder is removed at exit
unless ``CLEARWAY_BENCH_KEEP=1``.
"""

from __future__ import annotations

import atexit
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wagtail.models import Page

ROOT = Path(__file__).resolve().parents[1]
SITE_DIR = ROOT / "site"
RESULTS_DIR = ROOT / "bench" / "results"

#: The budgets from the product brief (docs/budgets.md).
PAGE_WEIGHT_BUDGET_BYTES = 14 * 1024
QUERY_BUDGET = 12
CPU_BUDGET_MS = 10.0
CACHED_RPS_BUDGET = 1000.0


@dataclass
class BenchEnv:
    """A benchmark's temporary folder and the environment its subprocesses need."""

    name: str
    tmp: Path
    database_url: str
    media_root: Path
    static_root: Path
    env: dict[str, str] = field(default_factory=dict)

    def subprocess_env(self, **extra: str) -> dict[str, str]:
        """os.environ plus this benchmark's variables and any extra ones."""
        return {**os.environ, **self.env, **extra}


def add_import_paths() -> None:
    """The repository root (for ``bench``) and ``site/`` (for the project's packages)."""
    for path in (str(ROOT), str(SITE_DIR)):
        if path not in sys.path:
            sys.path.insert(0, path)


#: The 1-minute load average when the benchmark started: a busy machine skews CPU figures.
LOAD_AT_START: float | None = None


def setup_django(name: str, *, page_cache: bool = False) -> BenchEnv:
    """Make the benchmark's temporary folder, configure Django for it and set Django up."""
    global LOAD_AT_START
    LOAD_AT_START = os.getloadavg()[0]
    add_import_paths()
    tmp = Path(tempfile.mkdtemp(prefix=f"clearway-bench-{name}-"))
    if os.environ.get("CLEARWAY_BENCH_KEEP") != "1":
        atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    bench_env = BenchEnv(
        name=name,
        tmp=tmp,
        database_url=f"sqlite:///{tmp / 'db.sqlite3'}",
        media_root=tmp / "media",
        static_root=tmp / "static",
    )
    bench_env.media_root.mkdir()
    bench_env.env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": bench_env.database_url,
        "CLEARWAY_MEDIA_ROOT": str(bench_env.media_root),
        "CLEARWAY_BENCH_STATIC_ROOT": str(bench_env.static_root),
        "CLEARWAY_BENCH_PAGE_CACHE": "on" if page_cache else "off",
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT), str(SITE_DIR), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    # Forced, not defaulted: a developer's own DATABASE_URL or settings must never leak in.
    os.environ.update(bench_env.env)

    import django

    django.setup()
    return bench_env


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the figures."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def build_demo_site() -> str:
    """Migrate the empty database and build the demo council with ``manage.py seed_demo``.

    Returns how the site was built, for the reports."""
    from django.core.management import call_command, get_commands

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    if "seed_demo" not in get_commands():
        raise SystemExit("The benchmarks need the demo site: manage.py seed_demo is missing.")
    call_command("seed_demo", verbosity=0)
    source = "seed_demo"
    # bench.settings drops background tasks, so build the search index now.
    call_command("update_index", verbosity=0)
    seconds = time.perf_counter() - started
    log(f"built the demo site ({source}) and its search index in {seconds:.1f} s")
    return source


def collect_static() -> None:
    """collectstatic into the benchmark's STATIC_ROOT with the production storage backend."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("collectstatic", interactive=False, verbosity=0)
    log(f"collected static files in {time.perf_counter() - started:.1f} s")


def public_pages() -> list[Page]:
    """Every live, public page residents can visit, in tree order, as specific pages."""
    from wagtail.models import Page

    return list(Page.objects.live().public().filter(depth__gt=1).order_by("path").specific())


def page_type(page: Page) -> str:
    return type(page).__name__


def double_site() -> int:
    """Copy every service category, with everything under it, and every news story.

    Returns the number of pages added. The copies are live and get new slugs and titles, so
    the site has about twice the pages residents can reach.
    """
    from wagtail.models import Page

    from pages.models import NewsPage, ServiceCategoryPage

    before = Page.objects.count()
    for category in ServiceCategoryPage.objects.live().order_by("path"):
        category.copy(
            recursive=True,
            update_attrs={"slug": f"{category.slug}-2", "title": f"{category.title} (2)"},
            copy_revisions=False,
            keep_live=True,
        )
    for story in NewsPage.objects.live().order_by("path"):
        story.copy(
            update_attrs={"slug": f"{story.slug}-2", "title": f"{story.title} (2)"},
            copy_revisions=False,
            keep_live=True,
        )
    return Page.objects.count() - before


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain-text table: numeric columns right-aligned, text left-aligned."""
    rows = [list(row) for row in rows]
    numeric = [
        bool(rows) and all(_is_number(row[i]) or row[i] is None for row in rows)
        for i in range(len(headers))
    ]
    text_rows = [[_cell(value) for value in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in text_rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))

    def line(values: Sequence[str]) -> str:
        cells = [
            value.rjust(widths[i]) if numeric[i] else value.ljust(widths[i])
            for i, value in enumerate(values)
        ]
        return "  ".join(cells).rstrip()

    out = [line(list(headers)), "  ".join("-" * width for width in widths)]
    out.extend(line(row) for row in text_rows)
    return "\n".join(out)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if value is None:
        return "-"
    return str(value)


def heading(text: str) -> str:
    return f"\n{text}\n{'=' * len(text)}"


def machine_info() -> dict[str, Any]:
    import django
    import wagtail

    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "load_average_at_start": LOAD_AT_START,
        "git_commit": _git_commit(),
    }


def _git_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def write_results(name: str, data: dict[str, Any]) -> Path:
    """bench/results/NAME.json, with when and where it was measured."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    payload = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", f"bench/{name}.py", *sys.argv[1:]]),
        "machine": machine_info(),
        **data,
    }
    path.write_text(json.dumps(payload, indent=2, default=str) + "\n")
    return path
