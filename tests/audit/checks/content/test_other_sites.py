"""Pages in the style of other sites (GOV.UK, LocalGov Drupal, WordPress), with no
``data-clearway-content`` marks: well-written ones pass, and a page of known barriers reports
each one, once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audit.checks.content import DEFAULT_TERMS, check_html
from audit.core.enums import Source

PAGES = Path(__file__).parent / "pages"


@pytest.mark.parametrize(
    "name, url",
    [
        ("govuk_style.html", "https://www.gov.uk/council-tax-bands"),
        ("localgov_style.html", "https://www.westshire.gov.uk/bins-and-recycling/missed-bin"),
        ("wordpress_style.html", "https://northvale.example.org/library/opening-times/"),
        # Tables, forms, media and pagination, as each of them writes them (issue 9's rules).
        ("govuk_form_and_table.html", "https://www.gov.uk/apply-blue-badge"),
        ("localgov_tables_and_media.html", "https://www.westshire.gov.uk/council/full-council"),
        ("wordpress_forms.html", "https://northvale.example.org/book-a-room/"),
    ],
)
def test_well_written_pages_of_other_sites_pass(config, name: str, url: str) -> None:
    html = (PAGES / name).read_text(encoding="utf-8")
    found = check_html(html, url=url, config=config, terms=DEFAULT_TERMS)
    assert found == [], "\n".join(f"{i.rule} {i.selector}: {i.message}" for i in found)


def test_a_page_of_known_barriers(config) -> None:
    html = (PAGES / "barriers.html").read_text(encoding="utf-8")
    found = check_html(
        html, url="https://www.eastborough.gov.uk/planning/", config=config, terms=DEFAULT_TERMS
    )
    assert Counter(i.rule for i in found) == {
        "clearway-page-title-descriptive": 1,
        "clearway-meta-description": 1,
        "clearway-accessibility-statement-link": 1,
        "clearway-block-capitals": 1,
        "clearway-words-to-avoid": 1,
        "clearway-long-sentence": 1,
        "clearway-link-text": 2,
        "clearway-document-link": 1,
        "clearway-new-window": 1,
        "clearway-italic-underline": 1,
        "clearway-alt-file-name": 1,
        "clearway-alt-image-of": 1,
    }
    # Without content regions, elements are the template's (nobody marked editor content);
    # the title and description are the editor's, as on any CMS.
    assert {i.rule for i in found if i.source == Source.CONTENT} == {
        "clearway-page-title-descriptive",
        "clearway-meta-description",
    }


def test_a_page_of_structural_barriers(config) -> None:
    """Tables, forms, links and markup (issue 9): each barrier reported once, with the
    outcome its evidence allows."""
    html = (PAGES / "barriers_structure.html").read_text(encoding="utf-8")
    found = check_html(
        html, url="https://www.eastborough.gov.uk/planning/", config=config, terms=DEFAULT_TERMS
    )
    assert Counter((i.rule, i.outcome.value) for i in found) == {
        ("clearway-table-headers", "violation"): 1,
        ("clearway-table-row-cells", "violation"): 1,
        ("clearway-layout-table", "needs-review"): 1,
        ("clearway-nested-table", "needs-review"): 1,
        ("clearway-table-name", "needs-review"): 2,
        ("clearway-form-group", "violation"): 1,
        ("clearway-empty-legend", "needs-review"): 1,
        ("clearway-placeholder-label", "violation"): 1,
        ("clearway-hint-not-linked", "violation"): 1,
        ("clearway-same-label", "violation"): 1,
        ("clearway-select-changes-page", "violation"): 1,
        ("clearway-link-no-destination", "needs-review"): 1,
        ("clearway-link-adjacent-same", "violation"): 1,
        ("clearway-link-punctuation", "violation"): 1,
        ("clearway-media-transcript", "needs-review"): 1,
        ("clearway-justified-text", "violation"): 1,
        ("clearway-presentational-element", "violation"): 1,
        # One paragraph with two instructions by colour and place: one finding a block.
        ("clearway-sensory-instruction", "violation"): 1,
        # Both email fields of the same-label barrier also lack autocomplete="email".
        ("clearway-autocomplete-missing", "violation"): 2,
    }
