"""'You said, we did': the actions the council promised after a consultation, kept up to date."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_GOING_AHEAD = "not_going_ahead", _("Not going ahead")


class ConsultationAction(Orderable):
    """One thing the council said it would do, with where it stands and since when."""

    page = ParentalKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="actions"
    )
    description = models.CharField(_("what we will do"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    status_date = models.DateField(_("status date"), help_text=_("When it reached this status."))
    note = models.CharField(_("note"), max_length=300, blank=True)

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_date")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.description


class ResultsReminder(models.Model):
    """That the officer was reminded a closed consultation still has no results (once each)."""

    consultation = models.OneToOneField(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Reminder for {self.consultation_id}"
