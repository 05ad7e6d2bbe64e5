"""The pages about the council itself: news, contact, the accessibility statement and search."""

import datetime

from pages.models import AccessibilityStatementPage, NewsIndexPage, SearchPage

from ..facts import GARDEN_WASTE_PRICE
from ..markup import (
    a,
    contact,
    details,
    h2,
    h3,
    inset,
    news,
    p,
    service,
    start,
    table,
    ul,
)
from ..specs import PageSpec

FORMS = "https://forms.anytown.gov.uk"

NEWS = PageSpec(
    NewsIndexPage,
    "news",
    "News",
    "The latest news from Anytown Borough Council.",
    children=(
        news(
            "garden-waste-subscriptions-open",
            "Garden waste subscriptions open for next year",
            "You can now subscribe to garden waste collections for April 2027 to March 2028.",
            2,
            p(
                "You can now subscribe to garden waste collections for next year. Collections "
                "for the new year start on 1 April 2027.",
                f"The price stays at {GARDEN_WASTE_PRICE} for each bin. It is the third year in a "
                "row that the price has not gone up.",
            ),
            h2("How to subscribe"),
            p(
                a(
                    "/bins-and-recycling/garden-waste-collections/",
                    "Subscribe to garden waste collections",
                )
                + " online. If you cannot go online, call the Waste and recycling team on "
                "01632 960100."
            ),
            inset(
                "If you subscribed this year, you still need to subscribe again. We do not "
                "renew subscriptions for you."
            ),
        ),
        news(
            "council-tax-support-stays-the-same",
            "Council Tax Support to stay the same next year",
            "People on a low income will get the same help with their council tax next year.",
            9,
            p(
                "Councillors have agreed to keep the Council Tax Support scheme the same for "
                "2027 to 2028.",
                "About 9,000 homes in Anytown get help from the scheme. Most pay up to 90% less.",
            ),
            h2("Check if you can get help"),
            p(
                "You may be able to get help even if you work. "
                + a("/council-tax/council-tax-support/", "Find out about Council Tax Support")
                + "."
            ),
        ),
        news(
            "central-library-sunday-opening",
            "Central Library now opens on Sundays",
            "Central Library is now open from 11am to 3pm every Sunday.",
            16,
            p(
                "Central Library is now open every Sunday, from 11am to 3pm. Many people asked "
                "us for Sunday opening in our survey last year.",
                "On Sundays you can borrow and return books, use the computers and join the "
                "library.",
            ),
            inset(
                "Story time for children under 5 is at 11:30am every Sunday. You do not need to "
                "book."
            ),
            p(
                a("/libraries/libraries-and-opening-times/", "Check library opening times")
                + " before you visit."
            ),
        ),
        news(
            "winter-gritting-ready",
            "Gritters are ready for winter",
            "Our 12 gritters and 8,000 tonnes of salt are ready to keep main roads safe this "
            "winter.",
            23,
            p(
                "Our 12 gritting lorries are ready for winter. We have 8,000 tonnes of salt in "
                "store.",
                "We grit main roads and bus routes when the road surface could freeze.",
            ),
            h2("Help us keep paths clear"),
            p(
                "You can use salt from the yellow grit bins on roads and pavements. "
                + a(
                    "/roads-and-transport/gritting-roads-in-winter/",
                    "Find out which roads we grit",
                )
                + "."
            ),
        ),
        news(
            "new-homes-at-mill-lane",
            "42 new council homes open at Mill Lane",
            "The first families have moved into 42 new energy-efficient council homes at Mill "
            "Lane.",
            37,
            p(
                "The first families have moved into 42 new council homes at Mill Lane. They are "
                "the first new council homes in Anytown for 30 years.",
                "The homes have solar panels and heat pumps, so they are cheap to heat. 6 of the "
                "homes are built for wheelchair users.",
            ),
            h2("How we let the homes"),
            p(
                "We offer the homes to people on the housing register. "
                + a(
                    "/housing/join-the-housing-register/",
                    "Find out how to join the housing register",
                )
                + "."
            ),
        ),
        news(
            "budget-consultation",
            "Have your say on next year's budget",
            "Tell us which services matter most to you before we set the budget for 2027 to 2028.",
            44,
            p(
                "We are asking residents which services matter most to them. Your answers help "
                "councillors decide how to spend the budget for 2027 to 2028.",
                "The survey takes about 10 minutes. It closes on 15 January 2027.",
            ),
            start(f"{FORMS}/budget-survey", "Take the survey"),
            details(
                "If you need the survey in another format",
                "We can send you a paper copy, large print or easy read. Call Customer Services "
                "on 01632 960000.",
            ),
        ),
    ),
)

CONTACT_US = service(
    "contact-us",
    "Contact the council",
    "How to contact Anytown Borough Council by phone, email or in person.",
    p(
        "You can do most things online, at any time. "
        + a("/search/", "Search this website")
        + " to find the service you need."
    ),
    h2("Customer Services"),
    p("Customer Services can help with any council service."),
    contact("customer-services"),
    h2("Teams you can contact directly"),
    h3("Bins and recycling"),
    contact("waste"),
    h3("Council tax"),
    contact("council-tax"),
    h3("Housing and homelessness"),
    contact("housing"),
    h3("Adult social care"),
    contact("adult-social-care"),
    h2("If you need help to contact us"),
    p(
        "We can arrange a British Sign Language interpreter or a translator for you. Tell us "
        "what you need when you contact us.",
        "All our offices have a hearing loop and step-free access.",
    ),
    related=("/accessibility-statement/",),
    # Residents look for their topic (bins, council tax), so the contents follow the headings.
    contents=True,
)

