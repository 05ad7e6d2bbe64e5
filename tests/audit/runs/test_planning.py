"""The one planner (`audit.runs.planning`): sources in order, exclusions, limits, bad addresses,
and what a stored run keeps. No browser: link following reads a local server."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from audit.core.conf import audit_settings
from audit.core.enums import PageStatus, RunTrigger
from audit.results import AuditTarget
from audit.runs import service
from audit.runs.planning import EXCLUDED, AuditRequest, Plan, Planner, PlanningError, plan_run
from audit.storage.models import AuditSchedule
from tests.audit.conftest import LocalSite
from tests.factories import ServicePageFactory, build_site, make_private


def page(title: str, *links: str) -> str:
    anchors = "".join(f'<a href="{link}">{link}</a>' for link in links)
    return f"<!doctype html><html lang='en'><title>{title}</title><main>{anchors}</main></html>"


@pytest.fixture
def site_pages() -> dict[str, Page]:
    """A Wagtail site at http://localhost/: home, council-tax, archive/old-news, a private page."""
    home = build_site()
    pages = {
        "home": home,
        "council-tax": ServicePageFactory(parent=home, slug="council-tax"),
        "archive": ServicePageFactory(parent=home, slug="archive"),
    }
    pages["old-news"] = ServicePageFactory(parent=pages["archive"], slug="old-news")
    pages["staff"] = ServicePageFactory(parent=home, slug="staff")
    make_private(pages["staff"])
    return pages


def planner(exclusions: str = "", **overrides: object) -> Planner:
    return Planner(audit_settings().with_overrides(**overrides), exclusions=exclusions)


@pytest.mark.django_db
def test_wagtail_pages_come_first_then_urls_each_once(site_pages: dict[str, Page]) -> None:
    request = AuditRequest(
        urls=["https://www.example.org/a", "http://localhost/council-tax/", "HTTPS://www.example.org/a#top"],
        site=True,
    )  # fmt: skip

    plan = planner().plan(request)

    urls = [target.url for target in plan.targets]
    assert urls == [
        "http://localhost/",
        "http://localhost/council-tax/",
        "http://localhost/archive/",
        "http://localhost/archive/old-news/",
        "https://www.example.org/a",
    ]
    assert plan.targets[1] == AuditTarget(
        "http://localhost/council-tax/", site_pages["council-tax"].pk
    )
    assert [(p.url, p.error) for p in plan.skipped] == [("http://localhost/staff/", "private")]
    assert plan.wagtail_titles


@pytest.mark.django_db
def test_urls_alone_are_not_the_whole_site(site_pages: dict[str, Page]) -> None:
    plan = planner().plan(AuditRequest(urls=["https://www.example.org/a"]))
    assert plan.targets == [AuditTarget("https://www.example.org/a")]
    assert not plan.wagtail_titles and plan.skipped == []


@pytest.mark.django_db
def test_exclusions_skip_discovered_pages_but_never_named_ones(site_pages: dict[str, Page]) -> None:
    request = AuditRequest(urls=["http://localhost/archive/old-news/"], site=True)

    plan = planner("/archive/*").plan(request)

    # The named URL stays (planned once, with its page id); the other archive page is skipped.
    assert [t.url for t in plan.targets] == [
        "http://localhost/",
        "http://localhost/council-tax/",
        "http://localhost/archive/old-news/",
    ]
    assert plan.targets[-1].page_id == site_pages["old-news"].pk
    excluded = [p for p in plan.skipped if p.error == EXCLUDED]
    assert [(p.url, p.page_id, p.status) for p in excluded] == [
        ("http://localhost/archive/", site_pages["archive"].pk, PageStatus.SKIPPED)
    ]


@pytest.mark.django_db
def test_the_admins_patterns_are_the_default() -> None:
    schedule = AuditSchedule.load()
    schedule.excluded_url_patterns = "/search/*"
    schedule.save()
    assert Planner(audit_settings()).exclusions == "/search/*"


def test_followed_links_are_excluded_and_never_fetched(local_site: LocalSite) -> None:
    start = local_site.route("/", page("Home", "/bins", "/archive/2019", "/report.pdf"))
    local_site.route("/bins", page("Bins", "/archive/2020", "/bins/missed"))
    local_site.route("/archive/2019", page("Old", "/secret-from-the-archive"))

    plan = planner("/archive/*").plan(AuditRequest(urls=[start], follow_links=True))

    assert [t.url for t in plan.targets] == [
        start,
        local_site.url("/bins"),
        local_site.url("/bins/missed"),
    ]
    assert [(p.url, p.error) for p in plan.skipped] == [
        (local_site.url("/archive/2019"), EXCLUDED),
        (local_site.url("/archive/2020"), EXCLUDED),
    ]
    assert local_site.requested("/archive/2019") == 0


