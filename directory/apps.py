from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory"

    def ready(self):
        from wagtail.signals import page_published

        from .models import CommunityAssetPage

        # A signal, not a call from our own code: assets are published in Wagtail's own views,
        # workflows, bulk actions and scheduled publishing, none of which we can call into.
        # The receiver only hands over to the service.
        page_published.connect(
            _asset_published, sender=CommunityAssetPage, dispatch_uid="directory_asset_published"
        )


def _asset_published(sender, instance, **kwargs):
    """Tells residents whose suggestion became this asset that it is live."""
    from .suggestions import suggestion_notify_live

    suggestion_notify_live(page=instance)
