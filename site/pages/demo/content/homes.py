"""Housing (with the homelessness guide), and planning (with the step by step)."""

from ..markup import (
    a,
    b,
    category,
    contact,
    details,
    document,
    guide,
    h2,
    h3,
    inset,
    p,
    part,
    service,
    start,
    step,
    step_by_step,
    steps,
    table,
    ul,
    warning,
)

FORMS = "https://forms.anytown.gov.uk"
GUIDE = "/housing/help-if-you-are-homeless/"

HOMELESSNESS_GUIDE = guide(
    "help-if-you-are-homeless",
    "Help if you are homeless or about to lose your home",
    "Find out how we can help if you are homeless, or could lose your home in the next 8 weeks.",
    p(
        "We can help if you are homeless now, or if you could lose your home in the next 8 weeks.",
        "Contact us as early as you can. The sooner you tell us, the more we can do to help "
        "you keep your home.",
    ),
    warning(
        "If you have nowhere safe to stay tonight, call us now on 01632 960300. Out of hours, "
        "call 01632 960301."
    ),
    h2("Who we can help"),
    p(
        "We help anyone in Anytown who is homeless or at risk. You could be at risk if:",
        ul(
            "your landlord has asked you to leave",
            "you cannot pay your rent or mortgage",
            "family or friends have asked you to leave",
            "you are not safe at home because of violence or abuse",
        ),
    ),
    h2("Ask us for help"),
    p(
        "Fill in our form, or call the Housing Options team. We will contact you within "
        "1 working day."
    ),
    start(f"{FORMS}/homeless-help", "Ask for help"),
    contact("housing"),
    inset(
        "If you are in danger because of domestic abuse, call 999. You can also call the free "
        "National Domestic Abuse Helpline on 0808 2000 247, at any time."
    ),
    parts=(
        part(
            "if-you-have-to-leave-your-home",
            "If you have to leave your home",
            "What to do if your landlord, family or friends have asked you to leave.",
            p(
                "If someone has asked you to leave your home, contact us straight away. Do not "
                "wait until you have to leave."
            ),
            h2("If you rent from a private landlord"),
            p(
                "Your landlord must follow the right steps to make you leave. For most tenants, "
                "this means:",
                ul(
                    "giving you written notice, usually at least 2 months",
                    "getting a court order if you do not leave by the end of the notice",
                    "using court bailiffs to make you leave",
                ),
            ),
            warning(
                "Your landlord must not make you leave without a court order. It is a crime for "
                "them to change the locks while you are out."
            ),
            h3("If your landlord has given you notice"),
            p(
                "Send us a copy of the notice. We check if it is valid and talk to your landlord "
                "for you."
            ),
            h2("If family or friends have asked you to leave"),
            p(
                "We can talk to them to see if you can stay longer. This gives us time to find "
                "you somewhere else to live."
            ),
            details(
                "Help to pay rent you owe",
                "If you owe rent, we may be able to help you pay it. This is called a "
                "Discretionary Housing Payment. Ask the Housing Options team about it.",
            ),
        ),
        part(
            "what-happens-after-you-ask-for-help",
            "What happens after you ask for help",
            "How we assess your situation and the plan we agree with you.",
            p("After you contact us, we look at your situation. This is called an assessment."),
            steps(
                "We talk to you about your home, your health, your money and who lives with you.",
                "We agree a personal housing plan with you. It says what you and we will do.",
                "We work with you for up to 56 days to keep your home or find you a new one.",
                "We write to you to tell you what help we can give after that.",
            ),
            h2("What to bring"),
            p(
                ul(
                    "proof of who you are, such as a passport",
                    "any letters from your landlord or mortgage lender",
                    "proof of your income, such as payslips or benefit letters",
                )
            ),
            inset("If you do not have these, still contact us. We can help you get them."),
            h2("Somewhere to stay while we help you"),
            p(
                "We may give you somewhere to stay while we look into your situation. This is "
                "called temporary accommodation. We do this if you have nowhere safe to stay, "
                "and you are vulnerable or have children."
            ),
        ),
        part(
            "ask-for-a-review-of-our-decision",
            "Ask for a review of our decision",
            "How to ask us to look again at a decision about your homelessness application.",
            p(
                "You can ask for a review if you do not agree with our decision. For example, "
                "about:",
                ul(
                    "whether we have to find you a home",
                    "whether a home we offered you is suitable",
                    "your personal housing plan",
                ),
            ),
            p("Ask within 21 days of the date on our decision letter."),
            start(f"{FORMS}/homelessness-review", "Ask for a review"),
            h2("What happens next"),
            p(
                "A senior officer who was not part of the first decision looks at it again. We "
                "tell you the result within 8 weeks.",
                "If you still do not agree, you may be able to appeal to the county court.",
            ),
            details(
                "Free legal advice",
                "Shelter gives free advice about housing. "
                + a("https://england.shelter.org.uk/get_help", "Get help from Shelter")
                + ".",
            ),
        ),
    ),
)

