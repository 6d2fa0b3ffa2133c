"""Places a trigger names without a name: a pronoun ("until Russian forces took it"), a common noun ("the
city": the town the text just named or is about), and the town the sentence before is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from frontwatch import lang
from frontwatch.events.annotations import index_of, places_at, reading_of
from frontwatch.events.lexicon import (
    FORCES,
    GENERIC_PLACES,
    LOCATING_NOUNS,
)
from frontwatch.events.places import metonym, told_as_city
from frontwatch.places import gazetteer, resolve_name
from frontwatch.records import Place, PlaceMention


def generic_anaphor(tokens: Iterable[Token]) -> PlaceMention | None:
    """'the city', 'this region', 'the dam' among `tokens` (a trigger's phrase): the place of that kind the
    text has just named, else the one it is about so far."""
    for tok in tokens:
        kind = GENERIC_PLACES.get(tok.lemma_.lower())
        if kind is None or tok.pos_ != "NOUN" or tok.is_sent_start:
            continue
        if not any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            continue
        if any(
            (c.dep_ == "compound" and not _hyphenated(c))
            or c.dep_ == "appos"
            or (c.dep_ == "prep" and c.lower_ == "of")
            for c in tok.children
        ):
            continue  # "the city of X", "the Kakhovka dam": named where it stands; not "the front-line town"
        if tok.head.lemma_.lower() in FORCES and tok.head.i < tok.i:
            continue
        reading, i = reading_of(tok.doc), index_of(tok.doc)
        sent, sentences = reading.sentences[i], reading.sentences
        heads = [(s.start, s.end) for s in sentences[: i + 1] if s.heading]
        told = [
            p for p in reading.places if not any(a <= p.start < b for a, b in heads)
        ]  # crossheads list, not tell
        if kind == "settlement":  # "the X regional governor said ... shelled the city": X, the city
            told = sorted(
                told + _namesake_towns(told, sent.start, sent.start + tok.idx), key=lambda p: p.start
            )
        found = _antecedent(tok, kind, sentences[max(0, i - 2)].start, sent.start + tok.idx, told)
        if found is not None:
            return found
    return None


def _hyphenated(tok: Token) -> bool:
    """A word joined by a hyphen to the one before it ("front-line"): a modifier, not a name."""
    return any(c.tag_ == "HYPH" for c in tok.children)


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
    town = resolve_name(gazetteer.core_name(region_name), context=region_name)
    region = gazetteer.load().region(region_name)
    if town is None or town.kind != "settlement" or region is None:
        return None
    return town if gazetteer.is_namesake(town, region) else None


# Sizes that do not fit a noun: a 'city' of a few hundred people, a 'village' of a hundred thousand.
_MIN_CITY, _MAX_VILLAGE = 5_000, 50_000


def _antecedent(tok: Token, kind: str, lo: int, hi: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place 'the city' stands for: among the places of its kind named in the last sentences, else before
    them in the document, the one the document names most (latest on a tie). A capital named for its state
    ('the Kiev regime') is no antecedent, except of 'the capital', unless the last sentences name it as the
    city ('Kyiv woke up to ...') and no other town of the kind. A name the gazetteer could not place may be
    the town meant: when it wins, there is no antecedent rather than a wrong one."""
    word = tok.lemma_.lower()
    text = reading_of(tok.doc).doc.text

    def fits(p: PlaceMention) -> bool:
        if p.place is None:
            return kind == "settlement"
        return fits_kind(p) and (word == "capital" or not metonym(p))

    def fits_kind(p: PlaceMention) -> bool:
        if p.place is None or p.place.kind != kind:
            return False
        return kind != "feature" or word in p.place.name.lower()

    def named_as_city(p: PlaceMention) -> bool:
        return kind == "settlement" and fits_kind(p) and told_as_city(text, p)

    def key(p: PlaceMention) -> tuple[str, object]:
        return _key(p.place) if p.place is not None else ("?", p.mention.lower())

    before = [p for p in places if p.start < hi and fits(p)]
    counts = Counter(key(p) for p in places if fits(p))
    cands = [p for p in before if p.start >= lo]
    if not cands and kind == "settlement":
        so_far = Counter(key(p) for p in before)
        cands = [p for p in before if _dominant(key(p), so_far)]
    if not cands:
        cands = [p for p in places if lo <= p.start < hi and named_as_city(p)]
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


def pronoun_place(t: Token) -> PlaceMention | None:
    """'X held out for months until Russian forces took it': 'it' is the place that is the subject of the
    clause before, in this sentence or the one before."""
    it = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lower_ == "it"), None)
    if it is None:
        it = next((g for c in t.children if c.dep_ == "prep" for g in c.children if g.lower_ == "it"), None)
    if it is None:
        return None
    found = _subject_place(t.doc[: it.i])
    i = index_of(t.doc)
    if found is None and i > 0:
        found = _subject_place(reading_of(t.doc).sentence_doc(i - 1)[:])
    return found


def _subject_place(span: Span) -> PlaceMention | None:
    token_place = places_at(span.doc)
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


def topic_place(sdoc: Doc) -> PlaceMention | None:
    """'The city of X has not been spared. Thirteen people were injured when ...': a sentence that names no
    place goes on about the town that the sentence before is about (its subject, or the place that opens
    it: 'In X, a block collapsed')."""
    i = index_of(sdoc)
    if any(p.place is not None and p.place.kind != "country" for p in places_at(sdoc).values()):
        return None
    label = line_label(sdoc)
    if label is not None:
        return label
    if i == 0:
        return None
    prev = reading_of(sdoc).sentence_doc(i - 1)
    prev_places = places_at(prev)
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
        spot = pm.place is not None and pm.place.kind in ("settlement", "feature") and not metonym(pm)
        if spot and (head.dep_ in ("nsubj", "nsubjpass") or _opening_locative(head)):
            return pm
    return None


_LABEL_BEFORE = re.compile(lang.pattern("events/arguments/place_label_before"), re.I)
_LABEL_AFTER = re.compile(lang.pattern("events/arguments/place_label_after"), re.I)


def line_label(sdoc: Doc) -> PlaceMention | None:
    """The place a line opens with as its label ("Kramatorsk. This morning the Russians struck the city
    centre", "Lyman: in the afternoon ..."): where the events of the line that name no place happened."""
    reading, i = reading_of(sdoc), index_of(sdoc)
    text, sent = reading.doc.text, reading.sentences[i]
    line_start = text.rfind("\n", 0, sent.start) + 1
    for p in reading.places:
        if p.start < line_start or p.start > line_start + 4 or p.place is None or p.place.kind == "country":
            continue
        if _LABEL_BEFORE.fullmatch(text, line_start, p.start) and _LABEL_AFTER.match(text, p.end, p.end + 30):
            return p
    return None


def _opening_locative(tok: Token) -> bool:
    """'In X, a block collapsed': a place that opens the sentence and sets the scene of its main clause."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at") or prep.dep_ != "prep":
        return False
    lead = tok.doc[tok.sent.start : prep.i]
    return prep.head.dep_ == "ROOT" and all(x.pos_ in ("ADV", "PUNCT", "CCONJ") for x in lead)
