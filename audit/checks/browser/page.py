"""Page title (WCAG 2.4.2) and language (WCAG 3.1.1): what axe-core cannot judge.

axe-core already reports a missing or empty title (``document-title``) and a missing or invalid
``lang`` (``html-has-lang``, ``html-lang-valid``, ``html-xml-lang-mismatch``); these rules do not
repeat them. They add:

* a title that is a placeholder ("Untitled", "Page", "Home" on a page that is not the home
  page, a file name or a web address), whether alone or before the site's name
  ("Page | Anytown Council"). A title that differs from the h1 is *not* reported: councils
  shorten titles and add the site name, and the two often differ for good reasons. The
  content rule ``clearway-page-title-descriptive`` judges the served ``<title>`` the same
  way; while it is enabled this rule stays quiet on titles, so a placeholder is reported
  once. It is the fallback when that rule is disabled;
* a declared language that the page's text clearly contradicts, guessed from common words
  (:mod:`.language`) over the main content, leaving out passages marked with another ``lang``.
  Reported only when the guess is confident (enough words, a clear winner) and the declared
  language is one the guesser knows.
"""

from __future__ import annotations

import re
from typing import Any

from audit.checks.browser.base import Context, Request, issue, run_requests
from audit.checks.browser.language import STOP_WORDS, confident, guess_language
from audit.checks.browser.rules import PAGE_LANGUAGE, PAGE_TITLE
from audit.checks.catalogue import all_rules
from audit.checks.issues import Issue
from audit.checks.placeholder_titles import HOME_TITLES

RULES = (PAGE_TITLE.id, PAGE_LANGUAGE.id)

#: The content rule (audit.checks.content) that judges the served ``<title>`` the same way;
#: while it is on, this rule leaves titles to it (see :func:`_content_rule_covers_titles`).
CONTENT_TITLE_RULE = "clearway-page-title-descriptive"

#: Words the sample of the page's text is cut at.
MAX_WORDS = 1500

#: Separators between a page's own title and the site's name.
_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u2022\u00bb/]\s+|\s*\|\s*")
_HOME_PATH = re.compile(r"^/?(index\.\w+|default\.\w+|[a-z]{2}(-[a-z]{2,4})?/?)?$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w\-. ]+\.(html?|php|aspx?|jsp|cfm|shtml)$", re.IGNORECASE)
_ADDRESS = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)

LANGUAGE_NAMES = {
    "en": "English",
    "cy": "Welsh",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "pl": "Polish",
}


def request(context: Context) -> Request | None:
    """The page script and how to read its answer, or None when both rules are off."""
    wanted_title = context.enabled(PAGE_TITLE.id) and not _content_rule_covers_titles(context)
    wanted_language = context.enabled(PAGE_LANGUAGE.id)
    if not (wanted_title or wanted_language):
        return None
    generic = frozenset(_normal(t) for t in context.options(PAGE_TITLE.id)["generic_titles"])
    language_options = context.options(PAGE_LANGUAGE.id)

    def interpret(page: dict[str, Any]) -> list[Issue]:
        found: list[Issue] = []
        title = str(page.get("title") or "")
        problem = wanted_title and title_problem(title, str(page.get("path") or "/"), generic)
        if problem:
            found.append(
                issue(
                    PAGE_TITLE.id,
                    {"selector": "title", "html": page.get("titleHtml", ""), "message": problem},
                )
            )
        words = page.get("words") or []
        problem = wanted_language and language_problem(
            str(page.get("lang") or ""), words, language_options
        )
        if problem:
            found.append(
                issue(
                    PAGE_LANGUAGE.id,
                    {"selector": "html", "html": page.get("htmlTag", ""), "message": problem},
                )
            )
        return found

    return Request("page", [MAX_WORDS if wanted_language else 0], interpret)


def check(context: Context) -> list[Issue]:
    return run_requests(context, [request(context)])


def _content_rule_covers_titles(context: Context) -> bool:
    """Whether the content rule that judges the served ``<title>`` is on: the same problem
    must not be reported twice, and that rule also runs in the editor."""
    return CONTENT_TITLE_RULE in all_rules() and context.enabled(CONTENT_TITLE_RULE)


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def title_problem(title: str, path: str, generic: frozenset[str]) -> str | None:
    """Why ``title`` does not describe the page at ``path``, or None if it may."""
    title = " ".join(title.split())
    if not title:
        return None  # axe-core's document-title reports it
    first = _SEPARATOR.split(title)[0].strip() or title
    home = bool(_HOME_PATH.match(path))
    for candidate in (title, first):
        normal = _normal(candidate)
        if normal in HOME_TITLES and home:
            return None
        if normal in generic or not normal:
            return (
                f'The page title "{title}" is a placeholder: it does not say what the page is '
                "about."
            )
        if _FILE_NAME.match(candidate) or _ADDRESS.match(candidate):
            return (
                f'The page title "{title}" is a file name or web address, not a description of '
                "the page."
            )
    return None


def language_problem(declared: str, words: list[str], options: dict[str, Any]) -> str | None:
    """Why the declared language does not fit the text, or None when it does (or we can't tell)."""
    primary = declared.split("-")[0].split("_")[0].lower()
    if not primary or primary not in STOP_WORDS:
        return None  # missing or invalid: axe-core's; unknown to the guesser: no opinion
    guess = guess_language(words)
    if guess is None or guess.language == primary:
        return None
    if not confident(
        guess, int(options["min_words"]), float(options["min_share"]), float(options["min_ratio"])
    ):
        return None
    return (
        f'The page declares its language as "{declared}" '
        f"({LANGUAGE_NAMES.get(primary, primary)}), but its text is in "
        f"{LANGUAGE_NAMES.get(guess.language, guess.language)}: screen readers will read it "
        "with the wrong voice."
    )
