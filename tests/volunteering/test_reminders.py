"""Reminders at their exact times: before each session (elapsed hours), and chasing sign-ups
nobody has contacted (working days in England, on London time); each email sent once."""

import threading
from datetime import UTC, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from volunteering.builders import (
    OpportunityPageBuilder,
    OpportunitySessionBuilder,
    OrganisationBuilder,
    SignupBuilder,
)
from volunteering.models import LocationKind, Place, Signup, SignupStatus
from volunteering.reminders import (
    contact_escalations_send,
    contact_reminders_send,
    reminders_send,
    session_reminders_send,
)
from website.core.models import ReviewStatus
from website.emails.models import OutgoingEmail

LONDON = ZoneInfo("Europe/London")
SECOND = timedelta(seconds=1)


def london(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def signup_make(*, created_at: datetime, **fields) -> Signup:
    """A sign-up that arrived at `created_at` (auto_now_add would say now)."""
    signup = SignupBuilder(**fields)
    Signup.objects.filter(pk=signup.pk).update(created_at=created_at)
    signup.refresh_from_db()
    return signup


@pytest.fixture(autouse=True)
def _timings(settings):
    settings.VOLUNTEERING_REMINDER_HOURS = 24
    settings.VOLUNTEERING_CONTACT_WORKING_DAYS = 5
    settings.VOLUNTEERING_ESCALATE_WORKING_DAYS = 10
    settings.VOLUNTEERING_TEAM_EMAILS = ["team@example.org"]


@pytest.fixture
def offers_expire_calls(monkeypatch):
    """Stands in for signups.offers_expire, to see that the schedule calls it."""
    calls = []

    def offers_expire(*, now=None):
        calls.append(now)
        return 2

    monkeypatch.setattr("volunteering.signups.offers_expire", offers_expire)
    return calls


# Before a session ----------------------------------------------------------------------------

SESSION_STARTS = london(2026, 6, 13, 10, 0)  # a Saturday in summer (BST)


@pytest.fixture
def beach_clean(opportunity):
    opportunity.title = "Beach clean at Mount Batten"
    opportunity.address = "Mount Batten Centre\n70 Lawrence Road"
    opportunity.postcode = "PL9 9SJ"
    opportunity.save_revision().publish()
    return OpportunitySessionBuilder(
        opportunity=opportunity,
        starts_at=SESSION_STARTS,
        ends_at=SESSION_STARTS + timedelta(hours=3),
        note="Bring gloves and a water bottle",
    )


def booked(session, *, created_at=None, **fields) -> Signup:
    return signup_make(
        opportunity=session.opportunity,
        session=session,
        created_at=created_at or session.starts_at - timedelta(days=10),
        **{"place": Place.BOOKED, **fields},
    )


@pytest.mark.django_db
def test_session_reminder_at_exactly_24_hours_before_and_once(beach_clean):
    signup = booked(beach_clean, name="Ada O'Brien & Co", email="ada+tag@example.org")
    reminder_time = SESSION_STARTS - timedelta(hours=24)
    assert session_reminders_send(now=reminder_time - SECOND) == 0
    assert session_reminders_send(now=reminder_time) == 1
    assert session_reminders_send(now=reminder_time) == 0
    assert session_reminders_send(now=reminder_time + timedelta(hours=2)) == 0
    email = OutgoingEmail.objects.get()
    assert email.to == ["ada+tag@example.org"]
    assert email.subject == "Reminder: Beach clean at Mount Batten on Saturday 13 June, 10:00"
    text = email.body_text
    assert "Hello Ada O'Brien & Co," in text  # plain text is not HTML-escaped
    assert "Ada O&#x27;Brien &amp; Co" in email.body_html
    assert "When: Saturday 13 June 2026, 10:00 to 13:00" in text
    assert "Where: Mount Batten Centre, 70 Lawrence Road, PL9 9SJ" in text
    assert "Please note: Bring gloves and a water bottle" in text
    assert beach_clean.opportunity.full_url in text
    assert "private link in your confirmation email" in text
    assert "Good Neighbours Scheme: gns@example.org" in text
    signup.refresh_from_db()
    assert signup.session_reminded_at == reminder_time


@pytest.mark.django_db
def test_session_reminder_counts_elapsed_hours_across_the_clock_change(opportunity):
    """Clocks go forward at 01:00 on Sunday 29 March 2026: 24 hours before 10:00 BST on the
    Sunday is 09:00 GMT on the Saturday, and the email gives the London time of the day."""
    starts = london(2026, 3, 29, 10, 0)
    session = OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    booked(session)
    reminder_time = london(2026, 3, 28, 9, 0)
    assert starts.astimezone(UTC) - reminder_time.astimezone(UTC) == timedelta(hours=24)
    assert session_reminders_send(now=reminder_time - SECOND) == 0
    assert session_reminders_send(now=reminder_time) == 1
    assert "When: Sunday 29 March 2026, 10:00 to 12:00" in OutgoingEmail.objects.get().body_text


@pytest.mark.django_db
def test_the_reminder_window_follows_the_setting(settings, beach_clean):
    settings.VOLUNTEERING_REMINDER_HOURS = 48
    booked(beach_clean)
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=48) - SECOND) == 0
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=48)) == 1


