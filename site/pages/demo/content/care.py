"""Adult social care, and births, deaths, marriages and citizenship."""

from ..markup import (
    a,
    b,
    category,
    contact,
    details,
    h2,
    h3,
    inset,
    p,
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

ADULT_SOCIAL_CARE = category(
    "adult-social-care",
    "Adult social care",
    "Get help to live independently, support as a carer, and find out about paying for care.",
    service(
        "ask-for-a-care-needs-assessment",
        "Ask for a care needs assessment",
        "Ask us to find out what help you need with everyday life. The assessment is free.",
        p(
            "A care needs assessment helps us find out what support you need. For example, help "
            "with washing, dressing, cooking or getting out.",
            "Anyone can ask for an assessment, whatever their income. You can also ask for one "
            "for someone else.",
        ),
        start(f"{FORMS}/care-needs-assessment", "Ask for an assessment"),
        h2("What happens at the assessment"),
        steps(
            "We contact you within 5 working days to arrange a time.",
            "A social care worker talks with you, at home or by phone. It takes about 1 hour.",
            "You can have a family member, friend or advocate with you.",
            "We write to you to say what help you can get.",
        ),
        p(
            "We might suggest things like equipment, support at home or time at a day centre. "
            "If you need help, we agree a care and support plan with you."
        ),
        inset(
            "The assessment is free. You may have to pay towards the care you get. "
            + a("/adult-social-care/paying-for-care/", "Find out about paying for care")
            + "."
        ),
        contact("adult-social-care"),
        related=(
            "/adult-social-care/care-and-support-at-home/",
            "/adult-social-care/get-support-as-a-carer/",
        ),
    ),
    service(
        "get-support-as-a-carer",
        "Get support as a carer",
        "Get help if you look after a family member or friend who could not manage without you.",
        p(
            "You are a carer if you look after someone who is ill, disabled or older, and you are "
            "not paid to do it.",
            "You can ask for a free carer's assessment. It looks at how caring affects your life.",
        ),
        start(f"{FORMS}/carers-assessment", "Ask for a carer's assessment"),
        h2("Help you could get"),
        p(
            ul(
                "a break from caring, while someone else looks after the person",
                "help with housework or shopping",
                "training, such as lifting safely",
                "a Carer's Emergency Card, so people know to help the person you care for",
            )
        ),
        h2("Money for carers"),
        p(
            "If you care for someone for 35 hours a week or more, you may be able to get "
            "Carer's Allowance. "
            + a("https://www.gov.uk/carers-allowance", "Check if you can get Carer's Allowance")
            + "."
        ),
        related=("/adult-social-care/ask-for-a-care-needs-assessment/",),
    ),
    service(
        "paying-for-care",
        "Paying for care",
        "Find out how much you pay towards your care, and how we work out what you can afford.",
        p(
            "Most people pay something towards their care. We do a financial assessment to work "
            "out how much you pay. We never ask you to pay more than you can afford."
        ),
        table(
            "How your savings affect what you pay for care",
            ["Your savings and property", "What you pay"],
            ["More than £23,250", "The full cost of your care"],
            ["£14,250 to £23,250", "Part of the cost, from your income and savings"],
            ["Less than £14,250", "Part of the cost, from your income only"],
        ),
        inset("If you get care at home, we do not count the value of the home you live in."),
        h2("What we count"),
        p(
            "We look at your:",
            ul(
                "income, such as your pension and benefits",
                "savings and investments",
                "property, if you move into a care home",
            ),
        ),
        p("We leave you enough money to live on and pay your bills."),
        start(f"{FORMS}/financial-assessment", "Start a financial assessment"),
        details(
            "If you have to sell your home to pay for a care home",
            "You may not have to sell your home straight away. A deferred payment agreement "
            "lets you pay later, for example when your home is sold.",
        ),
        related=("/adult-social-care/ask-for-a-care-needs-assessment/",),
    ),
    service(
        "care-and-support-at-home",
        "Care and support at home",
        "Get help at home so you can keep living independently.",
        p(
            "Home carers can visit you to help with things like:",
            ul(
                "getting up and going to bed",
                "washing and dressing",
                "preparing meals",
                "taking medicines",
            ),
        ),
        p(
            "To get care at home from us, first "
            + a(
                "/adult-social-care/ask-for-a-care-needs-assessment/",
                "ask for a care needs assessment",
            )
            + "."
        ),
        h2("Short-term help after a hospital stay"),
        p(
            "If you have been in hospital, you may get up to 6 weeks of free help at home. This "
            "is called reablement. It helps you get your confidence and skills back."
        ),
        h2("Arranging your own care"),
        p(
            "You can ask us for a direct payment instead of care we arrange. You then choose and "
            "pay for your own carers."
        ),
        related=(
            "/adult-social-care/equipment-to-help-you-at-home/",
            "/adult-social-care/paying-for-care/",
        ),
    ),
    service(
        "equipment-to-help-you-at-home",
        "Equipment to help you at home",
        "Get equipment and small changes to your home to make everyday tasks easier and safer.",
        p(
            "Equipment can help you stay safe and independent at home. For example:",
            ul(
                "grab rails and bath seats",
                "raised toilet seats",
                "a personal alarm you wear, to call for help if you fall",
                "kitchen equipment that is easy to grip",
            ),
        ),
        p(
            "We lend equipment that costs less than £1,000 for free, if our assessment shows "
            "you need it."
        ),
        start(f"{FORMS}/equipment", "Ask for equipment"),
        h2("Bigger changes to your home"),
        p(
            "For changes like a stair lift or a level access shower, you may be able to get a "
            + a("/housing/disabled-facilities-grant/", "Disabled Facilities Grant")
            + "."
        ),
        related=("/adult-social-care/care-and-support-at-home/",),
    ),
    service(
        "report-concerns-about-an-adult",
        "Report concerns about an adult",
        "Tell us if you think an adult is being abused, neglected or exploited.",
        warning("If someone is in immediate danger, call 999."),
        p(
            "Tell us if you are worried that an adult is being harmed. This includes physical, "
            "emotional, sexual and financial abuse, and neglect.",
            "You do not need proof. Tell us what you have seen or heard.",
        ),
        contact("adult-social-care"),
        h2("Out of hours"),
        p(
            "In the evening, at night and at weekends, call our emergency duty team on "
            "01632 960501."
        ),
        h2("What happens next"),
        p(
            "We talk to the person, if it is safe to do so. We work with them to keep them safe, "
            "in the way they want."
        ),
        inset(
            b("Worried about a child?") + " Call Children's Services on 01632 960550 straight away."
        ),
    ),
)

WHEN_SOMEONE_DIES = step_by_step(
    "what-to-do-when-someone-dies-step-by-step",
    "What to do when someone dies: step by step",
    "What you need to do after someone dies, from registering the death to telling the council.",
    step(
        "Get a medical certificate",
        "A doctor gives you a medical certificate of cause of death. If the death is reported to "
        "a coroner, the coroner tells you what to do next.",
    ),
    step(
        "Register the death",
        "Register the death within 5 days. You need an appointment at the register office.",
        "/births-deaths-marriages-and-citizenship/register-a-death/",
    ),
    step(
        "Arrange the funeral",
        "You can arrange the funeral once the death is registered. You may get help with the "
        "cost if you get certain benefits.",
        ("https://www.gov.uk/funeral-payments", "Get help with funeral costs on GOV.UK"),
    ),
    step(
        "Tell the council and other organisations",
        "Use Tell Us Once when you register the death. It tells most council and government "
        "services for you, including council tax.",
        "/council-tax/council-tax-discounts-and-exemptions/",
        "/births-deaths-marriages-and-citizenship/order-a-copy-of-a-certificate/",
    ),
)

REGISTRARS = category(
    "births-deaths-marriages-and-citizenship",
    "Births, deaths, marriages and citizenship",
    "Register a birth or death, plan your wedding or civil partnership and order certificates.",
    WHEN_SOMEONE_DIES,
    service(
        "register-a-birth",
        "Register a birth",
        "Register your baby's birth within 42 days. You need an appointment.",
        p(
            "You must register a birth within 42 days. Register it at Anytown Register Office if "
            "your baby was born in Anytown."
        ),
        start(f"{FORMS}/register-a-birth", "Book an appointment"),
        h2("Who can register the birth"),
        p(
            ul(
                "either parent, if the parents are married or in a civil partnership",
                "the mother, if the parents are not married",
                "both parents together, if they are not married and want both names on the "
                "certificate",
            )
        ),
        h2("What to bring"),
        p(
            ul(
                "your baby's red book or NHS number",
                "proof of your identity, such as a passport",
                "your marriage or civil partnership certificate, if you have one",
            )
        ),
        p("The appointment takes about 30 minutes. A birth certificate costs £12.50."),
        contact("register-office"),
        related=("/births-deaths-marriages-and-citizenship/order-a-copy-of-a-certificate/",),
    ),
    service(
        "register-a-death",
        "Register a death",
        "Register a death within 5 days. You need an appointment and the medical certificate.",
        p(
            "You must register a death within 5 days, unless it was reported to a coroner. "
            "Register it at Anytown Register Office if the person died in Anytown."
        ),
        start(f"{FORMS}/register-a-death", "Book an appointment"),
        h2("What to bring"),
        p(
            ul(
                "the medical certificate of cause of death, if the doctor did not send it to us",
                "the person's NHS number, if you know it",
                "their birth and marriage certificates, if you have them",
            )
        ),
        h2("Tell Us Once"),
        p(
            "When you register, we give you a Tell Us Once reference. Use it to tell most "
            "government and council services about the death in one go."
        ),
        inset(
            "You do not have to buy death certificates at the appointment. You can order them "
            "later, but it costs more."
        ),
        contact("register-office"),
        related=(
            "/births-deaths-marriages-and-citizenship/what-to-do-when-someone-dies-step-by-step/",
        ),
    ),
    service(
        "get-married-or-form-a-civil-partnership",
        "Get married or form a civil partnership",
        "Book a marriage or civil partnership ceremony at the register office or an approved "
        "venue.",
        p(
            "You can get married or form a civil partnership at Anytown Register Office, or at "
            "any approved venue in Anytown."
        ),
        h2("Before you book"),
        steps(
            "Choose a date and a venue, and check the registrars are free.",
            "Both give notice at the register office. You must do this at least 29 days before "
            "the ceremony.",
            "Pay the fees and plan your ceremony with us.",
        ),
        table(
            "Ceremony fees",
            ["Ceremony", "Fee"],
            ["Register office, Monday to Thursday, 2 guests", "£56"],
            ["Ceremony room, up to 40 guests", "£250"],
            ["Approved venue, Saturday", "£600"],
        ),
        start(f"{FORMS}/book-a-ceremony", "Book a ceremony"),
        details(
            "If either of you is not a British or Irish citizen",
            "You may need to show extra documents when you give notice. Allow more time, "
            "because the Home Office may need to check your application.",
        ),
        contact("register-office"),
    ),
    service(
        "order-a-copy-of-a-certificate",
        "Order a copy of a certificate",
        "Order a copy of a birth, death, marriage or civil partnership certificate from "
        "Anytown Register Office.",
        p(
            "You can order a copy of a certificate if the birth, death, marriage or civil "
            "partnership was registered in Anytown."
        ),
        table(
            "Certificate prices",
            ["Service", "Price", "When we post it"],
            ["Standard", "£12.50", "Within 15 working days"],
            ["Priority", "£38.50", "The next working day"],
        ),
        start(f"{FORMS}/order-a-certificate", "Order a certificate"),
        h2("Certificates from other areas"),
        p(
            "If it was registered somewhere else in England or Wales, order from the General "
            "Register Office. "
            + a(
                "https://www.gov.uk/order-copy-birth-death-marriage-certificate",
                "Order a certificate on GOV.UK",
            )
            + "."
        ),
    ),
    service(
        "book-a-citizenship-ceremony",
        "Book a citizenship ceremony",
        "Book your British citizenship ceremony at Anytown Town Hall.",
        p(
            "When the Home Office approves your application, you must go to a citizenship "
            "ceremony within 3 months."
        ),
        h2("Group and private ceremonies"),
        h3("Group ceremonies"),
        p(
            "Group ceremonies are on the first Wednesday of every month. They are free. You "
            "can bring 2 guests."
        ),
        h3("Private ceremonies"),
        p("A private ceremony costs £150. You can choose the date and bring up to 10 guests."),
        start(f"{FORMS}/citizenship-ceremony", "Book a ceremony"),
        p(
            "Bring your invitation letter from the Home Office, and your passport or "
            "biometric residence permit."
        ),
        contact("register-office"),
    ),
)
