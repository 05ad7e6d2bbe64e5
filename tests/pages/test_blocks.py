"""How the body blocks render: the markup residents and assistive technology receive."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import Block, RawHTMLBlock
from wagtail.embeds.blocks import EmbedBlock

from pages.blocks import (
    AccessibleTableBlock,
    ContactBlock,
    DetailsBlock,
    HeadingBlock,
    InsetTextBlock,
    LinkBlock,
    NumberedStepsBlock,
    ParagraphBlock,
    ServiceBodyBlock,
    StartButtonBlock,
    WarningTextBlock,
)
from pages.models import HomePage
from tests.factories import ContactPointFactory, ServicePageFactory


def render(block: Block, raw: Any) -> BeautifulSoup:
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


@pytest.mark.parametrize(("level", "tag"), [("h2", "h2"), ("h3", "h3")])
def test_heading_renders_its_level_with_an_anchor(level: str, tag: str) -> None:
    html = render(HeadingBlock(), {"text": "How to pay your bill", "level": level})
    heading = html.find(tag)
    assert heading is not None
    assert heading.get_text() == "How to pay your bill"
    assert heading["id"] == "how-to-pay-your-bill"
    assert len(html.find_all(["h1", "h2", "h3", "h4"])) == 1


def test_paragraph_renders_rich_text() -> None:
    html = render(ParagraphBlock(), "<p>Pay by <b>direct debit</b>.</p>")
    assert html.find("p").get_text() == "Pay by direct debit."
    assert html.find("b").get_text() == "direct debit"


def test_inset_text_is_wrapped_in_its_class() -> None:
    html = render(InsetTextBlock(), "<p>For example, a sofa.</p>")
    assert html.select_one("div.inset p").get_text() == "For example, a sofa."


def test_warning_text_says_warning_to_screen_readers() -> None:
    html = render(WarningTextBlock(), "You can be fined up to £1,000.")
    assert html.select_one(".warning__icon")["aria-hidden"] == "true"
    text = html.select_one(".warning__text").get_text()
    assert text == "Warning: You can be fined up to £1,000."
    assert html.select_one(".visually-hidden").get_text() == "Warning: "


def test_numbered_steps_render_an_ordered_list() -> None:
    html = render(NumberedStepsBlock(), ["<p>Fill in the form.</p>", "<p>Send it to us.</p>"])
    items = html.select("ol.numbered > li")
    assert [item.get_text() for item in items] == ["Fill in the form.", "Send it to us."]


def test_start_button_links_to_the_service() -> None:
    block = StartButtonBlock()
    html = render(block, {"url": "https://forms.anytown.example/bins", "label": "Start now"})
    link = html.select_one("a.button--start")
    assert link["href"] == "https://forms.anytown.example/bins"
    assert link.get_text() == "Start now"
    assert html.find("svg")["aria-hidden"] == "true"
    assert block.child_blocks["label"].get_default() == "Start now"


def test_details_render_a_native_disclosure() -> None:
    html = render(DetailsBlock(), {"summary": "Help with the form", "body": "<p>Call us.</p>"})
    assert html.select_one("details > summary").get_text() == "Help with the form"
    assert html.select_one("details .details__body p").get_text() == "Call us."


def test_table_renders_caption_and_scoped_headers() -> None:
    value = {
        "data": [["Band", "Charge"], ["A", "£1,200"], ["B", None]],
        "table_caption": "Council tax bands",
        "table_header_choice": "both",
        "first_row_is_table_header": True,
        "first_col_is_header": True,
    }
    html = render(AccessibleTableBlock(), value)
    assert html.find("caption").get_text() == "Council tax bands"
    assert html.select_one(".table-wrap")["aria-label"] == "Council tax bands"
    assert [th.get_text() for th in html.select("thead th[scope=col]")] == ["Band", "Charge"]
    assert [th.get_text() for th in html.select("tbody th[scope=row]")] == ["A", "B"]
    assert [td.get_text() for td in html.select("tbody td")] == ["£1,200", ""]
    assert "None" not in html.get_text()


def test_table_without_a_header_column_has_no_row_headers() -> None:
    value = {
        "data": [["Day", "Bin"], ["Monday", "Green"]],
        "table_caption": "Bin days",
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
    }
    html = render(AccessibleTableBlock(), value)
    assert html.select("tbody th") == []
    assert [td.get_text() for td in html.select("tbody td")] == ["Monday", "Green"]


@pytest.mark.django_db
def test_link_to_a_page_uses_its_title_unless_given_text(home_page: HomePage) -> None:
    page = ServicePageFactory(parent=home_page, title="Pay your council tax")
    block = LinkBlock()
    link = render(block, {"page": page.pk, "url": "", "text": ""}).find("a")
    assert (link["href"], link.get_text()) == (page.url, "Pay your council tax")
    link = render(block, {"page": page.pk, "url": "", "text": "Pay online"}).find("a")
    assert link.get_text() == "Pay online"


def test_link_elsewhere_uses_its_address_and_text() -> None:
    raw = {"page": None, "url": "https://www.gov.uk/council-tax", "text": "Council Tax on GOV.UK"}
    link = render(LinkBlock(), raw).find("a")
    assert (link["href"], link.get_text()) == (raw["url"], raw["text"])


@pytest.mark.django_db
def test_contact_block_renders_the_contact_point() -> None:
    contact = ContactPointFactory(name="Council Tax team", phone="01234 567 890")
    html = render(ContactBlock(), contact.pk)
    assert html.select_one(".contact__name").get_text() == "Council Tax team"
    assert html.select_one('a[href^="tel:"]')["href"] == "tel:01234567890"


def test_contact_block_with_a_deleted_contact_renders_nothing() -> None:
    assert ContactBlock().render(None).strip() == ""


def test_body_block_offers_no_raw_html_or_embeds() -> None:
    offered = ServiceBodyBlock().child_blocks.values()
    assert not [block for block in offered if isinstance(block, (RawHTMLBlock, EmbedBlock))]
