"""Pages the browser tests build on top of the demo council.

The demo council (``seed_demo``) is real content; it need not use every block in every form.
The block gallery adds one service page that does (including the awkward cases: a long
unbroken word, a long web address, a wide table, a document link, an image) and one step by
step with links, so each template is exercised however the demo content changes.
"""

from __future__ import annotations

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from alerts.models import AlertBanner, AlertLevel
from contacts.models import ContactPoint, OpeningHours
from pages.models import HomePage, ServicePage, StepByStepPage

LONG_WORD = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochuchaf"
LONG_URL = (
    "https://www.anytown.gov.uk/services/bins-rubbish-and-recycling/"
    "household-waste-recycling-centres/opening-times-and-what-you-can-bring"
)


def _png(width: int = 720, height: int = 360) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (29, 79, 145)).save(buffer, format="PNG")
    return buffer.getvalue()


def build_block_gallery(home: HomePage) -> list[str]:
    """Add the gallery pages below ``home``, publish them, and return their slugs."""
    image = get_image_model().objects.create(
        title="Browser test: recycling centre",
        file=ImageFile(BytesIO(_png()), name="browser-test-recycling.png"),
    )
    document = get_document_model().objects.create(
        title="Browser test: recycling guide",
        file=ContentFile(b"%PDF-1.4\n% browser test\n" * 200, name="browser-test-guide.pdf"),
    )
    contact = ContactPoint(
        name="Browser test: waste team",
        phone="01632 960 001",
        textphone="01632 960 002",
        email="waste-and-recycling-enquiries@anytown.example.gov.uk",
        address="Waste services\nTown Hall\nHigh Street\nAnytown\nAN1 1AA",
    )
    contact.opening_hours = [
        OpeningHours(weekday=day, opens=datetime.time(9), closes=datetime.time(17))
        for day in range(5)
    ] + [OpeningHours(weekday=5, closed=True), OpeningHours(weekday=7, closed=True)]
    contact.save()

    wide_table = [
        ["Area", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        *[
            [f"Ward {n}", "Green bin", "Blue bin", "Food waste", "Garden waste", "None", "None"]
            for n in range(1, 5)
        ],
    ]
    body = [
        ("paragraph", f"<p>Check your collection day first. A long word: {LONG_WORD}.</p>"),
        ("heading", {"text": "What you can recycle", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>paper and card</li><li><b>clean</b> glass bottles and jars</li></ul>"
            "<ol><li>rinse it</li><li>squash it</li></ol>"
            f'<p>Read <a href="{LONG_URL}">{LONG_URL}</a> before you go.</p>',
        ),
        ("heading", {"text": "Plastics", "level": "h3"}),
        ("inset_text", "<p>Bags of recycling left <b>next to</b> your bin are not collected.</p>"),
        ("warning_text", "You can be fined up to £400 if you leave rubbish in the street."),
        ("numbered_steps", ["<p>Find your collection day.</p>", "<p>Put your bin out.</p>"]),
        ("start_button", {"url": "https://forms.anytown.example.gov.uk/missed-bin"}),
        ("details", {"summary": "Help with the form", "body": "<p>Phone us instead.</p>"}),
        ("contact", contact),
        (
            "table",
            {
                "data": wide_table,
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "Collection days by ward",
            },
        ),
        ("image", {"image": image, "alt_text": "A blue recycling bin", "caption": "A bin."}),
        ("image", {"image": image, "decorative": True, "alt_text": ""}),
        ("document", {"document": document, "label": ""}),
        ("document", {"document": document, "label": "Recycling guide for flats"}),
    ]
    service = home.add_child(
        instance=ServicePage(
            title="Browser test: every content block",
            slug="browser-test-blocks",
            summary="A page that uses every kind of content block, for the browser tests.",
            body=body,
            related_links=[
                ("link", {"page": home, "url": "", "text": ""}),
                ("link", {"page": None, "url": LONG_URL, "text": "Recycling centre times"}),
            ],
        )
    )
    service.save_revision().publish()
    steps = home.add_child(
        instance=StepByStepPage(
            title="Browser test: step by step",
            slug="browser-test-steps",
            summary="Steps with links, for the browser tests.",
            steps=[
                (
                    "step",
                    {
                        "title": "Check what you need",
                        "body": "<p>Read the guidance.</p>",
                        "links": [{"page": service, "url": "", "text": ""}],
                    },
                ),
                (
                    "step",
                    {
                        "title": f"Apply {LONG_WORD}",
                        "body": f'<p>Apply online at <a href="{LONG_URL}">{LONG_URL}</a>.</p>',
                        "links": [],
                    },
                ),
            ],
        )
    )
    steps.save_revision().publish()
    return [service.slug, steps.slug]


def build_alert_banners() -> None:
    """One banner of each level, so every banner style is on every page."""
    for level in AlertLevel:
        AlertBanner.objects.create(
            level=level,
            title=f"Browser test: {level.label}",
            message="Some services are affected. Check before you travel.",
            link_url="https://www.anytown.example.gov.uk/service-updates",
            link_text=f"Service updates ({level.label})",
        )
