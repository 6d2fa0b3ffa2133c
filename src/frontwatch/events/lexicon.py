"""The words of the events stage: trigger lexicons, the vocabulary of forces and parties, and the function
words that link a trigger to its places. Data only; the modules beside it hold the rules that read it."""

from __future__ import annotations

from frontwatch import lang


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _by_type(groups: dict[str, str]) -> dict[str, str]:
    """Lemma -> event type, from one line of lemmas per type."""
    return {lemma: ty for ty, lemmas in groups.items() for lemma in lemmas.split()}


# --- triggers ------------------------------------------------------------------------------------

VERB_TRIGGERS = _by_type(
    {
        "withdrawal": "withdraw retreat regroup redeploy abandon leave exit pull flee lose cede surrender",
        "evacuation": "evacuate relocate resettle move bus ferry transport",
        "annexation": "annex become join incorporate",
        "mobilization": "mobilize mobilise",
        "capture": "take retake recapture capture seize liberate free enter reclaim regain restore reoccupy"
        " push drive force kick hoist raise clear establish gain assume secure fall come control",
        "advance": "advance",
        "attack": "strike shell bomb hit fire attack pound hammer bombard explode smash slam crash land rain"
        " assault storm counterattack detonate blow drop launch destroy defeat",
    }
)
NOUN_TRIGGERS = _by_type(
    {
        "withdrawal": "withdrawal retreat redeployment pullout pullback exit",
        "evacuation": "evacuation relocation resettlement",
        "annexation": "annexation reunification accession joining incorporation",
        "mobilization": "mobilization mobilisation",
        "capture": "capture seizure liberation recapture restoration fall",
        "advance": "advance",
        "attack": "attack strike airstrike shelling bombing bombardment fire assault counterattack explosion"
        " blast detonation barrage destruction operation defeat damage",
    }
)
# Forms the model's lemmatizer leaves as they are.
LEMMA_FIXES = {"retook": "retake", "reoccupie": "reoccupy", "retakes": "retake"}
# Verbs of impact tell an attack only with a weapon as subject: "rockets slammed into X", not "prices fell".
IMPACT_VERBS = _words("explode smash slam crash land rain")
MUNITIONS = _words(
    "missile rocket shell bomb drone projectile munition warhead mortar grenade artillery shrapnel explosive"
    " uav shahed"
)
# Munitions that fly and so are shot down: "destroyed 30 drones over X" tells an attack on X.
AIRBORNE = _words("missile rocket drone projectile uav shahed warhead")
# Triggers too common in other senses ("take part", "hit hard", "left") count only with a place of their own.
WEAK = _words(
    "take hit fire enter leave exit raise push drive force kick restore pound hammer clear lose cede"
    " surrender move relocate resettle establish gain assume secure storm blow drop launch destroy bus ferry"
    " transport incorporate free"
)
# Verbs that drive the enemy out of a place ("pushed Russian troops out of X"): the pusher takes it.
EXPEL_VERBS = _words("push drive force kick")
# Movement verbs that many people do: a departure or entry is military only with a force as its subject.
CIVIL_MOVES = _words("leave exit abandon enter flee")
# Verbs that move people: an evacuation only with civilians as what is moved ("moved 900 residents out"),
# never troops ("moved units to X").
CIVILIANS = _words(
    "resident residents people civilian civilians inhabitant inhabitants population child children family"
    " families villager villagers local locals patient patients orphan orphans pensioner pensioners elderly"
    " evacuee evacuees person persons townspeople citizen citizens disabled woman women"
)
# People one by one, as tolls name them: "a 44-year-old man was killed".
PERSONS = _words("man men boy boys girl girls baby babies teenager teenagers")
# Verbs whose object tells capture only when it is "control": "established control over X".
CONTROL_VERBS = _words("establish gain assume secure")
# Verbs of loss: the loser withdraws from ground ("Ukraine lost X", "X had not been lost").
LOSS_VERBS = _words("lose cede surrender")
# Forces that move out, back or away, or to better ground ("moved to more advantageous positions"), withdraw.
RETREAT_PARTICLES = _words("out back away")
FAVOURABLE = _words("advantageous favourable favorable better safer prepared defensive")
# Units of a distance or an area: "pushed 35km into X", "controls 1,000 sq km".
DISTANCE_UNITS = frozenset(f for u in lang.table("numbers/units")["distance"].values() for f in u["forms"])
AREA_UNITS = _words("km2 km² hectares hectare") | DISTANCE_UNITS
# Particles of going on: "units pushed on towards X" is an advance, not an expulsion.
ONWARD = _words("on forward forwards ahead onward onwards deeper further")
# Verbs that drop or launch munitions: an attack with a munition as object ("dropped explosives on X").
DELIVERY_VERBS = _words("drop launch")
# Verbs of a state joining another: with a territory as subject and a state as object ("X joined Russia",
# "X became part of Russia"), and nouns of it ("the reunification of X with Russia").
JOIN_VERBS = _words("become join")
JOIN_NOUNS = _words("reunification accession joining incorporation")
# Defensive reports: what is repelled is an attack by the other side ("repelled five attacks near X").
REPEL_VERBS = _words("repel repulse thwart foil rebuff stop halt withstand")
REPEL_PARTICLES = {"beat": "off back", "fight": "off back", "fend": "off", "hold": "off back", "push": "back"}
REPELLED_NOUNS = _words("attempt offensive onslaught push breakthrough sortie raid counteroffensive advance")
# Air defence: munitions shot down were launched at the place they fell over ("downed 12 drones over X").
INTERCEPT_VERBS = _words("intercept down destroy neutralise neutralize eliminate repel repulse")
INTERCEPT_PARTICLES = {"shoot": "down", "bring": "down", "knock": "down", "take": "down out"}
# An infinitive of assault under an attempt ("tried to advance near X", "attempts to break through") tells a
# ground attack that failed or is under way, not a goal.
ATTEMPT_WORDS = _words("attempt try")
ASSAULT_VERBS = _words(
    "advance attack assault storm break push capture take seize enter encircle surround cross retake"
    " recapture regain reclaim liberate reoccupy"
)
# Operations that are attacks: "continued offensive operations near X"; not "the special military operation".
OFFENSIVE_MODIFIERS = _words("offensive assault ground")
# Civilians told to leave are evacuated ("urged residents to leave X"), and those taken or bused out.
LEAVE_VERBS = _words("leave flee exit depart")
TELL_VERBS = _words("order urge tell advise instruct call ask")
CARRY_VERBS = _words("take bus ferry transport")
# A place that falls or comes under control is taken: "X fell to Russian forces", "X came under control".
THEME_VERBS = _words("fall come")
# Units of a force as an attack's object: "defeated formations of two brigades", "struck manpower".
FORCE_UNITS = _words(
    "formation formations brigade brigades battalion battalions regiment regiments unit units manpower group"
    " groups grouping groupings troops forces personnel company companies detachment detachments"
)
# Warships a force moves: "moved several submarines and landing ships from X".
VESSELS = _words("ship ships warship warships submarine submarines vessel vessels fleet frigate frigates")
# Nouns of an attack only as what a force inflicts: "inflicted defeat on manpower", "inflicted fire damage".
INFLICTED_NOUNS = _words("defeat damage")
# Modifiers that make an explosion or an assault something else than an attack: "a gas explosion",
# "sexual assault", "a population explosion".
NOT_ATTACK_MODIFIERS = _words(
    "gas methane boiler population data sonic solar furnace sexual indecent verbal physical domestic price"
    " demographic sexually indecently verbally physically"
)
# Nouns of what a "destruction" or "destroy" must hit to be an attack, besides a named place.
STRUCTURES = _words("dam bridge plant station depot base airfield airport port building school hospital")
# Idioms of "strike" and "hit": "struck a deal", "hit a record".
STRIKE_IDIOMS = _words(
    "deal deals agreement agreements accord balance chord note tone pose bargain compromise nerve record"
    " high low peak snag wall jackpot ground headline headlines market markets shelves"
)
# Attitudes one takes ("took a hard line toward X"): no ground.
STANCE_WORDS = _words(
    "hard tough firm soft harsh strong neutral cautious different similar public principled tougher harder"
    " softer"
)
# Verbs that keep someone from doing something: "barred from entering X" tells no entry.
PREVENT_VERBS = _words("bar ban prevent stop forbid block prohibit keep deter prevent restrain")
# Objects of "take" that make an idiom, not a capture: "take place", "take part", "take a toll".
TAKE_IDIOMS = _words(
    "place part toll step steps time action measure measures look note shape hold care effect charge"
    " advantage responsibility office power precaution precautions cover shelter aim refuge photo photos"
    " picture pictures question questions decision years months days weeks hours lives life stock risk stand"
    " pride notice seat turn interest root credit course form lead hit break oath stance issue exception"
    " umbrage offense offence aback heart advice"
)
# What a capture verb takes when it is no territory: people, vessels, goods ("captured two soldiers",
# "seized a yacht", "prisoners who were captured").
NOT_TERRITORY = _words(
    "soldier soldiers fighter fighters man men woman women people person prisoner prisoners serviceman"
    " servicemen marine marines mercenary mercenaries volunteer volunteers citizen citizens national"
    " nationals journalist journalists father mother son daughter civilian civilians commander commanders"
    " officer officers pilot pilots crew sailor sailors hostage hostages member members yacht yachts"
    " superyacht ship ships vessel vessels tanker tankers boat boats plane planes aircraft jet jets"
    " helicopter tank tanks vehicle vehicles car cars equipment weapon weapons asset assets property"
    " properties cargo grain shipment shipments document documents data money fund funds account accounts"
    " trophy trophies ammunition drone drones regiment battalion brigade company platoon squad arms"
    " explosive explosives cache rifle rifles gun guns pistol pistols grenade grenades bomb bombs drug drugs"
    " narcotic narcotics consignment haul who"
)
# A nominal trigger as the object of these verbs is done by the verb's subject: "Russia launched strikes".
LIGHT_VERBS = _words(
    "carry launch conduct stage mount unleash make begin continue resume intensify step perform execute"
    " deliver inflict undertake start complete finish"
)
# ... and of these, for events a party declares of itself: "Moscow announced the annexation".
DECLARE_VERBS = _words("announce declare order proclaim formalize formalise sign decree complete")
# Acts that do what their infinitive says once signed: "signed treaties to annex X" is the annexation.
INSTRUMENT_NOUNS = _words(
    "treaty treaties decree decrees law laws agreement agreements accord accords document documents"
)
PERSONNEL = _words("reservists soldiers troops men citizens conscripts servicemen reserve people")
MOBILIZATION_KINDS = _words("partial general military full mass nationwide")
# Verbs whose infinitive still tells the event ("decided to withdraw"), and those that make it a plan.
ALLOWED_XCOMP_HEADS = _words(
    "order decide begin start continue manage complete finish force compel claim agree choose have be"
    " announce confirm say keep"
)
PLANNED_XCOMP_HEADS = _words("plan intend prepare aim expect threaten vow promise")
CASUALTY_WORDS = _words(
    "kill killed dead die died wounded injured wound injure casualty casualties lose lost loss losses"
)
QUANTITY_KINDS = {
    "capture": ("area_km2", "settlements"),
    "advance": ("distance_km", "area_km2", "settlements"),
    "withdrawal": ("distance_km", "troops"),
    "attack": ("fatalities", "injured", "casualties"),
    "mobilization": ("troops",),
    "casualties": ("fatalities", "injured", "casualties"),
    "evacuation": ("settlements",),
    "annexation": (),
}

