"""Every page links to the accessibility statement."""

from __future__ import annotations

import pytest

from audit.core.enums import Source

from .conftest import issues, page

RULE = "clearway-accessibility-statement-link"


@pytest.mark.parametrize(
    "footer",
    [
        '<footer><a href="/accessibility-statement/">Accessibility statement</a></footer>',
        '<footer><a href="/accessibility/">Accessibility</a></footer>',
        '<footer><a href="/about/accessibility-statement">Our statement</a></footer>',
        '<footer><a href="/help/a11y/">Accessibility help</a></footer>',
        '<footer><a href="https://www.anytown.gov.uk/ACCESSIBILITY">Help</a></footer>',
    ],
)
def test_a_statement_link_passes(footer: str) -> None:
    assert issues(page("<p>Fine.</p>", footer=footer), RULE) == []


def test_no_statement_link_is_a_template_issue() -> None:
    html = page("<p>Fine.</p>", footer='<footer><a href="/privacy/">Privacy</a></footer>')
    (found,) = issues(html, RULE)
    assert found.source == Source.TEMPLATE and found.selector == "body"


def test_a_hidden_link_does_not_count() -> None:
    footer = '<footer><a href="/accessibility/" hidden>Accessibility</a></footer>'
    assert len(issues(page("<p>Fine.</p>", footer=footer), RULE)) == 1


def test_statement_paths_option(config) -> None:
    tuned = config.with_overrides(RULE_OPTIONS={RULE: {"statement_paths": ["/help/web/"]}})
    html = page("<p>Fine.</p>", footer='<footer><a href="/help/web">Using this site</a></footer>')
    assert len(issues(html, RULE)) == 1
    assert issues(html, RULE, config=tuned) == []


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://www.anytown.gov.uk/accessibility.html", "Our website - Anytown"),
        ("https://www.anytown.gov.uk/help/", "Accessibility statement - Anytown Borough Council"),
    ],
)
def test_the_statement_itself_need_not_link_to_itself(url: str, title: str) -> None:
    html = page("<p>We want everyone to be able to use this website.</p>", title=title,
                footer='<footer><a href="/privacy/">Privacy</a></footer>')  # fmt: skip
    assert issues(html, RULE, url=url) == []
    # Not the statement by address or title: the rule still asks for the link.
    plain = page("<p>Fine.</p>", footer='<footer><a href="/privacy/">Privacy</a></footer>')
    assert len(issues(plain, RULE, url="https://www.anytown.gov.uk/help/")) == 1
