"""Writes and reads for public comments: post, reply, report, moderate."""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from website.core.audit import audit_log
from website.core.models import HeldReason, ReviewStatus
from website.core.public_forms.screening import Screening, submission_store
from website.emails.services import email_queue

from .models import (
    REPORTS_TO_HIDE,
    CommentBlock,
    CommentReport,
    CommentStatus,
    ConsultationComment,
    ConsultationPage,
)

COUNCIL_NAME = "Plymouth City Council"


def sender_hashes(*, email: str, ip: str) -> dict[str, str]:
    """Keyed hashes of a sender's email and address, to match against blocks without storing IPs."""
    key = settings.SECRET_KEY.encode()
    return {
        kind: hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()
        for kind, value in (("email", email), ("address", ip))
        if value
    }


def _blocked(hashes: dict[str, str]) -> bool:
    return any(
        CommentBlock.objects.filter(kind=kind, value_hash=value).exists()
        for kind, value in hashes.items()
    )


@transaction.atomic
def sender_block(*, comment: ConsultationComment, user, kind: str, reason: str) -> None:
    """Blocks the comment's email or address; their comments then wait for a moderator."""
    value = (
        sender_hashes(email=comment.email, ip="").get("email")
        if kind == "email"
        else comment.sender_hash
    )
    if not value:
        return
    CommentBlock.objects.get_or_create(
        kind=kind, value_hash=value, defaults={"reason": reason, "created_by": user}
    )
    audit_log(instance=comment, action="website.review.block", user=user, data={"kind": kind})


def comments_published(*, consultation: ConsultationPage) -> QuerySet:
    """Published top-level comments, oldest first, each with its published replies (2 queries)."""
    replies = ConsultationComment.objects.filter(status=CommentStatus.PUBLISHED)
    return (
        ConsultationComment.objects.filter(
            consultation=consultation, parent__isnull=True, status=CommentStatus.PUBLISHED
        )
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


@transaction.atomic
def comment_post(
    *,
    consultation: ConsultationPage,
    display_name: str,
    body: str,
    email: str,
    screening: Screening,
    ip: str = "",
    parent: ConsultationComment | None = None,
) -> ConsultationComment:
    """Stores a comment once per rendered form; held, blocked or pre-moderated ones wait."""
    if parent is not None and parent.parent_id:
        parent = parent.parent  # replies go one level deep: a reply to a reply joins the thread
    hashes = sender_hashes(email=email, ip=ip)
    if _blocked(hashes):
        screening = Screening(
            idempotency_key=screening.idempotency_key,
            held_reasons=[*screening.held_reasons, HeldReason.BLOCKED.value],
        )
    waits = screening.held_reasons or consultation.comments_premoderated
    comment, _created = submission_store(
        model=ConsultationComment,
        screening=screening,
        consultation=consultation,
        parent=parent,
        display_name=display_name,
        body=body,
        email=email,
        sender_hash=hashes.get("address", ""),
        status=CommentStatus.PENDING if waits else CommentStatus.PUBLISHED,
    )
    return comment


def reporter_key(*, session_key: str) -> str:
    """Who reported, as a hash of their session: enough to count each person once."""
    return hashlib.sha256(session_key.encode()).hexdigest()


@transaction.atomic
def comment_report(*, comment: ConsultationComment, reporter: str, reason: str) -> bool:
    """Records a report (one per reporter); the third hides the comment and tells moderators."""
    comment = ConsultationComment.objects.select_for_update().get(pk=comment.pk)
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter_key=reporter, reason=reason)
    except IntegrityError:
        return False
    comment.report_count += 1
    fields = ["report_count"]
    if comment.report_count >= REPORTS_TO_HIDE and comment.status == CommentStatus.PUBLISHED:
        comment.status = CommentStatus.HIDDEN
        comment.hidden_reason = _("Hidden after several reports, waiting for a moderator.")
        fields += ["status", "hidden_reason"]
        _moderators_notify(comment)
    comment.save(update_fields=fields)
    return True


def _moderators_notify(comment: ConsultationComment) -> None:
    emails = list(
        get_user_model()
        .objects.filter(groups__name="Moderators", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    ) or list(settings.CONTACT_FORM_RECIPIENTS)
    email_queue(
        to=emails,
        template="comment_reported",
        context={"comment": comment, "admin_url": settings.WAGTAILADMIN_BASE_URL},
    )


@transaction.atomic
def comment_moderate(
    *, comment: ConsultationComment, user, publish: bool, reason: str = ""
) -> None:
    """Publishes a comment, or hides it with a reason the author is told if they gave an email."""
    comment.status = CommentStatus.PUBLISHED if publish else CommentStatus.HIDDEN
    comment.hidden_reason = "" if publish else reason
    if comment.review_status == ReviewStatus.HELD:
        comment.review_status = ReviewStatus.RELEASED if publish else ReviewStatus.SPAM
    comment.reviewed_by, comment.reviewed_at = user, timezone.now()
    comment.save()
    action = "website.review.release" if publish else "website.personal_data.hide"
    audit_log(instance=comment, action=action, user=user, data={"reason": reason})
    if not publish and comment.email:
        email_queue(
            to=[comment.email],
            template="comment_hidden",
            context={"comment": comment, "consultation": comment.consultation, "reason": reason},
        )


@transaction.atomic
def official_reply(*, comment: ConsultationComment, user, body: str) -> ConsultationComment:
    """The council's own reply under a comment, shown distinctly."""
    return ConsultationComment.objects.create(
        consultation=comment.consultation,
        parent=comment.parent or comment,
        display_name=COUNCIL_NAME,
        body=body,
        status=CommentStatus.PUBLISHED,
        is_official=True,
        reviewed_by=user,
        reviewed_at=timezone.now(),
    )
