"""clearway-background-image-text (WCAG 1.1.1, 1.4.5): pictures that may carry words."""

from __future__ import annotations

import base64

import pytest

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

RULE = ("clearway-background-image-text",)
# A real (tiny) PNG, so the computed background-image is a loaded url().
PNG = (
    "data:image/png;base64,"
    + base64.b64encode(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360f80f000001010000ff0d0a2db40000000049454e44ae426082"
        )
    ).decode()
)


def css(rules: str) -> str:
    return f"<style>{rules.replace('PICTURE', f'url({PNG})')}</style>"


def test_backgrounds_behind_text_and_decoration_pass(check_page: CheckPage) -> None:
    """GOV.UK-style hero with its heading inside, a LocalGov Drupal banner with text, a
    gradient, a logo link with hidden text, a decorative divider marked aria-hidden."""
    html = page(
        "<header><a class='logo' href='/'><span class='vh'>Westshire Council home</span></a>"
        "</header><main><div class='hero'><h1>Bins and recycling</h1></div>"
        "<div class='lgd-banner'><p class='lgd-banner__text'>Christmas bin days</p></div>"
        "<div class='fade'></div><div class='divider' aria-hidden='true'></div>"
        "<a class='card' href='/pay' aria-label='Pay council tax'></a></main>",
        head=css(
            ".logo { display: block; width: 200px; height: 60px; background: PICTURE; }"
            ".vh { position: absolute; width: 1px; height: 1px; overflow: hidden;"
            " clip-path: inset(50%); }"
            ".hero, .lgd-banner { background-image: PICTURE; width: 600px; height: 200px; }"
            ".fade { background-image: linear-gradient(#fff, #eee); width: 600px; height: 80px; }"
            ".divider { background: PICTURE; width: 600px; height: 50px; }"
            ".card { display: block; background: PICTURE; width: 300px; height: 100px; }"
        ),
    )
    assert check_page(html, RULE) == []


def test_pictures_of_words_are_reported_to_check(check_page: CheckPage) -> None:
    """A WordPress theme's banner drawn as a picture, a button drawn as a picture inside a
    link with no text, and a heading that is only an image."""
    html = page(
        "<main><div class='site-banner'></div>"
        "<a href='/apply'><span class='btn-apply'></span></a>"
        "<h2 class='section-title'><span class='title-art'></span></h2>"
        "<div class='photo-strip'></div></main>",
        head=css(
            ".site-banner, .btn-apply, .title-art, .photo-strip { display: block;"
            " background-image: PICTURE; width: 400px; height: 80px; }"
            ".btn-apply { width: 160px; height: 48px; }"
            ".icon { width: 24px; height: 24px; }"
        ),
    )
    found = check_page(html, RULE)
    # The plain photo strip is not a control, heading, banner or editor content: left alone.
    assert sorted(issue.selector for issue in found) == [
        "div.site-banner",
        "span.btn-apply",
        "span.title-art",
    ]
    assert {issue.outcome for issue in found} == {"needs-review"}


def test_small_and_editor_content_backgrounds(check_page: CheckPage) -> None:
    html = page(
        "<main><div data-clearway-content='body'><div class='pasted'"
        f" style='background-image: url({PNG}); width: 500px; height: 120px'></div>"
        "<a class='icon' href='/print' aria-label='Print'></a>"
        "<a class='tiny' href='/x'></a></div></main>",
        head=css(".tiny { display: block; width: 30px; height: 30px; background: PICTURE; }"),
    )
    found = check_page(html, RULE)
    assert [(issue.selector, issue.region) for issue in found] == [("div.pasted", "body")]
