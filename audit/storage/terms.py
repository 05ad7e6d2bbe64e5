"""The words to avoid as editors keep them in the admin (``PlainEnglishTerm`` rows)."""

from __future__ import annotations

from django.db import DatabaseError

from audit.checks.content.words import DEFAULT_TERMS, PlainTerm, terms_from_rows
from audit.storage.models import PlainEnglishTerm


def load_terms() -> tuple[PlainTerm, ...]:
    """The enabled ``PlainEnglishTerm`` rows; the default list when the table is empty or
    cannot be read (no database, or not migrated yet).

    One query: the audit loads the list once per run and passes it to each page's check.
    """
    try:
        rows = list(
            PlainEnglishTerm.objects.values_list("phrase", "alternatives", "note", "enabled")
        )
    except (DatabaseError, RuntimeError):  # RuntimeError: database access blocked (tests)
        return DEFAULT_TERMS
    if not rows:
        return DEFAULT_TERMS
    return terms_from_rows(
        [(phrase, alts, note) for phrase, alts, note, enabled in rows if enabled]
    )
