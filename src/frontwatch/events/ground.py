"""What a trigger acts on, for the sense tests: ground (a place, a noun of territory, a share of either), a
state, a structure; and the verbs whose sense turns on it ('took the town', not 'took part'; 'lost X', not
'lost men')."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events.forces import is_force
from frontwatch.events.lexicon import (
    AREA_UNITS,
    CAPTURE_OBJECT_VERBS,
    FORCES,
    HOSTILE_WORDS,
    NOT_TERRITORY,
    PARTIES,
    PARTITIVES,
    PERSONAL_PRONOUNS,
    STANCE_WORDS,
    STRIKE_IDIOMS,
    STRUCTURES,
    TAKE_IDIOMS,
    TERRITORY_NOUNS,
    listed,
)
from frontwatch.events.relations import theme_subject, trigger_lemma
from frontwatch.records import PlaceMention


def controls_ground(t: Token) -> bool:
    """'Ukraine now controls 1,000 sq km and 80 settlements': control told by a count of ground held."""
    for o in (c for c in t.children if c.dep_ == "dobj"):
        for x in o.subtree:
            counted = any(c.dep_ == "nummod" for c in x.children) or x.like_num
            if x.lower_ in AREA_UNITS and counted:
                return True
            if x.lemma_.lower() in ("settlement", "village", "locality", "town") and counted:
                return True
    return False


def forces_hold(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'(denied that) Russian forces control X': forces as subject and a town as object tell who took it;
    'still control' tells a line held, not a change."""
    if any(c.lower_ in ("still", "continue", "remain") for c in t.children) or t.head.lemma_ in ("continue",):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or not listed(subj, FORCES):
        return False
    return any(
        c.dep_ == "dobj"
        and (p := token_place.get(c.i)) is not None
        and p.place is not None
        and p.place.kind == "settlement"
        for c in t.children
    )


