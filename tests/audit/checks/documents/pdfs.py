"""Real PDFs for the document tests: tagged ones made by WeasyPrint, the rest by pikepdf."""

from __future__ import annotations

import io
import zlib

import pikepdf
from weasyprint import HTML

PAGE = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Council tax bands 2026</title></head>
<body><h1>Council tax bands 2026</h1>{body}</body></html>"""


def tagged(body: str = "<p>Band A: £1,234.</p>") -> bytes:
    """A PDF/UA-1 document: tagged, titled (shown as the title), in British English."""
    pdf: bytes = HTML(string=PAGE.format(body=body)).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def untagged_weasyprint() -> bytes:
    pdf: bytes = HTML(string=PAGE.format(body="<p>Band A.</p>")).write_pdf()
    return pdf


def _save(pdf: pikepdf.Pdf, **options: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def _text_page(pdf: pikepdf.Pdf, text: str = "Band A") -> None:
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream(content),
    )
    pdf.pages.append(pikepdf.Page(page))


def plain(
    *,
    pages: int = 1,
    title: str = "",
    show_title: bool = False,
    lang: str = "",
    tags: bool = False,
    bookmarks: int = 0,
) -> bytes:
    """A text PDF made by hand, with only the features asked for."""
    pdf = pikepdf.new()
    for number in range(pages):
        _text_page(pdf, f"Page {number + 1}")
    if title:
        pdf.docinfo["/Title"] = title
    if show_title:
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    if lang:
        pdf.Root.Lang = pikepdf.String(lang)
    if tags:
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.StructTreeRoot = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
        )
    if bookmarks:
        with pdf.open_outline() as outline:
            for number in range(bookmarks):
                outline.root.append(pikepdf.OutlineItem(f"Part {number + 1}", number))
    return _save(pdf)


def scanned(pages: int = 2) -> bytes:
    """Pages that are only pictures: what a scanner makes without text recognition."""
    pdf = pikepdf.new()
    pixels = bytes([200]) * (8 * 8)
    for _ in range(pages):
        image = pdf.make_stream(
            zlib.compress(pixels),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=8,
            Height=8,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
            Filter=pikepdf.Name.FlateDecode,
        )
        page = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image)),
            Contents=pdf.make_stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        )
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Title"] = "Scanned letter"
    return _save(pdf)


def form(*, tooltips: bool) -> bytes:
    """A one-page form with two text fields, with or without their tooltips (/TU)."""
    pdf = pikepdf.new()
    _text_page(pdf, "Apply for a bus pass")
    fields = []
    for name, label in (("name", "Your full name"), ("postcode", "Your postcode")):
        field = pikepdf.Dictionary(
            FT=pikepdf.Name.Tx,
            T=pikepdf.String(name),
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            Rect=[72, 600, 300, 620],
        )
        if tooltips:
            field.TU = pikepdf.String(label)
        fields.append(pdf.make_indirect(field))
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array(fields))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(fields))
    return _save(pdf)


def encrypted() -> bytes:
    pdf = pikepdf.new()
    _text_page(pdf)
    return _save(pdf, encryption=pikepdf.Encryption(owner="owner", user="secret"))


def corrupt() -> bytes:
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n%%truncated"
