"""A live server for browser tests that answers one request at a time on in-memory SQLite.

pytest-django's live server (Django's ``LiveServerThread``) serves each request in a thread
of its own. On PostgreSQL each thread has its own connection, but an in-memory SQLite test
database exists only in the test's one connection, which the server's threads then share.
When a page makes two requests at once (the page editor's preview and its Checks panel),
the two threads interleave statements on that connection and SQLite answers "cannot open
savepoint - SQL statements in progress" or "bad parameter or other API misuse".

Connections are still accepted and read by threads of their own (Chromium opens sockets it
may never use, which would stall a single-threaded server); only the application is run one
request at a time. No view that a browser test reaches may wait on another request to the
same server (the audit is never run inside a request in these tests), or it would wait
forever.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.servers.basehttp import ThreadedWSGIServer

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """A ``ThreadedWSGIServer`` whose application runs under one lock."""

    def set_app(self, application: WSGIApplication) -> None:
        lock = threading.Lock()

        def one_at_a_time(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            # Django's responses are built by the time the application returns, except
            # streamed ones (static files), which read no database.
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


def shares_one_sqlite_connection() -> bool:
    """Whether the live server's threads would share the test's database connection."""
    from django.db import connections

    return any(conn.vendor == "sqlite" and conn.is_in_memory_db() for conn in connections.all())
