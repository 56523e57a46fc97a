"""Example directory: the Wellbeing Hubs and their operators from the seeds, food co-ops and
social supermarkets, and a community asset map for the Community Builder neighbourhoods.

The hubs and who runs them are real (the 2025 board report); their addresses, phone numbers
(Ofcom drama numbers), emails (example.org), hours and activities are made up. The food places
and assets are invented. Every place has a real Plymouth postcode in the right ward, so the map,
"near me" and the ward filter work, and an address that says it is an example.
"""

HUB_EXAMPLE_NOTE = (
    "<p><em>Example content: the hub and who runs it are real, but this page's address, phone "
    "number, email, opening times and activities are made up to show how the directory "
    "works.</em></p>"
)
FOOD_EXAMPLE_NOTE = (
    "<p><em>Example content: this food place is made up to show how the directory works. Its "
    "postcode is a real one nearby so distances work; everything else is invented.</em></p>"
)
ASSET_EXAMPLE_NOTE = (
    "<p><em>Example content: this asset is made up to show how the community asset map "
    "works.</em></p>"
)

# What each core service means at a typical hub; a hub's "service_notes" replace these.
CORE_SERVICE_DESCRIPTIONS = {
    "advice": "Drop in or book with the Wellbeing Advisor for advice on money, benefits, housing "
    "and debt. We can also help you use the citywide advice services online.",
    "social-prescribing": "Your GP practice can refer you to a link worker, or you can refer "
    "yourself. Together you plan what would help: groups, activities or practical support.",
    "befriending": "A volunteer befriender visits or phones each week if you feel lonely or "
    "cut off.",
    "health-improvement": "Healthy lifestyle advice with One You Plymouth: stopping smoking, "
    "moving more and eating well.",
    "mental-physical-health": "Support with low mood, anxiety and physical health, and help to "
    "reach specialist services such as the Recovery College and the Sensory Support Service.",
    "long-term-conditions": "Courses and outreach clinics for living well with diabetes, COPD, "
    "arthritis and other long-term conditions.",
    "peer-support": "Groups run by and for people with shared experience. Ask at reception for "
    "this month's groups.",
    "livewell": "Direct links to Livewell Southwest for primary care and adult social care "
    "support.",
    "carers": "A Caring for Carers drop-in once a month, and a carers' peer support group.",
}
CORE_SERVICES = tuple(CORE_SERVICE_DESCRIPTIONS)
# Newer services are still working towards the full core offer.
NEWER_SERVICES = ("advice", "social-prescribing", "befriending", "peer-support", "livewell")

# Weekly hours: (weekday 0 = Monday, opens, closes). Every hub's Wellbeing Advisor service is
# open at least 37 hours a week (the board report's minimum).
WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]  # 40 hours
LATE_THURSDAY = [(day, "09:00", "19:30" if day == 3 else "17:00") for day in range(5)]
SATURDAY_MORNING = [*WEEKDAYS_9_TO_5, (5, "10:00", "13:00")]
LATE_TUESDAY_AND_SATURDAY = [
    *[(day, "09:00", "19:00" if day == 1 else "17:00") for day in range(5)],
    (5, "09:30", "12:30"),
]
# Closed for lunch: 4 + 3.75 hours a day, 38.75 a week.
LUNCH_CLOSED = [
    period for day in range(5) for period in ((day, "08:30", "12:30"), (day, "13:15", "17:00"))
]

