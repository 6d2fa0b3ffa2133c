"""Where an event happened: the place mentions a trigger's phrase links to, by object or preposition,
and the fallbacks when it names none (a pronoun, "the city", the nearest free place of the sentence).

Places that only locate another ("X in Y region", "the Donbas city of X"), capitals named for their state
("Kyiv said"), and places of speakers or destinations are kept out.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from frontwatch import claims, gazetteer, nlp
from frontwatch.events.lexicon import (
    DESTINATION_PREPS,
    DIRECTIONS,
    FORCES,
    GENERIC_PLACES,
    LOCATING_NOUNS,
    OPINION_VERBS,
    PLACE_PREPS,
    SEND_VERBS,
    STATIONED,
    WEAK,
)
from frontwatch.events.triggers import governing_verb
from frontwatch.quantities import find_quantities
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


def token_places(sdoc: Doc, sent: nlp.Sentence, places: list[PlaceMention]) -> dict[int, PlaceMention]:
    out: dict[int, PlaceMention] = {}
    for p in places:
        if p.end <= sent.start or p.start >= sent.end or p.place is None:
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
            return True  # "the units will be moved to X": where forces go, not where they leave
        t = t.head
    return False


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
