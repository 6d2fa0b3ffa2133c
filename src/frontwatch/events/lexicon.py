"""The words of the events stage: trigger lexicons, the vocabulary of forces and parties, and the function
words that link a trigger to its places. The words live in `lang/en/events/lexicon/` (one file per concept)
and in the type files `lang/en/events/types/`; this module names them for the rules beside it.
`DISTANCE_UNITS` reads the one table of units, `lang/en/numbers/units.toml`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from frontwatch import lang
from frontwatch.events import types

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token


def listed(tok: Token, words: Collection[str]) -> bool:
    """The token is one of a list's words, by its lemma or as written ("men", whose lemma is "man")."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def _strings(concept: str) -> dict[str, str]:
    return {key: str(value) for key, value in lang.table(concept).items()}


# --- triggers ------------------------------------------------------------------------------------

# Lemma -> event type, from the registered types' word files (`lang/en/events/types/<type>.toml`); the
# registry's own dicts, so that a type registered at run time is seen here too.
VERB_TRIGGERS = types.VERBS
NOUN_TRIGGERS = types.NOUNS
LEMMA_FIXES = _strings("events/lexicon/lemma_fixes")
# Verbs of impact tell an attack only with a weapon as subject: "rockets slammed into X", not "prices fell".
IMPACT_VERBS = lang.words("events/lexicon/impact_verbs")
MUNITIONS = lang.words("events/lexicon/munitions")
# Munitions that fly and so are shot down: "destroyed 30 drones over X" tells an attack on X.
AIRBORNE = lang.words("events/lexicon/airborne")
# Triggers too common in other senses ("take part", "hit hard", "left") count only with a place of their own.
WEAK = lang.words("events/lexicon/weak")
# Verbs that drive the enemy out of a place ("pushed Russian troops out of X"): the pusher takes it.
EXPEL_VERBS = lang.words("events/lexicon/expel_verbs")
# Movement verbs that many people do: a departure or entry is military only with a force as its subject.
CIVIL_MOVES = lang.words("events/lexicon/civil_moves")
# Verbs that move people: an evacuation only with civilians as what is moved ("moved 900 residents out"),
# never troops ("moved units to X").
CIVILIANS = lang.words("events/lexicon/civilians")
# People one by one, as tolls name them: "a 44-year-old man was killed".
PERSONS = lang.words("events/lexicon/persons")
# Verbs whose object tells capture only when it is "control": "established control over X".
CONTROL_VERBS = lang.words("events/lexicon/control_verbs")
# Verbs of loss: the loser withdraws from ground ("Ukraine lost X", "X had not been lost").
LOSS_VERBS = lang.words("events/lexicon/loss_verbs")
# Forces that move out, back or away, or to better ground ("moved to more advantageous positions"), withdraw.
RETREAT_PARTICLES = lang.words("events/lexicon/retreat_particles")
FAVOURABLE = lang.words("events/lexicon/favourable")
# Units of a distance or an area: "pushed 35km into X", "controls 1,000 sq km".
DISTANCE_UNITS = frozenset(f for u in lang.table("numbers/units")["distance"].values() for f in u["forms"])
# Each distance unit's form with its length in kilometres.
UNIT_KM = {f: u["km"] for u in lang.table("numbers/units")["distance"].values() for f in u["forms"]}
AREA_UNITS = lang.words("events/lexicon/area_units") | DISTANCE_UNITS
# Particles of going on: "units pushed on towards X" is an advance, not an expulsion.
ONWARD = lang.words("events/lexicon/onward")
# Verbs that drop or launch munitions: an attack with a munition as object ("dropped explosives on X").
DELIVERY_VERBS = lang.words("events/lexicon/delivery_verbs")
# Verbs of a state joining another: with a territory as subject and a state as object ("X joined Russia",
# "X became part of Russia"), and nouns of it ("the reunification of X with Russia").
JOIN_VERBS = lang.words("events/lexicon/join_verbs")
JOIN_NOUNS = lang.words("events/lexicon/join_nouns")
# Defensive reports: what is repelled is an attack by the other side ("repelled five attacks near X").
REPEL_VERBS = lang.words("events/lexicon/repel_verbs")
REPEL_PARTICLES = _strings("events/lexicon/repel_particles")
REPELLED_NOUNS = lang.words("events/lexicon/repelled_nouns")
# Air defence: munitions shot down were launched at the place they fell over ("downed 12 drones over X").
INTERCEPT_VERBS = lang.words("events/lexicon/intercept_verbs")
INTERCEPT_PARTICLES = _strings("events/lexicon/intercept_particles")
# An infinitive of assault under an attempt ("tried to advance near X", "attempts to break through") tells a
# ground attack that failed or is under way, not a goal.
ATTEMPT_WORDS = lang.words("events/lexicon/attempt_words")
ASSAULT_VERBS = lang.words("events/lexicon/assault_verbs")
# Operations that are attacks: "continued offensive operations near X"; not "the special military operation".
OFFENSIVE_MODIFIERS = lang.words("events/lexicon/offensive_modifiers")
# Civilians told to leave are evacuated ("urged residents to leave X"), and those taken or bused out.
LEAVE_VERBS = lang.words("events/lexicon/leave_verbs")
TELL_VERBS = lang.words("events/lexicon/tell_verbs")
CARRY_VERBS = lang.words("events/lexicon/carry_verbs")
# A place that falls or comes under control is taken: "X fell to Russian forces", "X came under control".
THEME_VERBS = lang.words("events/lexicon/theme_verbs")
# Units of a force as an attack's object: "defeated formations of two brigades", "struck manpower".
FORCE_UNITS = lang.words("events/lexicon/force_units")
# Warships a force moves: "moved several submarines and landing ships from X".
VESSELS = lang.words("events/lexicon/vessels")
WARSHIPS = lang.words("events/lexicon/warships")
WARSHIP_KINDS = lang.words("events/lexicon/warship_kinds")
PLAIN_VESSELS = lang.words("events/lexicon/plain_vessels")
BARE_VERBS = lang.words("events/lexicon/bare_verbs")
# Nouns of an attack only as what a force inflicts: "inflicted defeat on manpower", "inflicted fire damage".
INFLICTED_NOUNS = lang.words("events/lexicon/inflicted_nouns")
# Modifiers that make an explosion or an assault something else than an attack: "a gas explosion",
# "sexual assault", "a population explosion".
NOT_ATTACK_MODIFIERS = lang.words("events/lexicon/not_attack_modifiers")
# Nouns of what a "destruction" or "destroy" must hit to be an attack, besides a named place.
STRUCTURES = lang.words("events/lexicon/structures")
SITES = lang.words("events/lexicon/sites")
# Idioms of "strike" and "hit": "struck a deal", "hit a record".
STRIKE_IDIOMS = lang.words("events/lexicon/strike_idioms")
# Attitudes one takes ("took a hard line toward X"): no ground.
STANCE_WORDS = lang.words("events/lexicon/stance_words")
# Verbs that keep someone from doing something: "barred from entering X" tells no entry.
PREVENT_VERBS = lang.words("events/lexicon/prevent_verbs")
# Objects of "take" that make an idiom, not a capture: "take place", "take part", "take a toll".
TAKE_IDIOMS = lang.words("events/lexicon/take_idioms")
# What a capture verb takes when it is no territory: people, vessels, goods ("captured two soldiers",
# "seized a yacht", "prisoners who were captured").
NOT_TERRITORY = lang.words("events/lexicon/not_territory")
# A nominal trigger as the object of these verbs is done by the verb's subject: "Russia launched strikes".
LIGHT_VERBS = lang.words("events/lexicon/light_verbs")
# ... and of these, for events a party declares of itself: "Moscow announced the annexation".
DECLARE_VERBS = lang.words("events/lexicon/declare_verbs")
# Acts that do what their infinitive says once signed: "signed treaties to annex X" is the annexation.
INSTRUMENT_NOUNS = lang.words("events/lexicon/instrument_nouns")
EMPLOY_VERBS = lang.words("events/lexicon/employ_verbs")
PERSONNEL = lang.words("events/lexicon/personnel")
MOBILIZATION_KINDS = lang.words("events/lexicon/mobilization_kinds")
# Verbs whose infinitive still tells the event ("decided to withdraw"), and those that make it a plan.
ALLOWED_XCOMP_HEADS = lang.words("events/lexicon/allowed_xcomp_heads")
PLANNED_XCOMP_HEADS = lang.words("events/lexicon/planned_xcomp_heads")
CASUALTY_WORDS = lang.words("events/lexicon/casualty_words")

