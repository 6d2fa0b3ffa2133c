"""Quantities in event sentences: areas, distances, settlement counts, troops, dead and wounded.

Regular expressions over the sentence text; numbers may be digits ("100,000", "50km") or words
("two thousand", "300 thousand", "seven").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from frontwatch import lang

_NUMBER_WORDS = lang.table("numbers/words")
UNITS: dict[str, int] = _NUMBER_WORDS["units"]
TENS: dict[str, int] = _NUMBER_WORDS["tens"]
SCALES: dict[str, int] = _NUMBER_WORDS["scales"]
_DISTANCE = lang.table("numbers/units")["distance"]
_SQ_MILE_KM2: float = lang.table("numbers/units")["area"]["mi2"]["km2"]


def _unit_forms(unit: str) -> str:
    return "|".join(re.escape(form) for form in _DISTANCE[unit]["forms"])


_WORD = "|".join([*UNITS, *TENS, *SCALES, "a", "an", "and"])
_NUMWORDS = (
    rf"(?:(?:{'|'.join([*UNITS, *TENS])})(?:[\s-]+(?:{_WORD}))*|(?:a|an)\s+(?:hundred|thousand|dozen))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:(?:{_DIGITS})(?:\s*(?:thousand|million|k)\b)?|{_NUMWORDS})"
# Parts built from the tables rather than read from `numbers/parts/`.
_TABLE_PARTS = {
    "number": NUMBER,
    "km_forms": _unit_forms("km"),
    "mile_forms": _unit_forms("mile"),
    "metre_forms": _unit_forms("metre"),
}


@cache
def _part(name: str) -> str:
    return _TABLE_PARTS.get(name) or lang.expand(lang.pattern(f"numbers/parts/{name}"), _part)


def _pattern(concept: str) -> re.Pattern[str]:
    """The pattern `numbers/<concept>.re`, its parts spliced in, ignoring case."""
    return re.compile(lang.expand(lang.pattern(f"numbers/{concept}"), _part), re.I)


# Each kind of quantity, tried in this order; a later match may not overlap an earlier one.
KINDS = (
    "area_km2",
    "area_mi2",
    "distance_km",
    "distance_mi",
    "distance_m",
    "settlements",
    "persons",
    "bare_after_verb",
    "bare_before_verb",
    "bare_after_and",
    "two_persons",
    "one_person",
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, _pattern(f"patterns/{kind}")) for kind in KINDS]

# What stands around a count of people and says whether they were killed, wounded or called up.
_DEAD_WOUNDED = _pattern("context/dead_or_wounded")
_DEAD = _pattern("context/dead_after")
_WOUNDED = _pattern("context/wounded_after")
_KILLING_BEFORE = _pattern("context/killing_before")
_LOSING_BEFORE = _pattern("context/losing_before")
_FORCE_NOUN = _pattern("context/force_noun")
_LOSSES_BEFORE = _pattern("context/losses_before")
_APPOSITION = re.compile(r"^\s*,[^,]{1,70},")
_CALLED_UP = _pattern("context/called_up_after")
_WOUNDING_BEFORE = _pattern("context/wounding_before")
_CALLING_UP_BEFORE = _pattern("context/calling_up_before")


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # area_km2, distance_km, settlements, troops, fatalities, injured, casualties
    value: float
    start: int
    end: int
    # a troops count read from the noun alone ("30,000 servicemen"), with no call-up verb beside it
    bare: bool = False


def parse_number(text: str) -> float | None:
    """'two thousand' -> 2000, '300 thousand' -> 300000, '100,000' -> 100000, 'a hundred' -> 100."""
    s = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(thousand|million|k)?", s)
    if m:
        value = float(m.group(1))
        scale = {"thousand": 1000, "k": 1000, "million": 1_000_000}.get(m.group(2) or "", 1)
        return value * scale
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", s):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current, seen = 1.0, True
        elif word == "dozen":
            current, seen = (current or 1) * 12, True
        elif word in UNITS:
            current, seen = current + UNITS[word], True
        elif word in TENS:
            current, seen = current + TENS[word], True
        elif word == "hundred":
            current, seen = (current or 1) * 100, True
        elif word in SCALES:
            total, current, seen = total + (current or 1) * SCALES[word], 0.0, True
        else:
            return None
    return total + current if seen else None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity of a known kind in `text`; person counts are typed by the words around them."""
    found: list[Quantity] = []
    taken: set[int] = set()
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            if kind == "one_person":
                value: float | None = 1.0
            elif kind == "two_persons":
                value = 2.0
            else:
                value = parse_number(m.group("num") if "num" in pattern.groupindex else m.group(1))
            if value is None:
                continue
            out_kind: str | None = kind
            bare = False
            if kind in ("persons", "one_person", "two_persons"):
                out_kind = _person_kind(text, m)
                if out_kind is None and kind == "persons" and _FORCE_NOUN.match(text, m.end(1)):
                    out_kind, bare = "troops", True  # "more than 30,000 servicemen were moved"
            elif kind.startswith("bare_"):
                out_kind = "fatalities" if m.group("verb").lower().startswith("kill") else "injured"
            elif kind == "area_mi2":
                out_kind, value = "area_km2", round(value * _SQ_MILE_KM2)
            elif kind == "distance_mi":
                out_kind, value = "distance_km", round(value * _DISTANCE["mile"]["km"])
            elif kind == "distance_m":
                # divided by 1000.0 (1 / 0.001 exactly), as precise as the kilometre a metre is
                out_kind, value = "distance_km", round(value / (1 / _DISTANCE["metre"]["km"]), 3)
            if out_kind is None:
                continue
            taken.update(range(m.start(), m.end()))
            found.append(Quantity(out_kind, value, m.start(), m.end(), bare))
    return sorted(found, key=lambda q: q.start)


def _person_kind(text: str, m: re.Match[str]) -> str | None:
    # "Two civilians, a woman and her son, were wounded": the apposition between commas is skipped
    tail = _APPOSITION.sub("", m.group("tail"), count=1)
    before = text[max(0, m.start() - 30) : m.start()]
    if _DEAD_WOUNDED.match(tail.lstrip()) or re.match(
        r"\W*(?:\w+\s+){0,2}" + _DEAD_WOUNDED.pattern, tail, re.I
    ):
        return "casualties"
    if _DEAD.match(tail) or _KILLING_BEFORE.search(before):
        return "fatalities"
    if _WOUNDED.match(tail) or _WOUNDING_BEFORE.search(before):
        return "injured"
    if _LOSING_BEFORE.search(before) and _FORCE_NOUN.match(text, m.end(1)):
        return "casualties"
    if _LOSSES_BEFORE.search(text[max(0, m.start() - 120) : m.start()]) and _FORCE_NOUN.match(text, m.end(1)):
        return "casualties"  # "the losses of the enemy made up to 430 servicemen"
    if _CALLING_UP_BEFORE.search(before) or _CALLED_UP.match(tail):
        return "troops"
    return None


def as_dict(quantities: list[Quantity]) -> dict[str, float]:
    """First value of each kind, as the export's `quantities` object."""
    out: dict[str, float] = {}
    for q in quantities:
        out.setdefault(q.kind, q.value)
    return out
