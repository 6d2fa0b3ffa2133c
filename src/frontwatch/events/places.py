"""Where an event happened: the place mentions a trigger's phrase links to, by object or preposition (and
through the verb that begins or repels it), and the fallbacks when it names none: a pronoun, "the city" (the
town the text just named or is about), "where", the event of its type just told ("the attack"), the nearest
free place of the sentence. Casualty counts get places the same way.

Places that only locate another ("X in Y region", "the Donbas city of X"), capitals named for their state
("Kyiv said"), and places of speakers or destinations are kept out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from frontwatch import claims
from frontwatch.events import nlp
from frontwatch.events.lexicon import (
    DESTINATION_PREPS,
    DIRECTIONS,
    FORCES,
    GENERIC_PLACES,
    LOCATING_NOUNS,
    MUNITIONS,
    OPINION_VERBS,
    PLACE_PREPS,
    SEND_VERBS,
    STATIONED,
    TELL_VERBS,
    WEAK,
)
from frontwatch.events.quantities import KM_PER_UNIT as _KM_PER_UNIT
from frontwatch.events.quantities import find_quantities, parse_number
from frontwatch.events.triggers import (
    finite_modifier,
    governing_verb,
    opposing_verb,
    share_of,
    theme_subject,
)
from frontwatch.places import gazetteer
from frontwatch.records import Place, PlaceMention


def local_place(p: PlaceMention) -> bool:
    """A place below the state that is not its seat of power: it tells which state a local official serves."""
    return p.place is not None and bool(p.place.country) and p.place.kind != "country" and not _metonym(p)


def focus_region(places: list[PlaceMention]) -> Place | None:
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
    return _region_of(admin1)


def sentence_region(sent: nlp.Sentence, places: list[PlaceMention]) -> Place | None:
    """The one region a sentence names ("… in the Kharkiv region during an offensive which liberated
    300 settlements"), for a quantified event that names no place of its own. Towns do not count: a
    town in a "direction of X" phrase says where the front runs, not which region the tally covers."""
    regions = {
        p.place.admin1: p.place
        for p in places
        if sent.start <= p.start < sent.end and p.place and p.place.kind == "region"
    }
    return next(iter(regions.values())) if len(regions) == 1 else None


def _metonym(pm: PlaceMention) -> bool:
    """A capital or seat of power named for its state ('Kyiv said', 'officials in Washington')."""
    name = pm.mention.replace("’", "'").lower()
    name = name[:-2] if name.endswith("'s") else name
    return pm.place is not None and pm.place.kind != "region" and name in claims.registry().words


# A wire dateline opening the story: "KYIV, July 20 (Reuters) - ", "ENERHODAR, Ukraine (AP) — ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40},\s+(?:[A-Z][\w.'’ -]{1,30}?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s"
)


def token_places(sdoc: Doc, sent: nlp.Sentence, places: list[PlaceMention]) -> dict[int, PlaceMention]:
    """The place mention of each token of the sentence; a dateline's city is where the reporter is, no place
    of the story's events."""
    out: dict[int, PlaceMention] = {}
    dateline = _DATELINE.match(sent.text)
    skip_to = sent.start + dateline.end() if dateline else sent.start
    for p in places:
        if p.end <= sent.start or p.start >= sent.end or p.place is None or p.start < skip_to:
            continue
        s, e = p.start - sent.start, p.end - sent.start
        for t in sdoc:
            if t.idx < e and t.idx + len(t.text) > s:
                out[t.i] = p
    return out


def linked_places(
    trigger: Token, ty: str, token_place: dict[int, PlaceMention], trigger_ids: set[int]
) -> tuple[list[PlaceMention], set[int]]:
    """Places in the trigger's own phrase: objects, prepositions of place, lists, 'stationed in'."""
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
    start += _listed_after_colon(trigger, token_place)
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
            and not (t.dep_ == "acl" and t.lemma_.lower() in STATIONED)
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
    containers |= _locators(trigger.doc, token_place, {id(p) for p in places})
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
_ASPECT_VERBS = frozenset(
    ["begin", "start", "continue", "resume", "complete", "finish", "end", "proceed", "intensify"]
)


# How the names of a list hang on each other ("A, B and C", "the town of A", "A and B C").
_LIST_DEPS = ("conj", "compound", "appos", "nmod")


def _place_preps(verb: Token) -> list[tuple[Token, str]]:
    return [(c, c.lower_) for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]


def _listed_after_colon(t: Token, token_place: dict[int, PlaceMention]) -> list[tuple[Token, str]]:
    """'liberated five villages in the X region: A, B and C': a counted noun of places as the trigger's
    object, named one by one after a colon."""
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


def _destination(p: PlaceMention, via: str) -> bool:
    """Where a withdrawing force or moved people end up: past a line ('across the river'), or a river bank
    reached ('withdrawal on the left bank')."""
    if via in ("across", "beyond", "behind", "over"):
        return True
    return via in ("on", "onto") and p.place is not None and "bank" in p.place.name.lower().split()


def _shared_passive_subject(t: Token) -> Token | None:
    """'X lies on a river and was seized by Russian troops': a passive verb joined to another with no subject
    of its own shares that verb's subject."""
    if t.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in t.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return None
    return next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _locators(sdoc: Doc, token_place: dict[int, PlaceMention], found: set[int]) -> set[int]:
    """Places that only say where another found place lies: 'the Donbas city of X' (a modifier of a place
    noun whose 'of' names X) and 'X in Y', 'X near Y' (Y attached to X or to the noun that names X)."""

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


def _edge_ok(head: Token, c: Token, ty: str, first: bool = False) -> bool:
    dep = c.dep_
    if dep == "prep":
        word = c.lower_
        if word == "by":
            return False
        if word in DESTINATION_PREPS and (first or head.pos_ in ("VERB", "AUX")):
            # where they went, for a move; where it hit, for an attack ("fired at", "advanced to")
            return ty in ("attack", "capture") and word in ("to", "toward", "towards")
        # a common noun's "to" names no goal of the trigger: "in response to attacks near X"; a name's does:
        # "from X to Y" (hung on "from" or on X)
        if word == "against":  # "strikes against refineries in X": what is struck; for no other type
            return ty == "attack"
        return word in PLACE_PREPS or (word == "to" and head.pos_ in ("NOUN", "ADJ", "ADV"))
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
    if dep in ("advmod", "prt") and c.lower_ in ("out", "back", "away", "north", "south", "east", "west"):
        return True
    return dep == "amod" and c.lower_ == "such"


def event_places(
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
    recent: PlaceMention | None = None,
) -> list[PlaceMention]:
    """The places of one trigger: its own, else one it refers to ('it', 'the city', 'where'; `recent` is the
    place of the event of its type just told, for 'the attack'), else a free place of the sentence."""
    own = [
        _directional(p, t, token_place, sdoc)
        for p in linked[t.i]
        if p.place is not None and p.place.kind != "country"
    ]
    if own and ty == "annexation":
        own = [_as_region(p) for p in own]  # states annex territories: a city's name stands for its region
    if own and all(p.place is not None and p.place.kind == "region" for p in own):
        located = _located_generic(t, own, sent, sentences, i, places, token_place)
        if located is not None:
            return [located]  # "the town in the X region had been captured": the town named before
    if own:
        return own
    if ty in ("mobilization", "casualties"):
        return []
    if ty == "evacuation" and (authority := _authority_place(t, token_place)) is not None:
        return [authority]  # "officials in the X region ordered 20,000 people to leave": X's people
    heading = _heading_for(t, token_place) if ty == "advance" else None
    if heading is not None:
        # "units pushed on towards X": the push is in X's area, not at X; "advanced 2 km towards X" is near X,
        # and "advanced to the outskirts of X" reached it
        ahead, reached = heading
        return [ahead if reached or _short_distance(t) else _as_region(ahead)]
    antecedent = _pronoun_place(t, token_place, sentences, i, places, parsed)
    if antecedent is not None:
        return [antecedent]
    if any(p.place is not None and p.place.kind == "country" for p in linked[t.i]):
        return []  # "attacks on Ukraine": a country-wide mention, no place of its own
    if _event_as_time(t):
        return []
    generic = generic_anaphor(t.subtree, sent, sentences, i, places)
    if generic is not None:
        return [generic]  # "the city had been taken": the object is a place, named before
    if t.lemma_.lower() in WEAK and not _munition_object(t):
        return []  # "dropped bombs on border villages" is an attack whatever it names
    where = _where_clause(t, token_place)
    if where is not None:
        return [where]
    preceding = _preceded_event(t)
    if preceding is not None and linked.get(preceding.i):
        # "seized the plant after an overnight attack", "took the town following heavy shelling"
        return [p for p in linked[preceding.i] if p.place is not None and p.place.kind != "country"]
    if _has_own_argument(t) or sibling_placed:
        return []  # "the strike came when Russia fired missiles into X": the placed sibling tells it
    if recent is not None:
        return [recent]  # "blamed Ukraine for the explosion": the one just told
    near = _nearest_free(t, sdoc, token_place, blocked)
    if near or ty != "attack":
        return near
    topic = topic_place(token_place, sentences, i, places, parsed)
    return [topic] if topic is not None else []


def _located_generic(
    t: Token,
    regions: list[PlaceMention],
    sent: nlp.Sentence,
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
    token_place: dict[int, PlaceMention],
) -> PlaceMention | None:
    """'the town in the Donetsk region': a common noun that a region only locates stands for the town of
    that region the text has just named."""
    for tok in t.subtree:
        if GENERIC_PLACES.get(tok.lemma_.lower()) != "settlement":
            continue
        inside = [
            token_place[g.i]
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.subtree
            if g.i in token_place
        ]
        if not any(p in regions for p in inside):
            continue
        found = generic_anaphor([tok], sent, sentences, i, places)
        admin = {p.place.admin1 for p in inside if p.place is not None}
        if found is not None and found.place is not None and found.place.admin1 in admin:
            return found
    return None


def _preceded_event(t: Token) -> Token | None:
    """The verb an event noun came before: 'seized X after an overnight attack' -> seized."""
    if t.dep_ == "pobj" and t.head.lower_ in ("after", "following") and t.head.head.pos_ == "VERB":
        return t.head.head
    return None


def topic_place(
    token_place: dict[int, PlaceMention],
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
    parsed: dict[int, Doc],
) -> PlaceMention | None:
    """'The city of X has not been spared. Thirteen people were injured when ...': a sentence that names no
    place goes on about the town that the sentence before is about (its subject, or the place that opens
    it: 'In X, a block collapsed')."""
    if i == 0 or any(p.place is not None and p.place.kind != "country" for p in token_place.values()):
        return None
    prev = parsed.get(i - 1)
    if prev is None:
        prev = nlp.parse([sentences[i - 1].text])[0]
    prev_places = token_places(prev, sentences[i - 1], places)
    for tok, pm in prev_places.items():
        head = prev[tok]
        if prev_places.get(head.head.i) is pm and head.head != head:
            continue  # an inner word of a longer name: its last word speaks for it
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in LOCATING_NOUNS
        ):
            head = head.head.head  # "the city of X"
        spot = pm.place is not None and pm.place.kind in ("settlement", "feature") and not _metonym(pm)
        if spot and (head.dep_ in ("nsubj", "nsubjpass") or _opening_locative(head)):
            return pm
    return None