# --- forces and parties --------------------------------------------------------------------------

# The parties of the conflict: a statement by one of them speaks of its own forces and gains.
PARTIES = frozenset(["RU", "UA"])
FORCES = lang.words("events/lexicon/forces")
ENEMY_WORDS = lang.words("events/lexicon/enemy_words")
REGION_OFFICES = lang.words("events/lexicon/region_offices")
# What a party calls the other: "the enemy advanced", "the occupiers shelled".
HOSTILE_WORDS = lang.words("events/lexicon/hostile_words")
OCCUPIER_WORDS = lang.words("events/lexicon/occupier_words")

# --- the pre-filter ------------------------------------------------------------------------------
# nlp.prefilter parses only sentences with a surface form of a trigger above. Words too common to parse
# every time count only beside the word their trigger needs: a particle after them, or a cue anywhere.
PREFILTER_AFTER = _strings("events/lexicon/prefilter_after")
# What repels an attempt or an offensive, or what is attempted: "beat off three attempts", "attempts to
# break through".
_REPEL_CUES = REPEL_VERBS | frozenset(REPEL_PARTICLES) | ASSAULT_VERBS


def _cues(words: str) -> frozenset[str]:
    """Cue words, "@concept" standing for a whole word list."""
    out: set[str] = set()
    for word in words.split():
        out |= lang.words(f"events/lexicon/{word[1:]}") if word.startswith("@") else {word}
    return frozenset(out)


