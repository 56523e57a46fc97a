"""Per-site settings editors change without a developer: contact and social details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The council's contact and social media details shown in the footer and contact page."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=120, default="Plymouth City Council"
    )
    phase = models.CharField(
        _("phase"),
        max_length=20,
        blank=True,
        default="beta",
        help_text=_("Shown in the phase banner, e.g. beta. Leave empty to hide the banner."),
    )
    feedback_url = models.URLField(_("feedback link"), blank=True)
    example_content_notice = models.BooleanField(
        _("show the example content notice"),
        default=False,
        help_text=_("Says on every page that the content is made up. Turn off before going live."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Every form that asks for personal details links to this page."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("contact address"), max_length=400, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("phase"), FieldPanel("feedback_url"), FieldPanel("example_content_notice")],
            _("Banners"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            _("Contact details"),
        ),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldPanel(name)
                for name in (
                    "facebook_url",
                    "instagram_url",
                    "linkedin_url",
                    "x_url",
                    "youtube_url",
                )
            ],
            _("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) for each social account that is set, in a fixed order."""
        accounts = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in accounts if url]
