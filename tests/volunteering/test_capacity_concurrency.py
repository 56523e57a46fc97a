"""Fifty residents press "Sign up" for the last place at the same moment: one gets it, 49 join
the waiting list, nobody sees an error. And ten posts of one rendered form store one sign-up.

Real concurrency needs real row locks, so this runs on PostgreSQL (`make test-postgres`, and
CI); SQLite serialises writers and proves nothing here.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from volunteering.builders import OpportunitySessionBuilder, SignupBuilder
from volunteering.models import Place, Signup
from website.emails.models import OutgoingEmail

from .test_signup import signup_data

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL for real concurrency"
)

RESIDENTS = 50
ROUNDS = 20


@pytest.fixture(autouse=True)
def _one_address_many_posts(settings):
    # Every test client posts from 127.0.0.1: the rate limit is not what is tested here.
    settings.PUBLIC_FORM_RATE_HOLD_AFTER = settings.PUBLIC_FORM_RATE_BLOCK_AFTER = 100_000


def _all_at_once(url: str, posts: list[dict]) -> list[int]:
    """Posts each form from its own thread (and database connection), all released together."""
    barrier = threading.Barrier(len(posts))
    statuses: list[int] = []

    def submit(data):
        client = Client()
        barrier.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(data,)) for data in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_for_the_last_place_twenty_times(opportunity):
    url = opportunity.url + "sign-up/"
    for round_number in range(ROUNDS):
        session = OpportunitySessionBuilder(opportunity=opportunity, places=2)
        SignupBuilder(opportunity=opportunity, session=session, place=Place.BOOKED)
        posts = [
            signup_data(session=session.pk, email=f"r{round_number}-{n}@example.org")
            for n in range(RESIDENTS)
        ]
        statuses = _all_at_once(url, posts)
        assert statuses == [302] * RESIDENTS, round_number  # a confirmation for everyone
        places = list(
            Signup.objects.filter(session=session, email__startswith=f"r{round_number}-")
            .values_list("place", flat=True)
        )  # fmt: skip
        assert sorted(places) == [Place.BOOKED] + [Place.WAITING] * (RESIDENTS - 1), round_number
        assert Signup.objects.filter(session=session, place=Place.BOOKED).count() == 2


@pytest.mark.django_db(transaction=True)
def test_ten_posts_of_one_form_at_once_store_one_sign_up(session):
    data = signup_data(session=session.pk)
    statuses = _all_at_once(session.opportunity.url + "sign-up/", [data] * 10)
    assert statuses == [302] * 10
    assert Signup.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2  # the resident and the organisation, once each
