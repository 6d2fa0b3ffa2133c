import pytest

from frontwatch import gazetteer


@pytest.fixture(scope="session")
def gaz():
    return gazetteer.load()


pytestmark = pytest.mark.slow


def _names(places):
    return [(p.kind, p.name, p.admin1) for p in places]


@pytest.mark.parametrize(
    ("spelling", "geonameid"),
    [("Izum", 707292), ("Balakleya", 712926), ("Kupiyansk", 703656), ("Nikolaev", 700569),
     ("Artemovsk", 713174), ("Изюм", 707292), ("Zaporozhye", 687700)],
)  # fmt: skip
def test_spellings_reach_the_geonames_town(gaz, spelling, geonameid):
    towns = gaz.lookup(spelling, kinds=("settlement",))
    assert geonameid in [p.geonameid for p in towns]


def test_region_codes_come_from_geonames(gaz):
    assert gaz.region_for_admin1("UA.07").name == "Kharkiv Oblast"
    assert gaz.region_for_admin1("UA.07").geonameid == 706482
    assert gaz.region_for_admin1("UA.13").name == "Kyiv Oblast"
    assert gaz.region_for_admin1("UA.12").name == "Kyiv City"
    assert gaz.region_for_admin1("RU.09").name == "Belgorod Oblast"
    assert gazetteer.region_for_admin1("UA.05").kind == "region"


@pytest.mark.parametrize(
    ("written", "admin1"),
    [("Donets'ka oblast", "UA.05"), ("Oblast Charkov", "UA.07"), ("Zaporizhia Oblast", "UA.26"),
     ("Kyiv oblast", "UA.13"), ("Belgorod region", "RU.09"), ("Херсонська область", "UA.08")],
)  # fmt: skip
def test_region_written_any_way(gaz, written, admin1):
    assert gaz.region(written).admin1 == admin1


def test_homonyms_are_all_candidates(gaz):
    oblasts = {p.admin1 for p in gaz.lookup("Petropavlivka", kinds=("settlement",))}
    assert {"UA.04", "UA.07", "UA.16", "UA.17"} <= oblasts


def test_fuzzy_only_when_asked(gaz):
    assert gaz.lookup("Donetks", kinds=("settlement",)) == []
    assert "Donetsk" in [p.name for p in gaz.lookup("Donetks", fuzzy=True, kinds=("settlement",))]


def test_fuzzy_does_not_reach_short_or_distant_words(gaz):
    assert all(how != "fuzzy" for _, how, _ in gaz.ids("Dnpr", fuzzy=True))  # too short to guess
    assert gaz.lookup("Tuesday", fuzzy=True, kinds=("settlement",)) == []


def test_features_and_countries(gaz):
    plant = gaz.lookup("Zaporozhye Nuclear Power Plant")
    assert plant[0].kind == "feature" and plant[0].admin1 == "UA.26"
    ukraine = gaz.lookup("Ukraine")[0]
    assert (ukraine.kind, ukraine.country, ukraine.geonameid) == ("country", "UA", 690791)
    assert ukraine.lat is not None


def test_codes_and_lowercase_romanisations_are_not_names(gaz):
    assert gaz.lookup("KHE") == []  # airport code among Kherson's alternate names


def test_large_country_point_is_its_centre_not_its_towns(gaz):
    russia = gaz.lookup("Russia")[0]
    assert russia.lon > 80  # Russia's towns cluster west of the Urals


def test_continents_and_demonyms(gaz):
    europe = gaz.lookup("Europe")[0]
    assert europe.kind == "feature" and europe.country is None
    for word, iso in [("Ukrainians", "UA"), ("Russian", "RU"), ("French", "FR"), ("Egyptian", "EG")]:
        assert gaz.country[gaz.demonym(word)] == iso
    assert gaz.demonym("Kharkiv") is None and gaz.demonym("Tuesday") is None


def test_regions_called_by_their_capitals_name_are_marked(gaz):
    regions = {gaz.name[i] for i in gaz.capital_named}
    assert {"Kharkiv Oblast", "Zaporizhzhia Oblast", "Kursk Oblast"} <= regions
    assert "Crimea" not in regions and "Volyn Oblast" not in regions


def test_feature_spans_its_regions(gaz):
    (donbas,) = [p for p in gaz.lookup("Donbass") if p.kind == "feature"]
    assert gazetteer.admin1_span(donbas) == ("UA.05", "UA.14")
    kharkiv = gaz.lookup("Kharkiv", kinds=("settlement",))[0]
    assert gazetteer.admin1_span(kharkiv) == ("UA.07",)


def test_nations_of_the_united_kingdom_are_its_country(gaz):
    for name in ("England", "Wales", "Scotland"):
        assert any(gaz.kind[i] == "country" and gaz.country[i] == "GB" for i, _, _ in gaz.ids(name))
