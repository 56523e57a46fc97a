"""The postcode table, distances between postcodes, and the import command."""

import pytest
from django.core.management import CommandError, call_command

from website.core.geography import Point, distance_km, distance_order
from website.core.models import Postcode
from website.core.selectors import postcode_point

CITY_CENTRE = "PL1 1AE"


@pytest.mark.django_db
def test_the_migration_loads_every_plymouth_postcode():
    assert Postcode.objects.count() == 6284
    centre = Postcode.objects.get(postcode=CITY_CENTRE)
    assert (centre.latitude, centre.longitude) == (50.371101, -4.138728)
    assert centre.ward_code == "E05002094"


@pytest.mark.django_db
def test_postcode_point_knows_plymouth_and_nothing_else():
    assert postcode_point(postcode=CITY_CENTRE) == Point(50.371101, -4.138728)
    assert postcode_point(postcode="SW1A 1AA") is None


def test_distance_km_matches_a_known_distance():
    # Plymouth Hoe to Exeter Cathedral: about 58 km as the crow flies.
    hoe, exeter = Point(50.3644, -4.1423), Point(50.7226, -3.5297)
    assert distance_km(hoe, exeter) == pytest.approx(58.5, abs=1)
    assert distance_km(hoe, hoe) == 0


@pytest.mark.django_db
def test_distance_order_sorts_postcodes_nearest_first():
    origin = postcode_point(postcode=CITY_CENTRE)
    postcodes = ["PL6 5FP", "PL9 9SZ", "PL4 6AB", CITY_CENTRE, "PL5 1LE"]
    ordered = list(
        Postcode.objects.filter(postcode__in=postcodes)
        .annotate(distance=distance_order(origin, latitude="latitude", longitude="longitude"))
        .order_by("distance")
        .values_list("postcode", "latitude", "longitude")
    )
    assert len(ordered) == len(postcodes)
    by_haversine = sorted(ordered, key=lambda row: distance_km(origin, Point(row[1], row[2])))
    assert [row[0] for row in ordered] == [row[0] for row in by_haversine]
    assert ordered[0][0] == CITY_CENTRE


@pytest.mark.django_db
def test_postcodes_import_replaces_the_table(tmp_path):
    csv = tmp_path / "postcodes.csv"
    csv.write_text(
        "postcode,latitude,longitude,ward_code,ward_name\n"
        "TR1 1AA,50.26,-5.05,E05000001,Truro Ward\n"
        "tr1 1ab,50.27,-5.06,E05000001,Truro Ward\n"
    )
    call_command("postcodes_import", str(csv))
    assert list(Postcode.objects.values_list("postcode", flat=True)) == ["TR1 1AA", "TR1 1AB"]
    call_command("postcodes_import")  # back to the bundled Plymouth extract
    assert Postcode.objects.count() == 6284


@pytest.mark.django_db
def test_postcodes_import_refuses_a_wrong_file_and_keeps_the_table(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("code,east,north\nPL1 1AE,1,2\n")
    with pytest.raises(CommandError, match="Not a postcode CSV"):
        call_command("postcodes_import", str(wrong))
    with pytest.raises(CommandError, match="No such file"):
        call_command("postcodes_import", str(tmp_path / "missing.csv"))
    assert Postcode.objects.count() == 6284
