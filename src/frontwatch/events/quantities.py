"""Quantities in event sentences: areas, distances, settlement counts, troops, dead and wounded.

Regular expressions over the sentence text; numbers may be digits ("100,000", "50km") or words
("two thousand", "300 thousand", "seven").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch import lang

_NUMBER_WORDS = lang.table("numbers/words")
UNITS: dict[str, int] = _NUMBER_WORDS["units"]
TENS: dict[str, int] = _NUMBER_WORDS["tens"]
SCALES: dict[str, int] = _NUMBER_WORDS["scales"]
_DISTANCE = lang.table("numbers/units")["distance"]
# Each written form of a distance unit with its length in kilometres: "miles" -> 1.609344.
KM_PER_UNIT: dict[str, float] = {form: unit["km"] for unit in _DISTANCE.values() for form in unit["forms"]}
_SQ_MILE_KM2: float = lang.table("numbers/units")["area"]["mi2"]["km2"]


def _unit_forms(unit: str) -> str:
    return "|".join(re.escape(form) for form in _DISTANCE[unit]["forms"])


_WORD = "|".join([*UNITS, *TENS, *SCALES, "a", "an", "and"])
_NUMWORDS = (
    rf"(?:(?:{'|'.join([*UNITS, *TENS])})(?:[\s-]+(?:{_WORD}))*|(?:a|an)\s+(?:hundred|thousand|dozen))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:(?:{_DIGITS})(?:\s*(?:thousand|million|k)\b)?|{_NUMWORDS})"
_HEDGE = (
    r"(?:(?:more than|over|at least|about|around|some|nearly|almost|up to|roughly|approximately|close to)"
    r"\s+)?"
)

_SETTLEMENT_NOUNS = (
    r"settlements?|villages?|towns?|localities|locality|communities|cities|hamlets?"
    r"|populated (?:areas|localities)"
)
# One person as a toll names them: "a 44-year-old man", "an elderly woman".
_ONE = (
    r"(?:a|an|one)\s+(?:\d+[\s-]+years?[\s-]+old\s+|elderly\s+|young\s+)?"
    r"(?:man|woman|boy|girl|child|civilian|person|soldier)"
)
_PERSON_NOUNS = (
    r"people|persons?|civilians?|soldiers?|troops|servicemen|servicemembers|fighters|men|women|children|residents"
    r"|reservists|conscripts|personnel|(?:[\w-]+\s+)?(?:man|woman|boy|girl|child)"
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "area_km2",
        re.compile(rf"({NUMBER})\s*(?:square\s+(?:kilometers|kilometres|km)|sq\.?\s*km|km2|km²)", re.I),
    ),
    ("area_mi2", re.compile(rf"({NUMBER})\s*(?:square\s+miles|sq\.?\s*mi)", re.I)),
    (
        "distance_km",
        re.compile(rf"({NUMBER})[\s-]*(?:{_unit_forms('km')})\b(?!\s*(?:2|²))", re.I),
    ),
    ("distance_mi", re.compile(rf"({NUMBER})[\s-]*(?:{_unit_forms('mile')})\b(?!\s*\))", re.I)),
    ("distance_m", re.compile(rf"({NUMBER})[\s-]*(?:{_unit_forms('metre')})\b", re.I)),
    # "18 frontline settlements": one describing word may stand between, not a preposition or an article
    (
        "settlements",
        re.compile(
            rf"({NUMBER})\s+(?:(?!(?:in|of|from|at|and|or|the|a|to|near)\s)[a-z-]+\s+)?(?:{_SETTLEMENT_NOUNS})\b",
            re.I,
        ),
    ),
    (
        "persons",
        re.compile(
            rf"({NUMBER})(?![\s-]+years?[\s-]+old)\s+(?:[A-Z][a-z]+\s+|reserve\s+|military\s+|more\s+)?"
            rf"(?:{_PERSON_NOUNS})\b(?=(?P<tail>[^.;]{{0,100}}))",
            re.I,
        ),
    ),
    # a count whose noun is left out, the verb beside it: "wounding 88", "and five were injured"
    (
        "bare_after_verb",
        re.compile(
            rf"\b(?P<verb>killing|killed|wounding|wounded|injuring|injured)\s+{_HEDGE}(?P<num>{NUMBER})\b"
            r"(?=\s*(?:[,.;:)]|(?:and|others?|more|in|on|at|when|after|as|during)\b|$))",
            re.I,
        ),
    ),
    (
        "bare_before_verb",
        re.compile(
            rf"(?<![\w,.])(?P<num>{NUMBER})\s+(?:others?\s+|more\s+)?(?:were|was|have\s+been|had\s+been)\s+"
            r"(?P<verb>killed|wounded|injured|hurt)\b",
            re.I,
        ),
    ),
    # "killed ... and 73 injured": the second count of a toll, its noun and auxiliary left out
    (
        "bare_after_and",
        re.compile(
            rf"\band\s+{_HEDGE}(?P<num>{NUMBER})\s+(?:more\s+|others?\s+)?(?P<verb>injured|wounded|hurt|killed)\b",
            re.I,
        ),
    ),
    # "a 63-year-old man and a 61-year-old woman were injured": two people, one by one
    (
        "two_persons",
        re.compile(
            rf"\b{_ONE}\s+and\s+{_ONE}(?=(?P<tail>[^.;]{{0,100}}))",
            re.I,
        ),
    ),
    (
        "one_person",
        re.compile(
            r"\b(?:a|an|one)\s+(?:\d+[\s-]+years?[\s-]+old\s+|elderly\s+|young\s+)?"
            r"(?:man|woman|boy|girl|child|civilian|person|soldier)\b(?=(?P<tail>[^.;]{0,100}))",
            re.I,
        ),
    ),
]

_DEAD_WOUNDED = re.compile(r"\b(?:dead|killed)\s+(?:and|or)\s+(?:wounded|injured)|casualties\b", re.I)
_DEAD = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|perished)\b",
    re.I,
)
_WOUNDED = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+)?(?:wounded|injured|hurt)\b", re.I
)
_KILLING_BEFORE = re.compile(r"\b(?:killing|killed|kills)\s+" + _HEDGE + r"$", re.I)
# "lost more than 900 soldiers": a force's losses, dead and wounded together
_LOSING_BEFORE = re.compile(r"\b(?:lost|lose|loses|losing)\s+" + _HEDGE + r"$", re.I)
_FORCE_NOUN = re.compile(
    r"\s*(?:\w+\s+)?(?:soldiers?|troops|servicemen|servicemembers|fighters|men|personnel)\b", re.I
)
# "the losses of X over the past day amounted to up to": a force's losses told as a noun
_LOSSES_BEFORE = re.compile(
    r"\blosses\b[^.;]{0,90}?\b(?:made\s+up|amounted|totalled|totaled|reached|exceeded|were|was|stood\s+at)\b"
    r"[^.;]{0,25}$",
    re.I,
)
_APPOSITION = re.compile(r"^\s*,[^,]{1,70},")
# "200,000 men had been mobilised"
_CALLED_UP = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:had\s+been|have\s+been|has\s+been|were|was|been|being)\s+"
    r"(?:mobili[sz]ed|called\s+up|drafted|conscripted)\b",
    re.I,
)
_WOUNDING_BEFORE = re.compile(r"\b(?:wounding|wounded|injuring|injured)\s+" + _HEDGE + r"$", re.I)


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
    if re.search(
        r"\b(?:mobili[sz]\w*|call(?:ed|ing)?[\s-]+up(?:\s+of)?|conscript\w*|draft\w*|recruit\w*)\s+"
        + _HEDGE
        + "$",
        before,
        re.I,
    ) or _CALLED_UP.match(tail):
        return "troops"
    return None


def as_dict(quantities: list[Quantity]) -> dict[str, float]:
    """First value of each kind, as the export's `quantities` object."""
    out: dict[str, float] = {}
    for q in quantities:
        out.setdefault(q.kind, q.value)
    return out
