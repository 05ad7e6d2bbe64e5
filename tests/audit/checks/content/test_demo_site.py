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


@pytest.mark.django_db
def test_the_demo_with_examples_has_realistic_open_problems_on_example_pages_only() -> None:
    """``seed_demo --with-examples`` (make run): the example pages, each saying it is one,
    have the problems the report should show; every other page still passes. An audit of the
    example pages is queued for the task worker."""
    from unittest import mock

    from wagtail.models import Page

    from audit.core.enums import RunTrigger
    from audit.storage.models import AuditRun

    with mock.patch("audit.tasks.run_audit") as task:
        call_command("seed_demo", "--with-examples", verbosity=0)
    section = Page.objects.get(slug="accessibility-examples")
    examples = list(section.get_children().live())
    assert len(examples) == 3
    run = AuditRun.objects.get(pk=task.enqueue.call_args.args[0])
    assert run.trigger == RunTrigger.MANUAL
    assert sorted(run.configuration["page_ids"]) == sorted([section.pk, *(p.pk for p in examples)])

    config = AuditSettings()
    site_titles = SiteTitles.from_wagtail()
    terms = load_terms()
    client = Client()
    found: dict[str, set[str]] = {}
    for page in examples:
        assert page.title.startswith("Example:")
        html = client.get(page.get_url()).content.decode()
        assert "It has accessibility problems on purpose" in html
        url = f"http://127.0.0.1:8000{page.get_url()}"
        issues = check_html(html, url=url, config=config, site_titles=site_titles, terms=terms)
        found[page.slug] = {issue.rule for issue in issues}
    assert "clearway-link-text" in found["example-vague-links"]
    assert "clearway-alt-file-name" in found["example-image-alt-text"]
    assert "clearway-words-to-avoid" in found["example-plain-english"]
    assert "clearway-long-sentence" in found["example-plain-english"]


@pytest.mark.django_db
def test_the_demo_without_examples_has_no_example_pages_and_queues_nothing() -> None:
    from unittest import mock

    from wagtail.models import Page

    with mock.patch("audit.tasks.run_audit") as task:
        call_command("seed_demo", verbosity=0)
    assert not Page.objects.filter(slug="accessibility-examples").exists()
    task.enqueue.assert_not_called()
