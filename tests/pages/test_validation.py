"""The body rules editors meet: through the blocks' own clean() and through the page editor."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.blocks import StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.blocks import (
    AccessibleTableBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ImageBlock,
    LinkBlock,
    ParagraphBlock,
    ServiceBodyBlock,
    heading_order_errors,
)
from pages.models import HomePage, ServicePage
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    ServiceCategoryPageFactory,
    SuperuserFactory,
    heading,
    paragraph,
)


def body(*children: tuple[str, Any]) -> StreamValue:
    """A body stream as the editor's form would hand it to clean()."""
    return ServiceBodyBlock().normalize(list(children))


def start_button() -> tuple[str, dict[str, str]]:
    return ("start_button", {"url": "https://forms.anytown.example/apply", "label": "Start now"})


# Headings -----------------------------------------------------------------------------------


def test_heading_order_rules_name_the_offending_heading() -> None:
    errors = heading_order_errors([("h3", "Fees"), None, ("h2", "Apply"), ("h3", "Online")])
    assert list(errors) == [0]
    assert "'Fees' is level 3" in errors[0]
    assert heading_order_errors([None, ("h2", "Apply"), None, ("h3", "Online")]) == {}


def test_body_rejects_h3_before_any_h2() -> None:
    with pytest.raises(StreamBlockValidationError) as caught:
        ServiceBodyBlock().clean(
            body(paragraph("Intro"), heading("Fees", "h3"), heading("Apply", "h2"))
        )
    errors = caught.value.as_json_data()["blockErrors"]
    assert list(errors) == [1]
    assert "The heading 'Fees' is level 3" in errors[1]["messages"][0]


def test_body_accepts_h2_then_h3() -> None:
    value = body(heading("Apply", "h2"), paragraph("How"), heading("Online", "h3"))
    assert len(ServiceBodyBlock().clean(value)) == 3


