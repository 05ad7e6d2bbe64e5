"""Excluded URL patterns: the syntax the settings screen explains, and its validation."""

from __future__ import annotations

import pytest

from audit.engine.exclusions import is_excluded, parse_patterns, pattern_errors

PATTERNS = """
# Old news is not maintained.
/news/archive/*
/search/
*/print/
/files/report?.html
"""


@pytest.mark.parametrize(
    ("path", "excluded"),
    [
        ("/news/archive/2019/flood/", True),
        ("/news/archive/x", True),
        ("/news/archive/", True),  # the star also stands for nothing
        ("/news/", False),
        ("/search/", True),
        ("/search/results/", False),  # no star: exactly that path
        ("/bins/print/", True),
        ("/print/", True),
        ("/files/report?.html", True),  # ? is a plain character
        ("/files/reportX.html", False),
        ("/News/archive/1/", False),  # paths are case-sensitive
        ("https://www.anytown.gov.uk/news/archive/1/", True),  # a URL: its path only
        ("https://www.anytown.gov.uk/search/?q=bins", True),  # the query string is ignored
    ],
)
def test_is_excluded(path: str, excluded: bool) -> None:
    assert is_excluded(path, PATTERNS) is excluded


def test_no_patterns_exclude_nothing() -> None:
    assert not is_excluded("/", "")
    assert not is_excluded("/anything/", "\n   \n# only a comment\n")


def test_regular_expression_characters_are_literal() -> None:
    assert is_excluded("/a.b/", "/a.b/")
    assert not is_excluded("/aXb/", "/a.b/")
    assert is_excluded("/(x)+[y]/", "/(x)+[y]/")


def test_parse_patterns_drops_blanks_and_comments() -> None:
    assert parse_patterns(PATTERNS) == [
        "/news/archive/*",
        "/search/",
        "*/print/",
        "/files/report?.html",
    ]


def test_pattern_errors_name_the_line() -> None:
    errors = pattern_errors(
        "/fine/*\nnews/*\nhttps://www.anytown.gov.uk/news/*\n/two words/\n# a note\n"
    )
    assert len(errors) == 3
    assert errors[0].startswith("Line 2: a pattern starts with /")
    assert errors[1].startswith("Line 3: give the path only") and "/news/*" in errors[1]
    assert errors[2] == "Line 4: a pattern cannot contain spaces."
    assert pattern_errors(PATTERNS) == []
