"""Structured opening hours: weekly periods plus dated exceptions, as inline models."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from ..opening_hours import DatedHours, WeeklyPeriod


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningPeriodBase(Orderable):
    """Open every `weekday` from `opens` to `closes`; a closing time at or before the opening
    time means the period runs past midnight. Several periods a day are several rows."""

    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("opening time")
        verbose_name_plural = _("opening times")

    def clean(self):
        super().clean()
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("The closing time must differ from the opening.")})


class DatedHoursBase(Orderable):
    """A date whose hours replace the weekly ones: closed (no times) or special hours."""

    day = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=100, blank=True, help_text=_('E.g. "Bank holiday".')
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("change to the usual hours")
        verbose_name_plural = _("changes to the usual hours")

    def clean(self):
        super().clean()
        if (self.opens is None) != (self.closes is None):
            raise ValidationError(
                {"closes": _("Give both times for special hours, or neither if it is closed.")}
            )
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("The closing time must differ from the opening.")})


class OpeningHoursMixin:
    """For pages with `opening_periods` and `dated_hours` inlines (prefetch both for lists)."""

    @staticmethod
    def opening_hours_panels(heading):
        return [
            InlinePanel(
                "opening_periods",
                heading=heading,
                label=_("Opening time"),
                help_text=_(
                    "One row per opening: add a second row for the same day if it closes for "
                    "lunch. A closing time earlier than the opening time runs past midnight."
                ),
            ),
            InlinePanel(
                "dated_hours",
                heading=_("Changes to the usual hours"),
                label=_("Change"),
                help_text=_(
                    "Bank holidays, closures and special hours. A date with no times is closed "
                    "all day; a date with times replaces that day's usual hours."
                ),
            ),
        ]

    def weekly_periods(self) -> list[WeeklyPeriod]:
        return [
            WeeklyPeriod(weekday=p.weekday, opens=p.opens, closes=p.closes)
            for p in self.opening_periods.all()
        ]

    def dated_hours_list(self) -> list[DatedHours]:
        """The dated exceptions, one per date: any row without times closes the whole day."""
        by_day: dict = defaultdict(list)
        closed = set()
        for row in self.dated_hours.all():
            if row.opens is None:
                closed.add(row.day)
            else:
                by_day[row.day].append((row.opens, row.closes))
        days = closed | set(by_day)
        return [
            DatedHours(day=day, periods=() if day in closed else tuple(sorted(by_day[day])))
            for day in sorted(days)
        ]


class HubOpeningPeriod(OpeningPeriodBase):
    page = ParentalKey(
        "directory.WellbeingHubPage", related_name="opening_periods", on_delete=models.CASCADE
    )


class HubDatedHours(DatedHoursBase):
    page = ParentalKey(
        "directory.WellbeingHubPage", related_name="dated_hours", on_delete=models.CASCADE
    )


class FoodPlaceOpeningPeriod(OpeningPeriodBase):
    page = ParentalKey(
        "directory.FoodPlacePage", related_name="opening_periods", on_delete=models.CASCADE
    )


class FoodPlaceDatedHours(DatedHoursBase):
    page = ParentalKey(
        "directory.FoodPlacePage", related_name="dated_hours", on_delete=models.CASCADE
    )
