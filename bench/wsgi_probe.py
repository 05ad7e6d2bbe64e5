"""A WSGI wrapper the benchmarks serve with gunicorn, so they can ask a real server worker
how many SQL queries a request ran.

``CLEARWAY_BENCH_WSGI_TARGET`` names the application to wrap (``module:attribute``). A request
with the header ``X-Bench-Count-Queries`` gets back ``X-Bench-Queries: N``; every other
request goes straight to the application, at the cost of one dictionary look-up.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from typing import Any

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def _load_target() -> WSGIApp:
    module_name, _, attribute = os.environ["CLEARWAY_BENCH_WSGI_TARGET"].partition(":")
    return getattr(importlib.import_module(module_name), attribute or "application")


_target = _load_target()


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    if "HTTP_X_BENCH_COUNT_QUERIES" not in environ:
        return _target(environ, start_response)

    from django.db import connections

    count = 0

    def counting(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        # Django calls start_response once the response is built, after the view's queries.
        return start_response(status, [*headers, ("X-Bench-Queries", str(count))], exc_info)

    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(counting))
        result = _target(environ, start)
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
    return [body]
