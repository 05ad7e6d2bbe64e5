"""Images and documents for the demo, drawn and written at seed time (no files to ship).

Each is stored once under a fixed title and reused on later runs.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from .facts import COUNCIL_TAX_BANDS
from .specs import FileSpec

# Images ------------------------------------------------------------------------------------

BLACK = (40, 40, 40)
WHITE = (255, 255, 255)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wheelie_bin(draw: ImageDraw.ImageDraw, left: int, colour: tuple[int, int, int]) -> None:
    """A wheelie bin seen from the front, 110 pixels wide, standing on the ground line."""
    draw.polygon([(left, 80), (left + 110, 80), (left + 100, 250), (left + 10, 250)], fill=colour)
    draw.rectangle([left - 6, 62, left + 116, 82], fill=colour, outline=BLACK, width=2)
    draw.rectangle([left + 40, 50, left + 70, 62], fill=BLACK)
    for wheel in (left + 4, left + 82):
        draw.ellipse([wheel, 236, wheel + 26, 262], fill=BLACK)


def bins_picture() -> bytes:
    """Three wheelie bins: black for rubbish, blue for recycling, green for garden waste."""
    image = Image.new("RGB", (480, 300), (235, 242, 247))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 262, 480, 300], fill=(190, 190, 190))
    for left, colour in ((40, (50, 50, 50)), (185, (29, 112, 184)), (330, (0, 112, 60))):
        _wheelie_bin(draw, left, colour)
    return _png(image)


def recycling_map() -> bytes:
    """A simple map of the borough with the three recycling centres numbered 1 to 3."""
    image = Image.new("RGB", (480, 320), (226, 238, 218))
    draw = ImageDraw.Draw(image)
    river = [(0, 210), (120, 180), (240, 220), (360, 170), (480, 200)]
    draw.line(river, fill=(120, 170, 220), width=18, joint="curve")
    for road in ([(60, 0), (200, 320)], [(0, 90), (480, 120)], [(300, 0), (340, 320)]):
        draw.line(road, fill=WHITE, width=10)
    draw.rectangle([0, 0, 479, 319], outline=(110, 110, 110), width=3)
    for number, (x, y) in enumerate(((380, 50), (150, 195), (390, 275)), start=1):
        draw.ellipse([x - 18, y - 18, x + 18, y + 18], fill=(178, 34, 34), outline=WHITE, width=3)
        draw.text((x, y), str(number), fill=WHITE, anchor="mm", font_size=22)
    return _png(image)


def library_card() -> bytes:
    """An Anytown Libraries card with a stripe and a barcode."""
    image = Image.new("RGB", (400, 250), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([10, 10, 390, 240], radius=18, fill=(91, 38, 116))
    draw.rectangle([10, 60, 390, 90], fill=(244, 200, 66))
    draw.rectangle([40, 140, 360, 215], fill=WHITE)
    for index in range(46):
        x = 52 + index * 6.5
        width = 3 if index % 3 else 1
        draw.rectangle([x, 150, x + width, 205], fill=BLACK)
    return _png(image)


IMAGES = (
    FileSpec("bins", "Demo: the three household bins", "anytown-bins.png", bins_picture),
    FileSpec(
        "recycling-map",
        "Demo: map of household recycling centres",
        "anytown-recycling-centres-map.png",
        recycling_map,
    ),
    FileSpec(
        "library-card", "Demo: Anytown Libraries card", "anytown-library-card.png", library_card
    ),
)


# Documents ---------------------------------------------------------------------------------


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF with a title and lines of text in Helvetica.

    It has a document title and language, but no tags, so it is not fully accessible: the
    accessibility statement says so, as a real council's would.
    """
    text = ["BT", "/F1 18 Tf", "72 770 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf", "0 -30 Td"]
    for line in lines:
        text += [f"({_pdf_text(line)}) Tj", "0 -16 Td"]
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) "
        b"/ViewerPreferences << /DisplayDocTitle true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({_pdf_text(title)}) /Author (Anytown Borough Council) >>".encode("latin-1"),
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    output += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(output)


def garden_waste_terms() -> bytes:
    return simple_pdf(
        "Garden waste collections: terms and conditions",
        [
            "1. Your subscription runs from 1 April to 31 March.",
            "2. We collect your green bin every 2 weeks, except for 2 weeks at Christmas.",
            "3. Put your bin out by 7am on your collection day, with the lid closed.",
            "4. Only put grass, leaves, plants, hedge cuttings and small branches in the bin.",
            "5. We will not empty a bin with soil, rubble, food or plastic bags in it.",
            "6. You can cancel within 14 days of subscribing and get a full refund.",
            "7. We do not give refunds for missed collections that we put right within 5 days.",
            "Questions? Email waste@anytown.gov.uk or call 01632 960 100.",
        ],
    )


def planning_checklist() -> bytes:
    return simple_pdf(
        "Householder planning application checklist",
        [
            "Send these with your application, or we cannot start to look at it:",
            "1. The completed application form, signed and dated.",
            "2. A location plan at a scale of 1:1250, with your land outlined in red.",
            "3. A block plan at a scale of 1:500 showing the work.",
            "4. Drawings of how the building looks now and how it will look.",
            "5. The fee. Check the fee on the Planning Portal.",
            "If your home is in a conservation area, also send a heritage statement.",
            "Questions? Email planning@anytown.gov.uk or call 01632 960 400.",
        ],
    )


def council_tax_charges() -> bytes:
    """The council tax bands as a CSV file (with a byte order mark, so spreadsheets read "£")."""
    rows = [("Band", "Property value on 1 April 1991", "Yearly charge 2026 to 2027")]
    rows += [(band, values, f"£{charge:,.2f}") for band, values, charge in COUNCIL_TAX_BANDS]
    return "".join(",".join(f'"{cell}"' for cell in row) + "\r\n" for row in rows).encode(
        "utf-8-sig"
    )


DOCUMENTS = (
    FileSpec(
        "garden-waste-terms",
        "Garden waste collections: terms and conditions",
        "garden-waste-terms-and-conditions.pdf",
        garden_waste_terms,
    ),
    FileSpec(
        "planning-checklist",
        "Householder planning application checklist",
        "householder-planning-application-checklist.pdf",
        planning_checklist,
    ),
    FileSpec(
        "council-tax-charges",
        "Council tax charges by band, 2026 to 2027",
        "council-tax-charges-2026-to-2027.csv",
        council_tax_charges,
    ),
)
