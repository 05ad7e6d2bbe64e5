"""clearway-page-title (WCAG 2.4.2) and clearway-page-language (WCAG 3.1.1)."""

from __future__ import annotations

import pytest

from audit.checks.browser.page import CONTENT_TITLE_RULE, title_problem
from audit.checks.catalogue import all_rules
from audit.core.conf import AuditSettings

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

TITLE = ("clearway-page-title",)
LANGUAGE = ("clearway-page-language",)

ENGLISH = (
    "<p>You can pay your council tax online, by direct debit or by phone. If you are on a low "
    "income you may be able to get help with your bill. The amount you pay depends on the band "
    "of your home and on who lives there with you. We will send you a bill every year in March, "
    "and you can choose to pay it in ten or twelve monthly instalments. Tell us when you move "
    "house so that we can close your account and send a final bill for the days you lived "
    "there.</p>"
)
WELSH = (
    "<p>Gallwch dalu eich treth gyngor ar-lein, drwy ddebyd uniongyrchol neu dros y ffôn. Os "
    "ydych ar incwm isel, efallai y byddwch yn gallu cael help gyda'ch bil. Mae'r swm rydych "
    "yn ei dalu yn dibynnu ar fand eich cartref ac ar bwy sy'n byw yno gyda chi. Byddwn yn "
    "anfon bil atoch bob blwyddyn ym mis Mawrth, a gallwch ddewis ei dalu mewn deg neu "
    "ddeuddeg rhandaliad misol. Rhowch wybod i ni pan fyddwch yn symud tŷ er mwyn i ni gau eich "
    "cyfrif ac anfon bil terfynol.</p>"
)


@pytest.mark.parametrize(
    ("title", "path", "bad"),
    [
        ("Pay your council tax | Anytown Council", "/council-tax/pay/", False),
        ("Home | Anytown Council", "/", False),
        ("Anytown Council", "/", False),
        ("Search results for bins - Anytown", "/search/", False),
        ("Page 2 of news | Anytown", "/news/", False),
        ("Untitled Document", "/council-tax/", True),
        ("Page | Anytown Council", "/council-tax/", True),
        ("Home | Anytown Council", "/council-tax/", True),
        ("index.html", "/council-tax/", True),
        ("https://www.anytown.gov.uk/bins", "/bins", True),
        ("", "/bins", False),  # axe-core's document-title
    ],
)
def test_titles(title: str, path: str, bad: bool) -> None:
    from audit.checks.browser.rules import PAGE_TITLE

    assert bool(title_problem(title, path, frozenset(PAGE_TITLE.options["generic_titles"]))) is bad


def test_a_descriptive_title_and_matching_language_pass(check_page: CheckPage) -> None:
    html = page(f"<main><h1>Pay your council tax</h1>{ENGLISH}</main>")
    assert check_page(html, TITLE + LANGUAGE) == []


def test_a_welsh_page_declared_welsh_passes(check_page: CheckPage) -> None:
    html = page(f"<main><h1>Talu eich treth gyngor</h1>{WELSH}</main>", lang="cy")
    assert check_page(html, LANGUAGE) == []


def test_a_bilingual_page_is_not_guessed(check_page: CheckPage) -> None:
    html = page(f"<main><h1>Council tax / Treth gyngor</h1>{ENGLISH}{WELSH}</main>")
    assert check_page(html, LANGUAGE) == []


def test_a_passage_marked_with_its_own_language_passes(check_page: CheckPage) -> None:
    html = page(f"<main><h1>Council tax</h1>{ENGLISH}<div lang='cy'>{WELSH}{WELSH}</div></main>")
    assert check_page(html, LANGUAGE) == []


def test_too_little_text_is_not_judged(check_page: CheckPage) -> None:
    html = page("<main><h1>Treth gyngor</h1><p>Talu eich treth gyngor ar-lein.</p></main>")
    assert check_page(html, LANGUAGE) == []


def test_welsh_text_declared_english_fails(check_page: CheckPage) -> None:
    found = check_page(page(f"<main><h1>Talu eich treth gyngor</h1>{WELSH}</main>"), LANGUAGE)
    assert [issue.selector for issue in found] == ["html"]
    assert "Welsh" in found[0].message and '"en"' in found[0].message


def test_a_placeholder_title_fails(check_page: CheckPage, rules_config: AuditSettings) -> None:
    # With the content rule that judges served titles off (when on, it reports this once).
    config = rules_config.with_overrides(DISABLED_RULES=(CONTENT_TITLE_RULE,))
    html = page("<main><h1>Pay</h1></main>", title="Untitled")
    found = check_page(html, TITLE, config=config)
    assert [(issue.selector, issue.source) for issue in found] == [("title", "content")]
    assert found[0].html == "<title>Untitled</title>"


def test_titles_are_left_to_the_content_rule_when_it_is_on(
    check_page: CheckPage, rules_config: AuditSettings
) -> None:
    if CONTENT_TITLE_RULE not in all_rules():
        pytest.skip(f"{CONTENT_TITLE_RULE} is not in the catalogue")
    html = page("<main><h1>Pay</h1></main>", title="Untitled")
    assert check_page(html, TITLE, config=rules_config) == []
