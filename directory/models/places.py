"""What every directory entry shares: where it is, how to get in touch, how accessible it is."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from website.core.postcodes import postcode_normalise

# Plymouth and a margin: a coordinate outside it is a typing mistake (or swapped lat/lng).
LATITUDE_RANGE = (50.2, 50.6)
LONGITUDE_RANGE = (-4.4, -3.9)

ACCESSIBILITY_FEATURES = [
    ("step_free", _("Step-free access")),
    ("hearing_loop", _("Hearing loop")),
    ("accessible_toilet", _("Accessible toilet")),
    ("parking", _("Parking")),
    ("public_transport", _("Near a bus stop")),
]


class PlaceMixin(models.Model):
    """An address in Plymouth with its postcode, map position, ward and neighbourhood."""

    address = models.TextField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=8, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(LATITUDE_RANGE[0]), MaxValueValidator(LATITUDE_RANGE[1])],
        help_text=_("Leave empty to use the centre of the postcode."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(LONGITUDE_RANGE[0]), MaxValueValidator(LONGITUDE_RANGE[1])],
        help_text=_("Leave empty to use the centre of the postcode."),
    )
    ward = models.ForeignKey(
        "core.Area",
        verbose_name=_("ward"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": "ward"},
        related_name="+",
        help_text=_("Leave empty to use the postcode's ward."),
    )
    neighbourhood = models.ForeignKey(
        "core.Area",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"kind": "neighbourhood"},
        related_name="+",
    )

    place_panels = [
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("ward"), FieldPanel("neighbourhood")]),
    ]

    class Meta:
        abstract = True

    def place_clean(self, *, address_required: bool) -> None:
        """Normalises the postcode and fills the map position and ward from it."""
        from website.core.models import Area
        from website.core.selectors import postcode_point, postcode_ward_code

        if self.postcode:
            normalised = postcode_normalise(self.postcode)
            if normalised is None:
                raise ValidationError({"postcode": _("Enter a full UK postcode, like PL1 2AA")})
            self.postcode = normalised
        if address_required and not (self.address and self.postcode):
            raise ValidationError({"address": _("Give the address and its postcode.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both the latitude and the longitude.")})
        if self.postcode and self.latitude is None:
            point = postcode_point(postcode=self.postcode)
            if point is None:
                raise ValidationError(
                    {"postcode": _("This postcode is not in Plymouth's postcode list.")}
                )
            self.latitude, self.longitude = point.latitude, point.longitude
        if self.postcode and self.ward_id is None:
            code = postcode_ward_code(postcode=self.postcode)
            if code:
                self.ward = Area.objects.filter(kind=Area.Kind.WARD, code=code).first()

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ContactMixin(models.Model):
    """How residents get in touch: phone, email and website, all optional."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    contact_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]), FieldPanel("website")],
            _("Contact"),
        )
    ]

    class Meta:
        abstract = True


class AccessibilityMixin(models.Model):
    """The accessibility features residents filter by, and anything else they should know."""

    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    parking = models.BooleanField(_("parking"), default=False)
    public_transport = models.BooleanField(_("near a bus stop"), default=False)
    accessibility_detail = models.TextField(
        _("more about access"),
        max_length=1000,
        blank=True,
        help_text=_('E.g. "Lift to the first floor; 2 blue-badge spaces at the back".'),
    )

    accessibility_panels = [
        MultiFieldPanel(
            [
                *(FieldPanel(name) for name, _label in ACCESSIBILITY_FEATURES),
                FieldPanel("accessibility_detail"),
            ],
            _("Accessibility"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def accessibility_features(self) -> list[str]:
        """The labels of the features this place has, in the fixed order."""
        return [str(label) for name, label in ACCESSIBILITY_FEATURES if getattr(self, name)]
