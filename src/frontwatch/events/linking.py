"""The places a trigger's own phrase links to: by object or preposition, through the verb that begins or
repels it, lists of names, "stationed in".

Places that only locate another ("X in Y region", "the Donbas city of X"), rivers beside a town, and the
destinations of a withdrawal are kept out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontwatch import claims, lang
from frontwatch.events.annotations import places_at
from frontwatch.events.forces import share_of
from frontwatch.events.lexicon import (
    DESTINATION_PREPS,
    DIRECTIONS,
    DISTANCE_UNITS,
    GENERIC_PLACES,
    LOCATING_NOUNS,
    NEAR_WORDS,
    NOTICED,
    PLACE_PREPS,
    STATIONED,
    UNIT_KM,
)
from frontwatch.events.relations import (
    finite_modifier,
    governing_verb,
    opposing_verb,
    theme_subject,
)
from frontwatch.records import Place, PlaceMention


def linked_places(trigger: Token, ty: str, trigger_ids: set[int]) -> tuple[list[PlaceMention], set[int]]:
    """Places in the trigger's own phrase: objects, prepositions of place, lists, 'stationed in'."""
    token_place = places_at(trigger.doc)
    found: list[tuple[PlaceMention, str]] = []
    seen: set[int] = set()
    start: list[tuple[Token, str]] = []
    for c in trigger.children:
        if _edge_ok(trigger, c, ty, first=True) or (c.i in token_place and c.dep_ not in ("nsubj", "poss")):
            start.append((c, c.lower_ if c.dep_ == "prep" else c.dep_))
    subj = _shared_passive_subject(trigger)
    if subj is not None:
        start.append((subj, "nsubjpass"))
    verb = governing_verb(trigger, ty)
    if verb is not None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and c.i > trigger.i - 20:
                start.append((c, c.lower_))
            elif c.dep_ == "dobj" and c != trigger:
                start.append((c, "dobj"))
    if ty == "evacuation" and trigger.pos_ == "NOUN":
        # "the evacuation of families with children from X": where the people it names are moved from
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                start += [(x, "from") for x in c.subtree if x.dep_ == "prep" and x.lower_ == "from"]
    aspect = _aspect_verb(trigger)
    if aspect is not None:  # "evacuations had begun from X": the verb only says how far the event has got
        start += _place_preps(aspect)
        if trigger.dep_ == "xcomp":  # "started evacuating A, B and the district of C"
            start += [(c, "dobj") for c in aspect.children if c.dep_ == "dobj"]
    opposing = opposing_verb(trigger)
    if opposing is not None:  # "repelled assaults near X, Y and Z": where repelled is where they came
        start += _place_preps(opposing)
        for c in opposing.children:  # "downed 35 missiles, more than 20 of them over X"
            if (c.dep_ in ("npadvmod", "appos") and c != trigger) or (c.dep_ == "conj" and c.like_num):
                start += _place_preps(c)
    start += _listed_after_colon(trigger)
    if ty == "attack":  # "a strike with precision weapons against facilities in X": the target on the weapon
        start += [
            (p, p.lower_)
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
            for p in g.children
            if p.dep_ == "prep" and p.lower_ in ("against", "on", "at")
        ]
    if (
        trigger.dep_ == "conj"
        and trigger.head.pos_ in ("VERB", "AUX")
        and trigger.head.i not in trigger_ids
        and not any(x.i in token_place for c, _ in _place_preps(trigger) for x in c.subtree)
    ):  # "units manoeuvred near X and moved back": the second verb of one subject shares the first's place
        start += [
            (c, via)
            for c, via in _place_preps(trigger.head)
            if c.i < trigger.i and (via != "from" or ty in ("withdrawal", "evacuation"))
        ]  # where the first verb came from is no place of a capture or an attack
    if ty == "withdrawal":  # "the troops stationed around X moved out": where they were is what they left
        start += _stationed_preps(trigger)
    theme = theme_subject(trigger)
    if theme is not None:  # "X fell to Russian forces", "X and Y became part of Russia"
        start.append((theme, "nsubjpass"))
    start += _copula_preps(trigger)  # "the focus of the attack was near A and B"
    hit = _under_subject(trigger)
    if hit is not None:  # "the village came under fire from X": the subject is what was hit
        start.append((hit, "nsubjpass"))
    if (trigger.dep_ in ("relcl", "acl") or finite_modifier(trigger)) and trigger.head != trigger:
        head = trigger.head
        start.append((head, "dobj"))
        if head.dep_ == "appos" and head.head.i in token_place:
            start.append((head.head, "dobj"))
    stack = [(t, via, 0) for t, via in start]
    visited: set[int] = set()
    while stack:
        t, via, depth = stack.pop()
        if t.i in visited or depth > 9:
            continue
        visited.add(t.i)
        if t.i in token_place:
            pm = token_place[t.i]
            if id(pm) not in seen:
                seen.add(id(pm))
                found.append((pm, via))
            for c in t.children:
                # "near A and B C": the parser may hang the first of two names on the second as nmod
                if (c.dep_ in _LIST_DEPS and c.i in token_place) or c.dep_ == "conj":
                    stack.append((c, via, depth + 1))
            continue
        # "in the direction of X": where a push heads, not where it is; an attack there is fought there
        if t.lemma_.lower() == "direction" and ty != "attack":
            seen.update(id(token_place[x.i]) for x in t.subtree if x.i in token_place)
            continue
        if t.i in trigger_ids and t != trigger:
            continue
        if (
            t.pos_ in ("VERB", "AUX")
            and t.dep_ != "prep"
            and not (t.dep_ == "acl" and t.lemma_.lower() in STATIONED | NOTICED)
            and t != trigger.head
        ):
            continue  # another clause: its places are its own
        for c in t.children:
            # "the whole Kyiv region": the parser may take a place before its noun for an adjective
            if _edge_ok(t, c, ty) or (c.dep_ == "amod" and c.i in token_place):
                # "in the part of X", "from the area of X": the first preposition says how X is linked
                nested_of = c.dep_ == "prep" and c.lower_ == "of"
                stack.append((c, c.lower_ if c.dep_ == "prep" and not nested_of else via, depth + 1))
    if ty in ("withdrawal", "evacuation"):  # "pulled back across the river", "to/on the left bank"
        found = [(p, via) for p, via in found if not _destination(p, via)]
    places = [p for p, _ in found]
    # A place named only to locate another ("Izyum in Kharkiv region") is not a place of the event.
    main = [p for p, via in found if via != "in"]
    containers = {
        id(p)
        for p, via in found
        if via == "in"
        and any(m.place and p.place and m is not p and m.place.admin1 == p.place.admin1 for m in main)
    }
    containers |= _locators(trigger.doc, {id(p) for p in places})
    # A region that holds a settlement or a site of the same event ("X, near the front in Y region", "the dam
    # ..., in the part of the Y region") only locates it.
    containers |= {
        id(p)
        for p, via in found
        if via == "in"
        and p.place is not None
        and p.place.kind == "region"
        and any(
            m.place and m.place.kind in ("settlement", "feature") and m.place.admin1 == p.place.admin1
            for m in places
        )
    }
    # A river beside a town or a site names where it lies ("X, on the bank of the Y river"): no one takes
    # a river.
    if ty != "attack" and any(p.place is not None and not _river(p.place) for p in places):
        containers |= {id(p) for p in places if p.place is not None and _river(p.place)}
    places = [p for p in places if id(p) not in containers]
    return sorted(places, key=lambda p: p.start), seen


