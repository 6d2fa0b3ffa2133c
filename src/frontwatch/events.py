"""Event mentions: who did what, where, when, and who says so.

Sentences are split by rules; only those with a trigger word are parsed (`nlp.prefilter`). In a parsed
sentence each trigger (verbal or nominal) gets its arguments from the dependency tree: places linked by
object or preposition, the actor from subject, agent, possessive or adjective, date expressions in its
clause, quantities in its phrase. `claims` gives speaker and status. Repeated mentions of one event in a
document are merged.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from frontwatch import claims, nlp
from frontwatch.dates import DateMention, find_dates, parse_published
from frontwatch.fuse import REGION_WORDS, is_namesake
from frontwatch.quantities import Quantity, find_quantities
from frontwatch.records import DateRange, Document, EventMention, Evidence, Party, Place, PlaceMention

VERB_TRIGGERS = {
    "withdraw": "withdrawal",
    "retreat": "withdrawal",
    "regroup": "withdrawal",
    "redeploy": "withdrawal",
    "abandon": "withdrawal",
    "leave": "withdrawal",
    "exit": "withdrawal",
    "pull": "withdrawal",
    "evacuate": "evacuation",
    "annex": "annexation",
    "mobilize": "mobilization",
    "mobilise": "mobilization",
    "take": "capture",
    "retake": "capture",
    "recapture": "capture",
    "capture": "capture",
    "seize": "capture",
    "liberate": "capture",
    "enter": "capture",
    "reclaim": "capture",
    "regain": "capture",
    "restore": "capture",
    "reoccupy": "capture",
    "push": "capture",
    "drive": "capture",
    "force": "capture",
    "kick": "capture",
    "hoist": "capture",
    "raise": "capture",
    "advance": "advance",
    "strike": "attack",
    "shell": "attack",
    "bomb": "attack",
    "hit": "attack",
    "fire": "attack",
    "attack": "attack",
    "pound": "attack",
    "hammer": "attack",
    "bombard": "attack",
    "explode": "attack",
    "smash": "attack",
    "slam": "attack",
    "crash": "attack",
    "land": "attack",
    "rain": "attack",
}
# Verbs of impact tell an attack only with a weapon as subject: "rockets slammed into X", not "prices fell".
IMPACT_VERBS = frozenset(["explode", "smash", "slam", "crash", "land", "rain"])
_WEAPONS = ["missile", "rocket", "shell", "bomb", "drone", "projectile", "munition", "warhead"]
MUNITIONS = frozenset([*_WEAPONS, "mortar", "grenade", "artillery", "shrapnel"])
NOUN_TRIGGERS = {
    "withdrawal": "withdrawal",
    "retreat": "withdrawal",
    "redeployment": "withdrawal",
    "pullout": "withdrawal",
    "pullback": "withdrawal",
    "exit": "withdrawal",
    "evacuation": "evacuation",
    "annexation": "annexation",
    "mobilization": "mobilization",
    "mobilisation": "mobilization",
    "capture": "capture",
    "seizure": "capture",
    "liberation": "capture",
    "recapture": "capture",
    "restoration": "capture",
    "advance": "advance",
    "attack": "attack",
    "strike": "attack",
    "airstrike": "attack",
    "shelling": "attack",
    "bombing": "attack",
    "bombardment": "attack",
    "fire": "attack",
}
# Triggers too common in other senses ("take part", "hit hard", "left") count only with a place of their own.
_WEAK_VERBS = ["take", "hit", "fire", "enter", "leave", "exit", "raise", "push", "drive", "force", "kick"]
WEAK = frozenset([*_WEAK_VERBS, "restore", "pound", "hammer"])
# Verbs that drive the enemy out of a place ("pushed Russian troops out of X"): the pusher takes it.
EXPEL_VERBS = frozenset(["push", "drive", "force", "kick"])
CASUALTY_WORDS = frozenset(
    [
        "kill",
        "killed",
        "dead",
        "die",
        "died",
        "wounded",
        "injured",
        "wound",
        "injure",
        "casualty",
        "casualties",
    ]
)

DIRECTIONS = frozenset(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"])
PLACE_PREPS = (
    frozenset(
        [
            "from",
            "in",
            "into",
            "of",
            "around",
            "near",
            "at",
            "on",
            "within",
            "out",
            "across",
            "outside",
            "over",
            "inside",
            "through",
            "along",
            "throughout",
            "as",
            "including",
            "behind",
            "beyond",
        ]
    )
    | DIRECTIONS
)
SEND_VERBS = frozenset(["send", "dispatch", "transfer", "move", "relocate", "redirect", "reinforce", "bring"])
DESTINATION_PREPS = frozenset(["to", "towards", "toward", "for", "direction"])
STATIONED = frozenset(["station", "base", "deploy", "locate", "situate", "position", "concentrate"])
GENERIC_PLACES = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "capital": "settlement",
    "region": "region",
    "province": "region",
    "oblast": "region",
    "district": "region",
    "plant": "feature",
    "station": "feature",
}
# The parties of the conflict: a statement by one of them speaks of its own forces and gains.
PARTIES = frozenset(["RU", "UA"])
FORCES = frozenset(
    [
        "army",
        "forces",
        "force",
        "troops",
        "troop",
        "soldiers",
        "soldier",
        "military",
        "units",
        "unit",
        "servicemen",
    ]
)
ENEMY_WORDS = frozenset(
    ["them", "enemy", "invader", "invaders", "occupier", "occupiers", "russians", "ukrainians"]
)
# What a party calls the other: "the enemy advanced", "the occupiers shelled".
HOSTILE_WORDS = frozenset(["enemy", "invader", "occupier", "aggressor", "adversary", "foe"])
# Objects of "abandon" and "take over" that are ground, besides named places.
TERRAIN = frozenset(
    [
        *GENERIC_PLACES,
        "position",
        "territory",
        "bridgehead",
        "base",
        "trench",
        "line",
        "area",
        "stronghold",
        "outpost",
        "airfield",
        "airport",
        "front",
        "island",
        "settlement",
        "locality",
        "bank",
        "height",
        "hill",
        "port",
        "factory",
        "building",
        "post",
        "checkpoint",
        "control",
    ]
)
# Movement verbs that many people do: a departure or entry is military only with a force as its subject.
CIVIL_MOVES = frozenset(["leave", "exit", "abandon", "enter", "flee"])
# Objects of "take" that make an idiom, not a capture: "take place", "take part", "take a toll".
TAKE_IDIOMS = frozenset(
    [
        "place",
        "part",
        "toll",
        "step",
        "steps",
        "time",
        "action",
        "measure",
        "measures",
        "look",
        "note",
        "shape",
        "hold",
        "care",
        "effect",
        "charge",
        "advantage",
        "responsibility",
        "office",
        "power",
        "precaution",
        "precautions",
        "cover",
        "shelter",
        "aim",
        "refuge",
        "photo",
        "photos",
        "picture",
        "pictures",
        "question",
        "questions",
        "decision",
        "years",
        "months",
        "days",
        "weeks",
        "hours",
        "lives",
        "life",
        "stock",
        "risk",
        "stand",
        "pride",
        "notice",
        "seat",
        "turn",
        "interest",
        "root",
        "credit",
        "course",
        "form",
        "lead",
        "hit",
        "break",
        "oath",
    ]
)
# What a capture verb takes when it is no territory: people, vessels, goods ("captured two soldiers",
# "seized a yacht", "prisoners who were captured").
NOT_TERRITORY = frozenset(
    [
        "soldier",
        "soldiers",
        "fighter",
        "fighters",
        "man",
        "men",
        "woman",
        "women",
        "people",
        "person",
        "prisoner",
        "prisoners",
        "serviceman",
        "servicemen",
        "marine",
        "marines",
        "mercenary",
        "mercenaries",
        "volunteer",
        "volunteers",
        "citizen",
        "citizens",
        "national",
        "nationals",
        "journalist",
        "journalists",
        "father",
        "mother",
        "son",
        "daughter",
        "civilian",
        "civilians",
        "commander",
        "commanders",
        "officer",
        "officers",
        "pilot",
        "pilots",
        "crew",
        "sailor",
        "sailors",
        "hostage",
        "hostages",
        "member",
        "members",
        "yacht",
        "yachts",
        "superyacht",
        "ship",
        "ships",
        "vessel",
        "vessels",
        "tanker",
        "tankers",
        "boat",
        "boats",
        "plane",
        "planes",
        "aircraft",
        "jet",
        "jets",
        "helicopter",
        "tank",
        "tanks",
        "vehicle",
        "vehicles",
        "car",
        "cars",
        "equipment",
        "weapon",
        "weapons",
        "asset",
        "assets",
        "property",
        "properties",
        "cargo",
        "grain",
        "shipment",
        "shipments",
        "document",
        "documents",
        "data",
        "money",
        "fund",
        "funds",
        "account",
        "accounts",
        "trophy",
        "trophies",
        "ammunition",
        "drone",
        "drones",
        "regiment",
        "battalion",
        "brigade",
        "company",
        "platoon",
        "squad",
        "arms",
        "explosive",
        "explosives",
        "cache",
        "rifle",
        "rifles",
        "gun",
        "guns",
        "pistol",
        "pistols",
        "grenade",
        "grenades",
        "bomb",
        "bombs",
        "drug",
        "drugs",
        "narcotic",
        "narcotics",
        "consignment",
        "haul",
        "who",
    ]
)
# A nominal trigger as the object of these verbs is done by the verb's subject: "Russia launched strikes".
LIGHT_VERBS = frozenset(
    [
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "unleash",
        "make",
        "begin",
        "continue",
        "resume",
        "intensify",
        "step",
        "perform",
        "execute",
        "deliver",
        "inflict",
        "undertake",
        "start",
        "complete",
        "finish",
    ]
)
# ... and of these, for events a party declares of itself: "Moscow announced the annexation".
DECLARE_VERBS = frozenset(
    ["announce", "declare", "order", "proclaim", "formalize", "formalise", "sign", "decree", "complete"]
)
PERSONNEL = frozenset(
    ["reservists", "soldiers", "troops", "men", "citizens", "conscripts", "servicemen", "reserve", "people"]
)
MOBILIZATION_KINDS = frozenset(["partial", "general", "military", "full", "mass", "nationwide"])
ALLOWED_XCOMP_HEADS = frozenset(
    [
        "order",
        "decide",
        "begin",
        "start",
        "continue",
        "manage",
        "complete",
        "finish",
        "force",
        "compel",
        "claim",
        "agree",
        "choose",
        "have",
        "be",
        "announce",
        "confirm",
        "say",
    ]
)
PLANNED_XCOMP_HEADS = frozenset(["plan", "intend", "prepare", "aim", "expect", "threaten", "vow", "promise"])
QUANTITY_KINDS = {
    "capture": ("area_km2", "settlements"),
    "advance": ("distance_km", "area_km2", "settlements"),
    "withdrawal": ("distance_km", "troops"),
    "attack": ("fatalities", "injured", "casualties"),
    "mobilization": ("troops",),
    "casualties": ("fatalities", "injured", "casualties"),
    "evacuation": (),
    "annexation": (),
}


@dataclass
class _Context:
    """What earlier sentences of the document say, for pronouns and ellipsis."""

    speaker: Party | None = None
    actor: dict[str, str | None] = field(default_factory=dict)  # event type -> last actor side
    last_side: str | None = None
    place_states: dict[str, str] = field(default_factory=dict)  # place name as written -> country code
    focus_state: str | None = None  # country of the region the document is mostly about
    last_state: str | None = None  # country of the latest sentence whose local places lie in one state
    names: dict[str, str] = field(default_factory=dict)  # a titled speaker's surname -> side
    titles: dict[str, str] = field(
        default_factory=dict
    )  # a title word ("governor") -> side of its last holder

    def place_state(self, name: str) -> str | None:
        if name in self.place_states:
            return self.place_states[name]
        place = _resolve_name(name)
        return place.country if place is not None else None


@dataclass
class _Raw:
    type: str
    trigger: Token
    place: PlaceMention | None
    actor: Party
    source: Party | None
    status: str
    date: DateRange | None
    quantities: dict[str, float]
    sentence: nlp.Sentence
    order: tuple[int, int]


def extract_events(doc: Document, places: list[PlaceMention]) -> list[EventMention]:
    """Event mentions of one document, one row per (event, place), in text order with stable ids."""
    sentences = nlp.split_sentences(doc.text)
    pub = parse_published(doc.published)
    selected = [i for i, s in enumerate(sentences) if not s.heading and nlp.prefilter(s.text)]
    parsed = dict(zip(selected, nlp.parse(sentences[i].text for i in selected), strict=True))
    focus = _focus_region(places)
    ctx = _Context(focus_state=focus.country if focus is not None else None)
    for p in places:
        if p.place is not None and p.place.country:
            ctx.place_states.setdefault(p.mention, p.place.country)
            words = p.mention.split()  # "Mykolaiv region" names "Mykolaiv" too
            if len(words) > 1 and words[-1].lower() in REGION_WORDS:
                ctx.place_states.setdefault(" ".join(words[:-1]), p.place.country)
    raws: list[_Raw] = []
    local = sorted((p for p in places if _local_place(p)), key=lambda p: p.start)
    starts = [p.start for p in local]
    for i, sent in enumerate(sentences):
        states = {
            p.place.country
            for p in local[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            if p.place is not None
        }
        if i not in parsed:
            _update_speaker_cheaply(sent.text, ctx, tuple(states))
        else:
            raws.extend(_sentence_events(doc, sentences, i, parsed[i], places, pub, focus, ctx, parsed))
        if len(states) == 1:
            ctx.last_state = next(iter(states))
    return _finalise(doc, _merge(raws), pub)


def _local_place(p: PlaceMention) -> bool:
    """A place below the state that is not its seat of power: it tells which state a local official serves."""
    return p.place is not None and bool(p.place.country) and p.place.kind != "country" and not _metonym(p)


def event_types(text: str) -> set[str]:
    """Types of the event triggers in a text whatever their place: the typing step alone, for benchmarks on
    data whose places lie outside the gazetteer's reach. Weak triggers count with an object of their own."""
    sentences = [s for s in nlp.split_sentences(text) if nlp.prefilter(s.text)]
    out: set[str] = set()
    for sdoc in nlp.parse(s.text for s in sentences):
        for t in sdoc:
            ty = _trigger_type(t, {})
            if ty is None or claims.hypothetical(t) or _skip_for_intent(t):
                continue
            if t.lemma_.lower() in WEAK and not any(
                c.dep_ in ("dobj", "nsubjpass", "prep") for c in t.children
            ):
                continue
            if ty == "mobilization" and not _enough(t, ty, [], {}):
                continue
            out.add(ty)
        if any(q.kind in ("fatalities", "injured", "casualties") for q in find_quantities(sdoc.text)):
            out.add("casualties")
    return out


