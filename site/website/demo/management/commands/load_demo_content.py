"""Build the example site; safe to run again (it adds only what is missing)."""

from django.core.management.base import BaseCommand

from website.demo.services import demo_content_load


class Command(BaseCommand):
    help = "Create the example page tree, menus, topics and areas (idempotent)."

    def handle(self, *args, **options):
        pages = demo_content_load()
        self.stdout.write(
            self.style.SUCCESS(f"Example content ready ({len(pages)} pages ensured).")
        )
