"""The last passes over resolved mentions: one town per name the text locates ("Yampil in the Donetsk
region" for its bare mentions too), and districts of towns ("the X district of Kherson", "the Dniprovskyi
district")."""

from __future__ import annotations

import math

from frontwatch.places.finder import Finder, Mention
from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.senses import city_district, district_at
from frontwatch.places.translit import loose_key, seat_forms
from frontwatch.places.words import (
    ADJECTIVE_ENDING,
    CAPITAL_KM,
    CITY_MIN_POPULATION,
    NEGATIONS,
    SETTLEMENT_WORDS,
)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points (latitude, longitude)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def located_namesakes(f: Finder, mentions: list[Mention]) -> None:
    """One town per name in a document: where the text locates a name ("Yampil in the Donetsk region",
    "Dmytrivka near Kyiv") and every such mention agrees, its bare mentions elsewhere that resolved to a
    namesake mean the town located. A locator the sentence denies before it ("not to be confused with
    Yampil in the Vinnytsia region") names the other town."""
    g = f.g
    located: dict[str, set[int]] = {}
    for m in mentions:
        if m.chosen is None or g.kind[m.chosen] != "settlement" or not (m.within or m.anchor):
            continue
        here = f.sentence(m.first)
        k = m.first - 1
        while k >= 0 and f.sentence(k) == here and f.word(k) not in NEGATIONS:
            k -= 1
        if k < 0 or f.sentence(k) != here:
            located.setdefault(m.surface, set()).add(m.chosen)
    for m in mentions:
        towns = located.get(m.surface)
        if (
            not towns
            or len(towns) > 1
            or m.within
            or m.anchor
            or m.place is None
            or m.place.kind != "settlement"
        ):
            continue  # a name no town fits here (a common word) stays unresolved
        (town,) = towns
        if m.chosen != town and any(i == town for i, _, _ in m.cands):
            m.chosen, m.place, m.stray = town, g.place(town), False


def city_districts(f: Finder, mentions: list[Mention]) -> None:
    """A district of a town, named like a river or another town ("the Dnipro district of the city", "the X
    district of Kherson"), stands for that town: the one named after "of", or for "of the city" the last
    town named in this or the previous sentence; with none, it is left unresolved. A district named by an
    adjective ("the Dniprovskyi district": many towns have one) is the last city named in its sentence or
    the two before, where there is one."""
    by_first = {m.first: m for m in mentions}
    regions = {r.place.admin1 for r in mentions if r.place is not None and r.place.kind == "region"}
    for n, m in enumerate(mentions):
        k = district_at(f, m)
        if k is None:
            continue
        if f.word(k + 1) != "of":
            if city_district(f, m):
                city = _last_city(f, mentions[:n], m.first)
                if city is not None and _seat_elsewhere(f.g, m, city, regions):
                    continue  # "the Sudzhansky district" of the Kursk region the text names, not of Kyiv
                if city is not None:
                    city = _seat(f.g, m.surface, city) or city
                    m.chosen, m.place, m.stray = city, f.g.place(city), False
            continue
        if f.word(k + 2) == "the" and f.word(k + 3) == "capital":
            # "the Shevchenkivskyi district of the capital": the namesake that lies in a national capital
            inside = [i for i, how, _ in m.cands if how != "fuzzy" and _in_capital(f.g, i)]
            if inside:
                m.chosen, m.place, m.stray = inside[0], f.g.place(inside[0]), False
            continue
        if f.word(k + 2) == "the" and f.word(k + 3) in SETTLEMENT_WORDS:
            town = _last_town(f, mentions[:n], m.first)
        elif k + 2 in by_first:
            town = by_first[k + 2]
            if town.place is None or town.place.kind != "settlement":
                continue  # "the X district of the Y region": a district of a region, a place of its own
        else:
            continue
        m.place = town.place if town else None
        m.chosen = town.chosen if town else None
        m.stray = m.stray or town is None


def _seat_elsewhere(g: Gazetteer, m: Mention, city: int, regions: set[str | None]) -> bool:
    """The district's adjective resolved to its seat town ("Sudzhansky": Sudzha, not a village called
    Sudzhansky) in a region the document names, not the city's: a rural district of that region, not a part
    of the city."""
    p = m.place
    if p is None or p.kind != "settlement" or p.admin1 not in regions or p.admin1 == g.admin1[city]:
        return False
    return loose_key(p.name) in {loose_key(form) for form in seat_forms(m.surface)}


def _seat(g: Gazetteer, adjective: str, city: int) -> int | None:
    """The town an adjective names, in the region of the city named before it: "the Kupianskyi district" in
    a report from Kharkiv is the district of Kupiansk, not a part of Kharkiv; "the Kyivskyi district" of
    Kharkiv names a town of another region."""
    base = ADJECTIVE_ENDING.sub("", adjective)
    stems = {
        base,
        base[:-2] if base.lower().endswith("sk") else base,
        base[:-1] if base.endswith("k") else base,
    }
    seats = [
        i
        for stem in stems
        if len(stem) >= 4
        for i, how, _ in g.ids(stem)
        if how != "fuzzy"
        and g.kind[i] == "settlement"
        and loose_key(g.name[i]) == loose_key(stem)
        and g.admin1[i] == g.admin1[city]
        and i != city
    ]
    return max(seats, key=lambda i: g.population[i]) if seats else None


def _in_capital(g: Gazetteer, i: int) -> bool:
    """A settlement (a town's district, as GeoNames often records them) within CAPITAL_KM of a national
    capital of its country."""
    here = g.point(i)
    if g.kind[i] != "settlement" or here is None:
        return False
    return any(
        g.country[c] == g.country[i] and (there := g.point(c)) is not None and km(here, there) <= CAPITAL_KM
        for c in g.capitals
    )


def _last_town(f: Finder, before: list[Mention], at: int) -> Mention | None:
    """The last mention resolved to a town, within the sentence of token `at` and the one before it."""
    here = f.sentence(at)
    for m in reversed(before):
        if f.sentence(m.first) < here - 1:
            break
        if m.place is not None and m.place.kind == "settlement":
            return m
    return None


def _last_city(f: Finder, before: list[Mention], at: int) -> int | None:
    """The last city named within the sentence of token `at` and the two before it: a town of
    CITY_MIN_POPULATION, or the capital of a region named after it ("shelled Kherson", read as the region)."""
    g, here = f.g, f.sentence(at)
    for m in reversed(before):
        if f.sentence(m.first) < here - 2:
            break
        if m.place is None or m.chosen is None or city_district(f, m):
            continue
        if m.place.kind == "settlement" and m.place.population >= CITY_MIN_POPULATION:
            return m.chosen
        if m.place.kind == "region" and m.chosen in g.capital_named:
            own = loose_key(m.surface)
            towns = [
                i
                for i, _, _ in m.cands
                if g.kind[i] == "settlement" and g.admin1[i] == m.place.admin1 and loose_key(g.name[i]) == own
            ]
            if towns:
                return max(towns, key=lambda i: g.population[i])
    return None
