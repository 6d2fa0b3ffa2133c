"""Disambiguation: each mention's candidates scored by kind, population, match quality, its kind hint and
the places the rest of the document resolves to (how many of them lie in each region, too), over a few
passes; then one-letter slips of names of the regions named, and the last passes of `locators` (a name's
locators for its bare mentions, districts of towns)."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from frontwatch.places.finder import Finder, Mention
from frontwatch.places.gazetteer import FOCUS_COUNTRIES, Gazetteer, core_name
from frontwatch.places.locators import city_districts, km, located_namesakes
from frontwatch.places.senses import kind_hints
from frontwatch.places.translit import exact_key, loose_key, other_gender
from frontwatch.places.words import (
    ALIKE_SCORE,
    ALTERNATE_PENALTY,
    ALTERNATE_RATIO,
    ANCHOR_RATIO,
    BREADTH,
    BREADTH_VILLAGE,
    CITY_MIN_POPULATION,
    DOMINANT_RATIO,
    DOMINATED_PENALTY,
    FOCUS_ALTERNATE_PENALTY,
    FOCUS_ALTERNATE_RATIO,
    FUZZY_SURE,
    LOOSE_OWN_NAME,
    NEAR_KM,
    SENTENCE_REGION,
    SMALL_VILLAGE,
    STRONG_TOWN,
    VILLAGE_MAX_POPULATION,
    may_be_typo,
)

Context = dict[str, dict[str, float]]  # admin1 or country -> surface -> weight
Named = dict[str, frozenset[str]]  # country -> admin1 codes of the regions named around a mention


def _weight(ctx: Context, code: str | None, *surfaces: str) -> float:
    """Support for a code from the document's other names (a name does not support itself)."""
    return max((w for s, w in ctx.get(code or "", {}).items() if s not in surfaces), default=0.0)


def _count(ctx: Context, code: str | None, surface: str) -> int:
    """How many other names of the document support a code."""
    return sum(1 for s in ctx.get(code or "", {}) if s != surface)


def _name_rank(g: Gazetteer, i: int, how: str, surface_loose: str) -> int:
    """How well a surface names a place: 2 its own name in any spelling ("Mykolaiv" for Mykolayiv), 1 an
    unrelated alternate name matched exactly, 0 one matched loosely or by a typo."""
    if loose_key(g.name[i]) == surface_loose:
        return 2
    return 1 if how == "exact" else 0


def _dominated(g: Gazetteer, m: Mention) -> set[int]:
    """Settlements that a far bigger namesake names better. GeoNames gives villages the names of nearby
    towns as alternates ("Mykolaiv" for a Mykolaivka, even "Kremenchuk" for a Yampil); document context
    must not let such a village beat the city whose own name it is. Between towns of like size an old name
    is often the one meant (Pervomaisk, renamed Sokolohirsk), so context decides there. Elsewhere a short
    alternate is usually the town's everyday name ("Avondale" for Avondale Estates), so only villages of the
    focus countries, whose alternates GeoNames fills from transliterations of nearby names, give way."""
    sets = [(i, how) for i, how, _ in m.cands if g.kind[i] == "settlement" and how != "fuzzy"]
    if len(sets) < 2:
        return set()
    surface_loose = loose_key(m.surface)
    rank = {i: _name_rank(g, i, how, surface_loose) for i, how in sets}
    return {
        i
        for i, _ in sets
        if g.country[i] in FOCUS_COUNTRIES
        and any(rank[j] > rank[i] and g.population[j] >= DOMINANT_RATIO * g.population[i] for j, _ in sets)
    }


