"""Menus as translatable snippets, chosen per site in Navigation settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from .blocks import FooterSectionBlock, LinkBlock


class MainMenu(TranslatableMixin, models.Model):
    """The links in the header's service navigation."""

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self) -> str:
        return self.name


class FooterMenu(TranslatableMixin, models.Model):
    """The footer's sections of links and its meta links (accessibility, privacy, cookies)."""

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    sections = StreamField(
        [("section", FooterSectionBlock())], verbose_name=_("sections"), blank=True
    )
    meta_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("meta links"),
        blank=True,
        help_text=_("The small links at the bottom: accessibility, privacy, cookies, contact."),
    )

    panels = [FieldPanel("name"), FieldPanel("sections"), FieldPanel("meta_links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self) -> str:
        return self.name


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """Which main menu and footer this site shows; each is shown in the reader's language."""

    main_menu = models.ForeignKey(
        MainMenu,
        verbose_name=_("main menu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_menu = models.ForeignKey(
        FooterMenu,
        verbose_name=_("footer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("navigation settings")
