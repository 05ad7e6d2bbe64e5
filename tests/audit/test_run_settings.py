"""What the admin's audit settings change in stored runs: the rule set, the engines, excluded
pages, and the digest after a nightly run."""

from __future__ import annotations

from unittest import mock

import pytest

from audit.core.conf import ALL_ENGINES, DEFAULT_TAGS, AuditSettings
from audit.core.enums import PageStatus, RuleSet, RunStatus, RunTrigger
from audit.engine.runner import browser_engines
from audit.runs import service
from audit.storage.models import AuditRun, AuditSchedule
from audit.tasks import nightly_audit
from tests.factories import ServicePageFactory, build_site

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rule_set", "trigger", "tags"),
    [
        (RuleSet.WCAG22_AA_BEST_PRACTICE, RunTrigger.NIGHTLY, DEFAULT_TAGS),
        (RuleSet.WCAG22_AA, RunTrigger.NIGHTLY, DEFAULT_TAGS[:-1]),
        (RuleSet.WCAG21_AA, RunTrigger.MANUAL, ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")),
        (RuleSet.WCAG22_AA, RunTrigger.PUBLISH, DEFAULT_TAGS[:-1]),
        # The command line follows CLEARWAY_AUDIT only: CI must not change with the admin.
        (RuleSet.WCAG21_AA, RunTrigger.CLI, DEFAULT_TAGS),
    ],
)
def test_the_rule_set_chosen_in_the_admin_sets_the_axe_tags(
    rule_set: RuleSet, trigger: RunTrigger, tags: tuple[str, ...]
) -> None:
    assert DEFAULT_TAGS[-1] == "best-practice"
    schedule = AuditSchedule.load()
    schedule.rule_set = rule_set
    schedule.save()
    run = service.create_run(trigger)

    chosen = service.run_settings(run).TAGS
    assert chosen == tags


@pytest.mark.parametrize(
    ("engines", "trigger", "expected"),
    [
        (["axe", "ibm", "clearway"], RunTrigger.NIGHTLY, ("axe", "ibm", "clearway")),
        (["clearway", "axe"], RunTrigger.NIGHTLY, ("axe", "clearway")),
        (["ibm"], RunTrigger.MANUAL, ("ibm",)),
        (["clearway"], RunTrigger.PUBLISH, ("clearway",)),
        # A row edited by hand to name nothing this version knows: the ENGINES setting.
        (["wave"], RunTrigger.MANUAL, ALL_ENGINES),
        # The command line follows CLEARWAY_AUDIT only, like the rule set.
        (["ibm"], RunTrigger.CLI, ALL_ENGINES),
    ],
)
def test_the_engines_chosen_in_the_admin_run_in_the_admins_runs(
    engines: list[str], trigger: RunTrigger, expected: tuple[str, ...]
) -> None:
    schedule = AuditSchedule.load()
    assert schedule.engines == list(ALL_ENGINES)  # every engine by default
    schedule.engines = engines
    schedule.save()

    config = service.run_settings(service.create_run(trigger))

    engines_run = config.ENGINES
    assert engines_run == expected
    assert config.runs_content_checks == ("clearway" in expected)
    assert config.runs_browser_checks == ("clearway" in expected)


def test_a_stored_run_uses_the_chosen_engines(settings) -> None:
    settings.CLEARWAY_AUDIT = {**settings.CLEARWAY_AUDIT, "ENGINES": ["axe", "ibm"]}
    schedule = AuditSchedule.load()
    schedule.engines = ["ibm", "clearway"]
    schedule.save()
    seen: list[AuditSettings] = []

    def audit_stored(run: AuditRun, config: AuditSettings, extra_sinks: object) -> None:
        seen.append(config)

    with mock.patch("audit.runs.service.audit_stored", side_effect=audit_stored):
        service.execute_run(service.create_run(RunTrigger.MANUAL).pk)
        service.execute_run(service.create_run(RunTrigger.CLI).pk)

    admin_run, cli_run = seen
    assert admin_run.ENGINES == ("ibm", "clearway")
    assert [engine.name for engine in browser_engines(admin_run)] == ["ibm"]
    # The CLI's run keeps the setting's engines, whatever the admin says.
    assert cli_run.ENGINES == ("axe", "ibm")
    assert [engine.name for engine in browser_engines(cli_run)] == ["axe", "ibm"]


def test_excluded_pages_are_recorded_as_skipped_not_audited() -> None:
    home = build_site()
    kept = ServicePageFactory(parent=home, slug="council-tax")
    archive = ServicePageFactory(parent=home, slug="archive")
    old = ServicePageFactory(parent=archive, slug="old-news")
    schedule = AuditSchedule.load()
    schedule.excluded_url_patterns = "# old pages\n/archive/*\n"
    schedule.save()

    targets, skipped = service.plan(
        service.create_run(RunTrigger.NIGHTLY),
        service.run_settings(service.create_run(RunTrigger.MANUAL)),
    )

    audited = {target.page_id for target in targets}
    assert {home.pk, kept.pk} <= audited
    assert archive.pk not in audited and old.pk not in audited
    excluded = {page.page_id: page for page in skipped if "excluded" in page.error}
    assert set(excluded) == {archive.pk, old.pk}
    assert {page.status for page in excluded.values()} == {PageStatus.SKIPPED}


def test_a_finished_nightly_run_sends_its_digests_and_a_failed_one_does_not() -> None:
    def finish(run_id: int) -> AuditRun:
        AuditRun.objects.filter(pk=run_id).update(status=RunStatus.FINISHED)
        return AuditRun.objects.get(pk=run_id)

    def fail(run_id: int) -> AuditRun:
        AuditRun.objects.filter(pk=run_id).update(status=RunStatus.FAILED)
        return AuditRun.objects.get(pk=run_id)

    with (
        mock.patch("audit.runs.service.execute_run", side_effect=finish),
        mock.patch("audit.tasks.send_digests") as send_digests,
    ):
        nightly_audit.call("2026-01-11")
    finished = AuditRun.objects.get(night="2026-01-11")
    send_digests.enqueue.assert_called_once_with(finished.pk)

    with (
        mock.patch("audit.runs.service.execute_run", side_effect=fail),
        mock.patch("audit.tasks.send_digests") as send_digests,
    ):
        nightly_audit.call("2026-01-12")
    send_digests.enqueue.assert_not_called()