# --- forces and parties --------------------------------------------------------------------------

# The parties of the conflict: a statement by one of them speaks of its own forces and gains.
PARTIES = frozenset(["RU", "UA"])
FORCES = _words("army forces force troops troop soldiers soldier military units unit servicemen")
ENEMY_WORDS = _words("them enemy invader invaders occupier occupiers russians ukrainians")
# What a party calls the other: "the enemy advanced", "the occupiers shelled".
HOSTILE_WORDS = _words("enemy invader occupier occupant aggressor adversary foe")

# --- the pre-filter ------------------------------------------------------------------------------
# nlp.prefilter parses only sentences with a surface form of a trigger above. Words too common to parse
# every time count only beside the word their trigger needs: a particle after them, or a cue anywhere.
PREFILTER_AFTER = {
    "pull": "back out away",
    "push": "out back on forward forwards ahead deeper onward onwards further into",
    "drive": "out back",
    "force": "out back",
    "kick": "out back",
    "blow": "up",
}
# What repels an attempt or an offensive, or what is attempted: "beat off three attempts", "attempts to
# break through".
_REPEL_CUES = REPEL_VERBS | frozenset(REPEL_PARTICLES) | ASSAULT_VERBS
PREFILTER_WITH = {
    **dict.fromkeys(
        REPELLED_NOUNS - set(NOUN_TRIGGERS) - (set(VERB_TRIGGERS) - set(PREFILTER_AFTER)), _REPEL_CUES
    ),
    "operation": OFFENSIVE_MODIFIERS,
    "move": CIVILIANS | FORCES | VESSELS,
    "bus": CIVILIANS,
    "ferry": CIVILIANS,
    "transport": CIVILIANS,
    "become": _words("part"),
    "establish": _words("control ground"),
    "gain": _words("control ground"),
    "assume": _words("control ground"),
    "hoist": _words("flag flags"),
    "come": _words("control"),
    "control": _words("km sq square settlements villages localities hectares") | FORCES,
    "defeat": FORCE_UNITS | _words("inflict inflicted inflicting"),
    "damage": _words("inflict inflicted inflicting"),
    "raise": _words("flag flags"),
}
# Verbs whose trigger needs a munition beside them; the munitions are in the pre-filter themselves.
PREFILTER_COVERED = IMPACT_VERBS | DELIVERY_VERBS
# Inflections that the rules of English spelling do not give.
IRREGULAR_FORMS = {
    "take": "took taken",
    "retake": "retook retaken",
    "strike": "struck stricken",
    "leave": "left",
    "flee": "fled",
    "drive": "drove driven",
    "withdraw": "withdrew withdrawn",
    "lose": "lost",
    "blow": "blew blown",
    "become": "became",
    "shoot": "shot",
    "fall": "fell fallen",
    "come": "came",
}

