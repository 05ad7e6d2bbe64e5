"""The SQLite half of :mod:`pages.search_backend`: titles weighted in FTS5's ``bm25()``.

Only imported on SQLite: Wagtail's SQLite search module defines models that do not exist on
PostgreSQL, and importing it there fails.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.sql.compiler import SQLCompiler
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