# Verbs that tell how far an event has got, its subject being the event: "the withdrawal was completed".
_ASPECT_VERBS = lang.words("events/arguments/aspect_verbs")


# How the names of a list hang on each other ("A, B and C", "the town of A", "A and B C").
_LIST_DEPS = ("conj", "compound", "appos", "nmod")


def _place_preps(verb: Token) -> list[tuple[Token, str]]:
    return [(c, c.lower_) for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]


def _listed_after_colon(t: Token) -> list[tuple[Token, str]]:
    """'liberated five villages in the X region: A, B and C': a counted noun of places as the trigger's
    object, named one by one after a colon."""
    token_place = places_at(t.doc)
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    nouns = [
        o
        for o in objs
        if o.tag_ == "NNS" and GENERIC_PLACES.get(o.lemma_.lower()) in ("settlement", "region")
    ]
    if not nouns:
        return []
    colon = next((x for x in t.doc[nouns[0].i + 1 :] if x.text == ":"), None)
    if colon is None or any(x.pos_ in ("VERB", "AUX") for x in t.doc[nouns[0].i + 1 : colon.i]):
        return []  # the colon must follow the noun's own phrase
    first = next((x for x in t.doc[colon.i + 1 :] if x.i in token_place or x.pos_ == "PROPN"), None)
    if first is None or any(x.pos_ in ("VERB", "AUX") for x in t.doc[colon.i + 1 : first.i]):
        return []
    return [(first, "dobj")]


