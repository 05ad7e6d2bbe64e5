"""The editor's page weight: measured as the site serves it when a page is published, stored,
and shown in the editor panel with what makes the page heavy."""

from __future__ import annotations

import io
import os
from typing import Any

import pytest
from django.core.files.images import ImageFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from audit.engine.weight import Measurer
from audit.runs.weight import heavy_parts, weigh_page, weight_summary
from audit.storage.models import PageWeightRecord
from tests.factories import ServicePageFactory, SuperuserFactory, paragraph

pytestmark = pytest.mark.django_db

BUDGET = 14 * 1024


def noisy_image(name: str = "council-chamber.png", size: int = 700) -> Image:
    """A PNG of random pixels: it does not compress, so it stays heavy at any rendition."""
    picture = PILImage.frombytes("RGB", (size, size), os.urandom(size * size * 3))
    data = io.BytesIO()
    picture.save(data, format="PNG")
    return Image.objects.create(title="Council chamber", file=ImageFile(data, name=name))


def image_block(image: Image) -> tuple[str, dict[str, Any]]:
    return ("image", {"image": image, "alt_text": "The council chamber", "caption": ""})


@pytest.fixture
def heavy(home_page: Any) -> Any:
    return ServicePageFactory(
        parent=home_page,
        title="Council meetings",
        body=[paragraph("Meetings are held monthly."), image_block(noisy_image())],
    )


@pytest.fixture
def light(home_page: Any) -> Any:
    return ServicePageFactory(parent=home_page, title="Report a pothole")


def test_a_light_page_is_within_budget_and_names_nothing(light: Any) -> None:
    record = weigh_page(light.pk)
    assert record is not None and record.status == 200
    assert 0 < record.html_bytes < BUDGET
    assert record.image_bytes == 0
    assert record.total_bytes < BUDGET
    assert record.parts == []


def test_a_big_image_makes_the_page_heavy_and_is_named(heavy: Any) -> None:
    record = weigh_page(heavy.pk)
    assert record is not None
    assert record.image_bytes > 500_000  # the rendition, sized from the media storage
    assert record.total_bytes > BUDGET
    first = record.parts[0]
    assert first["kind"] == "image"
    assert first["name"].startswith("council-chamber") and first["name"].endswith(".png")
    assert first["bytes"] == record.image_bytes


def test_an_embed_is_named_with_link_advice(home_page: Any) -> None:
    page = ServicePageFactory(parent=home_page, title="Planning map")
    measurer = Measurer(images=True)
    weight = measurer.page(page.url)
    assert weight.embeds == []
    weight.embeds.append("https://maps.example/embed?id=1")
    parts = heavy_parts(weight, BUDGET)
    assert parts[0].kind == "embed" and parts[0].bytes is None
    assert "Link to it instead" in parts[0].advice


def test_the_figure_is_stored_on_publish_and_replaced(light: Any) -> None:
    with override_settings(CLEARWAY_AUDIT={"AUDIT_ON_PUBLISH": False}):
        light.save_revision().publish()
        first = PageWeightRecord.objects.get(page=light)
        light.save_revision().publish()
    assert PageWeightRecord.objects.filter(page=light).count() == 1
    assert PageWeightRecord.objects.get(page=light).measured_at >= first.measured_at


def test_not_measured_on_publish_when_switched_off(light: Any) -> None:
    light.save_revision().publish()  # test settings: WEIGH_ON_PUBLISH False
    assert not PageWeightRecord.objects.filter(page=light).exists()
    assert weight_summary(light) is None


def test_the_editor_panel_shows_the_weight_and_the_advice(heavy: Any, light: Any) -> None:
    weigh_page(heavy.pk)
    weigh_page(light.pk)
    client = Client()
    client.force_login(SuperuserFactory())
    heavy_html = client.get(reverse("audit_editor:panel", args=[heavy.pk])).content.decode()
    assert "Page weight" in heavy_html
    assert "Over the budget" in heavy_html
    assert "Image: council-chamber" in heavy_html
    assert "Use a smaller image" in heavy_html
    light_html = client.get(reverse("audit_editor:panel", args=[light.pk])).content.decode()
    assert "Page weight" in light_html
    assert "Over the budget" not in light_html
    assert "What makes it heavy" not in light_html


def test_the_edit_view_does_not_measure(light: Any) -> None:
    client = Client()
    client.force_login(SuperuserFactory())
    response = client.get(reverse("wagtailadmin_pages:edit", args=[light.pk]))
    assert response.status_code == 200
    assert not PageWeightRecord.objects.exists()