# --- one sentence ---------------------------------------------------------------------------------


def _sentence_events(
    doc: Document,
    sentences: list[nlp.Sentence],
    i: int,
    sdoc: Doc,
    places: list[PlaceMention],
    pub: date | None,
    focus: Place | None,
    ctx: _Context,
    parsed: dict[int, Doc],
) -> list[_Raw]:
    sent = sentences[i]
    span = sdoc[:]
    token_place = _token_places(sdoc, sent, places)
    triggers = [(t, ty) for t in sdoc if (ty := _trigger_type(t, token_place)) is not None]
    trigger_ids = {t.i for t, _ in triggers}
    states = tuple(p.place.country for p in token_place.values() if _local_place(p))  # type: ignore[union-attr]
    next_text = sentences[i + 1].text if i + 1 < len(sentences) else None
    next_hedge = next_text is not None and claims.next_sentence_hedged(next_text)
    next_events = _next_sentence_events(sentences, i, parsed, places) if next_hedge else set()
    dates = find_dates(sent.text, pub)
    quantities = find_quantities(sent.text)
    linked: dict[int, list[PlaceMention]] = {}
    blocked: set[int] = set()  # places inside some trigger's own phrase
    placed: set[int] = set()  # triggers of events told with a place of their own
    for t, ty in triggers:
        found, seen = _linked_places(t, ty, token_place, trigger_ids)
        linked[t.i] = found
        if not (claims.hypothetical(t) or _skip_for_intent(t)):
            blocked |= seen  # the place of a question ("whether X will withdraw from Y") stays free
            placed |= {t.i} if found else set()
    out: list[_Raw] = []
    sentence_speakers: list[Party] = []
    for t, ty in triggers:
        if _skip_for_intent(t):
            continue
        attribution = claims.find_attribution(span, t, ctx.speaker)
        speaker = attribution.speaker
        if speaker is None or attribution.pronoun:
            # a quotation: its speaker is named just before or after it ("...,” General X told the press)
            who = claims.quote_attribution(doc.text, sent.start + t.idx, sent.start + t.idx + len(t.text))
            if who is not None:
                speaker = (
                    ctx.speaker
                    if who.split()[0].lower() in claims.PRONOUNS
                    else Party(who, claims.side_of(who))
                )
                attribution = claims.Attribution(speaker, t, False)
        if speaker is None and attribution.cue is not None:
            speaker = ctx.speaker  # "This withdrawal, announced on Wednesday, ..."
        if speaker is not None:
            speaker = _titled_speaker(speaker, ctx, states)
        status = claims.status_of(t, attribution)
        if status is None:
            continue
        if _xcomp_planned(t):
            status = "planned" if status in ("reported", "claimed") else status
        if speaker is not None and speaker.name and not attribution.pronoun:
            sentence_speakers.append(speaker)
        sibling_placed = any(y == ty and x != t and x.i in placed for x, y in triggers)
        targets = _event_places(
            t, ty, linked, blocked, token_place, sdoc, sent, sentences, i, places, parsed, sibling_placed
        )
        qty = _quantities_for(t, ty, quantities, sum(1 for _, y in triggers if y == ty) == 1)
        if not targets and ty in ("capture", "advance") and (qty or (ty == "advance" and _has_distance(t))):
            carried = _carry_from_next(sentences, i, parsed, places)
            if carried is not None:
                place, extra = carried
                targets = [place]
                for k, v in extra.items():
                    qty.setdefault(k, v)
            elif focus is not None:
                targets = [PlaceMention(doc.doc_id, focus.name, -1, -1, focus)]
        if not _enough(t, ty, targets, qty):
            continue
        if (
            next_hedge
            and status in ("reported", "claimed", "planned")
            and _hedge_applies(ty, targets, next_events)
        ):
            status = "unconfirmed"
        actor = _actor(t, ty, attribution, speaker, ctx, token_place)
        if (
            ty in ("withdrawal", "capture", "advance")
            and (actor.name or "").lower() in claims.FIRST_PERSON
            and actor.side not in PARTIES
        ):
            continue  # "we'd left the city": a voice that speaks for no party tells of people, not forces
        same_type = {x.i for x, y in triggers if y == ty}
        when = _date_for(t, sent, dates, sdoc, trigger_ids, same_type, pub)
        for p in targets or [None]:
            out.append(_Raw(ty, t, p, actor, speaker, status, when, dict(qty), sent, (sent.start, t.idx)))
        if actor.side:
            ctx.actor[ty] = actor.side
            ctx.last_side = actor.side
    _merge_coordinated(out)
    _add_casualties(
        out, triggers, quantities, sent, span, ctx, next_text if not next_events else None, dates, states
    )
    for s in sentence_speakers[-1:]:
        ctx.speaker = s
    _update_speaker_from_parse(span, ctx, states)
    return _dedupe_sentence(out)