PREFILTER_WITH = {
    **dict.fromkeys(
        REPELLED_NOUNS - set(NOUN_TRIGGERS) - (set(VERB_TRIGGERS) - set(PREFILTER_AFTER)), _REPEL_CUES
    ),
    **{lemma: _cues(words) for lemma, words in _strings("events/lexicon/prefilter_cues").items()},
}
# Verbs whose trigger needs a munition beside them; the munitions are in the pre-filter themselves.
PREFILTER_COVERED = IMPACT_VERBS | DELIVERY_VERBS
# Inflections that the rules of English spelling do not give.
IRREGULAR_FORMS = _strings("events/lexicon/irregular_forms")

# --- places --------------------------------------------------------------------------------------

DIRECTIONS = lang.words("events/lexicon/directions")
PLACE_PREPS = lang.words("events/lexicon/place_preps") | DIRECTIONS
SEND_VERBS = lang.words("events/lexicon/send_verbs")
HOST_VERBS = lang.words("events/lexicon/host_verbs")
DESTINATION_PREPS = lang.words("events/lexicon/destination_preps")
HARM_NOUNS = lang.words("events/lexicon/harm_nouns")
# Tolls of mishaps and disasters, not of attacks ("killed when their bus plunged off a bridge").
MISHAPS = re.compile(rf"\b(?:{lang.pattern('events/casualties/mishaps')})\b", re.I)
# A toll counted over a span of days ("over the past week"), not the toll of one strike.
PERIOD_TALLY = re.compile(lang.pattern("events/casualties/period_tally"), re.I)
STATIONED = lang.words("events/lexicon/stationed")
NOTICED = lang.words("events/lexicon/noticed_participles")
# Common nouns that stand for a place named before ("the city had been taken"), and the kind they stand for.
GENERIC_PLACES = _strings("events/lexicon/generic_places")
# Objects of "abandon" and "take over" that are ground, besides named places.
TERRAIN = frozenset(GENERIC_PLACES) | lang.words("events/lexicon/terrain")
# Common nouns a capture verb may take as ground: without one (or a place, a name, a pronoun) its object is a
# person or a thing and the verb no capture ("took him to a police station").
TERRITORY_NOUNS = TERRAIN | lang.words("events/lexicon/territory_nouns")
# Nouns of a share whose "of" phrase holds the ground: "most of the city", "part of the region".
PARTITIVES = lang.words("events/lexicon/partitives")
# Personal pronouns stand for people, never ground: "he was taken to a police station".
PERSONAL_PRONOUNS = lang.words("events/lexicon/personal_pronouns")
CAPTURE_OBJECT_VERBS = lang.words("events/lexicon/capture_object_verbs")
# Nouns of a settlement that a region's name may locate: "the Donbas city of X".
LOCATING_NOUNS = lang.words("events/lexicon/locating_nouns")
OPINION_VERBS = lang.words("events/lexicon/opinion_verbs")

# --- speakers ------------------------------------------------------------------------------------

# Single offices remembered per document, so that a later bare "the governor" is the same person.
OFFICES = lang.words("events/lexicon/offices")
CITY_PARTS = lang.words("events/lexicon/city_parts")
NEAR_WORDS = lang.words("events/lexicon/near_words")
FLAG_WORDS = lang.words("events/lexicon/flag_words")
CITY_PREPS = lang.words("events/lexicon/city_preps")
CITY_UNDERGO_VERBS = lang.words("events/lexicon/city_undergo_verbs")
CITY_HIT_VERBS = lang.words("events/lexicon/city_hit_verbs")
SEAT_NOUNS = lang.words("events/lexicon/seat_nouns")
# Words that open a headline label, not a speaker: "Update 3: ...", "Claim 1: ...".
HEADLINE_LABELS = lang.words("events/lexicon/headline_labels")
# Bodies that speak for a side: "General Staff: ...".
BODY_WORDS = lang.words("events/lexicon/body_words")
