"""Writes for sign-ups: taking places, the waiting list and its offers, and the private link.

Each pool of places (a session's, or an opportunity's own when it has no sessions) is guarded
by a row lock on the session or the opportunity. Every writer locks the pool first and the
sign-up second, always in that order, so places are never over-booked and two requests never
deadlock. Emails are queued in the same transaction as the change they describe.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation

from website.core.models import ReviewStatus
from website.core.public_forms.screening import Screening, submission_store
from website.core.review import submission_review
from website.emails.services import email_queue

from .models import PLACE_TAKEN, OpportunityPage, OpportunitySession, Place, Signup, SignupStatus
from .selectors import organisation_notify_addresses, signup_admin_url

RESIDENT = "resident"
COORDINATOR = "coordinator"
TOKEN_MAX_LENGTH = 100  # token_urlsafe(32) is 43 characters; anything far longer is not ours


def token_digest(token: str) -> str:
    """The sha256 hex of a private-link token: the only form in which it is stored."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _token_issue(signup: Signup) -> None:
    """Gives the sign-up a fresh token (on `signup.token`); the old link stops working."""
    signup.token = secrets.token_urlsafe(32)
    signup.token_hash = token_digest(signup.token)


def _link_expiry(*, opportunity: OpportunityPage, now: datetime) -> datetime:
    """The private link works until VOLUNTEERING_LINK_DAYS after the last session ends."""
    last = OpportunitySession.objects.filter(opportunity=opportunity).aggregate(end=Max("ends_at"))
    return max(last["end"] or now, now) + timedelta(days=settings.VOLUNTEERING_LINK_DAYS)


# Pools of places -------------------------------------------------------------------------


def _pool(*, opportunity_id: int, session_id: int | None):
    """The sign-ups that share one set of places (session_id None: the opportunity's own)."""
    return Signup.objects.filter(opportunity_id=opportunity_id, session_id=session_id)


def _pool_lock(*, opportunity_id: int, session_id: int | None) -> int | None:
    """Locks the row that guards a pool and returns its places (None: no limit)."""
    if session_id is not None:
        rows = OpportunitySession.objects.filter(pk=session_id)
    else:  # lock only the opportunity's own table, not Wagtail's page row
        rows = OpportunityPage.objects.filter(pk=opportunity_id)
    return rows.select_for_update(of=("self",)).values_list("places", flat=True).get()


def _place_take(*, opportunity_id: int, session_id: int | None, now: datetime) -> str:
    """Under the pool's lock: first offers any free place to the waiting list (they were here
    first), then books a place that is still free, else wait-lists; no limit means interest."""
    free, _offered = _promote(opportunity_id=opportunity_id, session_id=session_id, now=now)
    if free is None:
        return Place.INTEREST
    return Place.BOOKED if free else Place.WAITING


def _promote(
    *, opportunity_id: int, session_id: int | None, now: datetime
) -> tuple[int | None, list[Signup]]:
    """Locks the pool (a no-op for the database if the caller already holds it) and offers
    each free place to the longest-waiting sign-up. Returns the places still free (None: no
    limit) and the sign-ups offered a place."""
    places = _pool_lock(opportunity_id=opportunity_id, session_id=session_id)
    if places is None:
        return None, []
    pool = _pool(opportunity_id=opportunity_id, session_id=session_id)
    free = max(places - pool.filter(place__in=PLACE_TAKEN).count(), 0)
    started = OpportunitySession.objects.filter(pk=session_id, starts_at__lte=now)
    if not free or (session_id and started.exists()):  # offers only until a session starts
        return free, []
    waiting = list(
        pool.filter(place=Place.WAITING)
        .select_related("opportunity__organisation", "session")
        .select_for_update(of=("self",))
        .order_by("waiting_since", "pk")[:free]
    )
    for signup in waiting:
        _offer_make(signup=signup, now=now)
    return free - len(waiting), waiting


