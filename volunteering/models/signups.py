"""Residents' sign-ups, their places, and the coordinators' notes on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from website.core.models import PublicSubmission


class Place(models.TextChoices):
    """Where a sign-up stands against the places (the resident's side)."""

    BOOKED = "booked", _("Has a place")
    OFFERED = "offered", _("Offered a place")
    WAITING = "waiting", _("On the waiting list")
    INTEREST = "interest", _("Registered interest")
    NONE = "none", _("No place")  # cancelled, withdrawn, or held until a moderator releases it


# Sign-ups that use up a place: an offer holds the place until it is taken or expires.
PLACE_TAKEN = (Place.BOOKED, Place.OFFERED)


class SignupStatus(models.TextChoices):
    """Where a sign-up stands with the organisation (the coordinator's side)."""

    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    PLACED = "placed", _("Placed")
    NOT_PLACED = "not_placed", _("Not placed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Availability(models.TextChoices):
    WEEKDAY_DAYTIME = "weekday-daytime", _("Weekdays, daytime")
    WEEKDAY_EVENING = "weekday-evening", _("Weekday evenings")
    WEEKENDS = "weekends", _("Weekends")


class Signup(PublicSubmission):
    """A resident's sign-up for an opportunity, or for one of its sessions.

    The resident manages it through a private link: only a hash of its token is stored.
    """

    PERSONAL_DATA_FIELDS = ("name", "email", "phone", "postcode", "availability", "needs")

    opportunity = models.ForeignKey(
        "volunteering.OpportunityPage",
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="signups",
    )
    session = models.ForeignKey(
        "volunteering.OpportunitySession",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signups",
    )
    place = models.CharField(_("place"), max_length=20, choices=Place.choices)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    # When the sign-up joined its current waiting list (moving session re-joins at the back).
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SignupStatus.choices, default=SignupStatus.NEW
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    needs = models.TextField(_("anything we should know"), max_length=2000, blank=True)
    age_confirmed = models.BooleanField(_("confirmed minimum age"), default=False)
    contact_consent = models.BooleanField(_("agreed to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=10, default="en")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_expires_at = models.DateTimeField(_("private link expires"))

    hours = models.DecimalField(
        _("hours volunteered"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    session_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    coordinator_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    team_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(PublicSubmission.Meta):
        verbose_name = _("volunteer sign-up")
        verbose_name_plural = _("volunteer sign-ups")
        indexes = [
            models.Index(fields=["opportunity", "place"]),
            models.Index(fields=["session", "place"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.opportunity.title}"


class SignupNote(models.Model):
    """A coordinator's change of status, with an optional note (kept as the sign-up's history)."""

    PERSONAL_DATA_FIELDS = ("note",)

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="notes")
    status = models.CharField(_("status"), max_length=20, choices=SignupStatus.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-up note")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.note[:50]}"
