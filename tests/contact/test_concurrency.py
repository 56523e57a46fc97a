"""Ten simultaneous posts of one rendered form store one message and queue one email.

Real concurrency needs real row locks and unique-index waits, so this runs on PostgreSQL
(`make test-postgres`, and CI); SQLite serialises writers and proves nothing here.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from website.contact.models import ContactMessage
from website.emails.models import OutgoingEmail

from ..forms import form_token

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency"
)


@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_submissions_of_one_form_store_one_row(site, settings):
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = 100  # ten posts from one address: not what is tested
    data = {"topic": "website", "message": "Hello", "form_token": form_token("contact")}
    barrier = threading.Barrier(10)
    statuses = []

    def submit():
        client = Client()
        barrier.wait()
        try:
            statuses.append(client.post("/feedback/", data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 10  # everyone sees the confirmation, nobody an error
    assert ContactMessage.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1
