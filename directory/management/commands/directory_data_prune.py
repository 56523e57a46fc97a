from django.core.management.base import BaseCommand

from directory.retention import suggestions_prune


class Command(BaseCommand):
    help = (
        "Blank the names and email addresses on asset suggestions whose retention has ended "
        "(run daily from cron)."
    )

    def handle(self, *args, **options):
        pruned = suggestions_prune()
        self.stdout.write(f"Removed the name and email from {pruned} asset suggestion(s).")