HOUSING = category(
    "housing",
    "Housing",
    "Apply for social housing, get help if you are homeless and sort out problems with your "
    "landlord or your council home.",
    HOMELESSNESS_GUIDE,
    service(
        "join-the-housing-register",
        "Join the housing register",
        "Apply for a council or housing association home in Anytown.",
        p(
            "To get a council or housing association home, you must join the housing register.",
            "There are far more people waiting than homes. Most people wait more than 2 years.",
        ),
        h2("Who can join"),
        p(
            "You can usually join if you:",
            ul(
                "are 18 or over",
                "have lived in Anytown for at least 2 years",
                "need to move, for example because your home is too small",
            ),
        ),
        start(f"{FORMS}/housing-register", "Apply to join"),
        h2("How we decide who gets a home"),
        table(
            "Housing register bands",
            ["Band", "Who it is for"],
            ["Band A", "People who urgently need to move, for example for medical reasons"],
            ["Band B", "People who are homeless or whose home is badly overcrowded"],
            ["Band C", "People who need to move for other reasons"],
        ),
        p("Within each band, the person who has waited longest gets the next home."),
        p("Our old housing strategy explains how we set up the bands in 2015."),
        document("housing-strategy-2015", "Housing strategy 2015 to 2020"),
        inset(
            b("If you could lose your home soon")
            + ", do not wait for the housing register. "
            + a(GUIDE, "Get help if you are homeless")
            + "."
        ),
        related=(GUIDE, "/housing/problems-with-a-private-landlord/"),
    ),
    service(
        "report-a-repair-in-your-council-home",
        "Report a repair in your council home",
        "Tell us about a repair that is needed in your council home.",
        p("If you rent your home from Anytown Borough Council, we fix most problems for you."),
        table(
            "How quickly we do repairs",
            ["Type of repair", "Example", "When we do it"],
            ["Emergency", "A gas leak, flooding or no heating in winter", "Within 24 hours"],
            ["Urgent", "A blocked toilet or a broken front door lock", "Within 3 working days"],
            ["Routine", "A dripping tap or a broken kitchen cupboard", "Within 28 days"],
        ),
        start(f"{FORMS}/council-home-repair", "Report a repair"),
        warning(
            "If you smell gas, leave your home and call the National Gas Emergency Service on "
            "0800 111 999."
        ),
        h2("Damp and mould"),
        p(
            "Report damp and mould as soon as you see it. We inspect within 10 working days and "
            "start repairs within 5 working days of the inspection."
        ),
        related=("/housing/problems-with-a-private-landlord/",),
    ),
    service(
        "problems-with-a-private-landlord",
        "Problems with a private landlord",
        "Get help if your private landlord will not do repairs, or treats you unfairly.",
        p(
            "Your landlord must keep your home safe and in good repair. This includes the "
            "heating, hot water, wiring and the structure of the building."
        ),
        h2("If your landlord will not do repairs"),
        steps(
            "Tell your landlord about the problem in writing, such as an email. Keep a copy.",
            "Give them a reasonable time to fix it, usually 14 days.",
            "If they do not fix it, tell us. We can inspect your home.",
            "If your home is not safe, we can make your landlord do the work.",
        ),
        start(f"{FORMS}/private-housing-complaint", "Report your landlord"),
        inset(
            "Your landlord cannot make you leave because you asked for repairs. If this happens, "
            + a(GUIDE, "get help if you are homeless")
            + "."
        ),
        contact("housing"),
        related=(GUIDE,),
    ),
    service(
        "housing-benefit",
        "Housing Benefit",
        "Find out if you can get Housing Benefit to help pay your rent, and how to claim.",
        p(
            "Most people of working age now claim Universal Credit instead of Housing Benefit.",
            "You can only make a new claim for Housing Benefit if:",
            ul(
                "you have reached State Pension age",
                "you live in supported or temporary housing",
            ),
        ),
        start(f"{FORMS}/housing-benefit", "Claim Housing Benefit"),
        h2("If you are working age"),
        p(
            "Claim the housing part of Universal Credit. "
            + a("https://www.gov.uk/universal-credit", "Find out about Universal Credit on GOV.UK")
            + "."
        ),
        details(
            "If your benefit does not cover your rent",
            "You can ask us for a Discretionary Housing Payment. It can help with rent for a "
            "short time.",
        ),
        related=("/council-tax/council-tax-support/",),
    ),
    service(
        "disabled-facilities-grant",
        "Disabled Facilities Grant",
        "Get money to adapt your home if you or someone you live with is disabled.",
        p(
            "A Disabled Facilities Grant pays for changes to your home, so that a disabled "
            "person can live there safely. You can get up to £30,000."
        ),
        p(
            "It can pay for things like:",
            ul(
                "a walk-in shower",
                "a stair lift",
                "wider doors",
                "a ramp to your front door",
            ),
        ),
        h2("How to apply"),
        steps(
            "Ask Adult Social Care for an assessment of your needs.",
            "An occupational therapist visits you and recommends changes.",
            "We check your income to work out if you need to pay towards the cost.",
            "You get quotes from builders and we approve the work.",
        ),
        contact("adult-social-care"),
        related=("/adult-social-care/equipment-to-help-you-at-home/",),
    ),
)

