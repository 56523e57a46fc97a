from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "website.navigation"
    label = "navigation"
    verbose_name = "Navigation"
