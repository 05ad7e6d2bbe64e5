"""`manage.py audit` in process, with real Chromium and axe-core, on pages a local server serves
(explicit URLs, and a Wagtail site whose pages it serves).

The resume test (``test_resume.py``) runs the command as a subprocess on PostgreSQL; these run
it in process on either database, for what a CI pipeline sees: the exit status, the JSON
report's findings from both engines, the results stored as a CLI run, the same pages audited
stored or not (``--follow-links``, ``URL --site``, excluded pages), and the arguments refused
before any page is fetched.
"""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from audit.core.conf import audit_settings
from audit.core.enums import PageStatus, RunStatus, RunTrigger
from audit.runs.planning import EXCLUDED, AuditRequest, Planner
from audit.storage.models import AuditRun, AuditSchedule, Finding, PageResult
from tests.factories import ServicePageFactory, build_site

from .conftest import LocalSite

pytestmark = pytest.mark.browser

FOOTER = '<footer><a href="/accessibility-statement">Accessibility statement</a></footer>'
CLEAN = f"""<!doctype html><html lang="en"><head><title>Bin collection days - Anytown</title>
<meta name="description" content="Find your bin collection day."></head>
<body><main><h1>Bin collection days</h1><p>We collect bins once a week.</p>
<p><a href="/bins/missed">Report a missed bin</a></p></main>{FOOTER}</body></html>"""
BARRIERS = f"""<!doctype html><html lang="en"><head><title>Parking permits - Anytown</title>
<meta name="description" content="Apply for a parking permit."></head>
<body><main><h1>Parking permits</h1><img src="/permit.png">
<p>To apply, <a href="/parking/apply">click here</a>.</p></main>{FOOTER}</body></html>"""


