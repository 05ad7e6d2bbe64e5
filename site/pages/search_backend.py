"""Wagtail's database search backend, with titles counting for more on SQLite too.

On PostgreSQL, Wagtail turns each search field's ``boost`` into tsvector weights, so the
``search_fields`` of the page models decide the ranking. Wagtail's SQLite backend ignores boosts:
it ranks with FTS5's ``bm25()`` weighting every column alike, so a page that says "grit bins"
three times in its body outranked one called "What goes in each bin". This backend is Wagtail's
``wagtail.search.backends.database`` unchanged, except that on SQLite ``bm25()`` is given column
weights: a match in the title counts ``TITLE_WEIGHT`` times a match in the body (which, on
SQLite, holds the summary and the body together), and the rank is not multiplied by a bonus for
short titles.

Use it as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]``; it takes the same options.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from wagtail.search.backends.base import BaseSearchBackend
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params: dict[str, Any]) -> BaseSearchBackend:
    """Wagtail's choice of backend for the database in use, weighted on SQLite with FTS5."""
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported only on SQLite: Wagtail's SQLite search module cannot be imported on PostgreSQL.
    from pages.search_sqlite import SQLiteSearchBackend, WeightedSQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:  # not the fallback for an SQLite without FTS5
        return WeightedSQLiteSearchBackend(params)
    return backend
