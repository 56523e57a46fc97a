from django.core.management.base import BaseCommand

from volunteering.retention import signups_prune


class Command(BaseCommand):
    help = (
        "Anonymise volunteer sign-ups whose retention has ended and delete those marked as spam "
        "(run daily from cron)."
    )

    def handle(self, *args, **options):
        done = signups_prune()
        self.stdout.write(
            f"Anonymised {done['anonymised']} sign-up(s); deleted {done['spam_deleted']} "
            "marked as spam."
        )
