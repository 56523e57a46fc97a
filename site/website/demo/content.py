"""The example content: words only. `load_demo_content` turns it into pages and snippets.

Everything here is made up for demonstration (PRODUCT.md): phone numbers are Ofcom drama
numbers (01632 960xxx) and email addresses use example.org.
"""

TOPICS = [
    (
        "community-engagement",
        "Community Engagement",
        "Listening to residents and reporting back on what changed.",
    ),
    (
        "community-building",
        "Community Building",
        "Community Builders working with neighbourhoods and communities of identity and interest.",
    ),
    (
        "household-resilience",
        "Household Resilience",
        "Help with the cost of living, food co-ops and social supermarkets.",
    ),
    (
        "community-health-and-wellbeing",
        "Community Health and Wellbeing",
        "The Wellbeing Hub network and support to stay well.",
    ),
    (
        "volunteering-for-change",
        "Volunteering for Change",
        "Volunteering with the council and its partner organisations.",
    ),
]

# Community Builder neighbourhoods, each with a postcode sector inside it: the ward is looked up
# from the postcode file, not typed here.
NEIGHBOURHOODS = [
    ("Barne Barton", "PL5 1"),
    ("Devonport", "PL1 4"),
    ("Honicknowle", "PL5 3"),
    ("Stonehouse", "PL1 3"),
    ("East End", "PL4 0"),
    ("Efford", "PL3 6"),
    ("Estover", "PL6 7"),
    ("Southway", "PL6 6"),
]

HOME = {
    "hero_title": "Have your say in Plymouth",
    "introduction": (
        "Find a consultation and tell us what you think, see what changed because of what "
        "residents said, volunteer, and find support near you."
    ),
    "support_heading": "Find support near you",
    "support_text": (
        "Wellbeing Hubs across the city offer advice, befriending, social prescribing and carers' "
        "support. Food co-ops and social supermarkets help households save money each week."
    ),
}

INDEX_PAGES = {
    "consultations": {
        "title": "Consultations",
        "introduction": (
            "Find open consultations, see what is coming up, and read what residents told us "
            "and what we did about it."
        ),
        "body": (
            "<p>You do not need an account to take part. Every consultation also says how to "
            "respond on paper, by phone, or in person at a Wellbeing Hub.</p>"
        ),
    },
    "volunteering": {
        "title": "Volunteering",
        "introduction": (
            "Give your time to your neighbourhood: opportunities from the council and partner "
            "organisations across Plymouth."
        ),
        "body": (
            "<p>Around 700 people volunteer with the council, at The Box, the National Marine "
            "Park, libraries and citywide events, and 67 volunteer coordinators work together "
            "across the city.</p>"
        ),
    },
    "directory": {
        "title": "Find support near you",
        "introduction": (
            "Wellbeing Hubs, food co-ops, social supermarkets and community places across "
            "Plymouth. There is no wrong door: any of them can help you find what you need."
        ),
        "body": (
            "<p>Each Wellbeing Hub has a Wellbeing Advisor for at least 37 hours a week and offers "
            "advice and information, social prescribing, befriending, health improvement, mental "
            "and physical health support, help managing long-term conditions, peer support, "
            "links to Livewell Southwest and carers' support.</p>"
        ),
    },
}

