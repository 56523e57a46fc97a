"""Scheduled emails that keep the board's promises: a reminder before each session, and chasing
sign-ups nobody has contacted (the coordinators first, then the council's volunteering team).

Run every 15 minutes (`volunteering_reminders_send`). The database picks the due rows; each
row is locked and checked again before its email is queued, and its timestamp is set in the same
transaction, so overlapping or repeated runs never send an email twice. `now` is turned into
UTC first: adding hours to a London-time datetime would add wall-clock hours across a clock change.
"""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from website.core.models import ReviewStatus
from website.core.working_days import working_days_cutoff
from website.emails.services import email_queue

from .models import LocationKind, Place, Signup, SignupStatus
from .selectors import organisation_notify_addresses, signup_admin_url

# Sign-ups the organisation has been told of: not held for review, not marked as spam.
HANDLED = (ReviewStatus.ACCEPTED, ReviewStatus.RELEASED)


def reminders_send(*, now: datetime | None = None) -> dict[str, int]:
    """Everything the 15-minute schedule does; returns how many of each it did."""
    from .signups import offers_expire  # the sign-up service: lapsed waiting-list offers

    now = (now or timezone.now()).astimezone(UTC)
    return {
        "offers_expired": offers_expire(now=now),
        "session_reminders": session_reminders_send(now=now),
        "contact_reminders": contact_reminders_send(now=now),
        "contact_escalations": contact_escalations_send(now=now),
    }


def _session_reminders_due(*, now: datetime) -> QuerySet[Signup]:
    """Booked volunteers with an email whose session starts within the reminder window.

    Not those who signed up once the window had opened: their confirmation email, sent
    moments before, already says when and where. (Someone who signed up earlier and took a
    place from the waiting list inside the window is reminded.) Nor for an unpublished role.
    """
    window = timedelta(hours=settings.VOLUNTEERING_REMINDER_HOURS)
    return Signup.objects.filter(
        place=Place.BOOKED,
        review_status__in=HANDLED,
        session_reminded_at__isnull=True,
        opportunity__live=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + window,
        created_at__lt=F("session__starts_at") - window,
    ).exclude(email="")


def session_reminders_send(*, now: datetime | None = None) -> int:
    """Emails each booked volunteer, in their language, before their session; returns how many."""
    now = (now or timezone.now()).astimezone(UTC)
    pks = list(_session_reminders_due(now=now).values_list("pk", flat=True))
    return sum(_session_remind(pk=pk, now=now) for pk in pks)


@transaction.atomic
def _session_remind(*, pk: int, now: datetime) -> int:
    signup = (
        _session_reminders_due(now=now)
        .select_for_update(of=("self",))
        .select_related("session", "opportunity__organisation")
        .filter(pk=pk)
        .first()
    )
    if signup is None:  # reminded by an overlapping run, cancelled, or the session moved
        return 0
    opportunity = signup.opportunity
    with translation.override(signup.language):
        email_queue(
            to=[signup.email],
            template="volunteering_session_reminder",
            context={
                "signup": signup,
                "session": signup.session,
                "opportunity": opportunity,
                "organisation": opportunity.organisation,
                "where": _where(opportunity),
                "opportunity_url": opportunity.full_url,
            },
        )
    signup.session_reminded_at = now
    signup.save(update_fields=["session_reminded_at"])
    return 1


def _where(opportunity) -> str:
    """Where to go: the address and postcode, else "From home" or "At different places"."""
    if opportunity.location_kind != LocationKind.HOME:
        lines = [*opportunity.address.splitlines(), opportunity.postcode]
        address = ", ".join(line.strip() for line in lines if line.strip())
        if address:
            return address
    return str(opportunity.get_location_kind_display())


def _not_contacted(*, now: datetime, working_days: int) -> QuerySet[Signup]:
    """Sign-ups still new `working_days` working days after the organisation was told of them
    (when they arrived, or when a moderator released them)."""
    return (
        Signup.objects.filter(status=SignupStatus.NEW, review_status__in=HANDLED)
        .exclude(place=Place.NONE)
        .alias(told_at=Coalesce("reviewed_at", "created_at"))
        .filter(told_at__lte=working_days_cutoff(now, working_days))
    )


def contact_reminders_send(*, now: datetime | None = None) -> int:
    """One email to each organisation's coordinators listing its sign-ups nobody has
    contacted in time; returns how many emails."""
    now = (now or timezone.now()).astimezone(UTC)
    due = _not_contacted(now=now, working_days=settings.VOLUNTEERING_CONTACT_WORKING_DAYS)
    due = due.filter(coordinator_reminded_at__isnull=True)
    by_organisation = defaultdict(list)
    for pk, organisation_id in due.values_list("pk", "opportunity__organisation_id"):
        by_organisation[organisation_id].append(pk)
    return sum(_coordinators_remind(due=due, pks=pks, now=now) for pks in by_organisation.values())


@transaction.atomic
def _coordinators_remind(*, due: QuerySet[Signup], pks: list[int], now: datetime) -> int:
    signups = _locked(due.filter(pk__in=pks))
    if not signups:
        return 0
    organisation = signups[0].opportunity.organisation
    with translation.override(settings.LANGUAGE_CODE):
        email_queue(
            to=organisation_notify_addresses(organisation=organisation),
            template="volunteering_contact_reminder",
            context={
                "organisation": organisation,
                "rows": [_signup_row(signup) for signup in signups],
                "working_days": settings.VOLUNTEERING_CONTACT_WORKING_DAYS,
            },
        )
    Signup.objects.filter(pk__in=[s.pk for s in signups]).update(coordinator_reminded_at=now)
    return 1


@transaction.atomic
def contact_escalations_send(*, now: datetime | None = None) -> int:
    """One email to the volunteering team naming the organisations and opportunities with
    sign-ups still not contacted after the longer wait; returns how many emails (0 or 1)."""
    now = (now or timezone.now()).astimezone(UTC)
    due = _not_contacted(now=now, working_days=settings.VOLUNTEERING_ESCALATE_WORKING_DAYS)
    signups = _locked(due.filter(team_alerted_at__isnull=True))
    if not signups:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        rows = sorted(
            (_signup_row(signup) for signup in signups),
            key=lambda row: (row["organisation"], row["opportunity"], row["signed_up_at"]),
        )
        email_queue(
            to=settings.VOLUNTEERING_TEAM_EMAILS,
            template="volunteering_contact_escalation",
            context={
                "rows": rows,
                "working_days": settings.VOLUNTEERING_ESCALATE_WORKING_DAYS,
            },
        )
    Signup.objects.filter(pk__in=[s.pk for s in signups]).update(team_alerted_at=now)
    return 1


def _locked(signups: QuerySet[Signup]) -> list[Signup]:
    """The sign-ups, locked until the transaction ends, oldest first, with what the emails
    show. PostgreSQL checks the conditions again once a lock is won."""
    return list(
        signups.select_for_update(of=("self",))
        .select_related("session", "opportunity__organisation")
        .order_by("created_at", "pk")
    )


def _signup_row(signup: Signup) -> dict:
    """What staff emails say about a sign-up: no name or contact details, only the link to it
    in the admin, where seeing them is audited."""
    return {
        "organisation": signup.opportunity.organisation.name,
        "opportunity": signup.opportunity.title,
        "session": signup.session,
        "place": signup.get_place_display(),
        "signed_up_at": signup.created_at,
        "admin_url": signup_admin_url(signup=signup),
    }
