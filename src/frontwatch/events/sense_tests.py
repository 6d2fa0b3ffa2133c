"""The structural tests that the sense table (`lang/en/events/senses.toml`) names in `when` and `unless`,
registered by name with `@sense_test` when this module is imported; `triggers` imports it so that they are
registered before the table is read."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events import types
from frontwatch.events.forces import (
    expels,
    force_retreats,
    is_force,
    military_actor,
    military_subject,
    moves_civilians,
    munition_subject,
    told_to_leave,
)
from frontwatch.events.ground import (
    clears_ground,
    controls_ground,
    falls,
    forces_hold,
    has_det,
    hits_structure,
    is_state,
    joins_state,
    loses_ground,
    may_be_ground,
    object_is_place,
    other_sense_of_move,
    place_not_state,
    strike_idiom,
    takes_ground,
    takes_no_territory,
)
from frontwatch.events.lexicon import (
    CIVILIANS,
    DISTANCE_UNITS,
    ENEMY_WORDS,
    FLAG_WORDS,
    FORCES,
    GENERIC_PLACES,
    MUNITIONS,
    ONWARD,
    PERSONNEL,
    STRUCTURES,
    TERRAIN,
    TERRITORY_NOUNS,
    listed,
)
from frontwatch.events.relations import attempted_assault, intercepted, joined_state, repelled
from frontwatch.events.senses import Sense, sense_test


@sense_test("pushes_onward")
def _pushes_onward(s: Sense) -> bool:
    """'units pushed on towards X', 'pushed up to 35km into X', 'troops pushed into the outskirts of X'; not
    'pushed the troops out', 'pushed the town into debt'."""
    t = s.t
    particles = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod")}
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "into"), None)
    # what is pushed comes before "into"; a dobj after it is the parser's misreading of a trailing "X said"
    pushed_thing = prep is not None and any(c.dep_ == "dobj" and c.i < prep.i for c in t.children)
    into = prep is not None and not pushed_thing and military_actor(t)
    onward = particles & ONWARD or s.prts & {"towards", "toward"} or _distance(t) or into
    return bool(onward) and (not expels(t, set(s.prts)) or _distance(t))


@sense_test("force_retreats")
def _sense_force_retreats(s: Sense) -> bool:
    return force_retreats(s.t, set(s.prts))


@sense_test("holds_ground")
def _holds_ground(s: Sense) -> bool:
    return controls_ground(s.t) or forces_hold(s.t, s.token_place)


@sense_test("expels")
def _sense_expels(s: Sense) -> bool:
    return expels(s.t, set(s.prts))


@sense_test("munition_subject")
def _sense_munition_subject(s: Sense) -> bool:
    return munition_subject(s.t)


@sense_test("has_object")
def _has_object(s: Sense) -> bool:
    return bool(s.objs)


@sense_test("drafts_people")
def _drafts_people(s: Sense) -> bool:
    """'drafted 20,000 reservists', 'men were conscripted'; not 'drafted a law'."""
    called = [c for c in s.t.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(listed(x, PERSONNEL) for c in called for x in c.subtree)


@sense_test("hits_structure")
def _sense_hits_structure(s: Sense) -> bool:
    return hits_structure(s.t, s.token_place)


@sense_test("place_or_territory_object")
def _place_or_territory_object(s: Sense) -> bool:
    return any(object_is_place(s.t, s.token_place)) or bool(s.objs & TERRITORY_NOUNS)


@sense_test("declares_part_of")
def _declares_part_of(s: Sense) -> bool:
    """'declared X part of Russia' (the parser makes "part" the object, X its compound); not 'declared
    war'."""
    return any(
        c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")
        and c.lemma_.lower() == "part"
        and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        for c in s.t.children
    )


@sense_test("describing_participle")
def _describing_participle(s: Sense) -> bool:
    """'Melitopol, occupied since March', 'the occupied city': a state the place is in, not a deed told."""
    return s.t.dep_ in ("acl", "amod") and s.t.tag_ == "VBN"


@sense_test("military_actor")
def _sense_military_actor(s: Sense) -> bool:
    return military_actor(s.t)


@sense_test("armed_actor")
def _armed_actor(s: Sense) -> bool:
    """A force or a munition acts: 'troops targeted X', 'drones targeted X', 'X was targeted by missiles'."""
    t = s.t
    agents = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    armed = any(listed(a, MUNITIONS) for a in agents)
    return armed or military_actor(t) or munition_subject(t)