@pytest.mark.django_db
def test_a_sign_up_made_once_the_window_opened_gets_no_reminder(beach_clean):
    """Their confirmation, sent moments before, already says when and where."""
    window_opens = SESSION_STARTS - timedelta(hours=24)
    before = booked(beach_clean, created_at=window_opens - SECOND)
    booked(beach_clean, created_at=window_opens)
    booked(beach_clean, created_at=SESSION_STARTS - timedelta(hours=2))
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=1)) == 1
    assert OutgoingEmail.objects.get().to == [before.email]


@pytest.mark.parametrize(
    "fields",
    [
        {"place": Place.WAITING},
        {"place": Place.OFFERED},
        {"place": Place.INTEREST},
        {"place": Place.NONE},  # cancelled
        {"review_status": ReviewStatus.HELD},
        {"review_status": ReviewStatus.SPAM},
        {"email": "", "phone": "07700 900123"},
        {"session_reminded_at": SESSION_STARTS - timedelta(hours=30)},
    ],
)
@pytest.mark.django_db
def test_only_booked_volunteers_with_an_email_are_reminded(beach_clean, fields):
    booked(beach_clean, **fields)
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=12)) == 0
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_no_reminder_once_the_session_started_or_the_role_is_unpublished(beach_clean):
    booked(beach_clean)
    assert session_reminders_send(now=SESSION_STARTS) == 0
    beach_clean.opportunity.unpublish()
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=12)) == 0
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize(
    ("language", "day"), [("pl", "sobota 13 czerwca"), ("ar", "السبت 13 يونيو")]
)
@pytest.mark.django_db
def test_session_reminder_in_the_volunteers_language(beach_clean, language, day):
    booked(beach_clean, language=language)
    assert session_reminders_send(now=SESSION_STARTS - timedelta(hours=12)) == 1
    email = OutgoingEmail.objects.get()
    assert day in email.subject.lower() and day in email.body_text.lower()
    assert f'lang="{language}"' in email.body_html
    assert translation.get_language() == "en"  # the command's own language is left alone


@pytest.mark.django_db
def test_a_role_from_home_says_so(board, organisation):
    page = OpportunityPageBuilder(
        parent=board, organisation=organisation, location_kind=LocationKind.HOME, address=""
    )
    session = OpportunitySessionBuilder(opportunity=page, starts_at=SESSION_STARTS)
    booked(session)
    session_reminders_send(now=SESSION_STARTS - timedelta(hours=1))
    assert "Where: From home" in OutgoingEmail.objects.get().body_text


# Sign-ups nobody has contacted ----------------------------------------------------------------


def new_signup(opportunity, created_at: datetime, **fields) -> Signup:
    return signup_make(opportunity=opportunity, created_at=created_at, **fields)


@pytest.mark.django_db
def test_coordinators_reminded_after_5_working_days_and_team_after_10(opportunity, coordinator):
    signup = new_signup(
        opportunity,
        london(2026, 3, 2, 14, 30),  # a Monday
        name="Zebedee Quill",
        email="zebedee@example.org",
        phone="07700 900123",
        needs="Uses a wheelchair",
    )
    assert contact_reminders_send(now=london(2026, 3, 9, 14, 29, 59)) == 0
    assert contact_reminders_send(now=london(2026, 3, 9, 14, 30)) == 1
    assert contact_reminders_send(now=london(2026, 3, 9, 14, 30)) == 0
    assert contact_escalations_send(now=london(2026, 3, 13, 12, 0)) == 0
    reminder = OutgoingEmail.objects.get()
    assert reminder.to == ["coordinator@example.org"]
    assert "Good Neighbours Scheme: 1 volunteer sign-up waiting" in reminder.subject
    assert f"/admin/volunteer_signups/inspect/{signup.pk}/" in reminder.body_text
    assert "Befriending older neighbours" in reminder.body_text

    assert contact_escalations_send(now=london(2026, 3, 16, 14, 29, 59)) == 0
    assert contact_escalations_send(now=london(2026, 3, 16, 14, 30)) == 1
    assert contact_escalations_send(now=london(2026, 3, 17, 9, 0)) == 0
    alert = OutgoingEmail.objects.latest("pk")
    assert alert.to == ["team@example.org"]
    assert "Good Neighbours Scheme" in alert.body_text
    assert "Befriending older neighbours" in alert.body_text
    assert f"/admin/volunteer_signups/inspect/{signup.pk}/" in alert.body_text
    for email in (reminder, alert):  # the admin link, not the resident's details
        everything = email.subject + email.body_text + email.body_html
        for private in ("Zebedee", "zebedee@", "07700", "wheelchair"):
            assert private not in everything
    signup.refresh_from_db()
    assert signup.coordinator_reminded_at == london(2026, 3, 9, 14, 30)
    assert signup.team_alerted_at == london(2026, 3, 16, 14, 30)


