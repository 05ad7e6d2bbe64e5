"""Excluded URL patterns (Settings > Accessibility audit): paths the nightly audit skips.

The syntax, one pattern per line:

- a pattern is a path starting with ``/``, matched against the whole path of the page's URL
  (never its host or query string), case-sensitively as paths are;
- ``*`` stands for any characters, none included, ``/`` included: ``/news/archive/*``
  excludes ``/news/archive/`` and everything under it;
- every other character is itself (``?``, ``[`` and ``.`` have no special meaning);
- blank lines, and lines starting with ``#`` (comments), are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

#: Longest pattern accepted: a pattern is a path, and paths are short.
MAX_PATTERN_LENGTH = 500


def parse_patterns(patterns: str) -> list[str]:
    """The patterns in ``patterns`` (the setting's text): stripped, without blanks and comments."""
    lines = (line.strip() for line in patterns.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pattern_errors(patterns: str) -> list[str]:
    """What is wrong with each bad line of ``patterns``, for the settings form."""
    errors = []
    for number, line in enumerate(patterns.splitlines(), start=1):
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        if "://" in pattern:
            errors.append(
                f"Line {number}: give the path only, without the address of the site "
                f"(for example {urlsplit(pattern).path or '/'}*)."
            )
        elif not pattern.startswith("/") and not pattern.startswith("*"):
            errors.append(f"Line {number}: a pattern starts with / (for example /{pattern}).")
        elif any(character.isspace() for character in pattern):
            errors.append(f"Line {number}: a pattern cannot contain spaces.")
        elif len(pattern) > MAX_PATTERN_LENGTH:
            errors.append(f"Line {number}: a pattern has at most {MAX_PATTERN_LENGTH} characters.")
    return errors


@lru_cache(maxsize=32)
def _compiled(patterns: str) -> re.Pattern[str] | None:
    """One regular expression for all the patterns (the setting rarely changes: cache it)."""
    parts = [
        ".*".join(re.escape(piece) for piece in p.split("*")) for p in parse_patterns(patterns)
    ]
    if not parts:
        return None
    return re.compile("|".join(f"(?:{part})" for part in parts))


def is_excluded(path: str, patterns: str) -> bool:
    """Whether ``path`` matches one of ``patterns`` (the setting's text, one per line).

    ``path`` may also be a whole URL: only its path is compared.
    """
    if "://" in path:
        path = urlsplit(path).path or "/"
    compiled = _compiled(patterns)
    return compiled is not None and compiled.fullmatch(path) is not None