def _borrowed(g: Gazetteer, m: Mention) -> dict[int, float]:
    """Towns reached by an alternate name unlike their own that another candidate bears as its own, with the
    penalty each takes. GeoNames keeps old, ancient and foreign names among the alternates ("Berea" for
    Aleppo, "Liverpool" for a Washington, "Paris" for a Kosciusko, "Pokrovsk" for Engels), and a town of that
    very name is the one meant. Outside the focus countries the borrower gives way unless it is
    ALTERNATE_RATIO times bigger ("Bombay" is Mumbai, not a hamlet). In the focus countries an old name is
    often still in use for a town of like size (Pervomaisk, renamed Sokolohirsk), so the penalty there is
    smaller than a region's support and the document's context decides; the owner must be spelled exactly
    so ("Krasnoarmiisk" is Pokrovsk's old name, not Krasnoarmeysk spelled another way) and be at least a
    FOCUS_ALTERNATE_RATIO-th of the borrower's size."""
    key = exact_key(m.surface)
    sets = [(i, how) for i, how, _ in m.cands if g.kind[i] == "settlement" and how != "fuzzy"]
    owners = [(i, how) for i, how in sets if _names_alike(key, exact_key(g.name[i]))]
    if not owners:
        return {}
    floor = ALTERNATE_RATIO * max(max(g.population[i] for i, _ in owners), 1_000)
    exact_owner = max((g.population[i] for i, how in owners if how == "exact"), default=-1)
    out: dict[int, float] = {}
    for i, _ in sets:
        if (i, "exact") in owners or (i, "loose") in owners or i in g.capitals:
            continue  # a capital's other names are its names in other languages ("Berne")
        if fuzz.ratio(key, exact_key(g.name[i])) >= ALIKE_SCORE:
            continue  # "Berne" is Bern spelled another way
        if g.country[i] not in FOCUS_COUNTRIES:
            if g.population[i] < floor:
                out[i] = ALTERNATE_PENALTY
        elif exact_owner >= 0 and FOCUS_ALTERNATE_RATIO * exact_owner >= g.population[i]:
            out[i] = FOCUS_ALTERNATE_PENALTY
    return out


