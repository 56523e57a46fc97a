"""Example consultations, drawn from the seeds; dates are days from the day the demo loads."""

# Consultations. Dates are counted in days from the day the demo is loaded ("days"), so that
# every status has an example whenever it is loaded: results published, closed and awaiting
# results, open (one closing within a week), and forthcoming. Key dates name a date in "days"
# ("opens", "closes", "decision", "results") or give their own count of days.
CONSULTATION_EXAMPLE_WARNING = (
    "warning_text",
    {
        "text": "Example content: this consultation shows how the site works. Its dates, "
        "figures, events and contact details are made up."
    },
)

CONSULTATION_WAYS_TO_RESPOND = [
    (
        "by_post",
        {
            "address": "Freepost EXAMPLE\nConsultations (example)\nPlymouth",
            "note": "No stamp needed. Ask at any Wellbeing Hub or library for a paper copy.",
        },
    ),
    (
        "by_phone",
        {
            "number": "01632 960100",
            "times": "Monday to Friday, 9am to 5pm. We can fill in the form with you.",
        },
    ),
    ("by_email", {"email": "consultations@example.org"}),
    (
        "in_person",
        {
            "place": "Any Wellbeing Hub: staff and volunteers can help you respond",
            "times": "During the hub's opening hours",
        },
    ),
]

CONSULTATION_CONTACT = {
    "address": "Freepost EXAMPLE\nPlymouth",
    "opening_times": "Monday to Friday, 9am to 5pm",
}

