from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.services import results_reminders_send


class Command(BaseCommand):
    help = "Remind officers of consultations closed without results (run daily from cron)."

    def handle(self, *args, **options):
        sent = results_reminders_send(after_days=settings.CONSULTATION_RESULTS_REMINDER_DAYS)
        self.stdout.write(f"Sent {sent} reminder(s).")
