"""The demo council's content, assembled into one page tree.

The home page lists the service categories in the order they appear here.
"""

from pages.models import HomePage

from ..markup import links
from ..specs import PageSpec
from .care import ADULT_SOCIAL_CARE, REGISTRARS
from .contacts import BANNERS, CONTACT_POINTS
from .council import ACCESSIBILITY_STATEMENT, CONTACT_US, NEWS, PRIVACY, SEARCH
from .homes import HOUSING, PLANNING
from .learning import LIBRARIES, SCHOOLS
from .money import COUNCIL_TAX, PARKING
from .reviews import REVIEWS, TEAMS
from .streets import BINS, ROADS

SITE_NAME = "Anytown Borough Council"

#: Settings > Site links: the pages linked from every page's header and footer.
SITE_LINKS = {"contact_page": "/contact-us/", "privacy_page": "/privacy-and-cookies/"}

#: Settings > Promoted search results: the words residents use for a service, and the page
#: that answers them, shown first. Ranking finds most pages; these are the words it cannot
#: know ("tip") and the searches where the obvious page should not depend on wording.
SEARCH_PROMOTIONS = {
    "parking permit": ("/parking/apply-for-a-resident-parking-permit/",),
    "tip": ("/bins-and-recycling/household-recycling-centres/",),
    "dump": ("/bins-and-recycling/household-recycling-centres/",),
    "rubbish": ("/bins-and-recycling/",),
}

SITE_TREE = PageSpec(
    HomePage,
    "home",
    "Anytown Borough Council",
    "Find out about council services in Anytown, and apply, pay or report things online.",
    fields={
        "intro": "Apply for, pay for and report things to the council online, at any time.",
        "top_tasks": links(
            "/bins-and-recycling/find-your-bin-collection-day/",
            "/council-tax/pay-your-council-tax/",
            "/bins-and-recycling/report-a-missed-bin-collection/",
            "/parking/pay-a-parking-fine/",
            "/schools/apply-for-a-primary-school-place/",
            "/roads-and-transport/report-a-pothole/",
        ),
    },
    children=(
        BINS,
        COUNCIL_TAX,
        PARKING,
        HOUSING,
        PLANNING,
        LIBRARIES,
        SCHOOLS,
        ADULT_SOCIAL_CARE,
        ROADS,
        REGISTRARS,
        NEWS,
        CONTACT_US,
        ACCESSIBILITY_STATEMENT,
        PRIVACY,
        SEARCH,
    ),
)

__all__ = [
    "BANNERS",
    "CONTACT_POINTS",
    "REVIEWS",
    "SEARCH_PROMOTIONS",
    "SITE_LINKS",
    "SITE_NAME",
    "SITE_TREE",
    "TEAMS",
]