def _next_sentence_events(
    sentences: list[nlp.Sentence], i: int, parsed: dict[int, Doc], places: list[PlaceMention]
) -> set[tuple[str, str | None]]:
    """(type, place name) of the triggers of the next sentence; place None for every place of it."""
    if i + 1 not in parsed:
        return set()
    nxt, ndoc = sentences[i + 1], parsed[i + 1]
    token_place = _token_places(ndoc, nxt, places)
    types = {ty for t in ndoc if (ty := _trigger_type(t, token_place)) is not None}
    names = {p.place.name for p in token_place.values() if p.place is not None}
    return {(ty, n) for ty in types for n in names} | {(ty, None) for ty in types}


def _hedge_applies(ty: str, targets: list[PlaceMention], next_events: set[tuple[str, str | None]]) -> bool:
    """A withheld confirmation in the next sentence refers back to this event unless that sentence reports an
    event of its own; then only to an event of the same type and place."""
    if not next_events:
        return True
    if not targets:
        return (ty, None) in next_events
    return any((ty, p.place.name if p.place else None) in next_events for p in targets)


# Forms the model's lemmatizer leaves as they are.
LEMMA_FIXES = {"retook": "retake", "reoccupie": "reoccupy", "retakes": "retake"}


def _lemma(t: Token) -> str:
    lemma = t.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


def _trigger_type(t: Token, token_place: dict[int, PlaceMention]) -> str | None:
    lemma = _lemma(t)
    if t.i in token_place:
        return None
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        ty = VERB_TRIGGERS.get(lemma)
        if ty is None:
            return None
        if t.dep_ == "amod" and t.tag_ == "VBN":
            return None  # "the captured city", "Russian-annexed Crimea": a state described, not an event told
        prts = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod", "prep")}
        objs = {c.lemma_.lower() for c in t.children if c.dep_ in ("dobj", "nsubjpass")}
        if lemma == "pull":
            return ty if prts & {"back", "out"} else None
        if lemma in EXPEL_VERBS:
            return ty if _expels(t, prts) else None
        if lemma in IMPACT_VERBS:
            return ty if _munition_subject(t) else None
        if lemma in ("hoist", "raise"):
            return ty if "flag" in objs else None
        if lemma in CIVIL_MOVES and not _military_subject(t):
            return None  # "we'd left the city", "thousands of residents left"
        if lemma == "abandon" and not (objs & TERRAIN or any(_object_is_place(t, token_place))):
            return None  # "will abandon the idea"
        after = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
        if lemma == "take" and (prts & {"off", "offline"} or after in ("off", "offline", "off-line")):
            return None  # "the pipeline was taken off-line"
        if (
            lemma == "take"
            and "over" in prts
            and not (objs & TERRAIN or any(_object_is_place(t, token_place)))
        ):
            return None  # "taking over the blog", "took over as commander"
        if lemma == "take":
            if "back" in prts or "control" in objs:
                return ty
            if objs & TAKE_IDIOMS:
                return None
            if "surprise" in {g.lower_ for c in t.children for g in c.children}:
                return None
            return ty
        if lemma == "restore":
            return ty if objs & {"control", "village", "town", "settlement", "territory", "city"} else None
        if lemma == "fire" and t.dep_ in ("amod", "compound"):
            return None
        if lemma == "leave" and (
            sum(1 for c in t.children if c.dep_ in ("dobj", "dative")) > 1
            or any(c.dep_ == "dative" or (c.dep_ == "dobj" and _has_det(c, "no")) for c in t.children)
        ):
            return None  # "left the city no choice": a double object is no departure
        if ty == "capture" and _takes_no_territory(t, token_place):
            return None
        return ty
    if t.pos_ in ("NOUN", "PROPN"):
        ty = NOUN_TRIGGERS.get(lemma)
        if ty is None:
            return None
        if lemma == "fire" and not any(
            c.lemma_.lower() in ("artillery", "rocket", "mortar", "tank") for c in t.children
        ):
            return None
        if lemma == "restoration":
            objs = {g.lemma_.lower() for c in t.children if c.lower_ == "of" for g in c.subtree}
            return (
                ty
                if objs & {"control", "village", "town", "settlement", "territory", "city", "locality"}
                else None
            )
        if lemma == "advance" and t.dep_ == "compound":
            return None
        if (
            lemma == "advance"
            and t.head.lower_ == "in"
            and not any(c.dep_ in ("det", "poss", "amod") for c in t.children)
        ):
            return None  # "planned in advance"
        return ty
    return None


