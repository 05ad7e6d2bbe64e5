"""The site-wide report: grouping, filters, exports, links, and hostile page content."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from audit.admin.views.report import csv_safe
from audit.core.enums import FindingStatus, Impact, Level, Outcome, Source
from tests.audit.admin.factories import AuditRunFactory, tracked_finding
from tests.audit.admin.people import build_pages
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def site(home_page: Any) -> Any:
    pages = build_pages(home_page)
    run = AuditRunFactory()
    tracked_finding(page=pages.bins_page, run=run)  # image-alt, critical, content
    tracked_finding(page=pages.bins_page, run=run)
    tracked_finding(page=pages.tax_page, run=run)
    tracked_finding(
        page=pages.tax_page,
        run=run,
        rule="color-contrast",
        impact=Impact.SERIOUS,
        wcag=["1.4.3"],
        level=Level.AA,
        source=Source.TEMPLATE,
        selector="footer a",
        html='<a href="/">Home</a>',
        help="Elements must meet minimum color contrast ratio thresholds",
    )
    tracked_finding(page=pages.tax_page, run=run, rule="region", status=FindingStatus.FIXED)
    tracked_finding(
        page=pages.bins_page,
        run=run,
        rule="heading-order",
        outcome=Outcome.NEEDS_REVIEW,
        impact=Impact.MODERATE,
    )
    tracked_finding(url="http://localhost/legacy/forms.php", run=run, rule="label")
    return pages


@pytest.fixture
def client() -> Client:
    client = Client()
    client.force_login(SuperuserFactory())
    return client


def rows(client: Client, url: str, **params: str) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_findings_are_grouped_by_rule_worst_first(site: Any, client: Client) -> None:
    response = client.get(reverse("audit_report:index"))
    assert response.status_code == 200
    grouped = {row["rule"]: row for row in response.context["object_list"]}
    assert list(grouped) == ["image-alt", "label", "color-contrast", "heading-order"]
    assert (grouped["image-alt"]["pages"], grouped["image-alt"]["occurrences"]) == (2, 3)
    assert grouped["image-alt"]["title"] == "Images have a text alternative"
    assert grouped["label"]["pages"] == 1  # the URL outside Wagtail counts as a page
    assert "region" not in grouped  # fixed
    body = response.content.decode()
    assert "Images have a text alternative" in body
    assert reverse("audit_rules:detail", args=["image-alt"]) in body


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"rule": "color-contrast"}, {"color-contrast"}),
        ({"wcag": "1.4.3"}, {"color-contrast"}),
        ({"level": "AA"}, {"color-contrast"}),
        ({"impact": "serious"}, {"color-contrast"}),
        ({"status": "open"}, {"image-alt", "color-contrast", "label"}),
        ({"status": "needs-review"}, {"heading-order"}),
        ({"status": "fixed"}, {"region"}),
        ({"status": "dismissed"}, set()),
        ({"fixer": "developer"}, {"color-contrast"}),
        ({"fixer": "editor"}, {"image-alt", "heading-order", "label"}),
    ],
)
def test_filters(site: Any, client: Client, params: dict[str, str], expected: set[str]) -> None:
    response = client.get(reverse("audit_report:index"), params)
    assert response.status_code == 200
    assert {row["rule"] for row in response.context["object_list"]} == expected


def test_section_and_owner_filters(site: Any, client: Client) -> None:
    response = client.get(reverse("audit_report:findings"), {"section": site.bins.pk})
    assert {t.page_id for t in response.context["object_list"]} == {site.bins_page.pk}
    owner = SuperuserFactory()
    type(site.tax_page).objects.filter(pk=site.tax_page.pk).update(owner=owner)
    response = client.get(reverse("audit_report:findings"), {"owner": owner.pk})
    assert {t.page_id for t in response.context["object_list"]} == {site.tax_page.pk}


def test_finding_rows_link_to_edit_and_live_pages(site: Any, client: Client) -> None:
    body = rows(client, reverse("audit_report:findings"), rule="image-alt")
    assert reverse("wagtailadmin_pages:edit", args=[site.bins_page.pk]) in body
    assert f'href="{site.bins_page.full_url}"' in body
    body = rows(client, reverse("audit_report:findings"), rule="label")
    assert "http://localhost/legacy/forms.php" in body
    assert "not a Wagtail page" in body


def test_rule_rows_drill_down_with_the_same_filters(site: Any, client: Client) -> None:
    response = client.get(reverse("audit_report:index"), {"impact": "critical"})
    row = response.context["object_list"][0]
    assert row["findings_url"].startswith(reverse("audit_report:findings") + "?")
    assert "impact=critical" in row["findings_url"] and "rule=image-alt" in row["findings_url"]


def test_csv_exports(site: Any, client: Client) -> None:
    response = client.get(reverse("audit_report:index"), {"export": "csv"})
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0] == [
        "Rule",
        "What is wrong",
        "Worst impact",
        "Pages",
        "Occurrences",
        "In page content",
        "In templates",
        "Template element",
        "Affected pages",
    ]
    assert ["image-alt", "Images have a text alternative", "Critical", "2", "3", "3", "0"] in [
        row[:7] for row in table
    ]
    response = client.get(reverse("audit_report:findings"), {"export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(table) == 1 + 6
    assert "Page" in table[0] and "Snippet" in table[0]
    image_rows = [row for row in table if row[0] == "image-alt"]
    assert image_rows[0][2:6] == [
        "Critical",
        "Open",
        "Violation",
        "Page content (an editor can fix it)",
    ]


def hostile_findings(home_page: Any) -> Any:
    pages = build_pages(home_page)
    tracked_finding(
        page=pages.bins_page,
        rule="link-name",
        html='=HYPERLINK("http://evil.example","Click")',
        selector=f"a[title='{HOSTILE}']",
        message=f"@SUM(1+1) {HOSTILE}",
        help=HOSTILE,
    )
    tracked_finding(url="javascript:alert(1)", rule="label", html=HOSTILE)
    return pages


def test_exports_are_safe_from_formula_injection(home_page: Any, client: Client) -> None:
    hostile_findings(home_page)
    response = client.get(reverse("audit_report:findings"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert '\'=HYPERLINK("http://evil.example","Click")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    response = client.get(reverse("audit_report:findings"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert '=HYPERLINK("http://evil.example","Click")' in values  # text, not a formula
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_hostile_content_is_escaped(home_page: Any, client: Client) -> None:
    hostile_findings(home_page)
    for url in (reverse("audit_report:index"), reverse("audit_report:findings")):
        body = rows(client, url)
        assert "<script>alert" not in body
    body = rows(client, reverse("audit_report:findings"))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert 'href="javascript:' not in body


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_csv_safe(value: str) -> None:
    assert csv_safe(value) == "'" + value
    assert csv_safe("Fine") == "Fine" and csv_safe(3) == 3


def test_the_report_is_in_the_accessibility_menu(site: Any, client: Client) -> None:
    body = rows(client, reverse("wagtailadmin_home"))
    assert reverse("audit_report:index") in body


def test_minor_is_shown_as_the_worst_impact(home_page: Any, client: Client) -> None:
    """Minor ranks 0: the report once took it for "no impact" and showed a dash."""
    pages = build_pages(home_page)
    tracked_finding(page=pages.bins_page, rule="empty-table-header", impact=Impact.MINOR)
    response = client.get(reverse("audit_report:index"))
    (row,) = response.context["object_list"]
    assert (row["impact"], row["impact_value"]) == ("Minor", "minor")
    assert row["title"] == "Table headers have text"
    assert 'clearway-impact--minor">Minor</span>' in response.content.decode()
    response = client.get(reverse("audit_report:index"), {"export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[1][:3] == ["empty-table-header", "Table headers have text", "Minor"]


def test_a_template_fault_on_many_pages_is_one_row_with_its_pages(
    home_page: Any, client: Client
) -> None:
    pages = build_pages(home_page)
    run = AuditRunFactory()
    footer = {
        "rule": "color-contrast",
        "impact": Impact.SERIOUS,
        "wcag": ["1.4.3"],
        "level": Level.AA,
        "source": Source.TEMPLATE,
        "selector": "footer a.privacy",
        "html": '<a class="privacy" href="/privacy/">Privacy</a>',
    }
    for page in (pages.bins_page, pages.tax_page, home_page):
        tracked_finding(page=page, run=run, **footer)
    # The same rule in one page's content is its own row.
    tracked_finding(
        page=pages.tax_page,
        run=run,
        rule="color-contrast",
        impact=Impact.SERIOUS,
        source=Source.CONTENT,
        selector="p.pale",
    )
    response = client.get(reverse("audit_report:index"))
    rows_by_key = {
        (row["rule"], bool(row["template_key"])): row for row in response.context["object_list"]
    }
    template = rows_by_key[("color-contrast", True)]
    assert (template["pages"], template["occurrences"]) == (3, 3)
    assert template["template_element"] == "footer a.privacy"
    titles = [page["title"] for page in template["affected_pages"]]
    assert sorted(titles) == sorted([pages.bins_page.title, pages.tax_page.title, home_page.title])
    assert "fixer=developer" in template["findings_url"]
    content = rows_by_key[("color-contrast", False)]
    assert content["pages"] == 1 and [p["title"] for p in content["affected_pages"]] == [
        pages.tax_page.title
    ]
    body = response.content.decode()
    assert "the same element on 3 pages" in body
    assert "<details" in body and f">{pages.bins_page.title}</a>" in body
    assert reverse("audit_editor:page_findings", args=[pages.bins_page.pk]) in body


def test_one_impact_vocabulary_on_every_screen(home_page: Any, client: Client) -> None:
    """The same minor finding says "Minor" in the report, its CSV, the findings list and its
    export, the page's panel and the dashboard: never a dash or a raw value."""
    pages = build_pages(home_page)
    tracked_finding(page=pages.bins_page, rule="empty-table-header", impact=Impact.MINOR)
    screens = {
        "report": rows(client, reverse("audit_report:index")),
        "findings": rows(client, reverse("audit_report:findings")),
        "page": rows(client, reverse("audit_editor:page_findings", args=[pages.bins_page.pk])),
    }
    for name, body in screens.items():
        assert (name, 'clearway-impact--minor">Minor</span>' in body) == (name, True)
    # The dashboard counts by impact in a sentence: the same word, in lower case.
    assert "<strong>1</strong> minor" in rows(client, reverse("wagtailadmin_home"))
    for url in (reverse("audit_report:index"), reverse("audit_report:findings")):
        response = client.get(url, {"export": "csv"})
        text = b"".join(response.streaming_content).decode()
        assert "Minor" in text and ",-," not in text