def _objects(t: Token) -> list[Token]:
    """What a verb acts on: its objects and passive subjects, a relative pronoun read as its noun."""
    objs = [claims.antecedent(c) for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "the bridge destroyed in May"
    return objs


def hits_structure(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'destroyed the bridge at X', 'the destruction of the dam': a place or a structure is what is hit."""
    if t.pos_ in ("NOUN", "PROPN"):
        hit = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    else:
        hit = _objects(t)
    hit += [c for h in hit for c in h.children if c.dep_ == "conj"]  # "missile and artillery depots"
    return any(h.i in token_place or h.lemma_.lower() in STRUCTURES for h in hit)


def loses_ground(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'Ukraine lost X', 'lost control of X', 'X had not been lost': a place or control is lost, not men,
    arms or a war."""
    objs = _objects(t)
    if not objs:
        return False
    for o in objs:
        if o.i in token_place:
            place = token_place[o.i].place
            return place is not None and place.kind != "country"
        if o.lemma_.lower() == "control" or (
            o.lemma_.lower() in TERRITORY_NOUNS and o.lemma_.lower() != "ground"
        ):
            return True
        if o.lower_ == "it":
            return True  # "before losing it": the place of the clause before
    return False


def place_not_state(tok: Token, token_place: dict[int, PlaceMention]) -> bool:
    pm = token_place.get(tok.i)
    return pm is not None and pm.place is not None and pm.place.kind != "country"


def falls(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X fell to Russian forces', 'the town came under Russian control': a place as subject that falls
    (not into ruin, not silent) or comes under control."""
    subj = theme_subject(t)
    if subj is None:
        return False
    place = place_not_state(subj, token_place) or (
        subj.lemma_.lower() in ("city", "town", "village", "settlement") and has_det(subj, "the")
    )
    # "X fell silent", "X fell victim to"; not "that" of "insisted that X had not fallen" read as an object
    if not place or any(
        c.dep_ in ("acomp", "attr", "oprd", "dobj") and not (c.lower_ == "that" and c.i < subj.i)
        for c in t.children
    ):
        return False
    preps = {c.lower_: c for c in t.children if c.dep_ == "prep"}
    if trigger_lemma(t) == "come":
        return "under" in preps and any(g.lemma_.lower() == "control" for g in preps["under"].children)
    if "under" in preps:
        return any(g.lemma_.lower() == "control" for g in preps["under"].children)
    return not set(preps) & {"into", "onto", "off", "behind", "short", "apart"}  # "fell into disrepair"


def is_state(tok: Token, token_place: dict[int, PlaceMention]) -> bool:
    pm = token_place.get(tok.i)
    if pm is not None and pm.place is not None:
        return pm.place.kind == "country"
    return claims.side_of(claims.phrase(tok)) in PARTIES and tok.pos_ == "PROPN"


def _territory(tok: Token, token_place: dict[int, PlaceMention]) -> bool:
    """A region or a republic, not a state: 'the Kherson region', 'the DPR', 'Crimea'."""
    pm = token_place.get(tok.i)
    if pm is not None and pm.place is not None:
        return pm.place.kind != "country"
    low = tok.lemma_.lower()
    if low in ("region", "territory", "republic", "province", "oblast", "peninsula"):
        return True
    if any(c.i in token_place for c in tok.children if c.dep_ in ("compound", "nmod", "conj")):
        return True
    # without places (typing alone): a name that the registry does not know as a state
    return not token_place and tok.pos_ == "PROPN" and claims.side_of(claims.phrase(tok)) is None


def joins_state(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X became part of Russia', 'Crimea joined Russia': a territory as subject, a state it joins."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or not _territory(subj, token_place):
        return False
    if trigger_lemma(t) == "join":
        return any(c.dep_ == "dobj" and is_state(c, token_place) for c in t.children)
    parts = [c for c in t.children if c.dep_ in ("attr", "acomp", "oprd") and c.lemma_.lower() == "part"]
    return any(
        g.dep_ == "pobj" and is_state(g, token_place)
        for p in parts
        for c in p.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def other_sense_of_move(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'entered a ceasefire agreement', 'leaving office', 'families left in the city': no place entered or
    left."""
    if (
        trigger_lemma(t) == "leave"
        and t.dep_ in ("acl", "amod")
        and t.tag_ != "VBG"
        and not any(c.dep_ == "nsubj" for c in t.children)
    ):
        return True  # "the families left behind", "bombs left in the city"
    objs = [claims.antecedent(c) for c in t.children if c.dep_ == "dobj"]
    return bool(objs) and not any(may_be_ground(o, token_place) for o in objs)


def strike_idiom(t: Token, objs: set[str], prts: set[str]) -> bool:
    """'struck a deal', 'a deal was struck', 'hit out at critics', 'hit with sanctions'."""
    if objs & STRIKE_IDIOMS or "out" in prts:
        return True
    if t.dep_ in ("acl", "relcl") and t.head.lemma_.lower() in STRIKE_IDIOMS:
        return True
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in STRIKE_IDIOMS for c in t.children):
        return True  # "deals struck in X" read as a clause
    with_ = {
        g.lemma_.lower() for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
    }
    return bool(with_ & {"sanction", "tariff", "fine", "penalty", "charge", "lawsuit", "ban"})


def takes_ground(t: Token, objs: set[str], prts: set[str]) -> bool:
    """'took the town', 'the city was taken', 'took back X'; not 'took to Twitter', 'took in $5 million',
    'took a hard line', 'took part'."""
    pobjs = {g.lemma_.lower() for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    if "back" in prts or "control" in objs | pobjs:
        return True  # "took (near complete) control of X", parsed with "near" as a preposition
    prt_in = next((c for c in t.children if c.dep_ == "prt" and c.lower_ == "in"), None)
    if prt_in is not None and not any(c.dep_ == "dobj" and c.i < prt_in.i for c in t.children):
        return False  # "took in refugees", "took in $5 million"; not "which they took in May"
    if objs & TAKE_IDIOMS:
        return False
    if "surprise" in {g.lower_ for c in t.children for g in c.children}:
        return False
    stance = [
        c
        for c in t.children
        if c.dep_ == "dobj" and c.lemma_.lower() in ("line", "position", "stand", "view")
    ]
    if any(g.dep_ == "amod" and g.lower_ in STANCE_WORDS for c in stance for g in c.subtree):
        return False  # "took a very hard line toward X"
    # "took to the streets", "took to Twitter": no object, no ground
    return bool(objs) or t.dep_ in ("conj", "acl", "relcl") or any(c.dep_ == "auxpass" for c in t.children)


def object_is_place(t: Token, token_place: dict[int, PlaceMention]) -> list[bool]:
    return [c.i in token_place for c in t.children if c.dep_ in ("dobj", "nsubjpass")]


def clears_ground(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X is fully cleared (of Russian troops)', 'cleared the village of the enemy': a place as object,
    and any 'of' phrase names forces, not mines or rubble."""
    if not any(object_is_place(t, token_place)):
        return False
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return all(is_force(g) or g.lemma_.lower() in HOSTILE_WORDS for g in of)


def has_det(t: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in t.children)


def takes_no_territory(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """A capture verb whose object is a person or a thing ('captured two soldiers', 'seized a yacht', 'he was
    taken to a police station'): the object must be ground, a place, a name or a pronoun that may stand
    for one."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "prisoners captured in May"
    if not objs and t.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in t.children):
        verb = t.head.head if t.dep_ == "pcomp" else t.head  # "the men were detained after being captured"
        objs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    strict = trigger_lemma(t) in CAPTURE_OBJECT_VERBS
    for o in objs:
        o = claims.antecedent(o)
        if o.i in token_place:
            return False
        words = {o.lemma_.lower(), o.lower_} | {c.lemma_.lower() for c in o.children if c.dep_ == "appos"}
        if words & NOT_TERRITORY or o.lower_ in PERSONAL_PRONOUNS:
            return True
        if strict and not may_be_ground(o, token_place):
            return True
    return False


def may_be_ground(o: Token, token_place: dict[int, PlaceMention], depth: int = 0) -> bool:
    """The object may be ground: a place, a noun of ground, a proper name (a village the gazetteer lacks), a
    pronoun or number that may stand for one, or a share of ground ('most of the city')."""
    if o.i in token_place or o.pos_ in ("PRON", "NUM", "DET") or o.lemma_.lower() in TERRITORY_NOUNS:
        return True
    if o.lower_ in TERRITORY_NOUNS:
        return True
    if o.pos_ == "PROPN":
        return o.ent_type_ != "PERSON"
    if listed(o, PARTITIVES) and depth < 2:
        pobjs = [g for c in o.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return not pobjs or any(may_be_ground(g, token_place, depth + 1) for g in pobjs)
    return False