HUBS = [
    {
        "slug": "mannamead-wellbeing-hub",
        "title": "Mannamead Wellbeing Hub",
        "operator": "Improving Lives Plymouth",
        "introduction": "Advice, peer support and courses for living well with a long-term "
        "health condition, in Mannamead.",
        "about": "<p>Known for the four-week My Health, My Way workshop for people living with "
        "long-term health conditions, with follow-on groups run by volunteers who live with "
        "conditions themselves.</p>",
        "address": "Example address, Mannamead",
        "postcode": "PL3 5BA",
        "phone": "01632 960301",
        "email": "mannamead-hub@example.org",
        "service_notes": {
            "long-term-conditions": "My Health, My Way: a free four-week workshop for people "
            "with long-term conditions, then monthly follow-on groups.",
            "mental-physical-health": "The Sensory Support Service for people with sight or "
            "hearing loss, and the Community Mental Health Framework team.",
        },
        "specialisms": "Long-term condition self-management\nSight and hearing loss",
        "activities": "My Health, My Way workshop (four weeks)\nSensory support drop-in\n"
        "Chair-based exercise\nCraft and chat",
        "languages": "English, British Sign Language",
        "access": ("step_free", "hearing_loop", "accessible_toilet", "public_transport"),
        "access_detail": "Ground-floor rooms; the hearing loop is in the main hall.",
        "hours": LATE_THURSDAY,
        "training_in_days": 16,
    },
    {
        "slug": "city-centre-wellbeing-hub",
        "title": "City Centre Wellbeing Hub",
        "operator": "Improving Lives Plymouth",
        "introduction": "Drop-in advice and wellbeing support in the heart of the city, for "
        "anyone who lives, works or studies in Plymouth.",
        "about": "<p>A calm place in the city centre to talk to a Wellbeing Advisor without an "
        "appointment. We work closely with the Community Mental Health Framework team.</p>",
        "address": "Example address, City Centre",
        "postcode": "PL1 1DA",
        "phone": "01632 960302",
        "email": "city-centre-hub@example.org",
        "service_notes": {
            "advice": "Drop in without an appointment for advice on money, benefits and "
            "housing. Interpreters can be booked.",
        },
        "specialisms": "Community mental health\nSensory support",
        "activities": "Wellbeing café\nMindfulness for beginners\nWalking group (Fridays)\n"
        "Digital help drop-in",
        "languages": "English, Polish, Arabic",
        "access": ("step_free", "hearing_loop", "accessible_toilet", "public_transport"),
        "access_detail": "Lift to the first floor. No parking; several bus routes stop close by.",
        "hours": SATURDAY_MORNING,
        "training_in_days": 17,
    },
    {
        "slug": "whitleigh-family-and-wellbeing-hub",
        "title": "Whitleigh Family and Wellbeing Hub",
        "operator": "Four Greens Community Trust",
        "family_hub": True,
        "introduction": "Wellbeing and family support for Whitleigh and the PL5 neighbourhoods, "
        "with a community café and a Family Hub in the same building.",
        "about": "<p>A Wellbeing Hub and Family Hub together: parents, children and older "
        "residents use the same building. The hub leads a neighbourhood health pilot with local "
        "health and social care partners in PL5.</p>",
        "address": "Example address, Whitleigh",
        "postcode": "PL5 4AB",
        "phone": "01632 960303",
        "email": "whitleigh-hub@example.org",
        "service_notes": {
            "carers": "Young carers' group on Wednesdays after school, and a monthly drop-in "
            "for adult carers.",
        },
        "specialisms": "Family and parenting support\nYoung carers\nNeighbourhood health pilot",
        "activities": "Community café\nStay and play (under-5s)\nParenting course\n"
        "Men's breakfast club\nTeen drop-in",
        "languages": "English",
        "access": ("step_free", "accessible_toilet", "parking", "public_transport"),
        "access_detail": "Free car park with two blue-badge spaces.",
        "hours": LATE_TUESDAY_AND_SATURDAY,
        "training_in_days": 18,
    },
    {
        "slug": "jan-cutting-healthy-living-centre",
        "title": "Jan Cutting Healthy Living Centre",
        "operator": "Wolseley Trust",
        "introduction": "Health and wellbeing support, social prescribing and women's health "
        "sessions, for Ham, North Prospect and nearby.",
        "about": "<p>The Wolseley Trust also runs social prescribing across Plymouth's GP "
        "practices, so the centre is often the first stop for people referred by their GP. "
        "Its women's health sessions book up within days.</p>",
        "address": "Example address, Ham",
        "postcode": "PL2 2EA",
        "phone": "01632 960304",
        "email": "jan-cutting-centre@example.org",
        "service_notes": {
            "social-prescribing": "Link workers for every GP practice in the city: ask your "
            "practice to refer you, or call us.",
            "health-improvement": "Women's health sessions, including the menopause, with "
            "guest speakers on nutrition and exercise.",
        },
        "specialisms": "Social prescribing\nWomen's health",
        "activities": "Women's health evenings\nGentle yoga\nCooking on a budget\n"
        "Men's mental health group",
        "languages": "English, Kurdish, Farsi",
        "access": ("step_free", "accessible_toilet", "parking"),
        "access_detail": "Step-free entrance at the side of the building.",
        "hours": LATE_THURSDAY,
        "training_in_days": 19,
    },
    {
        "slug": "st-budeaux-hub",
        "title": "St Budeaux Hub",
        "operator": "Colebrook",
        "introduction": "Advice, befriending and support with mental health and housing, for "
        "St Budeaux and Barne Barton.",
        "about": "<p>Colebrook's hub offers practical help alongside wellbeing support, with "
        "strong links to local housing and mental health services.</p>",
        "address": "Example address, St Budeaux",
        "postcode": "PL5 1DA",
        "phone": "01632 960305",
        "email": "st-budeaux-hub@example.org",
        "services": [s for s in CORE_SERVICES if s != "long-term-conditions"],
        "specialisms": "Mental health recovery\nHousing support",
        "activities": "Coffee morning (Tuesdays)\nRecovery and wellbeing group\n"
        "Job club\nGardening group",
        "languages": "English",
        "access": ("step_free", "public_transport"),
        "access_detail": "The toilet upstairs is not step-free; ask and we will meet you "
        "downstairs.",
        "hours": WEEKDAYS_9_TO_5,
        "training_in_days": 20,
    },
    {
        "slug": "rees-family-and-wellbeing-hub",
        "title": "Rees Family and Wellbeing Hub",
        "operator": "Barnardo's",
        "family_hub": True,
        "neighbourhood": "Efford",
        "introduction": "A Family Hub and Wellbeing Hub together in Efford: support for "
        "parents, children and young people, and wellbeing help for all ages.",
        "about": "<p>Families can get help with parenting, children's health and money "
        "worries in one place, and adults can see a Wellbeing Advisor in the same visit.</p>",
        "address": "Example address, Efford",
        "postcode": "PL3 6BB",
        "phone": "01632 960306",
        "email": "rees-hub@example.org",
        "service_notes": {
            "peer-support": "Parent peer support group on Friday mornings, with a crèche.",
        },
        "specialisms": "Family support\nChildren and young people's wellbeing",
        "activities": "Baby and toddler group\nParenting course\nFamily cooking\n"
        "Dads' group (Saturdays)",
        "languages": "English, Romanian, Portuguese",
        "access": ("step_free", "hearing_loop", "accessible_toilet", "parking"),
        "access_detail": "Baby changing in every toilet. Space to leave pushchairs.",
        "hours": SATURDAY_MORNING,
        "training_in_days": 21,
    },
    {
        "slug": "mount-gould-hub",
        "title": "Mount Gould Hub",
        "operator": "Age UK Plymouth",
        "introduction": "Support for older people and their families: befriending, advice and "
        "activities to stay active and connected.",
        "about": "<p>The hub's telephone befriending service makes hundreds of calls every "
        "quarter to older people who feel lonely or isolated, most of them by volunteers.</p>",
        "address": "Example address, Mount Gould",
        "postcode": "PL4 7QD",
        "phone": "01632 960307",
        "email": "mount-gould-hub@example.org",
        "service_notes": {
            "befriending": "Telephone befriending: a volunteer calls you every week at a time "
            "that suits you. Home visits too.",
            "carers": "Support for people caring for a partner or parent, including people "
            "caring for someone with dementia.",
        },
        "specialisms": "Older people\nTelephone befriending\nDementia support",
        "activities": "Telephone befriending\nTea dance\nMemory café\nStrength and balance class",
        "languages": "English",
        "access": ("step_free", "hearing_loop", "accessible_toilet", "parking"),
        "access_detail": "Seating at reception; wheelchairs can be borrowed.",
        "hours": LUNCH_CLOSED,
        "training_in_days": 22,
    },
    {
        "slug": "estover-hub",
        "title": "Estover Hub",
        "operator": "ELM Community Group",
        "neighbourhood": "Estover",
        "introduction": "Advice, groups and wellbeing support for Estover, Leigham and Mainstone.",
        "about": "<p>The hub works closely with the local GP surgery, where its team spends "
        "time each month talking with residents and pointing them to local groups.</p>",
        "address": "Example address, Estover",
        "postcode": "PL6 7HA",
        "phone": "01632 960308",
        "email": "estover-hub@example.org",
        "specialisms": "Community connection\nDigital inclusion",
        "activities": "Community lunch (Wednesdays)\nDigital drop-in\nArt group\nWalking football",
        "languages": "English, Chinese (Mandarin)",
        "access": ("step_free", "accessible_toilet", "parking", "public_transport"),
        "access_detail": "",
        "hours": WEEKDAYS_9_TO_5,
        "training_in_days": 23,
    },
    {
        "slug": "devonport-wellbeing-hub",
        "title": "Devonport Wellbeing Hub",
        "operator": "Plymouth Argyle Community Trust",
        "neighbourhood": "Devonport",
        "introduction": "Wellbeing support through sport and physical activity, with advice "
        "and groups for Devonport and Morice Town.",
        "about": "<p>Run by the football club's charity, the hub uses sport and activity to "
        "help people feel better, meet others and get back into work.</p>",
        "address": "Example address, Devonport",
        "postcode": "PL1 4AB",
        "phone": "01632 960309",
        "email": "devonport-hub@example.org",
        "service_notes": {
            "health-improvement": "Free activity sessions for all abilities, from walking "
            "football to chair exercise, and healthy eating advice.",
        },
        "specialisms": "Physical activity\nMen's health\nEmployment support",
        "activities": "Walking football\nMen's health check-ins\nEmployability course\n"
        "Family fun sessions (school holidays)",
        "languages": "English",
        "access": ("step_free", "accessible_toilet", "public_transport"),
        "access_detail": "",
        "hours": LATE_TUESDAY_AND_SATURDAY,
        "training_in_days": 24,
    },
    {
        "slug": "southway-family-and-wellbeing-hub",
        "title": "Southway Family and Wellbeing Hub",
        "operator": "Southway Community Group CIC",
        "family_hub": True,
        "neighbourhood": "Southway",
        "introduction": "Family support and wellbeing for Southway, run by a community group "
        "from the neighbourhood.",
        "about": "<p>Run by local people for local people: families, older residents and young "
        "people all use the hub, and many of its volunteers live in Southway.</p>",
        "address": "Example address, Southway",
        "postcode": "PL6 6DA",
        "phone": "01632 960310",
        "email": "southway-hub@example.org",
        "specialisms": "Family support\nYoung people",
        "activities": "Youth club\nStay and play\nCommunity pantry\nSouthway showcase planning "
        "group",
        "languages": "English",
        "access": ("step_free", "parking"),
        "access_detail": "The accessible toilet is being refitted; ask staff for the nearest.",
        "hours": SATURDAY_MORNING,
        "training_in_days": 25,
    },
    {
        "slug": "foulston-park-wellbeing-service",
        "title": "Foulston Park Wellbeing Service",
        "operator": "Wellbeing Hub Network partners",
        "introduction": "A newer Wellbeing Service for Weston Mill and St Budeaux, working "
        "towards the full Wellbeing Hub offer.",
        "about": "<p>Opened in 2024 with support from the more experienced hubs in the "
        "network.</p>",
        "address": "Example address, Foulston Park",
        "postcode": "PL5 1EH",
        "phone": "01632 960311",
        "email": "foulston-park@example.org",
        "services": NEWER_SERVICES,
        "specialisms": "",
        "activities": "Wellbeing drop-in\nCoffee and chat",
        "languages": "English",
        "access": ("step_free", "parking"),
        "access_detail": "",
        "hours": WEEKDAYS_9_TO_5,
        "training_in_days": 26,
    },
    {
        "slug": "ymca-plymouth-wellbeing-service",
        "title": "YMCA Plymouth Wellbeing Service",
        "operator": "YMCA Plymouth",
        "neighbourhood": "Honicknowle",
        "introduction": "Wellbeing support for young people and families, with help from the "
        "Wellbeing Hub Network.",
        "about": "<p>A newer service: the YMCA's youth and community team work with a "
        "Wellbeing Advisor to support young people and their families.</p>",
        "address": "Example address, Honicknowle",
        "postcode": "PL5 3EA",
        "phone": "01632 960312",
        "email": "ymca-wellbeing@example.org",
        "services": (*NEWER_SERVICES, "mental-physical-health"),
        "specialisms": "Young people",
        "activities": "Youth wellbeing group\nGym induction sessions\nHomework club",
        "languages": "English, Tigrinya",
        "access": ("step_free", "accessible_toilet", "public_transport"),
        "access_detail": "",
        "hours": LATE_THURSDAY,
        "training_in_days": 27,
    },
    {
        "slug": "efford-library-wellbeing-service",
        "title": "Efford Library Wellbeing Service",
        "operator": "Wellbeing Hub Network partners",
        "neighbourhood": "Efford",
        "introduction": "See a Wellbeing Advisor at Efford Library: advice, befriending and "
        "help to find groups near you.",
        "about": "<p>A newer service in the library, so you can get advice and borrow a book "
        "in the same visit.</p>",
        "address": "Example address, Efford Library",
        "postcode": "PL3 6DA",
        "phone": "01632 960313",
        "email": "efford-library-wellbeing@example.org",
        "services": NEWER_SERVICES,
        "specialisms": "Digital inclusion",
        "activities": "Digital help drop-in\nKnit and natter\nReading group",
        "languages": "English",
        "access": ("step_free", "hearing_loop", "accessible_toilet", "public_transport"),
        "access_detail": "",
        "hours": WEEKDAYS_9_TO_5,
        "training_in_days": 28,
    },
]

