"""clearway-carousel-pause (WCAG 2.2.2): carousels that turn by themselves on a timer."""

from __future__ import annotations

import pytest

from audit.checks.browser import carousels

from .conftest import CheckPage, page

pytestmark = pytest.mark.browser

RULE = ("clearway-carousel-pause",)

SLIDES = (
    "<section class='{cls}' aria-roledescription='carousel' aria-label='Latest news'>"
    "<div class='slide'><h2>Garden waste</h2><p>Renew your garden waste permit.</p></div>"
    "<div class='slide' hidden><h2>Council tax</h2><p>Bills go out in March.</p></div>"
    "{controls}</section>"
)
#: Turns the slides every ``delay`` ms with a repeating timer, as carousel scripts do.
TURN = (
    "<script>(function () {{ var s = document.querySelectorAll('.slide'), i = 0;"
    " setInterval(function () {{ s[i].hidden = true; i = (i + 1) % s.length;"
    " s[i].hidden = false; }}, {delay}); }})();</script>"
)


def carousel(cls: str = "app-carousel", controls: str = "", delay: int | None = 600) -> str:
    script = TURN.format(delay=delay) if delay is not None else ""
    return page(f"<main>{SLIDES.format(cls=cls, controls=controls)}</main>{script}")


def test_a_carousel_that_turns_with_no_pause_fails(check_page: CheckPage) -> None:
    for markup in (carousel(), carousel(cls="wp-block-slider swiper")):
        (found,) = check_page(markup, RULE)
        assert found.outcome == "violation" and "section" in found.selector


def test_carousels_that_can_be_paused_or_do_not_turn_pass(check_page: CheckPage) -> None:
    """GOV.UK-style carousel with a Pause button, a LocalGov slider that only turns when asked
    (no timer), and a page whose timer is a clock, not the carousel."""
    paused = carousel(controls="<button type='button'>Pause slides</button>")
    still = carousel(cls="lgd-slider", delay=None)
    clock = page(
        f"<main>{SLIDES.format(cls='app-carousel', controls='')}<p id='t'>0</p></main>"
        "<script>setInterval(function () { document.getElementById('t').textContent = "
        "Date.now(); }, 500);</script>"
    )
    for markup in (paused, still, clock):
        assert check_page(markup, RULE) == []


def test_a_page_without_a_carousel_is_not_waited_for(
    check_page: CheckPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr(carousels.time, "sleep", waits.append)
    plain = page(
        "<main><p>Bins are collected weekly.</p></main><script>setInterval(function () {}, 400);"
        "</script>"
    )
    assert check_page(plain, RULE) == []
    assert waits == []  # a timer alone, with no carousel to watch, costs no waiting
    check_page(carousel(), RULE)
    assert len(waits) == 1 and 0.6 < waits[0] <= 5.25