def choose(
    g: Gazetteer,
    m: Mention,
    ctx_admin1: Context,
    ctx_country: Context,
    after_the: bool,
    prev_word: str = "",
    named: Named | None = None,
    ctx_towns: Context | None = None,
    local: dict[str, float] | None = None,
    ctx_anchors: Context | None = None,
) -> int | None:
    local = local or {}
    best, best_score = None, -math.inf
    # the best town by its score with the breadth of its region's support, kept with its score without it:
    # breadth ranks namesake towns, and must not make a town beat a country ("China", Texas)
    town, town_rank, town_score = None, -math.inf, -math.inf
    biggest = max((g.population[i] for i, how, _ in m.cands if g.kind[i] == "settlement"), default=0)
    m.stray = False
    exact_kinds = {g.kind[i] for i, how, _ in m.cands if how == "exact"}
    key = exact_key(m.surface)
    surface_loose = loose_key(m.surface)
    # a region named like a sizeable town inside it, or like a capital, is the town when named alone
    # ("Kharkiv"); a village that borrows a state's name ("Minnesota") is not
    town_named = {
        g.admin1[i]
        for i, how, _ in m.cands
        if g.kind[i] == "settlement" and (g.population[i] >= 50_000 or exact_key(g.name[i]) == key)
    }
    capital_named = any(i in g.capitals for i, _, _ in m.cands)
    dominated = _dominated(g, m)
    borrowed = _borrowed(g, m)
    within = m.within if any(_inside(g, i, m.within) for i, _, _ in m.cands) else frozenset()
    # a cue that says town, or a country or region named after it that holds a candidate, places a common
    # word ("Constitution in Tunisia" is none)
    common = 0.0 if m.kind_hint == "settlement" or within else m.common
    after_in = prev_word in ("in", "at", "from")
    near = _near(g, m)
    # "X in the Y region" with no candidate there: the gazetteer lacks the village meant, and its namesakes
    # elsewhere are other places; a city, region or country may still be what the text means. A country
    # after a name is weaker ("St. Gregory of Narek in Vatican", "Ontario, Canada" with no province Ontario).
    unmet = any("." in code for code in m.within) and not within
    located = False  # a candidate was set aside for the place the text puts it in
    for i, how, sim in m.cands:
        kind = g.kind[i]
        if within and not _inside(g, i, within):
            continue  # "Odessa, Texas", "near Odesa in Ukraine"
        if how == "loose" and kind == "settlement" and other_gender(g.name[i], m.surface):
            continue  # "Pervomaiske" is not Pervomaiskyi, another village
        if how == "fuzzy" and m.within and not _inside(g, i, m.within):
            continue  # "X, Donetsk Oblast": a near-spelling of a town in another region is a guess
        if m.village and (kind != "settlement" or g.population[i] >= VILLAGE_MAX_POPULATION):
            continue
        in_admin1 = _weight(ctx_admin1, g.admin1[i], m.surface)
        in_country = _weight(ctx_country, g.country[i], m.surface)
        if common and kind == "settlement":
            known = in_admin1 or in_country or i in g.capitals or after_in
            need = 10 ** (common + (0.5 if known else 1.25))
            if g.population[i] < need or not _names_alike(key, exact_key(g.name[i])):
                continue  # "the Metro", "Institute for the Study of War", "Red Cross", "White House"
        if common and kind == "region" and i in g.capital_named and m.kind_hint != "region":
            continue  # its capital's name read as a common word ("Stalin" for Stalino, now Donetsk)
        if kind == "settlement" and (
            (near is not None and i not in near) or (unmet and g.population[i] < STRONG_TOWN)
        ):
            located = True
            continue  # "Krasne near Vovchansk": not the Krasne of another oblast
        if how != "exact" and named and _outside_named(g, i, how, named, in_admin1):
            # a name spelt another way is kept, unresolved, as a village the gazetteer lacks; a typo-match
            # refused is no evidence of a place ("Agence France-Presse")
            located = located or how == "loose"
            continue
        towns = _weight(ctx_towns, g.admin1[i], m.surface) if ctx_towns is not None else in_admin1
        if named and (
            _stray_village(g, i, how, m.surface, named, towns)
            or _foreign_village(g, i, how, m.surface, named, in_country)
        ):
            m.stray = True
            continue
        if how == "fuzzy":
            abroad = g.country[i] not in FOCUS_COUNTRIES
            if kind != "settlement" and abroad:
                if sim < FUZZY_SURE:  # countries and world features are few and well known: "Britian" is one
                    continue
            elif (abroad and not in_country) or (sim < FUZZY_SURE and not in_admin1):
                continue  # a near-spelling with nothing in the document pointing to it is a guess
        score = {"exact": 2.0, "loose": 1.0, "fuzzy": (sim - 80) / 20}[how]
        if kind == "settlement":
            score += math.log10(g.population[i] + 10) + 3.0 * in_admin1 + 1.5 * in_country
            if how == "exact" and exact_key(g.name[i]) != key:
                score -= 0.5  # an alternate name: a little weaker than a place's own name
            elif how == "loose" and loose_key(g.name[i]) == surface_loose:
                score += LOOSE_OWN_NAME  # its own name in the other romanisation ("Vasilyevka")
            # "18 settlements of the X region, including Y": Y is there
            score += local.get(g.admin1[i] or "", 0.0)
            if i in dominated:
                score -= DOMINATED_PENALTY
            if i in borrowed and not _only_its_country(g, i, m, borrowed, ctx_country):
                score -= borrowed[i]
            if m.kind_hint == "region":
                score -= 20
            # a town in a region many of the document's places lie in, before a namesake in a region named
            # once in passing ("not the town of the same name in the Lviv region")
            n = _count(ctx_anchors, g.admin1[i], m.surface) if in_admin1 and ctx_anchors else 0
            if 0 < g.population[i] < BREADTH_VILLAGE and biggest >= max(
                CITY_MIN_POPULATION, 10 * g.population[i]
            ):
                n = 0  # a village against a namesake city ten times its size: Yalta, whatever Donetsk says
            rank = score + BREADTH * math.log2(max(n, 1))
            if rank > town_rank:
                town, town_rank, town_score = i, rank, score
            continue
        elif kind == "region":
            own = i in g.renamed_capital and loose_key(core_name(g.name[i])) == surface_loose
            if (g.admin1[i] in town_named and not own) or capital_named:
                score += 0.5 + 2.0 * in_country
            else:  # "Texas", "Crimea": a region before a small namesake; "Georgia" with Atlanta is the state
                towns_in = _weight(ctx_admin1, g.admin1[i], m.surface, m.surface + " (region)")
                score += 6.0 + 2.0 * min(_count(ctx_country, g.country[i], m.surface), 3) + 3.0 * towns_in
            if m.kind_hint == "region":
                score += 23.5
            elif m.kind_hint == "settlement":
                score -= 20
        elif kind == "country":
            score += 10.0 + 2.0 * in_country
            if m.kind_hint == "region":
                score += 23.5  # "the territory of Georgia": an area, as a country is, not a town
        else:  # feature
            score += 11.0
            if i in g.the_only and "settlement" in exact_kinds:
                score += 10 if after_the else -20  # "the Dnipro" is the river, "Dnipro" the city
        if score > best_score:
            best, best_score = i, score
    if town is not None and town_score > best_score:
        best = town
    if best is not None:
        m.stray = False
    elif located:
        m.stray = True  # kept, unresolved: a place the gazetteer lacks
    return best


