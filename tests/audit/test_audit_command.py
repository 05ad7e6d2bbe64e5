"""`manage.py audit` on explicit URLs, in process, with real Chromium and axe-core.

The resume test (``test_resume.py``) runs the command as a subprocess on PostgreSQL; these run
it in process on either database, for what a CI pipeline sees: the exit status, the JSON
report's findings from both engines, and the results stored as a CLI run.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from audit.core.enums import RunStatus, RunTrigger
from audit.storage.models import AuditRun, Finding

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
