from django.core.management.base import BaseCommand

from volunteering.reminders import reminders_send


class Command(BaseCommand):
    help = (
        "Expire lapsed waiting-list offers, remind volunteers before their sessions, and chase "
        "sign-ups nobody has contacted. Safe to run often: every 15 minutes from cron."
    )

    def handle(self, *args, **options):
        done = reminders_send()
        self.stdout.write(
            f"Expired {done['offers_expired']} offer(s); queued {done['session_reminders']} "
            f"session reminder(s), {done['contact_reminders']} coordinator reminder(s) and "
            f"{done['contact_escalations']} volunteering team alert(s)."
        )