def _near(g: Gazetteer, m: Mention) -> set[int] | None:
    """The candidates within NEAR_KM of the town a mention is said to be near ("X near Y"), or None where
    it names no such town."""
    a = m.anchor
    if (
        a is None
        or a.place is None
        or a.place.kind != "settlement"
        or a.place.lat is None
        or a.place.lon is None
        or not _anchor(g, a)
    ):
        return None  # a river or a border has no one point to measure from, an uncertain town a wrong one
    there = (a.place.lat, a.place.lon)
    return {i for i, _, _ in m.cands if (here := g.point(i)) is not None and km(here, there) <= NEAR_KM}


def _only_its_country(
    g: Gazetteer, i: int, m: Mention, borrowed: dict[int, float], ctx_country: Context
) -> bool:
    """The document points to the country of town i and to none of the towns that own its name: "Saida" in a
    text about Lebanon is Sidon, whatever towns are called Saïda elsewhere."""
    owners = {g.country[j] for j, _, _ in m.cands if j not in borrowed and g.kind[j] == "settlement"}
    return bool(_weight(ctx_country, g.country[i], m.surface)) and not any(
        _weight(ctx_country, c, m.surface) for c in owners
    )


def _stray_village(g: Gazetteer, i: int, how: str, surface: str, named: Named, towns: float) -> bool:
    """A small village of the focus countries outside every region the text names around it. GeoNames
    holds only villages of 500 people or more, so the one namesake it has is often not the village meant
    (Ukraine has dozens of each name): only its own name, spelled exactly, with another town or region of
    the document in its region (`towns`; a river or dam spans too much), places it there; a loose or fuzzy
    spelling or a lone namesake is left unresolved."""
    if g.kind[i] != "settlement" or g.population[i] >= SMALL_VILLAGE or g.country[i] not in FOCUS_COUNTRIES:
        return False
    regions = named.get(g.country[i] or "")
    own = how == "exact" and exact_key(g.name[i]) == exact_key(surface)
    if not regions:
        return not own  # the text names regions of another country only: a village by another name is a guess
    if g.admin1[i] in regions:
        return False
    return not (own and towns >= 1.0)


