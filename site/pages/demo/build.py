"""Store the demo council: files, contact points, pages, the site and alert banners.

Every step looks things up by a fixed key and saves only what differs from the content, so a
second run changes nothing. Pages are built in two passes: the first makes sure every page
exists (so pages can link to pages that come later in the tree), the second fills in and
validates their content, then saves a revision and publishes it.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.blocks import StreamBlock, StreamValue
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import GroupPagePermission, Page, Site

from alerts.models import AlertBanner
from audit.checks.documents import check_pdf
from audit.core.conf import audit_settings
from audit.core.enums import DismissalReason, DismissalScope
from audit.models import Dismissal
from audit.results.fingerprints import target_key
from contacts.models import ContactPoint, OpeningHours
from pages.models import BasePage, HomePage, SiteLinkSettings
from pages.models.review import ReviewMixin

from .content import (
    BANNERS,
    CONTACT_POINTS,
    REVIEWS,
    SEARCH_PROMOTIONS,
    SITE_LINKS,
    SITE_NAME,
    SITE_TREE,
    TEAMS,
)
from .content.examples import EXAMPLES
from .media import DOCUMENTS, IMAGES, OUTSIDE_SCOPE_DOCUMENTS
from .specs import (
    BannerSpec,
    ContactRef,
    ContactSpec,
    DocumentRef,
    FileSpec,
    ImageRef,
    PageRef,
    PageSpec,
    ReviewSpec,
    TeamSpec,
)

#: Where `make run` serves the site, so that full URLs (the audit, sitemap.xml, emails) reach
#: it. It is the default site, so it also answers any other host name.
SITE_HOSTNAME = "127.0.0.1"
SITE_PORT = 8000

#: A link to a seeded page in rich text, written in the content as a site-relative address.
PAGE_HREF = re.compile(r'<a href="(/[^"]*)">')


class DemoError(Exception):
    """The database holds something the demo cannot safely build over."""


@dataclass
class SeedReport:
    """What a run did, by kind of thing and outcome ("created", "updated", "unchanged")."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    pages_by_type: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def count(self, kind: str, outcome: str) -> None:
        self.counts[kind, outcome] += 1

    @property
    def changed(self) -> bool:
        return any(n for (_, outcome), n in self.counts.items() if outcome != "unchanged")

    def lines(self) -> list[str]:
        kinds = sorted({kind for kind, _ in self.counts})
        return [
            f"{kind}: "
            + ", ".join(
                f"{self.counts[kind, outcome]} {outcome}"
                for outcome in ("created", "updated", "unchanged")
                if self.counts[kind, outcome]
            )
            for kind in kinds
        ]


# Entry point -------------------------------------------------------------------------------


def site_tree(*, with_examples: bool = False) -> PageSpec:
    """The demo's pages; with the examples section (pages with accessibility problems on
    purpose) last, when asked."""
    if not with_examples:
        return SITE_TREE
    return dataclasses.replace(SITE_TREE, children=(*SITE_TREE.children, EXAMPLES))


def build_demo(*, with_examples: bool = False) -> SeedReport:
    """Create or update the whole demo council, in one transaction. ``with_examples`` adds
    the example pages with accessibility problems (for trying the audit, never for CI)."""
    began = time.perf_counter()
    report = SeedReport()
    tree = site_tree(with_examples=with_examples)
    with transaction.atomic():
        images = {spec.key: ensure_image(spec, report) for spec in IMAGES}
        documents = {spec.key: ensure_document(spec, report) for spec in DOCUMENTS}
        for key in OUTSIDE_SCOPE_DOCUMENTS:
            dismiss_outside_scope(documents[key], report)
        contacts = {spec.key: ensure_contact_point(spec, report) for spec in CONTACT_POINTS}
        home = ensure_home_page(tree, report)
        site = ensure_site(home, report)
        pages = {"/": home}
        for path, parent_path, spec in walk(tree):
            if path != "/":
                pages[path] = ensure_page_exists(pages[parent_path], spec, report)
        resolver = Resolver(pages, contacts, images, documents)
        teams = {spec.name: ensure_team(spec, resolver, report) for spec in TEAMS}
        reviews = planned_reviews(REVIEWS, resolver, teams, timezone.localdate())
        for path, _, spec in walk(tree):
            publish_content(pages[path], spec, resolver, report, reviews.get(path))
            report.pages_by_type[type(pages[path]).__name__] += 1
        for banner in BANNERS:
            ensure_banner(banner, report)
        ensure_site_links(site, pages, report)
        for query, paths in SEARCH_PROMOTIONS.items():
            ensure_search_promotions(query, [pages[path] for path in paths], report)
    report.seconds = time.perf_counter() - began
    return report


