import pytest

from frontwatch.places import gazetteer


@pytest.fixture(scope="session")
def gaz():
    return gazetteer.load()


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
    (donbas,) = [p for p in gaz.lookup("Donbass") if p.name == "Donbas"]
    assert gazetteer.admin1_span(donbas) == ("UA.05", "UA.14")
    kharkiv = gaz.lookup("Kharkiv", kinds=("settlement",))[0]
    assert gazetteer.admin1_span(kharkiv) == ("UA.07",)


def test_nations_of_the_united_kingdom_are_its_regions(gaz):
    for name, admin1 in (("England", "GB.ENG"), ("Wales", "GB.WLS"), ("Scotland", "GB.SCT")):
        first = gaz.lookup(name)[0]  # not England, Arkansas or Wales, Alaska
        assert (first.kind, first.country, first.admin1) == ("region", "GB", admin1)
    assert gaz.lookup("Britain")[0].kind == "country"


def _km(a, b):
    import math

    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def test_country_points_are_their_geonames_records(gaz):
    # an island country's towns cluster on one coast, and the midpoint of Japan's towns lies out at sea
    japan = gaz.lookup("Japan")[0]
    tokyo = gaz.lookup("Tokyo", kinds=("settlement",))[0]
    assert _km(japan, tokyo) < 100
    assert all(gaz.lat[gaz.country_by_iso[iso]] is not None for iso in ("UA", "KE", "CA", "AF", "PS"))


def test_world_areas_seas_and_territories(gaz):
    for name in ("Middle East", "Atlantic", "Mediterranean", "Balkans", "Caucasus", "Caspian Sea"):
        first = gaz.lookup(name)[0]
        assert first.kind == "feature" and first.country is None, name
    assert gaz.lookup("Gaza Strip")[0].country == "PS"
    assert gaz.lookup("Transnistria")[0].country == "MD"
    assert gaz.lookup("Republic of Moldova")[0].kind == "country"


def test_demonym_takes_the_longest_name_and_the_nation(gaz):
    assert gaz.country[gaz.demonym("Nigerian")] == "NG"  # not Niger
    assert gaz.kind[gaz.demonym("Georgian")] == "country"  # not the US state
    assert gaz.name[gaz.demonym("Scandinavians")] == "Scandinavia"
    assert gaz.name[gaz.demonym("Korean")] == "Korean Peninsula"
    assert gaz.region_by_admin1["US.TX"] == gaz.demonym("Texan")


def test_state_abbreviations_need_their_full_stop(gaz):
    assert gaz.name[gaz.abbreviation("Calif.")] == "California"
    assert gaz.name[gaz.abbreviation("W.Va.")] == "West Virginia"
    assert gaz.abbreviation("Ill") is None and gaz.abbreviation("Mass") is None  # words, not states
    assert gaz.abbreviation("TX") is None
    assert gaz.name[gaz.abbreviation("TX", postal=True)] == "Texas"


def test_fuzzy_reaches_focus_towns_and_countries_not_small_towns_abroad(gaz):
    for typo, town in (("Donysk", "Donetsk"), ("Kupyanks", "Kupyansk"), ("Zaporozhie", "Zaporizhzhya")):
        assert town in [p.name for p in gaz.lookup(typo, fuzzy=True, kinds=("settlement",))]
    assert "United Kingdom" in [p.name for p in gaz.lookup("Britian", fuzzy=True)]
    # a near-spelling of a small Texas town is another town, not a typo of it
    assert all(p.country != "US" for p in gaz.lookup("Beevile", fuzzy=True))


def test_stale_cache_files_are_removed(tmp_path):
    current = tmp_path / "gazetteer-v11-3.0.2-0123456789ab.pickle"
    old = [tmp_path / "gazetteer-v3-3.0.2-14529.pickle", tmp_path / "gazetteer-v11-3.0.2-ba9876543210.pickle"]
    other = [
        tmp_path / "gazetteer-notes.pickle",
        tmp_path / "speakers-v1.pickle",
        tmp_path / "gazetteer-v1.txt",
    ]
    for f in [current, *old, *other]:
        f.write_bytes(b"x")
    removed = gazetteer.remove_stale_caches(current)
    assert sorted(removed) == sorted(old)
    assert current.exists() and all(f.exists() for f in other) and not any(f.exists() for f in old)


def test_a_region_that_kept_a_renamed_capitals_old_name_is_marked(gaz):
    renamed = {gaz.name[i] for i in gaz.renamed_capital}
    assert renamed == {"Dnipropetrovsk Oblast", "Kirovohrad Oblast"}
    assert renamed <= {gaz.name[i] for i in gaz.capital_named}


@pytest.mark.parametrize(
    ("base", "phrase", "misspelt", "feature"),
    [("Kakhovka", "hydroelectric power plant dam", False, "Kakhovka Dam"),
     ("Kakhovka", "reservoir", False, "Kakhovka Reservoir"),
     ("Antonovsky", "road bridge", False, "Antonivskyi Bridge"),
     ("Antonivskyi", "bridgge", True, "Antonivskyi Bridge"),
     ("Enerhodar", "atomic power station", False, "Zaporizhzhia Nuclear Power Plant"),
     ("Rivne", "plant", False, None),  # a lone word must be a whole type
     ("Antonivskyi", "bridgge", False, None),  # a typo only where the caller allows one
     ("Kakhovka", "bridge", False, None),
     ("Kharkiv", "dam", False, None)],
)  # fmt: skip
def test_feature_named_by_a_place_and_its_type_words(gaz, base, phrase, misspelt, feature):
    i = gaz.feature_named(base, phrase, misspelt=misspelt)
    assert (gaz.name[i] if i is not None else None) == feature


def test_russian_endings_reach_only_ukrainian_towns(gaz):
    found = gaz.ids("Druzhkovka")
    assert any(gaz.name[i] == "Druzhkivka" and gaz.admin1[i] == "UA.05" for i, _, _ in found)
    assert all(gaz.country[i] != "RU" for i, how, _ in gaz.ids("Bobrivka") if how == "loose")


def test_misspelt_reaches_own_names_one_slip_away(gaz):
    got = {(gaz.name[i], gaz.admin1[i]) for i, how, _ in gaz.misspelt("Lymna")}
    assert ("Lyman", "UA.05") in got  # two letters swapped, though "Lymna" loosely matches a Limna
    assert all(how == "fuzzy" for _, how, _ in gaz.misspelt("Lymna"))
    # a name GeoNames keeps beside a town's own ("Mayak"-like alternates) is no slip of the pen
    assert all(gaz.name[i].casefold().startswith("may") for i, _, _ in gaz.misspelt("Mayak"))
    assert gaz.misspelt("Kyiv") == []  # too short to tell a slip from another name