EXTEND_YOUR_HOME = step_by_step(
    "extend-your-home-step-by-step",
    "Extend or improve your home: step by step",
    "How to get permission to build an extension, convert your loft or make other changes to "
    "your home.",
    step(
        "Check if you need planning permission",
        "Many small changes do not need planning permission. Check before you spend money on "
        "plans.",
        "/planning/check-if-you-need-planning-permission/",
    ),
    step(
        "Get advice before you apply",
        "Our planning officers can tell you if your plans are likely to be approved. There is a "
        "fee for this advice.",
        "/planning/get-pre-application-advice/",
    ),
    step(
        "Apply for planning permission",
        "Send your application, plans and fee. Most decisions take 8 weeks.",
        "/planning/apply-for-planning-permission/",
        "/planning/comment-on-a-planning-application/",
    ),
    step(
        "Get building regulations approval",
        "Most building work must meet building regulations, even if it does not need planning "
        "permission.",
        "/planning/building-regulations-approval/",
    ),
    step(
        "If your application is refused",
        "You can change your plans and apply again, or appeal against our decision.",
        "/planning/appeal-a-planning-decision/",
    ),
)

PLANNING = category(
    "planning",
    "Planning and building control",
    "Check if you need planning permission, apply for it, comment on applications and get "
    "building regulations approval.",
    EXTEND_YOUR_HOME,
    service(
        "check-if-you-need-planning-permission",
        "Check if you need planning permission",
        "Find out if the work you want to do needs planning permission.",
        p(
            "You can do some work without planning permission. This is called permitted "
            "development. For example, you can often:",
            ul(
                "build a single-storey rear extension up to 3 metres deep",
                "convert your loft, if you do not raise the roof at the front",
                "put up a shed or greenhouse in your back garden",
            ),
        ),
        warning("If you build without permission when you need it, we can make you undo the work."),
        h2("When you always need permission"),
        p(
            ul(
                "your home is a flat or a maisonette",
                "your home is a listed building",
                "you want to change how a building is used, such as a house into flats",
            )
        ),
        start(
            "https://interactive.planningportal.co.uk/",
            "Check on the Planning Portal",
        ),
        details(
            "If you are still not sure",
            "You can apply to us for a lawful development certificate. It proves the work does "
            "not need planning permission. It costs half the normal planning fee.",
        ),
        related=(
            "/planning/extend-your-home-step-by-step/",
            "/planning/get-pre-application-advice/",
        ),
    ),
    service(
        "get-pre-application-advice",
        "Get advice before you apply for planning permission",
        "Pay for advice from a planning officer before you send your planning application.",
        p(
            "A planning officer can look at your plans before you apply. They tell you if your "
            "plans are likely to be approved, and what to change."
        ),
        table(
            "What pre-application advice costs",
            ["Type of work", "Written advice", "Written advice and a meeting"],
            ["Changes to a house", "£90", "£160"],
            ["1 to 9 new homes", "£450", "£700"],
            ["10 or more new homes", "£1,200", "£1,800"],
        ),
        start(f"{FORMS}/pre-application-advice", "Ask for advice"),
        p("We reply within 20 working days."),
        related=("/planning/apply-for-planning-permission/",),
    ),
    service(
        "apply-for-planning-permission",
        "Apply for planning permission",
        "Send a planning application online through the Planning Portal.",
        p(
            "Most people apply online through the Planning Portal. You can save your "
            "application and come back to it."
        ),
        start("https://www.planningportal.co.uk/applications", "Apply on the Planning Portal"),
        h2("What to send"),
        p(
            ul(
                "the application form",
                "a location plan and a block plan",
                "drawings of the building now and after the work",
                "the fee, which for changes to a house is £258",
            )
        ),
        document("planning-checklist", "Householder planning application checklist"),
        h2("After you apply"),
        steps(
            "We check your application is complete. We tell you within 5 working days.",
            "We tell your neighbours and put a notice on or near your property.",
            "People have 21 days to comment.",
            "We decide within 8 weeks, or 13 weeks for large developments.",
        ),
        contact("planning"),
        related=(
            "/planning/extend-your-home-step-by-step/",
            "/planning/comment-on-a-planning-application/",
        ),
    ),
    service(
        "comment-on-a-planning-application",
        "Comment on a planning application",
        "Search for planning applications and tell us what you think of one.",
        p(
            "Anyone can comment on a planning application. You have 21 days from when we "
            "publish it."
        ),
        start("https://planning.anytown.gov.uk/search", "Search planning applications"),
        h2("What we can take into account"),
        p(
            "We can only consider planning reasons, such as:",
            ul(
                "loss of light or privacy",
                "the look of the building",
                "traffic and parking",
                "noise",
            ),
            "We cannot consider things like the effect on the value of your home.",
        ),
        warning(
            "We publish every comment online with your name. We do not publish your address, "
            "email or phone number."
        ),
    ),
    service(
        "building-regulations-approval",
        "Building regulations approval",
        "Find out when building work needs building regulations approval and how to apply.",
        p(
            "Building regulations make sure building work is safe, warm and accessible. Most "
            "work needs approval, including:",
            ul(
                "extensions and loft conversions",
                "taking out a wall that holds up the building",
                "new windows, boilers or wiring, unless a registered installer does the work",
            ),
        ),
        table(
            "Ways to apply for building regulations approval",
            ["Type of application", "Best for", "What happens"],
            ["Full plans", "Larger work", "We check your plans before work starts"],
            ["Building notice", "Small work on a house", "We inspect the work as it happens"],
        ),
        start(f"{FORMS}/building-regulations", "Apply for approval"),
        inset(
            "When the work is finished and passes our checks, we give you a completion "
            "certificate. Keep it safe. You will need it if you sell your home."
        ),
        contact("planning"),
        related=("/planning/extend-your-home-step-by-step/",),
    ),
    service(
        "report-a-planning-breach",
        "Report building work that might not have permission",
        "Tell us about building work or a change of use that might not have planning permission.",
        p(
            "You can report building work you think breaks planning rules. For example, an "
            "extension built without permission."
        ),
        start(f"{FORMS}/planning-breach", "Report building work"),
        h2("What happens next"),
        p(
            "We visit the site within 10 working days. If the work needs permission, we may ask "
            "the owner to apply for it, or to undo the work.",
            "We keep your name and details private.",
        ),
    ),
    service(
        "appeal-a-planning-decision",
        "Appeal against a planning decision",
        "Ask the Planning Inspectorate to look again at a planning application we refused.",
        p(
            "If we refuse your planning application, you can appeal to the Planning "
            "Inspectorate. They are independent of the council."
        ),
        table(
            "Deadlines for planning appeals",
            ["Type of application", "Deadline to appeal"],
            ["Changes to a house", "12 weeks from our decision"],
            ["Other planning applications", "6 months from our decision"],
        ),
        start("https://www.gov.uk/appeal-planning-decision", "Appeal on GOV.UK"),
        inset("It is free to appeal. Most appeals take about 6 months to decide."),
        related=("/planning/apply-for-planning-permission/",),
    ),
)