PRIVACY = service(
    "privacy-and-cookies",
    "Privacy and cookies",
    "What this website stores about you, which cookies it sets and who else it contacts.",
    h2("Cookies"),
    p(
        "This website does not set any cookies when you read it, search it or tell us whether a "
        "page was useful. It sets no cookies for analytics, advertising or remembering your "
        "choices, so there is nothing to accept or turn off.",
        "Council staff who sign in to edit the website get cookies that keep them signed in. "
        "These are essential and are only set after signing in.",
    ),
    h2("Other websites"),
    p(
        "Pages on this website load nothing from other websites: no fonts, scripts, maps, videos "
        "or tracking. Your browser only contacts this website until you follow a link away "
        "from it, for example to one of our online forms."
    ),
    h2("What we keep when you send feedback"),
    p(
        "If you answer \u2018Is this page useful?\u2019 we keep your answer, the page and what "
        "you wrote, with the time. We do not keep your name, email address or IP address with "
        "it, so do not include personal details."
    ),
    h2("Contact us about your data"),
    p(
        "To ask what data we hold about you, or to complain about how we use it, "
        + a("/contact-us/", "contact the council")
        + "."
    ),
)

ACCESSIBILITY_STATEMENT = PageSpec(
    AccessibilityStatementPage,
    "accessibility-statement",
    "Accessibility statement",
    "How accessible this website is, what we are doing to improve it and how to report a problem.",
    # The compliance status, the problems the audit finds and when the site was tested are
    # filled in by Clearway after each nightly audit: the demo writes only the prose.
    fields={
        "organisation": "Anytown Borough Council",
        "prepared_on": datetime.date(2026, 9, 14),
        "reviewed_on": datetime.date(2026, 11, 2),
        "body": [
            p(
                "This statement is for the Anytown Borough Council website. It does not cover "
                "our online forms or other websites we link to."
            ),
            p(
                "Anytown Borough Council runs this website. We want as many people as possible "
                "to be able to use it. For example, you should be able to:",
                ul(
                    "change colours, contrast and fonts using your browser or device settings",
                    "zoom in up to 400% without the text spilling off the screen",
                    "move around the website using just a keyboard",
                    "move around the website using speech recognition software",
                    "listen to the website using a screen reader, such as JAWS, NVDA or VoiceOver",
                ),
                "We have also made the text as simple as possible to understand.",
                a(
                    "https://mcmw.abilitynet.org.uk/",
                    "AbilityNet has advice on making your device easier to use",
                )
                + " if you have a disability.",
            ),
        ],
        "known_limitations": [
            p(
                "Our own testing also found that:",
                ul(
                    "some PDF documents are not fully accessible to screen reader software",
                    "some of our online forms, on another website, are hard to use with a keyboard",
                ),
            ),
        ],
        "cannot_access": [
            p(
                "If you need information on this website in a different format, contact us. "
                "For example, accessible PDF, large print, easy read, audio or braille."
            ),
            contact("customer-services"),
            p("We will consider your request and reply within 10 working days."),
        ],
        "reporting": [
            p(
                "We are always looking to improve the accessibility of this website. If you "
                "find a problem that is not listed here, email "
                + a("mailto:accessibility@anytown.gov.uk", "accessibility@anytown.gov.uk")
                + ".",
                "You can also use the form at the bottom of any page to report a problem with "
                "that page.",
                "If you are deaf, hard of hearing or have a speech impairment, you can contact "
                "us using Relay UK. Dial 18001 and then our phone number.",
            ),
        ],
        "other_problems": [
            table(
                "Problems found by our own testing and when we will fix them",
                ["Problem", "WCAG 2.2 success criterion", "When we will fix it"],
                [
                    "Some PDF documents have no tags, so screen readers may read them in the "
                    "wrong order",
                    "1.3.1 Info and relationships",
                    "By 31 March 2027",
                ],
                [
                    "Some online forms cannot be completed using a keyboard",
                    "2.1.1 Keyboard",
                    "By 30 June 2027",
                ],
            ),
        ],
        "improvements": [
            p(
                "Editors see the audit's findings for their pages in the publishing system, "
                "with what to change. A page is audited again soon after it is published. "
                "Problems do not stop a page being published: we fix them as the audit finds "
                "them, and this statement lists every one still open.",
                "We are replacing our PDF documents with web pages.",
            ),
        ],
        "testing": [
            p(
                "Our digital team also tested a sample of 40 pages by hand on 12 October 2026, "
                "with a keyboard, screen readers and screen magnifiers. The sample included our "
                "most visited pages and every type of page."
            ),
        ],
    },
)

SEARCH = PageSpec(SearchPage, "search", "Search", "Search the Anytown Borough Council website.")
