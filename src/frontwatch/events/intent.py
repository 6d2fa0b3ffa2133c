"""Goals, conditions and plans: a trigger told as an aim ('an operation to liberate X'), a prospect or a
failure is not an event; one told as done by signing ('signed treaties to annex X') is."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch import claims
from frontwatch.events.lexicon import (
    ALLOWED_XCOMP_HEADS,
    DECLARE_VERBS,
    EMPLOY_VERBS,
    INSTRUMENT_NOUNS,
    PLACE_PREPS,
    PLANNED_XCOMP_HEADS,
    PREVENT_VERBS,
)
from frontwatch.events.relations import attempted_assault


def skip_for_intent(t: Token) -> bool:
    """Goals, conditions and failures are not events: 'objectives ... to liberate', 'failed to take'."""
    if signed_act(t) or attempted_assault(t):
        return False  # "signed treaties to annex X": the signing is the act; "tried to advance": an attack
    user = employed_weapon(t)
    if user is not None:  # "used drones to strike X" is done as "used" is; "threatened to use" is not
        return skip_for_intent(user)
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
        if lemma in claims.INTENT_WORDS | claims.INTENT_NOUNS and cur.pos_ == "NOUN" and _located(cur):
            return False  # "the focus of the attack was near X": where it is, not what it aims at
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


def employed_weapon(t: Token) -> Token | None:
    """The verb of "used HIMARS rockets to strike X", "launched drones to attack X": a weapon put to use
    to strike makes the strike; the infinitive is how it was used, not an aim."""
    head = t.head
    if t.dep_ not in ("xcomp", "advcl") or head == t or head.lemma_.lower() not in EMPLOY_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return None
    return head if any(c.dep_ == "dobj" for c in head.children) else None


def _located(noun: Token) -> bool:
    """The noun is the subject of 'be' with a phrase of place: 'the focus ... was near X'."""
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be" or any(c.dep_ == "xcomp" for c in be.children):
        return False
    places = noun.doc._.token_place or {}
    return any(
        c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(x.i in places for x in c.subtree)
        for c in be.children
    )


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
