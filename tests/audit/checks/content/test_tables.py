"""Table rules: headers, scope, layout tables, nested tables, ragged rows, names."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

HEADERS = "clearway-table-headers"
SCOPE = "clearway-table-header-scope"
LAYOUT = "clearway-layout-table"
NESTED = "clearway-nested-table"
ROWS = "clearway-table-row-cells"
NAME = "clearway-table-name"
TABLE_RULES = (HEADERS, SCOPE, LAYOUT, NESTED, ROWS, NAME)

BANDS = (
    "<tr><td>A</td><td>£1,200</td></tr><tr><td>B</td><td>£1,400</td></tr>"
    "<tr><td>C</td><td>£1,600</td></tr>"
)

#: Accessible tables as other sites write them: none of the table rules reports them.
GOOD_TABLES = {
    "GOV.UK design system": (
        '<table class="govuk-table"><caption class="govuk-table__caption '
        'govuk-table__caption--m">Council tax bands</caption><thead class="govuk-table__head">'
        '<tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Band</th>'
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Charge</th>'
        '</tr></thead><tbody class="govuk-table__body"><tr class="govuk-table__row">'
        '<td class="govuk-table__cell">A</td><td class="govuk-table__cell">£1,200</td></tr>'
        '<tr class="govuk-table__row"><td class="govuk-table__cell">B</td>'
        '<td class="govuk-table__cell">£1,400</td></tr></tbody></table>'
    ),
    "GOV.UK two-axis with scope": (
        '<table class="govuk-table"><caption>Bin days</caption><thead><tr><td></td>'
        '<th scope="col">Week 1</th><th scope="col">Week 2</th></tr></thead><tbody>'
        '<tr><th scope="row">Monday</th><td>Blue</td><td>Green</td></tr>'
        '<tr><th scope="row">Tuesday</th><td>Grey</td><td>Blue</td></tr></tbody></table>'
    ),
    "LocalGov Drupal body table": (
        '<div class="field field--name-body"><h2>Opening times</h2><table class="table">'
        "<thead><tr><th>Day</th><th>Opens</th><th>Closes</th></tr></thead><tbody>"
        "<tr><td>Monday</td><td>9am</td><td>5pm</td></tr>"
        "<tr><td>Saturday</td><td>10am</td><td>1pm</td></tr></tbody></table></div>"
    ),
    "WordPress Gutenberg table": (
        '<figure class="wp-block-table"><table class="has-fixed-layout"><thead><tr>'
        "<th>Library</th><th>Phone</th></tr></thead><tbody><tr><td>Central</td>"
        "<td>01632 960000</td></tr><tr><td>Northvale</td><td>01632 960001</td></tr></tbody>"
        '</table><figcaption class="wp-element-caption">Library phone numbers</figcaption>'
        "</figure>"
    ),
    "key and value table (row headers only)": (
        '<table><tr><th scope="row">Reference</th><td>PL/2024/0012</td></tr>'
        '<tr><th scope="row">Status</th><td>Decided</td></tr></table>'
    ),
    "presentational layout table": (
        '<table role="presentation"><tr><td><h2>News</h2><ul><li>One</li></ul></td>'
        "<td><form><label for='q'>Search</label><input id='q'></form></td></tr></table>"
    ),
    "totals row spanning columns": (
        "<table><caption>Fees</caption><thead><tr><th>Item</th><th>Qty</th><th>Cost</th>"
        "</tr></thead><tbody><tr><td>Bin</td><td>1</td><td>£30</td></tr></tbody><tfoot><tr>"
        '<td colspan="2">Total</td><td>£30</td></tr></tfoot></table>'
    ),
    "rowspan filling the grid": (
        "<table><caption>Rota</caption><tr><th>Day</th><th>Crew</th><th>Area</th></tr>"
        '<tr><td rowspan="2">Monday</td><td>A</td><td>North</td></tr>'
        "<tr><td>B</td><td>South</td></tr></table>"
    ),
    "ARIA grid left to its authors": ('<table role="grid"><tr><td>1</td><td>2</td></tr>'
                                      "<tr><td>3</td><td>4</td></tr></table>"),
    "hidden table": f'<table hidden><caption>Bands</caption>{BANDS}</table>',
}  # fmt: skip


@pytest.mark.parametrize("body", GOOD_TABLES.values(), ids=GOOD_TABLES.keys())
def test_accessible_tables_pass(body: str) -> None:
    html = page(body)
    assert [(r, issues(html, r)) for r in TABLE_RULES if issues(html, r)] == []


@pytest.mark.parametrize(
    "table, outcome",
    [
        (f"<table><caption>Bands</caption>{BANDS}</table>", Outcome.VIOLATION),
        (f"<table><thead><tr><td>Band</td><td>Charge</td></tr></thead>{BANDS}</table>",
         Outcome.VIOLATION),
        (f'<table summary="Council tax bands">{BANDS}</table>', Outcome.VIOLATION),
        ("<table><tr><td><strong>Band</strong></td><td><b>Charge</b></td></tr>"
         f"{BANDS}</table>", Outcome.VIOLATION),
        (f"<table>{BANDS}</table>", Outcome.NEEDS_REVIEW),
        # WordPress's default table block has no header section.
        (f'<figure class="wp-block-table"><table><tbody>{BANDS}</tbody></table></figure>',
         Outcome.NEEDS_REVIEW),
    ],
)  # fmt: skip
def test_tables_without_headers(table: str, outcome: Outcome) -> None:
    (found,) = issues(page(table), HEADERS)
    assert found.outcome == outcome
    assert issues(page(table), LAYOUT) == []


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr><td>Only one cell</td></tr></table>",
        "<table><tr><td>A</td></tr><tr><td>B</td></tr></table>",
        '<table role="none"><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table>',
        # A bold first row that is not all bold is not taken for headers.
        "<table><tr><td><strong>Band</strong> A</td><td>x</td></tr><tr><td>1</td><td>2</td>"
        "</tr></table>",
    ],
)
def test_tables_that_are_not_data_tables_without_headers(table: str) -> None:
    found = issues(page(table), HEADERS)
    assert all(f.outcome == Outcome.NEEDS_REVIEW for f in found)
    assert len(found) <= 1


def test_two_axis_table_without_scope_is_to_review() -> None:
    table = (
        "<table><caption>Bin days</caption><tr><td></td><th>Week 1</th><th>Week 2</th></tr>"
        "<tr><th>Monday</th><td>Blue</td><td>Green</td></tr>"
        "<tr><th>Tuesday</th><td>Grey</td><td>Blue</td></tr></table>"
    )
    (found,) = issues(page(table), SCOPE)
    assert found.outcome == Outcome.NEEDS_REVIEW
    with_headers = table.replace("<td>Blue</td>", '<td headers="a">Blue</td>')
    assert issues(page(with_headers), SCOPE) == []
    # Headers only across the top: one direction, nothing to say which way.
    assert issues(page(table.replace("<th>Monday", "<td>Monday")), SCOPE) == []


@pytest.mark.parametrize(
    "table, reason",
    [
        ("<table><tr><td><label for='n'>Name</label></td><td><input id='n'></td></tr>"
         "<tr><td><label for='e'>Email</label></td><td><input id='e'></td></tr></table>",
         "form"),
        ("<table><tr><td><h2>News</h2><p>Story</p></td><td><h2>Events</h2></td></tr></table>",
         "<h2>"),
        ("<table><tr><td>Menu</td></tr><tr><td>Content</td></tr></table>", "single column"),
        ("<table><tr><td><table><tr><td>1</td><td>2</td></tr></table></td><td>x</td></tr>"
         "</table>", "another table"),
    ],
)  # fmt: skip
def test_layout_tables_are_to_review(table: str, reason: str) -> None:
    found = issues(page(table), LAYOUT)
    assert found and all(f.outcome == Outcome.NEEDS_REVIEW for f in found)
    assert reason in found[0].message
    assert issues(page(table), HEADERS) == []


def test_nested_tables() -> None:
    inner = "<table><tr><th>Day</th><th>Bin</th></tr><tr><td>Mon</td><td>Blue</td></tr></table>"
    outer = (
        f"<table><tr><th>Area</th><th>Days</th></tr><tr><td>North</td><td>{inner}</td></tr></table>"
    )
    (found,) = issues(page(outer), NESTED)
    assert found.outcome == Outcome.NEEDS_REVIEW
    presentational = outer.replace("<table>", '<table role="presentation">', 1)
    assert issues(page(presentational), NESTED) == []


def test_a_row_longer_than_the_header_row_is_a_failure() -> None:
    table = (
        "<table><caption>Bands</caption><tr><th>Band</th><th>Charge</th></tr>"
        "<tr><td>A</td><td>£1,200</td><td>£100 off</td></tr></table>"
    )
    (found,) = issues(page(table), ROWS)
    assert found.outcome == Outcome.VIOLATION
    assert "3 columns" in found.message and "header row has 2" in found.message


@pytest.mark.parametrize(
    "table, reported",
    [
        # A short row: values may sit under the wrong header.
        ("<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td>1</td><td>2</td></tr></table>",
         1),
        # A rowspan fills the row below: the grid is even.
        ('<table><tr><th>A</th><th>B</th></tr><tr><td rowspan="2">1</td><td>2</td></tr>'
         "<tr><td>3</td></tr></table>", 0),
        # A colspan too: counted as columns, not cells.
        ('<table><tr><th>A</th><th>B</th><th>C</th></tr><tr><td colspan="3">1</td></tr></table>',
         0),
        # A rowspan that makes the next row too long.
        ('<table><tr><th>A</th><th>B</th></tr><tr><td rowspan="2">1</td><td>2</td></tr>'
         "<tr><td>3</td><td>4</td></tr></table>", 1),
    ],
)  # fmt: skip
def test_ragged_rows(table: str, reported: int) -> None:
    assert len(issues(page(table), ROWS)) == reported


def test_unnamed_tables_among_several_are_to_review() -> None:
    data = "<table><tr><th>Band</th><th>Charge</th></tr><tr><td>A</td><td>1</td></tr></table>"
    two = f"<p>Bands this year.</p>{data}<p>And last year.</p>{data}"
    found = issues(page(two), NAME)
    assert len(found) == 2 and {f.outcome for f in found} == {Outcome.NEEDS_REVIEW}
    assert issues(page(data), NAME) == []  # one table: the page's heading names it
    headed = f"<h2>This year</h2>{data}<h2>Last year</h2><div class='table-wrap'>{data}</div>"
    assert issues(page(headed), NAME) == []
    labelled = two.replace("<table>", '<table aria-label="Bands">')
    assert issues(page(labelled), NAME) == []
