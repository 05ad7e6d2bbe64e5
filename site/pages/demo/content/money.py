"""Council tax, and parking."""

from ..facts import COUNCIL_TAX_BANDS
from ..markup import (
    a,
    b,
    category,
    contact,
    details,
    document,
    h2,
    h3,
    inset,
    p,
    service,
    start,
    steps,
    table,
    ul,
    warning,
)

FORMS = "https://forms.anytown.gov.uk"

COUNCIL_TAX = category(
    "council-tax",
    "Council tax",
    "Pay your council tax, check your band, apply for a discount and get help if you cannot pay.",
    service(
        "pay-your-council-tax",
        "Pay your council tax",
        "Pay your council tax online, by Direct Debit, by phone or at a bank or post office.",
        p(
            "You can pay your council tax in 10 monthly payments from April to January. You can "
            "ask to pay in 12 monthly payments instead."
        ),
        p("You need your council tax account number. It is on your bill and starts with a 5."),
        start(f"{FORMS}/pay-council-tax", "Pay your council tax"),
        h2("Pay by Direct Debit"),
        p(
            "Direct Debit is the easiest way to pay. You can choose to pay on the 1st, 8th, "
            "15th or 22nd of the month.",
            "Set up a Direct Debit online or call us. You need your bank account number and "
            "sort code.",
        ),
        h2("Other ways to pay"),
        h3("By phone"),
        p("Call our automated payment line on 01632 960210, at any time. You need a debit card."),
        h3("At a bank or post office"),
        p("Take your bill with you. It has a barcode that the counter staff scan."),
        warning(
            "If you miss a payment, you may lose the right to pay in monthly payments. You would "
            "then have to pay the whole year's bill at once."
        ),
        contact("council-tax"),
        related=(
            "/council-tax/if-you-cannot-pay-your-council-tax/",
            "/council-tax/council-tax-discounts-and-exemptions/",
        ),
    ),
    service(
        "council-tax-bands-and-charges",
        "Council tax bands and charges",
        "Check how much council tax you pay for each band in 2026 to 2027.",
        p(
            "Every home is in a council tax band from A to H. The band depends on what your home "
            "was worth on 1 April 1991.",
            "The Valuation Office Agency decides your band, not the council.",
        ),
        table(
            "Council tax charges for each band, 2026 to 2027",
            ["Band", "Value of your home on 1 April 1991", "Yearly charge"],
            *[[band, values, f"£{charge:,.2f}"] for band, values, charge in COUNCIL_TAX_BANDS],
        ),
        p("The charges include money for Anytown Borough Council, the county council and police."),
        document("council-tax-charges", "Council tax charges by band, 2026 to 2027"),
        h2("Find your band"),
        p(
            "Your band is on your council tax bill. You can also "
            + a("https://www.gov.uk/council-tax-bands", "check any home's band on GOV.UK")
            + "."
        ),
        details(
            "If you think your band is wrong",
            "You can ask the Valuation Office Agency to check it. "
            + a(
                "/council-tax/challenge-your-council-tax-band/",
                "Find out how to challenge your council tax band",
            )
            + ".",
        ),
        related=(
            "/council-tax/pay-your-council-tax/",
            "/council-tax/council-tax-discounts-and-exemptions/",
        ),
    ),
    service(
        "council-tax-discounts-and-exemptions",
        "Council tax discounts and exemptions",
        "Find out if you can pay less council tax, or none at all.",
        p(
            "You may pay less council tax because of who lives in your home, or because it is "
            "empty."
        ),
        table(
            "Council tax discounts",
            ["Who it is for", "How much less you pay"],
            ["You live alone, or with no other adults", "25%"],
            ["Everyone in your home is a full-time student", "100%"],
            ["Someone in your home is severely mentally impaired", "25% or 100%"],
            ["Your home has been adapted for a disabled person", "One band less"],
            ["You have a low income", "Up to 90%, with Council Tax Support"],
        ),
        h2("Who we do not count"),
        p(
            "When we count the adults in your home, we leave out some people. For example:",
            ul(
                "full-time students",
                "carers who live with the person they care for",
                "people under 18",
                "people in prison",
            ),
        ),
        h2("Empty homes"),
        p(
            "You pay full council tax on an empty home. After 1 year, you pay double. This is "
            "called a premium."
        ),
        inset(
            "You may not have to pay at all if the home is empty because the owner has died, or "
            "has moved into care."
        ),
        start(f"{FORMS}/council-tax-discount", "Apply for a discount"),
        related=(
            "/council-tax/apply-for-a-single-person-discount/",
            "/council-tax/council-tax-support/",
        ),
    ),
    service(
        "apply-for-a-single-person-discount",
        "Apply for a Single Person Discount",
        "Pay 25% less council tax if you are the only adult who lives in your home.",
        p(
            "You can get a Single Person Discount if you are the only adult in your home. "
            "An adult is someone aged 18 or over.",
            "The discount takes 25% off your bill.",
        ),
        start(f"{FORMS}/single-person-discount", "Apply for a Single Person Discount"),
        h2("If other people live with you"),
        p(
            "You can still get the discount if the other adults are people we do not count, such "
            "as full-time students.",
        ),
        warning(
            "You must tell us within 21 days if another adult moves in. You could be fined £70 "
            "if you do not."
        ),
        h2("We check who still gets the discount"),
        p(
            "Every year we check that people still live alone. We compare our records with other "
            "records, such as the electoral register."
        ),
        related=(
            "/council-tax/council-tax-discounts-and-exemptions/",
            "/council-tax/tell-us-you-are-moving-home/",
        ),
    ),
    service(
        "council-tax-support",
        "Council Tax Support",
        "Get help to pay your council tax if you have a low income or claim benefits.",
        p(
            "Council Tax Support can take up to 90% off your bill. You can get it if you rent or "
            "own your home."
        ),
        p(
            "How much you get depends on:",
            ul(
                "your income and savings",
                "who lives with you",
                "the benefits you get",
            ),
        ),
        inset(
            "If you have more than £16,000 in savings, you cannot get Council Tax Support, unless "
            "you get the guarantee part of Pension Credit."
        ),
        h2("How to apply"),
        steps(
            "Gather proof of your income, savings and benefits.",
            "Apply online. It takes about 30 minutes.",
            "Send us copies of your proof within 1 month.",
            "We write to you with our decision within 3 weeks.",
        ),
        start(f"{FORMS}/council-tax-support", "Apply for Council Tax Support"),
        details(
            "Help with the form",
            "If you need help to apply, call the Council Tax team. You can also visit the Town "
            "Hall, where staff can fill in the form with you.",
        ),
        contact("council-tax"),
        related=(
            "/council-tax/if-you-cannot-pay-your-council-tax/",
            "/housing/housing-benefit/",
        ),
    ),
    service(
        "tell-us-you-are-moving-home",
        "Tell us you are moving home",
        "Tell us when you move into, out of or within Anytown, so your council tax bill is right.",
        p("Tell us at least 2 weeks before you move. We then send you a final bill or a new bill."),
        p(
            "You need:",
            ul(
                "the date you move",
                "your new address",
                "the name of the new owner or landlord, if you know it",
            ),
        ),
        start(f"{FORMS}/moving-home", "Tell us you are moving"),
        inset(
            "If you move out of Anytown, you must also register with the council for your new home."
        ),
        related=(
            "/council-tax/pay-your-council-tax/",
            "/bins-and-recycling/order-a-new-or-replacement-bin/",
        ),
    ),
    service(
        "if-you-cannot-pay-your-council-tax",
        "If you cannot pay your council tax",
        "Talk to us as soon as you can if you are finding it hard to pay your council tax.",
        p(
            "Contact us as soon as you know you will miss a payment. We can help if you tell us "
            "early.",
            "We may be able to:",
            ul(
                "spread your payments over 12 months instead of 10",
                "agree smaller payments for a while",
                "check if you can get a discount or Council Tax Support",
            ),
        ),
        contact("council-tax"),
        h2("What happens if you do not pay"),
        steps(
            "We send you a reminder. You have 7 days to pay what you owe.",
            "If you still do not pay, you must pay the whole year's bill at once.",
            "We apply to the magistrates' court for a liability order. This adds £95 to your bill.",
            "We can then take money from your wages or benefits, or send enforcement agents.",
        ),
        warning(
            "If you do not pay after a liability order, you could be sent to prison for up to "
            "3 months."
        ),
        h2("Free advice about debt"),
        p(
            "Anytown Citizens Advice gives free, confidential advice about debt. "
            + a("https://www.citizensadvice.org.uk/", "Get advice from Citizens Advice")
            + "."
        ),
        related=(
            "/council-tax/council-tax-support/",
            "/council-tax/pay-your-council-tax/",
        ),
    ),
    service(
        "challenge-your-council-tax-band",
        "Challenge your council tax band",
        "Ask the Valuation Office Agency to check your council tax band if you think it is wrong.",
        p(
            "The Valuation Office Agency (VOA) sets council tax bands. If you think your band is "
            "wrong, ask the VOA to check it."
        ),
        p(
            "You may have a good reason if:",
            ul(
                "similar homes on your street are in a lower band",
                "your home has changed, for example part of it was knocked down",
                "you moved in less than 6 months ago",
            ),
        ),
        start("https://www.gov.uk/challenge-council-tax-band", "Challenge your band on GOV.UK"),
        warning(
            "Keep paying your council tax while the VOA checks your band. If your band goes "
            "down, we pay you back what you paid too much."
        ),
        inset(b("Your band could go up.") + " The VOA can also decide your band is too low."),
        related=("/council-tax/council-tax-bands-and-charges/",),
    ),
)

