"""Toponyms in text: a gazetteer matcher over the tokens, filters for non-places, and disambiguation.

No NER labels are used: names are found by looking capitalised token n-grams up in the gazetteer
(exact key, then the transliteration key, then fuzzy in a place-like context). Filters drop people
("Dmitry Peskov", "Peskov said"), demonyms, organisations and common words. Each surviving mention
is resolved by context: region words ("the Kharkov region"), lists of regions, the regions and other
places of the document, population and match quality. A name shared by a region and its capital
("Kharkiv") keeps one sense per document: once the document means the region, its bare mentions do too,
unless a cue of their own says town ("the city of X", "X, the regional capital", "40 km north of X").
A town reached by an old or foreign alternate name gives way to a town of that very name ("Berea",
"Pokrovsk" before Engels), and fuzzy matching abroad stays with countries, world features and big cities
("Oconee" is not Ocoee). Of namesakes, the one in the region most of the document's places lie in wins, and
an explicit locator decides outright ("Yampil in the Donetsk region", "Krasne near Vovchansk": with no such
namesake held, the village is left unresolved). A bare regional capital that is shelled or entered, or whose
streets and districts the sentence speaks of, is the town; "the Dniprovskyi district" is a part of the city
named just before it.
A region's office ("the Kharkiv governor", "the X regional administration") names the region but does not
spread its sense; "across X" is the region. A lowercase name of a big place of the focus countries in a
place slot ("left for kherson") is found; a loose or typo match outside the regions the text names is
refused ("Berdychi" in the Donetsk region is not Berdychiv); a name before "river"/"lake" that the
gazetteer holds only as another town is no place, and unit names in quotes (grouping "Vostok") are none.
"""

from __future__ import annotations

from frontwatch.places import gazetteer
from frontwatch.places.filters import keep, organisation_surfaces, person_surfaces
from frontwatch.places.finder import Finder, Mention
from frontwatch.places.scoring import Context, choose, resolve
from frontwatch.places.senses import mark_cues
from frontwatch.places.translit import loose_key
from frontwatch.places.words import STRONG_TOWN, may_be_typo
from frontwatch.records import Place, PlaceMention

__all__ = ["find_places", "resolve_name", "resolve_spans"]


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