def _signup_locked(*, pk: int) -> Signup:
    """Locks the sign-up's pool, then the sign-up (re-reading if it moved in between)."""
    for _attempt in range(3):
        opportunity_id, session_id = Signup.objects.values_list("opportunity_id", "session_id").get(
            pk=pk
        )
        _pool_lock(opportunity_id=opportunity_id, session_id=session_id)
        signup = (
            Signup.objects.select_related("opportunity__organisation", "session")
            .select_for_update(of=("self",))
            .get(pk=pk)
        )
        if signup.session_id == session_id:
            break
    return signup


def signup_waiting_position(*, signup: Signup) -> int | None:
    """Where a wait-listed sign-up stands in its queue (1 = next to be offered a place)."""
    if signup.place != Place.WAITING:
        return None
    since = signup.waiting_since
    ahead = Q(waiting_since__lt=since) | Q(waiting_since=since, pk__lte=signup.pk)
    pool = _pool(opportunity_id=signup.opportunity_id, session_id=signup.session_id)
    return pool.filter(ahead, place=Place.WAITING).count()


# Emails ------------------------------------------------------------------------------------


def signup_manage_url(*, signup: Signup) -> str:
    """The resident's private link; only known while the raw token is on the instance."""
    opportunity = signup.opportunity
    return opportunity.full_url + opportunity.reverse_subpage("signup_manage", args=[signup.token])


def _resident_email(*, signup: Signup, template: str) -> None:
    """Emails the resident (if they gave an address) in the language they signed up in."""
    if not signup.email:
        return
    organisation = signup.opportunity.organisation
    context = {
        "signup": signup,
        "opportunity": signup.opportunity,
        "organisation": organisation,
        "session": signup.session,
        "position": signup_waiting_position(signup=signup),
        "manage_url": signup_manage_url(signup=signup) if getattr(signup, "token", "") else "",
        "link_days": settings.VOLUNTEERING_LINK_DAYS,
        "offer_hours": settings.VOLUNTEERING_OFFER_HOURS,
        "contact_days": settings.VOLUNTEERING_CONTACT_WORKING_DAYS,
    }
    with translation.override(signup.language):
        email_queue(
            to=[signup.email],
            template=template,
            context=context,
            reply_to=[organisation.contact_email],
        )


def _organisation_email(*, signup: Signup, event: str) -> None:
    """Tells the organisation what happened and links the admin: no personal data in the email."""
    context = {
        "signup": signup,
        "event": event,
        "opportunity": signup.opportunity,
        "session": signup.session,
        "admin_url": signup_admin_url(signup=signup),
    }
    with translation.override(settings.LANGUAGE_CODE):
        email_queue(
            to=organisation_notify_addresses(organisation=signup.opportunity.organisation),
            template="volunteering_signup_notice",
            context=context,
        )


def _arrival_notify(*, signup: Signup) -> None:
    _resident_email(signup=signup, template="volunteering_signup_confirmation")
    _organisation_email(signup=signup, event="new")


def _offer_make(*, signup: Signup, now: datetime) -> None:
    """Offers the place; an emailed offer carries a fresh link, and the old one stops working."""
    expires = now + timedelta(hours=settings.VOLUNTEERING_OFFER_HOURS)
    if signup.session is not None:
        expires = min(expires, signup.session.starts_at)
    signup.place, signup.offer_expires_at = Place.OFFERED, expires
    fields = ["place", "offer_expires_at"]
    if signup.email:
        _token_issue(signup)
        fields.append("token_hash")
    signup.save(update_fields=fields)
    if signup.email:
        _resident_email(signup=signup, template="volunteering_offer_made")
    else:  # no email address: the organisation has to phone them with the offer
        _organisation_email(signup=signup, event="offered")


# Services ----------------------------------------------------------------------------------


