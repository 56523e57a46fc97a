"""An opportunity's page: everything a resident needs to decide, and the right way to sign up."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from volunteering.builders import OpportunityPageBuilder, OpportunitySessionBuilder, SignupBuilder
from volunteering.models import LocationKind, Place
from website.core.builders import AreaBuilder

LONDON = ZoneInfo("Europe/London")
START_ICON = '<svg class="govuk-button__start-icon"'


def _html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _button(html: str) -> str | None:
    """The start button's words, or None when there is no button."""
    match = re.search(
        r'<a href="([^"]+)" role="button" draggable="false" class="govuk-button '
        r'govuk-button--start"[^>]*>([^<]+)<svg',
        html,
    )
    return match and (match.group(2), match.group(1))


def _places_column(html: str) -> list[str]:
    table = html[html.index('id="sessions"') : html.index("</table>")]
    return re.findall(r'<td class="govuk-table__cell">([^<\n]+)</td>', table)


def _book(session, number: int, place=Place.BOOKED) -> None:
    for _ in range(number):
        SignupBuilder(opportunity=session.opportunity, session=session, place=place)


def _session(opportunity, *, days: float, places: int = 10, **fields):
    starts_at = timezone.now() + timedelta(days=days)
    return OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=starts_at, places=places, **fields
    )


def test_open_with_sessions_shows_places_left_and_a_sign_up_button(client, opportunity):
    later = _session(opportunity, days=14, places=4, note="Meet at the main entrance")
    sooner = _session(opportunity, days=3, places=5)
    _book(sooner, 4)
    _book(later, 1, place=Place.OFFERED)  # an offered place is held
    _book(later, 2, place=Place.WAITING)  # the waiting list takes no place

    html = _html(client, opportunity)

    assert _button(html) == ("Sign up", f"{opportunity.url}sign-up/")
    assert _places_column(html) == ["1 place left", "3 places left"]
    assert "Meet at the main entrance" in html
    assert 'href="/volunteering/befriending-older-neighbours/sessions.ics/"' in html
    assert 'rel="alternate" type="text/calendar"' in html
    assert "closed-notice" not in html


def test_a_session_time_is_shown_in_london_time(client, opportunity):
    starts_at = datetime(2030, 7, 1, 10, 0, tzinfo=LONDON)  # 09:00 UTC
    OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2)
    )
    html = _html(client, opportunity)
    assert "Monday 1 July 2030, 10:00a.m. to 12:00p.m." in html


def test_when_every_session_is_full_the_button_joins_the_waiting_list(client, opportunity):
    first = _session(opportunity, days=2, places=1)
    second = _session(opportunity, days=9, places=2)
    _book(first, 1)
    _book(second, 1)
    _book(second, 1, place=Place.OFFERED)

    html = _html(client, opportunity)

    assert _button(html) == ("Join the waiting list", f"{opportunity.url}sign-up/")
    assert _places_column(html) == ["Full: join the waiting list"] * 2


def test_one_full_session_of_two_still_offers_sign_up(client, opportunity):
    full = _session(opportunity, days=2, places=1)
    _session(opportunity, days=9, places=1)
    _book(full, 1)
    html = _html(client, opportunity)
    assert _button(html)[0] == "Sign up"
    assert _places_column(html) == ["Full: join the waiting list", "1 place left"]


def test_past_sessions_are_not_offered_but_stay_in_the_calendar(client, opportunity):
    past = _session(opportunity, days=-3, note="Last week's litter pick")
    _session(opportunity, days=3)
    html = _html(client, opportunity)
    assert past.note not in html
    assert _button(html)[0] == "Sign up"
    assert 'id="calendar-link"' in html
    calendar = client.get(f"{opportunity.url}sessions.ics").content.decode()
    assert calendar.count("BEGIN:VEVENT") == 2


def test_without_sessions_residents_register_interest(client, opportunity):
    html = _html(client, opportunity)
    assert _button(html) == ("Register your interest", f"{opportunity.url}sign-up/")
    assert 'id="sessions"' not in html and 'id="calendar-link"' not in html
    assert 'id="places-left"' not in html  # it takes everyone who is interested


def test_places_without_sessions_count_down_then_wait_list(client, opportunity):
    opportunity.places = 3
    opportunity.save()
    SignupBuilder(opportunity=opportunity, place=Place.BOOKED)
    SignupBuilder(opportunity=opportunity, place=Place.INTEREST)
    html = _html(client, opportunity)
    assert _button(html)[0] == "Register your interest"
    assert re.search(r'id="places-left">2 places left</p>', html)

    SignupBuilder(opportunity=opportunity, place=Place.OFFERED)
    SignupBuilder(opportunity=opportunity, place=Place.BOOKED)
    html = _html(client, opportunity)
    assert _button(html)[0] == "Join the waiting list"
    assert "All places are taken. You can join the waiting list" in html


def test_closed_shows_a_notice_instead_of_the_button(client, opportunity):
    opportunity.closes_on = timezone.localdate() - timedelta(days=1)
    opportunity.save()
    _session(opportunity, days=3)

    html = _html(client, opportunity)

    assert _button(html) is None
    assert "sign-up/" not in html
    closed = opportunity.closes_on.strftime("%-d %B %Y")
    assert f"This opportunity closed on {closed}. It is no longer taking sign-ups." in html
    assert 'href="/volunteering/">Find another volunteering opportunity' in html


def test_open_until_the_end_of_its_closing_day(client, opportunity):
    opportunity.closes_on = timezone.localdate()
    opportunity.save()
    html = _html(client, opportunity)
    assert _button(html)[0] == "Register your interest"
    assert opportunity.closes_on.strftime("%A %-d %B %Y") in html