ABOUT = {
    "title": "About this site",
    "slug": "about",
    "introduction": (
        "The Community Engagement Hub is where Plymouth City Council publishes its consultations "
        "and engagement, and reports back on what changed."
    ),
    "body": [
        (
            "rich_text",
            "<p>The council's Thriving Communities framework (2026 to 2030) commits to an online hub "
            "with information and reports on consultation and engagement activity, so that "
            "decisions are made in the open.</p>",
        ),
        ("heading", {"text": "What you can do here", "level": "h2"}),
        (
            "rich_text",
            "<ul><li>answer consultations online, or find out how to respond another way</li>"
            "<li>read what residents said and what the council did (\u201cyou said, we did\u201d)</li>"
            "<li>sign up to volunteer</li>"
            "<li>find Wellbeing Hubs, food co-ops and community places near you</li></ul>",
        ),
        ("inset_text", {"text": "<p>You never need an account to take part.</p>"}),
        (
            "accordion",
            {
                "sections": [
                    {
                        "heading": "Community Engagement",
                        "summary": "Listening and reporting back",
                        "content": "<p>Consultations such as the Big Community Conversation on Local "
                        "Government Reorganisation, Plan for Nature, Pride in Place and City "
                        "Centre Living.</p>",
                    },
                    {
                        "heading": "Community Building",
                        "summary": "Neighbourhoods and communities",
                        "content": "<p>Community Builders work in Barne Barton, Devonport, Honicknowle, "
                        "Stonehouse, the East End, Efford, Estover and Southway, and with "
                        "communities of identity and interest.</p>",
                    },
                    {
                        "heading": "Volunteering for Change",
                        "summary": "Giving time",
                        "content": "<p>The Good Neighbours Scheme, Digital Volunteers and Age Positive, "
                        "among others.</p>",
                    },
                ]
            },
        ),
        (
            "table",
            {
                "table_caption": "Example: ways to take part",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Way", "How"],
                    ["Online", "Use the form on each consultation page"],
                    ["Paper", "Ask at a Wellbeing Hub or library"],
                    ["Phone", "Call 01632 960000"],
                ],
            },
        ),
    ],
}

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "introduction": "How to reach the Community Engagement team.",
    "body": [
        (
            "contact_details",
            {
                "name": "Community Engagement team (example)",
                "phone": "01632 960000",
                "email": "engagement@example.org",
                "address": "Community Engagement team\nExample House\nPlymouth",
                "opening_times": "Monday to Friday, 9am to 5pm",
            },
        ),
        (
            "warning_text",
            {"text": "This is example content: the phone number and email are not real."},
        ),
        (
            "rich_text",
            "<p>If you need information in another format, such as large print, Easy Read, audio or "
            "another language, tell us and we will reply within 10 working days.</p>"
            '<p>You can also <a href="/feedback/">send us a message or feedback on this website</a>.</p>',
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "introduction": "How accessible this website is, and how to tell us about a problem.",
    "body": [
        (
            "rich_text",
            "<p>Plymouth City Council runs this website. We want as many people as possible to be "
            "able to use it. For example, you should be able to:</p>"
            "<ul><li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>navigate the whole website using just a keyboard</li>"
            "<li>use the website with a screen reader</li>"
            "<li>use every part of the website with JavaScript turned off</li>"
            "<li>read the website in Polish or Arabic where pages have been translated</li></ul>",
        ),
        ("heading", {"text": "How accessible this website is", "level": "h2"}),
        (
            "rich_text",
            "<p>Every type of page is tested with automated accessibility checks against WCAG 2.2 "
            "level AA, at desktop and small phone widths, each time the site changes. A full manual "
            "audit has not been carried out yet.</p>",
        ),
        ("heading", {"text": "Reporting accessibility problems", "level": "h2"}),
        (
            "rich_text",
            "<p>If you find a problem, or need information in a different format, contact the "
            "Community Engagement team on 01632 960000 or engagement@example.org.</p>",
        ),
        ("heading", {"text": "Enforcement procedure", "level": "h2"}),
        (
            "rich_text",
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
            "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018. If you are not happy with how we respond to your complaint, contact "
            "the Equality Advisory and Support Service (EASS).</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "introduction": "What personal information this website collects, why, and how long we keep it.",
    "body": [
        ("rich_text", "<p>Plymouth City Council is the data controller for this website.</p>"),
        ("heading", {"text": "What we collect", "level": "h2"}),
        (
            "rich_text",
            "<p>You can read every page without giving us any personal information. We do not "
            "store what you type into the site search.</p><p>Each form on the site says what it "
            "asks for, why, and how long we keep it, and links back to this notice.</p>",
        ),
        ("heading", {"text": "Your rights", "level": "h2"}),
        (
            "rich_text",
            "<p>You can ask to see, correct or delete the information we hold about you. If you are "
            "unhappy with how we use your information you can complain to the Information "
            "Commissioner's Office.</p>",
        ),
    ],
}

COOKIES = {
    "title": "Cookies",
    "slug": "cookies",
    "introduction": "This website only uses cookies it needs to work.",
    "body": [
        (
            "table",
            {
                "table_caption": "Cookies this site sets",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Name", "Purpose", "Expires"],
                    ["csrftoken", "Protects forms you fill in from misuse", "1 year"],
                    ["sessionid", "Keeps council staff signed in", "When staff sign out"],
                ],
            },
        ),
        (
            "rich_text",
            "<p>We do not use analytics or advertising cookies, so we do not ask for your consent.</p>",
        ),
    ],
}

STANDARD_PAGES = [ABOUT, CONTACT, ACCESSIBILITY, PRIVACY, COOKIES]

FOOTER_SECTIONS = [
    ("Take part", ["consultations", "volunteering", "directory"]),
    ("About", ["about", "contact"]),
]
FOOTER_META = ["accessibility-statement", "privacy", "cookies", "contact"]
MAIN_MENU = ["consultations", "volunteering", "directory", "about"]

# Translations: source text -> translated text, per language. Pages and snippets not listed
# stay in English only, and the language switcher sends readers to that language's home page.
TRANSLATIONS = {
    "pl": {
        "Home": "Strona główna",
        "Have your say in Plymouth": "Wyraź swoje zdanie w Plymouth",
        HOME["introduction"]: (
            "Znajdź konsultacje i powiedz nam, co myślisz, zobacz, co zmieniło się dzięki "
            "mieszkańcom, zostań wolontariuszem i znajdź wsparcie w pobliżu."
        ),
        "Find support near you": "Znajdź wsparcie w pobliżu",
        HOME["support_text"]: (
            "Centra dobrostanu (Wellbeing Hubs) w całym mieście oferują porady, wsparcie "
            "koleżeńskie i pomoc dla opiekunów. Spółdzielnie spożywcze i sklepy socjalne "
            "pomagają gospodarstwom domowym oszczędzać co tydzień."
        ),
        "Consultations": "Konsultacje",
        INDEX_PAGES["consultations"]["introduction"]: (
            "Znajdź otwarte konsultacje, zobacz, co się planuje, i przeczytaj, co powiedzieli "
            "mieszkańcy i co z tym zrobiliśmy."
        ),
        "Volunteering": "Wolontariat",
        INDEX_PAGES["volunteering"]["introduction"]: (
            "Poświęć swój czas swojej okolicy: oferty od rady miasta i organizacji partnerskich "
            "w całym Plymouth."
        ),
        INDEX_PAGES["directory"]["introduction"]: (
            "Centra dobrostanu, spółdzielnie spożywcze, sklepy socjalne i miejsca lokalnej "
            "społeczności w Plymouth. Każde z nich pomoże ci znaleźć to, czego potrzebujesz."
        ),
        "Take part": "Weź udział",
        "Community Engagement": "Zaangażowanie społeczności",
        "Community Building": "Budowanie społeczności",
        "Household Resilience": "Odporność gospodarstw domowych",
        "Community Health and Wellbeing": "Zdrowie i dobrostan społeczności",
        "Volunteering for Change": "Wolontariat na rzecz zmian",
        "About": "O stronie",
        "Main menu": "Menu główne",
        "Footer": "Stopka",
    },
    "ar": {
        "Home": "الصفحة الرئيسية",
        "Have your say in Plymouth": "شارك برأيك في بليموث",
        HOME["introduction"]: (
            "ابحث عن استشارة وأخبرنا برأيك، واطّلع على ما تغيّر بفضل آراء السكان، وتطوّع، "
            "وابحث عن الدعم بالقرب منك."
        ),
        "Find support near you": "ابحث عن الدعم بالقرب منك",
        HOME["support_text"]: (
            "تقدّم مراكز الرفاه في أنحاء المدينة المشورة والمساندة ودعم مقدّمي الرعاية. "
            "وتساعد التعاونيات الغذائية والمتاجر الاجتماعية الأسر على التوفير كل أسبوع."
        ),
        "Consultations": "الاستشارات",
        INDEX_PAGES["consultations"]["introduction"]: (
            "ابحث عن الاستشارات المفتوحة، واطّلع على ما هو قادم، واقرأ ما قاله السكان وما "
            "فعلناه بشأنه."
        ),
        "Volunteering": "التطوّع",
        INDEX_PAGES["volunteering"]["introduction"]: (
            "تبرّع بوقتك لحيّك: فرص من المجلس والمنظمات الشريكة في أنحاء بليموث."
        ),
        INDEX_PAGES["directory"]["introduction"]: (
            "مراكز الرفاه والتعاونيات الغذائية والمتاجر الاجتماعية والأماكن المجتمعية في "
            "بليموث. أيّ منها يمكنه مساعدتك في العثور على ما تحتاجه."
        ),
        "Take part": "شارك",
        "Community Engagement": "إشراك المجتمع",
        "Community Building": "بناء المجتمع",
        "Household Resilience": "صمود الأسر",
        "Community Health and Wellbeing": "صحة المجتمع ورفاهه",
        "Volunteering for Change": "التطوّع من أجل التغيير",
        "About": "عن الموقع",
        "Main menu": "القائمة الرئيسية",
        "Footer": "تذييل الصفحة",
    },
}

# Consultations live in their own module: there are many, and they are long.
from .content_consultations import CONSULTATIONS  # noqa: E402, F401

# So does volunteering: organisations, opportunities and example sign-ups.
from .content_volunteering import (  # noqa: E402, F401
    OPPORTUNITIES,
    SIGNUP_NOTES,
    VOLUNTEER_SIGNUPS,
    VOLUNTEERING_EXAMPLE_NOTE,
    VOLUNTEERING_ORGANISATIONS,
)
