"""Fixtures for the audit tests: a local HTTP server serving pages the test defines.

``local_site`` is a plain ``ThreadingHTTPServer`` on 127.0.0.1 (a free port), serving routes
added by the test::

    local_site.route("/", "<!doctype html>...")                        # 200 text/html
    local_site.route("/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    local_site.route("/old", status=301, headers={"Location": "/new"})
    local_site.route("/slow", "...", delay=10)                         # answers after 10 s
    url = local_site.url("/")

The same server answers as ``localhost`` too, which is another host as far as the audit's
allowed hosts are concerned (``local_site.url("/", host="localhost")``). Every request is
logged in ``local_site.requests`` as ``(path, user_agent)``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from django.db import connection


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    #: Seconds to wait before answering (cut short when the server stops).
    delay: float = 0.0
    #: Called with the request handler before answering (to kill a browser mid-run, say).
    on_request: Callable[[BaseHTTPRequestHandler], None] | None = None
    #: Without a Content-Length the body ends when the connection closes.
    send_length: bool = True


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[BaseHTTPRequestHandler], Route]] = {}
        self.requests: list[tuple[str, str]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/", *, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(
        self,
        path: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        on_request: Callable[[BaseHTTPRequestHandler], None] | None = None,
        send_length: bool = True,
    ) -> str:
        """Serve ``body`` at ``path``; returns the page's URL."""
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        self.routes[path] = Route(
            status=status,
            headers=all_headers,
            body=body.encode() if isinstance(body, str) else body,
            delay=delay,
            on_request=on_request,
            send_length=send_length,
        )
        return self.url(path)

    def dynamic(self, path: str, respond: Callable[[BaseHTTPRequestHandler], Route]) -> str:
        """Answer ``path`` with whatever ``respond(request_handler)`` returns."""
        self.routes[path] = respond
        return self.url(path)

    def requested(self, path: str) -> int:
        """How many times ``path`` was requested."""
        with self._lock:
            return sum(1 for requested, _ in self.requests if requested == path)

    def log(self, path: str, user_agent: str) -> None:
        with self._lock:
            self.requests.append((path, user_agent))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()  # Ends the delays of hanging requests.
        self.server.shutdown()
        self.server.server_close()


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.log(self.path, self.headers.get("User-Agent", ""))
            found = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
            if found is None:
                route = Route(status=404, headers={"Content-Type": "text/plain"}, body=b"nope")
            else:
                route = found if isinstance(found, Route) else found(self)
            if route.on_request is not None:
                route.on_request(self)
            if route.delay and site.stopping.wait(route.delay):
                return
            try:
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if not route.send_length:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                elif "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # The client gave up (a timeout), as it may.

        def log_message(self, format: str, *args: object) -> None:
            pass  # Quiet: pytest shows the test's own output.

    return Handler


@pytest.fixture
def local_site() -> Iterator[LocalSite]:
    """A local HTTP server serving the test's own routes (see the module docstring)."""
    site = LocalSite()
    site.start()
    yield site
    site.stop()


def manage_py_env() -> dict[str, str]:
    """The environment for a `manage.py` subprocess that uses this test's database.

    Only PostgreSQL can be shared with a subprocess (pytest's SQLite test database lives in
    memory), so the test is skipped elsewhere. The dev settings, not the test ones: they queue
    tasks in the database, and nothing but DATABASE_URL differs from a real deployment.
    """
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip(
            "Needs PostgreSQL (DATABASE_URL=postgres://...): a subprocess cannot share "
            "pytest's in-memory SQLite test database."
        )
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clearway.settings.dev",
        "DATABASE_URL": f"postgres://{user}:{password}@{host}/{quote(db['NAME'], safe='')}",
        "PYTHONUNBUFFERED": "1",
    }
