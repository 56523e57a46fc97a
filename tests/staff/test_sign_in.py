"""Staff sign-in: two factors for every account, throttled guesses, limited sessions, long passwords."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from website.staff.middleware import SESSION_LAST_SEEN_AT, SESSION_SIGNED_IN_AT

from ..conftest import staff_client_for

LOGIN = "/admin/account/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser("officer", "o@example.org", PASSWORD)


def _password_step(client, username="officer", password=PASSWORD):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def _token_step(client, token):
    return client.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": token})


def _device(user) -> TOTPDevice:
    # The two-factor set-up names the device it makes "default"; sign-in asks for that one.
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_wagtail_sign_in_page_sends_staff_to_two_factor_sign_in(db, client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_admin_asks_signed_out_visitors_to_sign_in_with_two_factors(db, client):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_password_and_authenticator_code_sign_in(staff_user):
    device = _device(staff_user)
    client = Client()
    response = _password_step(client)
    assert response.status_code == 200 and "token-otp_token" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # a password alone is not enough
    _password_step(client)
    response = _token_step(client, _current_code(device))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_code_does_not_sign_in(staff_user):
    _device(staff_user)
    client = Client()
    _password_step(client)
    response = _token_step(client, "000000")
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_backup_code_signs_in(staff_user):
    _device(staff_user)
    backup = StaticDevice.objects.create(user=staff_user, name="backup")
    backup.token_set.create(token="abcd1234")
    client = Client()
    _password_step(client)
    client.post(LOGIN, {"login_view-current_step": "token", "wizard_goto_step": "backup"})
    response = client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": "abcd1234"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not backup.token_set.exists()  # each backup code works once


def test_account_without_a_device_is_sent_to_set_one_up(staff_user):
    client = Client()
    client.force_login(staff_user)
    response = client.get("/admin/pages/")
    assert (
        response.status_code == 302 and response["Location"] == "/admin/account/two_factor/setup/"
    )
    assert client.get("/admin/account/two_factor/setup/").status_code == 200


def test_session_without_the_second_factor_is_signed_out(staff_user):
    _device(staff_user)
    client = Client()
    client.force_login(staff_user)  # e.g. a session from before two-factor sign-in
    response = client.get("/admin/")
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_development_settings_may_turn_two_factor_off(staff_user, settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    client = Client()
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200


def test_account_page_links_to_two_factor_settings(staff_user):
    client = staff_client_for(staff_user)
    html = client.get("/admin/account/").content.decode()
    assert "/admin/account/two_factor/" in html
    assert client.get("/admin/account/two_factor/").status_code == 200


@pytest.mark.parametrize("username", ["officer", "nobody-by-this-name"])
def test_repeated_failures_lock_out_without_saying_whether_the_account_exists(
    staff_user, settings, username
):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _password_step(client, username=username, password="wrong password here")
        assert response.status_code == 200
        assert "correct username and password" in response.content.decode()
    assert _password_step(client, username=username, password="wrong").status_code == 429
    locked = _password_step(client, username=username, password=PASSWORD)
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()
    assert "token-otp_token" not in locked.content.decode()


def test_session_ends_after_thirty_idle_minutes(staff_user, settings):
    client = staff_client_for(staff_user)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[SESSION_LAST_SEEN_AT] = int(time.time()) - settings.STAFF_SESSION_IDLE_SECONDS - 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_active_session_ends_twelve_hours_after_sign_in(staff_user, settings):
    client = staff_client_for(staff_user)
    client.get("/admin/")
    session = client.session
    session[SESSION_SIGNED_IN_AT] = int(time.time()) - settings.STAFF_SESSION_MAX_SECONDS - 1
    session[SESSION_LAST_SEEN_AT] = int(time.time())
    session.save()
    assert client.get("/admin/").status_code == 302


def test_activity_keeps_the_session(staff_user, settings):
    client = staff_client_for(staff_user)
    client.get("/admin/")
    session = client.session
    session[SESSION_LAST_SEEN_AT] = int(time.time()) - settings.STAFF_SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session[SESSION_LAST_SEEN_AT] >= int(time.time()) - 5


def test_passwords_need_fifteen_characters():
    with pytest.raises(ValidationError):
        validate_password("fourteen chars")
    validate_password("fifteen chars!!")


def test_two_factor_set_up_pages_can_load_the_admin_icons(staff_user):
    client = Client()
    client.force_login(staff_user)
    # The icon sprite is fetched by script on every admin page; redirected, it would paste the
    # set-up page into itself.
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200