CONSULTATIONS = [
    {
        "slug": "big-community-conversation-local-government-reorganisation",
        "title": "The Big Community Conversation: Local Government Reorganisation",
        "introduction": (
            "Local Government Reorganisation will change how councils in Devon are organised. "
            "Before the council sent its proposal to government, we asked residents what matters "
            "most to them about their local services and how decisions are made."
        ),
        "days": {"opens": -150, "closes": -110, "decision": -80, "results": -75},
        "why_we_are_asking": (
            "<p>Local Government Reorganisation is the biggest change to how councils in Devon "
            "are run for a generation. The council's proposal should reflect what residents "
            "value about where they live, not only what the council thinks.</p>"
            "<p>Alongside the survey, Community Builders and voluntary and community groups held "
            "conversations face to face in neighbourhoods, at Wellbeing Hubs and with communities "
            "of identity and interest, so that people who rarely answer surveys were heard too.</p>"
        ),
        "what_is_being_decided": (
            "<p>What the council's proposal to government says about:</p>"
            "<ul><li>which services residents most want kept local</li>"
            "<li>how residents and community groups take part in decisions about their "
            "neighbourhood</li>"
            "<li>how the council keeps in touch with communities while the changes happen</li></ul>"
        ),
        "what_cannot_change": (
            "<p>The government makes the final decision on the shape of local government in "
            "Devon. The council can only make a proposal, and the deadline for sending it is set "
            "nationally.</p>"
        ),
        "decision_maker": "Full Council",
        "topics": ["community-engagement"],
        "areas": [],
        "is_citywide": True,
        "key_dates": [
            ("opens", "Conversation opens", ""),
            ("closes", "Conversation closes", ""),
            ("decision", "Full Council agrees the proposal", "The proposal is sent to government."),
            ("results", "What you told us published", ""),
        ],
        "events": [],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
        ],
        "you_said": (
            "<ul><li>Most people want decisions about their neighbourhood made close to home, "
            "with residents involved from the start.</li>"
            "<li>People value services they can reach in person, such as Wellbeing Hubs and "
            "libraries.</li>"
            "<li>Many said the council should explain more clearly how their views are used.</li></ul>"
        ),
        "we_did": (
            "<ul><li>The proposal commits the council to neighbourhood conversations before big "
            "decisions.</li>"
            "<li>It names Wellbeing Hubs and libraries as places to keep services local.</li>"
            "<li>The council now reports back on every consultation on this website.</li></ul>"
        ),
        "actions": [
            ("Hold a neighbourhood conversation before each big decision", "in_progress", -10),
            ("Publish 'you said, we did' for every consultation on this website", "done", -2),
            ("Keep Wellbeing Hubs and libraries as local service points", "planned", -2),
        ],
        "questions": [
            ("agree_scale", "Decisions about my neighbourhood should be made close to home", ""),
            ("yes_no", "Have you used a Wellbeing Hub or library in the last year?", ""),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "Community Engagement team (example)",
            "phone": "01632 960101",
            "email": "engagement@example.org",
        },
    },
    {
        "slug": "plan-for-nature",
        "title": "Plan for Nature",
        "introduction": (
            "A plan to look after Plymouth's parks, green spaces, rivers and sea, and to help more "
            "people enjoy nature close to home, especially in neighbourhoods with little green "
            "space."
        ),
        "days": {"opens": -200, "closes": -144, "decision": -60, "results": -50},
        "why_we_are_asking": (
            "<p>Nature is good for our health and wellbeing, but not everyone can reach it "
            "easily: many households in our most deprived neighbourhoods have little outdoor "
            "space of their own. We wanted to know which green and blue spaces people use, what "
            "stops them using others, and what they would like to help look after.</p>"
            "<p>We also asked community groups and volunteers what support they need to care for "
            "the places they love.</p>"
        ),
        "what_is_being_decided": (
            "<p>The priorities in the Plan for Nature, including:</p>"
            "<ul><li>which green spaces are improved first</li>"
            "<li>how residents and groups can help care for them, for example as volunteers with "
            "the National Marine Park or Green Communities</li>"
            "<li>how food growing and nature activities are offered through Wellbeing Hubs</li></ul>"
        ),
        "what_cannot_change": (
            "<p>Some land is protected by law or owned by others. Large projects depend on "
            "funding the council has to bid for, so the plan sets priorities rather than promising "
            "a date for every project.</p>"
        ),
        "decision_maker": "Cabinet",
        "topics": [
            "community-health-and-wellbeing",
            "community-building",
            "volunteering-for-change",
        ],
        "areas": [],
        "is_citywide": True,
        "key_dates": [
            ("opens", "Consultation opens", ""),
            ("closes", "Consultation closes", ""),
            ("decision", "Cabinet adopts the Plan for Nature", ""),
            ("results", "What you told us published", ""),
        ],
        "events": [],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
        ],
        "you_said": (
            "<ul><li>Parks near home matter most: people asked for better paths, seating and "
            "toilets.</li>"
            "<li>People in Barne Barton, Devonport and Efford said there are few safe green spaces "
            "within a short walk.</li>"
            "<li>Many people want to volunteer outdoors but do not know how to start.</li></ul>"
        ),
        "we_did": (
            "<ul><li>The plan improves green spaces in the neighbourhoods with least access "
            "first.</li>"
            "<li>Outdoor volunteering is now listed on this site's volunteering pages.</li>"
            "<li>Wellbeing Hubs offer food growing and nature walks through social "
            "prescribing.</li></ul>"
        ),
        "actions": [
            ("Improve paths and seating in parks with least access first", "in_progress", -5),
            ("List outdoor volunteering on the volunteering board", "done", -1),
            ("Add nature walks to social prescribing at Wellbeing Hubs", "planned", -1),
        ],
        "questions": [
            ("single_choice", "Which should come first?", "Paths\nSeating\nToilets\nTrees"),
            ("agree_scale", "There is a safe green space within a short walk of my home", ""),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "Natural Infrastructure team (example)",
            "phone": "01632 960102",
            "email": "nature@example.org",
        },
    },
    {
        "slug": "pride-in-place-neighbourhood-plan",
        "title": "Pride in Place: a ten-year plan for your neighbourhood",
        "introduction": (
            "Long-term investment is coming to neighbourhoods in Plymouth. Tell us what would make "
            "you prouder of where you live, and what should be improved first."
        ),
        "days": {"opens": -37, "closes": 5, "decision": 75},
        "why_we_are_asking": (
            "<p>Pride in Place is investment in neighbourhoods over ten years, spent on what local "
            "people say matters most. A Neighbourhood Board of residents, community groups and "
            "local businesses is writing the plan, and wants to hear from as many people as "
            "possible before it decides.</p>"
            "<p>Community Builders have already talked with residents in Devonport and "
            "Stonehouse about what they value. This consultation checks what they heard with "
            "everyone.</p>"
        ),
        "what_is_being_decided": (
            "<p>The priorities in the neighbourhood plan, for example:</p>"
            "<ul><li>safer, cleaner streets and public spaces</li>"
            "<li>places for young people and for community activities</li>"
            "<li>support for local shops, social enterprises and jobs</li></ul>"
            "<p>The Neighbourhood Board recommends a plan and the council's Cabinet agrees it.</p>"
        ),
        "what_cannot_change": (
            "<p>The money can only be spent in the neighbourhoods chosen for the programme, and on "
            "the kinds of project the government's rules allow. The total amount is fixed.</p>"
        ),
        "decision_maker": "Cabinet, on the recommendation of the Neighbourhood Board",
        "topics": ["community-building", "community-engagement"],
        "areas": ["devonport", "stonehouse"],
        "is_citywide": False,
        "key_dates": [
            ("opens", "Consultation opens", ""),
            ("closes", "Consultation closes", "Respond by 11:59pm."),
            (40, "The Neighbourhood Board agrees its recommendation", ""),
            ("decision", "Cabinet decides", ""),
        ],
        "events": [
            {
                "title": "Drop-in at Devonport Wellbeing Hub",
                "kind": "drop-in",
                "day": 2,
                "starts": "15:00",
                "ends": "18:00",
                "venue": "Devonport Wellbeing Hub (example)",
                "address": "Devonport, Plymouth",
                "accessibility": (
                    "Step-free entrance and an accessible toilet. Hearing loop at reception. "
                    "Come at any time; you do not need to book."
                ),
                "booking_url": "",
            },
            {
                "title": "Online: ask the Neighbourhood Board",
                "kind": "online",
                "day": 3,
                "starts": "18:30",
                "ends": "19:30",
                "venue": "Online: we email you the link when you book",
                "address": "",
                "accessibility": (
                    "Live captions are on. You can also join by phone: call 01632 960103 for the "
                    "dial-in details."
                ),
                "booking_url": "https://example.org/book/pride-in-place",
            },
        ],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
            (
                "rich_text",
                "<p>The survey takes about 10 minutes. You can answer as many or as few questions "
                "as you like.</p>",
            ),
        ],
        "comments_enabled": True,
        "questions": [
            (
                "multiple_choice",
                "What would make the biggest difference to your neighbourhood?",
                "Cleaner streets\nSafer places to meet\nMore for young people\nBetter shops\nGreen spaces",
            ),
            (
                "ranking",
                "Put these in order of importance to you",
                "Parks and play areas\nCommunity centres\nHigh street\nStreet lighting",
            ),
            (
                "yes_no",
                "Would you like to help run a project in your neighbourhood?",
                "yes|What would you like to help with?",
            ),
            ("long_text", "Anything else you would like to tell us?", ""),
            ("postcode", "Your postcode", "new_page"),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "Pride in Place team (example)",
            "phone": "01632 960103",
            "email": "prideinplace@example.org",
        },
    },
    {
        "slug": "city-centre-living",
        "title": "City Centre Living",
        "introduction": (
            "More people are coming to live in the city centre. Tell us what it needs to be a good "
            "place to live, from green spaces and play areas to doctors and places to meet."
        ),
        "days": {"opens": -9, "closes": 40, "decision": 100},
        "why_we_are_asking": (
            "<p>Many new homes are planned in and around the city centre over the next ten years. "
            "For the city centre to be a neighbourhood, and not only a place to shop and work, it "
            "needs what every neighbourhood needs.</p>"
            "<p>We want to hear from people who live in the city centre now, people who might "
            "move there, and people who work, study or run a business there.</p>"
        ),
        "what_is_being_decided": (
            "<p>The priorities in a City Centre Living plan, which will guide:</p>"
            "<ul><li>where new green spaces, play areas and places to sit are created</li>"
            "<li>which community services, such as a health centre or a Wellbeing Hub, are "
            "planned for</li>"
            "<li>how streets are made safer and easier to walk and cycle</li></ul>"
        ),
        "what_cannot_change": (
            "<p>Sites that already have planning permission will be built as agreed. The plan "
            "must follow national planning rules and the adopted local plan.</p>"
        ),
        "decision_maker": "Cabinet",
        "topics": ["community-engagement", "community-building"],
        "areas": ["st-peter-and-the-waterfront", "drake", "stonehouse"],
        "is_citywide": False,
        "key_dates": [
            ("opens", "Consultation opens", ""),
            (12, "Walk and talk workshop", "See Events below."),
            ("closes", "Consultation closes", "Respond by 11:59pm."),
            ("decision", "Cabinet considers the plan", ""),
        ],
        "events": [
            {
                "title": "Walk and talk: what makes a good street to live on?",
                "kind": "workshop",
                "day": 12,
                "starts": "10:30",
                "ends": "12:30",
                "venue": "City Centre Wellbeing Hub (example)",
                "address": "City centre, Plymouth",
                "accessibility": (
                    "The walk is about 1km on level, step-free pavements, with stops to sit "
                    "down. You can join the discussion at the hub without doing the walk. Tell "
                    "us when you book if you need a BSL interpreter."
                ),
                "booking_url": "https://example.org/book/city-centre-living",
            },
            {
                "title": "Public meeting: City Centre Living",
                "kind": "meeting",
                "day": 20,
                "starts": "18:00",
                "ends": "19:30",
                "venue": "Central Library (example)",
                "address": "City centre, Plymouth",
                "accessibility": "Step-free access, a hearing loop and accessible toilets.",
                "booking_url": "",
            },
        ],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
            (
                "rich_text",
                "<p>Tell us about the city centre as it is now and as you would like it to be. "
                "You can answer as a resident, a worker, a student or a business.</p>",
            ),
        ],
        "comments_enabled": True,
        "questions": [
            ("agree_scale", "More people living in the city centre would be good for Plymouth", ""),
            (
                "single_choice",
                "How often do you visit the city centre?",
                "Every day\nEvery week\nEvery month\nLess often",
            ),
            ("long_text", "What would make the city centre a good place to live?", ""),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "City Centre Living team (example)",
            "phone": "01632 960104",
            "email": "citycentreliving@example.org",
        },
    },
    {
        "slug": "wellbeing-hub-opening-hours",
        "title": "Wellbeing Hub opening hours",
        "introduction": (
            "Wellbeing Hubs offer advice, befriending, social prescribing and carers' support. "
            "Tell us when you would use them, so that opening hours fit people's lives, including "
            "evenings and weekends."
        ),
        "days": {"opens": 12, "closes": 54, "decision": 110},
        "why_we_are_asking": (
            "<p>Each Wellbeing Hub has a Wellbeing Advisor for at least 37 hours a week, but most "
            "of those hours are in the working day. People who work, care for someone or study "
            "have told Community Builders they find it hard to get there.</p>"
            "<p>Before the hubs and the council agree next year's hours, we want to know when "
            "people would come, and what they would come for.</p>"
        ),
        "what_is_being_decided": (
            "<ul><li>whether some hubs open one evening a week or on Saturday mornings</li>"
            "<li>which services are offered at those times, for example the Wellbeing Advisor, "
            "carers' support or peer support groups</li>"
            "<li>how hubs share evening and weekend opening, so that every part of Plymouth has "
            "a hub open nearby</li></ul>"
        ),
        "what_cannot_change": (
            "<p>Every hub will still have a Wellbeing Advisor for at least 37 hours a week. Each "
            "hub is run by a community organisation in its own building, so not every hub can "
            "open at every time people suggest.</p>"
        ),
        "decision_maker": "Cabinet Member for Health and Adult Social Care",
        "topics": ["community-health-and-wellbeing"],
        "areas": ["devonport", "st-budeaux", "southway", "estover", "efford"],
        "is_citywide": False,
        "key_dates": [
            ("opens", "Consultation opens", ""),
            ("closes", "Consultation closes", "Respond by 11:59pm."),
            (80, "Hub partners discuss what you told us", ""),
            ("decision", "Decision on new opening hours", ""),
        ],
        "events": [
            {
                "title": "Evening drop-in at Estover Hub",
                "kind": "drop-in",
                "day": 16,
                "starts": "16:00",
                "ends": "19:00",
                "venue": "Estover Hub (example)",
                "address": "Estover, Plymouth",
                "accessibility": (
                    "Ground-floor room with step-free access and an accessible toilet. Free "
                    "parking. Children are welcome."
                ),
                "booking_url": "",
            },
            {
                "title": "Morning drop-in at Southway Family and Wellbeing Hub",
                "kind": "drop-in",
                "day": 20,
                "starts": "10:00",
                "ends": "12:00",
                "venue": "Southway Family and Wellbeing Hub (example)",
                "address": "Southway, Plymouth",
                "accessibility": (
                    "Step-free access, a hearing loop and a quiet room if you need a break. "
                    "Tell us in advance if you would like an interpreter."
                ),
                "booking_url": "",
            },
        ],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
            (
                "rich_text",
                "<p>The hubs taking part include Devonport Wellbeing Hub, St Budeaux Hub, "
                "Southway Family and Wellbeing Hub, Estover Hub and the Wellbeing Service at "
                "Efford Library.</p>",
            ),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "Wellbeing Hub Network team (example)",
            "phone": "01632 960105",
            "email": "wellbeinghubs@example.org",
        },
    },
    {
        "slug": "food-co-op-members-survey",
        "title": "Food co-ops and social supermarkets: members' survey",
        "introduction": (
            "Food co-ops and social supermarkets help members save £10 or more a week on good "
            "food. We asked members and volunteers what works, what could be better, and where "
            "new co-ops are needed."
        ),
        "days": {"opens": -52, "closes": -10, "decision": 35},
        "why_we_are_asking": (
            "<p>Around 10 food co-ops and 2 social supermarkets run in Plymouth, and their members "
            "are all volunteers. Before the council decides how to support them for the next "
            "three years, we asked the people who run and use them what they need.</p>"
            "<p>We also asked people who are not members what would help them join.</p>"
        ),
        "what_is_being_decided": (
            "<ul><li>how the council's support for food co-ops is spent, for example on help to "
            "start up, training or deliveries</li>"
            "<li>which neighbourhoods are offered help to start a new co-op</li>"
            "<li>how co-ops link with Wellbeing Hubs and advice services, so members can get "
            "help with money too</li></ul>"
        ),
        "what_cannot_change": (
            "<p>Food co-ops are run by their members, who decide what they buy and sell. The "
            "council cannot run a co-op or set its prices.</p>"
        ),
        "decision_maker": "Cabinet Member for Housing, Cooperative Development and Communities",
        "topics": ["household-resilience", "volunteering-for-change"],
        "areas": ["barne-barton", "honicknowle", "efford", "east-end"],
        "is_citywide": False,
        "key_dates": [
            ("opens", "Survey opens", ""),
            ("closes", "Survey closes", ""),
            (20, "What you told us published", "We will share it with every co-op too."),
            ("decision", "Decision on support for food co-ops", ""),
        ],
        "events": [],
        "body": [
            CONSULTATION_EXAMPLE_WARNING,
            (
                "rich_text",
                "<p>Thank you to everyone who answered. We are reading every response and will "
                "publish what you told us on this page.</p>",
            ),
        ],
        "other_ways_to_respond": CONSULTATION_WAYS_TO_RESPOND,
        "contact": {
            **CONSULTATION_CONTACT,
            "name": "Food Security team (example)",
            "phone": "01632 960106",
            "email": "foodcoops@example.org",
        },
    },
]
