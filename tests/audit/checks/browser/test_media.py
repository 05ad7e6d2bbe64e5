"""clearway-autoplay-audio (WCAG 1.4.2) and clearway-moving-content (WCAG 2.2.2)."""

from __future__ import annotations

import pytest

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

AUDIO = ("clearway-autoplay-audio",)
MOVING = ("clearway-moving-content",)
BOTH = AUDIO + MOVING

# A silent WAV of 10 seconds would be large: the rules judge the autoplay attribute and the
# media state, so a source that never loads is enough (duration unknown = could be long).
SOURCE = "src='/no-such-media.mp4'"


def test_media_with_controls_and_short_animations_pass(check_page: CheckPage) -> None:
    html = page(
        f"<main><h1>Video</h1><video {SOURCE} autoplay controls width='320' height='180'></video>"
        f"<audio {SOURCE} controls></audio><video {SOURCE} width='320' height='180'></video>"
        "<div class='fade' style='width: 100px; height: 100px'>Welcome</div>"
        "<div class='spinner' role='status' style='width: 40px; height: 40px'>Loading</div>"
        "</main>",
        head="<style>.fade { animation: fade 1s 2; } .spinner { animation: spin 1s infinite; }"
        "@keyframes fade { from { opacity: 0.5 } to { opacity: 1 } }"
        "@keyframes spin { to { transform: rotate(360deg) } }</style>",
    )
    assert check_page(html, BOTH) == []


def test_autoplaying_sound_without_controls_fails(check_page: CheckPage) -> None:
    html = page(f"<main><h1>Welcome</h1><audio id='welcome' {SOURCE} autoplay></audio></main>")
    found = check_page(html, BOTH)
    assert [(issue.rule, issue.selector) for issue in found] == [
        ("clearway-autoplay-audio", "#welcome")
    ]


def test_a_muted_looping_background_video_without_a_pause_button_fails(
    check_page: CheckPage,
) -> None:
    video = f"<video class='hero' {SOURCE} autoplay muted loop width='320' height='180'></video>"
    found = check_page(page(f"<main><h1>Visit Anytown</h1>{video}</main>"), BOTH)
    assert [(issue.rule, issue.selector) for issue in found] == [
        ("clearway-moving-content", 'video[src="/no-such-media.mp4"]')
    ]
    with_button = page(f"<main><h1>Visit</h1>{video}<button>Pause video</button></main>")
    assert check_page(with_button, BOTH) == []


def test_marquee_and_endless_animation_fail(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>News</h1><marquee>Bins are late this week</marquee>"
        "<p class='ticker' style='width: 300px'>Council meeting tonight at 7pm</p></main>",
        head="<style>.ticker { animation: slide 8s linear infinite; }"
        "@keyframes slide { from { transform: translateX(0) } to { transform: translateX(-50%) } }"
        "</style>",
    )
    found = check_page(html, MOVING)
    assert sorted(issue.selector for issue in found) == ["marquee", "p.ticker"]
    assert all(issue.outcome == "violation" for issue in found)


def test_an_endless_animation_with_a_pause_button_passes(check_page: CheckPage) -> None:
    html = page(
        "<main><h1>News</h1><p class='ticker' style='width: 300px'>Meeting tonight</p>"
        "<button aria-label='Pause the news ticker'>||</button></main>",
        head="<style>.ticker { animation: slide 8s linear infinite; }"
        "@keyframes slide { to { transform: translateX(-50%) } }</style>",
    )
    assert check_page(html, MOVING) == []


def test_blink_is_only_flagged_for_review(check_page: CheckPage) -> None:
    found = check_page(page("<main><h1>Offer</h1><blink>New!</blink></main>"), MOVING)
    assert [(issue.selector, issue.outcome) for issue in found] == [("blink", "needs-review")]


def test_sound_a_script_starts_is_found_even_where_headless_chromium_refuses_it(
    check_page: CheckPage,
) -> None:
    """A WordPress theme's jingle (``new Audio().play()`` on load, never in the page), a
    LocalGov Drupal player started by script, and a player that waits for a click."""
    jingle = page(
        "<main><h1>Storytime</h1></main><script>window.addEventListener('load', function () {"
        " var a = new Audio('/no-such-jingle.ogg'); a.loop = true; a.play().catch(function () {});"
        " });</script>"
    )
    (found,) = check_page(jingle, BOTH)
    assert (found.rule, found.selector) == ("clearway-autoplay-audio", "html")
    assert "/no-such-jingle.ogg" in found.message
    started = page(
        f"<main><h1>Podcast</h1><audio id='episode' {SOURCE}></audio></main>"
        "<script>document.getElementById('episode').play().catch(function () {});</script>"
    )
    assert [(i.rule, i.selector) for i in check_page(started, BOTH)] == [
        ("clearway-autoplay-audio", "#episode")
    ]
    on_click = page(
        f"<main><h1>Podcast</h1><audio id='episode' {SOURCE}></audio>"
        "<button id='go' type='button'>Listen</button></main><script>document.getElementById("
        "'go').addEventListener('click', function () { document.getElementById('episode')"
        ".play(); });</script>"
    )
    assert check_page(on_click, BOTH) == []
