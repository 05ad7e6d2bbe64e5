"""clearway-image-of-text (WCAG 1.4.5): pictures of words in <img>, read for the shape of
printed lines, with pictures drawn by Pillow; and through the audit's own file reader."""

from __future__ import annotations

import pytest

from audit.checks.content import DEFAULT_TERMS, check_html
from audit.checks.content.text_images import IMAGE_OF_TEXT, printed_text
from audit.core.conf import AuditSettings
from audit.core.enums import Outcome
from audit.engine.content_checks import content_checks
from tests.audit.conftest import LocalSite

from . import pictures
from .conftest import URL, page
from .gifs import MemoryResources

SITE = "https://www.anytown.gov.uk"

NOTICE = ["Bin collections change at Christmas", "Check your new collection day"]


def found(body: str, files: dict[str, bytes], config: AuditSettings | None = None):
    resources = MemoryResources(files)
    issues = check_html(
        page(body), url=URL, config=config or AuditSettings(), terms=DEFAULT_TERMS,
        resources=resources,
    )  # fmt: skip
    return [issue for issue in issues if issue.rule == IMAGE_OF_TEXT], resources


# What a picture holds ---------------------------------------------------------------------

PRINTED = {
    "black on white, two lines": (pictures.notice(NOTICE), 2),
    "a JPEG": (pictures.notice(NOTICE, kind="JPEG"), 2),
    "white on blue": (
        pictures.notice(["Council tax: pay online"], background=(0, 48, 120), ink=(255, 255, 255)),
        1,
    ),
    "small text, three lines": (
        pictures.notice(
            [
                "Opening hours: Monday to Friday 9am to 5pm",
                "Saturday 10am to 1pm",
                "Closed on bank holidays",
            ],
            size=(700, 160),
            font_size=22,
        ),
        3,
    ),
    "black on yellow capitals": (
        pictures.notice(
            ["ROAD CLOSED", "Diversion via High Street"],
            background=(255, 221, 0),
            size=(600, 180),
            font_size=44,
        ),
        2,
    ),
    "words over a photograph": (pictures.words_on_photo("Pay your council tax online"), 1),
    # Capitals have no tops and tails: their rows of ink are even.
    "capitals on two backgrounds": (pictures.two_tone_banner(), 2),
}


@pytest.mark.parametrize("data, lines", PRINTED.values(), ids=PRINTED.keys())
def test_printed_lines_are_found(data: bytes, lines: int) -> None:
    text = printed_text(data)
    assert text is not None
    assert text.lines == lines
    assert text.words >= 3


NOT_PRINTED = {
    "a photograph": pictures.photo(),
    "a bar chart with month labels": pictures.chart(),
    "a logo's one word": pictures.logo(),
    "stripes": pictures.stripes(),
}


@pytest.mark.parametrize("data", NOT_PRINTED.values(), ids=NOT_PRINTED.keys())
def test_other_pictures_have_no_printed_words(data: bytes) -> None:
    text = printed_text(data)
    assert text is not None
    assert text.words == 0


@pytest.mark.parametrize("data", [b"", b"<svg></svg>", b"\x89PNG\r\n\x1a\n broken"])
def test_what_is_no_picture_is_not_read(data: bytes) -> None:
    assert printed_text(data) is None


# The rule on a page --------------------------------------------------------------------------


def test_a_notice_saved_as_a_picture_is_reported_to_check() -> None:
    notice = f"{SITE}/media/christmas-bins.png"
    body = '<p>Collections at Christmas:</p><img src="/media/christmas-bins.png" alt="Christmas">'
    (issue,) = found(body, {notice: pictures.notice(NOTICE)})[0]
    assert issue.outcome == Outcome.NEEDS_REVIEW
    assert "on 2 lines" in issue.message
    assert "make sure the alt text says everything" in issue.message


def test_a_carousel_slide_not_shown_yet_is_read_too() -> None:
    files = {f"{SITE}/media/{name}.png": pictures.notice(NOTICE) for name in ("slide", "tab")}
    files[f"{SITE}/media/template.png"] = pictures.notice(NOTICE)
    body = (
        '<ul class="slides"><li class="slide"><img src="/media/park.jpg" alt="The park"></li>'
        '<li class="slide" hidden><a href="/bins/"><img src="/media/slide.png" alt="banner"></a>'
        "</li></ul>"
        '<div role="tabpanel" class="panel"><p>Fees</p></div>'
        '<div role="tabpanel" class="panel" aria-hidden="true"><img src="/media/tab.png" alt="">'
        "</div>"
        '<div hidden><img src="/media/template.png" alt="Template"></div>'
    )
    issues, resources = found(body, files)
    assert len(issues) == 2
    assert f"{SITE}/media/template.png" not in resources.asked


def test_an_empty_alt_hides_the_words() -> None:
    body = '<img src="/media/notice.jpg" alt="">'
    (issue,) = found(body, {f"{SITE}/media/notice.jpg": pictures.notice(NOTICE, kind="JPEG")})[0]
    assert "alt text is empty" in issue.message


def test_photographs_charts_logos_and_small_images_pass() -> None:
    files = {
        f"{SITE}/media/park.jpg": pictures.photo(),
        f"{SITE}/media/recycling-rates.png": pictures.chart(),
        f"{SITE}/media/crest.png": pictures.notice(NOTICE),
        f"{SITE}/media/button.png": pictures.notice(NOTICE),
    }
    body = (
        '<img src="/media/park.jpg" alt="Families in Victoria Park">'
        '<img src="/media/recycling-rates.png" alt="Recycling rates by month">'
        '<img class="site-logo" src="/media/crest.png" alt="Anytown Borough Council">'
        '<img src="/media/button.png" alt="Apply" width="120" height="30">'
    )
    issues, resources = found(body, files)
    assert issues == []
    # The logo and the small image were not even fetched.
    assert resources.asked == [f"{SITE}/media/park.jpg", f"{SITE}/media/recycling-rates.png"]


def test_at_most_max_images_are_read_and_the_rule_can_be_tuned() -> None:
    files = {f"{SITE}/media/{n}.png": pictures.notice(NOTICE) for n in range(4)}
    body = "".join(f'<img src="/media/{n}.png" alt="Notice {n}">' for n in range(4))
    config = AuditSettings(RULE_OPTIONS={IMAGE_OF_TEXT: {"max_images": 2}})
    issues, resources = found(body, files, config)
    assert len(issues) == 2 and len(resources.asked) == 2
    words = AuditSettings(RULE_OPTIONS={IMAGE_OF_TEXT: {"min_words": 50}})
    assert found(body, files, words)[0] == []


def test_through_the_audits_file_reader(local_site: LocalSite) -> None:
    """The real reader: HTTP from a local server, each picture once for every page."""
    local_site.route("/media/notice.png", pictures.notice(NOTICE), content_type="image/png")
    local_site.route("/media/park.jpg", pictures.photo(), content_type="image/jpeg")
    html = page('<img src="/media/notice.png" alt="Notice"><img src="/media/park.jpg" alt="Park">')
    checks = content_checks(AuditSettings(PAGE_TIMEOUT=5), terms=())
    for n in range(3):
        url = local_site.url(f"/page-{n}/")
        rules = [finding.rule for finding in checks(html, url, url)]
        assert rules.count(IMAGE_OF_TEXT) == 1
    assert local_site.requested("/media/notice.png") == 1
    assert local_site.requested("/media/park.jpg") == 1
