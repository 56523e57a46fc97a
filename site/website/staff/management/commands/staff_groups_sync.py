from django.core.management.base import BaseCommand

from website.staff.services import staff_groups_sync


class Command(BaseCommand):
    help = "Create the staff groups and set their permissions to what the apps grant."

    def handle(self, *args, **options):
        staff_groups_sync()
        self.stdout.write("Staff groups are up to date.")
