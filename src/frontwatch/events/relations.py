"""How a trigger stands to the words around it: its lemma as the lexicon reads it, the verb that carries
out, repels or intercepts a noun trigger, an infinitive of assault under an attempt, a subject that is the
event's place, the party a territory joins. The sense tests, the actors and the places linked use them."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events import types
from frontwatch.events.forces import is_force
from frontwatch.events.lexicon import (
    ASSAULT_VERBS,
    ATTEMPT_WORDS,
    DECLARE_VERBS,
    ENEMY_WORDS,
    FORCES,
    HOSTILE_WORDS,
    INTERCEPT_PARTICLES,
    INTERCEPT_VERBS,
    JOIN_VERBS,
    LEMMA_FIXES,
    LIGHT_VERBS,
    PARTIES,
    REPEL_PARTICLES,
    REPEL_VERBS,
    THEME_VERBS,
)

# Dependencies only a noun can have: a token so attached is a noun whatever its tag ("beat off three attempts"
# tagged as a verb).
NOMINAL_DEPS = frozenset(["dobj", "nsubjpass", "pobj"])


def trigger_lemma(t: Token) -> str:
    """The lemma by which the lexicon lists the word: some parser lemmas corrected, a drone named as such."""
    lemma = t.lemma_.lower()
    if lemma == "vehicle" and any(c.lower_ in ("unmanned", "aerial") for c in t.children):
        return "drone"  # "unmanned aerial vehicles"
    return LEMMA_FIXES.get(lemma, lemma)


def finite_modifier(t: Token) -> bool:
    """'its forces had “liberated” Selydove': quotes may make the parser take a finite verb for an adjective
    of its object; an auxiliary or a subject of its own shows what it is."""
    return t.dep_ == "amod" and any(c.dep_ in ("aux", "nsubj") for c in t.children)


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
    lemma = trigger_lemma(t)
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
            c.dep_ in ("amod", "poss", "compound") and (is_force(c) or claims.side_of(c.text) in PARTIES)
            for c in head.children
        ):
            return True
        # "the enemy made 30 attempts to advance"
        maker = claims.subject(head.head) if head.dep_ == "dobj" and head.head.pos_ == "VERB" else None
        return maker is not None and (is_force(maker) or maker.lemma_.lower() in HOSTILE_WORDS)
    return False


def theme_subject(t: Token) -> Token | None:
    """The subject that is the place of the event, not its actor: the territory of 'X became part of Russia',
    'X joined Russia', the town of 'X fell to Russian forces'."""
    if t.pos_ not in ("VERB", "AUX") or trigger_lemma(t) not in JOIN_VERBS | THEME_VERBS:
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
    # "ordered the evacuation", and in the passive "the evacuation was ordered in X"
    if t.dep_ in ("dobj", "nsubjpass") and (
        lemma in LIGHT_VERBS or (lemma in DECLARE_VERBS and types.spec(ty).declared)
    ):
        return head
    return None
