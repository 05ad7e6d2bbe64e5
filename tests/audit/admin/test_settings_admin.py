"""Settings > Accessibility audit: the form, its validation, its menu entry and who may edit."""

from __future__ import annotations

import datetime

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


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "enabled": "on",
        "nightly_time": "03:30",
        "rule_set": RuleSet.WCAG22_AA,
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
