"""The seeded demo council passes every content rule: no false alarms on well-written pages.

The demo is seeded inside the test's transaction (rolled back afterwards) and each live public
page is rendered by Django's test client, as the audit would fetch it.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from audit.checks.content import SiteTitles, check_html, reading_age_report
from audit.core.conf import AuditSettings
from audit.storage.terms import load_terms


@pytest.mark.django_db
def test_every_demo_page_passes_every_content_rule() -> None:
    from wagtail.models import Page

    call_command("seed_demo", verbosity=0)
    config = AuditSettings()
    site_titles = SiteTitles.from_wagtail()
    terms = load_terms()
    client = Client()
    pages = list(Page.objects.live().public().filter(depth__gt=1).order_by("path"))
    assert len(pages) > 50
    paths = [page.get_url() for page in pages] + ["/search/?q=bins", "/search/?q=council"]
    problems = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        url = f"http://127.0.0.1:8000{path}"
        for issue in check_html(html, url=url, config=config, site_titles=site_titles, terms=terms):
            problems.append(f"{path}: {issue.rule} at {issue.selector}: {issue.message}")
        # The editor's view of the same page works on every page too.
        report = reading_age_report(html, config=config)
        assert not report.reported, path
    assert problems == [], "\n".join(problems)
