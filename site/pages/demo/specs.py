"""The shapes of demo content: pages, contact points, images, documents and banners.

Content modules describe what to build with these. References to things that only exist once
stored (a page, a contact point, an image, a document) are written as small ``*Ref`` values
and resolved by the builder.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pages.models import BasePage


@dataclass(frozen=True)
class PageRef:
    """A seeded page, by its address on the site, such as "/council-tax/pay-your-council-tax/"."""

    path: str


@dataclass(frozen=True)
class ContactRef:
    """A seeded contact point, by its key in ``contacts.CONTACT_POINTS``."""

    key: str


@dataclass(frozen=True)
class ImageRef:
    """A seeded image, by its key in ``media.IMAGES``."""

    key: str


@dataclass(frozen=True)
class DocumentRef:
    """A seeded document, by its key in ``media.DOCUMENTS``."""

    key: str


@dataclass(frozen=True)
class PageSpec:
    """One page and the pages below it.

    ``fields`` are kept in line with the content on every run. ``initial`` fields are set
    only when the page is created (such as a news story's date), so a rerun keeps them.
    """

    model: type[BasePage]
    slug: str
    title: str
    summary: str
    fields: dict[str, Any] = field(default_factory=dict)
    initial: dict[str, Any] = field(default_factory=dict)
    children: tuple[PageSpec, ...] = ()


@dataclass(frozen=True)
class Hours:
    """Opening hours for one day: ``weekday`` 0 is Monday, 6 is Sunday, 7 is bank holidays."""

    weekday: int
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    closed: bool = False


@dataclass(frozen=True)
class ContactSpec:
    key: str
    name: str
    phone: str = ""
    textphone: str = ""
    email: str = ""
    address: str = ""
    hours: tuple[Hours, ...] = ()


@dataclass(frozen=True)
class FileSpec:
    """An image or document made at seed time. ``make`` returns the file's bytes."""

    key: str
    title: str
    filename: str
    make: Callable[[], bytes]


@dataclass(frozen=True)
class BannerSpec:
    """A site-wide alert banner, live from a day before the seed for ``days_live`` days."""

    title: str
    message: str
    level: str = "minor"
    days_live: int = 30
    link_url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class TeamSpec:
    """A Wagtail group of editors: it may edit and publish the pages of one section
    (``section``, the section page's address) and owns reviews of pages in it."""

    name: str
    section: str


@dataclass(frozen=True)
class ReviewSpec:
    """A service page's next review (docs/content-review.md), owned by the team named
    ``team``: ``days`` after the day it is seeded (negative: overdue by that many days)."""

    path: str
    days: int
    team: str