def _outside_named(g: Gazetteer, i: int, how: str, named: Named, in_admin1: float) -> bool:
    """A town of the focus countries reached by a loose or fuzzy spelling, outside every region of those
    countries that the text names, with no other place of the document in its region: "Berdychi" in a text
    on the Donetsk region is no Berdychiv 400 km away, "Dubovoye" of the Belgorod region no Dubove of
    Ukraine. Cities reached by a loose spelling stay ("Mykolaev"), as do big ones reached by a typo."""
    if g.kind[i] != "settlement" or g.country[i] not in FOCUS_COUNTRIES or in_admin1:
        return False
    if g.population[i] >= (STRONG_TOWN if how == "fuzzy" else CITY_MIN_POPULATION):
        return False
    focus = [codes for cc, codes in named.items() if cc in FOCUS_COUNTRIES and codes]
    return bool(focus) and g.admin1[i] not in named.get(g.country[i] or "", frozenset())


def _foreign_village(g: Gazetteer, i: int, how: str, surface: str, named: Named, in_country: float) -> bool:
    """A small village, reached by another name than its own, of a country the document points to nowhere,
    in a text that names regions of other countries: "the villages of Olenivka and Mayak in Crimea" is no
    Maiac of Moldova."""
    if g.kind[i] != "settlement" or g.population[i] >= SMALL_VILLAGE or in_country:
        return False
    own = how == "exact" and exact_key(g.name[i]) == exact_key(surface)
    return not own and (g.country[i] or "") not in named


def _named_regions(f: Finder, mentions: list[Mention]) -> list[Named]:
    """For each mention, the regions named in its sentence if any (of a country), else in the document:
    mentions resolved to a region, or to an area that spans regions ("Donbas")."""
    g = f.g
    doc: dict[str, set[str]] = {}
    by_sentence: dict[int, dict[str, set[str]]] = {}
    for m in mentions:
        if m.chosen is None or m.place is None:
            continue
        if m.place.kind != "region" and m.chosen not in g.spans:
            continue
        for code in g.admin1_span(m.chosen):
            cc = code.split(".")[0]
            doc.setdefault(cc, set()).add(code)
            by_sentence.setdefault(f.sentence(m.first), {}).setdefault(cc, set()).add(code)
    out = []
    for m in mentions:
        local = by_sentence.get(f.sentence(m.first), {})
        out.append({cc: frozenset(local.get(cc) or codes) for cc, codes in doc.items()})
    return out


def _sentence_regions(f: Finder, mentions: list[Mention]) -> list[dict[str, float]]:
    """For each mention, the admin1 codes of the regions that other names of its sentence resolve to, with
    the support each gives (SENTENCE_REGION)."""
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for m in mentions:
        if m.chosen is not None and m.place is not None and m.place.kind == "region" and m.place.admin1:
            by_sentence.setdefault(f.sentence(m.first), []).append((m.surface, m.place.admin1))
    return [
        {code: SENTENCE_REGION for s, code in by_sentence.get(f.sentence(m.first), ()) if s != m.surface}
        for m in mentions
    ]


def _anchor(g: Gazetteer, m: Mention) -> bool:
    """Whether a resolved mention is sure of its region: a region or feature, or a town whose namesakes (towns
    of its own name) in other regions are all far smaller ("Chicago", not "Washington" read as a village of
    Illinois). Only such names add to the breadth of a region's support, so that namesake villages cannot
    prop each other up."""
    c = m.chosen
    if c is None or g.kind[c] in ("region", "feature"):
        return c is not None
    if g.kind[c] != "settlement":
        return False
    own = loose_key(m.surface)
    return all(
        g.admin1[i] == g.admin1[c] or g.population[c] >= ANCHOR_RATIO * max(g.population[i], 1)
        for i, how, _ in m.cands
        if how != "fuzzy" and g.kind[i] == "settlement" and loose_key(g.name[i]) == own
    )


def _names_alike(a: str, b: str) -> bool:
    """Whether two keys are one name, maybe shortened ("New York City", "St Petersburg" for Saint
    Petersburg), not an unrelated alternate ("White House" for Casablanca)."""
    long_a = {w for w in a.split() if len(w) >= 4}
    long_b = {w for w in b.split() if len(w) >= 4}
    if loose_key(a) == loose_key(b):
        return True
    return (bool(long_a) and long_a <= long_b) or (bool(long_b) and long_b <= long_a)


