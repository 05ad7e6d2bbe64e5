"""clearway-animated-gif (WCAG 2.2.2): GIF timing read from the file, and the rule on pages."""

from __future__ import annotations

import base64
import math

import pytest

from audit.checks.content import DEFAULT_TERMS, check_html
from audit.checks.content.animation import gif_timing
from audit.checks.content.text_images import IMAGE_OF_TEXT
from audit.core.conf import AuditSettings

from .conftest import URL, page
from .gifs import MemoryResources, make_gif

RULE = "clearway-animated-gif"
SITE = "https://www.anytown.gov.uk"


#: The pictures-of-words rule reads images too: off, so ``asked`` is this rule's alone.
ALONE = (IMAGE_OF_TEXT,)


def found(html: str, files: dict[str, bytes], config: AuditSettings | None = None):
    resources = MemoryResources(files)
    issues = check_html(
        html,
        url=URL,
        config=config or AuditSettings(DISABLED_RULES=ALONE),
        terms=DEFAULT_TERMS,
        resources=resources,
    )
    return [issue for issue in issues if issue.rule == RULE], resources


# The timing --------------------------------------------------------------------------------


def test_a_gif_that_loops_for_ever() -> None:
    timing = gif_timing(make_gif(frames=3, duration=200, loop=0))
    assert timing is not None
    assert timing.plays is None and timing.total == math.inf
    assert timing.moves_longer_than(5)


@pytest.mark.parametrize(
    "frames, duration, loop, seconds, longer",
    [
        (10, 200, None, 2.0, False),  # plays once: 2 s
        (10, 200, 1, 4.0, False),  # a loop count of 1 plays twice, as browsers do
        (10, 200, 2, 6.0, True),  # three times: 6 s
        (30, 200, None, 6.0, True),  # once, but 6 s long
        (3, 0, 100, 30.3, True),  # no delay plays as 100 ms a frame
    ],
)
def test_gif_length(frames: int, duration: int, loop: int | None, seconds: float, longer: bool):
    timing = gif_timing(make_gif(frames=frames, duration=duration, loop=loop))
    assert timing is not None
    assert timing.total == pytest.approx(seconds)
    assert timing.moves_longer_than(5) is longer


def test_a_still_gif_that_loops_does_not_move() -> None:
    timing = gif_timing(make_gif(frames=1, loop=0))
    assert timing is not None and timing.frames == 1
    assert not timing.moves_longer_than(5)


def test_not_a_gif_and_a_cut_file() -> None:
    assert gif_timing(b"\x89PNG\r\n\x1a\n") is None
    assert gif_timing(b"GIF89a") is None
    whole = make_gif(frames=40, duration=200, loop=None)  # 8 s, played once
    cut = gif_timing(whole[: len(whole) * 2 // 3])
    assert cut is not None and not cut.complete
    # The frames read already play for more than 5 s.
    assert cut.moves_longer_than(5)


# The rule ----------------------------------------------------------------------------------


GOVUK = (
    '<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">'
    '<h1 class="govuk-heading-xl">How to recycle</h1><p class="govuk-body">Rinse it first.</p>'
    "{image}</main></div>"
)
WORDPRESS = (
    '<div id="page" class="site"><main id="primary" class="site-main"><article class="post">'
    '<div class="entry-content"><p>Our new bins are here.</p>'
    '<figure class="wp-block-image size-large">{image}<figcaption>Which bin to use'
    "</figcaption></figure></div></article></main></div>"
)


@pytest.mark.parametrize("style", [GOVUK, WORDPRESS])
def test_an_endless_gif_fails_on_either_site(style: str) -> None:
    gif = make_gif(frames=4, duration=500, loop=0)
    image = '<img src="/media/recycling.gif" alt="Rinse, squash and sort">'
    issues, _ = found(page(style.format(image=image)), {f"{SITE}/media/recycling.gif": gif})
    assert [
        (i.selector.endswith('img[src="/media/recycling.gif"]'), i.outcome) for i in issues
    ] == [(True, "violation")]
    assert "loops for ever" in issues[0].message


@pytest.mark.parametrize("style", [GOVUK, WORDPRESS])
def test_gifs_that_stop_in_time_still_images_and_other_formats_pass(style: str) -> None:
    files = {
        f"{SITE}/media/short.gif": make_gif(frames=10, duration=300, loop=None),  # 3 s
        f"{SITE}/media/still.gif": make_gif(frames=1, loop=0),
    }
    images = (
        '<img src="/media/short.gif" alt="A"><img src="/media/still.gif" alt="B">'
        '<img src="/media/photo.jpg" alt="C"><img src="/media/map.png" alt="D">'
    )
    issues, resources = found(page(style.format(image=images)), files)
    assert issues == []
    # A .jpg or .png is never asked for.
    assert sorted(resources.asked) == [f"{SITE}/media/short.gif", f"{SITE}/media/still.gif"]


def test_tricky_gifs() -> None:
    endless = make_gif(frames=3, duration=100, loop=0)
    tiny = make_gif(frames=8, duration=100, loop=0, size=(24, 24))
    files = {
        f"{SITE}/spinner.gif": tiny,  # an icon-sized spinner
        f"{SITE}/busy.gif": endless,  # in a loading indicator
        f"{SITE}/player.gif": endless,  # with a pause button beside it
        f"{SITE}/motion.gif": endless,  # a still image under prefers-reduced-motion
        f"{SITE}/image/5/": endless,  # no extension: served as a GIF
        f"{SITE}/shrunk.gif": endless,  # shown at 20 px by its attributes
    }
    body = (
        '<p><img src="/spinner.gif" alt=""></p>'
        '<div role="status" aria-busy="true"><img src="/busy.gif" alt="Loading"></div>'
        '<div class="gif-player"><img src="/player.gif" alt="How to fold a box">'
        '<button type="button">Pause animation</button></div>'
        '<picture><source srcset="/motion.png" media="(prefers-reduced-motion: reduce)">'
        '<img src="/motion.gif" alt="Bin lorry"></picture>'
        '<p><img src="/image/5/" alt="Street works"></p>'
        '<p><img src="/shrunk.gif" width="20" height="20" alt="New"></p>'
    )
    issues, _ = found(page(body), files)
    assert sorted((i.html.split('"')[1], i.outcome) for i in issues) == [
        ("/image/5/", "violation"),
        ("/motion.gif", "needs-review"),
        ("/player.gif", "needs-review"),
    ]


def test_inline_gifs_and_the_limits() -> None:
    endless = make_gif(frames=2, duration=100, loop=0)
    inline = "data:image/gif;base64," + base64.b64encode(endless).decode()
    spacer = "data:image/gif;base64," + base64.b64encode(make_gif(frames=1, loop=None)).decode()
    body = f'<p><img src="{inline}" alt="Waving hand"><img src="{spacer}" alt=""></p>'
    issues, resources = found(page(body), {})
    assert len(issues) == 1 and resources.asked == []  # read from the page itself
    many = "".join(f'<img src="/g{n}.gif" alt="{n}">' for n in range(30))
    config = AuditSettings(RULE_OPTIONS={RULE: {"max_images": 5}}, DISABLED_RULES=ALONE)
    _, resources = found(page(f"<p>{many}</p>"), {}, config)
    assert len(resources.asked) == 5


def test_without_a_reader_the_rule_finds_nothing() -> None:
    html = page('<p><img src="/media/recycling.gif" alt="Sort your rubbish"></p>')
    issues = check_html(html, url=URL, config=AuditSettings(), terms=DEFAULT_TERMS)
    assert [i for i in issues if i.rule == RULE] == []
