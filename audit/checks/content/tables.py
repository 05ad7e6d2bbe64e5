"""Table rules: data tables without headers, two-axis tables without ``scope``, tables used
for layout, nested tables, rows that do not fit the grid, and unnamed tables among several.

Each table is read once into a :class:`TableShape` (its own rows, not those of tables nested
in it; ``colspan`` and ``rowspan`` placed on a grid as browsers do) and shared by the rules
through the document's memo.

A table is *data* when it has header cells (``<th>``, or cells with a ``columnheader`` or
``rowheader`` role); *presentational* with ``role="presentation"`` or ``role="none"`` (never
judged); *layout-like* when its cells hold what data cells do not (form fields, headings,
lists, another table) or it is a single column or a single cell. Only what the markup proves is
a violation; a table that only looks like one kind or another is ``needs-review``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lxml.html import HtmlElement

from audit.checks.content.context import CheckContext, element_issue
from audit.checks.content.document import HEADING_TAGS, ContentDocument, fold, text_of
from audit.checks.content.elements import visible
from audit.checks.issues import Issue
from audit.core.enums import Outcome

NO_HEADERS = "clearway-table-headers"
HEADER_SCOPE = "clearway-table-header-scope"
LAYOUT_TABLE = "clearway-layout-table"
NESTED_TABLE = "clearway-nested-table"
ROW_CELLS = "clearway-table-row-cells"
TABLE_NAME = "clearway-table-name"

_PRESENTATION = frozenset({"presentation", "none"})
#: What a data cell does not hold: a cell with one of these is page layout.
_LAYOUT_CONTENT = frozenset(
    {"table", "form", "input", "select", "textarea", "fieldset", "ul", "ol", "dl",
     "blockquote", "iframe", "nav", "article", "section", "aside", "header", "footer",
     *HEADING_TAGS}
)  # fmt: skip
_FIELDS = frozenset({"input", "select", "textarea"})
#: A data cell's text is short; a paragraph-long cell in a one-row table is a column of a page.
_LONG_CELL = 200
#: Spans larger than this are a typo (``colspan="1000"``), capped as browsers do.
_MAX_SPAN = 1000


@dataclass(frozen=True)
class Cell:
    element: HtmlElement
    row: int
    column: int
    colspan: int
    rowspan: int

    @property
    def is_header(self) -> bool:
        return self.element.tag == "th" or (self.element.get("role") or "").strip() in {
            "columnheader",
            "rowheader",
        }


def _span(element: HtmlElement, attribute: str) -> int:
    try:
        value = int((element.get(attribute) or "1").strip())
    except ValueError:
        return 1
    return min(max(value, 1), _MAX_SPAN)


class TableShape:
    """One ``<table>``'s own rows and cells, placed on a grid."""

    def __init__(self, table: HtmlElement) -> None:
        self.table = table
        self.rows: list[HtmlElement] = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        self.cells: list[list[Cell]] = []
        taken: set[tuple[int, int]] = set()
        #: Per row, the last grid column covered.
        ends: dict[int, int] = {}
        for row_index, row in enumerate(self.rows):
            column = 0
            placed: list[Cell] = []
            for element in row:
                if not isinstance(element.tag, str) or element.tag not in {"td", "th"}:
                    continue
                while (row_index, column) in taken:
                    column += 1
                colspan = _span(element, "colspan")
                rowspan = _span(element, "rowspan")
                rowspan = min(rowspan, len(self.rows) - row_index)
                for r in range(row_index, row_index + rowspan):
                    for c in range(column, column + colspan):
                        taken.add((r, c))
                    ends[r] = max(ends.get(r, 0), column + colspan)
                placed.append(Cell(element, row_index, column, colspan, rowspan))
                column += colspan
            self.cells.append(placed)
        #: Per row, the grid columns it covers (with cells spanning into it from above).
        self.widths: list[int] = [ends.get(index, 0) for index in range(len(self.rows))]

    @cached_property
    def role(self) -> str:
        return (self.table.get("role") or "").strip().lower()

    @property
    def presentational(self) -> bool:
        return self.role in _PRESENTATION

    @property
    def width(self) -> int:
        return max(self.widths, default=0)

    @cached_property
    def all_cells(self) -> list[Cell]:
        return [cell for row in self.cells for cell in row]

    @cached_property
    def has_headers(self) -> bool:
        return any(cell.is_header for cell in self.all_cells)

    @cached_property
    def caption(self) -> str:
        caption = self.table.find("caption")
        return text_of(caption) if caption is not None else ""

    @cached_property
    def named(self) -> bool:
        """Whether the table has a name: a caption, ``aria-label(ledby)`` or ``title``."""
        return bool(
            self.caption
            or fold(self.table.get("aria-label") or "")
            or (self.table.get("aria-labelledby") or "").strip()
            or fold(self.table.get("title") or "")
        )

    @cached_property
    def layout_reason(self) -> str | None:
        """Why the table looks like page layout, or None when it looks like data."""
        for cell in self.all_cells:
            for node in cell.element.iterdescendants():
                if isinstance(node.tag, str) and node.tag in _LAYOUT_CONTENT:
                    if node.tag in _FIELDS or node.tag in {"form", "fieldset"}:
                        return "its cells lay out a form"
                    if node.tag == "table":
                        return "it holds another table"
                    return f"its cells hold page structure (a <{node.tag}>)"
        if len(self.rows) and self.width == 1:
            return "it has a single column" if len(self.rows) > 1 else "it has a single cell"
        if len(self.rows) == 1 and any(
            len(text_of(c.element)) > _LONG_CELL for c in self.all_cells
        ):
            return "it is one row of long blocks of text, side by side"
        return None

    @cached_property
    def first_row_emphasised(self) -> bool:
        """Every cell of the first row is bold (``<strong>``/``<b>`` holding all its text):
        headers drawn, not marked up."""
        if not self.cells or len(self.cells[0]) < 2:
            return False
        for cell in self.cells[0]:
            text = text_of(cell.element)
            bold = " ".join(text_of(node) for node in cell.element.iterdescendants("strong", "b"))
            if not text or fold(bold) != text:
                return False
        return True


