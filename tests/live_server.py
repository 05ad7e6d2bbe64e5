"""Live servers for browser tests that take turns on in-memory SQLite's one connection.

pytest-django's live server (Django's ``LiveServerThread``) serves each request in a thread
of its own. On PostgreSQL each thread has its own connection, but an in-memory SQLite test
database exists only in the test's one connection, which the server's threads then share, and
the test's own thread with them. When a page makes two requests at once (the page editor's
preview and its Checks panel), the two threads interleave statements on that connection and
SQLite answers "cannot open savepoint - SQL statements in progress" or "bad parameter or other
API misuse".

So, on in-memory SQLite, every use of the connection takes one lock: the server holds it for
the whole of each request (:class:`OneRequestAtATimeServer`), the test's thread for each
statement (:func:`take_turns`); it is re-entrant, so a request's own statements pass.
Connections are still accepted and read by threads of their own (Chromium opens sockets it
may never use, which would stall a single-threaded server). No view that a browser test
reaches may wait on another request to the same server (the audit is never run inside a
request in these tests), or it would wait forever.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.servers.basehttp import ThreadedWSGIServer
from django.db.backends.base.base import BaseDatabaseWrapper

WSGIApplication = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: One for every server and the test's thread: they all share the one connection.
TURNS = threading.RLock()


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """A ``ThreadedWSGIServer`` whose application runs under :data:`TURNS`."""

    def set_app(self, application: WSGIApplication) -> None:
        def one_at_a_time(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            # Django's responses are built by the time the application returns, except
            # streamed ones (static files), which read no database.
            with TURNS:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


def _in_turn(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
    with TURNS:
        return execute(sql, params, many, context)


@contextmanager
def take_turns(connections: Iterable[BaseDatabaseWrapper]) -> Iterator[None]:
    """Every statement on ``connections`` waits for :data:`TURNS` (Django's execute wrappers)."""
    shared = list(connections)
    for connection in shared:
        connection.execute_wrappers.append(_in_turn)
    try:
        yield
    finally:
        for connection in shared:
            connection.execute_wrappers.remove(_in_turn)


def shared_sqlite_connections() -> list[BaseDatabaseWrapper]:
    """The connections the live server's threads would share with the test."""
    from django.db import connections

    return [
        conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
    ]
