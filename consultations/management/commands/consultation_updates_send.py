from django.core.management.base import BaseCommand

from consultations.models import ConsultationPage
from consultations.services import outcome_notify


class Command(BaseCommand):
    help = (
        "Email subscribers about results published (including at a scheduled time) and changed "
        "actions. Safe to run often, e.g. every 15 minutes from cron."
    )

    def handle(self, *args, **options):
        sent = sum(
            outcome_notify(consultation=page)
            for page in ConsultationPage.objects.live().filter(results_published_at__isnull=False)
        )
        self.stdout.write(f"Queued {sent} email(s).")
