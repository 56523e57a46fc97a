"""Coordinators' work on sign-ups in the admin: status with a note, hours, emailing a session.

Every change is kept in the sign-up's history (SignupNote) or the audit log, and a sign-up
that is withdrawn or not placed gives its place back through the sign-up service, which
offers it to the next person on the waiting list.
"""

from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from website.core.audit import audit_log
from website.core.models import ReviewStatus
from website.emails.services import email_queue

from .models import (
    PLACE_TAKEN,
    OpportunitySession,
    Organisation,
    Place,
    Signup,
    SignupNote,
    SignupStatus,
)

# A coordinator's "no" ends the sign-up's claim on a place, its place in the queue, or
# its registered interest.
STATUSES_ENDING_PLACE = (SignupStatus.WITHDRAWN, SignupStatus.NOT_PLACED)
PUBLISHED = (ReviewStatus.ACCEPTED, ReviewStatus.RELEASED)
EMAIL_ACTION = "website.personal_data.email"


@transaction.atomic
def signup_status_change(*, signup: Signup, status: str, note: str, user) -> SignupNote:
    """Sets the status (or only adds a note), keeping both in the sign-up's history and the
    audit log; withdrawn or not placed gives up any place, offer or waiting-list place, and
    a freed place is offered to the next person waiting."""
    from .signups import signup_cancel  # the public sign-up services (places, waiting list)

    previous = signup.status
    if status in STATUSES_ENDING_PLACE and signup.place != Place.NONE:
        signup_cancel(signup=signup, by="coordinator")  # re-reads `signup` afterwards
    if status != previous:
        signup.status = status
        signup.status_changed_at = timezone.now()
        signup.save(update_fields=["status", "status_changed_at"])
    entry = SignupNote.objects.create(signup=signup, status=status, note=note.strip(), author=user)
    data = {"from": previous, "to": status, "note": entry.pk}
    audit_log(instance=signup, action="website.submission.status", user=user, data=data)
    return entry


@transaction.atomic
def signup_hours_set(*, signup: Signup, hours: Decimal | None, user) -> None:
    """Records the hours a volunteer gave (None when not known), in the audit log too."""
    previous = signup.hours
    signup.hours = hours
    signup.save(update_fields=["hours"])
    data = {"hours": [_text(previous), _text(hours)]}
    audit_log(instance=signup, action="website.submission.update", user=user, data=data)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def hours_totals(*, signups: QuerySet[Signup]) -> dict:
    """Hours volunteered and how many volunteers gave them, per opportunity, per
    organisation and in all, summed in the database over the sign-ups given."""
    recorded = signups.filter(hours__isnull=False)
    opportunity = ("opportunity_id", "opportunity__title", "opportunity__organisation__name")
    organisation = ("opportunity__organisation_id", "opportunity__organisation__name")
    totals = {"hours": Sum("hours"), "volunteers": Count("pk")}
    return {
        "opportunities": list(
            recorded.values(*opportunity).annotate(**totals).order_by(*opportunity[::-1])
        ),
        "organisations": list(
            recorded.values(*organisation).annotate(**totals).order_by(organisation[1])
        ),
        "total": recorded.aggregate(**totals),
    }


def session_recipients(*, session: OpportunitySession) -> list[Signup]:
    """The session's volunteers: those with a place or an offer of one (held and spam
    sign-ups never get mail from coordinators)."""
    return list(
        session.signups.filter(place__in=PLACE_TAKEN, review_status__in=PUBLISHED).order_by("pk")
    )


def _already_sent(*, organisation: Organisation, key: str) -> bool:
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=str(organisation.pk),
        action=EMAIL_ACTION,
        data__form=key,
    ).exists()


@transaction.atomic
def session_volunteers_email(
    *, session: OpportunitySession, subject: str, message: str, user, key: str
) -> int | None:
    """Queues one email to each of the session's volunteers who gave an address, replies
    going to the coordinator; logged once against the organisation. The same form (`key`)
    sent twice, by a double click say, queues nothing the second time: returns None then."""
    OpportunitySession.objects.select_for_update().get(pk=session.pk)  # one send at a time
    organisation = session.opportunity.organisation
    if _already_sent(organisation=organisation, key=key):
        return None
    reply_to = [user.email or organisation.contact_email]
    recipients = [signup for signup in session_recipients(session=session) if signup.email]
    for signup in recipients:
        context = {"name": signup.name, "subject": subject, "message": message}
        context.update(opportunity=session.opportunity, organisation=organisation, session=session)
        with translation.override(signup.language):  # the volunteer's language around it
            email_queue(
                to=[signup.email],
                template="volunteering_session_message",
                context=context,
                reply_to=reply_to,
            )
    data = {"session": session.pk, "recipients": len(recipients), "form": key}
    audit_log(instance=organisation, action=EMAIL_ACTION, user=user, data=data)
    return len(recipients)