def _object_is_place(t: Token, token_place: dict[int, PlaceMention]) -> list[bool]:
    return [c.i in token_place for c in t.children if c.dep_ in ("dobj", "nsubjpass")]


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


def _governing_verb(t: Token, ty: str) -> Token | None:
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
    if t.dep_ == "dobj" and (
        lemma in LIGHT_VERBS or (lemma in DECLARE_VERBS and ty not in ("attack", "casualties"))
    ):
        return head
    return None


def _has_det(t: Token, word: str) -> bool:
    return any(c.dep_ == "det" and c.lower_ == word for c in t.children)


def _takes_no_territory(t: Token, token_place: dict[int, PlaceMention]) -> bool:
    """A capture verb whose object is a person or a thing ('captured two soldiers', 'seized a yacht')."""
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and t.dep_ in ("acl", "relcl") and t.tag_ == "VBN":
        objs = [t.head]  # "prisoners captured in May"
    if not objs and t.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in t.children):
        verb = t.head.head if t.dep_ == "pcomp" else t.head  # "the men were detained after being captured"
        objs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for o in objs:
        o = claims.antecedent(o)
        if o.i in token_place:
            return False
        words = {o.lemma_.lower(), o.lower_} | {c.lemma_.lower() for c in o.children if c.dep_ == "appos"}
        if words & NOT_TERRITORY:
            return True
    return False


def _token_places(sdoc: Doc, sent: nlp.Sentence, places: list[PlaceMention]) -> dict[int, PlaceMention]:
    out: dict[int, PlaceMention] = {}
    for p in places:
        if p.end <= sent.start or p.start >= sent.end or p.place is None:
            continue
        s, e = p.start - sent.start, p.end - sent.start
        for t in sdoc:
            if t.idx < e and t.idx + len(t.text) > s:
                out[t.i] = p
    return out


def _linked_places(
    trigger: Token, ty: str, token_place: dict[int, PlaceMention], trigger_ids: set[int]
) -> tuple[list[PlaceMention], set[int]]:
    """Places in the trigger's own phrase: objects, prepositions of place, lists, 'stationed in'."""
    found: list[tuple[PlaceMention, str]] = []
    seen: set[int] = set()
    start: list[tuple[Token, str]] = []
    for c in trigger.children:
        if _edge_ok(trigger, c, ty, first=True) or (c.i in token_place and c.dep_ not in ("nsubj", "poss")):
            start.append((c, c.lower_ if c.dep_ == "prep" else c.dep_))
    verb = _governing_verb(trigger, ty)
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and c.i > trigger.i - 20:
                start.append((c, c.lower_))
            elif c.dep_ == "dobj" and c != trigger:
                start.append((c, "dobj"))
    if trigger.dep_ in ("relcl", "acl") and trigger.head != trigger:
        head = trigger.head
        start.append((head, "dobj"))
        if head.dep_ == "appos" and head.head.i in token_place:
            start.append((head.head, "dobj"))
    stack = [(t, via, 0) for t, via in start]
    visited: set[int] = set()
    while stack:
        t, via, depth = stack.pop()
        if t.i in visited or depth > 7:
            continue
        visited.add(t.i)
        if t.i in token_place:
            pm = token_place[t.i]
            if id(pm) not in seen:
                seen.add(id(pm))
                found.append((pm, via))
            for c in t.children:
                if (c.dep_ in ("conj", "compound", "appos") and c.i in token_place) or c.dep_ == "conj":
                    stack.append((c, via, depth + 1))
            continue
        if t.lemma_.lower() == "direction":  # "in the direction of X": where a push heads, not where it is
            seen.update(id(token_place[x.i]) for x in t.subtree if x.i in token_place)
            continue
        if t.i in trigger_ids and t != trigger:
            continue
        if (
            t.pos_ in ("VERB", "AUX")
            and t.dep_ != "prep"
            and not (t.dep_ == "acl" and t.lemma_.lower() in STATIONED)
            and t != trigger.head
        ):
            continue  # another clause: its places are its own
        for c in t.children:
            if _edge_ok(t, c, ty):
                stack.append((c, c.lower_ if c.dep_ == "prep" else via, depth + 1))
    places = [p for p, _ in found]
    # A place named only to locate another ("Izyum in Kharkiv region") is not a place of the event.
    main = [p for p, via in found if via != "in"]
    containers = {
        id(p)
        for p, via in found
        if via == "in"
        and any(m.place and p.place and m is not p and m.place.admin1 == p.place.admin1 for m in main)
    }
    containers |= _locators(trigger.doc, token_place, {id(p) for p in places})
    # A region that holds a settlement of the same event ("X, near the front in Y region") only locates it.
    containers |= {
        id(p)
        for p, via in found
        if via == "in"
        and p.place is not None
        and p.place.kind == "region"
        and any(m.place and m.place.kind == "settlement" and m.place.admin1 == p.place.admin1 for m in places)
    }
    places = [p for p in places if id(p) not in containers]
    return sorted(places, key=lambda p: p.start), seen


# Nouns of a settlement that a region's name may locate: "the Donbas city of X".
LOCATING_NOUNS = frozenset(["city", "town", "village", "capital", "port", "settlement", "hub", "stronghold"])


def _locators(sdoc: Doc, token_place: dict[int, PlaceMention], found: set[int]) -> set[int]:
    """Places that only say where another found place lies: 'the Donbas city of X' (a modifier of a place
    noun whose 'of' names X) and 'X in Y' (Y attached to X or to the noun that names X)."""

    def other(x: Token, pm: PlaceMention) -> bool:
        q = token_place.get(x.i)
        return q is not None and q is not pm and id(q) in found

    out: set[int] = set()
    for i, pm in token_place.items():
        tok = sdoc[i]
        if id(pm) not in found or token_place.get(tok.head.i) is pm:
            continue  # the mention's own inner tokens
        head = tok.head
        if tok.dep_ in ("compound", "nmod", "amod", "poss") and head.lemma_.lower() in LOCATING_NOUNS:
            named = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
            if any(other(g, pm) for g in named):
                out.add(id(pm))
                continue
        if tok.dep_ == "pobj" and head.lower_ == "in" and head.head != head:
            owner = head.head
            located = [owner, *(g for c in owner.children if c.dep_ in ("prep", "appos")
                                for g in ([c] if c.dep_ == "appos" else c.children))]  # fmt: skip
            if any(other(x, pm) for x in located):
                out.add(id(pm))
    return out


def _edge_ok(head: Token, c: Token, ty: str, first: bool = False) -> bool:
    dep = c.dep_
    if dep == "prep":
        word = c.lower_
        if word in DESTINATION_PREPS and ty in ("withdrawal", "evacuation", "advance"):
            return False
        if word == "by":
            return False
        return word in PLACE_PREPS or (ty in ("attack", "capture") and word in ("to", "toward", "towards"))
    if dep in ("pobj", "dobj", "appos", "compound", "nmod", "pcomp", "attr", "conj", "npadvmod", "oprd"):
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            return False
        if dep == "appos" and c.lemma_.lower() in claims.TITLE_WORDS:
            return False  # "in X, the regional governor said": a speaker the parser hung on the place
        return not (dep == "npadvmod" and first)
    if dep == "nsubjpass" and first:
        return True
    if dep == "acl" and c.lemma_.lower() in STATIONED:
        return True
    if dep in ("advmod", "prt") and c.lower_ in ("out", "back", "north", "south", "east", "west"):
        return True
    return dep == "amod" and c.lower_ == "such"