# The food co-op a volunteering opportunity recruits for (content_volunteering.OPPORTUNITIES).
FOOD_VOLUNTEERING_SLUG = "food-co-op-delivery-driver"

CO_OP_HOW_IT_WORKS = (
    "<p>Members order together, so the co-op buys fruit, vegetables and store-cupboard food "
    "at wholesale prices. Every member is a volunteer: you give an hour or two a month to "
    "unload, pack or hand out the bags. Members save £10 or more a week.</p>"
)
CO_OP_COST = "£5 a week for a bag of food worth £15 or more"
SUPERMARKET_HOW_IT_WORKS = (
    "<p>A shop for members, with prices well below the supermarkets. Members volunteer on "
    "the tills or the shelves when they can, and most save £10 or more a week. There is "
    "advice on money and energy bills at the counter.</p>"
)

# Each food place's words; "kind" defaults to a food co-op, "cost" to CO_OP_COST. "hours" are
# the weekly collection (or opening) times: (weekday 0 = Monday, opens, closes).
FOOD_PLACES = [
    {
        "slug": "stonehouse-community-food-co-op",
        "title": "Stonehouse Community Food Co-op",
        "introduction": "A members' food co-op in Stonehouse, with deliveries for members who "
        "cannot get out.",
        "run_by": "its members, with a volunteer food coordinator",
        "neighbourhood": "Stonehouse",
        "address": "Example address, Stonehouse",
        "postcode": "PL1 3DE",
        # The same contact details as the co-op's entry in content_volunteering.
        "phone": "01632 960204",
        "email": "food-coop@example.org",
        "who_can_join": "Anyone who lives in Stonehouse, Devonport or the city centre.",
        "delivery": "Friday mornings to members in Stonehouse and Devonport who cannot get to "
        "the co-op.",
        "hours": [(3, "16:00", "18:30"), (4, "10:00", "12:00")],
        "access": ("step_free", "public_transport"),
        "volunteering": FOOD_VOLUNTEERING_SLUG,
    },
    {
        "slug": "barne-barton-food-co-op",
        "title": "Barne Barton Food Co-op",
        "introduction": "Fresh fruit, vegetables and cupboard staples for members, every "
        "Wednesday afternoon.",
        "run_by": "its members, with the Barne Barton Community Builder",
        "neighbourhood": "Barne Barton",
        "address": "Example address, Barne Barton",
        "postcode": "PL5 1EN",
        "phone": "01632 960321",
        "email": "barne-barton-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Barne Barton or St Budeaux.",
        "hours": [(2, "15:00", "17:30")],
        "access": ("step_free", "parking"),
    },
    {
        "slug": "devonport-food-club",
        "title": "Devonport Food Club",
        "introduction": "A food club for families, collecting at the school gate after school "
        "on Tuesdays.",
        "run_by": "a parents' volunteer committee",
        "neighbourhood": "Devonport",
        "address": "Example address, Devonport",
        "postcode": "PL1 4DA",
        "phone": "01632 960322",
        "email": "devonport-food-club@example.org",
        "who_can_join": "Families with children at a Devonport school or nursery.",
        "cost": "£4 a week for a bag of food worth £15 or more",
        "hours": [(1, "14:45", "16:30")],
        "access": ("step_free",),
    },
    {
        "slug": "honicknowle-green-food-co-op",
        "title": "Honicknowle Green Food Co-op",
        "introduction": "A food co-op that also shares the community garden's vegetables in "
        "summer.",
        "run_by": "its members",
        "neighbourhood": "Honicknowle",
        "address": "Example address, Honicknowle",
        "postcode": "PL5 3JA",
        "phone": "01632 960323",
        "email": "honicknowle-food-co-op@example.org",
        "who_can_join": "Anyone over 18 who lives in Honicknowle, Ernesettle or Whitleigh.",
        "delivery": "Thursday afternoons, for members who are housebound.",
        "hours": [(3, "10:00", "12:30")],
        "access": ("step_free", "accessible_toilet", "parking"),
    },
    {
        "slug": "east-end-food-co-op",
        "title": "East End Food Co-op",
        "introduction": "Weekly food bags for members, on Monday evenings and Saturday mornings.",
        "run_by": "its members",
        "neighbourhood": "East End",
        "address": "Example address, East End",
        "postcode": "PL4 0LA",
        "phone": "01632 960324",
        "email": "east-end-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Cattedown, Prince Rock or St Jude's.",
        "hours": [(0, "16:00", "18:00"), (5, "10:00", "11:30")],
        "access": ("public_transport",),
    },
    {
        "slug": "efford-food-co-op",
        "title": "Efford Food Co-op",
        "introduction": "A small food co-op meeting on Friday afternoons.",
        "run_by": "its members",
        "neighbourhood": "Efford",
        "address": "Example address, Efford",
        "postcode": "PL3 6AF",
        "phone": "01632 960325",
        "email": "efford-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Efford or Lipson.",
        "hours": [(4, "13:00", "15:00")],
        "access": ("step_free", "accessible_toilet"),
    },
    {
        "slug": "estover-food-co-op",
        "title": "Estover Food Co-op",
        "introduction": "A food co-op with evening collection and local deliveries.",
        "run_by": "its members",
        "neighbourhood": "Estover",
        "address": "Example address, Estover",
        "postcode": "PL6 7JA",
        "phone": "01632 960326",
        "email": "estover-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Estover, Leigham or Mainstone.",
        "delivery": "Wednesday evenings, within two miles of the co-op.",
        "hours": [(2, "17:00", "19:00")],
        "access": ("step_free", "parking", "public_transport"),
    },
    {
        "slug": "southway-food-co-op",
        "title": "Southway Food Co-op",
        "introduction": "Tuesday morning food bags for members, next to the community pantry.",
        "run_by": "its members",
        "neighbourhood": "Southway",
        "address": "Example address, Southway",
        "postcode": "PL6 6EA",
        "phone": "01632 960327",
        "email": "southway-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Southway or Tamerton Foliot.",
        "hours": [(1, "10:00", "12:00")],
        "access": ("step_free",),
    },
    {
        "slug": "whitleigh-food-co-op",
        "title": "Whitleigh Food Co-op",
        "introduction": "A food co-op for Whitleigh, collecting on Thursday afternoons.",
        "run_by": "its members",
        "address": "Example address, Whitleigh",
        "postcode": "PL5 4BA",
        "phone": "01632 960328",
        "email": "whitleigh-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Whitleigh or Crownhill.",
        "hours": [(3, "15:30", "17:30")],
        "access": ("step_free", "parking"),
    },
    {
        "slug": "north-prospect-food-co-op",
        "title": "North Prospect Food Co-op",
        "introduction": "A Saturday morning food co-op, with deliveries for members who "
        "cannot get out.",
        "run_by": "its members",
        "address": "Example address, North Prospect",
        "postcode": "PL2 2FA",
        "phone": "01632 960329",
        "email": "north-prospect-food-co-op@example.org",
        "who_can_join": "Anyone who lives in Ham, North Prospect or Weston Mill.",
        "delivery": "Saturday mornings to members who cannot get out.",
        "hours": [(5, "09:30", "11:30")],
        "access": ("public_transport",),
    },
    {
        "slug": "morice-town-community-pantry",
        "title": "Morice Town Community Pantry",
        "kind": "social-supermarket",
        "introduction": "A social supermarket for members, open five days a week.",
        "run_by": "a community interest company, with volunteer members",
        "neighbourhood": "Devonport",
        "address": "Example address, Morice Town",
        "postcode": "PL1 4BN",
        "phone": "01632 960330",
        "email": "morice-town-pantry@example.org",
        "who_can_join": "Anyone who lives in Plymouth and gets Universal Credit, Pension "
        "Credit or another means-tested benefit, or is referred by a Wellbeing Hub.",
        "cost": "£2 to join each year; prices about a third below the supermarkets",
        "hours": [(day, "10:00", "16:00") for day in range(1, 6)],
        "access": ("step_free", "accessible_toilet", "parking", "public_transport"),
    },
    {
        "slug": "east-end-social-supermarket",
        "title": "East End Social Supermarket",
        "kind": "social-supermarket",
        "introduction": "A social supermarket for households on a low income, with money "
        "advice at the counter.",
        "run_by": "a local charity, with volunteer members",
        "neighbourhood": "East End",
        "address": "Example address, East End",
        "postcode": "PL4 0HE",
        "phone": "01632 960331",
        "email": "east-end-social-supermarket@example.org",
        "who_can_join": "Households in Plymouth on a low income. Ask a Wellbeing Advisor or "
        "call us to check.",
        "cost": "Free to join; prices about a third below the supermarkets",
        "delivery": "Weekly deliveries for members who are housebound, booked by phone.",
        "hours": [(0, "12:00", "18:00"), (2, "10:00", "16:00"), (4, "10:00", "16:00")],
        "access": ("step_free", "accessible_toilet", "public_transport"),
    },
]