@pytest.mark.parametrize(
    ("created_at", "deadline"),
    [
        # Saturday: the clock starts on Monday at 09:00.
        (london(2026, 3, 7, 10, 0), london(2026, 3, 16, 9, 0)),
        # After 17:00 on Friday: the same.
        (london(2026, 3, 6, 18, 0), london(2026, 3, 16, 9, 0)),
        # Easter: Good Friday and Easter Monday are skipped (the clocks changed in between too).
        (london(2026, 4, 2, 11, 0), london(2026, 4, 13, 11, 0)),
        # Christmas: 25 and 26 December and New Year's Day are skipped.
        (london(2025, 12, 23, 10, 0), london(2026, 1, 2, 10, 0)),
        # Early May bank holiday.
        (london(2026, 4, 30, 15, 45), london(2026, 5, 8, 15, 45)),
    ],
)
@pytest.mark.django_db
def test_contact_reminder_across_weekends_and_bank_holidays(opportunity, created_at, deadline):
    new_signup(opportunity, created_at)
    assert contact_reminders_send(now=deadline - SECOND) == 0
    assert contact_reminders_send(now=deadline) == 1


@pytest.mark.parametrize(
    ("created_at", "deadline"),
    [
        # Clocks go forward on 29 March 2026: 10:00 GMT is 10:00 UTC, 10:00 BST is 09:00 UTC.
        (datetime(2026, 3, 26, 10, 0, tzinfo=UTC), datetime(2026, 4, 2, 9, 0, tzinfo=UTC)),
        # Clocks go back on 26 October 2025: 10:00 BST is 09:00 UTC, 10:00 GMT is 10:00 UTC.
        (datetime(2025, 10, 24, 9, 0, tzinfo=UTC), datetime(2025, 10, 31, 10, 0, tzinfo=UTC)),
    ],
)
@pytest.mark.django_db
def test_contact_reminder_keeps_london_time_across_the_clock_change(
    opportunity, created_at, deadline
):
    new_signup(opportunity, created_at)
    assert contact_reminders_send(now=deadline - SECOND) == 0
    assert contact_reminders_send(now=deadline) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"status": SignupStatus.CONTACTED},
        {"status": SignupStatus.PLACED},
        {"status": SignupStatus.WITHDRAWN},
        {"place": Place.NONE},
        {"review_status": ReviewStatus.HELD},
        {"review_status": ReviewStatus.SPAM},
    ],
)
@pytest.mark.django_db
def test_only_new_sign_ups_the_organisation_has_are_chased(opportunity, fields):
    new_signup(opportunity, london(2026, 3, 2, 10, 0), **fields)
    later = london(2026, 4, 30, 12, 0)
    assert contact_reminders_send(now=later) == 0
    assert contact_escalations_send(now=later) == 0
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_a_released_sign_up_counts_from_its_release(opportunity):
    new_signup(
        opportunity,
        london(2026, 3, 2, 10, 0),
        review_status=ReviewStatus.RELEASED,
        reviewed_at=london(2026, 3, 4, 16, 0),
    )
    assert contact_reminders_send(now=london(2026, 3, 11, 15, 59, 59)) == 0
    assert contact_reminders_send(now=london(2026, 3, 11, 16, 0)) == 1


@pytest.mark.django_db
def test_one_email_per_organisation_and_one_to_the_team(board, opportunity, coordinator):
    second = OpportunityPageBuilder(
        parent=board, title="Garden helper", organisation=opportunity.organisation
    )
    other_org = OrganisationBuilder(name="Digital Volunteers", contact_email="dv@example.org")
    elsewhere = OpportunityPageBuilder(parent=board, title="Tablet help", organisation=other_org)
    monday = london(2026, 3, 2, 10, 0)
    ours = [new_signup(page, monday) for page in (opportunity, second, second)]
    theirs = new_signup(elsewhere, monday)
    new_signup(elsewhere, london(2026, 3, 5, 10, 0))  # not yet due

    assert contact_reminders_send(now=london(2026, 3, 9, 12, 0)) == 2
    to_us = OutgoingEmail.objects.get(to=["coordinator@example.org"])
    assert "3 volunteer sign-ups waiting" in to_us.subject
    for signup in ours:
        assert f"/inspect/{signup.pk}/" in to_us.body_text
    assert f"/inspect/{theirs.pk}/" not in to_us.body_text
    to_them = OutgoingEmail.objects.get(to=["dv@example.org"])  # no coordinator: the contact
    assert f"/inspect/{theirs.pk}/" in to_them.body_text and "Garden" not in to_them.body_text

    assert contact_escalations_send(now=london(2026, 3, 16, 12, 0)) == 1
    alert = OutgoingEmail.objects.get(to=["team@example.org"])
    assert "4 volunteer sign-ups not contacted in time" in alert.subject
    text = alert.body_text
    assert text.index("Digital Volunteers") < text.index("Good Neighbours Scheme")
    assert text.count("Garden helper") == 2