def _river(place: Place) -> bool:
    return place.kind == "feature" and "river" in place.name.lower().split()


def _stationed_preps(t: Token) -> list[tuple[Token, str]]:
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    subj = share_of(subj)
    return [
        p for c in subj.children if c.dep_ == "acl" and c.lemma_.lower() in STATIONED for p in _place_preps(c)
    ]


def _aspect_verb(t: Token) -> Token | None:
    nominal = t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")
    if not (nominal or (t.dep_ == "xcomp" and t.tag_ == "VBG")):
        return None
    return t.head if t.head.lemma_.lower() in _ASPECT_VERBS else None


_PAST_LINE = lang.words("events/arguments/past_line_preps")


def _destination(p: PlaceMention, via: str) -> bool:
    """Where a withdrawing force or moved people end up: past a line ('across the river'), or a river bank
    reached ('withdrawal on the left bank')."""
    if via in _PAST_LINE:
        return True
    return via in ("on", "onto") and p.place is not None and "bank" in p.place.name.lower().split()


def _copula_preps(trigger: Token) -> list[tuple[Token, str]]:
    """The place phrases of 'be' when the trigger is (in) its subject: 'the attack was near X', 'the focus
    of Russia's main attack was near A and B'."""
    t = trigger
    while t.dep_ in ("pobj", "prep") and t.head.pos_ in ("NOUN", "ADP"):
        t = t.head
    if t.dep_ != "nsubj" or t.head.lemma_ != "be":
        return []
    return _place_preps(t.head)


def _under_subject(trigger: Token) -> Token | None:
    """The subject of 'came under fire', 'was under attack', 'remained under shelling'."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _shared_passive_subject(t: Token) -> Token | None:
    """'X lies on a river and was seized by Russian troops': a passive verb joined to another with no subject
    of its own shares that verb's subject."""
    if t.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in t.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return None
    return next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _locators(sdoc: Doc, found: set[int]) -> set[int]:
    """Places that only say where another found place lies: 'the Donbas city of X' (a modifier of a place
    noun whose 'of' names X) and 'X in Y', 'X near Y' (Y attached to X or to the noun that names X)."""
    token_place = places_at(sdoc)

    def other(x: Token, pm: PlaceMention, region_ok: bool = True) -> bool:
        q = token_place.get(x.i)
        if q is None or q is pm or id(q) not in found:
            return False
        return region_ok or (q.place is not None and q.place.kind != "region")

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
        # "settlements X and Y of the Z region": a region after a name places it
        if (
            pm.place is not None
            and pm.place.kind == "region"
            and tok.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.pos_ == "PROPN"
        ):
            out.add(id(pm))
            continue
        # "X in Y", "X near Y", "X outside Y": Y only places X
        if tok.dep_ == "pobj" and head.lower_ in ("in", "near", "outside") and head.head != head:
            owner = head.head
            located = [owner, *(g for c in owner.children if c.dep_ in ("prep", "appos")
                                for g in ([c] if c.dep_ == "appos" else c.children))]  # fmt: skip
            if (
                head.lower_ != "in"
            ):  # "took (the village of) X near Y": the parser may hang "near Y" on the verb
                for obj in (
                    c
                    for c in owner.children
                    if c.dep_ == "dobj" and not any(x.dep_ == "conj" for x in c.children)
                ):
                    located += [
                        obj,
                        *(
                            g
                            for c in obj.children
                            if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children
                        ),
                    ]
            # "attacked positions near X and Y in Z region": a region is not what "near X" places
            if any(other(x, pm, region_ok=head.lower_ == "in") for x in located):
                out.add(id(pm))
    return out


