"""Reading age, sentences, syllables and long sentences."""

from __future__ import annotations

import pytest

from audit.checks.content import reading_age_report
from audit.checks.content.readability import grade, split_sentences, syllables, words
from audit.core.enums import Source

from .conftest import issues, page

PLAIN = (
    "<p>You must pay your council tax by the first of each month. You can pay online, by "
    "phone or at the town hall. If you pay by Direct Debit, we take the money for you. You "
    "do not need to do anything else.</p><p>Tell us if you move home. We will send you a new "
    "bill. If you cannot pay, call us as soon as you can. We can help you make a plan. We "
    "will not take you to court if you talk to us first. Most people pay in ten parts, from "
    "April to January. You can ask to pay in twelve parts.</p>"
)
HARD = (
    "<p>Notwithstanding the aforementioned considerations, residents experiencing financial "
    "difficulties are encouraged to communicate proactively with the Revenues Department, "
    "whose representatives will endeavour to establish mutually acceptable arrangements "
    "commensurate with individual circumstances.</p><p>Consequently, the authority's "
    "administrative procedures necessitate comprehensive documentation evidencing "
    "eligibility prior to the determination of applications for discretionary reductions. "
    "Applications unaccompanied by satisfactory supporting documentation will ordinarily be "
    "considered incomplete, and determinations will consequently be deferred until the "
    "requisite information is received by the authority.</p>"
) * 2


