"""The tests' live server on in-memory SQLite runs one request at a time, still accepts
connections while one is being answered, and the test's statements wait for the request."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.servers.basehttp import WSGIRequestHandler

from tests.live_server import TURNS, OneRequestAtATimeServer, take_turns


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[int]]]:
    """A server whose application notes how many requests it is in at once."""
    inside = 0
    peaks: list[int] = []
    count = threading.Lock()

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        nonlocal inside
        with count:
            inside += 1
            peaks.append(inside)
        time.sleep(0.05)
        with count:
            inside -= 1
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]

    httpd = OneRequestAtATimeServer(("127.0.0.1", 0), _Quiet, allow_reuse_address=False)
    httpd.set_app(app)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", peaks
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_requests_are_answered_one_at_a_time(server: tuple[str, list[int]]) -> None:
    url, peaks = server
    with ThreadPoolExecutor(max_workers=6) as pool:
        bodies = list(pool.map(lambda _: urllib.request.urlopen(url, timeout=10).read(), range(6)))
    assert bodies == [b"ok"] * 6
    assert len(peaks) == 6
    assert max(peaks) == 1


def test_an_idle_connection_does_not_hold_up_the_others(server: tuple[str, list[int]]) -> None:
    """Chromium opens sockets it may never send on; a single-threaded server would wait on one."""
    url, _ = server
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=5):
        assert urllib.request.urlopen(url, timeout=5).read() == b"ok"


@pytest.mark.django_db
def test_the_tests_statements_wait_for_a_request_being_answered() -> None:
    from django.db import connection

    answering = threading.Event()
    answered_at: list[float] = []

    def request() -> None:
        with TURNS:
            answering.set()
            time.sleep(0.3)
            answered_at.append(time.monotonic())

    server_thread = threading.Thread(target=request)
    server_thread.start()
    answering.wait(5)
    with take_turns([connection]), connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        ran_at = time.monotonic()
    server_thread.join()
    assert answered_at and ran_at >= answered_at[0]
