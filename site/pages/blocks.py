"""Plain-language content blocks. Editors can only build what is accessible by construction:
no h1 in the body, no skipped heading levels, tables with captions and header rows, images
with alt text unless marked decorative, document links that say their type and size.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# The audit's own test of placeholder alt text, so that save and audit agree on one list.
from audit.checks.content.images import placeholder_alt

#: Rich text features for paragraphs: bold, links and lists, nothing that can break structure.
PARAGRAPH_FEATURES = ["bold", "link", "ol", "ul"]
#: Rich text features inside callouts and steps.
INLINE_FEATURES = ["bold", "link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Level 2: a section"), ("h3", "Level 3: part of a section")],
        default="h2",
        help_text="Start with level 2. A level 3 heading must come after a level 2 heading.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class InsetTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=INLINE_FEATURES, **kwargs)

    class Meta:
        icon = "doc-full"
        template = "blocks/inset_text.html"
        help_text = "Information that is different from the text around it, such as an example."


class WarningTextBlock(blocks.TextBlock):
    class Meta:
        icon = "warning"
        template = "blocks/warning_text.html"
        help_text = "Something residents must know, such as a legal consequence. Use rarely."


class NumberedStepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(blocks.RichTextBlock(features=INLINE_FEATURES), **kwargs)

    class Meta:
        icon = "list-ol"
        template = "blocks/numbered_steps.html"


class StartButtonBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="The address of the online form or service.")
    label = blocks.CharBlock(max_length=40, default="Start now")

    class Meta:
        icon = "arrow-right"
        template = "blocks/start_button.html"
        label = "Start now button"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120, help_text="For example, 'Help with the form'.")
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "collapse-down"
        template = "blocks/details.html"
        label = "Details (show and hide)"


class ContactBlock(SnippetChooserBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__("contacts.ContactPoint", **kwargs)

    def bulk_to_python(self, values: list[Any]) -> list[Any]:
        # Every contact on the page shows its opening hours: fetch them all in one query.
        contacts = super().bulk_to_python(values)
        prefetch_related_objects([c for c in contacts if c is not None], "opening_hours")
        return contacts

    class Meta:
        icon = "mail"
        template = "blocks/contact.html"


class AccessibleTableBlock(TableBlock):
    """A table with a caption and a header row, both required."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            table_options={
                "contextMenu": [
                    "row_above",
                    "row_below",
                    "col_left",
                    "col_right",
                    "remove_row",
                    "remove_col",
                    "undo",
                    "redo",
                ]
            },
            **kwargs,
        )

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        errors = []
        if not (value or {}).get("table_caption", "").strip():
            errors.append("Add a caption that says what the table shows.")
        if not (value or {}).get("first_row_is_table_header"):
            errors.append("Turn on 'Row header' so the first row labels each column.")
        if errors:
            raise ValidationError(" ".join(errors))
        return value

    class Meta:
        icon = "table"
        template = "blocks/table.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it.",
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text="Tick only if the image adds no information."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context)
        context["alt"] = "" if value.get("decorative") else value.get("alt_text", "")
        return context

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if value.get("decorative"):
            return value
        alt = (value.get("alt_text") or "").strip()
        if not alt:
            message = "Add alt text, or tick 'decorative' if the image adds no information."
        elif placeholder_alt(alt):
            message = (
                f"“{alt}” does not say what the image shows. Describe it (for a logo, give "
                "the organisation's name), or tick 'decorative' if it adds no information."
            )
        else:
            return value
        raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="What the document is. Leave blank to use its title. "
        "Its type and size are added for you.",
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "blocks/document_link.html"


class ServiceBodyBlock(blocks.StreamBlock):
    """The body of service pages and similar content."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    numbered_steps = NumberedStepsBlock()
    start_button = StartButtonBlock()
    details = DetailsBlock()
    contact = ContactBlock()
    table = AccessibleTableBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()

    class Meta:
        block_counts = {"start_button": {"max_num": 1}}

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        errors = heading_order_errors(
            [
                (child.value["level"], child.value["text"])
                if child.block_type == "heading"
                else None
                for child in value
            ]
        )
        if errors:
            raise blocks.StreamBlockValidationError(
                block_errors={index: ValidationError(message) for index, message in errors.items()}
            )
        return value


def heading_order_errors(headings: list[tuple[str, str] | None]) -> dict[int, str]:
    """Messages for headings that skip a level, keyed by position in the stream.

    ``headings`` has one item per block: ``(level, text)`` for a heading, ``None`` otherwise.
    The page title is the h1, so the body must start at level 2.
    """
    errors: dict[int, str] = {}
    seen_h2 = False
    for index, heading in enumerate(headings):
        if heading is None:
            continue
        level, text = heading
        if level == "h2":
            seen_h2 = True
        elif level == "h3" and not seen_h2:
            errors[index] = (
                f"The heading '{text}' is level 3 but there is no level 2 heading before it. "
                "Change it to level 2, or add a level 2 heading above it."
            )
    return errors


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or an address on another website")
    text = blocks.CharBlock(
        required=False, max_length=120, help_text="Leave blank to use the page's title."
    )

    class Meta:
        icon = "link"
        template = "blocks/link.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or give an address, not both.")}
            )
        if value.get("url") and not value.get("text"):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError("Give link text for an address elsewhere.")}
            )
        return value

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context)
        page = value.get("page")
        context["href"] = page.url if page else value.get("url")
        context["text"] = value.get("text") or (page.title if page else value.get("url"))
        return context


class StepBlock(blocks.StructBlock):
    """One step in a step-by-step journey."""

    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    links = blocks.ListBlock(LinkBlock(), required=False, default=[])

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()
