"""Link rules: vague text, one text for several places, documents, new windows."""

from __future__ import annotations

import pytest

from audit.core.enums import Source

from .conftest import issues, page

# Link text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/council-tax/">Click here</a>',
        '<a href="/council-tax/">here</a>',
        '<a href="/council-tax/">Read more</a>',
        '<a href="/council-tax/">Read more…</a>',
        '<a href="/council-tax/">More »</a>',
        '<a href="/council-tax/">more</a>',
        '<a href="/council-tax/">Link</a>',
        '<a href="/council-tax/">this link</a>',
        '<a href="/council-tax/">This page.</a>',
        '<a href="/council-tax/">Find out more</a>',
        '<a href="/council-tax/">  Learn   more </a>',
        # Filler around vague words.
        '<a href="/council-tax/">Click here to find out</a>',
        '<a href="/council-tax/">Please click here for more information.</a>',
        '<a href="/council-tax/">Download now</a>',
        '<a href="/council-tax/">Tap here to read more</a>',
        '<a href="/council-tax/">Click here to start</a>',
        '<a href="/council-tax/">Click to continue</a>',
        '<a href="/council-tax/">Find out</a>',
        '<a href="https://www.gov.uk/council-tax">https://www.gov.uk/council-tax</a>',
        '<a href="https://www.gov.uk/council-tax">www.gov.uk/council-tax</a>',
        # The accessible name is what counts: an image's alt text, an aria-label.
        '<a href="/council-tax/"><img src="/arrow.png" alt="Read more"></a>',
        '<a href="/council-tax/" aria-label="Click here">Pay your council tax</a>',
        '<a href="/council-tax/" aria-labelledby="more-label">Pay</a>'
        '<span id="more-label">More</span>',
    ],
)
def test_vague_link_text_is_reported(link: str) -> None:
    found = issues(
        page(f"<p>Council tax pays for local services. {link}</p>"), "clearway-link-text"
    )
    assert len(found) == 1
    assert found[0].source == Source.CONTENT and found[0].region == "body"
    assert found[0].selector.endswith('a[href="/council-tax/"]') or "a[href=" in found[0].selector


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/council-tax/">More about council tax</a>',
        '<a href="/council-tax/">Read more'
        '<span class="visually-hidden"> about council tax</span></a>',
        '<a href="/council-tax/" aria-label="Read more about council tax">Read more</a>',
        # Described by its card's heading: the context is programmatically determined.
        '<h3 id="card-1">Council tax</h3><a href="/council-tax/" aria-describedby="card-1">'
        "Read more</a>",
        '<a href="/council-tax/">Pay your council tax</a>',
        '<a href="/council-tax/">Find out more about council tax discounts</a>',
        '<a href="/council-tax/">Here is how to pay your council tax</a>',
        '<a href="/council-tax/">Click here to apply for a council tax discount</a>',
        '<a href="/council-tax/">Find out how council tax is spent</a>',
        '<a href="/council-tax/">Read the council tax leaflet now</a>',
        '<a href="/council-tax/">Select a council tax band</a>',
        # GOV.UK's start button and next-step link: named by the service page they sit on.
        '<a href="/council-tax/apply/" class="govuk-button govuk-button--start">Start now</a>',
        '<a href="/council-tax/apply/step-2/" class="govuk-button">Continue</a>',
        '<a href="/council-tax/">GOV.UK</a>',
        '<a href="mailto:counciltax@anytown.gov.uk">counciltax@anytown.gov.uk</a>',
        '<a href="tel:01632960000">01632 960000</a>',
        '<a href="/council-tax/"><img src="/logo.png" alt="Anytown Borough Council home"></a>',
        # A link with no name at all is axe-core's link-name rule, not this one.
        '<a href="/council-tax/"><img src="/logo.png" alt=""></a>',
        # Not a link: a button made of an anchor, and a hidden link.
        '<a href="#" role="button">More</a>',
        '<a href="/council-tax/" hidden>here</a>',
        '<a href="/council-tax/" aria-hidden="true" tabindex="-1">here</a>',
    ],
)
def test_descriptive_link_text_passes(link: str) -> None:
    assert issues(page(f"<p>Council tax pays for services. {link}</p>"), "clearway-link-text") == []


