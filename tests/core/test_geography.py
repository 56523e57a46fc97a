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


def test_national_grid_to_wgs84_matches_the_ordnance_survey_worked_example():
    # "A guide to coordinate systems in Great Britain", annex C: E 651409.903, N 313177.270
    # is OSGB36 52°39'27.2531"N 1°43'4.5177"E; with the Helmert shift, WGS84 52°39'28.72"N
    # 1°42'57.79"E (to within the shift's few metres).
    import math

    from website.core.osgb import _osgb36_lat_lon, osgb_to_wgs84

    lat, lon = _osgb36_lat_lon(651409.903, 313177.270)
    assert math.degrees(lat) == pytest.approx(52 + 39 / 60 + 27.2531 / 3600, abs=1e-7)
    assert math.degrees(lon) == pytest.approx(1 + 43 / 60 + 4.5177 / 3600, abs=1e-7)
    assert osgb_to_wgs84(651409.903, 313177.270) == pytest.approx(
        (52 + 39 / 60 + 28.72 / 3600, 1 + 42 / 60 + 57.79 / 3600), abs=2e-5
    )


@pytest.mark.django_db
def test_postcodes_import_loads_a_code_point_open_file(tmp_path):
    # Grid references of the bundled extract's PL1 1AE and PL6 7AE centres, a postcode without a
    # position (quality 90) and one in Cornwall (another district).
    codepoint = tmp_path / "pl.csv"
    codepoint.write_text(
        '"PL1 1AE",10,248005,54543,"E92000001","E19000001","E18000010","","E06000026","E05002094"\n'
        '"PL6 7AE",10,251450,60133,"E92000001","E19000001","E18000010","","E06000026","E05002086"\n'
        '"PL1 9ZZ",90,0,0,"E92000001","","","","E06000026",""\n'
        '"PL121AA",10,238000,60000,"E92000001","","","","E06000052","E05013799"\n'
    )
    call_command("postcodes_import", str(codepoint))
    rows = {p.postcode: p for p in Postcode.objects.all()}
    assert set(rows) == {"PL1 1AE", "PL6 7AE"}  # Plymouth's, with a position
    centre = rows["PL1 1AE"]
    assert (centre.latitude, centre.longitude) == pytest.approx((50.371101, -4.138728), abs=1e-4)
    assert centre.ward_name == "St. Peter and the Waterfront Ward"  # known from the old table
    call_command("postcodes_import")
    assert Postcode.objects.count() == 6284
