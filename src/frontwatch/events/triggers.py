"""Event triggers: which verbs and nouns of a parsed sentence tell an event, and of what type.

A lemma from the lexicon is a trigger only in the sense the lexicon means: "took the city", not "took part";
"rockets slammed into", not "prices fell". Goals, conditions and plans ("an operation to liberate X") are
filtered here too, so that later steps see only events told as having happened or being under way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events import nlp, senses, types
from frontwatch.events.lexicon import (
    ALLOWED_XCOMP_HEADS,
    AREA_UNITS,
    ASSAULT_VERBS,
    ATTEMPT_WORDS,
    CAPTURE_OBJECT_VERBS,
    CIVILIANS,
    DECLARE_VERBS,
    DISTANCE_UNITS,
    ENEMY_WORDS,
    FAVOURABLE,
    FORCE_UNITS,
    FORCES,
    HOSTILE_WORDS,
    INSTRUMENT_NOUNS,
    INTERCEPT_PARTICLES,
    INTERCEPT_VERBS,
    JOIN_VERBS,
    LEMMA_FIXES,
    LIGHT_VERBS,
    MOBILIZATION_KINDS,
    MUNITIONS,
    NOT_TERRITORY,
    NOUN_TRIGGERS,
    ONWARD,
    PARTIES,
    PARTITIVES,
    PERSONAL_PRONOUNS,
    PERSONNEL,
    PLANNED_XCOMP_HEADS,
    PREVENT_VERBS,
    REPEL_PARTICLES,
    REPEL_VERBS,
    RETREAT_PARTICLES,
    STANCE_WORDS,
    STRIKE_IDIOMS,
    STRUCTURES,
    TAKE_IDIOMS,
    TELL_VERBS,
    TERRAIN,
    TERRITORY_NOUNS,
    THEME_VERBS,
    VERB_TRIGGERS,
    VESSELS,
    WEAK,
)
from frontwatch.events.quantities import find_quantities
from frontwatch.events.senses import Sense, sense_test
from frontwatch.records import PlaceMention

# Dependencies only a noun can have: a token so attached is a noun whatever its tag ("beat off three attempts"
# tagged as a verb).
NOMINAL_DEPS = frozenset(["dobj", "nsubjpass", "pobj"])


def _lemma(t: Token) -> str:
    lemma = t.lemma_.lower()
    if lemma == "vehicle" and any(c.lower_ in ("unmanned", "aerial") for c in t.children):
        return "drone"  # "unmanned aerial vehicles"
    return LEMMA_FIXES.get(lemma, lemma)


def trigger_type(t: Token, token_place: dict[int, PlaceMention]) -> str | None:
    lemma = _lemma(t)
    if t.i in token_place:
        return None
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if attempted_assault(t):
            return "attack"  # "tried to advance near X": a ground attack, whatever the verb's own type
        ty = VERB_TRIGGERS.get(lemma)
        if ty is None and t.dep_ in NOMINAL_DEPS:
            return _noun_sense(t, lemma, NOUN_TRIGGERS.get(lemma), token_place)  # "attempts" tagged a verb
        if ty is None:
            return None
        if t.dep_ == "amod" and t.tag_ == "VBN" and not finite_modifier(t):
            return None  # "the captured city", "Russian-annexed Crimea": a state described, not an event told
        return _verb_sense(t, lemma, ty, token_place)
    if t.pos_ in ("NOUN", "PROPN"):
        return _noun_sense(t, lemma, NOUN_TRIGGERS.get(lemma), token_place)
    return None


def finite_modifier(t: Token) -> bool:
    """'its forces had “liberated” Selydove': quotes may make the parser take a finite verb for an adjective
    of its object; an auxiliary or a subject of its own shows what it is."""
    return t.dep_ == "amod" and any(c.dep_ in ("aux", "nsubj") for c in t.children)


def _verb_sense(t: Token, lemma: str, ty: str, token_place: dict[int, PlaceMention]) -> str | None:
    """The type of a verb trigger in the sense the lexicon means, or None for its other senses: the first
    rule of the sense table (`lang/en/events/senses.toml`) that matches decides."""
    return verb_sense(t, lemma, ty, token_place)[0]


def verb_sense(
    t: Token, lemma: str, ty: str, token_place: dict[int, PlaceMention]
) -> tuple[str | None, str | None]:
    """(sense, deciding rule's name or None) of a verb trigger."""
    return senses.decide(senses.verb_rules(), lemma, ty, partial(Sense.of, t, lemma, ty, token_place))


# --- the tests that sense rules name -----------------------------------------------------------------------


@sense_test("pushes_onward")
def _pushes_onward(s: Sense) -> bool:
    """'units pushed on towards X', 'pushed up to 35km into X'; not 'pushed the troops out'."""
    t = s.t
    particles = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod")}
    onward = particles & ONWARD or s.prts & {"towards", "toward"} or _distance(t)
    return bool(onward) and (not _expels(t, set(s.prts)) or _distance(t))


@sense_test("force_retreats")
def _sense_force_retreats(s: Sense) -> bool:
    return _force_retreats(s.t, set(s.prts))


@sense_test("holds_ground")
def _holds_ground(s: Sense) -> bool:
    return _controls_ground(s.t) or _forces_hold(s.t, s.token_place)


@sense_test("expels")
def _sense_expels(s: Sense) -> bool:
    return _expels(s.t, set(s.prts))


@sense_test("munition_subject")
def _sense_munition_subject(s: Sense) -> bool:
    return _munition_subject(s.t)


@sense_test("has_object")
def _has_object(s: Sense) -> bool:
    return bool(s.objs)


@sense_test("hits_structure")
def _sense_hits_structure(s: Sense) -> bool:
    return _hits_structure(s.t, s.token_place)


@sense_test("place_or_territory_object")
def _place_or_territory_object(s: Sense) -> bool:
    return any(_object_is_place(s.t, s.token_place)) or bool(s.objs & TERRITORY_NOUNS)


@sense_test("military_actor")
def _sense_military_actor(s: Sense) -> bool:
    return _military_actor(s.t)


@sense_test("secures_ground")
def _secures_ground(s: Sense) -> bool:
    ground = [c for c in s.t.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(ground) and all(_ground(o, s.token_place) for o in ground)


@sense_test("has_dative")
def _has_dative(s: Sense) -> bool:
    return any(c.dep_ == "dative" for c in s.t.children)


@sense_test("loses_ground")
def _sense_loses_ground(s: Sense) -> bool:
    return _loses_ground(s.t, s.token_place)


@sense_test("military_subject")
def _sense_military_subject(s: Sense) -> bool:
    return _military_subject(s.t)


@sense_test("moves_civilians")
def _sense_moves_civilians(s: Sense) -> bool:
    return _moves_civilians(s.t)


@sense_test("told_to_leave")
def _sense_told_to_leave(s: Sense) -> bool:
    return _told_to_leave(s.t)


@sense_test("joins_state")
def _sense_joins_state(s: Sense) -> bool:
    return _joins_state(s.t, s.token_place)


@sense_test("into_state")
def _into_state(s: Sense) -> bool:
    """'laws incorporating four regions into Russia'."""
    into = [g for c in s.t.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children]
    return any(_is_state(g, s.token_place) for g in into)


@sense_test("falls")
def _sense_falls(s: Sense) -> bool:
    return _falls(s.t, s.token_place)


@sense_test("clears_ground")
def _sense_clears_ground(s: Sense) -> bool:
    return _clears_ground(s.t, s.token_place)


@sense_test("other_sense_of_move")
def _sense_other_sense_of_move(s: Sense) -> bool:
    return _other_sense_of_move(s.t, s.token_place)


@sense_test("ground_object")
def _ground_object(s: Sense) -> bool:
    """Ground as object: a noun of terrain or a place ('abandoned their positions', 'took over the town')."""
    return bool(s.objs & TERRAIN) or any(_object_is_place(s.t, s.token_place))


@sense_test("strike_idiom")
def _sense_strike_idiom(s: Sense) -> bool:
    return _strike_idiom(s.t, set(s.objs), set(s.prts))


@sense_test("taken_offline")
def _taken_offline(s: Sense) -> bool:
    t = s.t
    after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return bool(s.prts & {"off", "offline"}) or after in ("off", "offline", "off-line")


@sense_test("takes_no_territory")
def _sense_takes_no_territory(s: Sense) -> bool:
    return _takes_no_territory(s.t, s.token_place)


@sense_test("takes_ground")
def _sense_takes_ground(s: Sense) -> bool:
    return _takes_ground(s.t, set(s.objs), set(s.prts))


@sense_test("modifies_noun")
def _modifies_noun(s: Sense) -> bool:
    return s.t.dep_ in ("amod", "compound")


@sense_test("double_object")
def _double_object(s: Sense) -> bool:
    """'left the city no choice'."""
    t = s.t
    return sum(1 for c in t.children if c.dep_ in ("dobj", "dative")) > 1 or any(
        c.dep_ == "dative" or (c.dep_ == "dobj" and _has_det(c, "no")) for c in t.children
    )


def _noun_sense(t: Token, lemma: str, ty: str | None, token_place: dict[int, PlaceMention]) -> str | None:
    """The type of a noun trigger by the noun rules of the sense table; nouns that tell an attack only by the
    verb they hang on ("repelled three attempts", "shot down 12 drones") get it there too."""
    return noun_sense(t, lemma, ty, token_place)[0]


def noun_sense(
    t: Token, lemma: str, ty: str | None, token_place: dict[int, PlaceMention]
) -> tuple[str | None, str | None]:
    """(sense, deciding rule's name or None) of a noun."""
    key = ty or ""
    return senses.decide(senses.noun_rules(), lemma, key, partial(Sense.of, t, lemma, key, token_place))


@sense_test("repelled")
def _sense_repelled(s: Sense) -> bool:
    """'beat off three attempts near X'; not an attempt whose infinitive is itself the attack."""
    return repelled(s.t) is not None and not any(attempted_assault(c) for c in s.t.children)


@sense_test("intercepted")
def _sense_intercepted(s: Sense) -> bool:
    """'30 drones were downed over X': launched at X; not 'destroyed missile depots'."""
    verb = intercepted(s.t)
    return verb is not None and not _hits_structure(verb, s.token_place)


@sense_test("inflicted")
def _inflicted(s: Sense) -> bool:
    """'inflicted defeat on manpower', 'inflicted fire damage'."""
    return s.t.dep_ == "dobj" and s.t.head.lemma_.lower() == "inflict"


@sense_test("is_compound")
def _is_compound(s: Sense) -> bool:
    return s.t.dep_ == "compound"


@sense_test("weapon_fire")
def _weapon_fire(s: Sense) -> bool:
    """'artillery fire', 'rocket fire'."""
    return any(c.lemma_.lower() in ("artillery", "rocket", "mortar", "tank") for c in s.t.children)


@sense_test("fall_of_place")
def _fall_of_place(s: Sense) -> bool:
    """'the fall of X': a place, not a state."""
    of = [g for c in s.t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(_place_not_state(g, s.token_place) for g in of)


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


def _force_retreats(t: Token, prts: set[str]) -> bool:
    """A force (subject, or what is moved) that moves out, back or away, or to better ground: 'the troops
    moved out', 'units were moved to more advantageous positions'; not 'moved into X' or 'moved residents'."""
    movers = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not movers and t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
        movers = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "manoeuvred and moved"
    if not any(_is_force(share_of(claims.antecedent(m))) for m in movers):
        return False
    moved = [c for c in t.children if c.dep_ == "dobj"]
    if moved:  # "Russia moved its submarines from X to Y": a force takes its units or ships out of X
        left = any(c.dep_ == "prep" and c.lower_ == "from" for c in t.subtree)
        return left and all(m.lemma_.lower() in FORCE_UNITS | VESSELS for m in moved)
    if {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod")} & RETREAT_PARTICLES:
        return True
    goals = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return any(
        g.lemma_.lower() in ("position", "line", "frontier")
        and any(x.lower_ in FAVOURABLE for x in g.subtree)
        for g in goals
    )


def share_of(tok: Token) -> Token:
    """What a share is of: 'most of the troops' -> troops."""
    if tok.lemma_.lower() in PARTITIVES or tok.lower_ in PARTITIVES:
        return next(
            (g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), tok
        )
    return tok


def _controls_ground(t: Token) -> bool:
    """'Ukraine now controls 1,000 sq km and 80 settlements': control told by a count of ground held."""
    for o in (c for c in t.children if c.dep_ == "dobj"):
        for x in o.subtree:
            counted = any(c.dep_ == "nummod" for c in x.children) or x.like_num
            if x.lower_ in AREA_UNITS and counted:
                return True
            if x.lemma_.lower() in ("settlement", "village", "locality", "town") and counted:
                return True
    return False


def _forces_hold(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'(denied that) Russian forces control X': forces as subject and a town as object tell who took it;
    'still control' tells a line held, not a change."""
    if any(c.lower_ in ("still", "continue", "remain") for c in t.children) or t.head.lemma_ in ("continue",):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lemma_.lower() in FORCES or subj.lower_ in FORCES):
        return False
    return any(
        c.dep_ == "dobj"
        and (p := token_place.get(c.i)) is not None
        and p.place is not None
        and p.place.kind == "settlement"
        for c in t.children
    )


def _of_words(t: Token) -> set[str]:
    return {g.lemma_.lower() for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}


def _objects(t: Token) -> list[Token]:
    """What a verb acts on: its objects and passive subjects, a relative pronoun read as its noun."""
    objs = [claims.antecedent(c) for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "the bridge destroyed in May"
    return objs


def _conj_root(t: Token) -> Token:
    while t.dep_ == "conj" and t.head != t and t.head.pos_ == t.pos_:
        t = t.head
    return t


def _verb_of_object(t: Token) -> Token | None:
    """The verb a noun is the object or passive subject of, through lists ('attacks and attempts') and
    shares ('20 of the 25 missiles')."""
    t = _conj_root(t)
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in ("dobj", "nsubjpass"):
        t = t.head.head  # "20 of the missiles", "most of the drones"
    if t.dep_ not in ("dobj", "nsubjpass"):
        return None
    return t.head if t.head.pos_ in ("VERB", "AUX") else None


def _verb_with_particle(verb: Token, words: frozenset[str], particles: dict[str, str]) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in words:
        return True
    parts = particles.get(lemma)
    if parts is None:
        return False
    return any(c.lower_ in parts.split() for c in verb.children if c.dep_ in ("prt", "advmod", "prep"))


def repelled(t: Token) -> Token | None:
    """The verb that repels the noun: 'repelled five attacks', 'three assaults were beaten off'."""
    verb = _verb_of_object(t)
    return verb if verb is not None and _verb_with_particle(verb, REPEL_VERBS, REPEL_PARTICLES) else None


def intercepted(t: Token) -> Token | None:
    """The verb of air defence over a munition: 'shot down 30 drones', 'missiles were destroyed', 'debris
    from a missile shot down by air defences'."""
    verb = _verb_of_object(t)
    if verb is None:
        verb = next((c for c in t.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
    if verb is None or not _verb_with_particle(verb, INTERCEPT_VERBS, INTERCEPT_PARTICLES):
        return None
    return verb


def opposing_verb(t: Token) -> Token | None:
    """The verb by which one side meets the other's attack told by a noun trigger ('repelled attacks near X',
    'downed drones over X'): its places are the attack's, its subject is the other side."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    return repelled(t) or intercepted(t)


def attempted_assault(t: Token) -> bool:
    """'Russian forces tried to advance near X', 'three Ukrainian attempts to break through': an infinitive
    of assault under an attempt by a force."""
    if t.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    lemma = _lemma(t)
    if lemma not in ASSAULT_VERBS:
        return False
    if lemma == "break" and not any(c.lower_ == "through" for c in t.children):
        return False
    head = t.head
    if head.lemma_.lower() not in ATTEMPT_WORDS:
        return False
    nominal = head.pos_ == "NOUN" or head.dep_ in NOMINAL_DEPS
    if t.dep_ == "xcomp" and not nominal:
        # a force on the ground, not a state and its aims ("Moscow tries to push Ukraine out of Donbas")
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        subj = claims.antecedent(subj)
        return subj.lower_ in ("they", "we") or subj.lemma_.lower() in FORCES | ENEMY_WORDS | HOSTILE_WORDS
    if t.dep_ in ("acl", "xcomp") and nominal:
        # the attempt belongs to a force or is repelled: "Russian attempts to advance", "repelled attempts to"
        if repelled(head) is not None or any(
            c.dep_ in ("amod", "poss", "compound") and (_is_force(c) or claims.side_of(c.text) in PARTIES)
            for c in head.children
        ):
            return True
        # "the enemy made 30 attempts to advance"
        maker = claims.subject(head.head) if head.dep_ == "dobj" and head.head.pos_ == "VERB" else None
        return maker is not None and (_is_force(maker) or maker.lemma_.lower() in HOSTILE_WORDS)
    return False


def _hits_structure(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'destroyed the bridge at X', 'the destruction of the dam': a place or a structure is what is hit."""
    if t.pos_ in ("NOUN", "PROPN"):
        hit = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    else:
        hit = _objects(t)
    hit += [c for h in hit for c in h.children if c.dep_ == "conj"]  # "missile and artillery depots"
    return any(h.i in token_place or h.lemma_.lower() in STRUCTURES for h in hit)


def _loses_ground(t: Token, token_place: dict[int, PlaceMention]) -> bool:
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


def _moves_civilians(t: Token) -> bool:
    """'moved 900 residents out', 'families were relocated': civilians moved by someone, not people moving."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]
    return any(o.lemma_.lower() in CIVILIANS or o.lower_ in CIVILIANS or _conj_civilians(o) for o in objs)


def _conj_civilians(o: Token) -> bool:
    return any(
        c.dep_ == "conj" and (c.lemma_.lower() in CIVILIANS or c.lower_ in CIVILIANS) for c in o.children
    )


def _told_to_leave(t: Token) -> bool:
    """'ordered civilians to leave X', 'residents were urged to flee': civilians told to go."""
    head = t.head
    if t.dep_ != "xcomp" or head.lemma_.lower() not in TELL_VERBS:
        return False
    told = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in CIVILIANS or o.lower_ in CIVILIANS or _conj_civilians(o) for o in told)


def _place_not_state(tok: Token, token_place: dict[int, PlaceMention]) -> bool:
    pm = token_place.get(tok.i)
    return pm is not None and pm.place is not None and pm.place.kind != "country"


def _falls(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X fell to Russian forces', 'the town came under Russian control': a place as subject that falls
    (not into ruin, not silent) or comes under control."""
    subj = theme_subject(t)
    if subj is None:
        return False
    place = _place_not_state(subj, token_place) or (
        subj.lemma_.lower() in ("city", "town", "village", "settlement") and _has_det(subj, "the")
    )
    # "X fell silent", "X fell victim to"; not "that" of "insisted that X had not fallen" read as an object
    if not place or any(
        c.dep_ in ("acomp", "attr", "oprd", "dobj") and not (c.lower_ == "that" and c.i < subj.i)
        for c in t.children
    ):
        return False
    preps = {c.lower_: c for c in t.children if c.dep_ == "prep"}
    if _lemma(t) == "come":
        return "under" in preps and any(g.lemma_.lower() == "control" for g in preps["under"].children)
    if "under" in preps:
        return any(g.lemma_.lower() == "control" for g in preps["under"].children)
    return not set(preps) & {"into", "onto", "off", "behind", "short", "apart"}  # "fell into disrepair"


def _is_state(tok: Token, token_place: dict[int, PlaceMention]) -> bool:
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


def _joins_state(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X became part of Russia', 'Crimea joined Russia': a territory as subject, a state it joins."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or not _territory(subj, token_place):
        return False
    if _lemma(t) == "join":
        return any(c.dep_ == "dobj" and _is_state(c, token_place) for c in t.children)
    parts = [c for c in t.children if c.dep_ in ("attr", "acomp", "oprd") and c.lemma_.lower() == "part"]
    return any(
        g.dep_ == "pobj" and _is_state(g, token_place)
        for p in parts
        for c in p.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def theme_subject(t: Token) -> Token | None:
    """The subject that is the place of the event, not its actor: the territory of 'X became part of Russia',
    'X joined Russia', the town of 'X fell to Russian forces'."""
    if t.pos_ not in ("VERB", "AUX") or _lemma(t) not in JOIN_VERBS | THEME_VERBS:
        return None
    return next((c for c in t.children if c.dep_ == "nsubj"), None)


def joined_state(t: Token) -> Token | None:
    """'the reunification of Crimea with Russia', 'accession to Russia', 'agreements on the joining of X
    to Russia' (the parser may hang 'to Russia' on the verb): the party the territory joins."""
    preps = [c for c in t.children if c.dep_ == "prep"]
    if t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
        preps += [c for c in t.head.head.children if c.dep_ == "prep" and c.i > t.i]
    return next(
        (
            g
            for c in preps
            if c.lower_ in ("with", "to", "into")
            for g in c.children
            if g.dep_ == "pobj" and claims.side_of(claims.phrase(g)) in PARTIES
        ),
        None,
    )


def _other_sense_of_move(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'entered a ceasefire agreement', 'leaving office', 'families left in the city': no place entered or
    left."""
    if (
        _lemma(t) == "leave"
        and t.dep_ in ("acl", "amod")
        and t.tag_ != "VBG"
        and not any(c.dep_ == "nsubj" for c in t.children)
    ):
        return True  # "the families left behind", "bombs left in the city"
    objs = [claims.antecedent(c) for c in t.children if c.dep_ == "dobj"]
    return bool(objs) and not any(_ground(o, token_place) for o in objs)


def _strike_idiom(t: Token, objs: set[str], prts: set[str]) -> bool:
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


def _takes_ground(t: Token, objs: set[str], prts: set[str]) -> bool:
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


def _object_is_place(t: Token, token_place: dict[int, PlaceMention]) -> list[bool]:
    return [c.i in token_place for c in t.children if c.dep_ in ("dobj", "nsubjpass")]


def _clears_ground(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """'X is fully cleared (of Russian troops)', 'cleared the village of the enemy': a place as object,
    and any 'of' phrase names forces, not mines or rubble."""
    if not any(_object_is_place(t, token_place)):
        return False
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return all(_is_force(g) or g.lemma_.lower() in HOSTILE_WORDS for g in of)


def _military_actor(t: Token) -> bool:
    """A force acts: the subject of an active verb, or the agent of a passive one ('assaulted by troops')."""
    if any(c.dep_ == "nsubjpass" for c in t.children):
        agents = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return any(_is_force(a) for a in agents)
    return any(c.dep_ == "nsubj" for c in t.children) and _military_subject(t)


def _military_subject(t: Token) -> bool:
    """The one who leaves or enters is a force, a state or a party; not a first- or second-person civilian
    voice, a single person, or a crowd. Passives and subjectless clauses pass."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None and t.dep_ in ("conj", "xcomp") and t.head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    subj = claims.antecedent(subj)
    low = subj.lower_
    if low in ("we", "us", "our"):
        return True  # a party's statement of its own forces; a civilian's "we" is caught by the speaker rule
    if low in ("i", "you", "he", "she"):
        return False
    if low in claims.PRONOUNS:
        return True
    if _is_force(subj) or subj.lemma_.lower() in HOSTILE_WORDS:
        return True
    text = claims.phrase(subj)
    return claims.side_of(text) is not None or subj.ent_type_ in ("GPE", "NORP", "ORG")


def _expels(t: Token, prts: set[str]) -> bool:
    """'pushed the troops out (of X)', 'drove them back from X': forces expelled, not 'pushed back' alone
    (a repelled attack) nor 'forced residents out'."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(_is_force(o) for o in objs):
        return False
    if "out" in prts:
        return True
    back = [c for c in t.children if c.lower_ == "back" and c.dep_ in ("prt", "advmod")]
    return any(g.dep_ == "prep" and g.lower_ == "from" for c in [t, *back] for g in c.children)


def _munition_subject(t: Token) -> bool:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    subj = claims.antecedent(subj)  # "the missiles that slammed into X"
    return any(x.lemma_.lower() in MUNITIONS for x in (subj, *subj.children) if x.dep_ != "prep")


def _is_force(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in FORCES | ENEMY_WORDS
        or tok.lower_ in FORCES | ENEMY_WORDS
        or claims.side_of(claims.phrase(tok)) in PARTIES
    )


def _has_det(t: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in t.children)


def _takes_no_territory(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """A capture verb whose object is a person or a thing ('captured two soldiers', 'seized a yacht', 'he was
    taken to a police station'): the object must be ground, a place, a name or a pronoun that may stand
    for one."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "prisoners captured in May"
    if not objs and t.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in t.children):
        verb = t.head.head if t.dep_ == "pcomp" else t.head  # "the men were detained after being captured"
        objs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    strict = _lemma(t) in CAPTURE_OBJECT_VERBS
    for o in objs:
        o = claims.antecedent(o)
        if o.i in token_place:
            return False
        words = {o.lemma_.lower(), o.lower_} | {c.lemma_.lower() for c in o.children if c.dep_ == "appos"}
        if words & NOT_TERRITORY or o.lower_ in PERSONAL_PRONOUNS:
            return True
        if strict and not _ground(o, token_place):
            return True
    return False


def _ground(o: Token, token_place: dict[int, PlaceMention], depth: int = 0) -> bool:
    """The object may be ground: a place, a noun of ground, a proper name (a village the gazetteer lacks), a
    pronoun or number that may stand for one, or a share of ground ('most of the city')."""
    if o.i in token_place or o.pos_ in ("PRON", "NUM", "DET") or o.lemma_.lower() in TERRITORY_NOUNS:
        return True
    if o.lower_ in TERRITORY_NOUNS:
        return True
    if o.pos_ == "PROPN":
        return o.ent_type_ != "PERSON"
    if (o.lemma_.lower() in PARTITIVES or o.lower_ in PARTITIVES) and depth < 2:
        pobjs = [g for c in o.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return not pobjs or any(_ground(g, token_place, depth + 1) for g in pobjs)
    return False


def governing_verb(t: Token, ty: str) -> Token | None:
    """The verb that carries out a nominal trigger: 'launched strikes', 'announced the annexation',
    'pounded the city with rockets'."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    head = t.head
    if head.pos_ not in ("VERB", "AUX"):
        if t.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB" and head.head != t:
            return head.head
        return None
    lemma = head.lemma_.lower()
    if t.dep_ == "dobj" and (lemma in LIGHT_VERBS or (lemma in DECLARE_VERBS and types.spec(ty).declared)):
        return head
    return None


def skip_for_intent(t: Token) -> bool:
    """Goals, conditions and failures are not events: 'objectives ... to liberate', 'failed to take'."""
    if signed_act(t) or attempted_assault(t):
        return False  # "signed treaties to annex X": the signing is the act; "tried to advance": an attack
    to = [c for c in t.children if c.dep_ == "aux" and c.lower_ == "to"]
    if to and to[0].i > 0 and t.doc[to[0].i - 1].lower_ == "but":
        return True  # "have no choice but to flee": a prospect
    if t.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return (
            True  # a purpose: "an operation to liberate X", "a push to take X", "... carried out to withdraw"
        )
    cur = t
    for _ in range(6):
        if cur.head == cur:
            return False
        child, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")) or child.dep_ == "relcl":
            return False
        if child.dep_ == "prep" and child.lower_ in ("after", "since", "following"):
            return False  # "not ready to attack after its capture of X": the capture is a given
        if lemma in claims.REPORT_VERBS and cur.pos_ in ("VERB", "AUX"):
            return False
        if lemma in PREVENT_VERBS and child.dep_ == "prep" and child.lower_ == "from":
            return True  # "barred from entering X", "kept the enemy from taking X"
        if lemma in claims.INTENT_WORDS or (lemma in claims.INTENT_NOUNS and cur.pos_ == "NOUN"):
            return True
        if any(c.dep_ == "acomp" and c.lemma_.lower() in ("impossible", "unable") for c in cur.children):
            return True  # "it was impossible to organise evacuations"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in claims.INTENT_WORDS for c in cur.children):
            return True  # "the aim of the operation is to liberate X"
        if lemma == "order" and any(c.lower_ == "in" for c in cur.children):  # "in order to"
            return True
        if child.dep_ == "xcomp" and child == t and lemma not in ALLOWED_XCOMP_HEADS | PLANNED_XCOMP_HEADS:
            return True
    return False


def signed_act(t: Token) -> Token | None:
    """The declaring verb of 'signed treaties to annex X', 'a decree annexing X': what the treaty does is
    done by signing it."""
    head = t.head
    if t.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in DECLARE_VERBS:
        # the parser may hang the infinitive on the verb: "signed treaties to annex"
        signs = any(c.dep_ == "dobj" and c.lemma_.lower() in INSTRUMENT_NOUNS for c in head.children)
        return head if signs else None
    if t.dep_ != "acl" or head.lemma_.lower() not in INSTRUMENT_NOUNS:
        return None
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in DECLARE_VERBS:
        return verb
    return None


def xcomp_planned(t: Token) -> bool:
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in PLANNED_XCOMP_HEADS


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
    return bool(words & MOBILIZATION_KINDS) or bool(
        {c.lemma_.lower() for c in t.children if c.dep_ == "dobj"} & PERSONNEL
    )


def annexation_act(t: Token) -> bool:
    """An annexation told as a deed: 'annexation treaties', 'announced the annexation', 'Russia annexed ...';
    not 'the annexation was condemned'."""
    if t.pos_ in ("VERB", "AUX"):
        subj = claims.subject(t)
        return subj is not None and claims.side_of(claims.phrase(subj)) in PARTIES
    if t.dep_ == "compound" and t.head.lemma_.lower() in INSTRUMENT_NOUNS:
        return True
    return governing_verb(t, "annexation") is not None or signed_act(t) is not None


def event_types(text: str) -> set[str]:
    """Types of the event triggers in a text whatever their place: the typing step alone, for benchmarks on
    data whose places lie outside the gazetteer's reach. Weak triggers count with an object of their own."""
    sentences = [s for s in nlp.split_sentences(text) if nlp.prefilter(s.text)]
    out: set[str] = set()
    for sdoc in nlp.parse(s.text for s in sentences):
        for t in sdoc:
            ty = trigger_type(t, {})
            if ty is None or claims.hypothetical(t) or skip_for_intent(t):
                continue
            if t.lemma_.lower() in WEAK and not any(
                c.dep_ in ("dobj", "nsubjpass", "prep") for c in t.children
            ):
                continue
            if ty == "mobilization" and not enough(t, ty, [], {}):
                continue
            out.add(ty)
        if any(q.kind in ("fatalities", "injured", "casualties") for q in find_quantities(sdoc.text)):
            out.add("casualties")
    return out