@transaction.atomic
def signup_submit(
    *,
    opportunity: OpportunityPage,
    session: OpportunitySession | None,
    fields: dict,
    screening: Screening,
    language: str,
) -> Signup:
    """Stores a sign-up once per rendered form, takes its place and emails both sides.

    A replay returns the first sign-up (without `token`) and sends nothing. A held sign-up
    takes no place and sends nothing until a moderator releases it (`signup_review`).
    """
    now = timezone.now()
    held = screening.review_status == ReviewStatus.HELD
    session_id = session.pk if session else None
    place = Place.NONE
    if not held:
        place = _place_take(opportunity_id=opportunity.pk, session_id=session_id, now=now)
    token = secrets.token_urlsafe(32)
    signup, created = submission_store(
        model=Signup,
        screening=screening,
        opportunity=opportunity,
        session=session,
        place=place,
        waiting_since=now if place == Place.WAITING else None,
        language=language,
        token_hash=token_digest(token),
        token_expires_at=_link_expiry(opportunity=opportunity, now=now),
        **fields,
    )
    if created:
        signup.token = token
        if not held:
            _arrival_notify(signup=signup)
    return signup


def signup_review(submission: Signup, user, release: bool) -> None:
    """The admin's review of a held sign-up: released, it takes a place as if just arrived."""
    with transaction.atomic():
        signup = _signup_locked(pk=submission.pk)
        was_held = signup.review_status == ReviewStatus.HELD
        submission_review(submission=submission, user=user, release=release)
        if not (release and was_held) or signup.status == SignupStatus.WITHDRAWN:
            return
        signup.place = _place_take(
            opportunity_id=signup.opportunity_id, session_id=signup.session_id, now=timezone.now()
        )
        signup.waiting_since = timezone.now() if signup.place == Place.WAITING else None
        if signup.email:  # the raw token is long gone: the confirmation carries a new one
            _token_issue(signup)
        signup.save(update_fields=["place", "waiting_since", "token_hash"])
        _arrival_notify(signup=signup)


@transaction.atomic
def signup_cancel(*, signup: Signup, by: str) -> None:
    """Gives up the sign-up's place and offers it to the waiting list. Safe to repeat.

    A resident's cancellation also withdraws the sign-up; a coordinator sets the status
    themselves (with their note).
    """
    if by not in (RESIDENT, COORDINATOR):
        raise ValueError(f"Unknown canceller {by!r}")
    locked = _signup_locked(pk=signup.pk)
    if locked.place == Place.NONE and (
        by == COORDINATOR or locked.status == SignupStatus.WITHDRAWN
    ):
        return
    freed = locked.place in PLACE_TAKEN
    locked.place, locked.offer_expires_at = Place.NONE, None
    fields = ["place", "offer_expires_at"]
    if by == RESIDENT:
        locked.status, locked.status_changed_at = SignupStatus.WITHDRAWN, timezone.now()
        fields += ["status", "status_changed_at"]
    locked.save(update_fields=fields)
    if by == RESIDENT and locked.review_status != ReviewStatus.HELD:
        _resident_email(signup=locked, template="volunteering_signup_cancelled")
        _organisation_email(signup=locked, event="cancelled")
    if freed:
        _promote(
            opportunity_id=locked.opportunity_id, session_id=locked.session_id, now=timezone.now()
        )
    signup.refresh_from_db()


def offer_decline(*, signup: Signup) -> None:
    """Turning down an offered place is cancelling: the next person is offered it."""
    signup_cancel(signup=signup, by=RESIDENT)


@transaction.atomic
def waiting_list_promote(
    *, opportunity: OpportunityPage, session: OpportunitySession | None
) -> list[Signup]:
    """Offers every free place in the pool to the longest-waiting sign-ups; returns them."""
    session_id = session.pk if session else None
    _free, offered = _promote(
        opportunity_id=opportunity.pk, session_id=session_id, now=timezone.now()
    )
    return offered


@transaction.atomic
def offer_accept(*, signup: Signup, now: datetime | None = None) -> bool:
    """Books an offered place if the offer still stands; a lapsed offer is expired now."""
    now = now or timezone.now()
    locked = _signup_locked(pk=signup.pk)
    if locked.place != Place.OFFERED:
        return False
    if locked.offer_expires_at is None or locked.offer_expires_at <= now:
        _offer_lapse(signup=locked, now=now)
        signup.refresh_from_db()
        return False
    locked.place, locked.offer_expires_at = Place.BOOKED, None
    locked.save(update_fields=["place", "offer_expires_at"])
    locked.token = getattr(signup, "token", "")  # the link the resident is using, if known
    _resident_email(signup=locked, template="volunteering_place_booked")
    _organisation_email(signup=locked, event="accepted")
    signup.refresh_from_db()
    return True


