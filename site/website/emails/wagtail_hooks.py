"""Admin registration for outgoing email: the read-only queue and the failed-email panel."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutgoingEmail
from .views import FailedEmailsPanel, OutgoingEmailViewSet, permission_policy

# Registered before the view set, which would otherwise make a default (editable) one.
register_permission_policy(OutgoingEmail, permission_policy)


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet()


@hooks.register("construct_homepage_panels")
def failed_emails_panel(request, panels):
    """Shows staff who can see the queue how many emails failed for good, if any did."""
    if not permission_policy.user_has_permission(request.user, "view"):
        return
    failed_count = OutgoingEmail.objects.failed().count()
    if failed_count:
        panels.append(FailedEmailsPanel(failed_count=failed_count))
