"""The document rules' catalogue entries, and what each checks in a PDF's facts.

Written for a council editor; ``docs/audit-rules.md`` is generated from these. The checks are
functions of :class:`~audit.checks.documents.pdf.PdfFacts`: pure, no network, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from audit.checks.catalogue import Rule, register
from audit.checks.documents.pdf import PdfFacts
from audit.core.enums import FixedBy, Impact, Level, Outcome, RuleKind

TAGGED = "clearway-pdf-tagged"
TITLE = "clearway-pdf-title"
LANGUAGE = "clearway-pdf-language"
TEXT = "clearway-pdf-text"
BOOKMARKS = "clearway-pdf-bookmarks"
FORM_LABELS = "clearway-pdf-form-labels"
FILE_SIZE = "clearway-pdf-file-size"
WEB_PAGE = "clearway-pdf-web-page"

_HOW_TO_EXPORT = (
    "In Word, use File > Save as > PDF, Options, and tick “Document structure tags for "
    "accessibility”; or publish the information as a web page instead."
)

register(
    Rule(
        id=TAGGED,
        title="PDFs are tagged",
        what=(
            "The PDF has no tags: nothing tells a screen reader which text is a heading, a "
            "list, a table or a paragraph, or in which order to read it."
        ),
        why=(
            "Without tags, a screen reader reads the page as one stream of text in whatever "
            "order it was drawn: columns run together, tables lose their headers, and headings "
            "cannot be jumped to."
        ),
        how=(
            "Make the PDF again from its source document with tags switched on, using the "
            "source's headings, lists and table headers. " + _HOW_TO_EXPORT
        ),
        wcag=("1.3.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
    )
)

register(
    Rule(
        id=TITLE,
        title="PDFs have a title, shown as the title",
        what=(
            "The PDF has no document title, or does not ask viewers to show it (they show the "
            "file name instead, such as “final_v3_PRINT.pdf”)."
        ),
        why=(
            "The title is the first thing a screen reader announces and what a resident sees "
            "in the tab or window: it tells them they opened the right document."
        ),
        how=(
            "Set the title in the source document's properties (in Word: File > Info > "
            "Title) and export again, or in Acrobat: File > Properties > Description, and "
            "under Initial View show the “Document Title”."
        ),
        wcag=("2.4.2",),
        level=Level.A,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
    )
)

register(
    Rule(
        id=LANGUAGE,
        title="PDFs say what language they are in",
        what="The PDF does not say what language its text is in.",
        why=(
            "Screen readers choose their voice and pronunciation by the document's language; "
            "without it, English may be read with another language's rules."
        ),
        how=(
            "Set the language in the source document (in Word: Review > Language) and export "
            "again, or in Acrobat: File > Properties > Advanced > Language."
        ),
        wcag=("3.1.1",),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
    )
)

register(
    Rule(
        id=TEXT,
        title="PDFs have real text, not scanned pictures of text",
        what=("Pages of the PDF are pictures (scans or photographs) with no text behind them."),
        why=(
            "A screen reader has nothing to read on a picture of text, people cannot enlarge "
            "it without it blurring, search it, or copy from it."
        ),
        how=(
            "Publish the original document instead of a scan. If there is none, have the text "
            "recognised (OCR) and checked, then tag the result, or type it up as a web page."
        ),
        wcag=("1.1.1",),
        level=Level.A,
        impact=Impact.CRITICAL,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
    )
)

register(
    Rule(
        id=BOOKMARKS,
        title="Long PDFs have bookmarks",
        what="A long PDF has no bookmarks (an outline of its sections).",
        why=(
            "Bookmarks let people jump to the section they need instead of paging through "
            "the whole document; for screen reader and keyboard users paging is slow."
        ),
        how=(
            "Use headings in the source document and export with “Create bookmarks using "
            "headings” ticked (Word: File > Save as > PDF > Options)."
        ),
        # Bookmarks are WCAG's sufficient technique PDF2 for 2.4.5 (Multiple ways), but a
        # document with a table of contents of links may meet it without them: advice.
        wcag=("2.4.5",),
        level=Level.AA,
        impact=Impact.MODERATE,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
        options={"min_pages": 21},
        outcome=Outcome.ADVICE,
    )
)

register(
    Rule(
        id=FORM_LABELS,
        title="PDF form fields have labels",
        what="A field of the PDF form has no label (tooltip) for screen readers.",
        why=(
            "Without a label, a screen reader announces “edit text” and the resident cannot "
            "tell what to type in the field."
        ),
        how=(
            "In Acrobat's form editor, open each field's properties and write its label in "
            "“Tooltip”. Better still, make the form an online form."
        ),
        wcag=("4.1.2", "3.3.2"),
        level=Level.A,
        impact=Impact.SERIOUS,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
    )
)

register(
    Rule(
        id=FILE_SIZE,
        title="PDFs are not too large to download",
        what="The PDF is a large file.",
        why=(
            "Residents on phones, slow or paid-for connections may wait a long time or pay "
            "to open it, and large files are often scans or full of pictures."
        ),
        how=(
            "Make the file smaller (export with “Minimum size”, reduce pictures), split it, "
            "or publish the information as web pages. Say the size in the link text."
        ),
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
        options={"max_bytes": 5 * 1024 * 1024},
    )
)

register(
    Rule(
        id=WEB_PAGE,
        title="Could this PDF be a web page?",
        what="A short PDF that could be a web page.",
        why=(
            "GOV.UK's advice: web pages work better for everyone. They fit any screen, work "
            "with the resident's own settings and assistive technology, are easier to find "
            "and to keep up to date. Short documents are the easiest to turn into pages."
        ),
        how=(
            "Put the content on a page (copying the headings and lists), and link to the "
            "page instead. Keep the PDF only if people need to print it as it is."
        ),
        wcag=(),
        level=Level.BEST_PRACTICE,
        impact=Impact.MINOR,
        fixed_by=FixedBy.EDITOR,
        kind=RuleKind.DOCUMENT,
        options={"max_pages": 4, "max_bytes": 1024 * 1024},
    )
)


# -- The checks --------------------------------------------------------------------------------

#: A document-level problem: its message, or ``None`` when the rule passes.
Check = Callable[[PdfFacts, Mapping[str, Any]], str | None]


def check_tagged(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    if facts.has_structure and facts.marked:
        return None
    if facts.has_structure:
        return "The PDF has a tag tree but is not marked as tagged (MarkInfo /Marked is not true)."
    return "The PDF has no tags (no structure tree)."


def check_title(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    if not facts.title:
        return "The PDF has no document title."
    if not facts.displays_title:
        return (
            f"The PDF's title is “{facts.title}”, but viewers are not asked to show it "
            "(ViewerPreferences /DisplayDocTitle is not true): they show the file name."
        )
    return None


def check_language(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    return None if facts.language else "The PDF does not set its language (/Lang)."


def check_text(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    scanned = facts.image_only_pages
    if not scanned:
        return None
    if len(scanned) == facts.pages_read:
        return "Every page is a picture with no text: the PDF looks like a scan."
    listed = ", ".join(str(page) for page in scanned[:10]) + ("…" if len(scanned) > 10 else "")
    return f"{len(scanned)} page(s) are pictures with no text: {listed}."


def check_bookmarks(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    if facts.pages < int(options["min_pages"]) or facts.bookmarks:
        return None
    return f"The PDF has {facts.pages} pages and no bookmarks."


def check_file_size(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    limit = int(options["max_bytes"])
    if facts.size <= limit:
        return None
    return f"The PDF is {_size(facts.size)} (advice above {_size(limit)})."


def check_web_page(facts: PdfFacts, options: Mapping[str, Any]) -> str | None:
    short = facts.pages <= int(options["max_pages"]) and facts.size <= int(options["max_bytes"])
    if not short or facts.fields:
        # A form is a different question (an online form), asked by the form rule's advice.
        return None
    return f"The PDF has {facts.pages} page(s): it could be a web page instead."


#: Document-level checks, by rule id, in catalogue order.
DOCUMENT_CHECKS: dict[str, Check] = {
    TAGGED: check_tagged,
    TITLE: check_title,
    LANGUAGE: check_language,
    TEXT: check_text,
    BOOKMARKS: check_bookmarks,
    FILE_SIZE: check_file_size,
    WEB_PAGE: check_web_page,
}


def _size(count: int) -> str:
    if count >= 1_048_576:
        return f"{count / 1_048_576:.1f}".removesuffix(".0") + " MB"
    return f"{count / 1024:.0f} KB"
