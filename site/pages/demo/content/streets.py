"""Bins and recycling, and roads and transport."""

from ..facts import GARDEN_WASTE_PRICE
from ..markup import (
    a,
    category,
    contact,
    details,
    document,
    h2,
    h3,
    image,
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

BINS = category(
    "bins-and-recycling",
    "Bins and recycling",
    "Find your bin day, report a missed bin, order a new bin and find out what goes in each bin.",
    service(
        "find-your-bin-collection-day",
        "Find your bin collection day",
        "Check which day we collect your rubbish, recycling, food waste and garden waste.",
        p(
            "We collect your bins on the same day each week.",
            "We collect rubbish and recycling on different weeks. We collect food waste every "
            "week.",
        ),
        start(f"{FORMS}/bin-day", "Find your bin day"),
        p("You need your postcode."),
        h2("When to put your bins out"),
        p(
            "Put your bins out by 7am on your collection day. Leave them at the edge of your "
            "property with the lids closed.",
            "Take your bins back in by the end of the day.",
        ),
        h2("Which bins we collect and when"),
        table(
            "Which bins we collect and how often",
            ["Bin", "What goes in it", "How often we collect it"],
            ["Black bin", "Rubbish that cannot be recycled", "Every 2 weeks"],
            ["Blue bin", "Paper, card, cans, glass and plastic bottles", "Every 2 weeks"],
            ["Food caddy", "All food waste, cooked or raw", "Every week"],
            ["Green bin", "Garden waste, if you subscribe", "Every 2 weeks"],
        ),
        inset(
            "In a week with a bank holiday, we collect your bins one day later than usual. "
            "This includes weeks when the bank holiday is on a Monday."
        ),
        details(
            "If we did not empty your bin",
            "Tell us by 5pm on the next working day. "
            + a("/bins-and-recycling/report-a-missed-bin-collection/", "Report a missed bin")
            + ".",
        ),
        related=(
            "/bins-and-recycling/what-goes-in-each-bin/",
            "/bins-and-recycling/christmas-and-new-year-bin-collections/",
            "/bins-and-recycling/report-a-missed-bin-collection/",
        ),
    ),
    service(
        "report-a-missed-bin-collection",
        "Report a missed bin collection",
        "Tell us if we did not empty your bin on your collection day.",
        p(
            "You can report a missed bin if we did not empty it on your collection day.",
            "Report it by 5pm on the next working day. We will empty it within 3 working days.",
        ),
        h2("Before you report a missed bin"),
        p(
            "Check that:",
            ul(
                "it was your collection day",
                "your bin was out by 7am",
                "the lid was closed",
                "only the right things were in the bin",
            ),
        ),
        p("If we could not empty a bin, we leave a tag on its handle. The tag tells you why."),
        start(f"{FORMS}/missed-bin", "Report a missed bin"),
        warning(
            "We will not come back for a bin with the wrong things in it. Take them out and "
            "put the bin out on your next collection day."
        ),
        h2("If we miss your bin again"),
        p(
            "Call us if we miss your bin 2 times in a row. We will find out what is going "
            "wrong and put it right."
        ),
        contact("waste"),
        related=(
            "/bins-and-recycling/find-your-bin-collection-day/",
            "/bins-and-recycling/what-goes-in-each-bin/",
            "/bins-and-recycling/ask-for-an-assisted-bin-collection/",
        ),
    ),
    service(
        "garden-waste-collections",
        "Subscribe to garden waste collections",
        f"Pay {GARDEN_WASTE_PRICE} a year and we will empty your green garden waste bin every "
        "2 weeks.",
        p(
            f"Garden waste collections cost {GARDEN_WASTE_PRICE} a year for each green bin. "
            "Your subscription runs from 1 April to 31 March.",
            "If you join later in the year, you pay less. We show you the price before you pay.",
        ),
        start(f"{FORMS}/garden-waste", "Subscribe now"),
        h2("What you can put in your green bin"),
        p(
            ul(
                "grass cuttings and leaves",
                "plants, flowers and weeds",
                "hedge trimmings",
                "small branches, up to 10cm across",
            )
        ),
        h3("What you cannot put in your green bin"),
        p(
            ul(
                "soil, stones or rubble",
                "food waste",
                "plastic bags or plant pots",
                "animal poo or pet bedding",
            )
        ),
        h2("After you subscribe"),
        steps(
            "We post you a sticker within 10 working days.",
            "Stick it on the lid of your green bin.",
            "Put your bin out on your collection day. We empty it every 2 weeks.",
        ),
        inset("We do not collect garden waste for 2 weeks over Christmas and New Year."),
        document("garden-waste-terms", "Garden waste collections: terms and conditions"),
        details(
            "If you cannot move your bin",
            "We can collect your bin from your garden if nobody in your home can move it. "
            + a(
                "/bins-and-recycling/ask-for-an-assisted-bin-collection/",
                "Ask for an assisted bin collection",
            )
            + ".",
        ),
        related=(
            "/bins-and-recycling/find-your-bin-collection-day/",
            "/bins-and-recycling/household-recycling-centres/",
        ),
    ),
    service(
        "order-a-new-or-replacement-bin",
        "Order a new or replacement bin",
        "Order a bin if yours is lost, stolen or broken, or if you have moved into a new home.",
        p("You can order a new bin, a food caddy or a repair to your bin."),
        table(
            "What a new bin costs",
            ["Item", "Cost", "When it is free"],
            ["Black bin", "£30", "If we damaged it"],
            ["Blue bin", "Free", "Always free"],
            ["Food caddy", "Free", "Always free"],
            ["Green bin", "£25", "If we damaged it"],
        ),
        p("We deliver new bins within 10 working days. We take your old bin away if it is broken."),
        start(f"{FORMS}/order-a-bin", "Order a bin"),
        h2("If you have moved into a new-build home"),
        p("The builder of your home should pay for your first bins. Ask them before you order."),
        h2("Repairs to your bin"),
        p(
            "We repair broken lids and wheels for free. Use the same form to order a repair.",
        ),
        related=(
            "/bins-and-recycling/what-goes-in-each-bin/",
            "/bins-and-recycling/garden-waste-collections/",
        ),
    ),
    service(
        "book-a-bulky-waste-collection",
        "Book a bulky waste collection",
        "Pay us to collect large items, such as furniture and fridges, from outside your home.",
        p("We can collect up to 6 large items from outside your home."),
        table(
            "Prices for bulky waste collections",
            ["Number of items", "Price", "Price if you get Council Tax Support"],
            ["1 to 3 items", "£35", "£17.50"],
            ["4 to 6 items", "£55", "£27.50"],
        ),
        h2("What we can collect"),
        p(
            ul(
                "beds, mattresses and sofas",
                "tables, chairs and wardrobes",
                "fridges, freezers and washing machines",
                "bikes and garden furniture",
            )
        ),
        h2("What we cannot collect"),
        p(
            ul(
                "building waste, such as bricks or plasterboard",
                "car parts or tyres",
                "anything too heavy for 2 people to lift",
            )
        ),
        start(f"{FORMS}/bulky-waste", "Book a collection"),
        h2("On your collection day"),
        p(
            "Put your items outside by 7am. Leave them where we can reach them, but not on the "
            "pavement."
        ),
        inset(
            "Furniture in good condition could help someone else. Some local charities collect "
            "furniture for free."
        ),
        related=(
            "/bins-and-recycling/household-recycling-centres/",
            "/bins-and-recycling/report-fly-tipping/",
        ),
    ),
    service(
        "what-goes-in-each-bin",
        "What goes in each bin",
        "Find out which bin to use for your rubbish, recycling, food waste and garden waste.",
        image(
            "bins",
            "Three wheelie bins side by side: a black bin for rubbish, a blue bin for recycling "
            "and a green bin for garden waste.",
        ),
        h2("Blue bin: recycling"),
        p(
            "Rinse things before you put them in. Put them in loose, not in bags.",
            ul(
                "paper, newspapers and magazines",
                "cardboard, flattened",
                "food and drink cans",
                "glass bottles and jars",
                "plastic bottles, pots, tubs and trays",
            ),
        ),
        h2("Food caddy: food waste"),
        p(
            "Put all your food waste in your food caddy, including:",
            ul(
                "fruit and vegetable peelings",
                "tea bags and coffee grounds",
                "meat, fish and bones",
                "leftovers",
            ),
            "You can line your caddy with newspaper or a compostable bag.",
        ),
        h2("Black bin: rubbish"),
        p(
            "Only use your black bin for things that cannot be recycled, such as:",
            ul(
                "crisp packets and sweet wrappers",
                "nappies",
                "plastic bags and film",
                "polystyrene",
            ),
        ),
        h2("Green bin: garden waste"),
        p(
            "To use a green bin, you need to "
            + a(
                "/bins-and-recycling/garden-waste-collections/",
                "subscribe to garden waste collections",
            )
            + "."
        ),
        details(
            "Batteries and small electrical items",
            "Never put batteries in a bin. They can start fires in our bin lorries.",
            "Put batteries in a clear bag on top of your blue bin and we will take them. Take "
            "small electrical items to a "
            + a("/bins-and-recycling/household-recycling-centres/", "household recycling centre")
            + ".",
        ),
        related=(
            "/bins-and-recycling/find-your-bin-collection-day/",
            "/bins-and-recycling/order-a-new-or-replacement-bin/",
        ),
    ),
    service(
        "household-recycling-centres",
        "Household recycling centres",
        "Find a recycling centre near you, check when it is open and what you can take there.",
        p("There are 3 household recycling centres in Anytown. You do not need to book a visit."),
        image(
            "recycling-map",
            "Map of Anytown with the 3 recycling centres: 1 is Northgate in the north, 2 is "
            "Riverside by the river and 3 is Southfield in the south.",
        ),
        table(
            "Household recycling centres and opening times",
            ["Recycling centre", "Address", "Opening times"],
            ["1. Northgate", "Northgate Road, AT2 4DD", "8am to 6pm, every day"],
            ["2. Riverside", "Mill Lane, AT1 5EE", "8am to 6pm, every day"],
            ["3. Southfield", "Southfield Way, AT3 6FF", "9am to 4pm, Thursday to Monday"],
        ),
        inset("From 1 October to 31 March, every centre closes at 4pm."),
        h2("What you can take"),
        p(
            ul(
                "garden waste",
                "furniture and mattresses",
                "electrical items, such as kettles and televisions",
                "paint, oil and batteries",
                "small amounts of building waste from work on your own home",
            )
        ),
        warning(
            "Our centres only take waste from homes. Businesses must pay for a trade waste service."
        ),
        h2("Vans and trailers"),
        p("You need a free permit to bring a van or a trailer. You can have 12 permits a year."),
        start(f"{FORMS}/van-permit", "Apply for a van permit"),
        contact("waste"),
        related=(
            "/bins-and-recycling/book-a-bulky-waste-collection/",
            "/bins-and-recycling/what-goes-in-each-bin/",
        ),
    ),
    service(
        "christmas-and-new-year-bin-collections",
        "Christmas and New Year bin collections",
        "Check your bin collection day over Christmas and New Year.",
        p(
            "Some collection days change over Christmas and New Year. Collections go back to "
            "normal on Monday 4 January."
        ),
        table(
            "Changes to bin collection days over Christmas and New Year",
            ["Usual collection day", "New collection day"],
            ["Friday 25 December", "Saturday 26 December"],
            ["Monday 28 December", "Tuesday 29 December"],
            ["Tuesday 29 December", "Wednesday 30 December"],
            ["Wednesday 30 December", "Thursday 31 December"],
            ["Thursday 31 December", "Saturday 2 January"],
            ["Friday 1 January", "Saturday 2 January"],
        ),
        inset("If your collection day is not in the table, it does not change."),
        h2("Christmas trees"),
        p(
            "We collect real Christmas trees with garden waste from 4 January. Cut your tree into "
            "pieces no longer than 1 metre and leave them next to your green bin.",
            "If you do not have a green bin, take your tree to a "
            + a("/bins-and-recycling/household-recycling-centres/", "household recycling centre")
            + ".",
        ),
        h2("Extra recycling"),
        p("We take extra cardboard if you flatten it and leave it next to your blue bin."),
        related=(
            "/bins-and-recycling/find-your-bin-collection-day/",
            "/bins-and-recycling/what-goes-in-each-bin/",
        ),
    ),
    service(
        "ask-for-an-assisted-bin-collection",
        "Ask for an assisted bin collection",
        "We can collect your bins from your property if you cannot move them because of a "
        "disability or illness.",
        p(
            "We can collect your bins from your garden or drive if:",
            ul(
                "you cannot move your bins because of a disability, illness or your age",
                "nobody else in your home can move them",
            ),
            "We put your bins back where we found them.",
        ),
        start(f"{FORMS}/assisted-collection", "Apply for assisted collections"),
        h2("After you apply"),
        p(
            "We reply within 10 working days. We may visit you to agree where we collect your "
            "bins from.",
            "Every 2 years, we check that you still need help.",
        ),
        contact("waste"),
        related=("/bins-and-recycling/find-your-bin-collection-day/",),
    ),
    service(
        "report-fly-tipping",
        "Report fly-tipping",
        "Tell us about rubbish dumped on a street, in a park or on other public land.",
        p(
            "Fly-tipping is when someone dumps rubbish where they should not. It is a crime.",
            "You can report fly-tipping on public land, such as a street, an alley or a park.",
        ),
        start(f"{FORMS}/fly-tipping", "Report fly-tipping"),
        h2("What to tell us"),
        p(
            ul(
                "where the rubbish is, such as the nearest house number or a landmark",
                "what the rubbish is and how much there is",
                "a photo, if you can take one safely",
            )
        ),
        warning(
            "Do not touch the rubbish or open any bags. They could hold needles, asbestos or "
            "chemicals."
        ),
        h2("If you saw someone dumping rubbish"),
        p(
            "Tell us the date and time. Describe the people and any vehicle, with its number "
            "plate if you saw it. Do not go near them.",
            "We can fine people up to £1,000 for fly-tipping. We take serious cases to court.",
        ),
        h2("Rubbish on private land"),
        p("The owner of private land must clear rubbish from it. We can make them do it."),
        related=(
            "/bins-and-recycling/book-a-bulky-waste-collection/",
            "/bins-and-recycling/household-recycling-centres/",
        ),
    ),
)

ROADS = category(
    "roads-and-transport",
    "Roads and transport",
    "Report a pothole or a broken street light, apply for a bus pass or a dropped kerb, and "
    "check roadworks.",
    service(
        "report-a-pothole",
        "Report a pothole",
        "Tell us about a pothole or other damage to a road or pavement.",
        p(
            "You can report a pothole or damage to a road, a pavement or a cycle path.",
            "We check every report within 2 working days.",
        ),
        start(f"{FORMS}/pothole", "Report a pothole"),
        h2("How quickly we repair it"),
        table(
            "How quickly we repair potholes",
            ["Type of damage", "When we repair it"],
            ["Dangerous to road users", "Within 24 hours"],
            ["Deeper than 4cm on a busy road", "Within 5 working days"],
            ["Other damage", "Within 28 days, or at the next planned repair"],
        ),
        warning("If the damage is an immediate danger, call us now on 01632 960950."),
        h2("If a pothole damaged your vehicle"),
        p(
            "You can claim for damage to your vehicle. Send us photos of the pothole and the "
            "damage, and your repair bill.",
            "We decide your claim within 6 weeks.",
        ),
        contact("highways"),
        related=(
            "/roads-and-transport/report-a-street-light-fault/",
            "/roads-and-transport/roadworks-and-road-closures/",
        ),
    ),
    service(
        "report-a-street-light-fault",
        "Report a street light that is not working",
        "Tell us about a street light that is broken, stays on all day or is damaged.",
        p("Each street light has a number on its post. It helps us find the right light."),
        start(f"{FORMS}/street-light", "Report a street light"),
        h2("How quickly we fix it"),
        p(
            "We fix most street lights within 5 working days. We repair damaged posts that are "
            "dangerous within 2 hours."
        ),
        inset(
            "If the light is on a motorway or a main road between towns, National Highways "
            "looks after it. Report it to National Highways."
        ),
        contact("highways"),
        related=("/roads-and-transport/report-a-pothole/",),
    ),
    service(
        "gritting-roads-in-winter",
        "Gritting roads in winter",
        "Find out which roads we grit when it is icy and where to find grit bins.",
        p(
            "We grit main roads, bus routes and roads near schools and hospitals when ice or "
            "snow is forecast.",
            "We cannot grit every road. We grit about 40% of the roads in Anytown.",
        ),
        h2("Grit bins"),
        p(
            "There are yellow grit bins on steep hills and at busy junctions. Anyone can use "
            "the grit on roads and pavements.",
            "Tell us if a grit bin is empty and we will refill it.",
        ),
        start(f"{FORMS}/grit-bin", "Report an empty grit bin"),
        h2("Clearing snow yourself"),
        p(
            "You can clear snow and ice from the pavement outside your home. Use salt or grit, "
            "not water, because water can freeze.",
        ),
        contact("highways"),
    ),
    service(
        "apply-for-an-older-persons-bus-pass",
        "Apply for an older person's bus pass",
        "Get free off-peak bus travel in England if you have reached State Pension age.",
        p(
            "You can get a free bus pass when you reach State Pension age. You must live in "
            "Anytown."
        ),
        table(
            "When you can travel for free with a bus pass",
            ["Day", "Free travel times"],
            ["Monday to Friday", "9:30am to 11pm"],
            ["Saturday, Sunday and bank holidays", "All day"],
        ),
        h2("What you need to apply"),
        p(
            ul(
                "a recent photo of your face",
                "proof of your age, such as a passport or driving licence",
                "proof of your address, such as a council tax bill",
            )
        ),
        start(f"{FORMS}/older-persons-bus-pass", "Apply for a bus pass"),
        p("Your pass arrives within 10 working days. It lasts for 5 years."),
        related=("/roads-and-transport/apply-for-a-disabled-persons-bus-pass/",),
    ),
    service(
        "apply-for-a-disabled-persons-bus-pass",
        "Apply for a disabled person's bus pass",
        "Get free bus travel if you are disabled, whatever your age.",
        p(
            "You can get a free bus pass if you live in Anytown and you:",
            ul(
                "are blind or partially sighted",
                "are profoundly or severely deaf",
                "cannot speak",
                "cannot walk far, or walking is very hard for you",
                "cannot drive because of a medical condition",
            ),
        ),
        p(
            "If you cannot travel alone, you can ask for a companion pass. Someone can then "
            "travel with you for free."
        ),
        start(f"{FORMS}/disabled-persons-bus-pass", "Apply for a bus pass"),
        h2("Proof you need"),
        p(
            "Send proof of your disability. For example, a letter saying you get the higher rate "
            "of the mobility part of Disability Living Allowance."
        ),
        related=(
            "/roads-and-transport/apply-for-an-older-persons-bus-pass/",
            "/parking/apply-for-a-blue-badge/",
        ),
    ),
    service(
        "apply-for-a-dropped-kerb",
        "Apply for a dropped kerb",
        "Get permission to lower the kerb outside your home so you can park on your drive.",
        p(
            "You need our permission to drop the kerb outside your home. It lets you drive "
            "across the pavement onto your drive."
        ),
        h2("How to apply"),
        steps(
            "Check your drive is at least 4.8 metres long and 2.4 metres wide.",
            "Apply and pay the £110 fee. We do not refund it if we say no.",
            "We visit to check it is safe. We decide within 8 weeks.",
            "If we agree, we send you a price for the work. The work costs about £1,500.",
        ),
        start(f"{FORMS}/dropped-kerb", "Apply for a dropped kerb"),
        inset(
            "If your home is on a main road or is a listed building, you may also need planning "
            "permission. "
            + a(
                "/planning/check-if-you-need-planning-permission/",
                "Check if you need planning permission",
            )
            + "."
        ),
        contact("highways"),
    ),
    service(
        "roadworks-and-road-closures",
        "Roadworks and road closures",
        "Check where there are roadworks and road closures in Anytown.",
        p(
            "We list every planned roadwork and road closure on one.network. The map shows when "
            "each one starts and ends."
        ),
        start("https://one.network/", "Check roadworks"),
        h2("Roadworks by gas, water and phone companies"),
        p(
            "Utility companies dig up roads to repair pipes and cables. They need our permission "
            "first, except in an emergency."
        ),
        h2("Report a problem with roadworks"),
        p(
            "Tell us if roadworks are unsafe, or if a site has no workers for several days.",
        ),
        contact("highways"),
        related=("/roads-and-transport/report-a-pothole/",),
    ),
)