def _opening_locative(tok: Token) -> bool:
    """'In X, a block collapsed': a place that opens the sentence and sets the scene of its main clause."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.dep_ != "prep":
        return False
    lead = tok.doc[tok.sent.start : prep.i]
    return prep.head.dep_ == "ROOT" and all(x.pos_ in ("ADV", "PUNCT", "CCONJ") for x in lead)


def _short_distance(t: Token, limit_km: float = 30.0) -> bool:
    """The trigger's phrase gives a distance short enough that the event lies next to the place it names."""
    for x in t.subtree:
        unit = _KM_PER_UNIT.get(x.lemma_.lower()) or _KM_PER_UNIT.get(x.lower_.rstrip("s"))
        if unit is None:
            continue
        for n in x.children:
            value = parse_number(n.text) if n.dep_ == "nummod" else None
            if value is not None and value * unit <= limit_km:
                return True
    return False


def _munition_object(t: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in MUNITIONS for c in t.children)


def _authority_place(t: Token, token_place: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place of the officials who order or report an evacuation that names no place of its own ('officials
    in the X region ordered ...', 'X's governor said ... had been evacuated'): people are moved by the
    authorities of where they live."""
    cur = t
    for _ in range(4):
        if cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in TELL_VERBS | claims.REPORT_VERBS:
            break
    else:
        return None
    subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
    if subj is None or not claims.is_titled(claims.phrase(subj)):
        return None
    for x in subj.subtree:
        pm = token_place.get(x.i)
        if pm is not None and pm.place is not None and pm.place.kind in ("region", "settlement"):
            return pm
    return None


def _heading_for(t: Token, token_place: dict[int, PlaceMention]) -> tuple[PlaceMention, bool] | None:
    """The first named place an advance heads for ('towards X and Y'), and whether it reached it ('advanced
    to the outskirts of X')."""
    # "advanced 3 km towards X": the parser may hang the goal on the distance
    heads = [t, *(c for c in t.children if c.dep_ in ("dobj", "npadvmod", "advmod"))]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("towards", "toward", "to"):
            for x in c.subtree:
                pm = token_place.get(x.i)
                if pm is not None and pm.place is not None and pm.place.kind != "country":
                    return pm, c.lower_ == "to"
    return None


def _where_clause(t: Token, token_place: dict[int, PlaceMention]) -> PlaceMention | None:
    """'... around X, where authorities ordered the evacuation of 37 settlements': a clause opened by
    'where' happens at the place it describes."""
    cur = t
    for _ in range(4):
        if cur.dep_ == "relcl" and any(c.lower_ == "where" for c in cur.children):
            pm = token_place.get(cur.head.i)
            return pm if pm is not None and pm.place is not None and pm.place.kind != "country" else None
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _event_as_time(t: Token) -> bool:
    """'... killing one man during the evacuation', 'after the capture of the city': an event named to date
    another is told elsewhere; the places around it, or a place it names only by a common noun, belong to
    the other event or to the telling before."""
    return (
        t.pos_ in ("NOUN", "PROPN")
        and t.dep_ == "pobj"
        and t.head.lower_ in ("during", "after", "before", "amid", "since", "following", "throughout")
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in t.children)
    )  # "killed during shelling of X", "after a strike on X" tell news of their own


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
        found = _subject_place(prev[:], token_places(prev, sentences[i - 1], places))
    return found


def _subject_place(span: Span, token_place: dict[int, PlaceMention]) -> PlaceMention | None:
    for tok in reversed(span):
        pm = token_place.get(tok.i)
        if pm is None or pm.place is None or pm.place.kind == "country":
            continue
        head = tok
        while head.dep_ in ("compound", "appos") and head.head != head:
            head = head.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in LOCATING_NOUNS
        ):
            head = head.head.head  # "the city of X"
        if head.dep_ in ("nsubj", "nsubjpass"):
            return pm
    return None


