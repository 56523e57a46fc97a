"""Organisations that offer volunteering: the council and its VCFSE partners."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", _("Plymouth City Council")
    PARTNER = "partner", _("Voluntary, community, faith or social enterprise (VCFSE) partner")


class Organisation(index.Indexed, models.Model):
    """A volunteering organisation, and the staff accounts that coordinate its volunteers.

    Coordinators see only their own organisations' opportunities and sign-ups in the admin.
    Names are proper nouns, so organisations are not translated.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.PARTNER
    )
    description = models.TextField(_("description"), max_length=1000, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        help_text=_("Shown to residents, and where sign-up notices go if no coordinator has one."),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="volunteering_organisations",
        help_text=_(
            "Staff who manage this organisation's opportunities and sign-ups. They are told of "
            "every sign-up. Add them to the Volunteer coordinators group as well."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            _("Contact"),
        ),
        FieldPanel("coordinators"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("volunteering organisation")
        verbose_name_plural = _("volunteering organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_council(self) -> bool:
        return self.kind == OrganisationKind.COUNCIL
