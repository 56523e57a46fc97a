from django.apps import AppConfig


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = "Volunteering"
