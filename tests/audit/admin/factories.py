"""factory_boy factories for the audit admin tests: runs, page results, findings, tracked
findings and dismissals.

The rows are consistent with each other the way the database sink writes them: a ``Finding``
belongs to its ``PageResult``'s run and URL, its fingerprint comes from the rule, the page and
the element, and a ``TrackedFinding`` points at its latest ``Finding``. Build a whole sighting
with :func:`tracked_finding`::

    tracked = tracked_finding(page=page, rule="image-alt", html='<img src="a.png">')
"""

from __future__ import annotations

from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page

from audit.core.enums import (
    DismissalReason,
    DismissalScope,
    Engine,
    FindingStatus,
    Impact,
    Level,
    Outcome,
    PageStatus,
    RunStatus,
    RunTrigger,
    Source,
)
from audit.results.fingerprints import fingerprint, page_key, target_key
from audit.storage.models import AuditRun, Dismissal, Finding, PageResult, TrackedFinding

BASE_URL = "http://localhost"


def _page_url(page: Page | None, n: int) -> str:
    if page is not None:
        return f"{BASE_URL}{page.url_path}"
    return f"{BASE_URL}/other/{n}/"


class AuditRunFactory(DjangoModelFactory):
    """A finished nightly run."""

    class Meta:
        model = AuditRun

    trigger = RunTrigger.NIGHTLY
    status = RunStatus.FINISHED
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)
    axe_version = "4.10.2"


class PageResultFactory(DjangoModelFactory):
    """A page audited without error in ``run``; pass ``page`` for a Wagtail page."""

    class Meta:
        model = PageResult

    run = factory.SubFactory(AuditRunFactory)
    page = None
    url = factory.LazyAttributeSequence(lambda o, n: _page_url(o.page, n))
    status = PageStatus.OK
    http_status = 200
    duration = 0.5


def _fingerprint(o: Any) -> str:
    return fingerprint(o.rule, page_key(o.url, o.page.pk if o.page else None), o.selector, o.html)


class FindingFactory(DjangoModelFactory):
    """One sighting of a rule failing on one element, in its page result's run."""

    class Meta:
        model = Finding

    page_result = factory.SubFactory(PageResultFactory, page=factory.SelfAttribute("..page"))
    run = factory.SelfAttribute("page_result.run")
    page = None
    url = factory.SelfAttribute("page_result.url")
    rule = "image-alt"
    engine = Engine.AXE
    outcome = Outcome.VIOLATION
    impact = Impact.CRITICAL
    wcag = factory.LazyFunction(lambda: ["1.1.1"])
    level = Level.A
    selector = factory.Sequence(lambda n: f"img.photo-{n}")
    html = factory.LazyAttribute(lambda o: f'<img src="photo.png" class="{o.selector[4:]}">')
    message = "Fix any of the following:\n  Element does not have an alt attribute"
    help = "Images must have alternative text"
    help_url = factory.LazyAttribute(
        lambda o: f"https://dequeuniversity.com/rules/axe/4.10/{o.rule}"
    )
    fingerprint = factory.LazyAttribute(_fingerprint)
    target_key = factory.LazyAttribute(lambda o: target_key(o.rule, o.selector, o.html))
    source = Source.CONTENT
    region = "body"
    block_id = ""


class TrackedFindingFactory(DjangoModelFactory):
    """The life of ``latest``'s fingerprint: open since ``latest``'s run."""

    class Meta:
        model = TrackedFinding

    latest = factory.SubFactory(FindingFactory)
    fingerprint = factory.SelfAttribute("latest.fingerprint")
    outcome = factory.SelfAttribute("latest.outcome")
    rule = factory.SelfAttribute("latest.rule")
    page = factory.SelfAttribute("latest.page")
    url = factory.SelfAttribute("latest.url")
    status = FindingStatus.OPEN
    first_seen = factory.SelfAttribute("latest.run")
    last_seen = factory.SelfAttribute("latest.run")


class DismissalFactory(DjangoModelFactory):
    """A page-scope dismissal of ``tracked`` (pass ``tracked=``), or set the fields yourself."""

    class Meta:
        model = Dismissal

    class Params:
        tracked = None

    rule = factory.LazyAttribute(lambda o: o.tracked.rule if o.tracked else "image-alt")
    scope = DismissalScope.PAGE
    fingerprint = factory.LazyAttribute(lambda o: o.tracked.fingerprint if o.tracked else "")
    target_key = factory.LazyAttribute(
        lambda o: o.tracked.latest.target_key if o.tracked and o.tracked.latest else ""
    )
    page = factory.LazyAttribute(lambda o: o.tracked.page if o.tracked else None)
    url = factory.LazyAttribute(lambda o: o.tracked.url if o.tracked else "")
    reason = DismissalReason.FALSE_POSITIVE
    note = "The image is decorative and hidden from screen readers."


def tracked_finding(
    *,
    page: Page | None = None,
    run: AuditRun | None = None,
    page_result: PageResult | None = None,
    status: str = FindingStatus.OPEN,
    **finding_fields: Any,
) -> TrackedFinding:
    """A finding seen in ``run`` (a new finished run unless given) on ``page`` (or a non-Wagtail
    URL, with ``url=``), and its tracked life. Extra keywords go to the ``Finding``."""
    if page_result is None:
        run = run or AuditRunFactory()
        result_fields: dict[str, Any] = {"run": run, "page": page}
        if "url" in finding_fields:
            result_fields["url"] = finding_fields["url"]
        page_result = PageResult.objects.filter(
            run=run, url=result_fields.get("url", _page_url(page, 0) if page else "")
        ).first() or PageResultFactory(**result_fields)
    finding = FindingFactory(page_result=page_result, page=page, **finding_fields)
    return TrackedFindingFactory(latest=finding, status=status)


def pdf_values(url: str, rule: str, message: str, **fields: Any) -> dict[str, Any]:
    """A finding on the PDF at ``url`` as the document checks store it (no page)."""
    return {
        "url": url,
        "rule": rule,
        "message": message,
        "engine": Engine.CLEARWAY,
        "impact": Impact.SERIOUS,
        "wcag": ["1.3.1"],
        "level": Level.A,
        "selector": "pdf",
        "html": url.rsplit("/", 1)[1],
        "help": "",
        **fields,
    }


def pdf_finding(url: str, rule: str, message: str, **fields: Any) -> TrackedFinding:
    """A finding on the PDF at ``url`` and its tracked life (``page_result=`` or ``run=`` as
    :func:`tracked_finding` takes them; other keywords go to the ``Finding``)."""
    return tracked_finding(**pdf_values(url, rule, message, **fields))