def walk(
    spec: PageSpec, path: str = "/", parent_path: str = ""
) -> Iterator[tuple[str, str, PageSpec]]:
    """Every page spec in tree order (parents first), with its address and its parent's."""
    yield path, parent_path, spec
    for child in spec.children:
        yield from walk(child, f"{path}{child.slug}/", path)


# Files -------------------------------------------------------------------------------------


def store_file(folder: str, spec: FileSpec, content: bytes) -> str:
    """Save the file under a fixed name, reusing an identical file left by an earlier run."""
    name = f"{folder}/{spec.filename}"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as existing:
            if existing.read() == content:
                return name
    return default_storage.save(name, ContentFile(content))


def ensure_image(spec: FileSpec, report: SeedReport) -> AbstractImage:
    """The image with the spec's title, drawn and stored the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None:
        report.count("images", restore_missing_file(image.file.name, spec))
        return image
    content = spec.make()
    with PillowImage.open(ContentFile(content)) as picture:
        width, height = picture.size
    image = Image(title=spec.title, width=width, height=height)
    image.file.name = store_file("original_images", spec, content)
    image._set_image_file_metadata()
    image.save()
    report.count("images", "created")
    return image


def ensure_document(spec: FileSpec, report: SeedReport) -> AbstractDocument:
    """The document with the spec's title, written and stored the first time only."""
    Document = get_document_model()
    document = Document.objects.filter(title=spec.title).order_by("pk").first()
    if document is not None:
        report.count("documents", restore_missing_file(document.file.name, spec))
        return document
    document = Document(title=spec.title)
    document.file.name = store_file("documents", spec, spec.make())
    document._set_document_file_metadata()
    document.save()
    report.count("documents", "created")
    return document


#: Why the demo's old documents need no fix, as a council would write it.
OUTSIDE_SCOPE_NOTE = (
    "Published in 2015, before 23 September 2018, and not needed to use any of our services "
    "today: outside the scope of the accessibility regulations. Listed in the accessibility "
    "statement."
)


def dismiss_outside_scope(document: AbstractDocument, report: SeedReport) -> None:
    """Dismiss what the audit's document rules find in ``document``, as outside the scope of
    the regulations (docs/documents.md): one site-wide dismissal per rule, keyed by the rule
    and the file name, so it covers the document at whatever address the site is served."""
    with document.open_file() as handle:
        data = handle.read()
    checked = check_pdf(data, name=document.filename, config=audit_settings())
    for issue in checked.issues:
        key = target_key(issue.rule, issue.selector, issue.html)
        _, created = Dismissal.objects.get_or_create(
            rule=issue.rule,
            scope=DismissalScope.SITE,
            target_key=key,
            revoked_at__isnull=True,
            defaults={
                "reason": DismissalReason.OUTSIDE_SCOPE,
                "note": OUTSIDE_SCOPE_NOTE,
                "url": document.url,
            },
        )
        report.count("dismissals", "created" if created else "unchanged")


def restore_missing_file(name: str, spec: FileSpec) -> str:
    """Put a stored file back if it has gone (say, the media folder was emptied)."""
    if default_storage.exists(name):
        return "unchanged"
    default_storage.save(name, ContentFile(spec.make()))
    return "updated"


# Snippets and banners ----------------------------------------------------------------------


