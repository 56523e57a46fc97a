"""With the mail server down a sign-up still commits; its emails wait in the queue, are retried,
and each arrives once when the server is back."""

from django.test import Client

from tests.emails.conftest import make_due, run_worker, smtp  # noqa: F401 (fixtures)
from volunteering.models import Place, Signup
from website.emails.models import OutgoingEmail

from .test_signup import signup_post

Status = OutgoingEmail.Status


def test_sign_up_survives_an_email_outage(session, coordinator, smtp, run_worker, make_due):  # noqa: F811
    client = Client()
    response = signup_post(client, session.opportunity, session=session.pk)
    assert response.status_code == 302  # the server is down: nothing waits for it
    assert Signup.objects.get().place == Place.BOOKED
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {Status.QUEUED}

    run_worker()  # connection refused: both emails scheduled for a retry
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {Status.RETRYING}
    assert Signup.objects.count() == 1

    smtp.start()
    make_due()
    run_worker()
    run_worker()
    recipients = sorted(tuple(envelope.rcpt_tos) for envelope in smtp.handler.envelopes)
    assert recipients == [("alice@example.org",), ("coordinator@example.org",)]
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {Status.SENT}