def test_everything_about_the_role_is_on_the_page(client, board, organisation, standard_page):
    organisation.contact_phone = "01752 668000"
    organisation.website = "https://gns.example.org/"
    organisation.description = "Neighbours helping neighbours since 1990."
    organisation.save()
    page = OpportunityPageBuilder(
        parent=board,
        title="Allotment helper",
        organisation=organisation,
        what_you_will_do="<p>Dig, plant and <strong>harvest</strong>.</p>",
        address="Central Park Allotments\nOutland Road",
        postcode="PL2 3DE",
        venue=standard_page,
        areas=[AreaBuilder(name="Peverell", slug="peverell")],
        commitment="regular",
        commitment_detail="2 hours a week for 3 months",
        closes_on=timezone.localdate() + timedelta(days=30),
        minimum_age=16,
        dbs_check_needed=True,
        no_experience_needed=True,
        is_accessible=True,
        accessibility="Raised beds and a step-free path.",
        skills_gained="Growing food",
        training="A health and safety induction",
        expenses="Travel and lunch",
    )

    html = _html(client, page)

    for text in [
        "Dig, plant and <strong>harvest</strong>.",
        "Central Park Allotments<br>Outland Road<br>PL2 3DE",
        'href="/about/">About About this site</a>',
        "Areas: Peverell",
        "Regular: 2 hours a week for 3 months",
        (timezone.localdate() + timedelta(days=30)).strftime("%A %-d %B %Y"),
        "16 or over",
        "Needed. We arrange it and pay for it.",
        "No experience needed",
        "Accessible to disabled volunteers",
        "Raised beds and a step-free path.",
        "Growing food",
        "A health and safety induction",
        "Travel and lunch",
        "About Good Neighbours Scheme",
        "Neighbours helping neighbours since 1990.",
        'href="mailto:gns@example.org"',
        "01752 668000",
        'href="https://gns.example.org/"',
        "Community building",
    ]:
        assert text in html, text


def test_a_draft_venue_is_not_linked(client, opportunity, standard_page):
    standard_page.unpublish()
    opportunity.venue = standard_page
    opportunity.save()
    assert 'href="/about/"' not in _html(client, opportunity)


@pytest.mark.parametrize(
    ("kind", "shown"),
    [(LocationKind.HOME, "From home"), (LocationKind.VARIOUS, "At different places")],
)
def test_roles_without_an_address_say_where_instead(client, opportunity, kind, shown):
    opportunity.location_kind = kind
    opportunity.save()
    html = _html(client, opportunity)
    assert shown in html
    assert "Civic Centre" not in html


def test_editor_text_is_escaped(client, board, organisation):
    payload = '"><img src=x onerror=alert(1)>'
    page = OpportunityPageBuilder(
        parent=board,
        title=f"Role {payload}",
        organisation=organisation,
        address=payload,
        accessibility=payload,
        commitment_detail=payload,
    )
    html = _html(client, page)
    assert "<img src=x" not in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def _preview(admin_client, url: str, data: dict) -> str:
    """Post the editor's form to Wagtail's preview, then fetch the preview."""
    response = admin_client.post(url, nested_form_data(data))
    assert response.json()["is_valid"] is True, response.json()
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _editor_form(organisation, *, title: str, sessions: list[dict]) -> dict:
    return {
        "title": title,
        "slug": "",
        "introduction": "",
        "organisation": organisation.pk,
        "cause": "food",
        "what_you_will_do": rich_text("<p>Pack food parcels.</p>"),
        "location_kind": "address",
        "address": "Civic Centre",
        "postcode": "pl1 1ae",
        "commitment": "one-off",
        "no_experience_needed": "on",
        "sessions": inline_formset(sessions),
    }


def test_an_editor_previews_a_new_opportunity_with_its_sessions(admin_client, board, organisation):
    starts = (
        (timezone.now() + timedelta(days=5)).astimezone(LONDON).replace(second=0, microsecond=0)
    )
    session = {
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "places": "6",
        "note": "",
    }
    url = f"/admin/pages/add/volunteering/opportunitypage/{board.pk}/preview/"

    html = _preview(
        admin_client, url, _editor_form(organisation, title="Food bank", sessions=[session])
    )

    assert "Food bank" in html and "Pack food parcels." in html
    assert _places_column(html) == ["6 places left"]
    assert _button(html)[0] == "Sign up"


def test_an_editor_previews_changes_to_a_live_opportunity(admin_client, opportunity):
    session = _session(opportunity, days=3, places=1)
    _book(session, 1)
    url = f"/admin/pages/{opportunity.pk}/edit/preview/"
    form = _editor_form(opportunity.organisation, title="Renamed role", sessions=[])
    form["slug"] = opportunity.slug
    removed = {
        "id": session.pk,
        "starts_at": session.starts_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M"),
        "ends_at": session.ends_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M"),
        "places": "1",
        "note": "",
        "ORDER": "1",
        "DELETE": "1",
    }
    form["sessions"] = inline_formset([removed], initial=1)

    html = _preview(admin_client, url, form)

    assert "Renamed role" in html
    assert 'id="sessions"' not in html  # the editor removed the session
    assert _button(html)[0] == "Register your interest"


def test_an_opportunity_whose_sessions_have_all_started_is_closed_on_page_board_and_form(
    client, board, opportunity
):
    started = timezone.now() - timedelta(hours=1)
    OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=started, ends_at=started + timedelta(hours=3)
    )
    html = client.get(opportunity.url).content.decode()
    assert "All the sessions of this opportunity have taken place" in html
    assert 'class="govuk-button govuk-button--start"' not in html
    assert opportunity.title not in client.get(board.url).content.decode()
    assert 'name="name"' not in client.get(opportunity.url + "sign-up/").content.decode()
