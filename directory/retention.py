"""How long residents' names and email addresses on asset suggestions are kept (the README's
data inventory), run daily by `directory_data_prune`.

A suggestion's personal data (AssetSuggestion.PERSONAL_DATA_FIELDS) is blanked 90 days after a
directory editor decided on it (a draft asset made from it: when it was published, or after a
year if it never is), or 90 days after it arrived if it was held for review or marked
as spam and never decided. The row stays, with what was suggested and its status, as the
directory's record. Suggestions waiting for a decision keep the details, so the resident can
still be told. `now` is turned into UTC first, so date arithmetic never counts wall-clock hours.
"""

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from website.core.models import ReviewStatus

from .models import AssetSuggestion, SuggestionStatus

RETENTION = timedelta(days=90)
# A draft made from a suggestion keeps the details until it is published (so the resident can be
# told), but no longer than this if it never is.
DRAFT_RETENTION = timedelta(days=365)
BATCH_SIZE = 1000  # rows per transaction: the first run on years of data stays small


def suggestions_retention_ended(*, now: datetime) -> QuerySet[AssetSuggestion]:
    """Suggestions decided 90 days ago (a year for drafts never published), and undecided ones
    held or marked as spam 90 days ago."""
    cutoff = now - RETENTION
    held = Q(review_status__in=(ReviewStatus.HELD, ReviewStatus.SPAM))
    drafted = Q(status=SuggestionStatus.DRAFTED)
    return AssetSuggestion.objects.filter(
        (Q(decided_at__lte=cutoff) & ~drafted)
        | (drafted & Q(decided_at__lte=now - DRAFT_RETENTION))
        | (Q(decided_at__isnull=True) & held & Q(created_at__lte=cutoff))
    )


def suggestions_prune(*, now: datetime | None = None) -> int:
    """Blanks the name and email of suggestions whose retention has ended; returns how many."""
    now = (now or timezone.now()).astimezone(UTC)
    blank = dict.fromkeys(AssetSuggestion.PERSONAL_DATA_FIELDS, "")
    pending = (
        suggestions_retention_ended(now=now)
        .exclude(**blank)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pruned = 0
    while batch := list(pending[:BATCH_SIZE]):
        with transaction.atomic():
            pruned += AssetSuggestion.objects.filter(pk__in=batch).update(**blank)
    return pruned
