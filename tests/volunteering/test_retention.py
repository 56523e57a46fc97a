"""Volunteers' personal data is anonymised 12 months after the later of signing up and the
session's end, keeping the row for totals; sign-ups marked as spam go after 30 days."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from volunteering import retention
from volunteering.builders import OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup, SignupNote, SignupStatus
from volunteering.retention import signups_anonymise, signups_prune, spam_signups_delete
from website.core.models import ReviewStatus

SECOND = timedelta(seconds=1)
SIGNED_UP = datetime(2025, 3, 10, 11, 0, tzinfo=UTC)
YEAR_LATER = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)

PERSONAL = {
    "name": "Zebedee Quill",
    "email": "zebedee@example.org",
    "phone": "07700 900123",
    "postcode": "PL1 1AE",
    "availability": ["weekends"],
    "needs": "I use a wheelchair",
}


def signup_make(opportunity, *, created_at=SIGNED_UP, **fields) -> Signup:
    signup = SignupBuilder(opportunity=opportunity, **{**PERSONAL, **fields})
    Signup.objects.filter(pk=signup.pk).update(created_at=created_at)
    signup.refresh_from_db()
    return signup


def is_anonymised(signup: Signup) -> bool:
    signup.refresh_from_db()
    values = [getattr(signup, name) for name in Signup.PERSONAL_DATA_FIELDS]
    if all(values):
        return False
    assert not any(values), f"partly anonymised: {values}"
    return True


@pytest.mark.django_db
def test_anonymised_12_months_after_signing_up_and_the_row_kept(opportunity, admin_user):
    signup = signup_make(
        opportunity,
        status=SignupStatus.PLACED,
        place=Place.INTEREST,
        hours=Decimal("12.50"),
        language="pl",
    )
    note = SignupNote.objects.create(
        signup=signup, status=SignupStatus.PLACED, note="Called Zebedee", author=admin_user
    )
    # Wagtail's own views label their log entries with the object's name.
    log(instance=signup, action="wagtail.edit", user=admin_user)
    assert "Zebedee" in ModelLogEntry.objects.get(object_id=str(signup.pk)).label

    assert signups_anonymise(now=YEAR_LATER - SECOND) == 0
    assert not is_anonymised(signup)
    assert signups_anonymise(now=YEAR_LATER) == 1
    assert is_anonymised(signup)
    assert signup.availability == []
    # What the totals need stays.
    assert (signup.status, signup.place, signup.hours) == ("placed", "interest", Decimal("12.50"))
    assert signup.created_at == SIGNED_UP and signup.opportunity_id == opportunity.pk
    note.refresh_from_db()
    assert note.note == "" and note.status == SignupStatus.PLACED and note.author == admin_user
    # The audit log still says who looked and when, but no longer whose sign-up it was.
    entry = ModelLogEntry.objects.get(object_id=str(signup.pk))
    assert entry.label == f"Volunteer sign-up {signup.pk}" and entry.user == admin_user
    assert signups_anonymise(now=YEAR_LATER + timedelta(days=1)) == 0


@pytest.mark.django_db
def test_a_session_ending_later_keeps_the_data_12_months_from_its_end(opportunity):
    ends = SIGNED_UP + timedelta(days=40)
    session = OpportunitySessionBuilder(
        opportunity=opportunity, starts_at=ends - timedelta(hours=3), ends_at=ends
    )
    signup = signup_make(opportunity, session=session, place=Place.BOOKED)
    assert signups_anonymise(now=YEAR_LATER + timedelta(days=39)) == 0
    assert signups_anonymise(now=ends.replace(year=2026) - SECOND) == 0
    assert not is_anonymised(signup)
    assert signups_anonymise(now=ends.replace(year=2026)) == 1
    assert is_anonymised(signup)


@pytest.mark.django_db
def test_a_session_that_ended_before_the_sign_up_counts_from_the_sign_up(opportunity):
    """E.g. a sign-up moved by a coordinator to a past session: kept 12 months from signing up."""
    session = OpportunitySessionBuilder(
        opportunity=opportunity,
        starts_at=SIGNED_UP - timedelta(days=5),
        ends_at=SIGNED_UP - timedelta(days=5, hours=-2),
    )
    signup = signup_make(opportunity, session=session, place=Place.BOOKED)
    assert signups_anonymise(now=YEAR_LATER - SECOND) == 0
    assert signups_anonymise(now=YEAR_LATER) == 1
    assert is_anonymised(signup)


@pytest.mark.django_db
def test_a_note_written_after_anonymising_is_blanked_on_the_next_run(opportunity):
    signup = signup_make(opportunity)
    signups_anonymise(now=YEAR_LATER)
    note = SignupNote.objects.create(signup=signup, status=SignupStatus.NOT_PLACED, note="Late")
    assert signups_anonymise(now=YEAR_LATER + timedelta(days=1)) == 0
    note.refresh_from_db()
    assert note.note == ""


@pytest.mark.django_db
def test_anonymises_in_batches(opportunity, monkeypatch):
    monkeypatch.setattr(retention, "BATCH_SIZE", 2)
    signups = [signup_make(opportunity) for _number in range(5)]
    recent = signup_make(opportunity, created_at=YEAR_LATER - timedelta(days=1))
    assert signups_anonymise(now=YEAR_LATER) == 5
    assert all(is_anonymised(signup) for signup in signups)
    assert not is_anonymised(recent)


@pytest.mark.django_db
def test_spam_deleted_30_days_after_it_was_marked(opportunity, admin_user):
    marked = SIGNED_UP + timedelta(days=2)
    spam = signup_make(opportunity, review_status=ReviewStatus.SPAM, reviewed_at=marked)
    SignupNote.objects.create(signup=spam, status=SignupStatus.NEW, note="Looks like spam")
    log(instance=spam, action="wagtail.edit", user=admin_user)
    held = signup_make(opportunity, review_status=ReviewStatus.HELD)
    released = signup_make(opportunity, review_status=ReviewStatus.RELEASED, reviewed_at=marked)
    accepted = signup_make(opportunity)

    assert spam_signups_delete(now=marked + timedelta(days=30) - SECOND) == 0
    assert spam_signups_delete(now=marked + timedelta(days=30)) == 1
    assert set(Signup.objects.values_list("pk", flat=True)) == {
        held.pk,
        released.pk,
        accepted.pk,
    }
    assert not SignupNote.objects.exists()
    entry = ModelLogEntry.objects.get(object_id=str(spam.pk))
    assert entry.label == f"Volunteer sign-up {spam.pk}" and "Zebedee" not in entry.label


@pytest.mark.django_db
def test_spam_never_reviewed_counts_from_arrival(opportunity):
    signup_make(opportunity, review_status=ReviewStatus.SPAM)
    assert spam_signups_delete(now=SIGNED_UP + timedelta(days=30) - SECOND) == 0
    assert spam_signups_delete(now=SIGNED_UP + timedelta(days=30)) == 1


@pytest.mark.django_db
def test_prune_does_both_and_the_command_runs(opportunity):
    old = signup_make(opportunity, created_at=datetime(2020, 1, 1, tzinfo=UTC))
    signup_make(opportunity, created_at=datetime(2020, 1, 1, tzinfo=UTC), review_status="spam")
    kept = signup_make(opportunity, created_at=datetime.now(tz=UTC) - timedelta(days=300))
    out = StringIO()
    call_command("volunteering_data_prune", stdout=out)
    assert out.getvalue().strip() == "Anonymised 1 sign-up(s); deleted 1 marked as spam."
    assert is_anonymised(old) and not is_anonymised(kept)
    assert signups_prune() == {"anonymised": 0, "spam_deleted": 0}


def test_12_months_before_29_february_is_28_february():
    leap_day = datetime(2028, 2, 29, 12, 0, tzinfo=UTC)
    assert retention._year_before(leap_day) == datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
