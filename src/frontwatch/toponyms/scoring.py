"""Disambiguation: each mention's candidates scored by kind, population, match quality, its kind hint and
the places the rest of the document resolves to, over a few passes."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from frontwatch.gazetteer import FOCUS_COUNTRIES, Gazetteer, core_name
from frontwatch.toponyms.finder import Finder, Mention
from frontwatch.toponyms.senses import kind_hints
from frontwatch.toponyms.words import (
    ALIKE_SCORE,
    ALTERNATE_PENALTY,
    ALTERNATE_RATIO,
    DISTRICT_WORDS,
    DOMINANT_RATIO,
    DOMINATED_PENALTY,
    FUZZY_SURE,
    LOOSE_OWN_NAME,
    SENTENCE_REGION,
    SETTLEMENT_WORDS,
    SMALL_VILLAGE,
    VILLAGE_MAX_POPULATION,
)
from frontwatch.translit import exact_key, loose_key

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


def _borrowed(g: Gazetteer, m: Mention) -> set[int]:
    """Towns outside the focus countries reached by an alternate name unlike their own that another candidate
    bears as its own: GeoNames keeps old, ancient and foreign names among the alternates ("Berea" for Aleppo,
    "Liverpool" for a Washington, "Paris" for a Kosciusko), and a town of that very name is the one meant,
    unless the borrower is ALTERNATE_RATIO times bigger ("Bombay" is Mumbai, not a hamlet)."""
    key = exact_key(m.surface)
    sets = [i for i, how, _ in m.cands if g.kind[i] == "settlement" and how != "fuzzy"]
    owners = [i for i in sets if _names_alike(key, exact_key(g.name[i]))]
    if not owners:
        return set()
    floor = ALTERNATE_RATIO * max(max(g.population[i] for i in owners), 1_000)
    return {
        i
        for i in sets
        if i not in owners
        and g.country[i] not in FOCUS_COUNTRIES
        and i not in g.capitals  # a capital's other names are its names in other languages ("Berne")
        and g.population[i] < floor
        and fuzz.ratio(key, exact_key(g.name[i])) < ALIKE_SCORE  # "Berne" is Bern spelled another way
    }


def choose(
    g: Gazetteer,
    m: Mention,
    ctx_admin1: Context,
    ctx_country: Context,
    after_the: bool,
    prev_word: str = "",
    named: Named | None = None,
    ctx_towns: Context | None = None,
    local: frozenset[str] = frozenset(),
) -> int | None:
    best, best_score = None, -math.inf
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
    # a cue that says town, or a country or region named after it, places a common word
    common = 0.0 if m.kind_hint == "settlement" or m.within else m.common
    after_in = prev_word in ("in", "at", "from")
    within = m.within if any(_inside(g, i, m.within) for i, _, _ in m.cands) else frozenset()
    for i, how, sim in m.cands:
        kind = g.kind[i]
        if within and not _inside(g, i, within):
            continue  # "Odessa, Texas", "near Odesa in Ukraine"
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
        towns = _weight(ctx_towns, g.admin1[i], m.surface) if ctx_towns is not None else in_admin1
        if named and _stray_village(g, i, how, m.surface, named, towns):
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
            if g.admin1[i] in local:
                score += SENTENCE_REGION  # "18 settlements of the X region, including Y": Y is there
            if i in dominated:
                score -= DOMINATED_PENALTY
            if i in borrowed and not _only_its_country(g, i, m, borrowed, ctx_country):
                score -= ALTERNATE_PENALTY
            if m.kind_hint == "region":
                score -= 20
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
    if best is not None:
        m.stray = False
    return best


def _only_its_country(g: Gazetteer, i: int, m: Mention, borrowed: set[int], ctx_country: Context) -> bool:
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
    if not regions or g.admin1[i] in regions:
        return False
    own = how == "exact" and exact_key(g.name[i]) == exact_key(surface)
    return not (own and towns >= 1.0)


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


def _sentence_regions(f: Finder, mentions: list[Mention]) -> list[frozenset[str]]:
    """For each mention, the admin1 codes of the regions that other names of its sentence resolve to."""
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for m in mentions:
        if m.chosen is not None and m.place is not None and m.place.kind == "region" and m.place.admin1:
            by_sentence.setdefault(f.sentence(m.first), []).append((m.surface, m.place.admin1))
    return [
        frozenset(code for s, code in by_sentence.get(f.sentence(m.first), ()) if s != m.surface)
        for m in mentions
    ]


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
        for m in mentions:
            if m.place and m.chosen is not None:
                w = 1.5 if m.place.kind == "region" else 1.0
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
                _support(ctx_country, m.place.country, key, 1.0)
            elif m.cands and len(m.cands) <= 3 and len({g.admin1[i] for i, _, _ in m.cands}) == 1:
                _support(ctx_admin1, g.admin1[m.cands[0][0]], m.surface, 1.0)
                _support(ctx_country, g.country[m.cands[0][0]], m.surface, 1.0)
        named = _named_regions(f, mentions)
        local = _sentence_regions(f, mentions)
        for m, around, here in zip(mentions, named, local, strict=True):
            prev = f.word(m.first - 1)
            m.chosen = choose(g, m, ctx_admin1, ctx_country, prev == "the", prev, around, ctx_towns, here)
            m.place = g.place(m.chosen) if m.chosen is not None else None
    _city_districts(f, mentions)


def _city_districts(f: Finder, mentions: list[Mention]) -> None:
    """A district of a town, named like a river or another town ("the Dnipro district of the city", "the X
    district of Kherson"), stands for that town: the one named after "of", or for "of the city" the last
    town named in this or the previous sentence; with none, it is left unresolved."""
    by_first = {m.first: m for m in mentions}
    for n, m in enumerate(mentions):
        k = m.last + 1
        if f.word(k) not in DISTRICT_WORDS or f.word(k + 1) != "of":
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


def _last_town(f: Finder, before: list[Mention], at: int) -> Mention | None:
    """The last mention resolved to a town, within the sentence of token `at` and the one before it."""
    here = f.sentence(at)
    for m in reversed(before):
        if f.sentence(m.first) < here - 1:
            break
        if m.place is not None and m.place.kind == "settlement":
            return m
    return None
