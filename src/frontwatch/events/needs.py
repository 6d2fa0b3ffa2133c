"""What a trigger needs besides itself to tell an event, by type: requirements registered by the name a
type's spec gives in `needs` (a place, a place or a count, an act, a call-up)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events import types
from frontwatch.events.intent import signed_act
from frontwatch.events.lexicon import (
    INSTRUMENT_NOUNS,
    MOBILIZATION_KINDS,
    MUNITIONS,
    PARTIES,
    PERSONNEL,
    PLAIN_VESSELS,
    SITES,
    WARSHIP_KINDS,
    WARSHIPS,
    listed,
)
from frontwatch.events.relations import governing_verb, intercepted
from frontwatch.records import PlaceMention

# What a trigger needs besides itself to tell an event, by the name a type's spec gives in `needs`.
Need = Callable[[Token, list[PlaceMention], dict[str, float], bool], bool]


NEEDS: dict[str, Need] = {}


def need(name: str) -> Callable[[Need], Need]:
    """Register a requirement under the name that specs use."""

    def register(rule: Need) -> Need:
        if name in NEEDS:
            raise ValueError(f"requirement {name!r} is already registered")
        NEEDS[name] = rule
        return rule

    return register


def enough(
    t: Token, ty: str, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool = True
) -> bool:
    """Whether a trigger with these places and counts tells an event, by what its type's spec needs."""
    return NEEDS[types.spec(ty).needs](t, targets, qty, regions_named)


@need("place")
def _needs_place(t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool) -> bool:
    return bool(targets)


@need("place_or_count")
def _needs_place_or_count(
    t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool
) -> bool:
    """'took three villages': a count of ground stands for the place."""
    return bool(targets) or bool(qty)


@need("place_or_downed")
def _needs_place_or_downed(
    t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool
) -> bool:
    """'air defences shot down 40 drones overnight', 'Russia launched 122 missiles at Ukrainian targets': a
    count of munitions launched or downed is an attack by the side that launched them, wherever they flew; a
    warship struck at sea ('the cruiser was hit', 'an attack on the flagship') or the one site a story is
    about ('to strike the prison') needs no place either."""
    if targets or _warship_struck(t) or _site_struck(t):
        return True
    if intercepted(t) is not None:
        return _counted(t)
    if t.pos_ != "VERB":
        return False
    objs = [c for c in t.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in MUNITIONS and _counted(o) for o in objs)


def _site_struck(t: Token) -> bool:
    """'used rockets to strike the prison': one site the story is about, struck, where the text names no
    town (an attack on 'a hospital' is one of many, and needs its place)."""
    return any(
        x.lemma_.lower() in SITES and any(c.dep_ == "det" and c.lower_ == "the" for c in x.children)
        for x in _themes(t)
    )


def _themes(t: Token) -> list[Token]:
    if t.pos_ == "VERB":
        return [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    return [g for c in preps for g in c.children]


def _warship_struck(t: Token) -> bool:
    return any(_warship(x) for x in _themes(t))


def _warship(x: Token) -> bool:
    if x.lemma_.lower() in WARSHIPS:
        return True
    if x.lemma_.lower() not in PLAIN_VESSELS:
        return False
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in WARSHIP_KINDS for c in x.children)


def _counted(t: Token) -> bool:
    return any(c.dep_ == "nummod" or c.like_num for c in t.children)


@need("place_or_distance")
def _needs_place_or_distance(
    t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool
) -> bool:
    """'advanced 5km': a distance stands for the place."""
    return bool(targets) or "distance_km" in qty


@need("place_or_act")
def _needs_place_or_act(
    t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool
) -> bool:
    """An annexation told as an act in a sentence that names no territory ('Putin's signing of annexation
    treaties') needs no place."""
    if not targets and not regions_named:
        return annexation_act(t)
    return bool(targets)


@need("call_up")
def _needs_call_up(t: Token, targets: list[PlaceMention], qty: dict[str, float], regions_named: bool) -> bool:
    """A mobilization needs no place: a count of troops, a kind ('partial mobilization') or the people called
    up."""
    if "troops" in qty:
        return True
    words = {c.lemma_.lower() for c in t.subtree} | {c.lower_ for c in t.children}
    called = (c for c in t.children if c.dep_ == "dobj")
    return bool(words & MOBILIZATION_KINDS) or any(listed(c, PERSONNEL) for c in called)


def annexation_act(t: Token) -> bool:
    """An annexation told as a deed: 'annexation treaties', 'announced the annexation', 'Russia annexed ...';
    not 'the annexation was condemned'."""
    if t.pos_ in ("VERB", "AUX"):
        subj = claims.subject(t)
        return subj is not None and claims.side_of(claims.phrase(subj)) in PARTIES
    if t.dep_ == "compound" and t.head.lemma_.lower() in INSTRUMENT_NOUNS:
        return True
    return governing_verb(t, "annexation") is not None or signed_act(t) is not None
