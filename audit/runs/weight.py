"""The editor's page weight: the published page measured as the site serves it (HTML, CSS,
JavaScript and images, compressed), its heaviest parts named, stored for the editor panel.

Measured after each publish (a task, :func:`audit.tasks.weigh_page`), never on the way to the
edit view. The measuring is the page-weight benchmark's own (:mod:`audit.engine.weight`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from posixpath import basename
from typing import Any
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from audit.core.conf import audit_settings
from audit.engine.weight import Measurer, PageWeight
from audit.storage.models import PageWeightRecord

logger = logging.getLogger(__name__)

#: Parts named as "what makes the page heavy": at most this many...
HEAVY_PARTS = 5
#: ...each at least this share of the budget (an image of 1.4 KB is not the problem).
HEAVY_SHARE = 0.1


@dataclass(frozen=True)
class HeavyPart:
    """One thing that makes the page heavy, with what to do about it."""

    kind: str  # "image", "embed", "js", "css" or "html"
    name: str
    url: str
    bytes: int | None  # None for an embed: it loads from elsewhere, unmeasured

    @property
    def advice(self) -> str:
        if self.kind == "image":
            return _(
                "Use a smaller image: crop it, or upload it at the width it is shown "
                "(at most 1,000 pixels wide is plenty)."
            )
        if self.kind == "embed":
            return _(
                "An embed loads a whole page of its own (often hundreds of KB, not counted "
                "here). Link to it instead, with a sentence saying what it is."
            )
        if self.kind == "html":
            return _(
                "A long page: split it into a guide with parts, or move detail to the pages "
                "it belongs on."
            )
        return _("Part of the site's design, the same on every page: tell the developers.")


@dataclass(frozen=True)
class WeightSummary:
    """What the editor panel shows."""

    record: PageWeightRecord
    budget: int
    parts: list[HeavyPart]

    @property
    def total(self) -> int:
        return self.record.total_bytes

    @property
    def over(self) -> bool:
        return self.total > self.budget

    @property
    def percent(self) -> int:
        return round(100 * self.total / self.budget) if self.budget else 0


def _name(url: str) -> str:
    return unquote(basename(urlsplit(url).path)) or url


def heavy_parts(weight: PageWeight, budget: int) -> list[HeavyPart]:
    """Embeds first (always named: their weight is unknown), then the parts over
    :data:`HEAVY_SHARE` of the budget, heaviest first."""
    threshold = budget * HEAVY_SHARE
    sized = [
        HeavyPart(kind=asset.kind, name=_name(asset.url), url=asset.url, bytes=asset.bytes)
        for asset in weight.assets
        if asset.bytes >= threshold
    ]
    if weight.html_bytes >= budget / 2:
        sized.append(
            HeavyPart(
                kind="html", name=_("the page itself"), url=weight.url, bytes=weight.html_bytes
            )
        )
    sized.sort(key=lambda part: -(part.bytes or 0))
    embeds = [HeavyPart(kind="embed", name=url, url=url, bytes=None) for url in weight.embeds]
    return (embeds + sized)[:HEAVY_PARTS]


def measure_page(page: Page) -> PageWeight | None:
    """The live page's weight, or None when it has no address (not live, no site)."""
    parts = page.get_url_parts()
    if not page.live or parts is None:
        return None
    _site_id, root_url, path = parts
    if not root_url or path is None:
        return None
    measurer = Measurer(origin=root_url, images=True)
    return measurer.page(path, type(page.specific).__name__, page.title)


def weigh_page(page_id: int) -> PageWeightRecord | None:
    """Measure the page and store the figure; None when it cannot be measured."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    try:
        weight = measure_page(page)
    except Exception:  # the editor panel goes without a figure; publishing is not affected
        logger.exception("Could not measure the weight of page %s", page_id)
        return None
    if weight is None:
        return None
    budget = audit_settings().PAGE_WEIGHT_BUDGET
    fields: dict[str, Any] = {
        "measured_at": timezone.now(),
        "url": weight.url,
        "status": weight.status,
        "html_bytes": weight.html_bytes,
        "css_bytes": weight.css_bytes,
        "js_bytes": weight.js_bytes,
        "image_bytes": weight.image_bytes,
        "parts": [
            {"kind": p.kind, "name": p.name, "url": p.url, "bytes": p.bytes}
            for p in heavy_parts(weight, budget)
        ],
    }
    record, _created = PageWeightRecord.objects.update_or_create(page=page, defaults=fields)
    return record


def weight_summary(page: Page) -> WeightSummary | None:
    """The stored figure for the editor panel (None: not measured yet)."""
    record = PageWeightRecord.objects.filter(page_id=page.pk).first()
    if record is None or record.status != 200:
        return None
    parts = [
        HeavyPart(kind=p["kind"], name=p["name"], url=p["url"], bytes=p["bytes"])
        for p in record.parts
    ]
    return WeightSummary(record=record, budget=audit_settings().PAGE_WEIGHT_BUDGET, parts=parts)