def _event_places(
    t: Token,
    ty: str,
    linked: dict[int, list[PlaceMention]],
    blocked: set[int],
    token_place: dict[int, PlaceMention],
    sdoc: Doc,
    sent: nlp.Sentence,
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
    parsed: dict[int, Doc],
    sibling_placed: bool,
) -> list[PlaceMention]:
    own = [
        _directional(p, t, token_place, sdoc)
        for p in linked[t.i]
        if p.place is not None and p.place.kind != "country"
    ]
    if own and ty == "annexation":
        own = [_as_region(p) for p in own]  # states annex territories: a city's name stands for its region
    if own:
        return own
    if ty in ("mobilization", "casualties"):
        return []
    antecedent = _pronoun_place(t, token_place, sentences, i, places, parsed)
    if antecedent is not None:
        return [antecedent]
    if any(p.place is not None and p.place.kind == "country" for p in linked[t.i]):
        return []  # "attacks on Ukraine": a country-wide mention, no place of its own
    if t.lemma_.lower() in WEAK:
        return []
    generic = _generic_anaphor(t, sent, sentences, i, places)
    if generic is not None:
        return [generic]
    if _has_own_argument(t) or sibling_placed:
        return []  # "the strike came when Russia fired missiles into X": the placed sibling tells it
    return _nearest_free(t, sdoc, token_place, blocked)


def _pronoun_place(
    t: Token,
    token_place: dict[int, PlaceMention],
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
    parsed: dict[int, Doc],
) -> PlaceMention | None:
    """'X held out for months until Russian forces took it': 'it' is the place that is the subject of the
    clause before, in this sentence or the one before."""
    it = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lower_ == "it"), None)
    if it is None:
        it = next((g for c in t.children if c.dep_ == "prep" for g in c.children if g.lower_ == "it"), None)
    if it is None:
        return None
    found = _subject_place(t.doc[: it.i], token_place)
    if found is None and i > 0:
        prev = parsed.get(i - 1)
        if prev is None:
            prev = nlp.parse([sentences[i - 1].text])[0]
        found = _subject_place(prev[:], _token_places(prev, sentences[i - 1], places))
    return found


def _subject_place(span: Span, token_place: dict[int, PlaceMention]) -> PlaceMention | None:
    for tok in reversed(span):
        pm = token_place.get(tok.i)
        if pm is None or pm.place is None or pm.place.kind == "country":
            continue
        head = tok
        while head.dep_ in ("compound", "appos") and head.head != head:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            return pm
    return None


def _directional(p: PlaceMention, t: Token, token_place: dict[int, PlaceMention], sdoc: Doc) -> PlaceMention:
    """'advances south of Kharkiv' happened around the town, not in it: the event is in its region."""
    if p.place is None or p.place.kind != "settlement":
        return p
    head = next((sdoc[i] for i, q in token_place.items() if q is p), None)
    prep = head.head if head is not None else None
    if prep is None or prep.lower_ != "of":
        return p
    if prep.head.lower_ not in DIRECTIONS:
        return p
    region = _region_of(p.place)
    return PlaceMention(p.doc_id, p.mention, p.start, p.end, region) if region else p


def _as_region(p: PlaceMention) -> PlaceMention:
    if p.place is None or p.place.kind != "settlement":
        return p
    region = _region_of(p.place)
    return PlaceMention(p.doc_id, p.mention, p.start, p.end, region) if region else p


def _region_of(place: Place) -> Place | None:
    try:
        from frontwatch.gazetteer import region_for_admin1
    except ImportError:
        return None
    try:
        return region_for_admin1(place.admin1)
    except Exception:  # the gazetteer may be unavailable; the settlement then stands
        return None


def _has_own_argument(t: Token) -> bool:
    """True when the trigger names what it is about without a place ('withdrawal to Donetsk front')."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of", "out", "into", "in") and
               any(g.dep_ == "pobj" and g.lemma_.lower() not in FORCES for g in c.children)
               for c in t.children)  # fmt: skip


def _generic_anaphor(
    t: Token, sent: nlp.Sentence, sentences: list[nlp.Sentence], i: int, places: list[PlaceMention]
) -> PlaceMention | None:
    """'the city', 'this region', 'the power plant' in the trigger's phrase: the last such place before."""
    for tok in t.subtree:
        kind = GENERIC_PLACES.get(tok.lemma_.lower())
        if kind is None or tok.pos_ != "NOUN" or tok.is_sent_start:
            continue
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            continue
        if any(c.dep_ in ("prep", "compound", "appos") for c in tok.children):
            continue
        if tok.head.lemma_.lower() in FORCES and tok.head.i < tok.i:
            continue
        lo = sentences[max(0, i - 2)].start
        hi = sent.start + tok.idx
        cands = [p for p in places if lo <= p.start < hi and p.place is not None and p.place.kind == kind]
        if kind == "feature":
            cands = [p for p in cands if tok.lower_ in p.place.name.lower()]  # type: ignore[union-attr]
        if cands:
            return cands[-1]
    return None


def _nearest_free(
    t: Token, sdoc: Doc, token_place: dict[int, PlaceMention], blocked: set[int]
) -> list[PlaceMention]:
    """A place elsewhere in the sentence that no other trigger uses and that is not a speaker's place."""
    best: tuple[int, PlaceMention] | None = None
    own = {x.i for x in t.subtree}
    for i, pm in token_place.items():
        if pm.place is None or pm.place.kind == "country" or id(pm) in blocked or i in own:
            continue
        tok = sdoc[i]
        if _in_speaker_or_destination(tok) or (_metonym(pm) and not _located_action(tok)):
            continue
        d = abs(tok.i - t.i)
        if best is None or d < best[0]:
            best = (d, pm)
    return [best[1]] if best else []


def _metonym(pm: PlaceMention) -> bool:
    """A capital or seat of power named for its state ('Kyiv said', 'officials in Washington')."""
    name = pm.mention.replace("’", "'").lower()
    name = name[:-2] if name.endswith("'s") else name
    return pm.place is not None and pm.place.kind != "region" and name in claims.registry().words


def _located_action(tok: Token) -> bool:
    """'explosions shook Kyiv', 'fighting in Moscow': the place of an action, not of people or opinions."""
    while tok.dep_ in ("compound", "appos", "conj") and tok.head != tok:
        tok = tok.head
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() not in claims.REPORT_VERBS | OPINION_VERBS
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS - {"of", "from", "as", "including"}:
        verb = tok.head.head
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in claims.REPORT_VERBS | OPINION_VERBS
    return False


OPINION_VERBS = frozenset(
    ["accuse", "blame", "urge", "warn", "fear", "worry", "believe", "hope", "think", "expect", "meet"]
)


def _in_speaker_or_destination(tok: Token) -> bool:
    t = tok
    while t.head != t:
        if t.dep_ == "prep" and t.lower_ in DESTINATION_PREPS | {"after", "before", "since", "during"}:
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in claims.REPORT_VERBS:
            return True
        if t.dep_ == "appos" and t.lemma_.lower() in claims.TITLE_WORDS:
            return True
        if t.lemma_.lower() in ("visit", "trip", "talk", "meeting"):
            return True
        if t.lemma_.lower() in SEND_VERBS and t.pos_ == "VERB" and t != tok:
            return True  # "they will be sent to operations in X": where forces go, not where they leave
        t = t.head
    return False