def audit(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """Run the command; its exit status and JSON report."""
    report = tmp_path / "report.json"
    status = 0
    try:
        call_command(
            "audit", *args, "--workers", "1", "--format", "json", "--output", str(report),
            stderr=StringIO(),
        )  # fmt: skip
    except SystemExit as exit:
        status = int(exit.code or 0)
    return status, json.loads(report.read_text())


def audited_urls(report: dict[str, Any]) -> dict[str, str]:
    """Each page of the report with its status."""
    return {page["url"]: page["status"] for page in report["pages"]}


def stored_urls() -> dict[str, str]:
    """Each page of the only stored run with its status; nothing without a run."""
    run = AuditRun.objects.filter(trigger=RunTrigger.CLI).first()
    if run is None:
        return {}
    return dict(PageResult.objects.filter(run=run).values_list("url", "status"))


def simple_page(title: str, *links: str) -> str:
    anchors = "".join(f'<li><a href="{link}">{title}: more on {link}</a></li>' for link in links)
    return f"""<!doctype html><html lang="en"><head><title>{title} - Anytown</title></head>
<body><main><h1>{title}</h1><p>About {title.lower()}.</p><ul>{anchors}</ul></main></body></html>"""


@pytest.fixture
def wagtail_site(local_site: LocalSite, wagtail_root: Page) -> dict[str, str]:
    """A Wagtail site whose pages the local server serves: home (linking to a page outside
    Wagtail, /forms/missed-bin), /council-tax/ and /archive/. Returns their URLs by name."""
    home = build_site()
    ServicePageFactory(parent=home, slug="council-tax")
    ServicePageFactory(parent=home, slug="archive")
    site = Site.objects.get()
    site.hostname, site.port = "127.0.0.1", local_site.port
    site.save()
    return {
        "home": local_site.route("/", simple_page("Home", "/council-tax/", "/forms/missed-bin")),
        "council-tax": local_site.route("/council-tax/", simple_page("Council Tax")),
        "archive": local_site.route("/archive/", simple_page("Archive")),
        "form": local_site.route("/forms/missed-bin", simple_page("Report a missed bin")),
    }


def findings(report: dict[str, Any], url: str) -> list[dict[str, Any]]:
    (page,) = (page for page in report["pages"] if page["url"] == url)
    return page["findings"]


@pytest.mark.django_db
def test_planted_barriers_fail_the_audit_with_both_engines(
    local_site: LocalSite, tmp_path: Path
) -> None:
    url = local_site.route("/parking", BARRIERS)
    local_site.route("/permit.png", b"GIF89a", content_type="image/gif")

    status, report = audit(tmp_path, url, "--no-store")

    assert status == 1  # image-alt is critical, above the default --fail-on serious
    found = {(f["engine"], f["rule"]): f for f in findings(report, url)}
    image = found["axe", "image-alt"]
    assert image["outcome"] == "violation" and "1.1.1" in image["wcag"]
    assert image["selector"] == "img"
    link = found["clearway", "clearway-link-text"]
    assert "click here" in link["message"] and "2.4.4" in link["wcag"]


@pytest.mark.django_db
def test_a_clean_page_passes(local_site: LocalSite, tmp_path: Path) -> None:
    url = local_site.route("/bins", CLEAN)

    status, report = audit(tmp_path, url, "--no-store")

    assert status == 0
    assert findings(report, url) == []


@pytest.mark.django_db
def test_pages_of_one_run_are_compared_for_duplicate_titles(
    local_site: LocalSite, tmp_path: Path
) -> None:
    """Explicit URLs have no Wagtail site to compare with: the run's own pages are used."""
    first = local_site.route("/bins", CLEAN)
    second = local_site.route("/bins-again", CLEAN.replace("once a week", "every Monday"))

    status, report = audit(tmp_path, first, second, "--no-store")

    assert status == 0  # a duplicate title is moderate
    assert [f["rule"] for f in findings(report, first)] == []
    rules = {f["rule"]: f for f in findings(report, second)}
    assert set(rules) == {"clearway-page-title-duplicate", "clearway-meta-description-duplicate"}
    assert first in rules["clearway-page-title-duplicate"]["message"]


@pytest.mark.django_db(transaction=True)
def test_results_are_stored_as_a_cli_run(local_site: LocalSite, tmp_path: Path) -> None:
    url = local_site.route("/parking", BARRIERS)

    status, report = audit(tmp_path, url)

    assert status == 1
    run = AuditRun.objects.get()
    assert (run.trigger, run.status, run.pages_done) == (RunTrigger.CLI, RunStatus.FINISHED, 1)
    stored = set(Finding.objects.filter(run=run).values_list("engine", "rule"))
    assert {("axe", "image-alt"), ("clearway", "clearway-link-text")} <= stored
    assert len(stored) == len(findings(report, url))


@pytest.mark.django_db(transaction=True)
def test_the_same_command_resumes_its_interrupted_run(
    local_site: LocalSite, tmp_path: Path
) -> None:
    """In process, on any database (``test_resume.py`` kills a real process, on PostgreSQL)."""
    first = local_site.route("/bins", CLEAN)
    second = local_site.route("/parking", CLEAN.replace("Bin collection", "Parking"))
    planned = Planner(audit_settings(), exclusions="").plan(AuditRequest(urls=[first, second]))
    run = AuditRun.objects.create(
        trigger=RunTrigger.CLI,
        status=RunStatus.INTERRUPTED,
        configuration=planned.as_configuration(),
    )
    PageResult.objects.create(run=run, url=first, status=PageStatus.OK)
    stderr = StringIO()

    call_command(
        "audit", first, second, "--workers", "1", "--output", str(tmp_path / "report.txt"),
        stderr=stderr,
    )  # fmt: skip

    assert f"Resuming interrupted audit run {run.pk}." in stderr.getvalue()
    run.refresh_from_db()
    assert (run.status, AuditRun.objects.count()) == (RunStatus.FINISHED, 1)
    assert set(stored_urls()) == {first, second}
    assert local_site.requested("/bins") == 0 and local_site.requested("/parking") > 0


#: The command's two paths, which must audit the same pages: its extra arguments for each.
STORE_OR_NOT = pytest.mark.parametrize("path", [[], ["--no-store"]], ids=["stored", "no-store"])


def assert_audited(report: dict[str, Any], pages: list[str], path: list[str]) -> None:
    """``pages`` are in the report, and stored unless the command ran with --no-store."""
    assert set(audited_urls(report)) == set(pages)
    assert set(stored_urls()) == (set() if path else set(pages))


@pytest.mark.django_db(transaction=True)
@STORE_OR_NOT
def test_followed_links_are_audited_stored_or_not(
    wagtail_site: dict[str, str], tmp_path: Path, path: list[str]
) -> None:
    """The whole site with --follow-links: the linked page outside Wagtail is audited too."""
    _status, report = audit(tmp_path, "--follow-links", *path)

    assert_audited(report, [*wagtail_site.values()], path)


@pytest.mark.django_db(transaction=True)
@STORE_OR_NOT
def test_a_url_and_the_site_are_both_audited(
    wagtail_site: dict[str, str], local_site: LocalSite, tmp_path: Path, path: list[str]
) -> None:
    url = local_site.route("/parking", CLEAN.replace("Bin collection", "Parking"))

    _status, report = audit(tmp_path, url, "--site", *path)

    site_pages = [wagtail_site[name] for name in ("home", "council-tax", "archive")]
    assert_audited(report, [*site_pages, url], path)


@pytest.mark.django_db(transaction=True)
@STORE_OR_NOT
def test_excluded_pages_are_skipped_stored_or_not(
    wagtail_site: dict[str, str], local_site: LocalSite, tmp_path: Path, path: list[str]
) -> None:
    """Settings > Accessibility audit's patterns skip Wagtail pages and followed links alike."""
    schedule = AuditSchedule.load()
    schedule.excluded_url_patterns = "/archive/*\n/forms/*"
    schedule.save()

    _status, report = audit(tmp_path, "--follow-links", *path)

    archive, form = wagtail_site["archive"], wagtail_site["form"]
    skipped = {
        page["url"]: page["error"] for page in report["pages"] if page["status"] == "skipped"
    }
    assert skipped == {archive: EXCLUDED, form: EXCLUDED}
    assert audited_urls(report)[wagtail_site["home"]] == "ok"
    assert local_site.requested("/archive/") == local_site.requested("/forms/missed-bin") == 0
    if not path:
        assert stored_urls()[archive] == stored_urls()[form] == "skipped"


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["missing/report.json", "."], ids=["no folder", "a folder"])
def test_an_unwritable_output_stops_the_command_before_any_page_is_fetched(
    local_site: LocalSite, tmp_path: Path, where: str
) -> None:
    url = local_site.route("/bins", CLEAN)
    output = tmp_path / where

    with pytest.raises(CommandError, match=r"^--output ") as error:
        call_command("audit", url, "--output", str(output), stderr=StringIO())

    assert error.value.returncode == 2
    assert "\n" not in str(error.value)
    assert local_site.requests == []
    assert not AuditRun.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["notaurl", "ftp://x"])
