"""Words and thresholds that tell a place name from other capitalised words, and how common a word is. The
word lists are language data (`lang/en/places/`); this module names them for the stage's rules."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from frontwatch import lang
from frontwatch.places.gazetteer import REGION_WORDS

MAX_WORDS = 6
FUZZY_SURE = 85.0  # a typo-matched name this close needs no support from the document's other places
DOMINATED_PENALTY = 6.0  # more than an oblast's support (3.0 x 1.5) plus the country's (1.5)
# A town's own name in another romanisation ("Vasilyevka" for Vasylivka) is as good as an alternate name that
# GeoNames spells exactly so (an old name of another village): 1.0 for a loose match, +0.5.
LOOSE_OWN_NAME = 0.5
# A town in a region its sentence names ("settlements of the X region, including Y") over a namesake in a
# region named elsewhere in the document: more than the half point between an own name and an alternate.
SENTENCE_REGION = 1.0
# Support from a region grows with how many of the document's names lie in it: BREADTH per doubling. A town in
# the oblast of eight of the document's places beats a namesake three times bigger in an oblast named once.
# Only names sure of their region count: regions, and towns ANCHOR_RATIO times bigger than every namesake
# elsewhere (Pokrovsk, Donetsk oblast, over the Pokrovsk of Yakutia).
ANCHOR_RATIO = 5
# Breadth does not lift a village below this over a namesake city ten times its size ("Yalta" in a text full
# of Donetsk places is still Crimea's).
BREADTH_VILLAGE = 10_000
BREADTH = 1.5
DOMINANT_RATIO = 10  # how much bigger a place must be for its own name to beat a village's alternate
# A name that is also a common English word ("Metro", "War", "Red Cross") or given name ("Warren") names a
# town only with a place cue, or when the town is big for how common the word is: 10 ** (zipf + 1.25)
# people, 10 ** (zipf + 0.5) for a national capital or where the document's other places point to its
# country or region.
COMMON_ZIPF = 3.3
# A word English writes this often ("Chechen", "Korean", "Helmet") is no misspelling of a place name.
TYPO_MAX_ZIPF = 3.0
COMMON_ZIPF_PHRASE = 4.5  # a many-word name is rarely a phrase ("Red Cross"), often a town ("Boulder City")
VILLAGE_MAX_POPULATION = 100_000  # "the village of X" is no city
# "X near Y": X lies within this of Y ("near" in war reports spans a district, up to a neighbouring town's
# outskirts; an oblast is some 200 km across).
NEAR_KM = 60.0
SMALL_VILLAGE = 5_000  # below this, a lone namesake outside the regions a text names is another village
# A word that is a demonym ("Canadian") names a town of that name only when the town is this big.
STRONG_TOWN = 100_000
# A town reached by an alternate name unlike its own, which another candidate bears as its own name, gives way
# ("Berea" is Berea, Kentucky, not Aleppo; "Liverpool" is not Washington, Indiana), unless it is this many
# times bigger ("Bombay" is Mumbai, not a hamlet of that name); the penalty is about a town's support from its
# region and country named in the document (3.0 + 1.5).
ALTERNATE_RATIO = 1_000
ALTERNATE_PENALTY = 4.0
# In the focus countries an old name may still be in use (a renamed town of like size), so a borrower gives
# way only a little, less than its region's support (3.0 x 1.5), and only to an owner at least this fraction
# of its size: "Pokrovsk" alone is the Donetsk oblast town, not Engels, which bore that name until 1931.
FOCUS_ALTERNATE_RATIO = 10
FOCUS_ALTERNATE_PENALTY = 2.0
ALIKE_SCORE = 80.0  # spelling similarity above which an alternate is the town's own name spelled another way
# Hyphenated names are split into tokens; n-grams join them again ("Ivano-Frankivsk", "Izyum-Balakliia").
TOKEN = re.compile(r"[^\W\d_]+(?:[\'’ʼ][^\W\d_]+)*\.?", re.UNICODE)
POSSESSIVE = re.compile(f"(?:{lang.pattern('places/possessive')})$")
LOWER_TOWN = 50_000  # a town this big is found lowercase in a place slot ("left for kherson")
CITY_MIN_POPULATION = 50_000  # a town big enough to have districts of its own
CAPITAL_KM = 20.0  # "the X district of the capital": a district lies this close to the capital's point
QUOTES = "\"“”«»'‘’"  # around a unit's name: grouping of troops "Vostok"

# The word lists, one file per concept under lang/en/places/ (each file says what it is for). Some concepts
# extend another: a town's cue words are the settlement nouns and a few more.
PLACE_CUES = lang.words("places/place_cues")
PREPOSITIONS = lang.words("places/prepositions")
INSIDE_CUES = lang.words("places/inside_cues")
NEAR_CUES = lang.words("places/near_cues")
LOWER_CUES = lang.words("places/lower_cues")
SETTLEMENT_WORDS = lang.words("places/settlement_nouns")
REGION_NOUNS = REGION_WORDS | lang.words("places/region_nouns")
DISTRICT_WORDS = lang.words("places/district_nouns")
AREA_NEXT = lang.words("places/area_nouns")
OFFICE_NEXT = lang.words("places/office_next")
OFFICE_OF = lang.words("places/office_of")
REGION_NEXT = REGION_WORDS | OFFICE_NEXT | lang.words("places/region_next")
REGION_OF = REGION_NOUNS | OFFICE_OF
REGION_SPAN = lang.words("places/region_span")
REGION_LEAD = REGION_NOUNS | lang.words("places/region_lead")
VILLAGE_WORDS = lang.words("places/village_nouns")
TOWN_NEXT = SETTLEMENT_WORDS | lang.words("places/town_next")
TOWN_OF = SETTLEMENT_WORDS | lang.words("places/town_of")
TOWN_BEFORE = lang.words("places/town_before")
CENTRE_WORDS = lang.words("places/centre_nouns")
TOWN_PARTS = lang.words("places/town_parts")
ENTRY_VERBS = lang.words("places/entry_verbs")
TARGET_VERBS = ENTRY_VERBS | lang.words("places/target_verbs")
TARGET_NOUNS = lang.words("places/target_nouns")
_DISTRICT = lang.table("places/district_adjectives")
_ENDINGS = "|".join(_DISTRICT["endings"])
CITY_DISTRICT = re.compile(rf"\w+(?:{'|'.join(_DISTRICT['stems'])})(?:{_ENDINGS})", re.IGNORECASE)
# The adjective's stem may name the district's seat: "Kupianskyi" (Kupiansk), "Chuhuivskyi" (Chuhuiv).
ADJECTIVE_ENDING = re.compile(f"(?:{_ENDINGS})$", re.IGNORECASE)
NEGATIONS = lang.words("places/negations")
DISTANCE_UNITS = frozenset(  # units of a kilometre or longer
    f for unit in lang.table("numbers/units")["distance"].values() if unit["km"] >= 1 for f in unit["forms"]
)
APPOSITION_TOWN = SETTLEMENT_WORDS | lang.words("places/apposition_town")
APPOSITION_START = lang.words("places/apposition_start")
COMPASS_ADJECTIVES = lang.words("places/compass_adjectives")
SHIP_NOUNS = lang.words("places/ship_nouns")
SHIP_MODIFIERS = lang.words("places/ship_modifiers")
COPULAS = lang.words("places/copulas")
PROPER_DIVISION_WORDS = lang.words("places/proper_division_words")
CONJUNCTIONS = lang.words("places/conjunctions")  # that join the items of a list of places
PERSON_TITLES = lang.words("places/person_titles")
SAY_VERBS = lang.words("places/say_verbs")
PERSON_ROLES = PERSON_TITLES | lang.words("places/person_roles")
ATTRIBUTION_NOUNS = lang.words("places/attribution_nouns")
COMPANY_NEXT = lang.words("places/company_next")
COMPANY_NOUNS = lang.words("places/company_nouns")
COMPANY_OWNS = lang.words("places/company_owns")
COURT_VERBS = lang.words("places/court_verbs")
ORG_NEXT = lang.words("places/org_next")
CLOCK_WORDS = lang.words("places/clock_words")
WATER_WORDS = lang.words("places/water_nouns")
UNIT_WORDS = lang.words("places/unit_nouns")
FEATURE_WORDS = lang.words("places/feature_nouns")
# Sites named by the town they are in ("the Kramatorsk railway station"), as token keys, longest first.
SITE_PHRASES = tuple(
    sorted((tuple(p.split()) for p in lang.words("places/site_phrases")), key=len, reverse=True)
)
SITE_MODIFIERS = lang.words("places/site_modifiers")
ON_FEATURE_NOUNS = lang.words("places/on_feature_nouns")
NEWS_WORDS = lang.words("places/news_words")
INSTITUTIONS = lang.words("places/institutions")
WEAPONS = lang.words("places/weapons")
# Capitalised words that cannot be an unknown place's name.
NOT_NAMES = (
    frozenset(STOP_WORDS) | NEWS_WORDS | PERSON_TITLES | ORG_NEXT | INSTITUTIONS | WEAPONS | REGION_WORDS
)
# "Beryslav Raion", "Izium District": a division named after its seat town, not a given name and surname
AREA_WORDS = AREA_NEXT | REGION_WORDS


def may_be_typo(word: str) -> bool:
    """Whether a word unknown to the gazetteer may be a misspelt place name: not an everyday English word."""
    return word_zipf(word) < TYPO_MAX_ZIPF


@lru_cache(maxsize=50_000)
def word_zipf(name: str) -> float:
    """How common a name is as English text, on wordfreq's Zipf scale (0 unknown, 7 "the")."""
    from wordfreq import zipf_frequency  # imported late: its word list loads on first use

    return zipf_frequency(name.replace("’", "'"), "en")
