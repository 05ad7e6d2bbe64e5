"""English stemming for Wagtail's SQLite search index, so "bins" finds "bin collection".

PostgreSQL stems through the ``SEARCH_CONFIG`` setting of the search backend (settings/base.py).
Wagtail's SQLite backend has no such setting: its migration creates the FTS5 table with FTS5's
default tokenizer, which matches whole words only. FTS5 fixes the tokenizer when a table is
created, so this migration recreates the table with the Porter stemmer (``porter unicode61``:
Unicode-aware words, then English stems) and copies the index back in. FTS5 applies the same
tokenizer to queries, so the search code does not change. Wagtail's triggers on the index table
refer to the FTS table by name and keep working. Nothing happens on other databases, or where
SQLite has no FTS5 (Wagtail then searches without it).
"""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

INDEX_TABLE = "wagtailsearch_indexentry"
FTS_TABLE = f"{INDEX_TABLE}_fts"
COLUMNS = "autocomplete, body, title"


def fts_table_exists(schema_editor: BaseDatabaseSchemaEditor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def recreate(schema_editor: BaseDatabaseSchemaEditor, tokenize: str | None) -> None:
    if schema_editor.connection.vendor != "sqlite" or not fts_table_exists(schema_editor):
        return
    options = f", tokenize = '{tokenize}'" if tokenize else ""
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({COLUMNS}{options})")
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM {INDEX_TABLE}"  # noqa: S608
    )


def stem(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    recreate(schema_editor, "porter unicode61")


def unstem(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    recreate(schema_editor, None)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stem, unstem, elidable=False)]
