"""The volunteering board: filters that combine, distance from a postcode, and odd input."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from volunteering.builders import OpportunityPageBuilder, OrganisationBuilder
from volunteering.models import Cause, Commitment, LocationKind
from website.core.builders import AreaBuilder
from website.core.geography import POSTCODE_ATTRIBUTION
from website.core.models import Area

URL = "/volunteering/"


def _titles(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    return [
        unescape(title)
        for title in re.findall(
            r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
        )
    ]


def _count(response) -> str:
    html = response.content.decode()
    heading = re.search(r'id="results-count">\s*([^<]+?)\s*</h2>', html)
    return heading.group(1)


@pytest.fixture
def make(board, organisation):
    """An open opportunity on the board at PL1 1AE; any field can be changed."""

    def _make(title, **fields):
        fields.setdefault("organisation", organisation)
        return OpportunityPageBuilder(parent=board, title=title, **fields)

    return _make


@pytest.fixture
def roles(make):
    """Five opportunities that differ in every filter, closing on different days."""
    today = timezone.localdate()
    devonport = AreaBuilder(name="Devonport", slug="devonport")
    stonehouse = AreaBuilder(
        name="Stonehouse", slug="stonehouse", kind=Area.Kind.NEIGHBOURHOOD, ward=devonport
    )
    efford = AreaBuilder(name="Efford and Lipson", slug="efford")
    growers = OrganisationBuilder(name="Tamar Growers")
    return {
        "beach": make(
            "Beach clean",
            cause=Cause.ENVIRONMENT,
            commitment=Commitment.ONE_OFF,
            introduction="Pick up litter on the foreshore.",
            closes_on=today + timedelta(days=5),
            areas=[stonehouse],
        ),
        "digital": make(
            "Digital buddy",
            cause=Cause.DIGITAL,
            commitment=Commitment.REGULAR,
            minimum_age=18,
            no_experience_needed=False,
            location_kind=LocationKind.HOME,
            address="",
            postcode="",
            is_accessible=True,
        ),
        "food": make(
            "Food co-op driver",
            cause=Cause.FOOD,
            commitment=Commitment.REGULAR,
            minimum_age=21,
            postcode="PL6 5AB",
            closes_on=today + timedelta(days=20),
            areas=[efford],
        ),
        "youth": make(
            "Youth mentor",
            cause=Cause.YOUNG_PEOPLE,
            commitment=Commitment.FLEXIBLE,
            minimum_age=16,
            no_experience_needed=False,
            location_kind=LocationKind.VARIOUS,
            is_accessible=True,
            closes_on=today + timedelta(days=1),
        ),
        "ranger": make(
            "Park ranger",
            organisation=growers,
            cause=Cause.ENVIRONMENT,
            commitment=Commitment.REGULAR,
            minimum_age=17,
            no_experience_needed=False,
            closes_on=today + timedelta(days=40),
            areas=[devonport],
        ),
    }


ALL = ["Youth mentor", "Beach clean", "Food co-op driver", "Park ranger", "Digital buddy"]


def test_everything_open_is_listed_closing_soonest_first_undated_last(client, roles):
    response = client.get(URL)
    assert _titles(response) == ALL
    assert _count(response) == "5 opportunities"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cause=environment", ["Beach clean", "Park ranger"]),
        ("cause=environment&cause=food", ["Beach clean", "Food co-op driver", "Park ranger"]),
        ("commitment=regular", ["Food co-op driver", "Park ranger", "Digital buddy"]),
        ("commitment=one-off&commitment=flexible", ["Youth mentor", "Beach clean"]),
        # A ward finds its own and its neighbourhoods' opportunities; a neighbourhood its ward's.
        ("area=devonport", ["Beach clean", "Park ranger"]),
        ("area=stonehouse", ["Beach clean", "Park ranger"]),
        ("area=efford", ["Food co-op driver"]),
        ("only=under-18s", ["Youth mentor", "Beach clean", "Park ranger"]),
        ("only=no-experience", ["Beach clean", "Food co-op driver"]),
        ("only=from-home", ["Digital buddy"]),
        ("only=accessible", ["Youth mentor", "Digital buddy"]),
        ("only=under-18s&only=no-experience", ["Beach clean"]),
        ("q=beach", ["Beach clean"]),
        ("q=LITTER", ["Beach clean"]),  # the introduction is searched too
        ("q=tamar", ["Park ranger"]),  # and the organisation's name
        ("q=park+ranger", ["Park ranger"]),  # every word must match
        ("q=park+beach", []),
        ("q=ranger&cause=food", []),
        (
            "q=clean&cause=environment&commitment=one-off&area=stonehouse"
            "&only=under-18s&only=no-experience",
            ["Beach clean"],
        ),
        ("cause=environment&area=devonport&only=under-18s&commitment=regular", ["Park ranger"]),
    ],
)
def test_filters_combine(client, roles, query, expected):
    response = client.get(f"{URL}?{query}")
    assert _titles(response) == expected
    count = len(expected)
    assert _count(response) == f"{count} opportunit{'y' if count == 1 else 'ies'}"


def test_filter_state_stays_in_the_form(client, roles):
    html = client.get(
        f"{URL}?cause=food&commitment=regular&only=accessible&area=efford&q=driver"
    ).content.decode()
    for name, value in [("cause", "food"), ("commitment", "regular"), ("only", "accessible")]:
        assert re.search(rf'name="{name}" type="checkbox" value="{value}" checked', html)
    assert not re.search(r'name="cause" type="checkbox" value="digital" checked', html)
    assert '<option value="efford" selected>' in html
    assert 'name="q" value="driver"' in html
    assert re.search(r'name="sort" type="radio" value="closing" checked', html)
    assert "Clear filters" in html


def test_the_form_is_a_plain_get_form_with_a_submit_button(client, roles):
    html = client.get(URL).content.decode()
    assert re.search(r'<form method="get" action="/volunteering/"', html)
    assert '<button type="submit" class="govuk-button"' in html
    assert "csrfmiddlewaretoken" not in html  # nothing to protect: the state is in the address


def test_closed_draft_private_and_other_boards_are_not_listed(client, make, board, home):
    today = timezone.localdate()
    make("Closes today", closes_on=today)
    make("Closed yesterday", closes_on=today - timedelta(days=1))
    make("Draft").unpublish()
    private = make("Private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert _titles(client.get(URL)) == ["Closes today"]


def test_the_closing_date_is_in_london_time(client, make, monkeypatch):
    # 23:30 UTC on 30 June is already 1 July in London (BST): 30 June's opportunity has closed.
    late = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    make("Closed on 30 June", closes_on=late.date())
    make("Closes on 1 July", closes_on=late.date() + timedelta(days=1))
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert _titles(client.get(URL)) == ["Closes on 1 July"]


def test_other_languages_are_listed_only_on_their_own_board(
    client, roles, board, locales, translate
):
    polish_board = translate(board, locales["pl"])
    translate(roles["beach"], locales["pl"], {"Beach clean": "Sprzątanie plaży"})
    assert _titles(client.get(URL)) == ALL
    assert _titles(client.get(polish_board.url)) == ["Sprzątanie plaży"]


@pytest.fixture
def places(make):
    """Opportunities around Plymouth; distances in miles from PL1 1AE worked out by hand
    (haversine on the Code-Point Open centres), shown in each title's comment."""
    return [
        make("Estover", postcode="PL6 5AB"),  # 3.24
        make("Drake", postcode="PL4 6AB"),  # 0.49
        make("Plympton", postcode="PL7 1AA"),  # 3.69
        make("Civic Centre", postcode="PL1 1AE"),  # 0.00
        make("Plymstock", postcode="PL9 7AA"),  # 2.19
        make("Stoke", postcode="PL3 4AA"),  # 1.28
        make("Ham", postcode="PL5 1AA"),  # 2.65
        make("Exeter office", postcode="EX1 1AA"),  # a place whose postcode we do not know
        make("Phone befriending", location_kind=LocationKind.HOME, postcode="PL1 1AE"),
        make("Around the city", location_kind=LocationKind.VARIOUS),
    ]