def set_fields(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the fields that differ; whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def ensure_contact_point(spec: ContactSpec, report: SeedReport) -> ContactPoint:
    """The contact point named in the spec, with exactly the spec's details and hours."""
    values = {
        "phone": spec.phone,
        "textphone": spec.textphone,
        "email": spec.email,
        "address": spec.address,
    }
    wanted_hours = [(h.weekday, h.opens, h.closes, h.closed) for h in spec.hours]
    contact = ContactPoint.objects.filter(name=spec.name).order_by("pk").first()
    if contact is None:
        contact = ContactPoint(name=spec.name, **values)
        outcome = "created"
    else:
        current_hours = [
            (h.weekday, h.opens, h.closes, h.closed) for h in contact.opening_hours.all()
        ]
        changed = set_fields(contact, values)
        if not changed and current_hours == wanted_hours:
            report.count("contact points", "unchanged")
            return contact
        outcome = "updated"
    contact.opening_hours = [
        OpeningHours(weekday=weekday, opens=opens, closes=closes, closed=closed)
        for weekday, opens, closes, closed in wanted_hours
    ]
    for row in contact.opening_hours.all():
        row.full_clean(exclude=["contact_point"])
    contact.full_clean()
    contact.save()
    report.count("contact points", outcome)
    return contact


def ensure_banner(spec: BannerSpec, report: SeedReport) -> AlertBanner:
    """The banner with the spec's title. One that has ended is shown again from now."""
    now = timezone.now()
    values = {
        "level": spec.level,
        "message": spec.message,
        "link_url": spec.link_url,
        "link_text": spec.link_text,
    }
    banner = AlertBanner.objects.filter(title=spec.title).order_by("pk").first()
    if banner is None:
        banner = AlertBanner(title=spec.title)
        outcome = "created"
    else:
        outcome = "updated"
    changed = set_fields(banner, values)
    if not AlertBanner.objects.live(at=now).filter(pk=banner.pk).exists():
        banner.starts_at = now - datetime.timedelta(days=1)
        banner.ends_at = now + datetime.timedelta(days=spec.days_live)
        changed = True
    if banner.pk and not changed:
        report.count("alert banners", "unchanged")
        return banner
    banner.full_clean()
    banner.save()
    report.count("alert banners", outcome)
    return banner


# Teams and reviews -------------------------------------------------------------------------

#: What a team may do in its section, as Wagtail's "Editors" group may everywhere.
TEAM_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def ensure_team(spec: TeamSpec, resolver: Resolver, report: SeedReport) -> Group:
    """The group named in the spec: it reaches the admin and edits and publishes its section.
    Its members, and any other permission given to it, are left alone."""
    group, created = Group.objects.get_or_create(name=spec.name)
    changed = False
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    if not group.permissions.filter(pk=access.pk).exists():
        group.permissions.add(access)
        changed = True
    section = resolver.page(spec.section)
    for codename in TEAM_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        _, made = GroupPagePermission.objects.get_or_create(
            group=group, page=section, permission=permission
        )
        changed = changed or made
    report.count("teams", "created" if created else "updated" if changed else "unchanged")
    return group


def planned_reviews(
    specs: tuple[ReviewSpec, ...],
    resolver: Resolver,
    teams: dict[str, Group],
    today: datetime.date,
) -> dict[str, dict[str, Any]]:
    """The review fields to give each page, by its address: a date counted from ``today`` and
    its team. Only pages with no review date and no owner get them, so a rerun keeps the dates
    a first run gave (and editors' changes), and a demo seeded before there were reviews gets
    them."""
    planned: dict[str, dict[str, Any]] = {}
    for spec in specs:
        page = resolver.page(spec.path)
        if not isinstance(page, ReviewMixin):
            raise DemoError(f"'{spec.path}' is a {type(page).__name__}: it has no review date.")
        if page.next_review_date or page.review_owner_user_id or page.review_owner_group_id:
            continue
        team = Resolver._find("team", teams, spec.team)
        planned[spec.path] = {
            "next_review_date": today + datetime.timedelta(days=spec.days),
            "review_owner_group_id": team.pk,
        }
    return planned


# Site and home page ------------------------------------------------------------------------


def ensure_home_page(spec: PageSpec, report: SeedReport) -> HomePage:
    """The home page, replacing Wagtail's "Welcome to your new Wagtail site!" page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).filter(slug=spec.slug).first()
    if home is not None:
        return home
    plain_page = ContentType.objects.get_for_model(Page)
    for welcome in root.get_children().filter(slug=spec.slug, content_type=plain_page):
        if welcome.numchild:
            raise DemoError(f"The page '{welcome.title}' has pages below it: not replacing it.")
        welcome.delete()  # Its Site goes with it; ensure_site() makes ours.
    home = HomePage(title=spec.title, slug=spec.slug, summary=spec.summary, live=False)
    root.add_child(instance=home)
    report.count("pages", "created")
    return home


def ensure_site(home: HomePage, report: SeedReport) -> Site:
    """The default site, serving the home page."""
    values = {
        "hostname": SITE_HOSTNAME,
        "port": SITE_PORT,
        "root_page_id": home.pk,
        "site_name": SITE_NAME,
        "is_default_site": True,
    }
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname=SITE_HOSTNAME, port=SITE_PORT).first()
    )
    if site is None:
        site = Site.objects.create(**values)
        report.count("sites", "created")
    elif set_fields(site, values):
        site.save()
        report.count("sites", "updated")
    else:
        report.count("sites", "unchanged")
    return site


def ensure_site_links(site: Site, pages: dict[str, Page], report: SeedReport) -> None:
    """Settings > Site links: the contact and privacy pages in every header and footer."""
    links = SiteLinkSettings.for_site(site)
    if set_fields(links, {f"{name}_id": pages[path].pk for name, path in SITE_LINKS.items()}):
        links.save()
        report.count("site links", "updated")
    else:
        report.count("site links", "unchanged")


def ensure_search_promotions(query_string: str, promoted: list[Page], report: SeedReport) -> None:
    """The promoted results for one search, in order. Other searches' promotions are left
    alone, so promotions editors add survive a rerun."""
    query = Query.get(query_string)
    current = list(
        query.editors_picks.order_by("sort_order", "pk").values_list("page_id", flat=True)
    )
    if current == [page.pk for page in promoted]:
        report.count("search promotions", "unchanged")
        return
    query.editors_picks.all().delete()
    for order, page in enumerate(promoted):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    report.count("search promotions", "created" if not current else "updated")


# Pages -------------------------------------------------------------------------------------


def ensure_page_exists(parent: Page, spec: PageSpec, report: SeedReport) -> BasePage:
    """The page with the spec's slug under ``parent``, made as an unpublished draft if new."""
    existing = parent.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, spec.model):
            raise DemoError(
                f"'{existing.url_path}' is a {type(page).__name__}, not a {spec.model.__name__}."
            )
        return page
    page = spec.model(title=spec.title, slug=spec.slug, summary=spec.summary, live=False)
    for name, value in spec.initial.items():
        setattr(page, name, value)
    parent.add_child(instance=page)
    report.count("pages", "created")
    return page