@pytest.mark.parametrize(
    "word, expected",
    [
        ("bin", 1), ("the", 1), ("council", 2), ("money", 2), ("library", 3),
        ("application", 4), ("make", 1), ("takes", 1), ("paper", 2), ("table", 2),
        ("recycling", 3), ("documentation", 5), ("£1,460.00", 1), ("you", 1),
    ],
)  # fmt: skip
def test_syllables(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_words_keep_numbers_and_contractions_whole() -> None:
    assert words("You don't pay £1,460.00 on 1 April.") == [
        "You", "don't", "pay", "£1,460.00", "on", "1", "April",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pay online. Or call us.", ["Pay online.", "Or call us."]),
        ("Bring proof, e.g. a bill. Then wait.", ["Bring proof, e.g. a bill.", "Then wait."]),
        ("Ask Dr. Smith. He knows.", ["Ask Dr. Smith.", "He knows."]),
        ("It costs £1.50 each. Pay now!", ["It costs £1.50 each.", "Pay now!"]),
        ("Town Hall\nHigh Street", ["Town Hall", "High Street"]),
        ("Is it open? Yes, on Monday.", ["Is it open?", "Yes, on Monday."]),
        ("visit anytown.gov.uk. then", ["visit anytown.gov.uk. then"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_grade_is_flesch_kincaid() -> None:
    assert grade(100, 10, 150) == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)


def test_plain_text_passes_and_hard_text_is_reported() -> None:
    assert issues(page(PLAIN), "clearway-reading-age") == []
    (found,) = issues(page(HARD), "clearway-reading-age")
    assert "reading age of this page is" in found.message
    assert "Notwithstanding" in found.message or "necessitate" in found.message
    assert found.source == Source.CONTENT and found.region == "body"
    assert found.selector == '[data-clearway-content="body"]'


def test_report_for_the_editor_ranks_sentences(config) -> None:
    report = reading_age_report(page(PLAIN + HARD), config=config)
    assert report.enough_text and report.target == 9
    assert report.reading_age is not None and report.reading_age > 9
    ages = [s.reading_age for s in report.sentences]
    assert ages == sorted(ages, reverse=True)
    assert report.sentences[0].text.startswith(("Notwithstanding", "Consequently", "Applications"))
    assert report.sentences[0].region == "body"
    assert report.formula == "Flesch-Kincaid grade level + 5"


def test_too_little_text_has_no_reading_age(config) -> None:
    html = page("<p>Notwithstanding considerations, documentation necessitates evidencing.</p>")
    assert issues(html, "clearway-reading-age") == []
    report = reading_age_report(html, config=config)
    assert report.reading_age is None and not report.enough_text and report.words == 5


def test_headings_tables_and_short_list_items_are_not_sentences(config) -> None:
    extras = (
        "<h2>Administrative documentation requirements</h2>"
        "<ul><li>paper and card</li><li>glass bottles and jars</li></ul>"
        "<table><tr><th>Discretionary reductions</th><td>Comprehensive evaluation</td></tr></table>"
        "<figure><figcaption>Municipal administrative headquarters</figcaption></figure>"
        "<pre>documentation_requirements()</pre>"
    )
    plain = reading_age_report(page(PLAIN), config=config)
    with_extras = reading_age_report(page(PLAIN + extras), config=config)
    assert with_extras.words == plain.words
    assert with_extras.reading_age == plain.reading_age


def test_list_items_written_as_sentences_count(config) -> None:
    items = "<ul><li>You can pay online at any time.</li><li>You can pay by phone.</li></ul>"
    assert (
        reading_age_report(page(PLAIN + items), config=config).sentence_count
        == reading_age_report(page(PLAIN), config=config).sentence_count + 2
    )


def test_template_text_is_not_counted_when_regions_are_marked(config) -> None:
    html = page(PLAIN).replace("<header>", f"<header>{HARD}")
    assert issues(html, "clearway-reading-age") == []


def test_main_is_the_content_without_regions() -> None:
    html = page(HARD, region=False)
    (found,) = issues(html, "clearway-reading-age")
    assert found.source == Source.TEMPLATE and found.selector == "#main"


def test_options_target_tolerance_and_min_words(config) -> None:
    tuned = config.with_overrides(
        RULE_OPTIONS={"clearway-reading-age": {"target": 5, "tolerance": 0, "min_words": 20}}
    )
    assert issues(page(PLAIN), "clearway-reading-age") == []
    assert len(issues(page(PLAIN), "clearway-reading-age", config=tuned)) == 1


# Long sentences ----------------------------------------------------------------------------

LONG = (
    "If you have been told that you must leave your home in the next eight weeks you should "
    "contact our housing options team as soon as you possibly can so that we can help you."
)


def test_long_sentences_are_reported_one_by_one() -> None:
    html = page(f"<p>Short one. {LONG} Another short one. {LONG.replace('eight', 'six')}</p>")
    found = issues(html, "clearway-long-sentence")
    assert len(found) == 2
    assert "35 words" in found[0].message
    assert found[0].html != found[1].html  # two findings, two fingerprints
    assert found[0].selector == found[1].selector


@pytest.mark.parametrize(
    "body",
    [
        "<p>You can pay online. You can pay by phone.</p>",
        # 25 words exactly.
        "<p>" + " ".join(["word"] * 24) + " end.</p>",
        # A long list item without a full stop is a list, not a sentence... unless it is one.
        "<ul><li>" + " and ".join(["paper"] * 5) + "</li></ul>",
        # Navigation without <nav>: links, not a sentence.
        '<div class="menu">'
        + " ".join(f'<a href="/{n}/">Section number {n}</a>' for n in range(12))
        + "</div>",
        # Lines of an address are not one long sentence.
        "<address>Council Tax<br>Town Hall<br>High Street<br>Anytown<br>AN1 1AA<br>"
        "Monday to Friday, 9am to 5pm<br>Closed on bank holidays<br>Phone 01632 960000</address>",
    ],
)
def test_short_sentences_pass(body: str) -> None:
    assert issues(page(body), "clearway-long-sentence") == []


def test_max_words_option(config) -> None:
    tuned = config.with_overrides(RULE_OPTIONS={"clearway-long-sentence": {"max_words": 40}})
    assert issues(page(f"<p>{LONG}</p>"), "clearway-long-sentence", config=tuned) == []


def test_text_in_another_language_is_not_scored(config) -> None:
    welsh = (
        "<p>Mae'n rhaid i chi dalu eich treth gyngor erbyn diwrnod cyntaf pob mis, ac os na "
        "allwch chi dalu, cysylltwch â ni cyn gynted ag y gallwch chi er mwyn i ni allu eich "
        "helpu chi i wneud cynllun talu sy'n gweithio i chi a'ch teulu.</p>"
    ) * 4
    assert issues(page(welsh).replace('lang="en-GB"', 'lang="cy"'), "clearway-long-sentence") == []
    assert (
        reading_age_report(page(welsh).replace('lang="en-GB"', 'lang="cy"'), config=config).words
        == 0
    )
    passage = f'<div lang="cy">{welsh}</div>'
    assert issues(page(PLAIN + passage), "clearway-long-sentence") == []
    assert len(issues(page(welsh), "clearway-long-sentence")) == 4  # if it were English