def _directional(p: PlaceMention, t: Token, token_place: dict[int, PlaceMention], sdoc: Doc) -> PlaceMention:
    """'advances south of Kharkiv' happened around the town, not in it: the event is in its region; 'about 10
    kilometres north-east of X' is next to it."""
    if p.place is None or p.place.kind != "settlement":
        return p
    head = next((sdoc[i] for i, q in token_place.items() if q is p), None)
    prep = head.head if head is not None else None
    if prep is None or prep.lower_ != "of":
        return p
    if prep.head.lower_.replace("-", "") not in DIRECTIONS or _short_distance(prep.head):
        return p
    return _as_region(p)


def _as_region(p: PlaceMention) -> PlaceMention:
    if p.place is None or p.place.kind != "settlement":
        return p
    region = _region_of(p.place.admin1)
    return PlaceMention(p.doc_id, p.mention, p.start, p.end, region) if region else p


def _region_of(admin1: str | None) -> Place | None:
    try:
        return gazetteer.region_for_admin1(admin1)
    except Exception:  # the gazetteer may be unavailable; the settlement then stands
        return None


def _has_own_argument(t: Token) -> bool:
    """True when the trigger names what it is about without a place ('withdrawal to Donetsk front')."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of", "out", "into", "in") and
               any(g.dep_ == "pobj" and g.lemma_.lower() not in FORCES for g in c.children)
               for c in t.children)  # fmt: skip


def generic_anaphor(
    tokens: Iterable[Token],
    sent: nlp.Sentence,
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
) -> PlaceMention | None:
    """'the city', 'this region', 'the dam' among `tokens` (a trigger's phrase): the place of that kind the
    text has just named, else the one it is about so far."""
    for tok in tokens:
        kind = GENERIC_PLACES.get(tok.lemma_.lower())
        if kind is None or tok.pos_ != "NOUN" or tok.is_sent_start:
            continue
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            continue
        if any(
            c.dep_ in ("compound", "appos") or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children
        ):
            continue  # "the city of X", "the Kakhovka dam": named where it stands
        if tok.head.lemma_.lower() in FORCES and tok.head.i < tok.i:
            continue
        heads = [(s.start, s.end) for s in sentences[: i + 1] if s.heading]
        told = [p for p in places if not any(a <= p.start < b for a, b in heads)]  # crossheads list, not tell
        if kind == "settlement":  # "the X regional governor said ... shelled the city": X, the city
            told = sorted(
                told + _namesake_towns(told, sent.start, sent.start + tok.idx), key=lambda p: p.start
            )
        found = _antecedent(tok, kind, sentences[max(0, i - 2)].start, sent.start + tok.idx, told)
        if found is not None:
            return found
    return None


def _namesake_towns(places: list[PlaceMention], lo: int, hi: int) -> list[PlaceMention]:
    """The towns that give their names to the regions named in [lo, hi)."""
    out = []
    for p in places:
        if lo <= p.start < hi and p.place is not None and p.place.kind == "region":
            town = _namesake_town(p.place.name)
            if town is not None:
                out.append(PlaceMention(p.doc_id, p.mention, p.start, p.end, town))
    return out


@lru_cache(maxsize=256)
def _namesake_town(region_name: str) -> Place | None:
    from frontwatch.places import resolve_name  # here: the finder is needed only for this fallback

    try:
        town = resolve_name(gazetteer.core_name(region_name), context=region_name)
        region = gazetteer.load().region(region_name)
    except Exception:  # the gazetteer may be unavailable: no namesake then
        return None
    if town is None or town.kind != "settlement" or region is None:
        return None
    return town if gazetteer.is_namesake(town, region) else None


# Sizes that do not fit a noun: a 'city' of a few hundred people, a 'village' of a hundred thousand.
_MIN_CITY, _MAX_VILLAGE = 5_000, 50_000


def _antecedent(tok: Token, kind: str, lo: int, hi: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place 'the city' stands for: among the places of its kind named in the last sentences, else before
    them in the document, the one the document names most (latest on a tie). A capital named for its state
    ('the Kiev regime') is no antecedent, except of 'the capital'. A name the gazetteer could not place may
    be the town meant: when it wins, there is no antecedent rather than a wrong one."""
    word = tok.lemma_.lower()

    def fits(p: PlaceMention) -> bool:
        if p.place is None:
            return kind == "settlement"
        if p.place.kind != kind or (word != "capital" and _metonym(p)):
            return False
        return kind != "feature" or word in p.place.name.lower()

    def key(p: PlaceMention) -> tuple[str, object]:
        return _key(p.place) if p.place is not None else ("?", p.mention.lower())

    before = [p for p in places if p.start < hi and fits(p)]
    counts = Counter(key(p) for p in places if fits(p))
    cands = [p for p in before if p.start >= lo]
    if not cands and kind == "settlement":
        so_far = Counter(key(p) for p in before)
        cands = [p for p in before if _dominant(key(p), so_far)]
    if not cands and kind == "feature" and len({key(p) for p in before}) == 1:
        cands = before  # "the dam" of a text that has named one dam
    if not cands:
        return None
    sized = [p for p in cands if p.place is None or _size_fits(word, p.place)]
    cands = sized or cands
    best = max(enumerate(cands), key=lambda x: (counts[key(x[1])], x[0]))[1]
    return best if best.place is not None else None


def _dominant(key: tuple[str, object], counts: Counter[tuple[str, object]]) -> bool:
    """The town a document is about so far: named at least twice and twice as often as any other.
    Only it is 'the city' of a sentence far from where a town was last named."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0] != key or ranked[0][1] < 2:
        return False
    return len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]


def _key(place: Place) -> tuple[str, object]:
    return (place.kind, place.geonameid or place.name)


def _size_fits(word: str, place: Place) -> bool:
    if not place.population:
        return True
    if word == "city":
        return place.population >= _MIN_CITY
    if word == "village":
        return place.population <= _MAX_VILLAGE
    return True


def _nearest_free(
    t: Token, sdoc: Doc, token_place: dict[int, PlaceMention], blocked: set[int], own_ok: bool = False
) -> list[PlaceMention]:
    """A place elsewhere in the sentence that no other trigger uses and that is not a speaker's place, with
    the places listed beside it ("in areas of settlements X and Y")."""
    best: tuple[int, int] | None = None
    own = set() if own_ok else {x.i for x in t.subtree}
    free: dict[int, PlaceMention] = {}
    for i, pm in token_place.items():
        if pm.place is None or pm.place.kind == "country" or id(pm) in blocked or i in own:
            continue
        tok = sdoc[i]
        if _in_speaker_or_destination(tok) or (_metonym(pm) and not _located_action(tok)):
            continue
        free[i] = pm
        d = abs(tok.i - t.i)
        if best is None or d < best[0]:
            best = (d, i)
    if best is None:
        return []
    root = sdoc[best[1]]
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    listed = [root, *(x for x in root.subtree if x.dep_ == "conj" and _conj_chain(x, root))]
    out = [free[x.i] for x in listed if x.i in free] or [free[best[1]]]
    return list({id(p): p for p in sorted(out, key=lambda p: p.start)}.values())


def _conj_chain(x: Token, root: Token) -> bool:
    while x.dep_ == "conj" and x.head != x:
        x = x.head
    return x == root


def _located_action(tok: Token) -> bool:
    """'explosions shook Kyiv', 'fighting in Moscow': the place of an action, not of people or opinions."""
    while tok.dep_ in ("compound", "appos", "conj") and tok.head != tok:
        tok = tok.head
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() not in claims.REPORT_VERBS | OPINION_VERBS
    if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS - {"of", "from", "as", "including"}:
        verb = tok.head.head
        while verb.dep_ in ("npadvmod", "appos") and verb.pos_ in ("NUM", "NOUN") and verb.head != verb:
            verb = verb.head  # "destroyed 35 missiles, 20 of them over X"
        return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in claims.REPORT_VERBS | OPINION_VERBS
    return False


def _in_speaker_or_destination(tok: Token) -> bool:
    t = tok
    crossed = False  # a reported clause between the place and a verb of saying makes the place the clause's
    while t.head != t:
        if t.dep_ == "prep" and t.lower_ in DESTINATION_PREPS | {"after", "before", "since", "during"}:
            return True
        said = t.head.lemma_.lower() in claims.REPORT_VERBS | {"mention"}
        if not crossed and said and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True  # the speaker's own place, or a place talked about ("has not mentioned X")
        if not crossed and said and t.dep_ == "prep" and t.lower_ in ("in", "at", "with", "during"):
            return True  # "said in an interview with the X Club", "told reporters in X": the speaker's place
        if t.dep_ == "appos" and t.lemma_.lower() in claims.TITLE_WORDS:
            return True
        if t.lemma_.lower() in ("visit", "trip", "talk", "meeting"):
            return True
        if t.lemma_.lower() in SEND_VERBS and t.pos_ == "VERB" and t != tok:
            return True  # "the units will be moved to X": where forces go, not where they leave
        crossed = crossed or (t.pos_ in ("VERB", "AUX") and _reported_clause(t))
        t = t.head
    return False


def _reported_clause(verb: Token) -> bool:
    """A clause that tells what was said: 'said that X ...', even when the parser hangs it on a noun."""
    return verb.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def carry_from_next(
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


def casualty_place(
    cue: Token,
    sdoc: Doc,
    token_place: dict[int, PlaceMention],
    trigger_ids: set[int],
    blocked: set[int],
    sent: nlp.Sentence,
    sentences: list[nlp.Sentence],
    i: int,
    places: list[PlaceMention],
) -> PlaceMention | None:
    """Where a toll was counted: a place in the phrase of its cue ("killed in X"), a place the sentence names
    by a common noun ("lost 1,500 men around the town"), else the sentence's nearest free place ("in the X
    direction, losses amounted to ...")."""
    linked, _ = linked_places(cue, "casualties", token_place, trigger_ids)
    own = [p for p in linked if p.place is not None and p.place.kind != "country"]
    if own:
        return own[0]
    generic = generic_anaphor(sdoc, sent, sentences, i, places)
    if generic is not None:
        return generic
    near = _nearest_free(cue, sdoc, token_place, blocked, own_ok=True)
    return near[0] if near else None
