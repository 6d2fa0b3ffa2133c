"""Words and thresholds that tell a place name from other capitalised words, and how common a word is."""

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
POSSESSIVE = re.compile(r"[\'’]s$")
SEPARATOR = re.compile(r"[\s\-‐‑–—_/.,()]+")  # what exact_key folds to one space


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that put a name in a place-like slot; only there are typos fuzzy-matched.
PLACE_CUES = _words(
    "in near from to into outside around towards toward at across neighboring neighbouring besieged occupied "
    "liberated captured recaptured retook retaking retake entered shelled struck via through along beyond "
    "hit attacked bombed targeted reached including "
    "city town village settlement region oblast province of north south east west northeast northwest "
    "southeast southwest"
)
# Prepositions that open a sentence before a place ("Inside X, ...") and that spaCy's stop words lack: no
# given names.
PREPOSITIONS = _words("inside beneath amid amidst despite past unlike like")
# Words that make a union of states a place, not an actor: "in the EU", not "EU leaders", "the EU said".
INSIDE_CUES = _words("in into across inside outside within throughout")
# Slots where an unknown capitalised name is still a place: "near X", "the village of X", "X district".
NEAR_CUES = _words("near outside")
LOWER_CUES = _words(
    "left leave leaves leaving fled flee flees fleeing abandoned enter enters entering took take takes "
    "taking hold holds held holding defend defends defended shell shells shelling attack attacks "
    "bombarded bombard bombards liberate liberates occupy occupies"
)
LOWER_TOWN = 50_000  # a town this big is found lowercase in a place slot ("left for kherson")
SETTLEMENT_WORDS = _words("city town village settlement hamlet urban cities towns villages")
REGION_NOUNS = _words(
    "region regions oblast oblasts province provinces territories territory areas krai exclave exclaves"
)
DISTRICT_WORDS = _words("district districts raion")  # "the X district of the city" is part of a town
AREA_NEXT = _words("region oblast district raion province krai county hromada")
# A region's offices: "the X regional administration", "the X governor", "the governor of X".
OFFICE_NEXT = _words("regional governor governors")
OFFICE_OF = _words("governor governors governorate")
# Local cues for a name that is both a town and the region named after it ("Kharkiv").
# Region: "X regional ...", "the X governor", "the governor of X" (a governor governs a region).
REGION_NEXT = frozenset(REGION_WORDS) | OFFICE_NEXT | _words("area areas")
REGION_OF = REGION_NOUNS | OFFICE_OF
REGION_SPAN = _words("across throughout")  # "attacks across Kharkiv": an area, not a point
# "the republics in Donetsk and Luhansk", "the regions of X and Y": a region noun right before the names
REGION_LEAD = REGION_NOUNS | _words("republic republics")
VILLAGE_WORDS = _words("village villages hamlet hamlets")
# Town: "X itself", "X's mayor", "the X mayoral race", "the mayor of X", "the streets of X", "downtown X",
# "30 km north of X".
TOWN_NEXT = SETTLEMENT_WORDS | _words("itself mayor mayoral")
TOWN_OF = SETTLEMENT_WORDS | _words(
    "mayor streets outskirts suburbs suburb downtown neighbourhoods neighborhoods"
)
TOWN_BEFORE = _words("downtown")
# Words anywhere in a sentence that speak of a town's parts: "the city centre", "downtown", "on the central
# square", "the streets", "an apartment block".
CENTRE_WORDS = _words("centre center")
TOWN_PARTS = _words(
    "square streets street avenue boulevard embankment neighbourhood neighborhood neighbourhoods "
    "neighborhoods apartment apartments"
)
# What is shelled, struck or entered is a point, a town, not the region named after it: "shelled X", "troops
# entered (in) X", "strikes on X", "the shelling of X". Capture words too: "Russia captured X".
TARGET_VERBS = _words(
    "shelled shelling shells struck strike strikes striking hit hits hitting attacked attacking bombed "
    "bombarded bombarding bombing pounded stormed storming entered enter enters entering captured capture "
    "capturing seized seizing liberated liberating retook retaking recaptured"
)
ENTRY_VERBS = _words("entered enter enters entering")
# Nouns of a point's attack; "attacks on X" is as often on the region ("attacks on Donetsk and Kharkiv,
# according to the governors of those regions").
TARGET_NOUNS = _words("strike strikes shelling bombardment bombing")
# A district of a town, named by an adjective ("the Dniprovskyi district", "Kuibyshevsky district"): Ukrainian
# and Russian adjective endings, in the usual romanisations.
CITY_DISTRICT = re.compile(r"\w+(?:sk|zk|ck|n)(?:yi|yy|iy|ii|ij|y|oi|oy|oe|aya)", re.IGNORECASE)
# The adjective's stem may name the district's seat: "Kupianskyi" (Kupiansk), "Chuhuivskyi" (Chuhuiv).
ADJECTIVE_ENDING = re.compile(r"(?:yi|yy|iy|ii|ij|y|oi|oy|oe|aya)$", re.IGNORECASE)
CITY_MIN_POPULATION = 50_000  # a town big enough to have districts of its own
NEGATIONS = _words("not no never nor confused unlike")  # "not the X of the Y region"
CAPITAL_KM = 20.0  # "the X district of the capital": a district lies this close to the capital's point
DISTANCE_UNITS = frozenset(  # units of a kilometre or longer
    f for unit in lang.table("numbers/units")["distance"].values() if unit["km"] >= 1 for f in unit["forms"]
)
# Heads of an apposition: "X, the regional capital" / "X, a city of 300,000" / "X, a region bordering ..."
APPOSITION_TOWN = SETTLEMENT_WORDS | _words("capital centre center metropolis")
APPOSITION_START = _words("the a an its one")
COPULAS = _words("is was remains remained became been")
# Titles and roles before a name mark a person ("Spokesman Peskov", "Mr Kyiv" is not a place).
PERSON_TITLES = _words(
    "mr mrs ms miss dr prof president minister spokesman spokeswoman spokesperson general gen lt col colonel "
    "major sgt sergeant captain commander governor mayor secretary chancellor senator sen rep premier king "
    "queen prince pope patriarch ambassador adviser advisor envoy chief director lieutenant admiral marshal "
    "judge officer deputy head leader chairman"
)
SAY_VERBS = _words(
    "said says say told tells stated states added adds noted notes emphasized emphasised stressed "
    "estimated explained announced claimed warned argued insisted wrote tweeted asked replied responded "
    "believes thinks denied confirmed acknowledged admitted"
)
# Roles in an apposition that make the name before it a person's ("X, the chair of the board").
PERSON_ROLES = PERSON_TITLES | _words("chair chairwoman ceo executive founder owner spokesperson head boss")
# A reporting phrase names a source, not a place: "comments by X", "according to X".
ATTRIBUTION_NOUNS = _words(
    "comment comments remark remarks statement statements words speech interview letter testimony quote "
    "quotes"
)
# What marks a name as a company's: "X Group", "X, Europe's largest holiday company", "X's shareholders".
COMPANY_NEXT = _words("group plc inc ltd llc airline airlines holdings")
COMPANY_NOUNS = _words("company companies firm operator airline carrier group conglomerate retailer brand")
COMPANY_OWNS = _words("shares shareholders stake ceo brand board")
# A court's verbs: "The Hague ruled" is the court, not the city.
COURT_VERBS = _words("ruled convicted sentenced acquitted indicted")
# A name followed by one of these is an organisation ("Kyiv Independent", "Moscow Times").
ORG_NEXT = _words(
    "post times independent herald tribune journal daily news gazette telegraph university institute college "
    "school academy fc club dynamo shakhtar bank group company corporation inc ltd media agency press review "
    "standard observer mail radio tv television regiment battalion brigade"
)
# Water bodies: "the Seym river", "the river Seym" name a river, not a town spelt alike.
WATER_WORDS = _words("river rivers lake reservoir bay creek stream estuary lagoon canal")
# Units whose names in quotes borrow places' names: grouping of troops "Vostok", the "Azov" battalion.
UNIT_WORDS = _words(
    "group groups grouping groupings battalion battalions brigade brigades regiment regiments command "
    "division divisions corps detachment detachments unit units troops forces army squadron operation"
)
QUOTES = "\"“”«»'‘’"
# Words after a town name that make it part of a place's name, not a person's ("Mariupol Drama Theatre").
FEATURE_WORDS = _words(
    "airport airfield air base port harbour harbor station railway plant factory works bridge dam river lake "
    "sea square street avenue road highway district raion oblast region theatre theater drama cathedral "
    "church monastery stadium arena hospital prison reservoir canal island peninsula front axis direction "
    "sector bay gulf"
)
# Nouns a sea's name qualifies without the thing being the sea: "the Black Sea port", "Black Sea Fleet".
ON_FEATURE_NOUNS = _words(
    "port ports city cities town towns village villages resort island islands harbour harbor palace "
    "fleet flotilla base naval"
)
# Capitalised words that are no place names: dates, institutions, roles, headline words.
NEWS_WORDS = _words(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday ministry defense defence army forces military operation "
    "special general western eastern northern southern central national federal republic state states "
    "government president minister police also photo photos photograph photographs video read see update "
    "live breaking exclusive opinion analysis north south east west northeast northwest southeast southwest"
)
# Institutions named after "in": "in Congress" is no place.
INSTITUTIONS = _words(
    "congress parliament senate court council cabinet assembly duma rada nato telegram "
    "facebook twitter instagram youtube christ god islam christianity christmas easter ramadan"
)
# Weapon systems named like towns ("an Iskander missile", "Shahed drones", "Leopard tanks").
WEAPONS = _words(
    "iskander kalibr kinzhal shahed shaheds geran lancet tochka himars leopard leopards bayraktar javelin "
    "javelins patriot abrams bradley grad smerch uragan tornado onyx oniks"
)
# Capitalised words that cannot be an unknown place's name.
NOT_NAMES = (
    frozenset(STOP_WORDS) | NEWS_WORDS | PERSON_TITLES | ORG_NEXT | INSTITUTIONS | WEAPONS | set(REGION_WORDS)
)


def may_be_typo(word: str) -> bool:
    """Whether a word unknown to the gazetteer may be a misspelt place name: not an everyday English word."""
    return word_zipf(word) < TYPO_MAX_ZIPF


@lru_cache(maxsize=50_000)
def word_zipf(name: str) -> float:
    """How common a name is as English text, on wordfreq's Zipf scale (0 unknown, 7 "the")."""
    from wordfreq import zipf_frequency  # imported late: its word list loads on first use

    return zipf_frequency(name.replace("’", "'"), "en")