def _skip_for_intent(t: Token) -> bool:
    """Goals, conditions and failures are not events: 'objectives ... to liberate', 'failed to take'."""
    if t.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True  # a purpose: "an operation to liberate X", "... was carried out to withdraw"
    cur = t
    for _ in range(6):
        if cur.head == cur:
            return False
        child, cur = cur, cur.head
        lemma = cur.lemma_.lower()
        if (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")) or child.dep_ == "relcl":
            return False
        if lemma in claims.REPORT_VERBS and cur.pos_ in ("VERB", "AUX"):
            return False
        if lemma in claims.INTENT_WORDS:
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


def _xcomp_planned(t: Token) -> bool:
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in PLANNED_XCOMP_HEADS


def _enough(t: Token, ty: str, targets: list[PlaceMention], qty: dict[str, float]) -> bool:
    if ty == "mobilization":
        if "troops" in qty:
            return True
        words = {c.lemma_.lower() for c in t.subtree} | {c.lower_ for c in t.children}
        return bool(words & MOBILIZATION_KINDS) or bool(
            {c.lemma_.lower() for c in t.children if c.dep_ == "dobj"} & PERSONNEL
        )
    if ty == "advance":
        return bool(targets) or "distance_km" in qty
    if ty == "capture" and not targets:
        return bool(qty)
    return bool(targets)


def _has_distance(t: Token) -> bool:
    return any(x.lower_ in ("km", "kilometers", "kilometres", "miles") for x in t.subtree)


def _quantities_for(t: Token, ty: str, quantities: list[Quantity], alone: bool) -> dict[str, float]:
    """Quantities in the trigger's phrase; anywhere in the sentence if it is the only trigger of its type."""
    kinds = QUANTITY_KINDS[ty]
    sub = list(t.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    out: dict[str, float] = {}
    for q in quantities:
        if q.kind not in kinds:
            continue
        inside = lo <= q.start < hi
        if inside or ty in ("attack", "mobilization", "casualties") or alone:
            out.setdefault(q.kind, q.value)
    return out


def _carry_from_next(
    sentences: list[nlp.Sentence], i: int, parsed: dict[int, Doc], places: list[PlaceMention]
) -> tuple[PlaceMention, dict[str, float]] | None:
    """'... took back 2,000 km². This includes 30 settlements in the X region.': the next sentence
    elaborates the event (no trigger of its own) and names its place."""
    if i + 1 >= len(sentences) or (i + 1) in parsed:
        return None
    nxt = sentences[i + 1]
    cands = [p for p in places if nxt.start <= p.start < nxt.end and p.place and p.place.kind != "country"]
    if not cands:
        return None
    extra = {q.kind: q.value for q in find_quantities(nxt.text) if q.kind in ("settlements", "area_km2")}
    if not extra:
        return None
    return cands[0], extra


# --- actor ---------------------------------------------------------------------------------------


def _actor(
    t: Token,
    ty: str,
    attribution: claims.Attribution,
    speaker: Party | None,
    ctx: _Context,
    token_place: dict[int, PlaceMention],
) -> Party:
    tok = _actor_token(t, ty)
    if tok is None and (under := _under_fire_side(t)) is not None:
        return Party(None, under)
    if tok is not None:
        low = tok.lower_
        if low in claims.FIRST_PERSON:
            return Party(tok.text, speaker.side if speaker else None)
        if low in claims.PRONOUNS:
            side = _pronoun_side(tok, t, attribution, speaker, ctx, ty)
            return Party(tok.text, side)
        tok = claims.antecedent(tok)
        text = claims.phrase(tok)
        side = claims.side_of(text) or _launcher_side(tok)
        if side is None and tok.lemma_.lower() in HOSTILE_WORDS and speaker and speaker.side in PARTIES:
            return Party(text, next(iter(PARTIES - {speaker.side})))  # "the enemy", in a party's words
        if side is None and tok == claims.blamed(t):
            return Party(text, None)  # "blamed the other side": no side to guess from context
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in claims.PRONOUNS]
        if side is None and poss:  # "its troops", "our units"
            if poss[0].lower_ in claims.FIRST_PERSON:
                return Party(text, speaker.side if speaker else None)
            return Party(text, _pronoun_side(poss[0], t, attribution, speaker, ctx, ty))
        if side is None and tok.i in token_place:
            place = token_place[tok.i].place
            side = place.country if place and place.kind == "country" else None
        if side is not None:
            return Party(text, side)
        if tok.lemma_.lower() not in FORCES and low not in FORCES:
            return Party(text, _default_side(ty, speaker, ctx, t))
        if attribution.cue is not None and speaker is not None and speaker.side in PARTIES and ty != "attack":
            # "the ministry said troops would regroup": its own troops; of attacks a party mostly reports
            # the other's
            return Party(text, speaker.side)
        return Party(text, _default_side(ty, speaker, ctx, t))
    return Party(None, _default_side(ty, speaker, ctx, t))


def _actor_token(t: Token, ty: str = "") -> Token | None:
    accused = claims.blamed(t)
    if accused is not None:
        return accused
    if t.pos_ in ("NOUN", "PROPN"):
        for c in t.children:
            if c.dep_ == "poss":
                return c
        # "the withdrawal of its troops" names who acts; "the capture of the town" names what is taken
        of_ok = ty in ("withdrawal", "advance", "mobilization", "")
        for c in t.children:
            if c.dep_ == "prep" and (c.lower_ == "by" or (of_ok and c.lower_ == "of")):
                for g in c.children:
                    if g.dep_ == "pobj" and (
                        g.lemma_.lower() in FORCES or g.lower_ in FORCES or claims.side_of(claims.phrase(g))
                    ):
                        poss = [x for x in g.children if x.dep_ == "poss"]
                        if poss and claims.side_of(claims.phrase(g)) is None:
                            return poss[0]  # "the withdrawal of its troops"
                        return g
        for c in t.children:
            if c.dep_ in ("amod", "compound") and claims.side_of(c.text):
                return c
        agent = _sibling_agent(t)
        if agent is not None:
            return agent
        verb = _governing_verb(t, ty)
        if verb is not None:
            who = claims._subject(verb)
            if who is not None and verb.lemma_.lower() not in claims.REPORT_VERBS | {"order"}:
                return who
            if who is not None and (claims.side_of(claims.phrase(who)) or who.lower_ in claims.PRONOUNS):
                return who  # "Moscow announced the annexation": who declares it, does it
        if t.dep_ == "nsubj":
            return None
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children) or (
        t.tag_ == "VBN" and t.dep_ == "acl"
    )
    if passive:
        for c in t.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if ty == "withdrawal":  # "its units were withdrawn": the forces moved are who withdraws
            for c in t.children:
                if c.dep_ == "nsubjpass" and (c.lemma_.lower() in FORCES or c.lower_ in FORCES):
                    return c
        if t.dep_ == "ccomp" and t.head.lemma_.lower() not in claims.REPORT_VERBS:
            # "the governor ordered that residents be evacuated": the one who orders acts
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    else:
        for c in t.children:
            if c.dep_ == "nsubj":
                return c
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return t.head  # "Ukrainian forces retaking Kherson"
    if t.dep_ == "xcomp":
        head = t.head
        for c in head.children:
            if c.dep_ == "dobj" and claims.side_of(claims.phrase(c)):
                return c
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if head.dep_ == "conj":
            return _actor_token(head.head, ty)
    if t.dep_ in ("conj",) and t.head.pos_ in ("VERB", "AUX"):
        return _actor_token(t.head, ty)
    if t.dep_ == "pcomp":
        return _subject_above(t.head.head)
    return _left_modifier(t)


def _subject_above(cur: Token) -> Token | None:
    """'Russia stood accused of shelling X', 'Moscow edges closer to seizing X': the subject of the clause
    that the trigger's phrase modifies, climbing through adjectives, adverbs and participles."""
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            if cur.lemma_.lower() in claims.REPORT_VERBS | claims.BLAME_VERBS and cur.dep_ not in (
                "advcl",
                "acomp",
            ):
                return None
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
        if cur.dep_ not in ("advmod", "acomp", "advcl", "oprd", "xcomp", "prep", "amod") or cur.head == cur:
            return None
        cur = cur.head
    return None


