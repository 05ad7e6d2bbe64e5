"""Small factory_boy factories for Clearway's pages, snippets, feedback and users.

Page factories need a ``parent``: the page is added under it with ``parent.add_child()`` and
then published through a revision, as an editor would (``publish=False`` leaves a draft).
"""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from alerts.models import AlertBanner, AlertLevel
from contacts.models import ContactPoint, OpeningHours
from feedback.models import PageFeedback
from pages import models as page_models

SITE_NAME = "Anytown Borough Council"


def paragraph(text: str) -> tuple[str, RichText]:
    """A body block: a paragraph of rich text."""
    return ("paragraph", RichText(f"<p>{text}</p>"))


def heading(text: str, level: str = "h2") -> tuple[str, dict[str, str]]:
    """A body block: a heading, level 2 unless told."""
    return ("heading", {"text": text, "level": level})


class PageFactory(DjangoModelFactory):
    """Abstract: add the page under ``parent``, then publish it unless ``publish=False``."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = factory.LazyAttribute(lambda page: f"What you can do on {page.title}.")

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        parent: Page | None = kwargs.pop("parent", None)
        publish: bool = kwargs.pop("publish", True)
        if parent is None:
            raise ValueError(f"{cls.__name__} needs a parent page.")
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
            page.has_unpublished_changes = True
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = page_models.HomePage

    title = SITE_NAME
    slug = "home"
    summary = "Find council services, news and information."


class ServiceCategoryPageFactory(PageFactory):
    class Meta:
        model = page_models.ServiceCategoryPage


class ServicePageFactory(PageFactory):
    class Meta:
        model = page_models.ServicePage

    body = factory.LazyAttribute(lambda page: [paragraph(f"How to use {page.title}.")])


class GuidePageFactory(ServicePageFactory):
    class Meta:
        model = page_models.GuidePage


class GuidePartPageFactory(ServicePageFactory):
    class Meta:
        model = page_models.GuidePartPage


class AccessibilityStatementPageFactory(ServicePageFactory):
    class Meta:
        model = page_models.AccessibilityStatementPage

    title = "Accessibility statement"
    organisation = "Anytown Borough Council"
    prepared_on = datetime.date(2026, 9, 14)


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = page_models.NewsIndexPage

    title = "News"


class NewsPageFactory(ServicePageFactory):
    class Meta:
        model = page_models.NewsPage

    date = datetime.date(2025, 1, 15)


class SearchPageFactory(PageFactory):
    class Meta:
        model = page_models.SearchPage

    title = "Search"


class StepByStepPageFactory(PageFactory):
    class Meta:
        model = page_models.StepByStepPage

    steps = factory.LazyAttribute(
        lambda page: [
            ("step", {"title": f"Check {page.title}", "body": "<p>Check first.</p>", "links": []}),
            ("step", {"title": f"Apply for {page.title}", "body": "<p>Then apply.</p>"}),
        ]
    )


def build_site(**home_kwargs: Any) -> page_models.HomePage:
    """A HomePage under the tree root, served by the default Site (Wagtail's welcome page and
    its Site are removed first)."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
    )
    return home


def make_private(page: Page) -> PageViewRestriction:
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


class ContactPointFactory(DjangoModelFactory):
    """``hours={weekday: (opens, closes) or None}`` adds opening hours; None means closed."""

    class Meta:
        model = ContactPoint
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Council Tax team {n}")
    phone = "01234 567890"
    email = "counciltax@anytown.example"
    address = "Town Hall\nHigh Street\nAnytown AN1 1AA"

    @factory.post_generation
    def hours(
        self,
        create: bool,
        extracted: dict[int, tuple[datetime.time, datetime.time] | None] | None,
        **kwargs: Any,
    ) -> None:
        for weekday, times in (extracted or {}).items():
            opens, closes = times or (None, None)
            OpeningHoursFactory(
                contact_point=self, weekday=weekday, opens=opens, closes=closes, closed=not times
            )


class OpeningHoursFactory(DjangoModelFactory):
    class Meta:
        model = OpeningHours

    contact_point = factory.SubFactory(ContactPointFactory)
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(17)
    closed = False


class AlertBannerFactory(DjangoModelFactory):
    class Meta:
        model = AlertBanner

    level = AlertLevel.MINOR
    title = factory.Sequence(lambda n: f"Bin collections delayed {n}")
    message = "Collections are running a day late this week."
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ends_at = None


class PageFeedbackFactory(DjangoModelFactory):
    class Meta:
        model = PageFeedback

    page = None
    page_title = factory.Sequence(lambda n: f"Pay your council tax {n}")
    url = "/council-tax/pay/"
    useful = False
    comment = "The form would not accept my postcode."


class UserFactory(DjangoModelFactory):
    """``permissions=["app_label.codename", ...]`` grants permissions directly."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@anytown.example")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def permissions(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        for name in extracted or []:
            app_label, codename = name.split(".")
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class ImageFactory(DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=40, height=30, color="green")


def root_collection() -> Collection:
    """Wagtail's root collection, made again if a transactional test flushed it."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


class DocumentFactory(DjangoModelFactory):
    """``size`` bytes of content in a file called ``filename``."""

    class Meta:
        model = Document
        exclude = ("size", "filename")

    title = factory.Sequence(lambda n: f"Leaflet {n}")
    # In a transactional test the migrations' root collection has been flushed away.
    collection = factory.LazyFunction(root_collection)
    size = 2048
    filename = "leaflet.pdf"
    file = factory.LazyAttribute(lambda doc: ContentFile(b"x" * doc.size, name=doc.filename))
