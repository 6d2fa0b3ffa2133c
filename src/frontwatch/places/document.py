"""The stage's entry points: the toponyms of a whole document, given spans, or one name."""

from __future__ import annotations

from frontwatch.places import gazetteer
from frontwatch.places.filters import keep, organisation_surfaces, person_surfaces
from frontwatch.places.finder import Finder, Mention
from frontwatch.places.scoring import Context, choose, resolve
from frontwatch.places.senses import mark_cues
from frontwatch.places.translit import loose_key
from frontwatch.places.words import STRONG_TOWN, may_be_typo
from frontwatch.records import Place, PlaceMention


def find_places(doc_id: str, text: str) -> list[PlaceMention]:
    """Every toponym in `text`, resolved to a Place where the gazetteer and context allow."""
    g = gazetteer.load()
    f = Finder(g, text)
    mentions = f.find()
    people = person_surfaces(f, mentions) | organisation_surfaces(f)  # names no place bears here
    mentions = [m for m in mentions if keep(f, m, people)]
    mark_cues(f, mentions)
    resolve(f, mentions)
    # a name no candidate fits is kept, unresolved, only where nothing but a place can stand, or where its
    # only namesakes were villages elsewhere
    kept = [m for m in mentions if m.place or m.slot or m.stray]
    return [PlaceMention(doc_id, m.surface, m.start, m.end, m.place) for m in kept]


def resolve_spans(text: str, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve given toponym spans of `text` with the whole document as context (for benchmarks)."""
    g = gazetteer.load()
    f = Finder(g, text)
    mentions = []
    for s, e in spans:
        idx = [k for k, t in enumerate(f.toks) if t.start >= s and t.end <= e]
        surface = text[s:e]
        cands = g.ids(surface)
        state = g.abbreviation(surface, postal=text[max(0, s - 2) : s] == ", ")
        people = g.demonym(surface)  # an annotated adjective: "Russian" stands for Russia
        if state is not None:
            cands = [(state, "exact", 100.0)]  # "Kan." is Kansas, not a town with "Kan" among its names
        elif people is not None and not _names_a_place(g, cands, surface):
            cands = [(people, "exact", 100.0)]  # "Canadian" is Canada, not Canadian, Texas
        elif not cands and " " not in surface.strip() and may_be_typo(surface):
            cands = g.ids(surface, fuzzy=True)  # typos, in one-word names only
        first, last = (idx[0], idx[-1]) if idx else (0, 0)
        mentions.append(Mention(first, last, s, e, surface, cands, bool(idx) and f.has_cue(first)))
    known = [m for m in mentions if m.cands]
    mark_cues(f, known)
    for m in known:
        m.common = 0.0  # the spans are places: a common word among them is still one
    resolve(f, known)
    return [m.place for m in mentions]


def _names_a_place(g: gazetteer.Gazetteer, cands: list[tuple[int, str, float]], surface: str) -> bool:
    """Whether a word that is also a demonym is, exactly, the name of a country, region or feature, or the
    own name of a city (STRONG_TOWN people or more)."""
    own = loose_key(surface)
    return any(
        how == "exact"
        and (g.kind[i] != "settlement" or (loose_key(g.name[i]) == own and g.population[i] >= STRONG_TOWN))
        for i, how, _ in cands
    )


def resolve_name(name: str, context: str | None = None) -> Place | None:
    """One name, with an optional region written any way as context ("Izum", "Kharkivs'ka oblast")."""
    g = gazetteer.load()
    cands = g.ids(name, fuzzy=may_be_typo(name))
    if not cands:
        return None
    ctx_admin1: Context = {}
    ctx_country: Context = {}
    region = g.region(context) if context else None
    if region is not None and region.admin1:
        ctx_admin1[region.admin1] = {"": 2.0}
        ctx_country[region.country or ""] = {"": 1.0}
        # the region is given: a same-named place elsewhere is another place, not this one
        cands = [c for c in cands if g.admin1[c[0]] == region.admin1]
        if not cands:
            return None
    m = Mention(0, 0, 0, len(name), name, cands, False, kind_hint="settlement")
    best = choose(g, m, ctx_admin1, ctx_country, False)
    return g.place(best) if best is not None else None
