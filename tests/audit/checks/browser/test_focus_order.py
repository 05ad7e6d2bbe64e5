"""clearway-focus-order (WCAG 2.4.3): focus that jumps back up the page, from a positive
tabindex or from styles that show the HTML in another order."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

ORDER = ("clearway-focus-order",)

# GOV.UK Frontend: a skip link, the header, a long main column and related links beside it.
GOVUK_HEAD = """<style>
.govuk-skip-link { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); }
.govuk-skip-link:focus { position: static; width: auto; height: auto; clip-path: none; }
.govuk-grid-row { display: flex; gap: 2rem; }
.govuk-grid-column-two-thirds { flex: 2; } .govuk-grid-column-one-third { flex: 1; }
.long { height: 1500px; }
.back-to-top { position: fixed; bottom: 0; right: 0; }
</style>"""


def govuk(main: str, related: str = "") -> str:
    return page(
        "<a href='#main-content' class='govuk-skip-link'>Skip to main content</a>"
        "<header class='govuk-header'><a href='/' class='govuk-header__link'>Anytown</a></header>"
        "<div class='govuk-width-container'><div class='govuk-grid-row'>"
        f"<main class='govuk-grid-column-two-thirds' id='main-content'>{main}</main>"
        f"<aside class='govuk-grid-column-one-third'>{related}</aside></div></div>"
        "<footer class='govuk-footer'><a href='/accessibility'>Accessibility</a></footer>"
        "<a class='back-to-top' href='#main-content'>Back to top</a>",
        head=GOVUK_HEAD,
    )


def test_a_long_page_with_related_links_beside_it_passes(check_page: CheckPage) -> None:
    html = govuk(
        "<h1>Bins</h1><p><a href='/bins/missed'>Report a missed bin</a></p>"
        "<div class='long'></div><p><a href='/bins/garden'>Garden waste</a></p>",
        "<h2>Related</h2><ul><li><a href='/recycling'>Recycling</a></li></ul>",
    )
    assert check_page(html, ORDER) == []


def test_a_positive_tabindex_that_skips_the_header_fails(check_page: CheckPage) -> None:
    html = govuk(
        "<h1>Apply</h1><form><label for='name'>Name</label>"
        "<input id='name' name='name' tabindex='1'></form>"
    )
    found = check_page(html, ORDER)
    assert [(issue.selector, issue.outcome) for issue in found] == [("#name", Outcome.VIOLATION)]
    assert 'tabindex="1"' in found[0].message and "above it" in found[0].message


def test_a_positive_tabindex_in_layout_order_needs_review(check_page: CheckPage) -> None:
    # LocalGov Drupal markup: the first link of the page given tabindex="1"; the order holds.
    html = page(
        "<header class='lgd-header'><a class='lgd-header__logo' href='/' tabindex='1'>"
        "Anytown</a></header><main><h1>Bins</h1><p><a href='/bins'>Bins</a></p></main>"
    )
    found = check_page(html, ORDER)
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ('a[href="/"]', Outcome.NEEDS_REVIEW)
    ]


def test_css_order_that_moves_a_section_up_fails(check_page: CheckPage) -> None:
    # WordPress block theme markup: a flex column whose last group is shown first.
    html = page(
        "<div class='wp-site-blocks' style='display: flex; flex-direction: column'>"
        "<main class='wp-block-group'><h1>Planning</h1><p><a href='/apply'>Apply</a></p>"
        "<div style='height: 1500px'></div><p><a href='/comment'>Comment</a></p></main>"
        "<div class='wp-block-group related' style='order: -1'>"
        "<a href='/news'>Planning news</a></div></div>"
    )
    found = check_page(html, ORDER)
    assert [(issue.selector, issue.outcome) for issue in found] == [
        ('a[href="/news"]', Outcome.VIOLATION)
    ]
    assert "CSS order: -1" in found[0].message


def test_a_banner_positioned_at_the_top_from_the_end_of_the_page_fails(
    check_page: CheckPage,
) -> None:
    html = page(
        "<div style='position: relative'><main style='padding-top: 80px'><h1>Bins</h1>"
        "<p><a href='/bins'>Bins</a></p><div style='height: 1500px'></div>"
        "<p><a href='/more'>More</a></p></main>"
        "<div class='cookie-banner' style='position: absolute; top: 0; left: 0; right: 0'>"
        "<button>Accept cookies</button></div></div>"
    )
    found = check_page(html, ORDER)
    assert [issue.selector for issue in found] == ["button"]
    assert "position: absolute" in found[0].message


def test_a_short_reordering_within_a_screen_is_left_alone(check_page: CheckPage) -> None:
    html = page(
        "<nav style='display: flex; flex-direction: row-reverse'>"
        "<a href='/a'>A</a> <a href='/b'>B</a> <a href='/c'>C</a></nav>"
    )
    assert check_page(html, ORDER) == []