def offers_expire(*, now: datetime | None = None) -> int:
    """Lapses every offer past its time and offers the place to the next person; how many."""
    now = now or timezone.now()
    due = Signup.objects.filter(place=Place.OFFERED, offer_expires_at__lte=now)
    return sum(_offer_expire_one(pk=pk, now=now) for pk in due.values_list("pk", flat=True))


@transaction.atomic
def _offer_expire_one(*, pk: int, now: datetime) -> int:
    signup = _signup_locked(pk=pk)
    if signup.place != Place.OFFERED or (signup.offer_expires_at or now) > now:
        return 0  # accepted or declined since the list was read
    _offer_lapse(signup=signup, now=now)
    return 1


def _offer_lapse(*, signup: Signup, now: datetime) -> None:
    """The offer ran out: no place, an email saying so, and the next person is offered it."""
    signup.place, signup.offer_expires_at = Place.NONE, None
    signup.save(update_fields=["place", "offer_expires_at"])
    _resident_email(signup=signup, template="volunteering_offer_lapsed")
    if not signup.email:
        _organisation_email(signup=signup, event="lapsed")
    _promote(opportunity_id=signup.opportunity_id, session_id=signup.session_id, now=now)


def signup_active(*, signup: Signup) -> bool:
    """True while the sign-up holds, waits for or is checked for a place (can be changed)."""
    return signup.place != Place.NONE or signup.review_status == ReviewStatus.HELD


@transaction.atomic
def signup_change(
    *,
    signup: Signup,
    session: OpportunitySession | None,
    availability: list[str],
    needs: str,
) -> Signup:
    """The resident's changes. Moving session follows the same rules as signing up (booked if
    free, else wait-listed) and offers the old place to the waiting list."""
    now = timezone.now()
    new_session_id = session.pk if session else None
    old_session_id = Signup.objects.values_list("session_id", flat=True).get(pk=signup.pk)
    for session_id in sorted({old_session_id, new_session_id}, key=lambda pk: pk or 0):
        _pool_lock(opportunity_id=signup.opportunity_id, session_id=session_id)
    locked = _signup_locked(pk=signup.pk)
    if not signup_active(signup=locked) or locked.status == SignupStatus.WITHDRAWN:
        return locked
    locked.token = getattr(signup, "token", "")  # the link the resident is using, if known
    locked.availability, locked.needs = availability, needs
    old_place, old_session_id = locked.place, locked.session_id
    moved = new_session_id != old_session_id
    if moved:
        locked.session = session
        locked.session_reminded_at = None  # the new session gets its own reminder
        if locked.review_status != ReviewStatus.HELD:
            locked.place = _place_take(
                opportunity_id=locked.opportunity_id, session_id=new_session_id, now=now
            )
            locked.offer_expires_at = None
            locked.waiting_since = now if locked.place == Place.WAITING else None
    locked.save(
        update_fields=[
            "availability",
            "needs",
            "session",
            "place",
            "offer_expires_at",
            "waiting_since",
            "session_reminded_at",
        ]
    )
    if moved and old_place in PLACE_TAKEN:
        _promote(opportunity_id=locked.opportunity_id, session_id=old_session_id, now=now)
    if locked.review_status != ReviewStatus.HELD:
        if moved:
            _resident_email(signup=locked, template="volunteering_signup_changed")
        _organisation_email(signup=locked, event="changed")
    return locked


def signup_by_token(*, opportunity: OpportunityPage, token: str) -> Signup | None:
    """The sign-up a private link belongs to; None if unknown, expired or for another
    opportunity (any translation of the same opportunity is the same opportunity)."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    signup = (
        Signup.objects.select_related("opportunity__organisation", "session")
        .filter(
            token_hash=token_digest(token),
            opportunity__translation_key=opportunity.translation_key,
        )
        .first()
    )
    if signup is None or signup.token_expires_at <= timezone.now():
        return None
    signup.token = token
    return signup
