"""Where an event happened: the places its phrase links to, and the fallbacks when it names none: a
pronoun, "the city", "where", the event of its type just told ("the attack"), the nearest free place of
the sentence. Casualty counts get places the same way. Capitals named for their state ("Kyiv said") and
places of speakers or destinations are kept out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from frontwatch import claims, lang
from frontwatch.events.anaphora import generic_anaphor, pronoun_place, topic_place
from frontwatch.events.annotations import index_of, places_at, reading_of
from frontwatch.events.lexicon import (
    DESTINATION_PREPS,
    FORCES,
    GENERIC_PLACES,
    HARM_NOUNS,
    MUNITIONS,
    OPINION_VERBS,
    PLACE_PREPS,
    SEND_VERBS,
    TELL_VERBS,
    WEAK,
)
from frontwatch.events.linking import linked_places
from frontwatch.events.places import as_region, metonym, told_as_city
from frontwatch.events.quantities import find_quantities
from frontwatch.records import PlaceMention


def event_places(
    t: Token,
    ty: str,
    linked: dict[int, list[PlaceMention]],
    blocked: set[int],
    sibling_placed: bool,
    recent: PlaceMention | None = None,
) -> list[PlaceMention]:
    """The places of one trigger: its own (`linked`, by trigger), else one it refers to ('it', 'the city',
    'where'; `recent` is the place of the event of its type just told, for 'the attack'), else a free place
    of the sentence that no trigger's phrase holds (`blocked`)."""
    # "advanced south-west of X" is placed at X, as "near X" is: the scorer's 30 km and the guide's "near"
    own = [p for p in linked[t.i] if p.place is not None and p.place.kind != "country"]
    if own and ty == "annexation":
        own = [as_region(p) for p in own]  # states annex territories: a city's name stands for its region
    if own and all(p.place is not None and p.place.kind == "region" for p in own):
        located = _located_generic(t, own)
        if located is not None:
            return [located]  # "the town in the X region had been captured": the town named before
    if own:
        return own
    if ty == "mobilization":
        return _scene_of_verb(t)  # "in occupied X the occupiers announced a forced mobilization"
    if ty == "casualties":
        return []
    if ty == "evacuation" and (authority := _authority_place(t)) is not None:
        return [authority]  # "officials in the X region ordered 20,000 people to leave": X's people
    heading = _heading_for(t) if ty == "advance" else None
    if heading is not None:
        # "units pushed on towards X", "advanced 2 km towards X", "advanced to the outskirts of X": an advance
        # is placed at the place it heads for (the annotation guide's convention)
        return [heading]
    antecedent = pronoun_place(t)
    if antecedent is not None:
        return [antecedent]
    if any(p.place is not None and p.place.kind == "country" for p in linked[t.i]):
        return []  # "attacks on Ukraine": a country-wide mention, no place of its own
    if _event_as_time(t):
        return []
    generic = generic_anaphor(t.subtree)
    if generic is not None:
        return [generic]  # "the city had been taken": the object is a place, named before
    if t.lemma_.lower() in WEAK and not _munition_argument(t):
        return []  # a weak verb needs a place of its own; "dropped bombs", "a drone hit" tell a strike
    where = _where_clause(t)
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
    near = _nearest_free(t, blocked)
    if near or ty != "attack":
        return near
    topic = topic_place(t.doc)
    return [topic] if topic is not None else []


def _located_generic(t: Token, regions: list[PlaceMention]) -> PlaceMention | None:
    """'the town in the Donetsk region': a common noun that a region only locates stands for the town of
    that region the text has just named."""
    token_place = places_at(t.doc)
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
        found = generic_anaphor([tok])
        admin = {p.place.admin1 for p in inside if p.place is not None}
        if found is not None and found.place is not None and found.place.admin1 in admin:
            return found
    return None


def _scene_of_verb(t: Token) -> list[PlaceMention]:
    """The places where the verb whose object the trigger is was done: 'announced a mobilization in X',
    'In X and Y, the authorities declared a mobilization'."""
    verb = t.head
    if t.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return []
    token_place = places_at(t.doc)
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "across", "throughout"):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for x in _with_conjuncts(obj):
                pm = token_place.get(x.i)
                if pm is not None and pm.place is not None and pm.place.kind != "country":
                    found.append(pm)
    return found


def _preceded_event(t: Token) -> Token | None:
    """The verb an event noun came before: 'seized X after an overnight attack' -> seized."""
    if t.dep_ == "pobj" and t.head.lower_ in ("after", "following") and t.head.head.pos_ == "VERB":
        return t.head.head
    return None


def _munition_argument(t: Token) -> bool:
    """A munition is the trigger's object ("dropped bombs") or its subject ("a drone hit")."""
    return any(c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in MUNITIONS for c in t.children)


def _authority_place(t: Token) -> PlaceMention | None:
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
    token_place = places_at(t.doc)
    for x in subj.subtree:
        pm = token_place.get(x.i)
        if pm is not None and pm.place is not None and pm.place.kind in ("region", "settlement"):
            return pm
    return None


def _heading_for(t: Token) -> PlaceMention | None:
    """The first named place an advance heads for ('towards X and Y', 'to the outskirts of X')."""
    token_place = places_at(t.doc)
    # "advanced 3 km towards X": the parser may hang the goal on the distance
    heads = [t, *(c for c in t.children if c.dep_ in ("dobj", "npadvmod", "advmod"))]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("towards", "toward", "to"):
            for x in c.subtree:
                pm = token_place.get(x.i)
                if pm is not None and pm.place is not None and pm.place.kind != "country":
                    return pm
    return None


