"""Bounded HTTP load on the loopback: ``wrk`` when installed, else a small asyncio client.

Every run is bounded in time (and the Python client also in request count) and only ever
targets 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

#: The Python client stops after this many requests whatever the duration.
MAX_REQUESTS = 500_000


@dataclass
class LoadResult:
    tool: str
    url: str
    seconds: float
    connections: int
    requests: int
    errors: int  # non-2xx answers, socket errors and timeouts
    requests_per_second: float
    latency_ms_p50: float | None = None
    latency_ms_p99: float | None = None


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise ValueError(f"Load is only ever sent to the loopback, not {host!r}.")


def wrk_path() -> str | None:
    return shutil.which("wrk")


def run(
    url: str, seconds: float, connections: int, headers: dict[str, str] | None = None
) -> LoadResult:
    """Load ``url`` for ``seconds`` with ``connections`` concurrent connections."""
    check_loopback(url)
    if wrk_path():
        return run_wrk(url, seconds, connections, headers or {})
    return asyncio.run(run_python(url, seconds, connections, headers or {}))


def run_wrk(url: str, seconds: float, connections: int, headers: dict[str, str]) -> LoadResult:
    command = [
        wrk_path() or "wrk",
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "5s",
        "--latency",
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    requests = int(_match(r"(\d+) requests in", output))
    duration = _duration_seconds(_match(r"requests in ([\d.]+\w+),", output))
    errors = int(_match(r"Non-2xx or 3xx responses: (\d+)", output, "0"))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(value) for value in socket.groups())
    return LoadResult(
        tool="wrk",
        url=url,
        seconds=duration,
        connections=connections,
        requests=requests,
        errors=errors,
        requests_per_second=float(_match(r"Requests/sec:\s+([\d.]+)", output)),
        latency_ms_p50=_latency_ms(_match(r"\n\s+50%\s+(\S+)", output, "")),
        latency_ms_p99=_latency_ms(_match(r"\n\s+99%\s+(\S+)", output, "")),
    )


def _match(pattern: str, text: str, default: str | None = None) -> str:
    found = re.search(pattern, text)
    if found:
        return found.group(1)
    if default is None:
        raise RuntimeError(f"Unexpected wrk output (no {pattern!r}):\n{text}")
    return default


def _duration_seconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def _latency_ms(value: str) -> float | None:
    if not value:
        return None
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 1e-3, "ms": 1.0, "s": 1000.0}[unit]


async def run_python(
    url: str, seconds: float, connections: int, headers: dict[str, str]
) -> LoadResult:
    """A closed-loop client: each of ``connections`` workers sends one request at a time,
    on a new connection each time (gunicorn's sync workers close after every response)."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode()
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        while time.perf_counter() < deadline and len(latencies) + errors < MAX_REQUESTS:
            started = time.perf_counter()
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
                writer.write(raw)
                await writer.drain()
                response = await asyncio.wait_for(reader.read(-1), 5)
                writer.close()
            except (OSError, TimeoutError):
                errors += 1
                continue
            if response.startswith((b"HTTP/1.1 2", b"HTTP/1.0 2")):
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return LoadResult(
        tool="python-asyncio",
        url=url,
        seconds=elapsed,
        connections=connections,
        requests=len(latencies) + errors,
        errors=errors,
        requests_per_second=len(latencies) / elapsed if elapsed else 0.0,
        latency_ms_p50=ordered[len(ordered) // 2] if ordered else None,
        latency_ms_p99=ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        if ordered
        else None,
    )
