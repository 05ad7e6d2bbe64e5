"""clearway-video-captions (WCAG 1.2.2): <video> players and embedded video players."""

from __future__ import annotations

import pytest

from audit.core.enums import Outcome

from .conftest import issues, page

RULE = "clearway-video-captions"

#: Players that pass, as GOV.UK, LocalGov Drupal and WordPress write them.
PASSING = {
    "GOV.UK video with a captions track": (
        '<div class="govuk-!-margin-bottom-6"><video controls preload="none" width="640">'
        '<source src="/media/council-tax.mp4" type="video/mp4">'
        '<track kind="captions" src="/media/council-tax.vtt" srclang="en" label="English">'
        "</video></div>"
    ),
    "subtitles, and a track without kind (subtitles)": (
        '<video controls src="/a.mp4"><track kind="subtitles" src="/a.vtt" srclang="en"></video>'
        '<video controls src="/b.mp4"><track src="/b.vtt" srclang="en"></video>'
    ),
    "a muted background loop without controls": (
        '<div class="hero"><video autoplay muted loop playsinline src="/media/town.mp4">'
        "</video><h2>Visit Westshire</h2></div>"
    ),
    "LocalGov Drupal YouTube embed that says it has captions": (
        '<div class="localgov-video"><div class="field--name-field-media-oembed-video">'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Full council, '
        'March" allowfullscreen></iframe></div><p>This video has subtitles. Read the '
        '<a href="/minutes">minutes</a> too.</p></div>'
    ),
    "WordPress embed with a transcript beside it": (
        '<figure class="wp-block-embed is-type-video is-provider-vimeo"><div '
        'class="wp-block-embed__wrapper"><iframe src="https://player.vimeo.com/video/12345" '
        'title="Library tour"></iframe></div><figcaption>Library tour (captioned). '
        '<a href="/tour-transcript">Transcript</a></figcaption></figure>'
    ),
    "a map and a form in iframes": (
        '<iframe src="https://www.google.com/maps/embed?pb=1" title="Map"></iframe>'
        '<iframe src="https://forms.office.com/r/abc" title="Survey"></iframe>'
    ),
}


@pytest.mark.parametrize("body", PASSING.values(), ids=PASSING.keys())
def test_captioned_and_silent_videos_pass(body: str) -> None:
    assert issues(page(body), RULE) == []


FAILING = {
    "GOV.UK style video without a track": (
        '<div class="govuk-body"><video controls width="640"><source src="/media/bins.mp4" '
        'type="video/mp4"></video></div>'
    ),
    "a muted video with controls (sound can be turned on)": (
        '<video controls muted src="/media/meeting.mp4"></video>'
    ),
    "a descriptions track is not captions": (
        '<video controls src="/a.mp4"><track kind="descriptions" src="/a.vtt"></video>'
    ),
    "LocalGov Drupal YouTube embed": (
        '<div class="localgov-video"><iframe src="https://www.youtube.com/embed/abc123" '
        'title="How we grit roads"></iframe></div>'
    ),
    "WordPress Vimeo embed": (
        '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">'
        '<iframe src="https://player.vimeo.com/video/12345" title="Tour"></iframe></div>'
        "</figure>"
    ),
    "a cookie-consent embed with the address in data-src": (
        '<iframe data-src="https://www.youtube.com/embed/xyz" title="Budget 2025"></iframe>'
    ),
}


@pytest.mark.parametrize("body", FAILING.values(), ids=FAILING.keys())
def test_videos_without_captions_are_reported_to_check(body: str) -> None:
    found = issues(page(body), RULE)
    assert [issue.outcome for issue in found] == [Outcome.NEEDS_REVIEW]


def test_tricky_players() -> None:
    body = (
        # Hidden: not shown to anyone.
        '<div hidden><video controls src="/a.mp4"></video></div>'
        # A look-alike host is not YouTube.
        '<iframe src="https://notyoutube.com/embed/1" title="x"></iframe>'
        # A track without a file is no captions.
        '<video controls src="/b.mp4"><track kind="captions"></video>'
    )
    found = issues(page(body), RULE)
    assert len(found) == 1 and "video" in found[0].html