PARKING = category(
    "parking",
    "Parking",
    "Apply for a parking permit or a Blue Badge, pay or challenge a parking fine and find a car "
    "park.",
    service(
        "apply-for-a-resident-parking-permit",
        "Apply for a resident parking permit",
        "Get a permit to park on your street if you live in a resident parking zone.",
        p(
            "You need a permit to park in a resident parking zone. Signs at the start of the zone "
            "show the times the zone is in force."
        ),
        table(
            "What resident parking permits cost each year",
            ["Permit", "Cost"],
            ["First permit for your home", "£60"],
            ["Second permit for your home", "£120"],
            ["Electric vehicle", "£30"],
        ),
        p("Each home can have up to 2 permits."),
        h2("What you need"),
        p(
            ul(
                "your vehicle's registration number",
                "proof you live in the zone, such as a council tax bill",
                "proof the vehicle is yours, such as the V5C logbook",
            )
        ),
        start(f"{FORMS}/resident-permit", "Apply for a permit"),
        p(
            "Permits are digital. We link your permit to your number plate, so there is nothing "
            "to display."
        ),
        related=(
            "/parking/buy-visitor-parking-permits/",
            "/parking/council-car-parks-and-charges/",
        ),
    ),
    service(
        "buy-visitor-parking-permits",
        "Buy visitor parking permits",
        "Buy permits so that your visitors can park in your resident parking zone.",
        p("If you live in a resident parking zone, you can buy permits for your visitors."),
        table(
            "Visitor parking permit prices",
            ["Permit", "Price"],
            ["Half day, up to 4 hours", "£1.50"],
            ["Full day", "£3"],
        ),
        p("You can buy up to 100 visitor permits a year."),
        start(f"{FORMS}/visitor-permit", "Buy visitor permits"),
        h2("Using a visitor permit"),
        steps(
            "Sign in to your parking account.",
            "Enter your visitor's number plate and the date of their visit.",
            "The permit starts when your visitor arrives.",
        ),
        inset("Carers who visit you at home can get a free carer's permit."),
        related=("/parking/apply-for-a-resident-parking-permit/",),
    ),
    service(
        "pay-a-parking-fine",
        "Pay a parking fine",
        "Pay a penalty charge notice (parking fine) online or by phone.",
        p(
            "A parking fine is called a penalty charge notice (PCN). You need the 10-character "
            "PCN number and the vehicle's number plate."
        ),
        table(
            "How much a parking fine costs",
            ["What the fine is for", "If you pay within 14 days", "Full charge"],
            ["Higher level, such as parking on a yellow line", "£35", "£70"],
            ["Lower level, such as overstaying in a bay", "£25", "£50"],
        ),
        start(f"{FORMS}/pay-pcn", "Pay a parking fine"),
        h2("Pay by phone"),
        p("Call 01632 960710 at any time. You need a debit or credit card."),
        warning(
            "If you do not pay or challenge the fine within 28 days, we can increase it by 50%."
        ),
        related=(
            "/parking/challenge-a-parking-fine/",
            "/parking/council-car-parks-and-charges/",
        ),
    ),
    service(
        "challenge-a-parking-fine",
        "Challenge a parking fine",
        "Tell us why you think you should not pay a penalty charge notice (parking fine).",
        p(
            "You can challenge a parking fine if you think it is wrong. For example, if:",
            ul(
                "the signs or road markings were not clear",
                "your vehicle had been stolen",
                "you had a valid permit or ticket",
                "you were loading or unloading",
            ),
        ),
        h2("How to challenge a fine"),
        steps(
            "Challenge the fine within 14 days. We keep the lower price while we look at it.",
            "Send evidence, such as photos or your parking ticket.",
            "We reply within 28 days. If we agree, you do not have to pay.",
            "If we say no, you can pay the lower price for another 14 days.",
        ),
        start(f"{FORMS}/challenge-pcn", "Challenge a parking fine"),
        details(
            "If we reject your challenge",
            "We send you a Notice to Owner. You can then make a formal appeal to us.",
            "If we reject your appeal, you can take it to the Traffic Penalty Tribunal. The "
            "tribunal is independent and free to use.",
        ),
        contact("parking"),
        related=("/parking/pay-a-parking-fine/",),
    ),
    service(
        "council-car-parks-and-charges",
        "Council car parks and charges",
        "Find a council car park in Anytown and check what it costs to park.",
        table(
            "Council car parks in Anytown",
            ["Car park", "Spaces", "Cost", "Blue Badge spaces"],
            ["High Street", "220", "£1.50 an hour", "12"],
            ["Station Road", "340", "£6 a day", "18"],
            ["Riverside", "150", "£1.20 an hour", "8"],
            ["Library Square", "90", "Free for 2 hours", "6"],
        ),
        p(
            "You can pay with coins, a card or the AnyPark app. Parking is free after 6pm and "
            "on Sundays."
        ),
        h2("Blue Badge holders"),
        p("If you show a Blue Badge, you can park for free in any council car park."),
        inset("Station Road car park has spaces for electric vehicles to charge."),
        related=(
            "/parking/apply-for-a-blue-badge/",
            "/parking/pay-a-parking-fine/",
        ),
    ),
    service(
        "apply-for-a-blue-badge",
        "Apply for a Blue Badge",
        "Get a Blue Badge so you can park closer to where you need to go if you have a "
        "disability or health condition.",
        p(
            "A Blue Badge lets you park closer to where you are going. You can use it in any "
            "vehicle you travel in, as a driver or a passenger."
        ),
        h2("Who can get a Blue Badge"),
        p(
            "You get a Blue Badge without more checks if you:",
            ul(
                "get the higher rate of the mobility part of Disability Living Allowance",
                "scored 8 points or more for moving around in Personal Independence Payment",
                "are registered blind",
            ),
            "You may also get one if you find walking very hard, or if you have a hidden "
            "disability.",
        ),
        p("A Blue Badge costs £10. It lasts for up to 3 years."),
        start("https://www.gov.uk/apply-blue-badge", "Apply on GOV.UK"),
        warning(
            "Only use your Blue Badge when you are in the vehicle. Misusing it can lead to a "
            "fine of up to £1,000."
        ),
        related=(
            "/parking/council-car-parks-and-charges/",
            "/roads-and-transport/apply-for-a-disabled-persons-bus-pass/",
        ),
    ),
    service(
        "report-an-abandoned-vehicle",
        "Report an abandoned vehicle",
        "Tell us about a vehicle that looks abandoned on a street or in a car park.",
        p(
            "A vehicle may be abandoned if it has not moved for a long time and it:",
            ul(
                "has flat tyres or broken windows",
                "has no number plates",
                "is full of rubbish",
            ),
        ),
        start(f"{FORMS}/abandoned-vehicle", "Report an abandoned vehicle"),
        p("We check the vehicle within 5 working days. If it is abandoned, we remove it."),
        inset(
            "If a vehicle is not taxed, report it to the DVLA instead. "
            + a("https://www.gov.uk/report-untaxed-vehicle", "Report an untaxed vehicle on GOV.UK")
            + "."
        ),
        contact("parking"),
    ),
)