def test_an_address_that_is_not_on_the_web_is_refused(url: str) -> None:
    with pytest.raises(CommandError, match=rf"^{re.escape(url)} is not a web address") as error:
        call_command("audit", url, "--no-store", stderr=StringIO())
    assert error.value.returncode == 2


@pytest.mark.django_db(transaction=True)
def test_a_page_url_audited_alone_keeps_its_findings_on_its_page(
    wagtail_site: dict[str, str], local_site: LocalSite, tmp_path: Path
) -> None:
    """Issue 14: a stored `audit <page URL>` marked the page's findings fixed and made them
    again on "(not a Wagtail page)". The URL is the page's: the same findings, still open."""
    from audit.core.enums import FindingStatus
    from audit.storage.models import TrackedFinding

    url = local_site.route("/council-tax/", BARRIERS)
    page = Page.objects.get(slug="council-tax")
    audit(tmp_path, "--site")
    before = {t.fingerprint: t.status for t in TrackedFinding.objects.filter(page=page)}
    assert before and set(before.values()) == {FindingStatus.OPEN}

    status, _report = audit(tmp_path, url)

    assert status == 1
    after = {t.fingerprint: t.status for t in TrackedFinding.objects.filter(page=page)}
    assert after == before  # same fingerprints, none fixed
    assert not TrackedFinding.objects.filter(page__isnull=True, url=url).exists()
    run = AuditRun.objects.filter(trigger=RunTrigger.CLI).latest("pk")
    assert PageResult.objects.get(run=run, url=url).page_id == page.pk
    assert run.findings_fixed == 0


@pytest.mark.django_db
def test_a_dead_page_among_good_ones_fails_the_audit_unless_ignored(
    local_site: LocalSite, tmp_path: Path
) -> None:
    good = local_site.route("/bins", CLEAN)
    dead = local_site.url("/gone")  # 404

    status, report = audit(tmp_path, good, dead, "--no-store")
    assert audited_urls(report) == {good: "ok", dead: "error"}
    assert status == 1

    status, _report = audit(tmp_path, good, dead, "--no-store", "--ignore-page-errors")
    assert status == 0