def test_template_links_are_checked_and_attributed_to_the_template() -> None:
    html = page("<p>Fine.</p>", footer='<footer><a href="/accessibility/">More</a></footer>')
    (found,) = issues(html, "clearway-link-text")
    assert found.source == Source.TEMPLATE and found.region == ""


def test_extra_phrases_option(config) -> None:
    tuned = config.with_overrides(
        RULE_OPTIONS={"clearway-link-text": {"extra_phrases": ["Go to page"]}}
    )
    html = page('<p><a href="/a/">Go to page</a></p>')
    assert issues(html, "clearway-link-text") == []
    assert len(issues(html, "clearway-link-text", config=tuned)) == 1


# Same text, different places ---------------------------------------------------------------


@pytest.mark.parametrize(
    "links, reported",
    [
        ('<a href="/bus-pass/apply/">Apply now</a> <a href="/blue-badge/apply/">Apply now</a>', 2),
        ('<a href="/a/">Apply now</a> <a href="/b/">apply now.</a> <a href="/c/">Apply now</a>', 3),
        # The same place, written differently: no alarm.
        ('<a href="/bus-pass/">Bus passes</a> <a href="/bus-pass">Bus passes</a>', 0),
        ('<a href="/bus-pass/#apply">Bus passes</a> <a href="/bus-pass/">Bus passes</a>', 0),
        (
            '<a href="https://www.anytown.gov.uk/bus-pass/">Bus passes</a> '
            '<a href="/bus-pass/">Bus passes</a> '
            '<a href="http://anytown.gov.uk/bus-pass">Bus passes</a>',
            0,
        ),
        ('<a href="#top">Back to top</a> <a href="#top">Back to top</a>', 0),
        ('<a href="/">Home</a> <a href="/index.html">Home</a>', 0),
        ('<a href="/bins/?utm_source=news">Bins</a> <a href="/bins/">Bins</a>', 0),
        ('<a href="/bins/?ward=2">Bins</a> <a href="/bins/?ward=3">Bins</a>', 2),
        # Different text for different places.
        ('<a href="/bus-pass/">Bus passes</a> <a href="/blue-badge/">Blue badges</a>', 0),
        # Vague text is the link text rule's finding, not a second one here.
        ('<a href="/a/">Read more</a> <a href="/b/">Read more</a>', 0),
    ],
)
def test_same_text_different_places(links: str, reported: int) -> None:
    found = issues(page(f"<p>{links}</p>"), "clearway-link-text-same")
    assert len(found) == reported


def test_same_vague_text_is_reported_here_when_the_link_text_rule_is_off(config) -> None:
    html = page('<p><a href="/a/">Read more</a> <a href="/b/">Read more</a></p>')
    without = config.with_overrides(DISABLED_RULES=("clearway-link-text",))
    assert len(issues(html, "clearway-link-text-same", config=without)) == 2


def test_links_in_different_landmarks_are_told_apart_by_where_they_are() -> None:
    html = page(
        '<p><a href="/council-tax/pay/">Council tax</a></p>',
        footer='<nav aria-label="Breadcrumb"><a href="/council-tax/">Council tax</a></nav>'
        '<footer><a href="/accessibility-statement/">Accessibility statement</a></footer>',
    )
    assert issues(html, "clearway-link-text-same") == []


def test_a_fragment_of_this_page_is_this_page() -> None:
    # URL is /council-tax/pay/: "#fees" and the page's own address are the same place.
    html = page(
        '<p><a href="#fees">Council tax</a> <a href="/council-tax/pay/">Council tax</a></p>'
    )
    assert issues(html, "clearway-link-text-same") == []
    other = page('<p><a href="#fees">Council tax</a> <a href="/council-tax/">Council tax</a></p>')
    assert len(issues(other, "clearway-link-text-same")) == 2


# Documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/documents/bands.pdf">Council tax bands</a>',
        '<a href="/documents/bands.pdf">Council tax bands (PDF)</a>',
        '<a href="/documents/bands.pdf">Council tax bands (120 KB)</a>',
        '<a href="/documents/form.docx">Application form</a>',
        '<a href="/documents/charges.xlsx?v=2">Charges by band</a>',
        '<a href="/documents/charges.CSV">Charges by band</a>',
        '<a href="/download?id=12" type="application/pdf">Council tax bands</a>',
        '<a href="/documents/slides.pptx">Budget presentation</a>',
        # The next link's type and size are not this one's.
        '<ul><li><a href="/a.pdf">Form A</a></li>'
        '<li><a href="/b.pdf">Form B</a> (PDF, 1 MB)</li></ul>',
        '<a href="/documents/minutes.odt">Minutes of the meeting, 3 March</a>',
    ],
)
def test_document_links_without_type_or_size(link: str) -> None:
    found = issues(page(f"<p>{link}</p>"), "clearway-document-link")
    assert len(found) == 1
    assert "Form B" not in found[0].html


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/documents/bands.pdf">Council tax bands (PDF, 120 KB)</a>',
        '<a href="/documents/form.pdf">Download the form (PDF, 2 MB)</a>',
        '<a href="/documents/form.docx">Download the form (Word, 2 MB)</a>',
        '<a href="/documents/charges.csv">Charges by band '
        '<span class="meta">(CSV, 1 KB)</span></a>',
        '<a href="/documents/charges.xlsx">Charges by band (spreadsheet, 45KB)</a>',
        '<a href="/documents/bands.pdf">Council tax bands, PDF 1.2MB</a>',
        # The type and size just after the link, in the same paragraph, as GOV.UK does.
        '<a href="/documents/bands.pdf">Council tax bands</a> (PDF, 120 KB)',
        '<a href="/documents/bands.pdf">Council tax bands</a> <span>PDF, 120 KB, 4 pages</span>',
        # Or in the next block, when the link is alone in its own (GOV.UK's attachments).
        '<h3><a href="/documents/bands.pdf">Council tax bands</a></h3>'
        '<p class="metadata"><abbr title="Portable Document Format">PDF</abbr>, 120 KB</p>',
        # Or in its description.
        '<a href="/documents/bands.pdf" aria-describedby="meta">Council tax bands</a>'
        '<p id="meta">PDF, 120 KB</p>',
        # Web pages are not documents.
        '<a href="/council-tax/bands/">Council tax bands</a>',
        '<a href="/council-tax/bands.html">Council tax bands</a>',
        '<a href="/council-tax/pdf-guide/">A guide to our PDFs</a>',
    ],
)
def test_document_links_that_say_type_and_size(link: str) -> None:
    assert issues(page(f"<p>{link}</p>"), "clearway-document-link") == []


def test_document_message_says_what_is_missing() -> None:
    (found,) = issues(page('<p><a href="/b.pdf">Bands (PDF)</a></p>'), "clearway-document-link")
    assert "size" in found.message and "file type" not in found.message


# New windows -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://www.gov.uk/" target="_blank">GOV.UK</a>',
        '<a href="https://www.gov.uk/" target="_BLANK" rel="noopener">GOV.UK</a>',
        '<a href="https://www.gov.uk/" target="govuk">GOV.UK</a>',
    ],
)
def test_new_window_links_that_do_not_say_so(link: str) -> None:
    assert len(issues(page(f"<p>{link}</p>"), "clearway-new-window")) == 1


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://www.gov.uk/">GOV.UK</a>',
        '<a href="https://www.gov.uk/" target="_self">GOV.UK</a>',
        '<a href="https://www.gov.uk/" target="_top">GOV.UK</a>',
        '<a href="https://www.gov.uk/" target="_blank">GOV.UK (opens in new tab)</a>',
        '<a href="https://www.gov.uk/" target="_blank">GOV.UK<span class="visually-hidden">'
        " (opens in a new window)</span></a>",
        '<a href="https://www.gov.uk/" target="_blank">GOV.UK <img src="/i.svg" '
        'alt="Opens in a new browser tab"></a>',
        '<a href="https://www.gov.uk/" target="_blank" aria-describedby="nt">GOV.UK</a>'
        '<span id="nt" hidden>Opens in a new tab</span>',
        # The title is the link's description, which screen readers read after its name.
        '<a href="https://www.gov.uk/" target="_blank" title="Opens in a new tab">GOV.UK</a>',
    ],
)
def test_new_window_links_that_say_so_or_do_not_open_one(link: str) -> None:
    assert issues(page(f"<p>{link}</p>"), "clearway-new-window") == []
