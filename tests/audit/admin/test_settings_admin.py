"""Settings > Accessibility audit: the form, its validation, its menu entry and who may edit."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from audit.core.enums import RuleSet
from audit.storage.models import AuditSchedule
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def settings_url() -> str:
    schedule = AuditSchedule.load()
    return reverse("wagtailsettings:edit", args=["audit", "auditschedule", schedule.pk])


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "enabled": "on",
        "nightly_time": "03:30",
        "rule_set": RuleSet.WCAG22_AA,
        "engines": ["axe", "ibm", "clearway"],
        "excluded_url_patterns": "",
        "digest_enabled": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def admin_client(db: None) -> Client:
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def test_form_shows_every_setting_with_help(admin_client: Client) -> None:
    response = admin_client.get(settings_url())
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("enabled", "nightly_time", "rule_set", "excluded_url_patterns", "digest_enabled"):
        assert f'name="{name}"' in body
    for heading in ("Nightly audit", "Pages not to audit", "Email digest"):
        assert heading in body
    assert "skips /news/archive/ and every page under it" in body
    assert "WCAG 2.2 A and AA, and best practice" in body


def test_saving_tidies_patterns(admin_client: Client) -> None:
    patterns = "  /news/archive/*  \n\n# Old forms\n/forms/old/\n"
    response = admin_client.post(
        settings_url(), form_data(excluded_url_patterns=patterns, digest_enabled=None)
    )
    assert response.status_code == 302
    schedule = AuditSchedule.load()
    assert schedule.excluded_url_patterns == "/news/archive/*\n# Old forms\n/forms/old/"
    assert schedule.nightly_time == datetime.time(3, 30)
    assert schedule.rule_set == RuleSet.WCAG22_AA
    assert schedule.digest_enabled is False


def test_bad_patterns_are_refused_line_by_line(admin_client: Client) -> None:
    patterns = "/fine/*\nnews/*\nhttps://www.anytown.gov.uk/tax/*"
    response = admin_client.post(settings_url(), form_data(excluded_url_patterns=patterns))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Line 2: a pattern starts with / (for example /news/*)." in body
    assert "Line 3: give the path only" in body
    assert AuditSchedule.load().excluded_url_patterns == ""


def test_settings_menu_says_accessibility_audit(admin_client: Client) -> None:
    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"label": "Accessibility audit"' in body or ">Accessibility audit<" in body
    assert reverse("wagtailsettings:edit", args=["audit", "auditschedule"]) in body


@pytest.mark.parametrize(
    ("permissions", "allowed"),
    [
        (["wagtailadmin.access_admin"], False),
        (["wagtailadmin.access_admin", "audit.view_auditrun", "audit.run_audit"], False),
        (["wagtailadmin.access_admin", "audit.change_auditschedule"], True),
    ],
)
def test_who_may_edit(db: None, permissions: list[str], allowed: bool) -> None:
    client = Client()
    client.force_login(UserFactory(permissions=permissions))
    response = client.get(settings_url())
    assert (response.status_code == 200) is allowed
    response = client.post(settings_url(), form_data(excluded_url_patterns="/secret/*"))
    assert (AuditSchedule.load().excluded_url_patterns == "/secret/*") is allowed


def test_anonymous_goes_to_login(db: None) -> None:
    response = Client().get(settings_url())
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_settings_url_without_id_redirects(admin_client: Client) -> None:
    response = admin_client.get(reverse("wagtailsettings:edit", args=["audit", "auditschedule"]))
    assert response.status_code == 302


# The engines -------------------------------------------------------------------------------


def test_the_engines_are_a_named_group_of_checkboxes_all_ticked_by_default(
    admin_client: Client,
) -> None:
    body = admin_client.get(settings_url()).content.decode()
    group = re.search(r"<fieldset class=\"clearway-checkbox-group\"(.*?)</fieldset>", body, re.S)
    assert group is not None
    markup = group.group(0)
    assert '<legend class="w-sr-only">Engines</legend>' in markup
    # The panel's help text describes the group once, not each box.
    described_by = re.search(r'aria-describedby="([^"]+)"', markup)
    assert described_by is not None and "helptext" in described_by.group(1)
    assert f'id="{described_by.group(1)}"' in body
    assert "The audit command follows the ENGINES setting instead." in body
    boxes = re.findall(r'<input type="checkbox" name="engines" value="(\w+)"[^>]*>', markup)
    assert boxes == ["axe", "ibm", "clearway"]
    assert markup.count("checked") == 3
    for engine_id in ("id_engines_0", "id_engines_1", "id_engines_2"):
        assert f'<label for="{engine_id}">' in markup


def test_saving_stores_the_chosen_engines_in_the_order_they_run(admin_client: Client) -> None:
    response = admin_client.post(settings_url(), form_data(engines=["clearway", "axe"]))
    assert response.status_code == 302
    assert AuditSchedule.load().engines == ["axe", "clearway"]

    body = admin_client.get(settings_url()).content.decode()
    assert re.search(r'value="ibm"(?![^>]*checked)[^>]*>', body)


@pytest.mark.parametrize(
    ("engines", "error"),
    [
        ([], "Choose at least one engine."),
        (None, "Choose at least one engine."),
        (["axe", "wave"], "Select a valid choice. wave is not one of the available choices."),
    ],
)
def test_the_engines_need_one_known_engine_at_least(
    admin_client: Client, engines: list[str] | None, error: str
) -> None:
    response = admin_client.post(settings_url(), form_data(engines=engines))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert AuditSchedule.load().engines == ["axe", "ibm", "clearway"]
