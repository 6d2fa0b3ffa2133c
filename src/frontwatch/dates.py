"""Date expressions in news text, resolved against the publication date.

Own rules rather than dateparser: news dates are mostly weekdays ("on Saturday"), bare months ("in
September") and short relative phrases ("last week"), whose meaning depends on the publication date and
the tense, and each needs a range and a precision, not a single day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from frontwatch.records import DateRange

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:beginning|start|end|middle|mid|early|late)"
# The war: Russia's full-scale invasion of Ukraine, begun on 24 February 2022. Phrases placed by it ("early in
# the war", "in the first weeks of the invasion") date background events an article recalls.
WAR_START = date(2022, 2, 24)
_WAR = r"(?:the|Russia['’]s|Moscow['’]s)\s+(?:full-scale\s+|Russian\s+)?(?:war|invasion|conflict|offensive)"
_WAR_EARLY = rf"\b(?P<early>early|very early)\s+(?:on\s+)?in\s+{_WAR}\b"
_WAR_START = rf"\b(?:at|in|from)\s+the\s+(?:very\s+)?(?P<start>start|beginning|outset|onset)\s+of\s+{_WAR}\b"
_N_UNITS = r"(?:(?P<n>few|two|three|four|five|six|\d+)\s+)?(?P<unit>days?|weeks?|months?)"
_WAR_FIRST = rf"\bin\s+the\s+(?:first|opening|early|initial)\s+{_N_UNITS}\s+of\s+{_WAR}\b"
_WAR_FIRST_POSS = (
    r"\bin\s+the\s+(?:war|invasion|conflict)['’]s\s+(?:first|opening|early|initial)\s+"
    r"(?:(?P<n2>few|two|three|four|five|six|\d+)\s+)?(?P<unit2>days?|weeks?|months?)\b"
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MON})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")),
    (
        "month",
        re.compile(
            rf"\b(?:(?:at\s+)?(?:the\s+)?(?P<part>{_PART})(?:\s+of|-)?\s+)?(?P<mon>{_MON})(?:\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(rf"\b(?:(?P<rel>last|this|next|earlier on|late on|early on)\s+)?(?P<wd>{_DAY})\b"),
    ),
    (
        "rel",
        re.compile(
            r"\b(?:earlier\s+|later\s+)?(?P<the>the\s+)?(?P<rel>this|last|past|next)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>a|one|two|three|four|five|six|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I
        ),
    ),
    ("day", re.compile(r"\b(?P<word>yesterday|today|tonight|overnight|last night)\b", re.I)),
    (
        "season",
        re.compile(r"\b(?P<rel>this|last|the)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I),
    ),
    # not "born in 1961": a person's age is no date of an event
    ("year", re.compile(r"(?<!born )\b(?:[Ii]n|[Ss]ince|[Bb]y|of|[Uu]ntil)\s+(?P<year>(?:19|20)\d\d)\b")),
    ("war", re.compile(rf"{_WAR_EARLY}|{_WAR_START}|{_WAR_FIRST}|{_WAR_FIRST_POSS}", re.I)),
]

_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "few": 3}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    range: DateRange
    kind: str = ""  # which pattern found it: "war" for phrases placed by the war's start


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _rng(start: date, end: date, precision: str, mention: str) -> DateRange:
    return DateRange(start.isoformat(), end.isoformat(), precision, mention)  # type: ignore[arg-type]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, pub: date, future: bool) -> int:
    """The year that puts month/day closest to the publication date on the side the tense points to."""
    if future:
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


def resolve(
    kind: str, m: re.Match[str], pub: date | None, future: bool = False, year_hint: int | None = None
) -> DateRange | None:
    """Turn one matched expression into a range; None when it needs a publication date that is missing.
    `year_hint` is the year a relative phrase of the sentence names ("last year ... in October")."""
    text = m.group(0)
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else year_hint if kind in ("mdy", "dmy", "month") else None
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["m"]) if kind == "iso" else MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["day"])
        if year is None:
            if pub is None:
                return None
            year = _year_for(month, day, pub, future)
        d = _safe_date(year, month, day)
        return _rng(d, d, "day", text) if d else None
    if kind == "month":
        month = MONTHS[g["mon"].lower().rstrip(".")]
        if year is None:
            if pub is None:
                return None
            year = _year_for(month, 1, pub, future)
        start, end = date(year, month, 1), _month_end(year, month)
        part = (g.get("part") or "").lower()
        if part in ("beginning", "start", "early"):
            end = date(year, month, 10)
        elif part in ("middle", "mid"):
            start, end = date(year, month, 11), date(year, month, 20)
        elif part in ("end", "late"):
            start = date(year, month, 21)
        return _rng(start, end, "month", text)
    if kind == "war":
        return _war_range(g, pub, text)
    if pub is None:
        return None
    if kind == "year":
        return _rng(date(year, 1, 1), date(year, 12, 31), "year", text)
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "next" or (future and rel != "last"):
            delta = (wd - pub.weekday()) % 7 or (7 if rel == "next" else 0)
            d = pub + timedelta(days=delta)
        else:
            delta = (pub.weekday() - wd) % 7
            if rel == "last" and delta == 0:
                delta = 7
            d = pub - timedelta(days=delta)
        return _rng(d, d, "day", text)
    if kind == "day":
        word = g["word"].lower()
        d = pub - timedelta(days=1) if word in ("yesterday", "last night") else pub
        if word == "overnight":
            return _rng(pub - timedelta(days=1), pub, "day", text)
        return _rng(d, d, "day", text)
    if kind == "rel":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
            if rel == "past" or (
                g.get("the") and rel == "last"
            ):  # "the past week": seven days up to publication
                return _rng(pub - timedelta(days=7), pub, "week", text)
            end = min(monday + timedelta(days=6), pub) if shift == 0 else monday + timedelta(days=6)
            return _rng(monday, end, "week", text)
        if unit == "month":
            y, mo = pub.year, pub.month + shift
            if mo == 0:
                y, mo = y - 1, 12
            elif mo == 13:
                y, mo = y + 1, 1
            end = pub if shift == 0 else _month_end(y, mo)
            return _rng(date(y, mo, 1), end, "month", text)
        y = pub.year + shift
        return _rng(date(y, 1, 1), pub if shift == 0 else date(y, 12, 31), "year", text)
    if kind == "ago":
        n = _SMALL.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        d = pub - timedelta(days=days)
        prec = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
        return _rng(d, d, prec, text)
    if kind == "season":
        lo, hi = SEASONS[g["season"].lower()]
        y = pub.year if pub.month >= lo or lo > hi else pub.year - 1
        if g["rel"].lower() == "last":
            y -= 1
        start = date(y, lo, 1)
        end = _month_end(y + (1 if lo > hi else 0), hi)
        return _rng(start, min(end, pub) if start <= pub else end, "month", text)
    return None


def _war_range(g: dict[str, str | None], pub: date | None, text: str) -> DateRange | None:
    """'early in the war', 'at the start of the invasion', 'in the first weeks of the war': a span from its
    first day; only in articles written after it began (or undated), where "the war" is this one."""
    if pub is not None and pub < WAR_START:
        return None
    if g.get("early"):
        return _rng(WAR_START, date(2022, 3, 31), "month", text)
    if g.get("start"):
        return _rng(WAR_START, WAR_START + timedelta(days=14), "week", text)
    unit = (g.get("unit") or g.get("unit2") or "weeks").lower().rstrip("s")
    word = (g.get("n") or g.get("n2") or "").lower()
    n = (_SMALL.get(word) or int(word)) if word else 1
    if not word and (g.get("unit") or g.get("unit2") or "").lower().endswith("s"):
        n = {"day": 7, "week": 3, "month": 2}[unit]  # "the first days": a week; "the first weeks": a few
    days = {"day": 1, "week": 7, "month": 30}[unit] * n
    end = WAR_START + timedelta(days=days)
    if pub is not None:
        end = min(end, pub)
    return _rng(WAR_START, end, "week" if days <= 31 else "month", text)


def find_dates(text: str, published: str | date | None, future: bool = False) -> list[DateMention]:
    """All date expressions in `text`, longest first where they overlap, in text order."""
    pub = published if isinstance(published, date) else parse_published(published)
    found: list[DateMention] = []
    taken: set[int] = set()
    hint = _year_hint(text, pub)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            if kind == "month" and not _looks_like_month(text, m):
                continue
            near = hint is not None and _near(m, hint[1])
            rng = resolve(kind, m, pub, future, hint[0] if hint and near else None)
            if rng is None:
                continue
            taken.update(range(m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), rng, kind))
    if hint and any(
        d.kind in ("mdy", "dmy", "month")
        and not re.search(r"\d{4}", d.range.mention)
        and _near((d.start, d.end), hint[1])
        for d in found
    ):
        # "last year ... in October": the month, placed in that year, says all the year phrase says
        found = [d for d in found if not (d.kind == "rel" and (d.start, d.end) == hint[1])]
    return sorted(found, key=lambda d: d.start)


# How far from "last year" a month may stand and still be placed by it: the same clause, not a dateline
# ("KYIV, Feb 17 - ... since it took the town in May last year").
_HINT_REACH = 80


def _near(a: re.Match[str] | tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = (a.start(), a.end()) if isinstance(a, re.Match) else a
    return max(start, b[0]) - min(end, b[1]) <= _HINT_REACH


_REL_YEAR = re.compile(r"\b(?P<rel>this|last|next)\s+year\b", re.I)


def _year_hint(text: str, pub: date | None) -> tuple[int, tuple[int, int]] | None:
    """The one year a sentence names relative to the publication date, and where it is named."""
    if pub is None:
        return None
    found = list(_REL_YEAR.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return pub.year + shift, (m.start(), m.end())


def _looks_like_month(text: str, m: re.Match[str]) -> bool:
    """'May' and 'March' are also a verb and a noun: accept them only after a preposition or with a year."""
    mon = m.group("mon").lower().rstrip(".")
    if mon not in ("may", "march", "mar") or m.group("year") or m.group("part"):
        return m.group("mon")[0].isupper()
    before = text[max(0, m.start() - 8) : m.start()].lower()
    return (
        bool(re.search(r"\b(in|since|until|by|of|early|late|mid-?)\s*$", before))
        and m.group("mon")[0].isupper()
    )
