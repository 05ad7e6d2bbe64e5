"""Settings > Words to avoid: administrators edit the plain-English rule's list, and the rule
uses the edited list."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from audit.checks.content import check_html
from audit.core.conf import AuditSettings
from audit.storage.models import PlainEnglishTerm
from audit.storage.terms import load_terms

from .people import ADMIN, user

pytestmark = pytest.mark.django_db

PAGE = """<!doctype html><html lang="en"><head><title>Bins</title></head><body><main>
<h1>Bins</h1><p>We will action your request for a new bin within five working days.</p>
</main></body></html>"""


def words_rule(html: str) -> list[str]:
    issues = check_html(
        html, url="https://council.example/bins", config=AuditSettings(), terms=load_terms()
    )
    return [issue.message for issue in issues if issue.rule == "clearway-words-to-avoid"]


def test_the_list_is_seeded_with_govuk_words_and_listed_for_administrators() -> None:
    assert PlainEnglishTerm.objects.filter(phrase="utilise").exists()
    client = Client()
    client.force_login(user(is_superuser=True))

    response = client.get(reverse("wagtailsnippets_audit_plainenglishterm:list"))

    assert response.status_code == 200
    first = PlainEnglishTerm.objects.order_by("phrase").first()
    assert first is not None and first.phrase in response.content.decode()


def test_an_editor_without_the_snippet_permissions_cannot_edit_the_list() -> None:
    client = Client()
    client.force_login(user(ADMIN))

    response = client.get(reverse("wagtailsnippets_audit_plainenglishterm:add"))

    assert response.status_code in {302, 403}


def test_a_word_added_in_the_admin_is_reported_and_a_disabled_one_is_not() -> None:
    client = Client()
    client.force_login(user(is_superuser=True))
    assert not any("action" in message for message in words_rule(PAGE))

    response = client.post(
        reverse("wagtailsnippets_audit_plainenglishterm:add"),
        {"phrase": "action", "alternatives": "deal with, answer", "note": "", "enabled": "on"},
    )

    assert response.status_code == 302
    assert any("deal with" in message for message in words_rule(PAGE))
    PlainEnglishTerm.objects.filter(phrase="action").update(enabled=False)
    assert "action" not in {term.phrase for term in load_terms()}
    assert not any("deal with" in message for message in words_rule(PAGE))
