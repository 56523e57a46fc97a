"""Sign-ups in the admin (the coordinators' work fills this in)."""

from django.utils.translation import gettext_lazy as _

from website.core.submission_admin import SubmissionViewSet

from .models import Signup


class SignupViewSet(SubmissionViewSet):
    model = Signup
    icon = "group"
    menu_label = _("Volunteer sign-ups")
    add_to_admin_menu = True
    list_display = ["opportunity", "created_at", "status", "place"]