def table_shapes(document: ContentDocument) -> list[TableShape]:
    """Every visible table on the page, read once."""
    if "tables" not in document.memo:
        document.memo["tables"] = [TableShape(element) for element in visible(document, "table")]
    shapes: list[TableShape] = document.memo["tables"]
    return shapes


def _judged(shape: TableShape) -> bool:
    """A table the rules judge: not presentational, not an ARIA grid, with rows."""
    return not shape.presentational and shape.role in {"", "table"} and bool(shape.rows)


def check_table_headers(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for shape in table_shapes(document):
        if not _judged(shape) or shape.has_headers or shape.layout_reason is not None:
            continue
        if len(shape.rows) < 2 or shape.width < 2:
            continue
        signs = []
        if shape.caption:
            signs.append("a caption")
        if shape.table.find("thead") is not None:
            signs.append("a header row (<thead>)")
        if fold(shape.table.get("summary") or ""):
            signs.append("a summary")
        if shape.first_row_emphasised:
            signs.append("a bold first row")
        if signs:
            issues.append(
                element_issue(
                    document,
                    NO_HEADERS,
                    shape.table,
                    f"This data table (it has {' and '.join(signs)}) has no header cells, so "
                    "screen readers cannot say which column or row a value belongs to. Mark "
                    "the headers up as header cells (<th>), for example by ticking “header "
                    "row” in the table block.",
                )
            )
        else:
            issues.append(
                element_issue(
                    document,
                    NO_HEADERS,
                    shape.table,
                    f"This table has {len(shape.rows)} rows and {shape.width} columns but no "
                    "header cells. If it holds data, mark its headers up as header cells "
                    "(<th>) so screen readers can say which column a value belongs to; if it "
                    'only lays out the page, add role="presentation" or use CSS instead.',
                    outcome=Outcome.NEEDS_REVIEW,
                )
            )
    return issues


def check_header_scope(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for shape in table_shapes(document):
        if not _judged(shape) or len(shape.cells) < 2 or shape.width < 3:
            continue
        # The top-left corner may be an empty <td>.
        first_row = [c for c in shape.cells[0] if c.column > 0 or text_of(c.element)]
        column_headers = len(first_row) >= 2 and all(cell.is_header for cell in first_row)
        body_rows = [row for row in shape.cells[1:] if row]
        row_headers = bool(body_rows) and all(
            row[0].is_header and row[0].column == 0 for row in body_rows
        )
        if not (column_headers and row_headers):
            continue
        if any(cell.element.get("scope") for cell in shape.all_cells if cell.is_header) or any(
            cell.element.get("headers") for cell in shape.all_cells
        ):
            continue
        issues.append(
            element_issue(
                document,
                HEADER_SCOPE,
                shape.table,
                "This table has headers across the top and down the side, but none says "
                'which way it applies. Add scope="col" to the headers in the top row and '
                'scope="row" to those in the first column, so every screen reader reads '
                "each value with both of its headers.",
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def check_layout_table(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for shape in table_shapes(document):
        if not _judged(shape) or shape.has_headers or shape.caption:
            continue
        reason = shape.layout_reason
        if reason is None:
            continue
        issues.append(
            element_issue(
                document,
                LAYOUT_TABLE,
                shape.table,
                f"This table seems to lay out the page ({reason}): screen readers announce "
                "it as a table of data, with its rows and columns. Lay the content out with "
                'CSS, or if the table must stay, add role="presentation" to it.',
                html=document.opening_tag(shape.table),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def check_nested_table(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for shape in table_shapes(document):
        if not _judged(shape):
            continue
        outer = next(shape.table.iterancestors("table"), None)
        if outer is None or (outer.get("role") or "").strip().lower() in _PRESENTATION:
            continue
        issues.append(
            element_issue(
                document,
                NESTED_TABLE,
                shape.table,
                "This table is inside a cell of another table. Screen reader users lose "
                "track of which table, row and column they are in. Put the tables one after "
                "the other, or combine them into one table with clear headers.",
                html=document.opening_tag(shape.table),
                outcome=Outcome.NEEDS_REVIEW,
            )
        )
    return issues


def check_row_cells(document: ContentDocument, context: CheckContext) -> list[Issue]:
    issues = []
    for shape in table_shapes(document):
        if not _judged(shape) or not shape.has_headers or len(shape.rows) < 2:
            continue
        header_width = shape.widths[0]
        header_row = bool(shape.cells[0]) and all(c.is_header for c in shape.cells[0])
        widths = [w for w in shape.widths if w]
        if header_row and any(w > header_width for w in widths):
            longest = max(widths)
            issues.append(
                element_issue(
                    document,
                    ROW_CELLS,
                    shape.table,
                    f"A row of this table has {longest} columns but the header row has "
                    f"{header_width}: the cells beyond it have no column header, so screen "
                    "readers read them without saying what they are. Give every row the same "
                    "number of columns (use colspan for a cell that spans several).",
                    html=document.opening_tag(shape.table),
                )
            )
        elif len(set(widths)) > 1:
            counts = ", ".join(str(w) for w in sorted(set(widths)))
            issues.append(
                element_issue(
                    document,
                    ROW_CELLS,
                    shape.table,
                    f"The rows of this table have different numbers of columns ({counts}), "
                    "counting colspan and rowspan. Screen readers may read values under the "
                    "wrong header, or skip them. Give every row the same number of cells.",
                    html=document.opening_tag(shape.table),
                    outcome=Outcome.NEEDS_REVIEW,
                )
            )
    return issues


def _after_heading(table: HtmlElement) -> bool:
    """Whether a heading (or a figure's caption) just before the table names it, also when
    the table sits in a wrapper (``<div class="table-responsive">``, ``<figure>``)."""
    node: HtmlElement | None = table
    for _ in range(3):
        if node is None:
            return False
        parent = node.getparent()
        if parent is not None and parent.tag == "figure":
            caption = parent.find("figcaption")
            if caption is not None and text_of(caption):
                return True
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        if previous is not None:
            return previous.tag in HEADING_TAGS or previous.get("role") == "heading"
        node = parent
    return False


def check_table_name(document: ContentDocument, context: CheckContext) -> list[Issue]:
    data = [s for s in table_shapes(document) if _judged(s) and s.has_headers]
    if len(data) < 2:
        return []
    return [
        element_issue(
            document,
            TABLE_NAME,
            shape.table,
            f"This page has {len(data)} data tables and this one has no name: no caption and "
            "no heading just before it. Give it a caption (<caption>) that says what it "
            "shows, so screen reader users can tell the tables apart.",
            html=document.opening_tag(shape.table),
            outcome=Outcome.NEEDS_REVIEW,
        )
        for shape in data
        if not shape.named and not _after_heading(shape.table)
    ]