def publish_content(
    page: BasePage,
    spec: PageSpec,
    resolver: Resolver,
    report: SeedReport,
    review: dict[str, Any] | None = None,
) -> None:
    """Set the page's content (and ``review``'s fields, when given: see
    :func:`planned_reviews`), validated like an editor's; publish it if anything changed."""
    review = review or {}
    names = ["title", "summary", *spec.fields, *review]
    before = content_signature(page, names)
    page.title = spec.title
    page.summary = spec.summary
    for name, value in spec.fields.items():
        setattr(page, name, clean_field_value(page, name, resolver.resolve(value)))
    for name, value in review.items():
        setattr(page, name, value)
    is_new = not page.live and page.last_published_at is None
    if page.live and not page.has_unpublished_changes and content_signature(page, names) == before:
        report.count("pages", "unchanged")
        return
    page.save_revision().publish()
    if not is_new:
        report.count("pages", "updated")


def clean_field_value(page: BasePage, name: str, value: Any) -> Any:
    """Stream fields go through their blocks' validation, as the page editor's form would."""
    model_field = page._meta.get_field(name)
    if isinstance(model_field, StreamField):
        return clean_stream(model_field.stream_block, model_field.to_python(value))
    return value


def clean_stream(block: StreamBlock, value: StreamValue) -> StreamValue:
    """The block's own validation (every block's rules, and the heading order for bodies), as
    the page editor's form would run it."""
    return block.clean(value)


def content_signature(page: BasePage, names: list[str]) -> dict[str, Any]:
    """The stored form of the named fields, without the random ids of stream blocks."""
    signature: dict[str, Any] = {}
    for name in names:
        model_field = page._meta.get_field(name)
        value = getattr(page, name)
        if isinstance(model_field, StreamField):
            value = without_ids(model_field.get_prep_value(value))
        signature[name] = value
    return signature


def without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


@dataclass(frozen=True)
class Resolver:
    """Turns the content's references into the stored objects they name."""

    pages: dict[str, Page]
    contacts: dict[str, ContactPoint]
    images: dict[str, AbstractImage]
    documents: dict[str, AbstractDocument]

    def resolve(self, value: Any) -> Any:
        match value:
            case PageRef(path):
                return self.page(path)
            case ContactRef(key):
                return self._find("contact point", self.contacts, key)
            case ImageRef(key):
                return self._find("image", self.images, key)
            case DocumentRef(key):
                return self._find("document", self.documents, key)
            case str():
                return PAGE_HREF.sub(self._page_link, value)
            case dict():
                return {key: self.resolve(item) for key, item in value.items()}
            case list():
                return [self.resolve(item) for item in value]
            case tuple():
                return tuple(self.resolve(item) for item in value)
        return value

    def page(self, path: str) -> Page:
        return self._find("page", self.pages, path)

    @staticmethod
    def _find(kind: str, found: dict[str, Any], key: str) -> Any:
        try:
            return found[key]
        except KeyError:
            raise DemoError(f"The content uses the {kind} '{key}', which the demo lacks.") from None

    def _page_link(self, match: re.Match[str]) -> str:
        return f'<a linktype="page" id="{self.page(match.group(1)).pk}">'
