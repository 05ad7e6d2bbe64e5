"""Dismissed findings in the reports: marked from the database, reported as dismissed in the
JSON, SARIF and JUnit reports, and never counted or failed as open violations."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from audit.core.enums import DismissalReason, DismissalScope, Impact
from audit.reports import json_report, junit, sarif
from audit.reports.baseline import exit_status
from audit.reports.json_report import load_json_report
from audit.results.fingerprints import target_key
from audit.results.sinks import RunSummary
from audit.storage.dismissals import mark_dismissed, mark_dismissed_if_readable
from audit.storage.models import Dismissal
from tests.audit.report_factories import finding, page, summary


def two_findings() -> RunSummary:
    """On one page: a dismissed image (page scope) and an open contrast failure."""
    return summary(
        page(
            "http://localhost/bins/",
            finding("image-alt", selector="img.hero"),
            finding("color-contrast", selector="p.faint", html='<p class="faint">Hi</p>'),
        )
    )


@pytest.fixture
def dismissed(db: None) -> RunSummary:
    run = two_findings()
    image = run.pages[0].findings[0]
    Dismissal.objects.create(
        rule=image.rule,
        scope=DismissalScope.PAGE,
        fingerprint=image.fingerprint,
        reason=DismissalReason.OUTSIDE_SCOPE,
        note="An archived map from 2015.",
    )
    return mark_dismissed(run)


def test_marking_sets_the_reason_and_leaves_the_totals(dismissed: RunSummary) -> None:
    image, contrast = dismissed.pages[0].findings
    assert image.dismissed == DismissalReason.OUTSIDE_SCOPE
    assert contrast.dismissed == ""
    assert (dismissed.violations, dismissed.dismissed) == (1, 1)
    assert exit_status(dismissed, None) == 0
    assert exit_status(two_findings(), None) == 0  # fail_on=None never fails: a control
    assert exit_status(dismissed, Impact.CRITICAL) == 1  # the open one still fails


@pytest.mark.django_db
def test_a_site_wide_dismissal_covers_the_element_on_every_page() -> None:
    image = finding("image-alt", selector="img.logo", html='<img class="logo">')
    Dismissal.objects.create(
        rule="image-alt",
        scope=DismissalScope.SITE,
        target_key=target_key("image-alt", "img.logo", '<img class="logo">'),
        reason=DismissalReason.DISPROPORTIONATE_BURDEN,
        note="The supplier's logo.",
    )
    marked = mark_dismissed(summary(page("http://localhost/a/", image)))
    assert marked.pages[0].findings[0].dismissed == DismissalReason.DISPROPORTIONATE_BURDEN
    assert marked.violations == 0


def test_without_a_database_the_summary_is_unchanged() -> None:
    # No django_db mark: database access raises, as with --no-store and no database.
    run = two_findings()
    assert mark_dismissed_if_readable(run) is run


def test_json_reports_the_reason_and_reads_it_back(dismissed: RunSummary) -> None:
    data = json.loads(json_report.render(dismissed))
    assert data["schema"] == "clearway.audit/1"
    assert data["summary"]["violations"] == 1
    assert data["summary"]["dismissed"] == 1
    reasons = [item["dismissed"] for item in data["pages"][0]["findings"]]
    assert reasons == ["outside-scope", None]
    loaded = load_json_report(json_report.render(dismissed)).summary
    assert loaded.pages[0].findings[0].dismissed == "outside-scope"
    assert loaded.violations == 1


def test_sarif_suppresses_the_dismissed_result(dismissed: RunSummary) -> None:
    log = json.loads(sarif.render(dismissed))
    results = log["runs"][0]["results"]
    by_rule = {result["ruleId"]: result for result in results}
    suppression = by_rule["image-alt"]["suppressions"][0]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert "Outside the scope" in suppression["justification"]
    assert "suppressions" not in by_rule["color-contrast"]
    assert log["runs"][0]["properties"]["violations"] == 1


def test_junit_lists_the_dismissed_finding_but_does_not_fail_it(dismissed: RunSummary) -> None:
    root = etree.fromstring(junit.render(dismissed).encode())
    failures = root.findall(".//failure")
    assert [failure.get("message").split(":")[0] for failure in failures] == ["color-contrast"]
    out = root.find(".//system-out").text
    assert "Dismissed (Outside the scope of the accessibility regulations): image-alt" in out
    only_dismissed = mark_dismissed(
        summary(page("http://localhost/bins/", dismissed.pages[0].findings[0]))
    )
    suite = etree.fromstring(junit.render(only_dismissed).encode()).find("testsuite")
    assert suite.get("failures") == "0"
