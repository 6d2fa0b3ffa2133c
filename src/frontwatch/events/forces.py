"""Who a trigger's words name, for the sense tests: forces and parties, civilians, munitions, and what the
verb does with them (a force retreats or is expelled, civilians are moved or told to leave)."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events.lexicon import (
    CIVILIANS,
    ENEMY_WORDS,
    FAVOURABLE,
    FORCE_UNITS,
    FORCES,
    HOSTILE_WORDS,
    MUNITIONS,
    PARTIES,
    PARTITIVES,
    RETREAT_PARTICLES,
    TELL_VERBS,
    VESSELS,
    listed,
)


def force_retreats(t: Token, prts: set[str]) -> bool:
    """A force (subject, or what is moved) that moves out, back or away, or to better ground: 'the troops
    moved out', 'units were moved to more advantageous positions'; not 'moved into X' or 'moved residents'."""
    movers = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not movers and t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
        movers = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "manoeuvred and moved"
    if not any(is_force(share_of(claims.antecedent(m))) for m in movers):
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
    if listed(tok, PARTITIVES):
        return next(
            (g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), tok
        )
    return tok


def moves_civilians(t: Token) -> bool:
    """'moved 900 residents out', 'families were relocated': civilians moved by someone, not people moving."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]
    return any(listed(o, CIVILIANS) or _conj_civilians(o) for o in objs)


def _conj_civilians(o: Token) -> bool:
    return any(c.dep_ == "conj" and listed(c, CIVILIANS) for c in o.children)


def told_to_leave(t: Token) -> bool:
    """'ordered civilians to leave X', 'residents were urged to flee': civilians told to go."""
    head = t.head
    if t.dep_ != "xcomp" or head.lemma_.lower() not in TELL_VERBS:
        return False
    told = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(listed(o, CIVILIANS) or _conj_civilians(o) for o in told)


def military_actor(t: Token) -> bool:
    """A force acts: the subject of an active verb, or the agent of a passive one ('assaulted by troops')."""
    if any(c.dep_ == "nsubjpass" for c in t.children):
        agents = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return any(is_force(a) for a in agents)
    return any(c.dep_ == "nsubj" for c in t.children) and military_subject(t)


def military_subject(t: Token) -> bool:
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
    if is_force(subj) or subj.lemma_.lower() in HOSTILE_WORDS:
        return True
    text = claims.phrase(subj)
    return claims.side_of(text) is not None or subj.ent_type_ in ("GPE", "NORP", "ORG")


def expels(t: Token, prts: set[str]) -> bool:
    """'pushed the troops out (of X)', 'drove them back from X': forces expelled, not 'pushed back' alone
    (a repelled attack) nor 'forced residents out'."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(is_force(o) for o in objs):
        return False
    if "out" in prts:
        return True
    back = [c for c in t.children if c.lower_ == "back" and c.dep_ in ("prt", "advmod")]
    return any(g.dep_ == "prep" and g.lower_ == "from" for c in [t, *back] for g in c.children)


def munition_subject(t: Token) -> bool:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    subj = claims.antecedent(subj)  # "the missiles that slammed into X"
    return any(x.lemma_.lower() in MUNITIONS for x in (subj, *subj.children) if x.dep_ != "prep")


def is_force(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in FORCES | ENEMY_WORDS
        or tok.lower_ in FORCES | ENEMY_WORDS
        or claims.side_of(claims.phrase(tok)) in PARTIES
    )
