"""Query counts that do not grow with the data: the board with 1,000 opportunities, the
opportunity page with many sessions and sign-ups, the feeds, and the home page's cards."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Cause, Commitment, LocationKind, OpportunityPage, Place
from volunteering.selectors import opportunities_featured
from website.core.builders import AreaBuilder

URL = "/volunteering/"
POSTCODES = ["PL1 1AE", "PL4 6AB", "PL3 4AA", "PL6 5AB", "PL9 7AA", "PL7 1AA", "PL5 1AA"]
BOARD_URLS = [
    URL,
    f"{URL}?postcode=PL1+1AE",
    f"{URL}?postcode=PL1+1AE&page=2",
    f"{URL}?postcode=PL1+1AE&distance=10&sort=closing",
    f"{URL}?q=role&cause=community&cause=food&commitment=flexible&area=devonport"
    "&only=under-18s&only=no-experience&postcode=PL6+5AB&distance=5",
    f"{URL}?postcode=EX1+1AA",  # an unknown postcode: an error, and the whole list
]


def _queries(client, url: str) -> int:
    client.get(url)  # warm per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _varied_fields(number: int) -> dict:
    """Opportunity fields that vary with `number` across every filter: places, homes,
    causes, commitments, ages and closing dates."""
    kinds = [LocationKind.ADDRESS] * 5 + [LocationKind.HOME, LocationKind.VARIOUS]
    closes_on = timezone.localdate() + timedelta(days=number % 50) if number % 4 else None
    return {
        "title": f"Role {number}",
        "location_kind": kinds[number % len(kinds)],
        "postcode": POSTCODES[number % len(POSTCODES)],
        "cause": Cause.values[number % len(Cause.values)],
        "commitment": Commitment.values[number % 3],
        "minimum_age": None if number % 2 else 18,
        "closes_on": closes_on,
    }


def _opportunities(board, organisation, area, numbers: range) -> list[OpportunityPage]:
    """Opportunities built one by one, as an editor would; every tenth in `area`."""
    return [
        OpportunityPageBuilder(
            parent=board,
            organisation=organisation,
            areas=[area] if number % 10 == 0 else None,
            **_varied_fields(number),
        )
        for number in numbers
    ]


def _opportunities_in_bulk(board, template: OpportunityPage, area, numbers: range) -> None:
    """Copies of `template` with varied fields, in a few queries: the page rows in bulk (tree
    paths worked out as treebeard does), then each opportunity row as raw data (no signals, so
    no search index: keyword matches come from the opportunities built one by one)."""
    depth, step = board.depth + 1, Page._str2int(board.get_last_child().path[-Page.steplen :])
    content_type = ContentType.objects.get_for_model(OpportunityPage)
    pages = Page.objects.bulk_create(
        Page(
            title=f"Role {number}",
            draft_title=f"Role {number}",
            slug=f"role-{number}",
            url_path=f"{board.url_path}role-{number}/",
            path=Page._get_path(board.path, depth, step + index + 1),
            depth=depth,
            locale_id=board.locale_id,
            content_type=content_type,
            live=True,
        )
        for index, number in enumerate(numbers)
    )
    shared = {
        field.attname: getattr(template, field.attname)
        for field in OpportunityPage._meta.local_concrete_fields
        if field.attname != "page_ptr_id"
    }
    for page, number in zip(pages, numbers, strict=True):
        fields = shared | _varied_fields(number)
        fields.pop("title")
        OpportunityPage(page_ptr_id=page.pk, **fields).save_base(raw=True, force_insert=True)
    through = OpportunityPage.areas.through
    through.objects.bulk_create(
        through(opportunitypage_id=page.pk, area_id=area.pk)
        for page, number in zip(pages, numbers, strict=True)
        if number % 10 == 0
    )
    Page.objects.filter(pk=board.pk).update(numchild=board.numchild + len(pages))


@pytest.mark.django_db
def test_board_query_count_is_the_same_for_30_and_1000_opportunities(
    client, board, organisation, django_assert_num_queries
):
    area = AreaBuilder(name="Devonport", slug="devonport")
    built = _opportunities(board, organisation, area, range(30))
    with_30 = {url: _queries(client, url) for url in BOARD_URLS}

    board.refresh_from_db()
    _opportunities_in_bulk(board, built[0], area, range(30, 1000))

    for url in BOARD_URLS:
        with django_assert_num_queries(with_30[url]):
            response = client.get(url)
        assert response.status_code == 200
    html = client.get(f"{URL}?postcode=PL1+1AE").content.decode()
    assert "1000 opportunities" in html and html.count("app-search-results__item") == 20
    assert client.get(f"{URL}role-999/").status_code == 200  # the bulk pages are real pages
    assert max(with_30.values()) <= 20, with_30  # 13 of them are the site's frame


@pytest.fixture
def busy_opportunity(opportunity):
    """An opportunity with sessions, sign-ups in every place state, and an area."""
    opportunity.areas.set([AreaBuilder(name="Devonport", slug="devonport")])
    opportunity.save()
    return opportunity


def _sessions_with_signups(opportunity, count: int) -> None:
    for number in range(count):
        session = OpportunitySessionBuilder(
            opportunity=opportunity,
            starts_at=timezone.now() + timedelta(days=number - 2, hours=12),  # two in the past
            places=2,
        )
        for place in (Place.BOOKED, Place.OFFERED, Place.WAITING):
            SignupBuilder(opportunity=opportunity, session=session, place=place)


@pytest.mark.django_db
def test_opportunity_page_query_count_does_not_grow_with_sessions_or_signups(
    client, busy_opportunity, django_assert_num_queries
):
    urls = [busy_opportunity.url, f"{busy_opportunity.url}sessions.ics/"]
    _sessions_with_signups(busy_opportunity, 4)
    with_few = {url: _queries(client, url) for url in urls}

    _sessions_with_signups(busy_opportunity, 60)

    for url in urls:
        with django_assert_num_queries(with_few[url]):
            assert client.get(url).status_code == 200
    html = client.get(busy_opportunity.url).content.decode()
    assert html.count("Full: join the waiting list") == 60 + 4 - 2 * 2  # the coming ones
    assert max(with_few.values()) <= 20, with_few


@pytest.mark.django_db
def test_feed_query_count_does_not_grow_with_opportunities(
    client, board, organisation, django_assert_num_queries
):
    url = f"{URL}feeds/new.atom/"
    for number in range(5):
        OpportunityPageBuilder(parent=board, organisation=organisation, title=f"Role {number}")
    with_five = _queries(client, url)

    for number in range(5, 60):
        OpportunityPageBuilder(parent=board, title=f"Role {number}")  # each its own organisation

    with django_assert_num_queries(with_five):
        response = client.get(url)
    assert response.content.count(b"<entry>") == 50
    assert with_five <= 12


@pytest.fixture
def featured(board, organisation):
    """Open opportunities closing on different days, one closed, one without a closing date."""
    today = timezone.localdate()

    def make(title, days):
        closes_on = None if days is None else today + timedelta(days=days)
        return OpportunityPageBuilder(
            parent=board, organisation=organisation, title=title, closes_on=closes_on
        )

    return [
        make("Later", 30),
        make("Always open", None),
        make("Closed", -1),
        make("Soonest", 0),
        make("Next", 2),
    ]


@pytest.mark.django_db
def test_featured_opportunities_close_soonest_first(featured, home, locales):
    cards = opportunities_featured(locale=home.locale, limit=3)
    assert [card["title"] for card in cards] == ["Soonest", "Next", "Later"]
    assert cards[0]["url"] == "/volunteering/soonest/"
    assert cards[0]["meta"].startswith("Good Neighbours Scheme · Closes ")
    assert cards[0]["summary"] == "Help your neighbours and meet new people."
    everything = opportunities_featured(locale=home.locale, limit=10)
    assert [card["title"] for card in everything][-1] == "Always open"
    assert everything[-1]["meta"] == "Good Neighbours Scheme · No closing date"
    assert opportunities_featured(locale=locales["pl"], limit=3) == []


@pytest.mark.django_db
def test_home_page_shows_featured_opportunities_in_fixed_queries(
    client, featured, board, organisation, django_assert_num_queries
):
    html = client.get("/").content.decode()
    section = html[html.index('id="volunteering-heading"') :]
    titles = re.findall(
        r'<h3 class="app-card__title[^>]*><a class="govuk-link" href="([^"]+)">', section
    )
    assert titles[:3] == ["/volunteering/soonest/", "/volunteering/next/", "/volunteering/later/"]
    before = _queries(client, "/")

    for number in range(30):
        OpportunityPageBuilder(parent=board, organisation=organisation, title=f"Role {number}")

    with django_assert_num_queries(before):
        assert client.get("/").status_code == 200