def _left_modifier(t: Token) -> Token | None:
    """'in Russian artillery shelling' parsed as a verb: a side named just before the gerund."""
    if t.tag_ != "VBG":
        return None
    for x in reversed(t.doc[max(0, t.i - 3) : t.i]):
        if x.pos_ not in ("ADJ", "NOUN", "PROPN", "PART"):
            return None
        if x.pos_ != "PART" and claims.side_of(x.text):
            return x
    return None


def _under_fire_side(t: Token) -> str | None:
    """'troops held out under heavy shelling': fire that a party is under comes from the other party."""
    if t.dep_ != "pobj" or t.head.lower_ != "under" or t.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    verb = t.head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    side = claims.side_of(claims.phrase(subj))
    return next(iter(PARTIES - {side})) if side in PARTIES else None


def _sibling_agent(t: Token) -> Token | None:
    """'the town came under bombardment by Moscow's forces': the 'by' hangs on the verb, not the noun."""
    if t.dep_ != "pobj" or t.head.lower_ not in ("under", "in", "from") or t.head.head.pos_ != "VERB":
        return None
    for c in t.head.head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _pronoun_side(
    tok: Token, t: Token, attribution: claims.Attribution, speaker: Party | None, ctx: _Context, ty: str
) -> str | None:
    # "the Ukrainian army continues its attacks", "Russia will focus on the territories it annexed":
    # the nearest subject above that is not itself a pronoun
    cur = t
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX"):
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass") and not claims.is_pronoun(c):
                    side = claims.side_of(claims.phrase(c))
                    if side:
                        return side
        if cur.head == cur or (cur.lemma_.lower() in claims.REPORT_VERBS and cur.pos_ in ("VERB", "AUX")):
            break
        cur = cur.head
    # Inside reported speech a third-person pronoun most often is the speaker ("the ministry said it had").
    if attribution.cue is not None and speaker is not None and speaker.side:
        return speaker.side
    return ctx.actor.get(ty) or ctx.last_side


def _launcher_side(tok: Token) -> str | None:
    """'Ukraine launched a counteroffensive that ...': an operation is done by whoever launched it."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in LIGHT_VERBS:
        return None
    who = claims._subject(tok.head)
    if who is None or claims.is_pronoun(who):
        return None
    return claims.side_of(claims.phrase(who))


def _expelled_side(t: Token) -> str | None:
    """'pushed Russian forces out of X' with no pusher named: the other belligerent pushed them."""
    if t.lemma_.lower() not in EXPEL_VERBS:
        return None
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            side = claims.side_of(claims.phrase(c))
            if side in PARTIES:
                return next(iter(PARTIES - {side}))
    return None


def _default_side(ty: str, speaker: Party | None, ctx: _Context, t: Token | None = None) -> str | None:
    expelled = _expelled_side(t) if t is not None else None
    if expelled is not None:
        return expelled
    # A party announces its own gains, call-ups and evacuations; otherwise the last actor of this kind.
    # A passive without agent ("before the town was captured") does not say whose gain it was.
    passive = t is not None and any(c.dep_ == "auxpass" for c in t.children)
    if (
        ty in ("capture", "advance", "evacuation", "mobilization", "annexation")
        and speaker
        and speaker.side in PARTIES
        and not (passive and ty == "capture")
    ):
        return speaker.side
    return ctx.actor.get(ty)


# --- date ----------------------------------------------------------------------------------------


def _date_for(
    t: Token,
    sent: nlp.Sentence,
    dates: list[DateMention],
    sdoc: Doc,
    trigger_ids: set[int],
    same_type: set[int],
    pub: date | None,
) -> DateRange | None:
    if not dates:
        return None
    future = claims._future(t)
    if future:
        dates = find_dates(sent.text, pub, future=True)

    def tokens_of(d: DateMention) -> list[Token]:
        return [x for x in sdoc if d.start <= x.idx < d.end]

    own = {x.i for x in t.subtree}
    for d in dates:
        toks = tokens_of(d)
        if toks and all(x.i in own for x in toks) and not _under_other_trigger(toks[0], t, trigger_ids):
            return d.range
    # the statement's date: a date attached to the reporting verb above the trigger
    cur = t
    while cur.head != cur:
        cur = cur.head
        if cur.lemma_.lower() in claims.REPORT_VERBS:
            for d in dates:
                toks = tokens_of(d)
                if toks and any(x.head == cur or x.head.head == cur for x in toks):
                    return d.range
    others = trigger_ids - same_type
    for d in dates:
        toks = tokens_of(d)
        if toks and not any(_under_other_trigger(x, None, others) for x in toks):
            return d.range
    return None


def _under_other_trigger(x: Token, t: Token | None, trigger_ids: set[int]) -> bool:
    cur = x
    while cur.head != cur:
        cur = cur.head
        if t is not None and cur == t:
            return False
        if cur.i in trigger_ids:
            return True
    return False


# --- casualties, coordination, merging -----------------------------------------------------------


def _add_casualties(
    out: list[_Raw],
    triggers: list[tuple[Token, str]],
    quantities: list[Quantity],
    sent: nlp.Sentence,
    span: Span,
    ctx: _Context,
    next_text: str | None,
    dates: list[DateMention],
    states: tuple[str, ...] = (),
) -> None:
    """A count of dead or wounded not tied to an attack in the same sentence is a casualties event."""
    if any(r.type == "attack" for r in out):
        return
    qty = {q.kind: q.value for q in quantities if q.kind in ("fatalities", "injured", "casualties")}
    if not qty:
        return
    cue = next((x for x in span if x.lemma_.lower() in CASUALTY_WORDS or x.lower_ in CASUALTY_WORDS), None)
    if cue is None:
        return
    attribution = claims.find_attribution(span, cue, ctx.speaker)
    speaker = attribution.speaker
    if speaker is None:
        doc_text = sent.text
        who = claims.quote_attribution(doc_text, cue.idx, cue.idx + len(cue.text))
        if who:
            speaker = Party(who, claims.side_of(who))
            attribution = claims.Attribution(speaker, cue, False)
    if speaker is not None and not attribution.pronoun:
        speaker = _titled_speaker(speaker, ctx, states)
    status = claims.status_of(cue, attribution, next_text) or "reported"
    side = claims.side_of(span.text)
    out.append(
        _Raw(
            "casualties",
            cue,
            None,
            Party(None, side),
            speaker,
            status,
            None,
            qty,
            sent,
            (sent.start, cue.idx),
        )
    )
    if dates:
        out[-1].date = dates[0].range  # "on 8 April, ... killing 59 people"


def _merge_coordinated(out: list[_Raw]) -> None:
    """'advanced seven km, took control of six localities': coordinated triggers without a place of their own
    report one event; their quantities join the first."""
    for r in list(out):
        t = r.trigger
        if t.dep_ != "conj" or r.place is None:
            continue
        first = t.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        head = next(
            (h for h in out if h.trigger in (t.head, first) and h.place is not None and h is not r), None
        )
        if head is None or head.place.place != r.place.place or not _may_be_one(head, r):
            continue
        for k, v in r.quantities.items():
            head.quantities.setdefault(k, v)
        out.remove(r)


def _dedupe_sentence(out: list[_Raw]) -> list[_Raw]:
    keep: list[_Raw] = []
    for r in out:
        same = next(
            (k for k in keep if k.type == r.type and _same_place(k.place, r.place) and _may_be_one(k, r)),
            None,
        )
        if same is None:
            keep.append(r)
            continue
        _absorb(same, r)
    return keep


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return a is b
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    return pa.name == pb.name and pa.kind == pb.kind


def _absorb(keep: _Raw, other: _Raw) -> None:
    for k, v in other.quantities.items():
        keep.quantities.setdefault(k, v)
    if keep.date is None:
        keep.date = other.date
    if keep.actor.side is None and other.actor.side is not None:
        keep.actor = other.actor
    if keep.source is None:
        keep.source = other.source


def _may_be_one(a: _Raw, b: _Raw) -> bool:
    """Two mentions of a type and place may be one event: no two known actors, no two disjoint dates."""
    if a.actor.side and b.actor.side and a.actor.side != b.actor.side:
        return False
    return not (a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start))


def _status_class(s: str) -> str:
    return s if s in ("denied", "unconfirmed") else "asserted"


def _namesakes(a: _Raw, b: _Raw) -> bool:
    """A town and the region named after it, the region named by the bare name ("Kherson"), which may mean
    either; "the Kherson region" said in so many words is a claim of its own."""
    if a.place is None or b.place is None or a.place.place is None or b.place.place is None:
        return False
    if {a.place.place.kind, b.place.place.kind} != {"settlement", "region"}:
        return False
    town, region = (a, b) if a.place.place.kind == "settlement" else (b, a)
    if _says_region(region):
        return False
    return is_namesake(town.place.place, region.place.place)  # type: ignore[union-attr,arg-type]


def _says_region(r: _Raw) -> bool:
    """The mention's words call it a region: 'Kherson Oblast', 'the Kherson region', 'region of Kherson'."""
    p, text = r.place, r.sentence.text
    if p is None or p.start < 0:
        return False
    s, e = p.start - r.sentence.start, p.end - r.sentence.start
    words = text[max(0, s - 12) : e + 12].casefold().replace("(", " ").split()
    return any(w.strip(".,;:)") in REGION_WORDS for w in words)