BY_DISTANCE = ["Civic Centre", "Drake", "Stoke", "Plymstock", "Ham", "Estover", "Plympton"]
NO_DISTANCE = ["Around the city", "Exeter office", "Phone befriending"]  # then by title


def test_a_postcode_sorts_by_distance_located_first(client, places):
    response = client.get(f"{URL}?postcode=pl1+1ae")
    assert _titles(response) == BY_DISTANCE + NO_DISTANCE
    html = response.content.decode()
    assert "Less than 0.1 miles away" in html
    assert "0.5 miles away" in html and "1.3 miles away" in html and "3.7 miles away" in html
    assert html.count("miles away") == 7  # from home and "various" have no distance
    assert 'name="postcode" value="pl1 1ae"' in html
    assert re.search(r'name="sort" type="radio" value="distance" checked', html)
    assert POSTCODE_ATTRIBUTION in unescape(html)


def test_distance_order_from_the_north_of_the_city(client, places):
    # From PL6 5AB: Stoke 2.72, Drake 2.89, Ham 2.98, Civic Centre 3.24, Plympton 3.31 and
    # Plymstock 4.08 miles.
    titles = _titles(client.get(f"{URL}?postcode=PL65AB"))
    assert titles == [
        *["Estover", "Stoke", "Drake", "Ham", "Civic Centre", "Plympton", "Plymstock"],
        *NO_DISTANCE,
    ]


