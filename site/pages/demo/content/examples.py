"""Example pages with realistic accessibility problems, built only by
``seed_demo --with-examples`` (``make run`` uses it; the tests and CI do not).

They let a newcomer see the audit's report, page panel, trends and digests with something in
them. Each page says it is an example; the problems are ones council editors really make and
the audit's content rules find without a browser: vague link text, an image whose alt text is a
file name, links with the same text going to different places, and jargon. The demo without
this section still reports no violations.
"""

from ..markup import a, category, h2, image, p, service

FORMS = "https://forms.anytown.gov.uk"

EXAMPLE_NOTE = (
    "This is an example page for the Clearway demo. It has accessibility problems on purpose, "
    "so that the accessibility report has something to show."
)

EXAMPLES = category(
    "accessibility-examples",
    "Examples of accessibility problems",
    "Demo only: pages with accessibility problems on purpose, to show the audit at work.",
    service(
        "example-vague-links",
        "Example: apply for a skip permit",
        "Example page: links that do not say where they go.",
        p(EXAMPLE_NOTE),
        h2("Apply for a permit"),
        p(
            "You need a permit to put a skip on the road. "
            f"To apply, {a(FORMS + '/skip', 'click here')}.",
            f"For the charges, {a('/council-tax/', 'click here')}.",
        ),
    ),
    service(
        "example-image-alt-text",
        "Example: the new recycling bins",
        "Example page: an image whose alt text is its file name.",
        p(EXAMPLE_NOTE),
        h2("Which bin to use"),
        image("bins", "IMG_2041.png"),
        p("Put paper and card in the blue bin, and glass in the green box."),
    ),
    service(
        "example-plain-english",
        "Example: changes to library opening hours",
        "Example page: jargon and long sentences.",
        p(EXAMPLE_NOTE),
        h2("What is changing"),
        p(
            "In order to facilitate the utilisation of our facilities going forward, and "
            "notwithstanding the overarching constraints on the service, the library will "
            "commence revised opening arrangements prior to the summer holidays, in accordance "
            "with the consultation outcomes.",
            f"Read {a('/libraries/', 'more')}.",
        ),
    ),
)
