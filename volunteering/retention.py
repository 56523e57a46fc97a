"""How long volunteers' personal data is kept (the README's data inventory), run daily by
`volunteering_data_prune`.

A sign-up's personal data (Signup.PERSONAL_DATA_FIELDS and its notes) is blanked 12 calendar
months after the later of signing up and its session's end; the row stays, with its status,
place, hours and dates, for totals. Sign-ups marked as spam are deleted 30 days after a
moderator marked them. Either way the audit log's entries about the sign-up stop naming the
resident: Wagtail's own views label an entry with the object's name when they write it
(`core.audit` already labels its entries "Volunteer sign-up <number>", as this does). `now` is
turned into UTC first, so date arithmetic never counts wall-clock hours.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from website.core.models import ReviewStatus

from .models import Signup, SignupNote

SPAM_RETENTION = timedelta(days=30)
BATCH_SIZE = 1000  # rows per transaction: the first run on years of data stays small


def signups_prune(*, now: datetime | None = None) -> dict[str, int]:
    """Everything the daily schedule does; returns how many sign-ups of each kind."""
    now = (now or timezone.now()).astimezone(UTC)
    spam_deleted = spam_signups_delete(now=now)  # first: no need to anonymise what goes
    return {"anonymised": signups_anonymise(now=now), "spam_deleted": spam_deleted}


def signups_retention_ended(*, now: datetime) -> QuerySet[Signup]:
    """Sign-ups kept 12 months since signing up, and since their session ended."""
    return Signup.objects.alias(
        kept_from=Greatest("created_at", Coalesce("session__ends_at", "created_at"))
    ).filter(kept_from__lte=_year_before(now))


def signups_anonymise(*, now: datetime | None = None) -> int:
    """Blanks the personal data of sign-ups whose retention has ended; returns how many."""
    now = (now or timezone.now()).astimezone(UTC)
    ended = signups_retention_ended(now=now)
    blank = _blank_personal_data()
    # A note added after its sign-up was anonymised is blanked too.
    SignupNote.objects.filter(signup__in=ended.values("pk")).exclude(note="").update(note="")
    pending = ended.exclude(**blank).order_by("pk").values_list("pk", flat=True)
    anonymised = 0
    while batch := list(pending[:BATCH_SIZE]):
        with transaction.atomic():
            anonymised += Signup.objects.filter(pk__in=batch).update(**blank)
            _audit_labels_clear(pks=batch)
    return anonymised


def spam_signups_delete(*, now: datetime | None = None) -> int:
    """Deletes sign-ups 30 days after they were marked as spam; returns how many."""
    now = (now or timezone.now()).astimezone(UTC)
    spam = (
        Signup.objects.filter(review_status=ReviewStatus.SPAM)
        .alias(marked_at=Coalesce("reviewed_at", "created_at"))
        .filter(marked_at__lte=now - SPAM_RETENTION)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    deleted = 0
    while batch := list(spam[:BATCH_SIZE]):
        with transaction.atomic():
            _audit_labels_clear(pks=batch)
            deleted += Signup.objects.filter(pk__in=batch).delete()[1].get(Signup._meta.label, 0)
    return deleted


def _blank_personal_data() -> dict:
    """Each personal-data field of a sign-up with its empty value ("" or an empty list)."""
    return {
        name: Signup._meta.get_field(name).get_default() for name in Signup.PERSONAL_DATA_FIELDS
    }


def _audit_labels_clear(*, pks: list[int]) -> None:
    """Audit log entries about these sign-ups keep who did what and when, not whose sign-up."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Signup),
        object_id__in=[str(pk) for pk in pks],
    ).update(label=Concat(Value("Volunteer sign-up "), "object_id"))


def _year_before(moment: datetime) -> datetime:
    """The same moment 12 calendar months earlier (29 February -> 28 February)."""
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:
        return moment.replace(year=moment.year - 1, day=28)
