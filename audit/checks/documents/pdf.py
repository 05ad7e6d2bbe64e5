"""What a PDF shows an assistive technology, read from its bytes with pikepdf.

:func:`read_pdf` opens a document and gathers the facts the rules need (:class:`PdfFacts`):
tags, title, language, text on each page, bookmarks, form fields, size. It never raises on bad
input: a file that is not a PDF, a corrupt one and one locked with a password come back as a
:class:`PdfProblem`, so the audit can record why the document was not checked and go on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pikepdf

#: Pages read for text: enough to tell a scan from a text document, bounded for huge files.
MAX_PAGES_READ = 200
#: A PDF's header may come after some junk, within the first kilobyte (PDF 1.7, 7.5.2 note).
_HEADER_WINDOW = 1024
#: qpdf names the stream it read ("stream <_io.BytesIO object at 0x7f...>: "): noise to a reader.
_STREAM_NAME = re.compile(r"^\s*stream <[^>]*>:\s*")
#: Content-stream operators that show text.
_TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})


class PdfProblem(StrEnum):
    """Why a document could not be checked."""

    NOT_PDF = "not-pdf"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"


PROBLEM_MESSAGES = {
    PdfProblem.NOT_PDF: "not a PDF: the file does not start like one, whatever its name says",
    PdfProblem.CORRUPT: "a damaged PDF that could not be read",
    PdfProblem.ENCRYPTED: (
        "a PDF locked with a password: nobody can open it without one, and neither could the audit"
    ),
}


@dataclass(frozen=True)
class FormField:
    #: The field's full name (``/T`` of it and its parents, joined by dots).
    name: str
    #: Its tooltip (``/TU``), which screen readers announce as the label.
    tooltip: str


@dataclass(frozen=True)
class PdfFacts:
    """What the rules look at, or the :class:`PdfProblem` that stopped the reading."""

    size: int
    problem: PdfProblem | None = None
    detail: str = ""
    pages: int = 0
    #: ``StructTreeRoot`` in the catalogue.
    has_structure: bool = False
    #: ``MarkInfo`` ``Marked`` true.
    marked: bool = False
    #: From the document information dictionary, else the XMP ``dc:title``.
    title: str = ""
    #: ``ViewerPreferences`` ``DisplayDocTitle`` true: viewers show the title, not the file name.
    displays_title: bool = False
    #: The catalogue's ``/Lang``.
    language: str = ""
    #: Pages read (at most :data:`MAX_PAGES_READ`), those showing text and those with images.
    pages_read: int = 0
    pages_with_text: tuple[int, ...] = ()
    pages_with_images: tuple[int, ...] = ()
    #: Top-level entries in the outline (bookmarks).
    bookmarks: int = 0
    fields: tuple[FormField, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def image_only_pages(self) -> tuple[int, ...]:
        """Pages (numbered from 1) with images and no text: scanned pages."""
        text = set(self.pages_with_text)
        return tuple(page for page in self.pages_with_images if page not in text)


def looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:_HEADER_WINDOW]


def read_pdf(data: bytes) -> PdfFacts:
    """The facts about the PDF in ``data`` (see the module docstring)."""
    size = len(data)
    if not looks_like_pdf(data):
        return PdfFacts(size=size, problem=PdfProblem.NOT_PDF)
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return PdfFacts(size=size, problem=PdfProblem.ENCRYPTED)
    except (pikepdf.PdfError, ValueError, RuntimeError) as error:
        return PdfFacts(
            size=size, problem=PdfProblem.CORRUPT, detail=_STREAM_NAME.sub("", str(error))
        )
    try:
        with pdf:
            return _facts(pdf, size)
    except (pikepdf.PdfError, ValueError, RuntimeError, KeyError, TypeError) as error:
        # qpdf repairs what it can when opening; a file broken past that fails here.
        return PdfFacts(
            size=size, problem=PdfProblem.CORRUPT, detail=_STREAM_NAME.sub("", str(error))
        )


def _facts(pdf: pikepdf.Pdf, size: int) -> PdfFacts:
    root = pdf.Root
    mark_info = root.get("/MarkInfo")
    preferences = root.get("/ViewerPreferences")
    with_text: list[int] = []
    with_images: list[int] = []
    pages = list(pdf.pages)
    for number, page in enumerate(pages[:MAX_PAGES_READ], start=1):
        text, images = _page_content(page)
        if text:
            with_text.append(number)
        if images:
            with_images.append(number)
    return PdfFacts(
        size=size,
        pages=len(pages),
        has_structure="/StructTreeRoot" in root,
        marked=isinstance(mark_info, pikepdf.Dictionary) and _true(mark_info.get("/Marked")),
        title=_title(pdf),
        displays_title=isinstance(preferences, pikepdf.Dictionary)
        and _true(preferences.get("/DisplayDocTitle")),
        language=_text(root.get("/Lang")),
        pages_read=min(len(pages), MAX_PAGES_READ),
        pages_with_text=tuple(with_text),
        pages_with_images=tuple(with_images),
        bookmarks=_bookmarks(pdf),
        fields=tuple(_fields(root)),
    )


def _true(value: Any) -> bool:
    return isinstance(value, pikepdf.Object | bool) and bool(value) is True


def _text(value: Any) -> str:
    if isinstance(value, pikepdf.String | pikepdf.Name):
        return str(value).lstrip("/").strip()
    return ""


def _title(pdf: pikepdf.Pdf) -> str:
    title = _text(pdf.docinfo.get("/Title")) if pdf.trailer.get("/Info") is not None else ""
    if title:
        return title
    try:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            return str(meta.get("dc:title", "") or "").strip()
    except Exception:  # XMP that does not parse is as good as none
        return ""


def _page_content(page: pikepdf.Page) -> tuple[bool, bool]:
    """Whether the page shows text, and whether it draws images (here or in its forms)."""
    return _stream_content(page.obj, page.obj.get("/Resources"), depth=0)


def _stream_content(owner: Any, resources: Any, depth: int) -> tuple[bool, bool]:
    text = images = False
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    try:
        instructions = pikepdf.parse_content_stream(owner)
    except (pikepdf.PdfError, TypeError, ValueError):
        return False, False
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            images = True
            continue
        operator = str(instruction.operator)
        if operator in _TEXT_OPERATORS:
            text = True
        elif operator == "Do" and isinstance(xobjects, pikepdf.Dictionary):
            name = instruction.operands[0] if instruction.operands else None
            xobject = xobjects.get(name) if isinstance(name, pikepdf.Name) else None
            if not isinstance(xobject, pikepdf.Stream):
                continue
            subtype = xobject.get("/Subtype")
            if subtype == pikepdf.Name.Image:
                images = True
            elif subtype == pikepdf.Name.Form and depth < 3:
                inner_text, inner_images = _stream_content(
                    xobject, xobject.get("/Resources") or resources, depth + 1
                )
                text, images = text or inner_text, images or inner_images
        if text and images:
            break
    return text, images


def _bookmarks(pdf: pikepdf.Pdf) -> int:
    try:
        with pdf.open_outline() as outline:
            return len(outline.root)
    except (pikepdf.PdfError, pikepdf.OutlineStructureError, ValueError):
        return 0


def _fields(root: pikepdf.Object) -> list[FormField]:
    """The terminal fields of the AcroForm (those that hold a value), with full names."""
    acroform = root.get("/AcroForm")
    if not isinstance(acroform, pikepdf.Dictionary):
        return []
    found: list[FormField] = []
    seen: set[tuple[int, int]] = set()

    def walk(node: Any, parent: str, depth: int) -> None:
        if not isinstance(node, pikepdf.Dictionary) or depth > 20:
            return
        key = node.objgen
        if key != (0, 0):
            if key in seen:
                return
            seen.add(key)
        partial = _text(node.get("/T"))
        name = f"{parent}.{partial}" if parent and partial else partial or parent
        kids = node.get("/Kids")
        named_kids = (
            [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/T" in kid]
            if isinstance(kids, pikepdf.Array)
            else []
        )
        if named_kids:
            for kid in named_kids:
                walk(kid, name, depth + 1)
            return
        if node.get("/FT") is None and not parent:
            return
        found.append(FormField(name=name or "(no name)", tooltip=_text(node.get("/TU"))))

    fields = acroform.get("/Fields")
    if isinstance(fields, pikepdf.Array):
        for node in fields:
            walk(node, "", 0)
    return found