def _where_clause(t: Token) -> PlaceMention | None:
    """'... around X, where authorities ordered the evacuation of 37 settlements': a clause opened by
    'where' happens at the place it describes."""
    cur = t
    for _ in range(4):
        if cur.dep_ == "relcl" and any(c.lower_ == "where" for c in cur.children):
            pm = places_at(t.doc).get(cur.head.i)
            return pm if pm is not None and pm.place is not None and pm.place.kind != "country" else None
        if cur.head == cur:
            return None
        cur = cur.head
    return None


_EVENT_TIME_PREPS = lang.words("events/arguments/event_time_preps")


def _event_as_time(t: Token) -> bool:
    """'... killing one man during the evacuation', 'after the capture of the city': an event named to date
    another is told elsewhere; the places around it, or a place it names only by a common noun, belong to
    the other event or to the telling before."""
    return (
        t.pos_ in ("NOUN", "PROPN")
        and t.dep_ == "pobj"
        and t.head.lower_ in _EVENT_TIME_PREPS
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in t.children)
    )  # "killed during shelling of X", "after a strike on X" tell news of their own


def _has_own_argument(t: Token) -> bool:
    """True when the trigger names what it is about without a place ('withdrawal to Donetsk front')."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "of", "out", "into", "in") and
               any(g.dep_ == "pobj" and g.lemma_.lower() not in FORCES for g in c.children)
               for c in t.children)  # fmt: skip


def _nearest_free(t: Token, blocked: set[int], own_ok: bool = False) -> list[PlaceMention]:
    """A place elsewhere in the sentence that no other trigger uses and that is not a speaker's place, with
    the places listed beside it ("in areas of settlements X and Y")."""
    sdoc = t.doc
    token_place = places_at(sdoc)
    best: tuple[int, int] | None = None
    own = set() if own_ok else {x.i for x in t.subtree}
    free: dict[int, PlaceMention] = {}
    for i, pm in token_place.items():
        if pm.place is None or pm.place.kind == "country" or id(pm) in blocked or i in own:
            continue
        tok = sdoc[i]
        if _in_speaker_or_destination(tok) or (
            metonym(pm) and not _located_action(tok) and not told_as_city(reading_of(sdoc).doc.text, pm)
        ):
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
    out = [free[x.i] for x in _with_conjuncts(root) if x.i in free] or [free[best[1]]]
    return list({id(p): p for p in sorted(out, key=lambda p: p.start)}.values())


def _with_conjuncts(root: Token) -> list[Token]:
    """A word and the words listed with it ("A, B and C")."""
    return [root, *(x for x in root.subtree if x.dep_ == "conj" and _conj_chain(x, root))]


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


_MEETING_WORDS = lang.words("events/arguments/meeting_words")
_AWAY_PREPS = DESTINATION_PREPS | {"after", "before", "since", "during"}


def _harmed(prep: Token) -> bool:
    """'damage to the bridge': what was harmed, not where something goes."""
    return prep.lower_ == "to" and prep.head.lemma_.lower() in HARM_NOUNS


def _in_speaker_or_destination(tok: Token) -> bool:
    t = tok
    crossed = False  # a reported clause between the place and a verb of saying makes the place the clause's
    while t.head != t:
        if t.dep_ == "prep" and t.lower_ in _AWAY_PREPS and not _harmed(t):
            return True
        said = t.head.lemma_.lower() in claims.REPORT_VERBS | {"mention"}
        if not crossed and said and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True  # the speaker's own place, or a place talked about ("has not mentioned X")
        if not crossed and said and t.dep_ == "prep" and t.lower_ in ("in", "at", "with", "during"):
            return True  # "said in an interview with the X Club", "told reporters in X": the speaker's place
        if t.dep_ == "appos" and t.lemma_.lower() in claims.TITLE_WORDS:
            return True
        if t.lemma_.lower() in _MEETING_WORDS:
            return True
        if t.lemma_.lower() in SEND_VERBS and t.pos_ == "VERB" and t != tok:
            return True  # "the units will be moved to X": where forces go, not where they leave
        crossed = crossed or (t.pos_ in ("VERB", "AUX") and _reported_clause(t))
        t = t.head
    return False


def _reported_clause(verb: Token) -> bool:
    """A clause that tells what was said: 'said that X ...', even when the parser hangs it on a noun."""
    return verb.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def carry_from_next(sdoc: Doc) -> tuple[PlaceMention, dict[str, float]] | None:
    """'... took back 2,000 km². This includes 30 settlements in the X region.': the next sentence
    elaborates the event (no trigger of its own) and names its place."""
    reading, i = reading_of(sdoc), index_of(sdoc)
    if i + 1 >= len(reading.sentences) or (i + 1) in reading.parsed:
        return None
    nxt = reading.sentences[i + 1]
    cands = [
        p for p in reading.places if nxt.start <= p.start < nxt.end and p.place and p.place.kind != "country"
    ]
    if not cands:
        return None
    extra = {q.kind: q.value for q in find_quantities(nxt.text) if q.kind in ("settlements", "area_km2")}
    if not extra:
        return None
    return cands[0], extra


def casualty_place(cue: Token, trigger_ids: set[int], blocked: set[int]) -> PlaceMention | None:
    """Where a toll was counted: a place in the phrase of its cue ("killed in X"), a place the sentence names
    by a common noun ("lost 1,500 men around the town"), else the sentence's nearest free place ("in the X
    direction, losses amounted to ...")."""
    linked, _ = linked_places(cue, "casualties", trigger_ids)
    own = [p for p in linked if p.place is not None and p.place.kind != "country"]
    if own:
        return own[0]
    generic = generic_anaphor(cue.doc)
    if generic is not None:
        return generic
    near = _nearest_free(cue, blocked, own_ok=True)
    return near[0] if near else None
