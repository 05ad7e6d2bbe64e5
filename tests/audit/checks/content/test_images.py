"""Alt text: file names, captions repeated, "image of"."""

from __future__ import annotations

import pytest

from .conftest import issues, page

FILE_NAME = "clearway-alt-file-name"
CAPTION = "clearway-alt-repeats-caption"
PREFIX = "clearway-alt-image-of"
PLACEHOLDER = "clearway-alt-placeholder"


@pytest.mark.parametrize(
    "image",
    [
        '<img src="/media/a.jpg" alt="IMG_1234.jpg">',
        '<img src="/media/a.jpg" alt="photo.png">',
        '<img src="/media/a.jpg" alt="Recycling centre map.PNG">',
        '<img src="/media/a.jpg" alt="IMG_1234">',
        '<img src="/media/a.jpg" alt="DSC01234">',
        '<img src="/media/a.jpg" alt="Screenshot 2024-01-05 at 10.12.33">',
        # The upload's own name, as many CMSs default it.
        '<img src="/media/images/council-offices_2.width-720.jpg" alt="council-offices_2">',
    ],
)
def test_file_name_alt_text(image: str) -> None:
    assert len(issues(page(f"<p>{image}</p>"), FILE_NAME)) == 1


@pytest.mark.parametrize(
    "image",
    [
        '<img src="/media/a.jpg" alt="The recycling centre on Mill Lane">',
        '<img src="/media/a.jpg" alt="">',
        '<img src="/media/a.jpg">',
        '<img src="/media/a.jpg" alt="Image 2 of 5: the new library">',
        '<img src="/media/a.jpg" alt="Route 66 bus">',
        '<img src="/media/png-guide.jpg" alt="How to save a file as a PNG">',
        '<img src="/media/images/library.jpg" alt="Library">',
    ],
)
def test_descriptive_alt_text(image: str) -> None:
    assert issues(page(f"<p>{image}</p>"), FILE_NAME) == []


@pytest.mark.parametrize(
    "figure, reported",
    [
        ('<figure><img src="/a.jpg" alt="The new library"><figcaption>The new library'
         "</figcaption></figure>", 1),
        ('<figure><img src="/a.jpg" alt="The new library."><figcaption>  the NEW library '
         "</figcaption></figure>", 1),
        ('<figure><img src="/a.jpg" alt="A glass-fronted building beside the river">'
         "<figcaption>The new library</figcaption></figure>", 0),
        ('<figure><img src="/a.jpg" alt=""><figcaption>The new library</figcaption></figure>', 0),
        ('<figure><img src="/a.jpg" alt="The new library"></figure>', 0),
        ('<p><img src="/a.jpg" alt="The new library"></p><p>The new library</p>', 0),
        ('<div class="wp-caption"><img src="/a.jpg" alt="The new library">'
         '<p class="wp-caption-text">The new library</p></div>', 1),
        ('<div><a href="/big.jpg"><img src="/a.jpg" alt="The new library"></a>'
         '<span class="image-caption">The new library</span></div>', 1),
        ('<div><img src="/a.jpg" alt="The new library"><p class="note">The new library</p></div>',
         0),
    ],
)  # fmt: skip
def test_alt_text_repeating_the_caption(figure: str, reported: int) -> None:
    assert len(issues(page(figure), CAPTION)) == reported


@pytest.mark.parametrize(
    "alt, reported",
    [
        ("Image of a gritter on a snowy road", 1),
        ("Picture of the town hall", 1),
        ("A photo of the new library", 1),
        ("photograph of the mayor", 1),
        ("Graphic of the bin colours", 1),
        ("Photo showing the flooded road", 1),
        ("Image: salt barn in Mill Lane", 1),
        ("Photo - the new recycling centre", 1),
        ("Picture \u2013 Mill Park in spring", 1),
        ("A gritter on a snowy road", 0),
        ("Imagery from the 1950s", 0),
        ("Photographers at the summer fair", 0),
        ("The Picture House cinema", 0),
        ("Image-based recycling guide", 0),
        ("Photo booth at the registry office", 0),
    ],
)
def test_alt_text_starting_with_image_of(alt: str, reported: int) -> None:
    assert len(issues(page(f'<p><img src="/a.jpg" alt="{alt}"></p>'), PREFIX)) == reported


def test_a_labelled_prefix_message_suggests_the_rest() -> None:
    (found,) = issues(page('<p><img src="/a.jpg" alt="Image: salt barn"></p>'), PREFIX)
    assert "“Image:”" in found.message and "“Salt barn”" in found.message


def test_image_of_message_suggests_the_rest() -> None:
    (found,) = issues(page('<p><img src="/a.jpg" alt="Picture of the town hall"></p>'), PREFIX)
    assert "“The town hall”" in found.message


@pytest.mark.parametrize(
    "alt, reported",
    [
        ("image", 1),
        ("Logo", 1),
        ("photo", 1),
        ("PICTURE.", 1),
        ("Graphic 3", 1),
        ("the banner", 1),
        ("Image:", 1),
        # Decorative, and described: fine.
        ("", 0),
        ("Logo of Anytown Council", 0),
        ("Anytown Council logo", 0),
        ("Photo booth at the registry office", 0),
        ("Bannerman Road closed for resurfacing", 0),
        # A file name is the file-name rule's: one finding, not two.
        ("image1", 0),
        ("IMG_1234.jpg", 0),
    ],
)
def test_placeholder_alt_text(alt: str, reported: int) -> None:
    assert len(issues(page(f'<p><img src="/a.jpg" alt="{alt}"></p>'), PLACEHOLDER)) == reported


def test_placeholder_found_by_exactly_one_rule() -> None:
    html = page('<p><img src="/a.jpg" alt="image1"></p><p><img src="/b.jpg" alt="logo"></p>')
    assert len(issues(html, FILE_NAME)) == 1
    (found,) = issues(html, PLACEHOLDER)
    assert "“logo”" in found.message


def test_placeholder_rule_is_a_level_a_violation() -> None:
    from audit.checks.catalogue import get_rule
    from audit.core.enums import Level, Outcome

    rule = get_rule(PLACEHOLDER)
    assert rule.wcag == ("1.1.1",) and rule.level == Level.A
    assert rule.outcome == Outcome.VIOLATION


def test_slides_and_tab_panels_not_shown_yet_are_checked_and_templates_are_not() -> None:
    body = (
        # A WordPress slider: the second slide is shown a few seconds later.
        '<ul class="slides"><li class="slide"><img src="/park.jpg" alt="Families in the park">'
        '</li><li class="slide" hidden><a href="/bins/"><img src="/bins.png" alt="banner"></a>'
        "</li></ul>"
        # Tabs: the second panel is shown when its tab is chosen.
        '<div class="tab-panel"><p>Fees</p></div>'
        '<div class="tab-panel" aria-hidden="true"><img src="/fees.png" alt="graphic"></div>'
        # Hidden with no shown sibling of its kind: a template for a script, not content.
        '<div hidden><img src="/row.png" alt="image"></div>'
    )
    found = issues(page(body), PLACEHOLDER)
    assert sorted(issue.html for issue in found) == [
        '<img src="/bins.png" alt="banner">',
        '<img src="/fees.png" alt="graphic">',
    ]
