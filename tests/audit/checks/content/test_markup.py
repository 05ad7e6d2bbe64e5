"""Justified text, presentational elements, duplicate referenced ids, access keys, and
titles that differ from alt text."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

JUSTIFIED = "clearway-justified-text"
PRESENTATIONAL = "clearway-presentational-element"
DUPLICATE = "clearway-duplicate-id-reference"
ACCESSKEY = "clearway-accesskey"
TITLE_ALT = "clearway-title-differs-from-alt"
MARKUP_RULES = (JUSTIFIED, PRESENTATIONAL, DUPLICATE, ACCESSKEY, TITLE_ALT)

PROSE = "We collect your bins every week. Put them out by 7am on your collection day, please."

GOOD_MARKUP = {
    "GOV.UK centred button styles": (
        '<p class="govuk-body" style="text-align: center">Or call us.</p>'
        f'<p class="govuk-body">{PROSE}</p>'
    ),
    "table cells justified in a style sheet": "",
    "ids only one element has": (
        '<a href="#fees">Fees</a><h2 id="fees">Fees</h2><table><tr><th id="h1">Item</th></tr>'
        '<tr><td headers="h1">Bin</td></tr></table>'
    ),
    "duplicate ids nothing points to (a WordPress widget twice)": (
        '<div id="widget-1"><p>One</p></div><div id="widget-1"><p>Two</p></div>'
    ),
    "image with matching title": '<img src="/a.jpg" alt="The town hall" title="The town hall.">',
    "image with alt and no title": '<img src="/a.jpg" alt="The town hall">',
    "semantic emphasis": f"<p><strong>Important:</strong> {PROSE}</p>",
}


@pytest.mark.parametrize("body", GOOD_MARKUP.values(), ids=GOOD_MARKUP.keys())
def test_accessible_markup_passes(body: str) -> None:
    html = page(body, head="<style>td { text-align: justify } .btn { text-align: justify }</style>")
    assert [(r, issues(html, r)) for r in MARKUP_RULES if issues(html, r)] == []


@pytest.mark.parametrize(
    "body, head",
    [
        (f'<p style="text-align: justify;">{PROSE}</p>', ""),
        (f'<div style="TEXT-ALIGN:justify"><p>{PROSE}</p><p>{PROSE}</p></div>', ""),
        (f'<p align="justify">{PROSE}</p>', ""),
        (f"<p>{PROSE}</p>", "<style>/* body */ .entry-content p { text-align: justify; }</style>"),
        (f"<p>{PROSE}</p>", "<style>@media (min-width: 40em) { p { text-align:justify } }</style>"),
    ],
)
def test_justified_text(body: str, head: str) -> None:
    (found,) = issues(page(body, head=head), JUSTIFIED)
    assert found.outcome == Outcome.VIOLATION


def test_a_short_justified_line_is_not_reported() -> None:
    assert issues(page('<p style="text-align: justify">Opening times</p>'), JUSTIFIED) == []


@pytest.mark.parametrize(
    "body, reported",
    [
        ('<p><font color="red" size="4">Closed today</font></p>', 1),
        ("<center><p>Welcome</p></center>", 1),
        ('<p><font face="Arial"><font color="red">Nested</font></font></p>', 1),
        ("<p><big>Big</big> and <tt>typed</tt></p>", 2),
        ("<p><strike>£10</strike> £8</p>", 1),
        ("<p><s>£10</s> <del>£9</del> £8</p>", 0),
    ],
)
def test_presentational_elements(body: str, reported: int) -> None:
    found = issues(page(body), PRESENTATIONAL)
    assert len(found) == reported
    assert all(f.outcome == Outcome.VIOLATION for f in found)


def test_duplicate_id_named_by_table_headers_is_a_failure() -> None:
    table = (
        '<table><tr><th id="item">Item</th><th id="item">Cost</th></tr>'
        '<tr><td headers="item">Bin</td><td headers="item">£30</td></tr></table>'
    )
    (found,) = issues(page(table), DUPLICATE)
    assert found.outcome == Outcome.VIOLATION
    assert "Cost" in found.html or 'id="item"' in found.html


def test_duplicate_id_a_link_goes_to_is_to_review() -> None:
    body = '<a href="#fees">Fees</a><h2 id="fees">Fees</h2><p id="fees">Old fees</p>'
    (found,) = issues(page(body), DUPLICATE)
    assert found.outcome == Outcome.NEEDS_REVIEW


def test_duplicate_id_named_by_a_label_is_left_to_axe() -> None:
    body = '<label for="q">Search</label><input id="q"><input id="q" aria-label="Other">'
    assert issues(page(body), DUPLICATE) == []


def test_a_reference_that_reaches_a_duplicate_elsewhere_is_a_failure() -> None:
    # A WordPress block repeated: the second form's hint has the first form's id.
    form = (
        '<form class="wp-block-search"><label for="{f}">{label}</label>'
        '<p id="pc-hint">{hint}</p><input id="{f}" aria-describedby="pc-hint"></form>'
    )
    body = form.format(f="a", label="Postcode", hint="For example, AB1 2CD") + form.format(
        f="b", label="Your reference", hint="It is on your letter"
    )
    (found,) = issues(page(body), DUPLICATE)
    assert found.outcome == Outcome.VIOLATION
    assert "It is on your letter" not in found.html and 'id="pc-hint"' in found.html
    assert "aria-describedby" in found.message


def test_a_label_for_a_repeated_field_id_fails_only_when_it_reaches_the_wrong_field() -> None:
    group = '<div class="lgd-field"><label for="email">{label}</label><input id="email"></div>'
    two = group.format(label="Your email") + group.format(label="Their email")
    (found,) = issues(page(two), DUPLICATE)
    assert found.outcome == Outcome.VIOLATION and "for attribute" in found.message
    # Each reference sits nearest the first element with its id: nothing is misdirected.
    alone = '<div><label for="q">Search</label><input id="q" aria-describedby="h">'
    alone += '<p id="h">Hint</p></div><p id="h">Old hint</p><input id="q" aria-label="Other">'
    assert issues(page(alone), DUPLICATE) == []


def test_accesskey_is_to_review() -> None:
    (found,) = issues(page('<a href="/search" accesskey="4">Search</a>'), ACCESSKEY)
    assert found.outcome == Outcome.NEEDS_REVIEW
    assert issues(page('<a href="/search" accesskey="">Search</a>'), ACCESSKEY) == []


@pytest.mark.parametrize(
    "image",
    [
        '<img src="/a.jpg" alt="The town hall" title="The town hall, built in 1887">',
        '<img src="/chart.png" alt="" title="Recycling rose to 52% in 2024">',
    ],
)
def test_title_that_differs_from_alt_is_to_review(image: str) -> None:
    (found,) = issues(page(f"<p>{image}</p>"), TITLE_ALT)
    assert found.outcome == Outcome.NEEDS_REVIEW


def test_justified_styles_for_what_the_page_does_not_have_are_not_reported() -> None:
    # WordPress inlines its block library's classes on every page, used or not.
    head = "<style>.has-text-align-justify{text-align:justify;}</style>"
    assert issues(page(f"<p>{PROSE}</p>", head=head), JUSTIFIED) == []
    used = page(f'<p class="has-text-align-justify">{PROSE}</p>', head=head)
    assert len(issues(used, JUSTIFIED)) == 1