ASSET_MAP = {
    "slug": "community-assets",
    "title": "Community asset map",
    "introduction": "What each neighbourhood already has to build on: places, groups, green "
    "spaces, local businesses, heritage and people's skills.",
    "body": "<p>Community Builders work with residents using Asset Based Community "
    "Development: starting from what a neighbourhood already has, not what it lacks. This map "
    "collects those assets, neighbourhood by neighbourhood, so residents can find them and "
    "build on them together. Know something that should be here? Suggest it.</p>"
    "<p>People's skills and gifts are shown only by neighbourhood, never by address.</p>"
    "<p><em>Example content: the assets on this map are made up to show how it works.</em></p>",
}

# Assets by neighbourhood. Skills and gifts have no address or postcode: they are shown only
# by neighbourhood. Assets without a postcode sit at their neighbourhood's ward centre.
ASSETS = [
    {
        "title": "Barne Barton community hall",
        "category": "places-and-spaces",
        "neighbourhood": "Barne Barton",
        "postcode": "PL5 1DQ",
        "introduction": "A hall with a kitchen that local groups can use for free.",
        "description": "<p>Seats 60, with a kitchen, tables and a projector.</p>",
        "get_involved": "Email to book the hall for a community group or event.",
        "email": "barne-barton-hall@example.org",
    },
    {
        "title": "Tamar foreshore path",
        "category": "nature-and-green-space",
        "neighbourhood": "Barne Barton",
        "postcode": "PL5 1EW",
        "introduction": "A short path along the river, good for birdwatching at low tide.",
        "description": "<p>Wading birds feed on the mud at low tide. Residents meet for a "
        "litter pick on the first Sunday of the month.</p>",
        "get_involved": "Join the monthly litter pick: gloves and bags provided.",
    },
    {
        "title": "Fishing and knot-tying skills in Barne Barton",
        "category": "skills-and-gifts",
        "neighbourhood": "Barne Barton",
        "introduction": "A retired fisherman happy to teach young people to fish and tie knots.",
        "description": "<p>Years of experience at sea, and patience to share it.</p>",
        "get_involved": "Ask your Community Builder to put you in touch.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Devonport heritage trail",
        "category": "culture-and-heritage",
        "neighbourhood": "Devonport",
        "postcode": "PL1 4BT",
        "introduction": "A walking trail of the neighbourhood's naval and civic history.",
        "description": "<p>A self-guided walk of about an hour, with guided walks on heritage "
        "open days.</p>",
        "get_involved": "Volunteer as a walk guide, or share your family's Devonport story.",
    },
    {
        "title": "Devonport parents' coffee morning",
        "category": "groups-and-associations",
        "neighbourhood": "Devonport",
        "introduction": "Parents and carers meeting for a chat after the school run.",
        "description": "<p>Every Wednesday in term time. Children under 5 welcome.</p>",
        "get_involved": "Just come along; ask your Community Builder where it meets this term.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Devonport makers' market",
        "category": "local-economy",
        "neighbourhood": "Devonport",
        "postcode": "PL1 4DP",
        "introduction": "A monthly market for local makers, bakers and growers.",
        "description": "<p>Stalls are free for residents selling for the first time.</p>",
        "get_involved": "Book a stall, or help set up on market mornings.",
        "phone": "01632 960341",
    },
    {
        "title": "Honicknowle community garden",
        "category": "nature-and-green-space",
        "neighbourhood": "Honicknowle",
        "postcode": "PL5 3JN",
        "introduction": "Raised beds, a polytunnel and a picnic area, open to all.",
        "description": "<p>Started by local groups with their Community Builder. Produce goes "
        "to the volunteers and the local food co-op.</p>",
        "get_involved": "Gardening sessions on Saturday mornings; no experience needed.",
    },
    {
        "title": "Honicknowle men's shed",
        "category": "groups-and-associations",
        "neighbourhood": "Honicknowle",
        "postcode": "PL5 2LA",
        "introduction": "A workshop where men meet, make things and look out for each other.",
        "description": "<p>Woodwork, repairs and a brew. Part of the city's Men's Network.</p>",
        "get_involved": "Drop in on Tuesday or Thursday afternoons.",
        "email": "mens-shed@example.org",
    },
    {
        "title": "Cooking on a budget skills in Honicknowle",
        "category": "skills-and-gifts",
        "neighbourhood": "Honicknowle",
        "introduction": "A resident who loves showing others how to cook well for less.",
        "description": "<p>Happy to run a session for a group of neighbours.</p>",
        "get_involved": "Ask your Community Builder to arrange a session.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Stonehouse street art walk",
        "category": "culture-and-heritage",
        "neighbourhood": "Stonehouse",
        "postcode": "PL1 3BA",
        "introduction": "Murals painted by local artists and young people.",
        "description": "<p>A short loop of murals, with new ones added every summer.</p>",
        "get_involved": "Young people can join the summer mural project.",
    },
    {
        "title": "Stonehouse community room",
        "category": "places-and-spaces",
        "neighbourhood": "Stonehouse",
        "postcode": "PL1 3AZ",
        "introduction": "A small room for meetings, clubs and classes.",
        "description": "<p>Holds 20 people, with tea and coffee.</p>",
        "get_involved": "Free for community groups: email to book.",
        "email": "stonehouse-room@example.org",
    },
    {
        "title": "Stonehouse repair café",
        "category": "local-economy",
        "neighbourhood": "Stonehouse",
        "postcode": "PL1 3DA",
        "introduction": "Bring broken things and fix them with volunteer repairers.",
        "description": "<p>Clothes, toasters, bikes and lamps: it saves money and waste.</p>",
        "get_involved": "Last Saturday of the month. Repairers with any skill are welcome.",
    },
    {
        "title": "East End women's network",
        "category": "groups-and-associations",
        "neighbourhood": "East End",
        "postcode": "PL4 0LD",
        "introduction": "Women from many backgrounds meeting, sharing food and planning events.",
        "description": "<p>The group runs the neighbourhood's International Women's Day "
        "celebration.</p>",
        "get_involved": "Meets every other Monday evening; children welcome.",
        "email": "east-end-women@example.org",
    },
    {
        "title": "East End youth space",
        "category": "places-and-spaces",
        "neighbourhood": "East End",
        "postcode": "PL4 0JN",
        "introduction": "A space for young people aged 11 to 18, with games and a music room.",
        "description": "<p>Open three evenings a week, run with young people.</p>",
        "get_involved": "Young people can join the committee that runs it.",
    },
    {
        "title": "East End pocket park",
        "category": "nature-and-green-space",
        "neighbourhood": "East End",
        "postcode": "PL4 0LT",
        "introduction": "A small green space with benches and wildflower beds.",
        "description": "<p>Cared for by neighbours; planted with pollinator-friendly flowers.</p>",
        "get_involved": "Help with planting days in spring and autumn.",
    },
    {
        "title": "Bike repair skills in Efford",
        "category": "skills-and-gifts",
        "neighbourhood": "Efford",
        "introduction": "A resident who fixes bikes and would like to teach others.",
        "description": "<p>Puncture repairs, brakes and gears: happy to teach young people "
        "and adults.</p>",
        "get_involved": "Ask your Community Builder to put you in touch.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Efford church coffee morning",
        "category": "groups-and-associations",
        "neighbourhood": "Efford",
        "postcode": "PL3 6BW",
        "introduction": "A weekly coffee morning, restarted by the church for older neighbours.",
        "description": "<p>Tea, cake and good company on Thursday mornings.</p>",
        "get_involved": "Come along, or help with the baking.",
    },
    {
        "title": "Efford community orchard",
        "category": "nature-and-green-space",
        "neighbourhood": "Efford",
        "postcode": "PL3 6DF",
        "introduction": "Apple and plum trees planted by residents, free for anyone to pick.",
        "description": "<p>A wassail in January and a picking day in September.</p>",
        "get_involved": "Help prune and mulch on the orchard days.",
    },
    {
        "title": "Estover job club",
        "category": "local-economy",
        "neighbourhood": "Estover",
        "postcode": "PL6 7JB",
        "introduction": "Help with CVs, applications and interviews, with local employers.",
        "description": "<p>Weekly sessions with computers and a volunteer mentor.</p>",
        "get_involved": "Drop in on Monday mornings; volunteers with HR experience welcome.",
        "phone": "01632 960342",
    },
    {
        "title": "Estover walking football",
        "category": "groups-and-associations",
        "neighbourhood": "Estover",
        "postcode": "PL6 7HD",
        "introduction": "Football at walking pace for all ages and abilities.",
        "description": "<p>Friendly games on Wednesday afternoons, then a cuppa.</p>",
        "get_involved": "Just turn up in trainers.",
    },
    {
        "title": "Sewing and alterations skills in Estover",
        "category": "skills-and-gifts",
        "neighbourhood": "Estover",
        "introduction": "A resident who can teach hemming, mending and simple dressmaking.",
        "description": "<p>Would love to start a mending group with neighbours.</p>",
        "get_involved": "Ask your Community Builder to put you in touch.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Southway showcase",
        "category": "culture-and-heritage",
        "neighbourhood": "Southway",
        "postcode": "PL6 6DT",
        "introduction": "A yearly celebration of the neighbourhood's groups and talents.",
        "description": "<p>Music, stalls and performances by local people and groups.</p>",
        "get_involved": "Join the planning group, or book a stall for your group.",
    },
    {
        "title": "Southway Pride pop-up group",
        "category": "groups-and-associations",
        "neighbourhood": "Southway",
        "introduction": "LGBTQ+ residents and friends meeting and planning local Pride events.",
        "description": "<p>Started by a resident with support from a Community Builder.</p>",
        "get_involved": "Email to find out about the next meet-up.",
        "email": "community-builders@example.org",
    },
    {
        "title": "Southway valley woodland walk",
        "category": "nature-and-green-space",
        "neighbourhood": "Southway",
        "postcode": "PL6 6DW",
        "introduction": "A woodland walk along the valley, with a stream and bluebells in spring.",
        "description": "<p>About 40 minutes there and back. Some paths are steep and muddy.</p>",
        "get_involved": "Join a guided nature walk, or the volunteer path team.",
    },
]
