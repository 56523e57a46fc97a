"""Staff sessions: time limits, and two-factor sign-in before any admin page."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

SESSION_SIGNED_IN_AT = "staff_signed_in_at"
SESSION_LAST_SEEN_AT = "staff_last_seen_at"
# Write the "last seen" time at most once a minute, not on every request.
LAST_SEEN_WRITE_INTERVAL = 60


def _sign_in_redirect(request):
    """To the two-factor sign-in page, coming back here afterwards."""
    return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")


class StaffSessionTimeoutMiddleware:
    """Signs a user out after STAFF_SESSION_IDLE_SECONDS idle or STAFF_SESSION_MAX_SECONDS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and self._expired(request):
            logout(request)
            messages.info(request, _("You were signed out to keep the account safe."))
            if request.path.startswith("/admin/"):
                return _sign_in_redirect(request)
        return self.get_response(request)

    def _expired(self, request) -> bool:
        now = int(time.time())
        session = request.session
        signed_in_at = session.setdefault(SESSION_SIGNED_IN_AT, now)
        last_seen_at = session.get(SESSION_LAST_SEEN_AT, now)
        if now - last_seen_at > settings.STAFF_SESSION_IDLE_SECONDS:
            return True
        if now - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS:
            return True
        if now - last_seen_at >= LAST_SEEN_WRITE_INTERVAL or SESSION_LAST_SEEN_AT not in session:
            session[SESSION_LAST_SEEN_AT] = now
        return False


class StaffTwoFactorRequiredMiddleware:
    """Sends a signed-in user who has not passed two-factor sign-in away from the admin.

    A user with no device is sent to set one up; a user with one who signed in without it
    (an old session, say) is signed out and sent to the sign-in page, which asks for it.
    """

    # The two-factor pages themselves, and signing out, must stay reachable.
    ALLOWED_PREFIXES = (
        "/admin/account/",
        "/admin/logout/",
        "/admin/jsi18n/",  # scripts and icons the two-factor pages load
        "/admin/sprite/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_second_factor(request):
            from two_factor.utils import default_device

            if default_device(request.user):
                logout(request)
                return _sign_in_redirect(request)
            return redirect("two_factor:setup")
        return self.get_response(request)

    def _needs_second_factor(self, request) -> bool:
        return (
            settings.STAFF_TWO_FACTOR_REQUIRED
            and request.path.startswith("/admin/")
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and request.user.is_authenticated
            and not request.user.is_verified()
        )
