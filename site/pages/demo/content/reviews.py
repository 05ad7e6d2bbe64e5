"""Review dates and owners (docs/content-review.md): the teams that look after sections of the
site, and the service pages they must check by a date.

The dates count from the day the demo is seeded, so a new demo always has a page overdue, one
due within a week and others later: the admin home page's "Pages due for review" panel (which
lists those due within 30 days) has something to show.
"""

from ..specs import ReviewSpec, TeamSpec

#: Groups of editors, each able to edit and publish one section. They have no members: add
#: people in Settings > Groups to see their team's pages first and get its reminders.
TEAMS = (
    TeamSpec("Waste and recycling team", "/bins-and-recycling/"),
    TeamSpec("Council tax team", "/council-tax/"),
    TeamSpec("Housing team", "/housing/"),
)

REVIEWS = (
    # Last winter's dates are still on it.
    ReviewSpec("/bins-and-recycling/christmas-and-new-year-bin-collections/", -14, TEAMS[0].name),
    # The charges change every April.
    ReviewSpec("/council-tax/council-tax-bands-and-charges/", 5, TEAMS[1].name),
    ReviewSpec("/bins-and-recycling/garden-waste-collections/", 21, TEAMS[0].name),
    ReviewSpec("/housing/join-the-housing-register/", 60, TEAMS[2].name),
    ReviewSpec("/council-tax/pay-your-council-tax/", 120, TEAMS[1].name),
    ReviewSpec("/housing/report-a-repair-in-your-council-home/", 180, TEAMS[2].name),
)
