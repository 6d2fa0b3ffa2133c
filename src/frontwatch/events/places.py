"""Places as the events stage sees them: which are local (below the state and not its seat of power), the
region a document or a sentence is about, the region of a town.

Where a trigger's event happened is read in `linking` (the places its phrase links to), `anaphora` (places
it names without a name) and `targets` (the order of the fallbacks).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from frontwatch import claims
from frontwatch.events.annotations import reading_of, sentence_of
from frontwatch.events.lexicon import (
    CITY_HIT_VERBS,
    CITY_PARTS,
    CITY_PREPS,
    CITY_UNDERGO_VERBS,
    IRREGULAR_FORMS,
    SEAT_NOUNS,
)
from frontwatch.events.nlp import verb_forms
from frontwatch.places import gazetteer
from frontwatch.records import Place, PlaceMention


def local_place(p: PlaceMention) -> bool:
    """A place below the state that is not its seat of power: it tells which state a local official serves."""
    return p.place is not None and bool(p.place.country) and p.place.kind != "country" and not metonym(p)


def focus_region(places: list[PlaceMention]) -> Place | None:
    """The region the document is mostly about, for quantified events that name no place."""
    counts = Counter(
        p.place.admin1
        for p in places
        if p.place and p.place.admin1 and p.place.kind != "country" and not metonym(p)
    )
    if not counts:
        return None
    admin1, _ = counts.most_common(1)[0]
    for p in places:
        if p.place and p.place.kind == "region" and p.place.admin1 == admin1:
            return p.place
    return region_of(admin1)


def sentence_region(sdoc: Doc) -> Place | None:
    """The one region a sentence names ("… in the Kharkiv region during an offensive which liberated
    300 settlements"), for a quantified event that names no place of its own. Towns do not count: a
    town in a "direction of X" phrase says where the front runs, not which region the tally covers."""
    sent = sentence_of(sdoc)
    regions = {
        p.place.admin1: p.place
        for p in reading_of(sdoc).places
        if sent.start <= p.start < sent.end and p.place and p.place.kind == "region"
    }
    return next(iter(regions.values())) if len(regions) == 1 else None


def metonym(pm: PlaceMention) -> bool:
    """A capital or seat of power named for its state ('Kyiv said', 'officials in Washington')."""
    name = pm.mention.replace("’", "'").lower()
    name = name[:-2] if name.endswith("'s") else name
    return pm.place is not None and pm.place.kind != "region" and name in claims.registry().words


def told_as_city(text: str, pm: PlaceMention) -> bool:
    """A capital named, here, as the city itself, not for its state: where something is ('in Kyiv', 'across
    Moscow'), what undergoes it ('Kyiv woke up to ...', 'Moscow was hit by drones'), or whose parts are
    meant ("Kyiv's mayor"). 'Kyiv said', 'officials in Kyiv' and 'sent arms to Kyiv' tell the state."""
    if not metonym(pm):
        return False
    after, before, seat = _city_patterns()
    if before.search(text, max(0, pm.start - 30), pm.start):
        return not seat.search(text, max(0, pm.start - 40), pm.start)
    return bool(after.match(text, pm.end))


@lru_cache(maxsize=1)
def _city_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def forms(lemmas: frozenset[str]) -> str:
        words = set().union(*(verb_forms(v, IRREGULAR_FORMS.get(v, "")) for v in lemmas))
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    parts = "|".join(sorted(map(re.escape, CITY_PARTS), key=len, reverse=True))
    hit = forms(CITY_HIT_VERBS | CITY_UNDERGO_VERBS)
    after = re.compile(
        rf"(?:['’]s\s+(?:{parts})\b"
        rf"|\s+(?:\w+ly\s+)?(?:(?:{forms(CITY_UNDERGO_VERBS)})\b"
        rf"|(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:{hit})\b))",
        re.I,
    )
    preps = "|".join(map(re.escape, sorted(CITY_PREPS)))
    before = re.compile(rf"\b(?:{preps})\s+(?:the\s+(?:centre|center|skies)\s+of\s+)?$", re.I)
    seats = "|".join(sorted(map(re.escape, SEAT_NOUNS | claims.TITLE_WORDS), key=len, reverse=True))
    seat = re.compile(rf"\b(?:{seats})\s+(?:\w+\s+)?in\s+$", re.I)
    return after, before, seat


def as_region(p: PlaceMention) -> PlaceMention:
    if p.place is None or p.place.kind != "settlement":
        return p
    region = region_of(p.place.admin1)
    return PlaceMention(p.doc_id, p.mention, p.start, p.end, region) if region else p


def region_of(admin1: str | None) -> Place | None:
    return gazetteer.region_for_admin1(admin1)