def test_heading_levels_offer_no_h1() -> None:
    block = HeadingBlock()
    choices = {value for value, _label in block.child_blocks["level"].field.choices if value}
    assert choices == {"h2", "h3"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Council tax", "level": "h1"}))


# Rich text ----------------------------------------------------------------------------------


def test_paragraph_rich_text_features_are_limited() -> None:
    features = set(ParagraphBlock().features)
    assert {"bold", "link", "ol", "ul"} <= features
    structural = {"h1", "h2", "h3", "h4", "h5", "h6", "image", "embed", "hr", "blockquote"}
    assert not features & structural


def draftail_block(kind: str, text: str, styles: list[tuple[int, int, str]]) -> dict[str, Any]:
    ranges = [
        {"offset": start, "length": length, "style": style} for start, length, style in styles
    ]
    return {
        "key": kind[:5],
        "type": kind,
        "text": text,
        "depth": 0,
        "inlineStyleRanges": ranges,
        "entityRanges": [],
    }


def test_paragraph_editor_drops_headings_and_unlisted_styles() -> None:
    widget = ParagraphBlock().field.widget
    contentstate = {
        "blocks": [
            draftail_block("header-two", "Sneaky heading", []),
            draftail_block("unstyled", "Pay online", [(0, 3, "BOLD"), (4, 6, "ITALIC")]),
        ],
        "entityMap": {},
    }
    stored = widget.value_from_datadict({"p": json.dumps(contentstate)}, {}, "p")
    assert "<h2" not in stored
    assert "Sneaky heading" not in stored
    assert "<b>Pay</b>" in stored
    assert "<i>" not in stored


def test_paragraph_whitelist_strips_heading_tags() -> None:
    converter = EditorHTMLConverter(features=ParagraphBlock().features)
    cleaned = converter.to_database_format(
        "<h2>Heading</h2><p>Text <b>bold</b></p><ul><li>A</li></ul>"
    )
    assert "<h2" not in cleaned
    assert "<b>bold</b>" in cleaned
    assert "<ul><li>A</li></ul>" in cleaned


# Tables -------------------------------------------------------------------------------------

TABLE_DATA = [["Band", "Charge"], ["A", "£1,200"]]


def table(caption: str, header: str) -> dict[str, Any]:
    return {"data": TABLE_DATA, "table_caption": caption, "table_header_choice": header}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (table("", "row"), "Add a caption"),
        (table("   ", "row"), "Add a caption"),
        (table("Council tax bands", "neither"), "Row header"),
        (table("Council tax bands", "column"), "Row header"),
    ],
)
def test_table_needs_caption_and_header_row(value: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        AccessibleTableBlock().clean(value)


def test_table_with_caption_and_header_row_is_valid() -> None:
    cleaned = AccessibleTableBlock().clean(table("Council tax bands", "row"))
    assert cleaned["first_row_is_table_header"] is True


# Images and documents -----------------------------------------------------------------------


@pytest.mark.django_db
def test_image_needs_alt_text_unless_decorative() -> None:
    block = ImageBlock()
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "alt_text" in caught.value.block_errors
    decorative = block.clean(block.to_python({"image": image.pk, "decorative": True}))
    assert decorative["decorative"] is True
    described = block.clean(block.to_python({"image": image.pk, "alt_text": "A full bin"}))
    assert described["alt_text"] == "A full bin"


@pytest.mark.django_db
@pytest.mark.parametrize("alt", ["image", "Photo", "logo.", "image1", "Picture 2", " banner "])
def test_image_refuses_placeholder_alt_text(alt: str) -> None:
    block = ImageBlock()
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt_text": alt}))
    assert "does not say what the image shows" in str(caught.value.block_errors["alt_text"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    [
        {"alt_text": "Logo of Anytown Council"},
        {"alt_text": "Photo booth at the registry office"},
        {"alt_text": "logo", "decorative": True},
    ],
)
def test_image_accepts_descriptions_and_decorative_placeholders(value: dict[str, Any]) -> None:
    block = ImageBlock()
    image = ImageFactory()
    cleaned = block.clean(block.to_python({"image": image.pk, **value}))
    assert cleaned["alt_text"] == value["alt_text"]


@pytest.mark.django_db
def test_decorative_image_renders_empty_alt_even_with_alt_text() -> None:
    block = ImageBlock()
    image = ImageFactory()
    html = block.render(
        block.to_python({"image": image.pk, "alt_text": "Bins", "decorative": True})
    )
    assert 'alt=""' in html
    assert "Bins" not in html
    html = block.render(block.to_python({"image": image.pk, "alt_text": "A full bin"}))
    assert 'alt="A full bin"' in html


@pytest.mark.django_db
def test_document_link_says_type_and_size() -> None:
    block = DocumentLinkBlock()
    document = DocumentFactory(title="Bin calendar", size=2048, filename="calendar.pdf")
    html = block.render(block.to_python({"document": document.pk, "label": ""}))
    assert "Bin calendar" in html
    assert "(PDF, 2 KB)" in html
    assert f'href="{document.url}"' in html


# Start button -------------------------------------------------------------------------------


def test_body_allows_one_start_button() -> None:
    assert len(ServiceBodyBlock().clean(body(start_button(), paragraph("Then")))) == 2


def test_body_rejects_two_start_buttons() -> None:
    with pytest.raises(StreamBlockValidationError) as caught:
        ServiceBodyBlock().clean(body(start_button(), paragraph("Or"), start_button()))
    assert caught.value.non_block_errors


# Links --------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("with_page", "url", "text", "bad_field"),
    [
        (False, "", "", "url"),
        (True, "https://www.gov.uk/", "GOV.UK", "url"),
        (False, "https://www.gov.uk/council-tax", "", "text"),
    ],
)
def test_link_needs_a_page_or_an_address(
    home_page: HomePage, with_page: bool, url: str, text: str, bad_field: str
) -> None:
    block = LinkBlock()
    value = block.to_python({"page": home_page.pk if with_page else None, "url": url, "text": text})
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(value)
    assert list(caught.value.block_errors) == [bad_field]


@pytest.mark.django_db
def test_link_to_a_page_or_an_address_with_text_is_valid(home_page: HomePage) -> None:
    block = LinkBlock()
    to_page = block.clean(block.to_python({"page": home_page.pk, "url": "", "text": ""}))
    assert to_page["page"].pk == home_page.pk
    elsewhere = {"page": None, "url": "https://www.gov.uk/", "text": "GOV.UK"}
    assert block.clean(block.to_python(elsewhere))["url"] == "https://www.gov.uk/"


# Through the page editor --------------------------------------------------------------------


def page_form(body_items: list[tuple[str, Any]]) -> dict[str, Any]:
    return nested_form_data(
        {
            "title": "Pay for bulky waste",
            "slug": "bulky-waste",
            "summary": "Book and pay for a bulky waste collection.",
            "body": streamfield(body_items),
            "related_links": streamfield([]),
        }
    )


@pytest.fixture
def editor(client: Client, home_page: HomePage) -> tuple[Client, str]:
    category = ServiceCategoryPageFactory(parent=home_page, title="Bins")
    client.force_login(SuperuserFactory())
    return client, reverse("wagtailadmin_pages:add", args=("pages", "servicepage", category.pk))


def test_page_editor_refuses_h3_before_h2(editor: tuple[Client, str]) -> None:
    client, url = editor
    response = client.post(
        url, page_form([heading("Charges", "h3"), ("paragraph", rich_text("x"))])
    )
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert "The heading 'Charges' is level 3" in json.dumps(error.as_json_data())
    assert not ServicePage.objects.filter(slug="bulky-waste").exists()


def test_page_editor_saves_h2_then_h3(editor: tuple[Client, str]) -> None:
    client, url = editor
    response = client.post(url, page_form([heading("Charges", "h2"), heading("Discounts", "h3")]))
    assert response.status_code == 302
    page = ServicePage.objects.get(slug="bulky-waste")
    assert [block.value["level"] for block in page.get_latest_revision_as_object().body] == [
        "h2",
        "h3",
    ]
