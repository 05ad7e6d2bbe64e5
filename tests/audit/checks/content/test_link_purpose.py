"""Links that go nowhere, twin links side by side, symbols as link text, media without a
transcript."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

NOWHERE = "clearway-link-no-destination"
ADJACENT = "clearway-link-adjacent-same"
SYMBOL = "clearway-link-punctuation"
MEDIA = "clearway-media-transcript"
LINK_RULES = (NOWHERE, ADJACENT, SYMBOL, MEDIA)

GOOD_LINKS = {
    "GOV.UK card-free related links": (
        '<ul class="govuk-list"><li><a class="govuk-link" href="/council-tax">Council Tax</a>'
        '</li><li><a class="govuk-link" href="/council-tax/bands">Council Tax bands</a></li></ul>'
    ),
    "GOV.UK pagination with visually hidden text": (
        '<nav class="govuk-pagination" aria-label="Pagination"><div '
        'class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" '
        'href="?page=2" rel="next"><svg aria-hidden="true" focusable="false"><path d="M0"/>'
        '</svg><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden">'
        " page</span></span></a></div></nav>"
    ),
    "LocalGov card as one link": (
        '<div class="lgd-teaser"><a href="/news/fair"><img src="/f.jpg" alt=""><h3>Summer fair'
        "</h3></a></div>"
    ),
    "WordPress file block (link and download button)": (
        '<div class="wp-block-file"><a href="/wp-content/uploads/minutes.pdf">Minutes (PDF, '
        '80 KB)</a><a href="/wp-content/uploads/minutes.pdf" class="wp-block-file__button" '
        "download>Download</a></div>"
    ),
    "podcast with a transcript": (
        '<p><a href="/media/podcast-1.mp3">Listen to episode 1 (MP3, 20 MB)</a> or '
        '<a href="/podcast/1/transcript">read the transcript</a>.</p>'
    ),
    "video with captions said in the list": (
        '<ul><li><a href="/media/budget.mp4">Budget video (MP4, 40 MB)</a></li>'
        '<li><a href="/media/budget.vtt">Captions for the budget video</a></li></ul>'
    ),
    "back to top": '<p><a href="#">Back to top</a></p>',
    "a button made of a link": '<a href="#" role="button">Show all sections</a>',
    "two text links to one page": (
        '<p><a href="/bins">Bin collection days</a><a href="/bins">Check your day</a></p>'
    ),
    "symbol with an aria-label": '<a href="?page=2" aria-label="Next page">»</a>',
}


@pytest.mark.parametrize("body", GOOD_LINKS.values(), ids=GOOD_LINKS.keys())
def test_accessible_links_pass(body: str) -> None:
    html = page(body)
    assert [(r, issues(html, r)) for r in LINK_RULES if issues(html, r)] == []


@pytest.mark.parametrize(
    "link",
    [
        '<a href="#">Show more</a>',
        '<a href="javascript:void(0)">Open the menu</a>',
        '<a href="JavaScript:showMap()">Map</a>',
    ],
)
def test_links_that_go_nowhere_are_to_review(link: str) -> None:
    (found,) = issues(page(f"<p>{link}</p>"), NOWHERE)
    assert found.outcome == Outcome.NEEDS_REVIEW


@pytest.mark.parametrize(
    "body",
    [
        '<div class="card"><a href="/news/fair"><img src="/f.jpg" alt="Summer fair"></a>'
        '<h3><a href="/news/fair">Summer fair</a></h3></div>',
        '<a href="/"><img src="/logo.png" alt=""></a> <a href="/">Anytown Council</a>',
        '<a href="https://www.anytown.gov.uk/news/fair/"><svg aria-hidden="true"></svg></a>'
        '<a href="/news/fair">Summer fair</a>',
    ],
)
def test_image_and_text_links_side_by_side(body: str) -> None:
    (found,) = issues(page(body), ADJACENT)
    assert found.outcome == Outcome.VIOLATION


def test_links_with_text_between_are_not_adjacent() -> None:
    body = (
        '<a href="/news/fair"><img src="/f.jpg" alt="Summer fair"></a><p>Come along on '
        'Saturday.</p><a href="/news/fair">Summer fair</a>'
    )
    assert issues(page(body), ADJACENT) == []
    other = '<a href="/a"><img src="/f.jpg" alt="A"></a><a href="/b">B</a>'
    assert issues(page(other), ADJACENT) == []


@pytest.mark.parametrize("text", ["»", "→", "&gt;", "...", "+", " « ", "…"])
def test_links_whose_only_text_is_a_symbol(text: str) -> None:
    (found,) = issues(page(f'<p>Next <a href="?page=2">{text}</a></p>'), SYMBOL)
    assert found.outcome == Outcome.VIOLATION


@pytest.mark.parametrize("text", ["Next »", "1", "A to Z", "£"])
def test_links_with_words_or_digits_pass(text: str) -> None:
    found = issues(page(f'<p><a href="?page=2">{text}</a></p>'), SYMBOL)
    assert len(found) == (1 if text == "£" else 0)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/media/meeting-2024-05.mp3">Council meeting, May (MP3, 50 MB)</a>',
        '<a href="/media/how-to-recycle.mp4">How to recycle (video)</a>',
        '<a href="/media/x" type="audio/mpeg">Listen</a>',
    ],
)
def test_media_links_without_a_transcript_are_to_review(link: str) -> None:
    (found,) = issues(page(f"<p>{link}</p>"), MEDIA)
    assert found.outcome == Outcome.NEEDS_REVIEW


def test_a_symbol_described_in_words_passes() -> None:
    permalink = (
        '<h2 id="fees">Fees <a class="headerlink" href="#fees" title="Link to this section">'
        "¶</a></h2>"
    )
    assert issues(page(permalink), SYMBOL) == []
    assert len(issues(page(permalink.replace(' title="Link to this section"', "")), SYMBOL)) == 1


def test_a_players_fallback_link_is_not_reported() -> None:
    body = (
        '<video controls src="/media/budget.mp4"><a href="/media/budget.mp4">Download the '
        "video</a></video>"
    )
    assert issues(page(body), MEDIA) == []


def test_an_image_link_with_empty_alt_is_left_to_axe() -> None:
    """A link whose only content is an image with ``alt=""`` has no name: axe-core's
    ``link-name`` reports it (WCAG 2.4.4 and 4.1.2), so no Clearway rule repeats it."""
    html = page('<p><a href="/recycling"><img src="/r.png" alt=""></a></p>')
    from audit.checks.content import content_rule_ids

    assert [i for r in content_rule_ids() for i in issues(html, r)] == []


def test_an_audio_player_without_a_transcript_is_to_review() -> None:
    player = '<figure class="wp-block-audio"><audio controls src="/media/ep1.mp3"></audio></figure>'
    (found,) = issues(page(player), MEDIA)
    assert found.outcome == Outcome.NEEDS_REVIEW
    with_transcript = player.replace(
        "</figure>",
        '<figcaption><a href="/ep1-transcript">Read the transcript</a></figcaption></figure>',
    )
    assert issues(page(with_transcript), MEDIA) == []