def test_sort_by_closing_date_with_a_postcode_still_shows_distances(client, places, make):
    make("Closing soon", postcode="PL7 1AA", closes_on=timezone.localdate())
    response = client.get(f"{URL}?postcode=PL1+1AE&sort=closing")
    assert _titles(response)[0] == "Closing soon"
    assert "3.7 miles away" in response.content.decode()


@pytest.mark.parametrize(
    ("miles", "expected"),
    [
        ("1", ["Civic Centre", "Drake", "Phone befriending"]),
        ("2", ["Civic Centre", "Drake", "Stoke", "Phone befriending"]),
        ("5", [*BY_DISTANCE, "Phone befriending"]),
    ],
)
def test_distance_filter_keeps_from_home_and_drops_unlocated(client, places, miles, expected):
    response = client.get(f"{URL}?postcode=PL1+1AE&distance={miles}")
    assert _titles(response) == expected


def test_distance_filter_combines_with_sorting_by_date(client, places):
    titles = _titles(client.get(f"{URL}?postcode=PL1+1AE&distance=2&sort=closing"))
    assert titles == ["Civic Centre", "Drake", "Phone befriending", "Stoke"]  # by title


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("EX1 1AA", "We could not find the postcode EX1 1AA in Plymouth."),
        ("PL99 9ZZ", "We could not find the postcode PL99 9ZZ in Plymouth."),
        ("PL1-1AE", "Enter a full UK postcode, like PL1 2AA"),
        ("hello", "Enter a full UK postcode, like PL1 2AA"),
    ],
)
def test_an_unknown_postcode_is_explained_and_the_list_still_shows(
    client, places, postcode, message
):
    response = client.get(URL, {"postcode": postcode, "distance": "1", "sort": "distance"})
    html = response.content.decode()
    summary = html[html.index("govuk-error-summary") : html.index("</h1>")]
    assert "There is a problem" in summary
    assert message in summary and 'href="#id_postcode"' in summary
    assert "govuk-input--error" in html and 'aria-invalid="true"' in html
    assert "<title>Error: " in html
    assert len(_titles(response)) == 10  # not filtered by distance, sorted by date
    assert "miles away" not in html
    assert POSTCODE_ATTRIBUTION not in unescape(html)


def test_a_distance_without_a_postcode_asks_for_one(client, places):
    response = client.get(f"{URL}?distance=5")
    html = response.content.decode()
    assert "Enter a postcode to search by distance" in html
    assert len(_titles(response)) == 10


def test_no_postcode_no_errors_and_no_attribution(client, places):
    html = client.get(f"{URL}?sort=distance").content.decode()
    assert "govuk-error-summary" not in html
    assert POSTCODE_ATTRIBUTION not in unescape(html)
    assert re.search(r'name="sort" type="radio" value="closing" checked', html)


def test_no_results_suggest_removing_each_filter(client, roles):
    response = client.get(f"{URL}?q=beach&cause=food&cause=digital&only=accessible&page=3")
    html = response.content.decode()
    assert _titles(response) == []
    assert "0 opportunities" in html and "No opportunities match your search." in html
    links = {
        unescape(label): unescape(href)
        for href, label in re.findall(
            r'<li><a class="govuk-link" href="([^"]+)"><span class="govuk-visually-hidden">'
            r"Remove filter: </span>([^<]+)</a></li>",
            html,
        )
    }
    assert links == {
        "Keyword: beach": "/volunteering/?cause=food&cause=digital&only=accessible",
        "Food": "/volunteering/?q=beach&cause=digital&only=accessible",
        "Digital inclusion": "/volunteering/?q=beach&cause=food&only=accessible",
        "Accessible to disabled volunteers": "/volunteering/?q=beach&cause=food&cause=digital",
    }
    assert _titles(client.get(links["Keyword: beach"])) == ["Digital buddy"]


def test_no_results_within_a_distance_suggests_removing_the_distance(client, make):
    make("Plympton", postcode="PL7 1AA")
    html = client.get(f"{URL}?postcode=PL1+1AE&distance=1").content.decode()
    assert "Within 1 mile of PL1 1AE" in html
    assert 'href="/volunteering/?postcode=PL1+1AE"' in html