def test_a_list_of_urls_is_planned_without_a_database(local_site: LocalSite) -> None:
    """No database access here (pytest-django blocks it): --no-store on a CI runner."""
    start = local_site.route("/", page("Home", "/bins"))

    plan = Planner(audit_settings()).plan(AuditRequest(urls=[start], follow_links=True))

    assert [t.url for t in plan.targets] == [start, local_site.url("/bins")]


def test_link_following_keeps_to_max_pages_and_depth(local_site: LocalSite) -> None:
    start = local_site.route("/", page("Home", "/1", "/2", "/3"))
    local_site.route("/1", page("One", "/1/deeper"))

    shallow = planner(MAX_DEPTH=1).plan(AuditRequest(urls=[start], follow_links=True))
    few = planner(MAX_PAGES=2).plan(AuditRequest(urls=[start], follow_links=True, max_pages=2))

    assert [t.url for t in shallow.targets] == [
        start,
        *(local_site.url(f"/{n}") for n in (1, 2, 3)),
    ]
    assert [t.url for t in few.targets] == [start, local_site.url("/1")]


@pytest.mark.django_db
def test_max_pages_caps_any_plan(site_pages: dict[str, Page]) -> None:
    plan = planner().plan(AuditRequest(site=True, max_pages=2))
    assert [t.url for t in plan.targets] == ["http://localhost/", "http://localhost/council-tax/"]
    assert plan.left_out == 2
    assert [p.url for p in plan.skipped] == ["http://localhost/staff/"]  # skipped stay listed


@pytest.mark.parametrize("url", ["notaurl", "ftp://x", "www.anytown.gov.uk/bins", "https://"])
def test_a_url_that_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(PlanningError, match="is not a web address"):
        planner().plan(AuditRequest(urls=["https://www.example.org/", url]))


def test_a_sitemap_that_is_not_a_web_address_is_refused() -> None:
    with pytest.raises(PlanningError, match=r"^sitemap\.xml is not a web address"):
        planner().plan(AuditRequest(sitemap="sitemap.xml"))


def test_an_unreadable_sitemap_is_a_planning_error(local_site: LocalSite) -> None:
    with pytest.raises(PlanningError, match="could not be read"):
        planner().plan(AuditRequest(sitemap=local_site.url("/missing.xml")))


def test_sitemap_pages_follow_the_urls_and_are_excluded_like_discovered_pages(
    local_site: LocalSite,
) -> None:
    urls = "".join(f"<url><loc>{local_site.url(p)}</loc></url>" for p in ("/a", "/old/b", "/c"))
    sitemap = local_site.route(
        "/sitemap.xml",
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        content_type="application/xml",
    )

    plan = planner("/old/*").plan(AuditRequest(urls=[local_site.url("/c")], sitemap=sitemap))

    assert [t.url for t in plan.targets] == [local_site.url("/c"), local_site.url("/a")]
    assert [(p.url, p.error) for p in plan.skipped] == [(local_site.url("/old/b"), EXCLUDED)]


@pytest.mark.django_db
def test_a_stored_plan_is_the_plan_the_run_audits(site_pages: dict[str, Page]) -> None:
    planned = planner("/archive/*").plan(AuditRequest(urls=["https://www.example.org/"], site=True))
    run = service.create_run(RunTrigger.CLI, plan=planned)
    ServicePageFactory(parent=site_pages["home"], slug="published-since")

    again = plan_run(run, audit_settings())

    assert again == planned
    assert Plan.from_configuration(planned.as_configuration()) == planned


@pytest.mark.django_db
def test_a_run_without_a_plan_is_planned_when_it_runs(site_pages: dict[str, Page]) -> None:
    run = service.create_run(RunTrigger.MANUAL)
    ServicePageFactory(parent=site_pages["home"], slug="published-since")

    targets, _skipped = service.plan(run, audit_settings())

    assert "http://localhost/published-since/" in {t.url for t in targets}


@pytest.mark.django_db
def test_runs_stored_before_plans_keep_their_urls_and_skipped_pages() -> None:
    run = service.create_run(RunTrigger.CLI, urls=["https://www.example.org/a"])
    run.configuration["skipped"] = [["https://elsewhere.example/b", "other host"]]

    plan = plan_run(run, audit_settings())

    assert plan.targets == [AuditTarget("https://www.example.org/a")]
    assert [(p.url, p.error) for p in plan.skipped] == [
        ("https://elsewhere.example/b", "other host")
    ]


@pytest.mark.django_db
def test_pages_by_id_are_audited_unless_private_and_never_excluded(
    site_pages: dict[str, Page],
) -> None:
    ids = [site_pages[name].pk for name in ("old-news", "staff")]

    plan = planner("/archive/*").plan(AuditRequest(page_ids=ids))

    assert plan.targets == [
        AuditTarget("http://localhost/archive/old-news/", site_pages["old-news"].pk)
    ]
    assert [(p.url, p.error) for p in plan.skipped] == [("http://localhost/staff/", "private")]
    assert plan.wagtail_titles
