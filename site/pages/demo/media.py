"""Images and documents for the demo, drawn and written at seed time (no files to ship).

Each is stored once under a fixed title and reused on later runs.
"""

from __future__ import annotations

import io
from html import escape

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

#: Published before 23 September 2018 and not needed for a service: outside the regulations.
OUTSIDE_SCOPE_DOCUMENTS = ("housing-strategy-2015",)

#: Every demo PDF is made with WeasyPrint from this page of HTML, with the council's author.
_DOCUMENT_HTML = """<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="author" content="Anytown Borough Council">
<meta name="dcterms.created" content="{created}">
<style>
  @page {{ size: A4; margin: 2.5cm 2cm; }}
  body {{ font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.5; }}
  h1 {{ font-size: 20pt; margin: 0 0 12pt; }}
  li {{ margin-bottom: 4pt; }}
</style>
</head>
<body>
<h1>{title}</h1>
{body}
</body>
</html>
"""


def weasyprint_pdf(
    title: str, body: str, *, created: str = "2026-04-01", tagged: bool = True
) -> bytes:
    """A PDF of ``body`` (HTML, trusted: written here) under the heading ``title``.

    ``tagged``: PDF/UA-1, with tags, the title shown as the title and the language set (what
    the audit's document rules ask, docs/documents.md); untagged, it is a PDF as most office
    software made them before 2018.
    """
    from weasyprint import HTML  # Pango is loaded on first use, not when the demo is imported.

    html = _DOCUMENT_HTML.format(title=escape(title), created=created, body=body)
    variant = "pdf/ua-1" if tagged else None
    pdf: bytes = HTML(string=html).write_pdf(pdf_variant=variant)
    return pdf


def _items(*lines: str) -> str:
    return "<ol>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ol>"


def garden_waste_terms() -> bytes:
    return weasyprint_pdf(
        "Garden waste collections: terms and conditions",
        _items(
            "Your subscription runs from 1 April to 31 March.",
            "We collect your green bin every 2 weeks, except for 2 weeks at Christmas.",
            "Put your bin out by 7am on your collection day, with the lid closed.",
            "Only put grass, leaves, plants, hedge cuttings and small branches in the bin.",
            "We will not empty a bin with soil, rubble, food or plastic bags in it.",
            "You can cancel within 14 days of subscribing and get a full refund.",
            "We do not give refunds for missed collections that we put right within 5 days.",
        )
        + "<p>Questions? Email waste@anytown.gov.uk or call 01632 960 100.</p>",
    )


def planning_checklist() -> bytes:
    return weasyprint_pdf(
        "Householder planning application checklist",
        "<p>Send these with your application, or we cannot start to look at it:</p>"
        + _items(
            "The completed application form, signed and dated.",
            "A location plan at a scale of 1:1250, with your land outlined in red.",
            "A block plan at a scale of 1:500 showing the work.",
            "Drawings of how the building looks now and how it will look.",
            "The fee. Check the fee on the Planning Portal.",
        )
        + "<p>If your home is in a conservation area, also send a heritage statement.</p>"
        + "<p>Questions? Email planning@anytown.gov.uk or call 01632 960 400.</p>",
    )


def housing_strategy_2015() -> bytes:
    """An old, untagged PDF published in 2015: outside the scope of the accessibility
    regulations, and dismissed as such in the demo's audit (build.py)."""
    return weasyprint_pdf(
        "Housing strategy 2015 to 2020",
        "<p>This strategy sets out how Anytown Borough Council planned to meet the need for "
        "homes from 2015 to 2020.</p>"
        + _items(
            "Build 400 new council and housing association homes.",
            "Bring 150 empty homes back into use.",
            "Set up the 3 bands of the housing register.",
        )
        + "<p>Published March 2015. Replaced by the housing pages of our website.</p>",
        created="2015-03-02",
        tagged=False,
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
        "housing-strategy-2015",
        "Housing strategy 2015 to 2020",
        "housing-strategy-2015-to-2020.pdf",
        housing_strategy_2015,
    ),
    FileSpec(
        "council-tax-charges",
        "Council tax charges by band, 2026 to 2027",
        "council-tax-charges-2026-to-2027.csv",
        council_tax_charges,
    ),
)