def test_pagination_keeps_the_filters(client, make):
    for number in range(25):
        make(f"Role {number:02}")
    response = client.get(f"{URL}?cause=community")
    html = response.content.decode()
    assert _titles(response) == [f"Role {n:02}" for n in range(20)]
    assert "25 opportunities" in html
    assert 'href="?cause=community&amp;page=2"' in html
    assert _titles(client.get(f"{URL}?cause=community&page=2")) == [
        f"Role {n:02}" for n in range(20, 25)
    ]


@pytest.mark.parametrize(
    "query",
    [
        "page=-1", "page=999999999999999999", "page=99999999999999999999", "page=abc",
        "page=1e400", "page=%00", "sort=evil", "sort=distance", "ordering=-title",
        "cause=nonsense", "commitment=%00", "only=everything", "area=atlantis", "distance=3",
        "distance=-1", "q=%25", "q=_", "q=%27+OR+%271%27%3D%271", "q=%00", "q=a%00b",
        "q=" + "x" * 5000, "q=%22unbalanced", "q=NEAR(a+b)", "q=*", "q=a:b", "q=%E2%80%AE",
        "postcode=%00", "postcode=" + "P" * 5000, "cause=food&cause=food",
    ],
)  # fmt: skip
def test_odd_queries_never_fail(client, roles, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert len(_titles(response)) <= 5


@pytest.mark.parametrize("query", ["page=-1", "page=999999999999999999", "sort=evil"])
def test_odd_page_and_sort_values_show_a_sensible_list(client, roles, query):
    assert _titles(client.get(f"{URL}?{query}")) == ALL  # one page: the last page is page 1


def test_percent_and_underscore_are_not_wildcards(client, roles):
    assert _titles(client.get(f"{URL}?q=%25")) == []
    assert _titles(client.get(f"{URL}?q=_")) == []
    assert _titles(client.get(f"{URL}?q=%25beach_")) == ["Beach clean"]


def test_a_null_byte_in_the_keyword_is_dropped(client, roles):
    response = client.get(f"{URL}?q=bea%00ch")
    assert _titles(response) == []  # "bea ch" is two words, neither a match
    assert _titles(client.get(f"{URL}?q=beach%00")) == ["Beach clean"]
    assert "\x00" not in response.content.decode()


@pytest.mark.parametrize("postcode", ["PL1%001AE", "PL1%E2%80%8B1AE", "%E2%80%AEPL11AE"])
def test_invisible_characters_in_the_postcode_are_ignored(client, places, postcode):
    response = client.get(f"{URL}?postcode={postcode}")
    html = response.content.decode()
    assert _titles(response) == BY_DISTANCE + NO_DISTANCE
    assert "govuk-error-summary" not in html
    assert 'name="postcode" value="PL11AE"' in html
    assert not any(char in html for char in "\x00\u200b\u202e")


@pytest.mark.parametrize(
    "payload",
    ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'],
)
def test_markup_in_the_query_is_shown_as_text(client, roles, payload):
    response = client.get(URL, {"q": payload, "postcode": payload})
    html = response.content.decode()
    assert payload not in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;" in html or "&quot;&gt;" in html


def test_the_board_links_its_atom_feed(client, board):
    html = client.get(URL).content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="New volunteering opportunities" href="/volunteering/feeds/new.atom/">'
    ) in html
    updates = html[html.index('id="get-updates"') :]
    assert 'href="/volunteering/feeds/new.atom/"' in updates


def test_each_card_says_who_what_where_when_and_for_whom(client, roles):
    html = client.get(f"{URL}?q=digital").content.decode()
    card = html[html.index("app-search-results__item") :]
    card = card[: card.index("</li>\n") if "</li>\n" in card else None]
    for text in [
        'href="/volunteering/digital-buddy/"',
        "Good Neighbours Scheme",
        "Digital inclusion",
        "From home",
        "Regular",
        "No closing date",
        "Accessible",
    ]:
        assert text in card, text
    assert "Under-18s welcome" not in card and "No experience needed" not in card

    beach = client.get(f"{URL}?q=beach").content.decode()
    closes = (timezone.localdate() + timedelta(days=5)).strftime("%-d %B %Y")
    assert f"Closes {closes}" in beach
    assert "Civic Centre, Armada Way, PL1 1AE" in beach
    assert "Under-18s welcome" in beach and "No experience needed" in beach