def _inside(g: Gazetteer, i: int, codes: frozenset[str]) -> bool:
    return g.country[i] in codes or g.admin1[i] in codes


def _support(ctx: Context, code: str | None, surface: str, w: float) -> None:
    if code:
        slot = ctx.setdefault(code, {})
        slot[surface] = max(slot.get(surface, 0.0), w)


def resolve(f: Finder, mentions: list[Mention], passes: int = 3) -> None:
    g = f.g
    kind_hints(f, mentions)
    for _ in range(passes):
        # context from what the last pass resolved; before that, from names whose candidates agree
        ctx_admin1: Context = {}
        ctx_country: Context = {}
        ctx_towns: Context = {}  # support from towns and regions alone
        ctx_anchors: Context = {}  # support from names sure of their region, for its breadth
        for m in mentions:
            if m.place and m.chosen is not None:
                # an area of several oblasts ("Donbas") supports each of them as a town would
                w = 1.5 if m.place.kind == "region" and m.chosen not in g.spans else 1.0
                if m.place.kind == "settlement" and loose_key(m.place.name) != loose_key(m.surface):
                    w = 0.5  # a town reached by another word ("Rankin" for Belton) is weak evidence
                # a name cued as the region is evidence for its towns, even a same-named one ("the Donetsk
                # region ... Donetsk, the regional capital"); a bare name does not support itself
                region = m.kind_hint == "region" and m.place.kind == "region"
                key = m.surface + " (region)" if region else m.surface
                for code in g.admin1_span(m.chosen):  # "Donbas" supports the towns of both its oblasts
                    _support(ctx_admin1, code, key, w)
                    if m.place.kind in ("settlement", "region"):
                        _support(ctx_towns, code, key, w)
                    if _anchor(g, m):
                        _support(ctx_anchors, code, key, w)
                _support(ctx_country, m.place.country, key, 1.0)
            elif m.cands and len(m.cands) <= 3 and len({g.admin1[i] for i, _, _ in m.cands}) == 1:
                _support(ctx_admin1, g.admin1[m.cands[0][0]], m.surface, 1.0)
                _support(ctx_country, g.country[m.cands[0][0]], m.surface, 1.0)
        named = _named_regions(f, mentions)
        local = _sentence_regions(f, mentions)
        for m, around, here in zip(mentions, named, local, strict=True):
            prev = f.word(m.first - 1)
            m.chosen = choose(
                g, m, ctx_admin1, ctx_country, prev == "the", prev, around, ctx_towns, here, ctx_anchors
            )
            m.place = g.place(m.chosen) if m.chosen is not None else None
    # a name left unresolved whose one-letter slip ("Lymna") names a town of a region the text names
    for m, around, here in zip(mentions, named, local, strict=True):
        cands = _typo_in_regions(f, m, around)
        if cands:
            kept, m.cands = m.cands, cands
            prev = f.word(m.first - 1)
            m.chosen = choose(
                g, m, ctx_admin1, ctx_country, prev == "the", prev, around, ctx_towns, here, ctx_anchors
            )
            m.place = g.place(m.chosen) if m.chosen is not None else None
            if m.chosen is None:
                m.cands, m.stray = kept, True
    located_namesakes(f, mentions)
    city_districts(f, mentions)


def _typo_in_regions(f: Finder, m: Mention, named: Named) -> list[tuple[int, str, float]]:
    """For a one-word name left unresolved, its village namesakes all outside the regions the text names
    (or no candidate at all, in a place slot), the towns of those regions one slip of the pen away."""
    g = f.g
    if m.place is not None or m.first != m.last or not (m.stray or (m.slot and not m.cands)):
        return []
    if (f.toks[m.first].sent_start and not m.cue) or not may_be_typo(m.surface):
        return []
    return [c for c in g.misspelt(m.surface) if g.admin1[c[0]] in named.get(g.country[c[0]] or "", ())]
