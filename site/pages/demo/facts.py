"""Figures that appear in more than one place (a page and a document), kept in one place."""

from decimal import Decimal

#: The council's Band D charge for 2026 to 2027. Other bands are fixed fractions of it.
BAND_D = Decimal("2190.00")

#: Each band's share of the Band D charge, in ninths, set by law.
BAND_NINTHS = {"A": 6, "B": 7, "C": 8, "D": 9, "E": 11, "F": 13, "G": 15, "H": 18}

BAND_VALUES = {
    "A": "Up to £40,000",
    "B": "£40,001 to £52,000",
    "C": "£52,001 to £68,000",
    "D": "£68,001 to £88,000",
    "E": "£88,001 to £120,000",
    "F": "£120,001 to £160,000",
    "G": "£160,001 to £320,000",
    "H": "More than £320,000",
}

#: (band, property value on 1 April 1991, yearly charge) for every band.
COUNCIL_TAX_BANDS: list[tuple[str, str, Decimal]] = [
    (band, BAND_VALUES[band], (BAND_D * ninths / 9).quantize(Decimal("0.01")))
    for band, ninths in BAND_NINTHS.items()
]

#: A year's garden waste subscription.
GARDEN_WASTE_PRICE = "£52"