@pytest.mark.django_db
def test_the_team_is_told_even_if_the_coordinators_were_never_reminded(opportunity):
    """If the schedule stopped for a fortnight, both go out in the first run after."""
    new_signup(opportunity, london(2026, 3, 2, 10, 0))
    assert contact_reminders_send(now=london(2026, 3, 20, 10, 0)) == 1
    assert contact_escalations_send(now=london(2026, 3, 20, 10, 0)) == 1


# The scheduled command -------------------------------------------------------------------------


@pytest.mark.django_db
def test_reminders_send_expires_offers_and_sends_everything_once(offers_expire_calls, beach_clean):
    booked(beach_clean)
    new_signup(beach_clean.opportunity, london(2026, 5, 1, 10, 0))
    now = SESSION_STARTS - timedelta(hours=3)
    assert reminders_send(now=now) == {
        "offers_expired": 2,
        "session_reminders": 1,
        "contact_reminders": 1,
        "contact_escalations": 1,
    }
    assert offers_expire_calls == [now]
    assert reminders_send(now=now)["session_reminders"] == 0
    assert OutgoingEmail.objects.count() == 3


@pytest.mark.django_db
def test_the_command_runs_on_the_current_time(offers_expire_calls, opportunity):
    starts = timezone.now() + timedelta(hours=2)
    session = OpportunitySessionBuilder(opportunity=opportunity, starts_at=starts)
    booked(session, status=SignupStatus.CONTACTED)
    out = StringIO()
    call_command("volunteering_reminders_send", stdout=out)
    assert "Expired 2 offer(s); queued 1 session reminder(s)" in out.getvalue()
    call_command("volunteering_reminders_send", stdout=StringIO())
    assert OutgoingEmail.objects.count() == 1
    assert len(offers_expire_calls) == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency"
)
@pytest.mark.django_db(transaction=True)
def test_overlapping_runs_send_each_email_once(section_pages, offers_expire_calls):
    opportunity = OpportunityPageBuilder(parent=section_pages["volunteering"])
    session = OpportunitySessionBuilder(opportunity=opportunity, starts_at=SESSION_STARTS)
    for _number in range(5):
        booked(session)
        new_signup(opportunity, london(2026, 5, 1, 10, 0))
    barrier = threading.Barrier(6)
    results = []

    def run():
        barrier.wait()
        try:
            results.append(reminders_send(now=SESSION_STARTS - timedelta(hours=3)))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6
    assert sum(result["session_reminders"] for result in results) == 5
    assert sum(result["contact_reminders"] for result in results) == 1
    assert sum(result["contact_escalations"] for result in results) == 1
    assert OutgoingEmail.objects.count() == 7


@pytest.mark.django_db
def test_reminders_send_lapses_offers_with_the_sign_up_service(session):
    """The real signups.offers_expire, not a stand-in: a lapsed offer loses its place."""
    offer = booked(
        session,
        place=Place.OFFERED,
        offer_expires_at=session.starts_at - timedelta(days=3),
        status=SignupStatus.CONTACTED,
    )
    now = session.starts_at - timedelta(days=2)
    assert reminders_send(now=now)["offers_expired"] == 1
    offer.refresh_from_db()
    assert offer.place == Place.NONE
    assert reminders_send(now=now)["offers_expired"] == 0


@pytest.mark.django_db
def test_rows_that_are_not_due_cost_no_queries(session, django_assert_max_num_queries):
    """The database picks the due rows: hundreds that are not due add no queries."""
    not_yet = SignupBuilder.build_batch(
        200, opportunity=session.opportunity, session=session, place=Place.BOOKED
    )
    contacted = SignupBuilder.build_batch(
        200, opportunity=session.opportunity, status=SignupStatus.CONTACTED
    )
    Signup.objects.bulk_create(not_yet + contacted)
    Signup.objects.filter(status=SignupStatus.CONTACTED).update(created_at=london(2025, 1, 6, 9))
    now = timezone.now()
    with django_assert_max_num_queries(5):  # one each, and a savepoint around the team's
        assert session_reminders_send(now=now) == 0
        assert contact_reminders_send(now=now) == 0
        assert contact_escalations_send(now=now) == 0
