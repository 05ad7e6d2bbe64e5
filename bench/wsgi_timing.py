"""Server CPU per request: call a WSGI application directly, as a server worker would.

Run in its own process, one per site, so Clearway and the baseline are measured the same way:

    python -m bench.wsgi_timing --app clearway.wsgi:application --path /a/ --count 200

Each request is a fresh WSGI environ (``Accept-Encoding: gzip``, as browsers send) handed to
the application; the body is read and the response closed (which ends Django's request and
closes its database connection). ``time.process_time()`` around that is the CPU the worker
spent. Prints JSON on stdout.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def environ_for(path: str) -> dict[str, Any]:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "HTTP_USER_AGENT": "clearway-bench",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(app: WSGIApp, path: str) -> tuple[str, int]:
    """One request: its status line and body size."""
    status: list[str] = []

    def start_response(line: str, headers: Any, exc_info: Any = None) -> Callable[..., Any]:
        status.append(line)
        return lambda data: None

    result = app(environ_for(path), start_response)
    try:
        size = sum(len(chunk) for chunk in result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    return status[0], size


def measure(app: WSGIApp, paths: list[str], count: int, warmup: int) -> dict[str, Any]:
    for path in paths:
        line, _ = request(app, path)
        if not line.startswith("200"):
            raise SystemExit(f"{path} answered {line}, not 200")
    for index in range(warmup):
        request(app, paths[index % len(paths)])
    gc.collect()
    cpu_ms: list[float] = []
    wall_ms: list[float] = []
    sizes: list[int] = []
    for index in range(count):
        path = paths[index % len(paths)]
        wall = time.perf_counter()
        cpu = time.process_time()
        _, size = request(app, path)
        cpu_ms.append((time.process_time() - cpu) * 1000)
        wall_ms.append((time.perf_counter() - wall) * 1000)
        sizes.append(size)
    ordered = sorted(cpu_ms)
    return {
        "paths": paths,
        "renders": count,
        "warmup": warmup,
        "cpu_ms_median": statistics.median(cpu_ms),
        "cpu_ms_mean": statistics.fmean(cpu_ms),
        "cpu_ms_p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "cpu_ms_min": ordered[0],
        "cpu_ms_max": ordered[-1],
        "wall_ms_median": statistics.median(wall_ms),
        "body_bytes_median": statistics.median(sizes),
    }


def load_app(target: str) -> WSGIApp:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute or "application")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True, help="module:attribute of the WSGI app")
    parser.add_argument("--path", action="append", required=True, help="URL path (repeatable)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    result = measure(load_app(args.app), args.path, args.count, args.warmup)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
