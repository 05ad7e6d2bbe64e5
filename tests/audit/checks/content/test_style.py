"""Block capitals, italics and underlining."""

from __future__ import annotations

import pytest

from audit.checks.content.style import capital_runs

from .conftest import issues, page

CAPITALS = "clearway-block-capitals"
EMPHASIS = "clearway-italic-underline"


@pytest.mark.parametrize(
    "body",
    [
        "<p>PLEASE NOTE: the tip is closed on Monday.</p>",
        "<p>DO NOT PUT GLASS IN THIS BIN.</p>",
        "<h2>HOW TO APPLY</h2>",
        "<p>You must <strong>BRING PROOF OF ADDRESS</strong> with you.</p>",
        "<li>WARNING: HOT SURFACES</li>",
    ],
)
def test_block_capitals_are_reported(body: str) -> None:
    assert len(issues(page(body), CAPITALS)) == 1


@pytest.mark.parametrize(
    "body",
    [
        "<p>Pay your VAT to HMRC, not to us.</p>",
        "<p>Tell the DVLA and HMRC.</p>",
        "<p>Download the PDF.</p>",
        "<p>Your reference is ABC123 and your postcode AN1 1AA.</p>",
        "<p>The NHS, the DWP and the DVLA can help.</p>",
        "<p>I have a BA in maths.</p>",
        "<p>Contact the <abbr title='Special educational needs and disabilities'>SEND "
        "INFORMATION ADVICE</abbr> team.</p>",
        "<p>Run <code>SELECT COUNT FROM BINS</code>.</p>",
        "<p>A Roman numeral: Part II. A grade: A.</p>",
        "<address>COUNCIL TAX<br>TOWN HALL<br>HIGH STREET<br>ANYTOWN<br>AN1 1AA</address>",
    ],
)
def test_acronyms_and_codes_pass(body: str) -> None:
    assert issues(page(body), CAPITALS) == []


def test_capital_runs() -> None:
    assert capital_runs("Hello PLEASE NOTE this", min_words=2, min_letters=10) == ["PLEASE NOTE"]
    assert capital_runs("NHS DVLA", min_words=2, min_letters=10) == []


def test_block_capitals_options(config) -> None:
    tuned = config.with_overrides(RULE_OPTIONS={CAPITALS: {"min_words": 3, "min_letters": 12}})
    assert issues(page("<p>PLEASE NOTE this.</p>"), CAPITALS, config=tuned) == []


@pytest.mark.parametrize(
    "body",
    [
        "<p>You <i>must</i> apply by Friday.</p>",
        "<p><u>Bring your passport.</u></p>",
        '<p><span style="text-decoration: underline">Bring your passport.</span></p>',
        '<p><span style="font-style:italic">Bring your passport.</span></p>',
        "<p><em>All applications must be made online before the end of the month, with proof "
        "of address.</em></p>",
    ],
)
def test_italic_and_underline_are_reported(body: str) -> None:
    assert len(issues(page(body), EMPHASIS)) == 1


@pytest.mark.parametrize(
    "body",
    [
        "<p>You <em>must</em> apply by Friday.</p>",
        "<p>You <strong>must</strong> apply by Friday.</p>",
        "<p>Read <cite>The Highway Code</cite> first.</p>",
        "<p>Our motto is <i lang='la'>semper fidelis</i>.</p>",
        '<p><i class="icon icon-phone" aria-hidden="true"></i> Call us.</p>',
        '<p><i class="material-icons">phone</i> Call us.</p>',
        '<p><i class="fa fa-phone"></i> Call us.</p>',
        '<p><a href="/x/" style="text-decoration: underline">Council tax</a></p>',
        "<p><a href='/x/'><u>Council tax</u></a></p>",
        "<p><cite><i>The Highway Code</i></cite></p>",
    ],
)
def test_emphasis_that_is_fine(body: str) -> None:
    assert issues(page(body), EMPHASIS) == []


def test_template_italics_are_not_the_editors(config) -> None:
    html = page("<p>Fine.</p>").replace("<header>", "<header><i>Anytown</i>")
    assert issues(html, EMPHASIS) == []
