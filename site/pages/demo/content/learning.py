"""Libraries, and schools and education."""

from ..markup import (
    category,
    contact,
    details,
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
CATALOGUE = "https://libraries.anytown.gov.uk"

LIBRARIES = category(
    "libraries",
    "Libraries",
    "Join the library, borrow books, ebooks and audiobooks, and use computers and wifi for free.",
    service(
        "join-the-library",
        "Join the library",
        "Join Anytown Libraries for free and borrow books, ebooks and audiobooks.",
        p(
            "Anyone who lives, works or studies in Anytown can join the library. It is free, "
            "and you can join at any age."
        ),
        image(
            "library-card",
            "A purple Anytown Libraries card with a yellow stripe and a barcode.",
            "Your library card has a barcode and a 14-digit card number.",
        ),
        start(f"{CATALOGUE}/join", "Join online"),
        p(
            "When you join online, you can use ebooks and audiobooks straight away. Collect your "
            "card from any library to borrow books."
        ),
        h2("Join at a library"),
        p(
            "Bring proof of your name and address, such as a bank statement or a letter from "
            "your doctor. Children under 16 need a parent or carer to sign for them."
        ),
        h2("How many books you can borrow"),
        table(
            "How many items you can borrow and for how long",
            ["Type of item", "How many", "How long for"],
            ["Books", "Up to 20", "3 weeks"],
            ["Audiobooks on CD", "Up to 5", "3 weeks"],
            ["DVDs", "Up to 5", "1 week"],
        ),
        inset("There are no fines for returning children's books late."),
        related=(
            "/libraries/renew-reserve-or-return-books/",
            "/libraries/borrow-ebooks-and-audiobooks/",
        ),
    ),
    service(
        "libraries-and-opening-times",
        "Libraries and opening times",
        "Find your nearest library and check when it is open.",
        p("There are 4 libraries in Anytown. Central Library is open 7 days a week."),
        table(
            "Library opening times",
            ["Library", "Monday to Friday", "Saturday", "Sunday"],
            ["Central Library", "9am to 7pm (Friday 9am to 5pm)", "9am to 5pm", "11am to 3pm"],
            ["Northgate Library", "10am to 5pm", "10am to 1pm", "Closed"],
            ["Riverside Library", "10am to 5pm (closed Wednesday)", "10am to 1pm", "Closed"],
            ["Southfield Library", "1pm to 6pm", "10am to 4pm", "Closed"],
        ),
        h2("Central Library"),
        contact("libraries"),
        h2("Getting there"),
        p(
            "Central Library is next to the bus station. There are 6 Blue Badge parking spaces "
            "in the Library Square car park.",
            "Every library has step-free access and an accessible toilet.",
        ),
        related=("/libraries/join-the-library/", "/parking/council-car-parks-and-charges/"),
    ),
    service(
        "borrow-ebooks-and-audiobooks",
        "Borrow ebooks and audiobooks",
        "Borrow ebooks, audiobooks, magazines and newspapers for free with your library card.",
        p(
            "You can borrow ebooks and audiobooks for free on your phone, tablet or computer. "
            "You need a library card and a PIN."
        ),
        steps(
            "Download the Libby app from your app store.",
            "Choose Anytown Libraries.",
            "Sign in with your library card number and PIN.",
            "Choose a book and tap Borrow.",
        ),
        p("You can borrow up to 10 ebooks and 10 audiobooks at a time, for 3 weeks."),
        details(
            "If you forgot your PIN",
            "Ask at any library, or call Central Library. We cannot send your PIN by email.",
        ),
        related=("/libraries/join-the-library/",),
    ),
    service(
        "renew-reserve-or-return-books",
        "Renew, reserve or return books",
        "Renew your library books, reserve a book and find out where to return books.",
        h2("Renew books"),
        p(
            "You can renew most items up to 5 times, unless someone else has reserved them.",
            "Renew online, by phone or at any library.",
        ),
        start(f"{CATALOGUE}/account", "Renew or reserve online"),
        h2("Reserve books"),
        p(
            "You can reserve any item in our catalogue for free. We email you when it is ready to "
            "collect from the library you choose."
        ),
        h2("Return books"),
        p(
            "Return items to any Anytown library. Central Library has a returns box outside "
            "that is open at all times."
        ),
        table(
            "Charges for late adult items",
            ["Item", "Charge each day", "Most you pay for one item"],
            ["Books and audiobooks", "20p", "£6"],
            ["DVDs", "£1", "£10"],
        ),
        related=("/libraries/join-the-library/",),
    ),
    service(
        "home-library-service",
        "Home library service",
        "Get library books delivered to your home if you cannot get to a library.",
        p(
            "Volunteers bring library books to your home every 3 weeks. The service is free.",
            "You can use it if you cannot get to a library because of your age, a disability or "
            "an illness. It is also for carers who cannot leave the person they care for.",
        ),
        p(
            "You can choose:",
            ul(
                "large print books",
                "audiobooks",
                "books on any subject",
            ),
        ),
        start(f"{FORMS}/home-library-service", "Apply for the home library service"),
        contact("libraries"),
    ),
    service(
        "use-computers-wifi-and-printers",
        "Use computers, wifi and printers in libraries",
        "Use a computer and wifi for free in any Anytown library, and print or scan documents.",
        p(
            "Every library has computers you can use for free for up to 2 hours a day. Book a "
            "computer online or at the library."
        ),
        p("Free wifi is available in every library. You do not need a library card to use it."),
        table(
            "Printing, copying and scanning prices",
            ["Service", "Black and white", "Colour"],
            ["Printing or copying, per page", "15p", "50p"],
            ["Scanning to email", "Free", "Free"],
        ),
        h2("Help using a computer"),
        p(
            "Digital Buddies volunteers can help you get online, send email, shop safely and "
            "use GOV.UK services. Sessions are free and last 1 hour."
        ),
        start(f"{CATALOGUE}/digital-buddies", "Book a Digital Buddies session"),
        details(
            "Accessible computers",
            "Every library has a computer with a large keyboard and a trackball. Central "
            "Library also has screen reader and magnifier software.",
        ),
    ),
)

SCHOOLS = category(
    "schools",
    "Schools and education",
    "Apply for a school place, change schools, get free school meals and help with school "
    "transport.",
    service(
        "apply-for-a-primary-school-place",
        "Apply for a primary school place",
        "Apply for a place in reception class for a child who starts school next September.",
        p(
            "Children start primary school in the September after they turn 4. Apply between "
            "1 September and 15 January."
        ),
        start(f"{FORMS}/primary-admissions", "Apply for a primary school place"),
        h2("Choosing schools"),
        p(
            "You can name up to 3 schools in order of preference. Visit the schools before you "
            "apply if you can."
        ),
        h2("How we decide who gets a place"),
        p(
            "If a school has more applicants than places, we offer places in this order:",
            ul(
                "children in care, or who were in care",
                "children with a brother or sister at the school",
                "children who live nearest to the school",
            ),
        ),
        h2("Key dates"),
        table(
            "Key dates for primary school applications",
            ["Stage", "Date"],
            ["Applications open", "1 September"],
            ["Closing date", "15 January"],
            ["Offers sent", "16 April"],
            ["Accept or refuse your offer by", "30 April"],
        ),
        warning(
            "If you apply late, we only look at your application after all the on-time ones. "
            "Your child is less likely to get a place at the school you want."
        ),
        contact("school-admissions"),
        related=(
            "/schools/apply-for-a-secondary-school-place/",
            "/schools/school-term-dates/",
        ),
    ),
    service(
        "apply-for-a-secondary-school-place",
        "Apply for a secondary school place",
        "Apply for a place in year 7 for a child who starts secondary school next September.",
        p(
            "Apply between 1 September and 31 October for a child who starts in year 7 next "
            "September."
        ),
        start(f"{FORMS}/secondary-admissions", "Apply for a secondary school place"),
        h2("Choosing schools"),
        p(
            "You can name up to 6 schools in order of preference. Some schools set a test or "
            "give some places for faith or aptitude. Check each school's rules before you apply."
        ),
        table(
            "Key dates for secondary school applications",
            ["Stage", "Date"],
            ["Applications open", "1 September"],
            ["Closing date", "31 October"],
            ["Offers sent", "1 March"],
            ["Accept or refuse your offer by", "15 March"],
        ),
        h2("If you do not get the school you want"),
        p(
            "You can ask to go on the waiting list for any school you named. You can also "
            "appeal. An independent panel hears appeals."
        ),
        contact("school-admissions"),
        related=(
            "/schools/apply-for-a-primary-school-place/",
            "/schools/help-with-school-transport/",
        ),
    ),
    service(
        "change-schools",
        "Change schools during the school year",
        "Apply to move your child to a different school in Anytown during the school year.",
        p(
            "You can apply to move your child to a new school at any time. This is called an "
            "in-year transfer."
        ),
        p("Talk to your child's current school first. They may be able to sort out the problem."),
        start(f"{FORMS}/in-year-transfer", "Apply to change schools"),
        p("We tell you within 15 school days if there is a place."),
        inset(
            "If you are moving to Anytown, you can apply before you move. Send proof of your "
            "new address, such as a tenancy agreement."
        ),
        contact("school-admissions"),
    ),
    service(
        "apply-for-free-school-meals",
        "Apply for free school meals",
        "Find out if your child can get free school meals and apply online.",
        p(
            "All children in reception, year 1 and year 2 get free school meals. You do not need "
            "to apply for them."
        ),
        p(
            "Older children can get free meals if you get certain benefits, such as:",
            ul(
                "Universal Credit, with take-home pay of less than £7,400 a year",
                "Income Support",
                "income-based Jobseeker's Allowance",
                "the guarantee part of Pension Credit",
            ),
        ),
        start(f"{FORMS}/free-school-meals", "Apply for free school meals"),
        p(
            "We check your benefits and tell you and the school within 2 working days. We never "
            "tell other children or parents."
        ),
        inset(
            "Apply even if your child is in reception, year 1 or year 2. Your child's school "
            "gets extra money for each child who could get free meals."
        ),
        related=("/schools/help-with-school-transport/",),
    ),
    service(
        "school-term-dates",
        "School term dates",
        "Check school term and holiday dates for community schools in Anytown.",
        p(
            "These dates are for community schools. Academies and faith schools may set "
            "different dates. Check with your child's school."
        ),
        table(
            "School term dates for 2026 to 2027",
            ["Term", "Starts", "Ends"],
            ["Autumn term", "Thursday 3 September 2026", "Friday 18 December 2026"],
            ["Spring term", "Monday 4 January 2027", "Thursday 25 March 2027"],
            ["Summer term", "Monday 12 April 2027", "Wednesday 21 July 2027"],
        ),
        h2("Half terms"),
        p(
            ul(
                "Monday 26 October to Friday 30 October 2026",
                "Monday 15 February to Friday 19 February 2027",
                "Monday 31 May to Friday 4 June 2027",
            )
        ),
        warning(
            "You need the head teacher's permission to take your child out of school in term "
            "time. If you do not get it, you could be fined £80."
        ),
    ),
    service(
        "help-with-school-transport",
        "Help with school transport",
        "Find out if your child can get free transport to school.",
        p(
            "Your child can get free transport to their nearest suitable school if they live "
            "more than:",
            ul(
                "2 miles away, if they are under 8",
                "3 miles away, if they are 8 or over",
            ),
        ),
        p(
            "Children from families on a low income, and children with special educational "
            "needs, may also get help."
        ),
        start(f"{FORMS}/school-transport", "Apply for school transport"),
        h2("Types of help"),
        h3("Bus passes"),
        p("Most children get a pass for a public bus or a school bus."),
        h3("Taxis and minibuses"),
        p("If your child cannot use a bus, we may arrange a taxi or a minibus."),
        details(
            "If we say no",
            "You can ask us to look at our decision again. Ask within 20 working days of the "
            "date on our letter.",
        ),
        contact("school-admissions"),
    ),
)
