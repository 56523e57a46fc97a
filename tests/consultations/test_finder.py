"""The consultation finder: filters that combine, paginate, count and live in the URL."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.builders import ConsultationPageBuilder
from website.core.builders import AreaBuilder, TopicBuilder
from website.core.models import Area

URL = "/consultations/"


def _titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
    )


@pytest.fixture
def finder(section_pages):
    """Consultations in every state, with topics and areas."""
    index = section_pages["consultations"]
    now = timezone.now()
    nature = TopicBuilder(name="Community Health and Wellbeing", slug="health")
    building = TopicBuilder(name="Community Building", slug="building")
    ward = AreaBuilder(name="Devonport", slug="devonport")
    neighbourhood = AreaBuilder(
        name="Stonehouse", slug="stonehouse", kind=Area.Kind.NEIGHBOURHOOD, ward=ward
    )
    elsewhere = AreaBuilder(name="Efford and Lipson", slug="efford")

    def make(title, opens, closes, results=None, topics=(), areas=(), citywide=False):
        return ConsultationPageBuilder(
            parent=index,
            title=title,
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
            results_published_at=now + timedelta(days=results) if results else None,
            topics=list(topics),
            areas=list(areas),
            is_citywide=citywide,
        )

    return {
        "open-late": make("Open closing later", -10, 20, topics=[nature], areas=[ward]),
        "open-soon": make("Open closing soon", -10, 3, topics=[building], areas=[neighbourhood]),
        "forthcoming": make("Forthcoming plan", 5, 40, topics=[nature], citywide=True),
        "closed": make("Closed awaiting", -60, -5, areas=[elsewhere]),
        "results": make("Results are out", -90, -30, results=-2, topics=[building], areas=[ward]),
    }


def test_everything_listed_open_first_closing_soonest(client, finder):
    response = client.get(URL)
    assert _titles(response) == [
        "Open closing soon",
        "Open closing later",
        "Forthcoming plan",
        "Closed awaiting",
        "Results are out",
    ]
    assert "5 consultations" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", ["Open closing soon", "Open closing later"]),
        ("status=forthcoming&status=results", ["Forthcoming plan", "Results are out"]),
        ("status=closed", ["Closed awaiting"]),
        ("topic=health", ["Open closing later", "Forthcoming plan"]),
        ("topic=building&status=open", ["Open closing soon"]),
        # A ward finds its own, its neighbourhoods' and the citywide consultations.
        (
            "area=devonport",
            ["Open closing soon", "Open closing later", "Forthcoming plan", "Results are out"],
        ),
        (
            "area=stonehouse",
            ["Open closing soon", "Open closing later", "Forthcoming plan", "Results are out"],
        ),
        ("area=efford", ["Forthcoming plan", "Closed awaiting"]),
        ("q=closing", ["Open closing soon", "Open closing later"]),
        ("q=CLOSING+later", ["Open closing later"]),
        ("q=closing&status=open&topic=building&area=stonehouse", ["Open closing soon"]),
    ],
)
def test_filters_combine(client, finder, query, expected):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert _titles(response) == expected
    count = len(expected)
    assert f"{count} consultation{'s' if count != 1 else ''}" in response.content.decode()


def test_filter_state_stays_in_the_form(client, finder):
    html = client.get(f"{URL}?status=open&topic=health&area=devonport&q=later").content.decode()
    assert re.search(r'value="open"[^>]*checked', html)
    assert re.search(r'<option value="health" selected>', html)
    assert re.search(r'<option value="devonport" selected>', html)
    assert 'value="later"' in html
    assert "Clear filters" in html


def test_status_options_show_counts(client, finder):
    html = client.get(URL).content.decode()
    assert "Open (2)" in html and "Forthcoming (1)" in html


def test_pagination_keeps_the_filters(client, section_pages):
    for number in range(12):
        ConsultationPageBuilder(parent=section_pages["consultations"], title=f"Open {number:02}")
    response = client.get(f"{URL}?status=open")
    html = response.content.decode()
    assert len(_titles(response)) == 10 and "12 consultations" in html
    assert 'href="?status=open&amp;page=2"' in html
    assert len(_titles(client.get(f"{URL}?status=open&page=2"))) == 2


@pytest.mark.parametrize(
    "query",
    [
        "page=-1", "page=99999999999999999999", "page=abc", "status=nonsense", "topic=nope",
        "area=atlantis", "q=%25", "q=_", "q=%27+OR+%271%27%3D%271", "q=%00", "q=" + "x" * 500,
        "status=open&status=open", "ordering=evil",
    ],
)  # fmt: skip
def test_odd_queries_never_fail(client, finder, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200


def test_percent_and_underscore_are_literal(client, finder):
    assert _titles(client.get(f"{URL}?q=%25")) == []
    assert _titles(client.get(f"{URL}?q=_")) == []


def test_no_results_suggests_clearing_filters(client, finder):
    html = client.get(f"{URL}?q=zzzz").content.decode()
    assert "No consultations match your filters" in html and "see all consultations" in html


def test_drafts_and_other_sections_are_not_listed(client, finder, section_pages):
    draft = ConsultationPageBuilder(parent=section_pages["consultations"], title="Draft one")
    draft.unpublish()
    assert "Draft one" not in _titles(client.get(URL))


def test_topic_filter_works_in_another_language(client, finder, translate, locales):
    from website.core.models import Topic

    health = Topic.objects.get(slug="health", locale=locales["en"])
    translate(health, locales["pl"], {"Community Health and Wellbeing": "Zdrowie"})
    index = finder["open-late"].get_parent()
    translate(index, locales["pl"])
    polish_index = index.get_translation(locales["pl"])
    translate(finder["open-late"], locales["pl"])
    html = client.get(f"{polish_index.url}?topic=health").content.decode()
    assert "Zdrowie" in html
    assert len(_titles(client.get(f"{polish_index.url}?topic=health"))) == 1


def _queries(client, url, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_consultations(client, finder, django_assert_max_num_queries):
    topic = finder["open-late"].topics.first()
    urls = [URL, f"{URL}?status=open&topic=health&area=devonport&q=o", finder["open-late"].url]
    before = [_queries(client, url, django_assert_max_num_queries) for url in urls]
    for number in range(200):
        ConsultationPageBuilder(
            parent=finder["open-late"].get_parent(), title=f"More {number}", topics=[topic]
        )
    after = [_queries(client, url, django_assert_max_num_queries) for url in urls]
    assert after == before, (before, after)
    assert max(after) <= 25, after
