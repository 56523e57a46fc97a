"""Public comments on a consultation: one level of replies, moderated, reportable."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission

# A comment is hidden automatically, pending a moderator, after this many reports.
REPORTS_TO_HIDE = 3


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for a moderator")
    HIDDEN = "hidden", _("Hidden")


class ConsultationComment(PublicSubmission):
    """A resident's comment, or an official council reply, shown under its display name only."""

    PERSONAL_DATA_FIELDS = ("display_name", "body", "email", "sender_hash")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    display_name = models.CharField(_("display name"), max_length=60)
    body = models.TextField(_("comment"), max_length=2000)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Never shown. Used only to say why a comment was hidden."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, db_index=True
    )
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)
    is_official = models.BooleanField(_("official council reply"), default=False)
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    # A keyed hash of the sender's IP address: lets a moderator block an address without
    # the site keeping the address itself.
    sender_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "status", "created_at"])]

    def __str__(self):
        return _("Comment %(number)s") % {"number": self.pk}


class CommentReport(models.Model):
    """Someone reported a comment; one report per session, so three people are needed."""

    comment = models.ForeignKey(
        ConsultationComment, on_delete=models.CASCADE, related_name="reports"
    )
    reporter_key = models.CharField(max_length=64)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter_key"], name="one_report_each")
        ]

    def __str__(self):
        return _("Report on comment %(number)s") % {"number": self.comment_id}


class CommentBlock(models.Model):
    """A blocked email or address: its comments wait for a moderator instead of appearing."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("Email")
        ADDRESS = "address", _("Internet address")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value_hash = models.CharField(max_length=64)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "value_hash"], name="one_block")]

    def __str__(self):
        return f"{self.get_kind_display()} block {self.pk}"
