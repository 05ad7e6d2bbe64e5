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

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler
from wagtail.search.backends.base import BaseSearchBackend
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.sqlite.query import BM25
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Not, Phrase, PlainText, SearchQuery

#: How many times a word in a page's title counts for more than the same word in its body.
TITLE_WEIGHT = 10.0


class WeightedBM25(BM25):
    """FTS5's ``bm25()`` with a weight for each column of Wagtail's FTS table, in its order:
    autocomplete (never searched by full-text queries), body, title."""

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, list[Any]]:
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT:.1f})", []


class WeightedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def get_search_vectors(self) -> list[tuple[Any, float]]:
        # Wagtail multiplies the rank by (title_norm + 1), where title_norm is the average title
        # length over this title's length, whatever column matched: short titles won every
        # search ("Parking" above "Apply for a Blue Badge" for "blue badge", on a word in its
        # summary). bm25() already allows for each column's length, so it is used alone.
        return [(None, 1.0)]

    def build_tsrank(
        self, vector: Any, query: SearchQuery, config: Any = None, boost: float = 1.0
    ) -> Any:
        # Wagtail's own method, with the weighted bm25() for the leaves of the query; And and
        # Or are left to it (it calls back here for their parts).
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler


def SearchBackend(params: dict[str, Any]) -> BaseSearchBackend:
    """Wagtail's choice of backend for the database in use, weighted on SQLite with FTS5."""
    backend = database_backend(params)
    if type(backend) is SQLiteSearchBackend:
        return WeightedSQLiteSearchBackend(params)
    return backend
