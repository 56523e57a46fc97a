"""Moderators' decisions on held submissions, each one in the audit log."""

from django.db import transaction
from django.utils import timezone

from .audit import audit_log
from .models import PublicSubmission, ReviewStatus


@transaction.atomic
def submission_review(*, submission: PublicSubmission, user, release: bool) -> None:
    """Releases a submission (handled as if never held) or marks it as spam."""
    submission.review_status = ReviewStatus.RELEASED if release else ReviewStatus.SPAM
    submission.reviewed_by = user
    submission.reviewed_at = timezone.now()
    submission.save(update_fields=["review_status", "reviewed_by", "reviewed_at"])
    action = "website.review.release" if release else "website.review.spam"
    audit_log(instance=submission, action=action, user=user)