def _merge(raws: list[_Raw]) -> list[_Raw]:
    """Repeated mentions of one event in one document (same type, place, actor, source side, certainty).
    Mentions in different sentences at a town and at the region named after it are one event too; the
    town, the finer place, stands for it."""
    keep: list[_Raw] = []
    for r in raws:
        match = None
        for k in keep:
            namesake = k.sentence is not r.sentence and _namesakes(k, r)
            if k.type != r.type or not (namesake or _same_place(k.place, r.place)):
                continue
            if _status_class(k.status) != _status_class(r.status) or not _may_be_one(k, r):
                continue
            ks, rs = (k.source.side if k.source else None), (r.source.side if r.source else None)
            if ks and rs and ks != rs:
                continue
            match = k
            break
        if match is None:
            keep.append(r)
            continue
        if (
            r.place
            and r.place.place
            and r.place.place.kind == "settlement"
            and not _same_place(match.place, r.place)
        ):
            match.place = r.place
        _absorb(match, r)
    return keep


def _finalise(doc: Document, raws: list[_Raw], pub: date | None) -> list[EventMention]:
    out: list[EventMention] = []
    for n, r in enumerate(sorted(raws, key=lambda r: r.order)):
        when = r.date
        if when is None and pub is not None and r.status != "planned":
            when = DateRange(pub.isoformat(), pub.isoformat(), "day", "")  # the dateline: reported as news
        background = bool(when and pub and date.fromisoformat(when.end) < pub - timedelta(days=7))
        out.append(
            EventMention(
                event_id=f"{doc.doc_id}:{n}",
                doc_id=doc.doc_id,
                type=r.type,  # type: ignore[arg-type]
                actor=r.actor,
                place=r.place.place if r.place else None,
                date=when,
                status=r.status,  # type: ignore[arg-type]
                source=r.source,
                quantities=r.quantities,
                evidence=Evidence(r.sentence.text, r.sentence.start, r.sentence.end),
                trigger=r.trigger.text,
                background=background,
            )
        )
    return out


# --- document context ----------------------------------------------------------------------------


# Single offices remembered per document, so that a later bare "the governor" is the same person.
OFFICES = frozenset(
    ["governor", "mayor", "head", "chief", "commander", "spokesman", "spokeswoman", "ombudsman"]
)


@lru_cache(maxsize=4096)
def _resolve_name(name: str) -> Place | None:
    try:
        from frontwatch.toponyms import resolve_name
    except ImportError:
        return None
    try:
        return resolve_name(name)
    except Exception:  # the gazetteer may be unavailable; the title then tells no side
        return None


def _surname(name: str, ctx: _Context) -> str | None:
    """The last capitalised word of a speaker phrase that is neither a title nor a place: the person."""
    words = [w.strip(",.") for w in name.replace("’", "'").split()]
    for w in reversed(words):
        if w[:1].isupper() and w.lower() not in claims.TITLE_WORDS and w not in ctx.place_states:
            if w.endswith("'s") or w.lower() in ("the", "mr", "mrs", "ms", "dr"):
                continue
            return w.lower()
    return None


def _titled_speaker(party: Party, ctx: _Context, sentence_states: tuple[str, ...] = ()) -> Party:
    """A speaker's side from the title ('the governor of X', 'a Ukrainian MP'); for a local office ('the
    regional governor') from the places of the sentence; else from the same surname or, for a bare title,
    the same office met last in the document; a local office left unknown serves the state of the places
    named last. A side read from a title is kept for later mentions of the same person or office."""
    name = party.name
    if not name:
        return party
    side = claims.speaker_side(name, ctx.place_state)
    from_title = side is not None
    surname = _surname(name, ctx)
    titles = [w.lower() for w in claims._tokens(name) if w.lower() in OFFICES]
    local = claims.is_titled(name) and _local_office(name)
    if side is None and local and len(states := set(sentence_states)) == 1:
        side = next(iter(states))
        from_title = True  # the office of the one state whose places the sentence names
    if side is None and surname:
        side = ctx.names.get(surname)
    if side is None and not surname:  # a bare "the governor": the last governor named
        side = next((ctx.titles[w] for w in titles if w in ctx.titles), None)
    if side is None:
        side = party.side
    if side is None and local:
        side = ctx.last_state or ctx.focus_state
    if from_title and claims.is_titled(name):
        if surname:
            ctx.names[surname] = side  # type: ignore[assignment]
        for w in titles:
            ctx.titles[w] = side  # type: ignore[assignment]
    return party if side == party.side else Party(name, side)


def _local_office(name: str) -> bool:
    words = {w.lower() for w in claims._tokens(name)}
    local = {"governor", "governors", "mayor", "mayors", "regional", "region's", "city's", "local"}
    return bool(words & local) and not (words & claims.OCCUPATION_WORDS)


def _focus_region(places: list[PlaceMention]) -> Place | None:
    """The region the document is mostly about, for quantified events that name no place."""
    counts = Counter(
        p.place.admin1
        for p in places
        if p.place and p.place.admin1 and p.place.kind != "country" and not _metonym(p)
    )
    if not counts:
        return None
    admin1, _ = counts.most_common(1)[0]
    for p in places:
        if p.place and p.place.kind == "region" and p.place.admin1 == admin1:
            return p.place
    try:
        from frontwatch.gazetteer import region_for_admin1
    except ImportError:
        return None
    return region_for_admin1(admin1)


def _update_speaker_from_parse(span: Span, ctx: _Context, states: tuple[str, ...] = ()) -> None:
    for t in span:
        if t.lemma_.lower() in ("say", "tell", "announce", "state", "claim", "report") and t.pos_ == "VERB":
            who = claims._subject(t)
            if who is not None and not claims.is_pronoun(who):
                text = claims.phrase(who)
                ctx.speaker = _titled_speaker(Party(text, claims.side_of(text)), ctx, states)


def _update_speaker_cheaply(text: str, ctx: _Context, states: tuple[str, ...] = ()) -> None:
    import re

    m = re.search(
        r"(?:^|[,”\"]\s*)((?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,6}?)(?:said|says|told|announced|stated|added|explained)\b",
        text,
    )
    if m:
        who = m.group(1).strip()
        if who.lower() not in claims.PRONOUNS:
            ctx.speaker = _titled_speaker(Party(who, claims.side_of(who)), ctx, states)


__all__ = ["event_types", "extract_events", "replace"]
