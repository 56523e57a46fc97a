"""The Open Referral UK 3.0 API: every response valid against the ORUK schemas, filters,
pagination, postcode proximity, only published English pages, CORS and bad input."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.builders import (
    FoodPlaceDatedHoursBuilder,
    FoodPlaceOpeningPeriodBuilder,
    FoodPlacePageBuilder,
    HubDatedHoursBuilder,
    HubOpeningPeriodBuilder,
    HubServiceBuilder,
    WellbeingHubPageBuilder,
)
from directory.models import CoreService, FoodPlaceKind, HubService
from directory.open_referral.selectors import TAXONOMY_ID, derived_id
from tests.directory.oruk_schema import validate
from website.core.models import Postcode

pytestmark = pytest.mark.django_db

CITY_CENTRE = (50.3694, -4.1424)  # next to PL1 1AE
ESTOVER = "PL6 7AE"  # a real postcode in the table, about 6 km north-east
PAGE_KINDS = {
    "services": "services_page",
    "service_at_locations": "service_at_locations_page",
    "taxonomies": "taxonomies_page",
    "taxonomy_terms": "taxonomy_terms_page",
}


def api(client, name, *args, **params):
    return client.get(reverse(f"open_referral:{name}", args=args), params)


def term_id(value: str) -> str:
    return derived_id("taxonomy-term", value)


def names(response) -> list[str]:
    return [item.get("name") or item["service"]["name"] for item in response.json()["contents"]]


def estover_point() -> tuple[float, float]:
    row = Postcode.objects.get(postcode=ESTOVER)
    return row.latitude, row.longitude


def next_weekday(weekday: int) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7)


@pytest.fixture
def hub(directory):
    """Mount Gould: two services, weekday and late hours, a closure and special hours."""
    page = WellbeingHubPageBuilder(
        parent=directory,
        title="Mount Gould Hub",
        operator="Improving Lives  Plymouth",
        operator_website="https://improvinglives.example.org/",
        introduction="Support for everyone in Mount Gould.",
        address="Mount Gould Road\nPlymouth",
        postcode="PL4 7PY",
        latitude=CITY_CENTRE[0],
        longitude=CITY_CENTRE[1],
        phone="01752 000000",
        email="mountgould@example.org",
        languages="English, Polish and Arabic",
        step_free=True,
        hearing_loop=True,
        accessibility_detail="Lift to the first floor.",
    )
    HubServiceBuilder(page=page, service_type=CoreService.BEFRIENDING, description="Weekly visits.")
    HubServiceBuilder(page=page, service_type=CoreService.ADVICE, description="Money advice.")
    HubOpeningPeriodBuilder(page=page, weekday=0, opens=datetime.time(9), closes=datetime.time(17))
    HubOpeningPeriodBuilder(page=page, weekday=4, opens=datetime.time(22), closes=datetime.time(2))
    HubDatedHoursBuilder(page=page, day=next_weekday(0), note="Bank holiday")
    HubDatedHoursBuilder(
        page=page,
        day=next_weekday(1),
        opens=datetime.time(10),
        closes=datetime.time(14),
        note="Staff training",
    )
    HubDatedHoursBuilder(page=page, day=timezone.localdate() - datetime.timedelta(days=3))
    return page


@pytest.fixture
def food(directory):
    """A food co-op in Estover with nobody named as running it."""
    latitude, longitude = estover_point()
    page = FoodPlacePageBuilder(
        parent=directory,
        title="Estover Food Co-op",
        run_by="",
        how_it_works="<p>Members volunteer.</p><p>Collect a <b>bag</b> each week.</p>",
        who_can_join="Anyone in Plymouth.",
        cost="£5 a week",
        delivery="Thursdays, within PL6.",
        address="Estover Community Centre",
        postcode=ESTOVER,
        latitude=latitude,
        longitude=longitude,
        email="",
        phone="",
    )
    FoodPlaceOpeningPeriodBuilder(page=page)
    FoodPlaceDatedHoursBuilder(page=page, day=next_weekday(3))
    return page


@pytest.fixture
def published(hub, food):
    return {"hub": hub, "food": food}


def service_id(page_or_service) -> str:
    return str(page_or_service.oruk_id)


def befriending(hub) -> HubService:
    return hub.services.get(service_type=CoreService.BEFRIENDING)


# Every endpoint's response is valid ORUK ------------------------------------------------------


def test_root_names_the_standard_and_an_absolute_openapi_url(client):
    response = api(client, "root")

    body = response.json()
    validate("root", body)
    assert body["version"] == "HSDS-UK-3.0"
    assert body["openapi_url"] == "http://testserver/open-referral/openapi.json"
    assert client.get(body["openapi_url"]).status_code == 200


def test_openapi_document_lists_only_paths_that_answer(client, published):
    response = client.get("/open-referral/openapi.json")

    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["x-hsds-version"] == "HSDS-UK-3.0"
    assert document["servers"] == [{"url": "http://testserver/open-referral"}]
    sal = api(client, "service_at_locations").json()["contents"][0]
    ids = {
        "/services/{id}": sal["service_id"],
        "/service_at_locations/{id}": sal["id"],
        "/taxonomies/{id}": TAXONOMY_ID,
        "/taxonomy_terms/{id}": term_id(CoreService.ADVICE),
    }
    for path in document["paths"]:
        url = "/open-referral" + path.replace("{id}", ids.get(path, ""))
        assert client.get(url).status_code == 200, path
    for name in ("search", "page", "per_page", "postcode", "proximity", "taxonomy_term_id"):
        assert name in document["components"]["parameters"]


def test_services_list_is_valid_with_organization_and_page_url(client, published):
    response = api(client, "services")

    body = response.json()
    validate("services_page", body)
    assert names(response) == [
        "Advice and information at Mount Gould Hub",
        "Befriending at Mount Gould Hub",
        "Estover Food Co-op",
    ]
    befriends = body["contents"][1]
    assert befriends["id"] == service_id(befriending(published["hub"]))
    assert befriends["organization"]["name"] == "Improving Lives Plymouth"
    assert befriends["organization_id"] == befriends["organization"]["id"]
    assert befriends["url"] == published["hub"].get_full_url()
    assert befriends["description"] == "Weekly visits."


def test_full_service_nests_location_hours_contacts_and_category(client, hub):
    service = befriending(hub)

    body = api(client, "service", service_id(service)).json()

    validate("service", body)
    assert body["name"] == "Befriending at Mount Gould Hub"
    [sal] = body["service_at_locations"]
    location = sal["location"]
    assert location["latitude"] == CITY_CENTRE[0]
    [address] = location["addresses"]
    assert address["address_1"] == "Mount Gould Road"  # "Plymouth" goes in city only
    assert (address["city"], address["postal_code"], address["country"]) == (
        "Plymouth",
        "PL4 7PY",
        "GB",
    )
    assert [a["description"] for a in location["accessibility"]] == [
        "Step-free access",
        "Hearing loop",
        "More about access",
    ]
    assert location["accessibility"][-1]["details"] == "Lift to the first floor."
    [contact] = body["contacts"]
    assert contact["email"] == "mountgould@example.org"
    assert contact["phones"][0]["number"] == "01752 000000"
    [attribute] = body["attributes"]
    assert attribute["taxonomy_term_id"] == term_id(CoreService.BEFRIENDING)
    assert attribute["taxonomy_term"]["name"] == "Befriending"
    assert [(lang["name"], lang.get("code")) for lang in body["languages"]] == [
        ("English", "en"),
        ("Polish", "pl"),
        ("Arabic", "ar"),
    ]


def test_schedules_map_weekly_late_closed_and_special_hours(client, hub):
    body = api(client, "service", service_id(befriending(hub))).json()

    validate("service", body)
    sal_id = body["service_at_locations"][0]["id"]
    weekly = [s for s in body["schedules"] if "valid_from" not in s]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly] == [
        ("MO", "09:00", "17:00"),
        ("FR", "22:00", "02:00"),  # past midnight: closes before it opens
    ]
    assert all(s["freq"] == "WEEKLY" and s["service_at_location_id"] == sal_id for s in weekly)
    assert "the next day" in weekly[1]["description"]
    dated = [s for s in body["schedules"] if "valid_from" in s]
    closed, special = dated  # the closure three days ago is history and left out
    monday, tuesday = next_weekday(0).isoformat(), next_weekday(1).isoformat()
    assert (closed["valid_from"], closed["valid_to"], closed["notes"]) == (
        monday,
        monday,
        "Bank holiday",
    )
    assert "opens_at" not in closed
    assert closed["description"].startswith("Closed on Monday")
    assert (special["valid_from"], special["valid_to"], special["byday"]) == (
        tuesday,
        tuesday,
        "TU",
    )
    assert (special["opens_at"], special["closes_at"]) == ("10:00", "14:00")


def test_food_place_is_a_service_run_by_itself_with_cost(client, food):
    body = api(client, "service", service_id(food)).json()

    validate("service", body)
    assert body["name"] == "Estover Food Co-op"
    assert body["description"] == (
        "Members volunteer. Collect a bag each week. Delivery: Thursdays, within PL6."
    )
    assert body["organization"]["name"] == "Estover Food Co-op"
    assert body["eligibility_description"] == "Anyone in Plymouth."
    assert body["cost_options"][0]["amount_description"] == "£5 a week"
    assert body["attributes"][0]["taxonomy_term"]["code"] == FoodPlaceKind.CO_OP
    assert body["contacts"] == [] and "email" not in body  # unknown: left out, not null
    assert [s["byday"] for s in body["schedules"] if "valid_from" not in s] == ["TH"]


def test_service_at_locations_list_and_detail_are_valid(client, published):
    listing = api(client, "service_at_locations").json()
    validate("service_at_locations_page", listing)

    for item in listing["contents"]:
        detail = api(client, "service_at_location", item["id"]).json()
        validate("service_at_location", detail)
        assert detail["service"]["id"] == item["service_id"]
        assert detail["location"]["id"] == item["location_id"]
        assert "schedules" in detail
        service = api(client, "service", item["service_id"]).json()
        assert service["service_at_locations"][0]["id"] == item["id"]
    hub_locations = {i["location_id"] for i in listing["contents"] if "Hub" in i["service"]["name"]}
    assert len(hub_locations) == 1  # a hub's services share its one location


def test_list_items_are_fully_nested_with_full_true(client, published):
    services = api(client, "services", full="true").json()
    sals = api(client, "service_at_locations", full="true").json()

    validate("services_page", services)
    validate("service_at_locations_page", sals)
    assert all(item["schedules"] for item in services["contents"])
    assert all("schedules" in item for item in sals["contents"])


def test_taxonomy_holds_the_core_services_and_food_place_kinds(client):
    taxonomies = api(client, "taxonomies").json()
    terms = api(client, "taxonomy_terms").json()

    validate("taxonomies_page", taxonomies)
    validate("taxonomy_terms_page", terms)
    assert [t["id"] for t in taxonomies["contents"]] == [TAXONOMY_ID]
    validate("taxonomy", api(client, "taxonomy", TAXONOMY_ID).json())
    assert {t["code"] for t in terms["contents"]} == {*CoreService.values, *FoodPlaceKind.values}
    assert all(t["taxonomy_id"] == TAXONOMY_ID for t in terms["contents"])
    one = api(client, "taxonomy_term", term_id(FoodPlaceKind.SOCIAL_SUPERMARKET)).json()
    validate("taxonomy_term", one)
    assert one["name"] == "Social supermarket"


def test_taxonomy_terms_filters(client):
    def codes(**params):
        return [t["code"] for t in api(client, "taxonomy_terms", **params).json()["contents"]]

    assert codes(search="SUPERMARKET") == [FoodPlaceKind.SOCIAL_SUPERMARKET]
    assert len(codes(taxonomy_id=TAXONOMY_ID, top_only="true")) == 11
    assert codes(taxonomy_id=str(uuid.uuid4())) == []
    assert codes(parent_id=str(uuid.uuid4())) == []
    assert api(client, "taxonomies", search="plymouth").json()["total_items"] == 1
    assert api(client, "taxonomies", search="nothing like it").json()["total_items"] == 0


def test_labels_are_english_whatever_the_reader_language(client, published):
    response = client.get("/open-referral/services", HTTP_ACCEPT_LANGUAGE="pl")

    assert "Befriending at Mount Gould Hub" in names(response)
    assert response["Content-Language"] == "en"


def test_ids_are_stable_across_requests_and_republishing(client, hub):
    first = api(client, "service", service_id(befriending(hub))).json()
    hub.title = "Mount Gould Wellbeing Hub"
    hub.save_revision().publish()

    again = api(client, "service", service_id(befriending(hub))).json()

    assert again["name"] == "Befriending at Mount Gould Wellbeing Hub"
    assert again["service_at_locations"][0]["id"] == first["service_at_locations"][0]["id"]
    assert [s["id"] for s in again["schedules"]] == [s["id"] for s in first["schedules"]]
    assert again["contacts"][0]["id"] == first["contacts"][0]["id"]


# Pagination ---------------------------------------------------------------------------------


@pytest.fixture
def twelve_services(directory):
    hubs = [WellbeingHubPageBuilder(parent=directory, title=f"Hub {n:02d}") for n in range(4)]
    for page in hubs:
        for service_type in (CoreService.ADVICE, CoreService.CARERS, CoreService.LIVEWELL):
            HubServiceBuilder(page=page, service_type=service_type)
    return hubs


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # total_items, total_pages, page_number, size, first_page, last_page, empty
        ({}, (12, 1, 1, 12, True, True, False)),
        ({"per_page": "5"}, (12, 3, 1, 5, True, False, False)),
        ({"per_page": "5", "page": "2"}, (12, 3, 2, 5, False, False, False)),
        ({"per_page": "5", "page": "3"}, (12, 3, 3, 2, False, True, False)),
        ({"per_page": "5", "page": "4"}, (12, 3, 4, 0, False, True, True)),  # past the end
        ({"per_page": "1", "page": "12"}, (12, 12, 12, 1, False, True, False)),
        ({"per_page": "100"}, (12, 1, 1, 12, True, True, False)),
        ({"page": "999999"}, (12, 1, 999999, 0, False, True, True)),
        ({"page": "", "per_page": " "}, (12, 1, 1, 12, True, True, False)),  # empty = missing
    ],
)
@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
def test_pagination_envelope(client, twelve_services, endpoint, params, expected):
    body = api(client, endpoint, **params).json()

    validate(PAGE_KINDS[endpoint], body)
    keys = ("total_items", "total_pages", "page_number", "size", "first_page", "last_page")
    assert (*(body[key] for key in keys), body["empty"]) == expected


def test_pages_cover_every_service_once_in_name_order(client, twelve_services):
    pages = [api(client, "services", per_page="5", page=str(n)).json() for n in (1, 2, 3)]

    ids = [item["id"] for page in pages for item in page["contents"]]
    assert len(ids) == len(set(ids)) == 12
    all_names = [item["name"] for page in pages for item in page["contents"]]
    assert all_names == sorted(all_names, key=str.casefold)


def test_default_page_size_is_50(client, directory):
    hubs = [WellbeingHubPageBuilder(parent=directory) for _ in range(6)]
    HubService.objects.bulk_create(
        HubService(page=page, service_type=value, sort_order=n)
        for page in hubs
        for n, value in enumerate(CoreService.values)
    )

    body = api(client, "services").json()

    assert (body["total_items"], body["size"], body["total_pages"]) == (54, 50, 2)


def test_nothing_published_is_an_empty_first_page(client, directory):
    body = api(client, "services").json()

    validate("services_page", body)
    assert (body["total_items"], body["total_pages"], body["empty"]) == (0, 0, True)
    assert body["first_page"] and body["last_page"]


# Filters --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("befriending", ["Befriending at Mount Gould Hub"]),
        ("BEFRIENDING mount", ["Befriending at Mount Gould Hub"]),
        (
            "improving lives",
            ["Advice and information at Mount Gould Hub", "Befriending at Mount Gould Hub"],
        ),
        ("money", ["Advice and information at Mount Gould Hub"]),
        ("food co-op", ["Estover Food Co-op", "Snack_bar Food Co-op"]),
        ("thursdays", ["Estover Food Co-op"]),
        ("befriending estover", []),  # every word must match
        ("50%", ["Carers' support at Hub 50% off Café"]),  # % and _ are plain characters
        ("%", ["Carers' support at Hub 50% off Café"]),
        ("_", ["Snack_bar Food Co-op"]),
        ("cafe\u0301", ["Carers' support at Hub 50% off Café"]),  # e + accent = é
        ("' OR '1'='1", []),
        ("<script>alert(1)</script>", []),
        ("   ", None),  # empty: no filter
    ],
)
def test_search(client, published, directory, search, expected):
    odd = WellbeingHubPageBuilder(
        parent=directory, title="Hub 50% off Café", operator="Odd", introduction="Odd one out."
    )
    HubServiceBuilder(page=odd, service_type=CoreService.CARERS, description="Carers.")
    FoodPlacePageBuilder(parent=directory, title="Snack_bar Food Co-op", run_by="Snack")

    for endpoint in ("services", "service_at_locations"):
        response = api(client, endpoint, search=search)
        assert response.status_code == 200
        if expected is None:
            assert response.json()["total_items"] == 5
        else:
            assert names(response) == expected


def test_taxonomy_term_filter(client, published):
    def found(**params):
        return names(api(client, "services", **params))

    assert found(taxonomy_term_id=term_id(CoreService.ADVICE)) == [
        "Advice and information at Mount Gould Hub"
    ]
    assert found(taxonomy_term_id=term_id(FoodPlaceKind.CO_OP)) == ["Estover Food Co-op"]
    assert found(taxonomy_term_id=term_id(FoodPlaceKind.SOCIAL_SUPERMARKET)) == []
    assert found(taxonomy_term_id=term_id(CoreService.CARERS)) == []
    assert found(taxonomy_term_id=str(uuid.uuid4())) == []  # well-formed, unknown: no match
    assert len(found(taxonomy_id=TAXONOMY_ID)) == 3
    assert found(taxonomy_id=str(uuid.uuid4())) == []
    sal = api(client, "service_at_locations", taxonomy_term_id=term_id(FoodPlaceKind.CO_OP))
    assert names(sal) == ["Estover Food Co-op"]


def test_taxonomy_term_filter_combines_with_search(client, published):
    response = api(
        client, "services", taxonomy_term_id=term_id(CoreService.ADVICE), search="befriending"
    )

    assert names(response) == []


def test_organization_filter(client, published):
    listing = api(client, "services").json()["contents"]
    operator = listing[0]["organization_id"]

    found = names(api(client, "services", organization_id=operator))

    assert found == ["Advice and information at Mount Gould Hub", "Befriending at Mount Gould Hub"]
    assert names(api(client, "services", organization_id=str(uuid.uuid4()))) == []


def test_modified_after(client, published):
    old = timezone.now() - datetime.timedelta(days=30)
    type(published["hub"]).objects.filter(pk=published["hub"].pk).update(last_published_at=old)
    type(published["food"]).objects.filter(pk=published["food"].pk).update(
        last_published_at=timezone.now()
    )

    week_ago = (timezone.now() - datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert names(api(client, "services", modified_after=week_ago)) == ["Estover Food Co-op"]
    assert len(names(api(client, "services", modified_after="2000-01-01"))) == 3
    item = api(client, "services").json()["contents"][0]
    assert item["last_modified"].endswith("Z")


# Postcode and proximity --------------------------------------------------------------------


def test_postcode_orders_nearest_first(client, published):
    from_estover = api(client, "service_at_locations", postcode="pl6 7ae").json()
    from_centre = api(client, "service_at_locations", postcode="PL11AE").json()

    validate("service_at_locations_page", from_estover)
    assert from_estover["contents"][0]["service"]["name"] == "Estover Food Co-op"
    assert [i["service"]["name"] for i in from_centre["contents"]][-1] == "Estover Food Co-op"
    assert from_estover["total_items"] == from_centre["total_items"] == 3


@pytest.mark.parametrize(
    ("postcode", "proximity", "expected"),
    [
        ("PL6 7AE", "1000", ["Estover Food Co-op"]),
        ("PL6 7AE", "0", ["Estover Food Co-op"]),  # exactly at the postcode's centre
        (
            "PL1 1AE",
            "1000.5",
            ["Advice and information at Mount Gould Hub", "Befriending at Mount Gould Hub"],
        ),
        ("PL1 1AE", "50", []),
        (
            "PL1 1AE",
            "20000",
            [
                "Advice and information at Mount Gould Hub",
                "Befriending at Mount Gould Hub",
                "Estover Food Co-op",
            ],
        ),
    ],
)
def test_proximity_is_in_metres(client, published, postcode, proximity, expected):
    response = api(client, "service_at_locations", postcode=postcode, proximity=proximity)

    validate("service_at_locations_page", response.json())
    assert names(response) == expected


def test_proximity_leaves_out_places_without_a_position(client, published):
    type(published["food"]).objects.filter(pk=published["food"].pk).update(
        latitude=None, longitude=None
    )

    near = api(client, "service_at_locations", postcode="PL6 7AE", proximity="100000")
    ordered = api(client, "service_at_locations", postcode="PL6 7AE")

    assert "Estover Food Co-op" not in names(near)
    assert names(ordered)[-1] == "Estover Food Co-op"  # no position: last, not dropped


# Only published, public, English pages ------------------------------------------------------


def test_drafts_private_and_translated_pages_never_appear(
    client, published, directory, locales, translate
):
    draft = WellbeingHubPageBuilder(parent=directory, title="Draft Hub", live=False)
    private = WellbeingHubPageBuilder(parent=directory, title="Private Hub")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    draft_food = FoodPlacePageBuilder(parent=directory, title="Draft Co-op", live=False)
    private_food = FoodPlacePageBuilder(parent=directory, title="Private Co-op")
    PageViewRestriction.objects.create(page=private_food, restriction_type="login")
    hidden = [
        HubServiceBuilder(page=draft, service_type=CoreService.CARERS),
        HubServiceBuilder(page=private, service_type=CoreService.CARERS),
    ]
    translate(directory, locales["pl"])
    polish_hub = translate(published["hub"], locales["pl"], {"Mount Gould Hub": "Hub Mount Gould"})
    polish_food = translate(published["food"], locales["pl"])
    assert polish_hub.live and polish_food.live and polish_hub.title == "Hub Mount Gould"
    polish_food.title = "Spółdzielnia Estover"
    polish_food.save_revision().publish()

    services = api(client, "services", per_page="100").json()
    sals = api(client, "service_at_locations", per_page="100").json()

    assert services["total_items"] == sals["total_items"] == 3
    text = str(services) + str(sals)
    for title in ("Draft", "Private", "Hub Mount Gould", "Spółdzielnia"):
        assert title not in text
    for service in hidden:
        assert api(client, "service", str(service.oruk_id)).status_code == 404
    for page in (draft_food, private_food):
        assert api(client, "service", str(page.oruk_id)).status_code == 404
    # A translation shares the English ids (its oruk_id is copied, its translation_key is the
    # same): the id answers with the English page only.
    assert polish_food.oruk_id == published["food"].oruk_id
    assert api(client, "service", service_id(published["food"])).json()["name"] == (
        "Estover Food Co-op"
    )
    assert {item["location"]["name"] for item in sals["contents"]} == {
        "Mount Gould Hub",
        "Estover Food Co-op",
    }


# CORS, caching, methods ------------------------------------------------------------------------


def every_url(hub) -> list[str]:
    service = befriending(hub)
    sal = derived_id(
        "service-at-location", str(service.oruk_id), derived_id("location", hub.translation_key)
    )
    return [
        "/open-referral/",
        "/open-referral/openapi.json",
        "/open-referral/services",
        f"/open-referral/services/{service.oruk_id}",
        "/open-referral/service_at_locations",
        f"/open-referral/service_at_locations/{sal}",
        "/open-referral/taxonomies",
        f"/open-referral/taxonomies/{TAXONOMY_ID}",
        "/open-referral/taxonomy_terms",
        f"/open-referral/taxonomy_terms/{term_id(CoreService.ADVICE)}",
    ]


def test_every_endpoint_allows_any_origin_and_is_cacheable(client, hub):
    for url in every_url(hub):
        response = client.get(url, HTTP_ORIGIN="https://elsewhere.example")
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert response["Content-Type"].startswith("application/json"), url
        cache = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache == {"public", "max-age=300"}, url


@pytest.mark.parametrize(
    "url",
    [
        "/open-referral/services?page=0",
        "/open-referral/services/not-a-uuid",
        f"/open-referral/services/{uuid.uuid4()}",
        "/open-referral/organizations",
        "/open-referral/services/",
    ],
)
def test_errors_are_problem_json_with_cors(client, url):
    response = client.get(url)

    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == response.status_code and body["type"] == "about:blank"
    assert body["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_reads_are_allowed(client, hub, method):
    response = getattr(client, method)("/open-referral/services", {"page": "1"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["status"] == 405


def test_head_and_preflight(client, hub):
    head = client.head("/open-referral/services")
    preflight = client.options(
        "/open-referral/services",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert head.status_code == 200 and head["Access-Control-Allow-Origin"] == "*"
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


# Bad input ------------------------------------------------------------------------------------

LISTS = ["services", "service_at_locations", "taxonomies", "taxonomy_terms"]
SERVICE_LISTS = ["services", "service_at_locations"]
BAD_PARAMETERS = [
    *[(e, "page", v) for e in LISTS for v in ("0", "-1", "1.5", "abc", "99999999999999999999")],
    *[(e, "page", v) for e in LISTS for v in ("1e3", "\uff11", "1\x00")],
    *[(e, "per_page", v) for e in LISTS for v in ("0", "101", "-5", "ten", "1" * 5000)],
    *[(e, "search", v) for e in LISTS for v in ("a\x00b", "x" * 201, "x" * 1_000_000)],
    *[(e, "search", " ".join("abcdefghijk")) for e in LISTS],  # 11 words
    *[(e, "format", "ndjson") for e in LISTS],
    *[(e, "taxonomy_term_id", v) for e in SERVICE_LISTS for v in ("abc", "' OR 1=1", "\x00")],
    *[(e, "taxonomy_id", "123") for e in [*SERVICE_LISTS, "taxonomy_terms"]],
    *[(e, "organization_id", "nope") for e in SERVICE_LISTS],
    *[(e, "modified_after", v) for e in SERVICE_LISTS for v in ("yesterday", "2025-13-01")],
    *[(e, "modified_after", "0001-01-01T00:00+01:00") for e in SERVICE_LISTS],
    *[(e, "full", v) for e in SERVICE_LISTS for v in ("yes", "2")],
    ("taxonomy_terms", "top_only", "maybe"),
    ("taxonomy_terms", "parent_id", "x"),
    ("service_at_locations", "postcode", "PL1-1AE"),
    ("service_at_locations", "postcode", "<script>alert(1)</script>"),
    ("service_at_locations", "postcode", "SW1A 1AA"),  # real, but not in Plymouth
    ("service_at_locations", "postcode", "PL1 1\x00AE"),
]
BAD_PROXIMITY = ["-1", "abc", "1e3", "inf", "nan", "0x10", "1,000", "1000001", "9" * 400, "\x00"]


@pytest.mark.parametrize(("endpoint", "name", "value"), BAD_PARAMETERS)
def test_bad_parameters_are_a_clear_400(client, locales, endpoint, name, value):
    response = api(client, endpoint, **{name: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["parameter"] == name
    assert name in body["detail"]


@pytest.mark.parametrize("value", BAD_PROXIMITY)
def test_bad_proximity_is_a_400(client, locales, value):
    response = api(client, "service_at_locations", postcode="PL1 1AE", proximity=value)

    assert response.status_code == 400
    assert response.json()["parameter"] == "proximity"


def test_proximity_needs_a_postcode(client, hub):
    response = api(client, "service_at_locations", proximity="1000")

    assert response.status_code == 400
    assert response.json()["detail"] == "proximity needs a postcode to measure from."


def test_unknown_postcode_says_so(client, hub):
    response = api(client, "service_at_locations", postcode="pl1 1zz")

    assert response.status_code == 400
    assert response.json()["detail"] == "PL1 1ZZ is not in Plymouth's postcode list."


def test_unknown_parameters_are_ignored(client, published):
    response = api(client, "services", ordering="-name; DROP TABLE", minimum_age="x")

    assert response.status_code == 200
    assert response.json()["total_items"] == 3


@pytest.mark.parametrize(
    "endpoint",
    ["service", "service_at_location", "taxonomy", "taxonomy_term"],
)
@pytest.mark.parametrize("bad_id", ["nope", "1", "' OR 1=1", "%00", str(uuid.uuid4()), "0" * 5000])
def test_unknown_or_malformed_ids_are_a_404(client, locales, endpoint, bad_id):
    response = client.get(reverse(f"open_referral:{endpoint}", args=[bad_id]))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"


# Queries do not grow with the data -------------------------------------------------------------


def build_services(directory, *, hubs: int, per_hub: int, food_places: int) -> None:
    """hubs * per_hub hub services and food_places food places, each with hours; the inline
    rows are bulk-created."""
    from directory.models import FoodPlaceOpeningPeriod, HubDatedHours, HubOpeningPeriod

    pages = [WellbeingHubPageBuilder(parent=directory) for _ in range(hubs)]
    places = [FoodPlacePageBuilder(parent=directory) for _ in range(food_places)]
    values = CoreService.values[:per_hub]
    HubService.objects.bulk_create(
        HubService(page=page, service_type=value, sort_order=n)
        for page in pages
        for n, value in enumerate(values)
    )
    soon = timezone.localdate() + datetime.timedelta(days=3)
    HubOpeningPeriod.objects.bulk_create(
        HubOpeningPeriod(page=page, weekday=day, opens=datetime.time(9), closes=datetime.time(17))
        for page in pages
        for day in range(5)
    )
    HubDatedHours.objects.bulk_create(HubDatedHours(page=page, day=soon) for page in pages)
    FoodPlaceOpeningPeriod.objects.bulk_create(
        FoodPlaceOpeningPeriod(
            page=page, weekday=3, opens=datetime.time(10), closes=datetime.time(12)
        )
        for page in places
    )


QUERY_URLS = [
    ("services", {}),
    ("services", {"full": "true", "per_page": "100"}),
    # With 1,000: "Carers' support at ..." then "Food co-op ...", both kinds fully nested.
    ("services", {"full": "true", "per_page": "70", "page": "5"}),
    ("service_at_locations", {"full": "true", "per_page": "70", "page": "5"}),
    ("services", {"search": "advice", "taxonomy_term_id": term_id(CoreService.ADVICE)}),
    ("service_at_locations", {"per_page": "100"}),
    ("service_at_locations", {"postcode": "PL1 1AE", "proximity": "5000", "full": "true"}),
    ("taxonomies", {}),
    ("taxonomy_terms", {}),
]
# Measured: 3-10 per request (the most with postcode, full=true and both kinds on the page),
# after the first request has put Wagtail's site root paths in the cache (2 more without).
MAX_QUERIES = 10


def assert_queries_bounded(client, django_assert_max_num_queries, expected_total):
    body = api(client, "services", per_page="1").json()
    assert body["total_items"] == expected_total
    sal = api(client, "service_at_locations", per_page="1").json()["contents"][0]
    for name, params in QUERY_URLS:
        with django_assert_max_num_queries(MAX_QUERIES):
            assert api(client, name, **params).status_code == 200
    for name, object_id in (("service", sal["service_id"]), ("service_at_location", sal["id"])):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert api(client, name, object_id).status_code == 200


def test_queries_with_ten_services(client, directory, django_assert_max_num_queries):
    build_services(directory, hubs=1, per_hub=9, food_places=1)

    assert_queries_bounded(client, django_assert_max_num_queries, 10)


def test_queries_with_a_thousand_services(client, directory, django_assert_max_num_queries):
    build_services(directory, hubs=100, per_hub=9, food_places=100)

    assert_queries_bounded(client, django_assert_max_num_queries, 1000)
    mixed = api(client, "services", full="true", per_page="70", page="5").json()
    validate("services_page", mixed)
    assert {item["name"].split()[0] for item in mixed["contents"]} == {"Carers'", "Food"}
    last = api(client, "service_at_locations", per_page="100", page="10").json()
    validate("service_at_locations_page", last)
    assert last["size"] == 100 and last["last_page"]
