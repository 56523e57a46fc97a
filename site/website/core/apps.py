from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"
    verbose_name = "Core"