@sense_test("place_prep")
def _place_prep(s: Sense) -> bool:
    """The trigger names its place in a phrase of its own: 'an offensive in the X region', 'near X'."""
    preps = [c for c in s.t.children if c.dep_ == "prep"]
    return any(x.i in s.token_place for c in preps for x in c.subtree)


@sense_test("secures_ground")
def _secures_ground(s: Sense) -> bool:
    ground = [c for c in s.t.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(ground) and all(may_be_ground(o, s.token_place) for o in ground)


@sense_test("has_dative")
def _has_dative(s: Sense) -> bool:
    return any(c.dep_ == "dative" for c in s.t.children)


@sense_test("loses_ground")
def _sense_loses_ground(s: Sense) -> bool:
    return loses_ground(s.t, s.token_place)


@sense_test("force_subject")
def _force_subject(s: Sense) -> bool:
    """The verb's own subject is a force: 'Russian troops entered the outskirts of X'; not 'a convoy of
    refugees entered X', nor a verb with no subject of its own."""
    own = [c for c in s.t.children if c.dep_ == "nsubj"]
    return bool(own) and is_force(claims.antecedent(max(own, key=lambda c: c.i)))


@sense_test("military_subject")
def _sense_military_subject(s: Sense) -> bool:
    return military_subject(s.t)


@sense_test("moves_civilians")
def _sense_moves_civilians(s: Sense) -> bool:
    return moves_civilians(s.t)


@sense_test("told_to_leave")
def _sense_told_to_leave(s: Sense) -> bool:
    return told_to_leave(s.t)


@sense_test("joins_state")
def _sense_joins_state(s: Sense) -> bool:
    return joins_state(s.t, s.token_place)


@sense_test("into_state")
def _into_state(s: Sense) -> bool:
    """'laws incorporating four regions into Russia'."""
    into = [g for c in s.t.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children]
    return any(is_state(g, s.token_place) for g in into)


@sense_test("falls")
def _sense_falls(s: Sense) -> bool:
    return falls(s.t, s.token_place)


@sense_test("clears_ground")
def _sense_clears_ground(s: Sense) -> bool:
    return clears_ground(s.t, s.token_place)


@sense_test("other_sense_of_move")
def _sense_other_sense_of_move(s: Sense) -> bool:
    return other_sense_of_move(s.t, s.token_place)


@sense_test("ground_object")
def _ground_object(s: Sense) -> bool:
    """Ground as object: a noun of terrain or a place ('abandoned their positions', 'took over the town')."""
    return bool(s.objs & TERRAIN) or any(object_is_place(s.t, s.token_place))


@sense_test("strike_idiom")
def _sense_strike_idiom(s: Sense) -> bool:
    return strike_idiom(s.t, set(s.objs), set(s.prts))


@sense_test("taken_offline")
def _taken_offline(s: Sense) -> bool:
    t = s.t
    after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return bool(s.prts & {"off", "offline"}) or after in ("off", "offline", "off-line")


@sense_test("takes_no_territory")
def _sense_takes_no_territory(s: Sense) -> bool:
    return takes_no_territory(s.t, s.token_place)


@sense_test("modifies_no_ground")
def _modifies_no_ground(s: Sense) -> bool:
    """'the captured paramedic', 'seized tanks': a participle before a noun that names no ground; not 'the
    captured village of X'."""
    head = s.t.head
    if s.t.dep_ != "amod" or head.pos_ not in ("NOUN", "PROPN") or head.i in s.token_place:
        return False
    return head.lemma_.lower() not in TERRAIN and head.lemma_.lower() not in TERRITORY_NOUNS


@sense_test("takes_ground")
def _sense_takes_ground(s: Sense) -> bool:
    return takes_ground(s.t, set(s.objs), set(s.prts))


@sense_test("modifies_noun")
def _modifies_noun(s: Sense) -> bool:
    return s.t.dep_ in ("amod", "compound")


@sense_test("double_object")
def _double_object(s: Sense) -> bool:
    """'left the city no choice'."""
    t = s.t
    return sum(1 for c in t.children if c.dep_ in ("dobj", "dative")) > 1 or any(
        c.dep_ == "dative" or (c.dep_ == "dobj" and has_det(c, "no")) for c in t.children
    )


@sense_test("repelled")
def _sense_repelled(s: Sense) -> bool:
    """'beat off three attempts near X'; not an attempt whose infinitive is itself the attack."""
    return repelled(s.t) is not None and not any(attempted_assault(c) for c in s.t.children)


@sense_test("intercepted")
def _sense_intercepted(s: Sense) -> bool:
    """'30 drones were downed over X': launched at X; not 'destroyed missile depots'."""
    verb = intercepted(s.t)
    return verb is not None and not hits_structure(verb, s.token_place)


@sense_test("flag_subject")
def _flag_subject(s: Sense) -> bool:
    """'a Russian flag flies over X': the flag raised is the capture."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in FLAG_WORDS for c in s.t.children)


@sense_test("inflicted")
def _inflicted(s: Sense) -> bool:
    """'inflicted defeat on manpower', 'inflicted fire damage', 'inflicted losses on the enemy near X', by a
    force or a weapon; not 'the floods inflicted heavy losses on farmers'."""
    verb = s.t.head
    if s.t.dep_ != "dobj" or verb.lemma_.lower() != "inflict":
        return False
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if not own:
        return True  # "losses were inflicted on the enemy"
    who = claims.antecedent(max(own, key=lambda c: c.i))
    return is_force(who) or listed(who, MUNITIONS) or types.NOUNS.get(who.lemma_.lower()) == "attack"


@sense_test("is_compound")
def _is_compound(s: Sense) -> bool:
    return s.t.dep_ == "compound"


@sense_test("weapon_fire")
def _weapon_fire(s: Sense) -> bool:
    """'artillery fire', 'rocket fire'."""
    return any(c.lemma_.lower() in ("artillery", "rocket", "mortar", "tank") for c in s.t.children)


@sense_test("under_fire")
def _under_fire(s: Sense) -> bool:
    """'the village came under fire (from Ukrainian forces)': fire from a force, or on a place; not 'the
    minister came under fire over the plan'."""
    if not (s.t.dep_ == "pobj" and s.t.head.lower_ == "under"):
        return False
    verb = s.t.head.head
    sources = [
        g
        for c in (*s.t.children, *verb.children)
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for g in sources:  # "from Ukrainian units", "from enemy drones"; not "from critics in Kyiv"
        words = [c for c in g.children if c.dep_ in ("amod", "compound", "nmod") and c.i < g.i]
        if (
            g.lemma_.lower() in MUNITIONS | FORCES | ENEMY_WORDS
            or claims.side_of(" ".join(x.text for x in (*words, g))) is not None
        ):
            return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lemma_.lower() in GENERIC_PLACES or subj.lemma_.lower() in STRUCTURES:
        return True  # "the village of X", "the plant"; not "the mayor of X"
    place = s.token_place.get(subj.i)
    return place is not None and place.place is not None and place.place.kind != "country"


@sense_test("fall_of_place")
def _fall_of_place(s: Sense) -> bool:
    """'the fall of X': a place, not a state."""
    of = [g for c in s.t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(place_not_state(g, s.token_place) for g in of)


@sense_test("of_civilians")
def _of_civilians(s: Sense) -> bool:
    """'the relocation of residents'."""
    return bool(_of_words(s.t) & CIVILIANS)


@sense_test("joined_state")
def _sense_joined_state(s: Sense) -> bool:
    return joined_state(s.t) is not None


@sense_test("restores_ground")
def _restores_ground(s: Sense) -> bool:
    """'the restoration of control over X', 'the restoration of the village'."""
    objs = {g.lemma_.lower() for c in s.t.children if c.lower_ == "of" for g in c.subtree}
    return bool(objs & {"control", "village", "town", "settlement", "territory", "city", "locality"})


@sense_test("in_advance")
def _in_advance(s: Sense) -> bool:
    """'planned in advance'."""
    return s.t.head.lower_ == "in" and not any(c.dep_ in ("det", "poss", "amod") for c in s.t.children)


def _distance(t: Token) -> bool:
    """A distance in the verb's own phrase, not in a clause below it: 'pushed 35km into X'."""
    return any(
        x.lower_ in DISTANCE_UNITS
        for c in t.children
        if c.dep_ in ("npadvmod", "dobj", "prep", "advmod", "nummod", "quantmod")
        for x in c.subtree
    )


def _of_words(t: Token) -> set[str]:
    return {g.lemma_.lower() for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
