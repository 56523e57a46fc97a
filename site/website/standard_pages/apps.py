from django.apps import AppConfig


class StandardPagesConfig(AppConfig):
    name = "website.standard_pages"
    label = "standard_pages"
