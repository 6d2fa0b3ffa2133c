"""Event triggers: which verbs and nouns of a parsed sentence tell an event, and of what type.

A lemma from the lexicon is a trigger only in the sense the lexicon means: "took the city", not "took part";
"rockets slammed into", not "prices fell". The sense table decides (`senses`, with the tests it names in
`sense_tests`); goals, conditions and plans are filtered by `intent`, and what each type needs besides its
trigger is in `needs`.
"""

from __future__ import annotations

from functools import partial

from spacy.tokens import Token

from frontwatch import claims, lang
from frontwatch.events import (
    nlp,
    sense_tests,  # noqa: F401  imported to register the tests the sense table names, before it is read
    senses,
)
from frontwatch.events.intent import skip_for_intent
from frontwatch.events.lexicon import NOUN_TRIGGERS, VERB_TRIGGERS, WEAK
from frontwatch.events.needs import enough
from frontwatch.events.quantities import find_quantities
from frontwatch.events.relations import NOMINAL_DEPS, attempted_assault, finite_modifier, trigger_lemma
from frontwatch.events.senses import Sense
from frontwatch.records import PlaceMention


def trigger_type(t: Token, token_place: dict[int, PlaceMention]) -> str | None:
    return trigger_sense(t, token_place)[0]


def trigger_sense(t: Token, token_place: dict[int, PlaceMention]) -> tuple[str | None, str | None]:
    """(type, name of the sense rule that decided it or None) of a token as a trigger."""
    lemma = trigger_lemma(t)
    if t.i in token_place:
        return None, None
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if attempted_assault(t):
            return "attack", None  # "tried to advance near X": a ground attack, whatever the verb's own type
        ty = VERB_TRIGGERS.get(lemma)
        if ty is None and t.dep_ in NOMINAL_DEPS:
            return noun_sense(t, lemma, NOUN_TRIGGERS.get(lemma), token_place)  # "attempts" tagged a verb
        if ty is None:
            return None, None
        if t.dep_ == "amod" and t.tag_ == "VBN" and not finite_modifier(t):
            return None, None  # "the captured city", "Russian-annexed Crimea": a state described, not told
        return verb_sense(t, lemma, ty, token_place)
    if t.pos_ in ("NOUN", "PROPN"):
        return noun_sense(t, lemma, NOUN_TRIGGERS.get(lemma), token_place)
    return None, None


# Sense rules whose events the learned typer need not confirm (`lang/en/events/sure_senses.txt`).
SURE_SENSES = lang.words("events/sure_senses")


def _verb_sense(t: Token, lemma: str, ty: str, token_place: dict[int, PlaceMention]) -> str | None:
    """The type of a verb trigger in the sense the lexicon means, or None for its other senses: the first
    rule of the sense table (`lang/en/events/senses.toml`) that matches decides."""
    return verb_sense(t, lemma, ty, token_place)[0]


def verb_sense(
    t: Token, lemma: str, ty: str, token_place: dict[int, PlaceMention]
) -> tuple[str | None, str | None]:
    """(sense, deciding rule's name or None) of a verb trigger."""
    return senses.decide(senses.verb_rules(), lemma, ty, partial(Sense.of, t, lemma, ty, token_place))


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
