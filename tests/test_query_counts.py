"""Home, search, navigation and the contact form run no more queries with 230 pages than 18."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from website.demo.services import demo_content_load
from website.standard_pages.builders import StandardPageBuilder

URLS = ["/", "/search/?q=plymouth", "/about/", "/consultations/", "/pl/", "/feedback/"]
MAX_QUERIES = 30


def _query_counts(client) -> dict[str, int]:
    counts = {}
    for url in URLS:
        client.get(url)  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_content(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = demo_content_load()
    before = _query_counts(client)
    for number in range(220):
        StandardPageBuilder(
            parent=pages["about"], slug=f"plymouth-{number}", title=f"Plymouth guide {number}"
        )
    after = _query_counts(client)
    # Search may need fewer: one query per page type among the ten results shown.
    assert all(after[url] <= before[url] for url in URLS), (before, after)
    assert max(after.values()) <= MAX_QUERIES, after