# --- places --------------------------------------------------------------------------------------

DIRECTIONS = _words("north south east west northeast northwest southeast southwest")
PLACE_PREPS = (
    _words(
        "from in into of around near at on within out across outside over inside through along throughout"
        " as including behind beyond"
    )
    | DIRECTIONS
)
SEND_VERBS = _words("send dispatch transfer move relocate redirect reinforce bring")
DESTINATION_PREPS = _words("to towards toward for direction")
STATIONED = _words("station base deploy locate situate position concentrate")
# Common nouns that stand for a place named before ("the city had been taken"), and the kind they stand for.
GENERIC_PLACES = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "settlement": "settlement",
    "capital": "settlement",
    "region": "region",
    "province": "region",
    "oblast": "region",
    "district": "region",
    "plant": "feature",
    "station": "feature",
    "dam": "feature",
    "bridge": "feature",
    "airport": "feature",
    "reservoir": "feature",
    "island": "feature",
}
# Objects of "abandon" and "take over" that are ground, besides named places.
TERRAIN = frozenset(GENERIC_PLACES) | _words(
    "position territory bridgehead base trench line area stronghold outpost airfield airport front island"
    " settlement locality bank height hill port factory building post checkpoint control"
)
# Common nouns a capture verb may take as ground: without one (or a place, a name, a pronoun) its object is a
# person or a thing and the verb no capture ("took him to a police station").
TERRITORY_NOUNS = TERRAIN | _words(
    "ground land city town village hamlet settlement locality community neighbourhood neighborhood suburb"
    " outskirt outskirts quarter street square district region province oblast territory area zone sector"
    " section flank frontline bridgehead foothold stronghold position line trench base airbase airfield"
    " airport port harbour harbor dam bridge crossing road highway railway junction hub station plant"
    " steelworks works factory mine facility complex building headquarters administration height hill ridge"
    " forest wood woods field farm coast coastline shore bank island peninsula border km kilometre kilometer"
    " mile hectare swath swathe"
)
# Nouns of a share whose "of" phrase holds the ground: "most of the city", "part of the region".
PARTITIVES = _words(
    "most part parts half all much rest remainder majority bulk share portion piece chunk percent % some"
    " several many dozen dozens hundred hundreds score scores number control"
)
# Personal pronouns stand for people, never ground: "he was taken to a police station".
PERSONAL_PRONOUNS = _words("he she him her i me you we us himself herself themselves")
CAPTURE_OBJECT_VERBS = _words("take retake recapture capture seize liberate free reclaim regain reoccupy")
# Nouns of a settlement that a region's name may locate: "the Donbas city of X".
LOCATING_NOUNS = _words("city town village capital port settlement hub stronghold")
OPINION_VERBS = _words("accuse blame urge warn fear worry believe hope think expect meet")

# --- speakers ------------------------------------------------------------------------------------

# Single offices remembered per document, so that a later bare "the governor" is the same person.
OFFICES = _words("governor mayor head chief commander spokesman spokeswoman ombudsman ministry minister")
# Words that open a headline label, not a speaker: "Update 3: ...", "Claim 1: ...".
HEADLINE_LABELS = _words(
    "claim update live breaking analysis opinion video photos watch explainer exclusive day map fact"
    " factbox timeline war ukraine russia"
)
# Bodies that speak for a side: "General Staff: ...".
BODY_WORDS = _words("staff army military forces office navy intelligence")