# Beyond this distance from a town, a place told by its bearing from the town is not at the town.
FAR_KM = 30.0


def _told_km(direction: Token) -> float:
    """The distance a bearing is told at ("200 miles east of X": 322 km), 0 when none is told."""
    for unit in direction.subtree:
        per_unit = UNIT_KM.get(unit.lower_)
        if per_unit is None:
            continue
        for n in unit.children:
            try:
                return float(n.text.replace(",", "")) * per_unit
            except ValueError:
                continue
    return 0.0


def _locates_place_before(bearing: Token) -> bool:
    """'captured the village of Y, north of X': a bearing set off by a comma after a place tells where that
    place lies, not a second place of the event."""
    doc = bearing.doc
    return bearing.i >= 2 and doc[bearing.i - 1].text == "," and (bearing.i - 2) in places_at(doc)


def _edge_ok(head: Token, c: Token, ty: str, first: bool = False) -> bool:
    dep = c.dep_
    if dep == "prep":
        word = c.lower_
        if word == "by":  # an agent, no place; but "advanced by 5 km in X": the distance's own place
            return any(g.dep_ == "pobj" and g.lemma_.lower() in DISTANCE_UNITS for g in c.children)
        if word in DESTINATION_PREPS and (first or head.pos_ in ("VERB", "AUX")):
            # where they went, for a move; where it hit, for an attack ("fired at", "advanced to")
            return ty in ("attack", "capture") and word in ("to", "toward", "towards")
        # a common noun's "to" names no goal of the trigger: "in response to attacks near X"; a name's does:
        # "from X to Y" (hung on "from" or on X)
        if word == "against":  # "strikes against refineries in X": what is struck; for no other type
            return ty == "attack"
        if word == "from" and ty == "attack" and first:
            # "shells the city from the left bank", "strikes from the Black Sea": where the fire came from,
            # not where it fell; a town it came from is where a ground attack was ("attacks from Izium")
            named = places_at(c.doc)
            objs = (named.get(g.i) for g in c.children if g.dep_ == "pobj")
            return any(p is not None and p.place is not None and p.place.kind == "settlement" for p in objs)
        if word == "at" and ty == "annexation" and first:
            return False  # "at a Kremlin ceremony ... declared X part of Russia": where it was signed
        return word in PLACE_PREPS or (word == "to" and head.pos_ in ("NOUN", "ADJ", "ADV"))
    if dep in ("amod", "advmod") and c.lower_ in NEAR_WORDS:
        # "positions close to X": the place itself follows, on "to" (not "close to a railway line and a dam")
        named = places_at(c.doc)
        preps = (p for p in c.children if p.dep_ == "prep")
        return any(g.i in named for p in preps for g in p.children if g.dep_ == "pobj")
    if dep in ("pobj", "dobj", "appos", "compound", "nmod", "pcomp", "attr", "conj", "npadvmod", "oprd"):
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            return False
        if dep == "appos" and c.lemma_.lower() in claims.TITLE_WORDS:
            return False  # "in X, the regional governor said": a speaker the parser hung on the place
        # a bare noun phrase is no place of the trigger ("struck Monday"); a compass point is ("advanced
        # along the railway southeast of X", parsed as an adverbial noun)
        return not (dep == "npadvmod" and first) or (c.lower_ in DIRECTIONS and not _locates_place_before(c))
    if dep == "nsubjpass" and first:
        return True
    if dep == "acl" and c.lemma_.lower() in STATIONED:
        return True
    if dep == "acl" and c.lemma_.lower() in NOTICED:
        return True  # "explosions heard in X", "attacks reported near X"
    if dep in ("advmod", "prt") and c.lower_ in ("out", "back", "away", "north", "south", "east", "west"):
        return True
    if dep == "advmod" and c.lower_ in DIRECTIONS:
        # "advanced northwest of X", "2 km northwest of X"; not "Y, a port 200 miles east of X": told
        # that far from X, the place is not X
        return _told_km(c) <= FAR_KM and not _locates_place_before(c)
    return dep == "amod" and c.lower_ == "such"
