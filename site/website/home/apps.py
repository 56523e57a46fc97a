from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "website.home"
    label = "home"
