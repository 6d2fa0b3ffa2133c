"""Date expressions in news text, resolved against the publication date.

Own rules rather than dateparser: news dates are mostly weekdays ("on Saturday"), bare months ("in
September") and short relative phrases ("last week"), whose meaning depends on the publication date and
the tense, and each needs a range and a precision, not a single day. Phrases that point back into the
story ("the same day", "two days later") are placed by the day the narrative last named: an earlier date of
the sentence, or `anchor`, the day the preceding sentences named (`narrative_day`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from frontwatch import lang
from frontwatch.events.quantities import UNITS
from frontwatch.records import DateRange

_MONTH_TABLE = lang.table("dates/months")
_WEEKDAY_TABLE = lang.table("dates/weekdays")
MONTHS = {name: m["number"] for name, m in _MONTH_TABLE.items()}
MONTHS.update({short: m["number"] for m in _MONTH_TABLE.values() for short in m["short"]})
WEEKDAYS = {name: d["number"] for name, d in _WEEKDAY_TABLE.items()}
SEASONS = {name: (first, last) for name, (first, last) in lang.table("dates/seasons").items()}


def _alternatives(forms: list[str]) -> str:
    """Capitalised names as one alternation, longest first: "September|Sept|Sep"."""
    return "|".join(re.escape(f.capitalize()) for f in sorted(dict.fromkeys(forms), key=len, reverse=True))


_MON = rf"(?:{'|'.join(_alternatives([name, *m['short']]) for name, m in _MONTH_TABLE.items())})\.?"
_DAY = rf"(?:{'|'.join(name.capitalize() for name in WEEKDAYS)})"
_SEASON = rf"(?P<season>{'|'.join(SEASONS)})"
# The war: Russia's full-scale invasion of Ukraine, begun on 24 February 2022. Phrases placed by it ("early in
# the war", "in the first weeks of the invasion") date background events an article recalls.
WAR_START = date(2022, 2, 24)

# Parts built from the tables rather than read from `dates/parts/`.
_TABLE_PARTS = {"month_name": _MON, "weekday_name": _DAY, "season": _SEASON}


@cache
def _part(name: str) -> str:
    return _TABLE_PARTS.get(name) or lang.expand(lang.pattern(f"dates/parts/{name}"), _part)


def _pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """The pattern `dates/patterns/<name>.re`, its parts spliced in."""
    return re.compile(lang.expand(lang.pattern(f"dates/patterns/{name}"), _part), flags)


# Each kind of date expression, tried in this order; a later match may not overlap an earlier one.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("span", _pattern("span_day_first")),
    ("span", _pattern("span_month_first")),
    ("mdy", _pattern("mdy")),
    ("dmy", _pattern("dmy")),
    ("iso", _pattern("iso")),
    ("numeric", _pattern("numeric")),
    ("part", _pattern("part", re.I)),
    ("month", _pattern("month")),
    ("weekday", _pattern("weekday")),
    ("weekend", _pattern("weekend", re.I)),
    ("rel", _pattern("relative", re.I)),
    ("ago", _pattern("ago", re.I)),
    ("day", _pattern("day", re.I)),
    ("season", _pattern("season_of_year", re.I)),
    ("season", _pattern("season_relative", re.I)),
    ("year", _pattern("year")),
    ("war", _pattern("war", re.I)),
]

# Placed by the narrative's day rather than the publication date; matched after all the others.
ANAPHOR = _pattern("anaphor", re.I)
# A time of day with no day of its own: "in the morning", "at about 22:40".
DAYPART = _pattern("daypart", re.I)
# Kinds that name one particular day and so set the narrative's day for what follows.
DAY_KINDS = frozenset(["mdy", "dmy", "iso", "numeric", "span", "weekday", "day", "anaphor"])
# The narrative day a time of day falls on must be news: at most this many days before publication.
_DAYPART_REACH = 3

# Counts of days, weeks or months written as words ("two days later", "a few weeks ago").
_SMALL = {w: n for w, n in UNITS.items() if 1 <= n <= 10} | {"a": 1, "an": 1, "few": 3}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


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


def _year_for(month: int, day: int, pub: date, future: bool, near_ahead: bool = False) -> int:
    """The year that puts month/day on the side of the publication date the tense points to. With
    `near_ahead`, a day a few weeks ahead is this year's even in the past tense ("payable Dec. 15" written in
    early November; a story stamped a day before the local date it tells): news names the year of a day
    months away. A bare month stays behind: "troops left in May" written in March is last May."""
    if future:
        return pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    if (month, day) <= (pub.month, pub.day) or not near_ahead:
        return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    ahead = (_safe_date(pub.year, month, min(day, 28)) or pub) - pub
    return pub.year if ahead.days * 4 < 365 - ahead.days else pub.year - 1


def _month_day(kind: str, g: dict[str, str | None]) -> tuple[int, int]:
    if kind == "iso":
        return int(g["m"] or 0), int(g["day"] or 0)
    if kind == "numeric":
        a, b = int(g["a"] or 0), int(g["b"] or 0)
        return (a, b) if b > 12 >= a else (b, a)  # day first unless the first number cannot be a month
    return MONTHS[(g["mon"] or "").lower().rstrip(".")], int(g["day"] or 0)


def resolve(
    kind: str, m: re.Match[str], pub: date | None, future: bool = False, year_hint: int | None = None
) -> DateRange | None:
    """Turn one matched expression into a range; None when it needs a publication date that is missing.
    `year_hint` is the year the sentence otherwise names ("last year ... in October", "in May 2022 ... in
    November")."""
    text = m.group(0)
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else year_hint if kind in ("mdy", "dmy", "month", "span") else None
    if kind in ("mdy", "dmy", "iso", "numeric"):
        month, day = _month_day(kind, g)
        if year is None:
            if pub is None:
                return None
            year = _year_for(month, day, pub, future, near_ahead=True)
        d = _safe_date(year, month, day)
        return _rng(d, d, "day", text) if d else None
    if kind == "span":
        return _span(g, pub, future, year, text)
    if kind == "month":
        return _month(g, pub, future, year, text)
    if kind == "war":
        return _war_range(g, pub, text)
    same_year = (g.get("rel") or "").lower().startswith("the") and (g.get("unit") or "").lower() == "year"
    if kind == "part" and (g.get("year") or (same_year and year_hint)):  # "late 2022", "the end of that year"
        return _part_range(int(g["year"] or year_hint or 0), None, (g["part"] or "").lower(), None, text)
    if kind == "season" and g.get("year"):
        return _season_of_year(g, pub, text)
    if pub is None:
        return None
    if kind == "part":
        return _relative_part(g, pub, text)
    if kind == "year" and year is not None:
        return _rng(date(year, 1, 1), date(year, 12, 31), "year", text)
    if kind == "weekday":
        return _weekday(g, pub, future, text)
    if kind == "weekend":
        return _weekend((g["rel"] or "").lower(), pub, future, text)
    if kind == "day":
        return _day_word(re.sub(r"\s+", " ", g["word"].lower()), pub, text)
    if kind == "rel":
        return _relative_unit(g, pub, text)
    if kind == "ago":
        n = _SMALL.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        d = pub - timedelta(days=_UNIT_DAYS[unit] * n)
        return _rng(d, d, unit, text)
    if kind == "season":
        return _season(g, pub, future, text)
    return None


def _span(
    g: dict[str, str | None], pub: date | None, future: bool, year: int | None, text: str
) -> DateRange | None:
    month = MONTHS[(g["mon"] or "").lower().rstrip(".")]
    d1, d2 = int(g["d1"] or 0), int(g["d2"] or 0)
    if not 0 < d1 < d2 <= 31:
        return None
    if year is None:
        if pub is None:
            return None
        year = _year_for(month, d1, pub, future, near_ahead=True)
    start, end = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if start is None or end is None:
        return None
    days = (end - start).days
    return _rng(start, end, "day" if days <= 2 else "week" if days <= 7 else "month", text)


def _month(
    g: dict[str, str | None], pub: date | None, future: bool, year: int | None, text: str
) -> DateRange | None:
    month = MONTHS[(g["mon"] or "").lower().rstrip(".")]
    rel = re.sub(r"\s+", " ", (g.get("mrel") or "").lower())
    if year is None:
        if pub is None:
            return None
        if rel in ("last", "past", "this past"):  # "last May": the latest May before this month
            year = pub.year if month < pub.month else pub.year - 1
        elif rel == "this":
            year = pub.year
        elif rel in ("next", "this coming"):
            year = pub.year if month > pub.month else pub.year + 1
        else:
            year = _year_for(month, 1, pub, future)
    return _part_range(year, month, (g.get("part") or "").lower(), None, text)


def _part_range(year: int, month: int | None, part: str, cap: date | None, text: str) -> DateRange:
    """A month, or with no month a year, narrowed by 'early', 'mid' or 'late': thirds of it."""
    if month is None:
        start, end = date(year, 1, 1), date(year, 12, 31)
        thirds = ((1, 4), (5, 8), (9, 12))
        precision = "year" if not part else "month"
    else:
        start, end = date(year, month, 1), _month_end(year, month)
        thirds = ((1, 10), (11, 20), (21, end.day))
        precision = "month"
    which = {"beginning": 0, "start": 0, "early": 0, "middle": 1, "mid": 1, "end": 2, "late": 2}.get(part)
    if which is not None:
        lo, hi = thirds[which]
        if month is None:
            start, end = date(year, lo, 1), _month_end(year, hi)
        else:
            start, end = date(year, month, lo), date(year, month, hi)
    if cap is not None and start <= cap < end:
        end = cap
    return _rng(start, end, precision, text)


def _relative_part(g: dict[str, str | None], pub: date, text: str) -> DateRange | None:
    """'late last year', 'the end of this month', 'early this year'."""
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    if rel == "the same":
        return None  # "the end of the same month": no month to place it by here
    shift = {"this": 0, "last": -1, "next": 1}[rel]
    part = (g["part"] or "").lower()
    cap = pub if shift == 0 else None
    if (g["unit"] or "").lower() == "year":
        return _part_range(pub.year + shift, None, part, cap, text)
    y, mo = pub.year, pub.month + shift
    if mo == 0:
        y, mo = y - 1, 12
    elif mo == 13:
        y, mo = y + 1, 1
    return _part_range(y, mo, part, cap, text)


def _weekday(g: dict[str, str | None], pub: date, future: bool, text: str) -> DateRange:
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if rel in ("past", "this past"):
        rel = "last"
    if rel == "this coming":
        rel = "next"
    if rel == "next" or (future and rel != "last"):
        delta = (wd - pub.weekday()) % 7 or (7 if rel == "next" else 0)
        d = pub + timedelta(days=delta)
    else:
        delta = (pub.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        d = pub - timedelta(days=delta)
    return _rng(d, d, "day", text)


def _weekend(rel: str, pub: date, future: bool, text: str) -> DateRange:
    """Saturday and Sunday: the latest one begun by publication, the one before ('last weekend' told at a
    weekend) or the next."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    rel = re.sub(r"\s+", " ", rel)
    if rel == "next" or (future and rel != "last" and pub.weekday() < 5):
        saturday += timedelta(days=7)
    elif rel == "last" and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _rng(saturday, saturday + timedelta(days=1), "week", text)


def _day_word(word: str, pub: date, text: str) -> DateRange:
    if word == "overnight":
        return _rng(pub - timedelta(days=1), pub, "day", text)
    shift = {
        "yesterday": -1,
        "last night": -1,
        "last evening": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
    }.get(word, 0)
    d = pub + timedelta(days=shift)
    return _rng(d, d, "day", text)


def _relative_unit(g: dict[str, str | None], pub: date, text: str) -> DateRange:
    rel, unit = (g["rel"] or "").lower(), (g["unit"] or "").lower()
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if rel == "past" or (g.get("the") and rel == "last"):  # "the past week": seven days up to publication
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


def _season_span(season: str, y: int) -> tuple[date, date]:
    """The season that begins in year y (winter: December of y to February of y + 1)."""
    lo, hi = SEASONS[season]
    return date(y, lo, 1), _month_end(y + (1 if lo > hi else 0), hi)


def _season(g: dict[str, str | None], pub: date, future: bool, text: str) -> DateRange | None:
    season, rel = (g["season"] or "").lower(), (g["rel"] or "").lower()
    if season == "fall" and rel == "the":
        return None  # "the fall" is far more often a city's than autumn
    latest = pub.year if _season_span(season, pub.year)[0] <= pub else pub.year - 1  # the latest begun
    start, end = _season_span(season, latest)
    if rel in ("last", "past") and end >= pub:
        start, end = _season_span(season, latest - 1)  # "last winter" told in winter: the one before
    elif rel == "next" or (future and end < pub):
        start, end = _season_span(season, latest + 1)
    elif rel == "this" and end < pub:
        start, end = _season_span(season, latest + 1)  # "this summer" told in spring: the coming one
    return _rng(start, min(end, pub) if start <= pub < end and not future else end, "month", text)


def _season_of_year(g: dict[str, str | None], pub: date | None, text: str) -> DateRange:
    """'the autumn of 2022'; 'winter 2022' runs from December 2022, or from December 2021 where that
    December lies after the publication date (the winter the year began with)."""
    season, year = (g["season"] or "").lower(), int(g["year"] or 0)
    start, end = _season_span(season, year)
    if season == "winter" and pub is not None and start > pub:
        start, end = _season_span(season, year - 1)
    part = (g.get("part") or "").lower()
    if part:  # "late summer 2022": a third of the season, a month each
        i = {"early": 0, "mid": 1, "late": 2}[part]
        first = date(start.year + (start.month + i - 1) // 12, (start.month + i - 1) % 12 + 1, 1)
        start, end = first, _month_end(first.year, first.month)
    return _rng(start, end, "month", text)


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


def find_dates(
    text: str, published: str | date | None, future: bool = False, anchor: date | None = None
) -> list[DateMention]:
    """All date expressions in `text`, longest first where they overlap, in text order. `anchor` is the
    day the story last named before this text (see `narrative_day`); without it, phrases such as "the same
    day" are placed only by an earlier date of the text itself."""
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
            year = hint[0] if hint and near else None
            if kind in ("month", "mdy", "dmy", "span", "part") and year is None:
                year = _context_year(text, m, found)
            rng = resolve(kind, m, pub, future, year)
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
    found.sort(key=lambda d: d.start)
    return _anchored(text, found, taken, pub, anchor)


def _anchored(
    text: str, found: list[DateMention], taken: set[int], pub: date | None, anchor: date | None
) -> list[DateMention]:
    """Add the phrases placed by the narrative's day: the last day the text named before them, else
    `anchor`."""
    extra: list[DateMention] = []
    for m in ANAPHOR.finditer(text):
        if any(i in taken for i in range(m.start(), m.end())):
            continue
        rng = _anaphor(m, _base_before(found + extra, m.start()), anchor, pub)
        if rng is not None:
            extra.append(DateMention(m.start(), m.end(), rng, "anaphor"))
    if not found and not extra:  # a time of day takes the narrative's day only where nothing else dates it
        recent = anchor is not None and (pub is None or pub - timedelta(days=_DAYPART_REACH) <= anchor <= pub)
        part = DAYPART.search(text) if recent and anchor is not None else None
        if part is not None and anchor is not None:
            extra.append(
                DateMention(part.start(), part.end(), _rng(anchor, anchor, "day", part.group(0)), "daypart")
            )
    return sorted(found + extra, key=lambda d: d.start)


def _base_before(found: list[DateMention], offset: int) -> DateMention | None:
    """The last date of the text before `offset` that a phrase such as "two months later" counts from."""
    before = [d for d in found if d.end <= offset and d.kind not in ("war", "daypart")]
    return before[-1] if before else None


def _day_of(d: DateMention) -> date:
    """The one day a mention stands for: the morning after an overnight attack, else its first day."""
    return date.fromisoformat(d.range.end if d.kind == "day" else d.range.start)


_COARSE = {"day": 0, "week": 1, "month": 2, "year": 3}


def _anaphor(
    m: re.Match[str], base: DateMention | None, anchor: date | None, pub: date | None
) -> DateRange | None:
    """'the same day', 'the next day', 'two days later', 'a year earlier': counted from the text's last date
    before it ('sank in April 2022, and two months later ...'), else from the narrative's day `anchor`."""
    text = m.group(0)
    unit = (m.group("unit") or "day").lower()
    if m.group("unit"):
        n = _SMALL.get(m.group("n").lower()) or int(m.group("n"))
        step = -n if m.group("earlier") else n
    else:
        step = 1 if m.group("next") else -1 if m.group("prev") else 0
    if base is not None:
        if not m.group("unit") and (base.kind not in DAY_KINDS or base.range.precision != "day"):
            return None  # "the same day" after "in April": no day to be the same as
        start, end = date.fromisoformat(base.range.start), date.fromisoformat(base.range.end)
        if base.kind in DAY_KINDS and base.range.precision == "day":
            start = end = _day_of(base)
        precision = max(unit, base.range.precision, key=_COARSE.__getitem__)
    elif anchor is not None or (m.group("earlier") and unit in ("month", "year") and pub is not None):
        start = end = anchor or pub  # type: ignore[assignment]  # "a year earlier": a year before the news
        precision = unit
    else:
        return None
    if unit in ("month", "year"):
        months = step * (12 if unit == "year" else 1)
        start, end = _add_months(start, months), _add_months(end, months)
        if precision == "month" and base is not None and base.range.precision != "day":
            end = _month_end(end.year, end.month)
    else:
        shift = timedelta(days=step * _UNIT_DAYS[unit])
        start, end = start + shift, end + shift
    return _rng(start, end, precision, text)


def _add_months(d: date, months: int) -> date:
    y, mo = divmod(d.month - 1 + months, 12)
    month_end = _month_end(d.year + y, mo + 1)
    return date(d.year + y, mo + 1, min(d.day, month_end.day))


_SPAN_WORDS = lang.entries("dates/span_openers")
_SPAN_OPENERS = re.compile(rf"\b(?:{'|'.join(_SPAN_WORDS)})\s*$", re.I)
_LONGEST_OPENER = max(map(len, _SPAN_WORDS)) + 1  # and the character before it, for the word boundary


def _opens_span(text: str, start: int) -> bool:
    """Whether a span word ("since", "until") stands right before `start`. Looks back over the spaces
    and one word only: searching the whole text before every date costs quadratic time on long text."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _SPAN_OPENERS.search(text, max(0, end - _LONGEST_OPENER), end) is not None


def narrative_day(texts: Iterable[str], published: str | date | None) -> date | None:
    """The day a story has last named, read through `texts` (the sentences before the one to date) in
    order: what "the same day" or "in the morning" of the next sentence refers to. A date that opens or
    closes a span ("since Feb. 24, 2022", "until Friday") names no day of the story."""
    pub = published if isinstance(published, date) else parse_published(published)
    day: date | None = None
    for text in texts:
        for d in find_dates(text, pub, anchor=day):
            opens_span = _opens_span(text, d.start)
            if d.kind in DAY_KINDS and d.range.precision == "day" and not opens_span:
                day = _day_of(d)
    return day


# How far from "last year" a month may stand and still be placed by it: the same clause, not a dateline
# ("KYIV, Feb 17 - ... since it took the town in May last year").
_HINT_REACH = 80


def _near(a: re.Match[str] | tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = (a.start(), a.end()) if isinstance(a, re.Match) else a
    return max(start, b[0]) - min(end, b[1]) <= _HINT_REACH


_REL_YEAR = _pattern("relative_year", re.I)
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")


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


# A statement's own date follows its verb of saying: "since the invasion in February 2022, the ministry said
# in March" names March of the news, not of the invasion's year.
_REPORTING = re.compile(rf"\b(?:{'|'.join(lang.entries('dates/reporting_verbs'))})\b", re.I)


def _context_year(text: str, m: re.Match[str], found: list[DateMention]) -> int | None:
    """The year a bare month takes from the text before it: 'September of the same year' takes the last year
    named; 'occupied in March 2022 and retaken in November' takes the year of the date just before, or the
    next where the month comes earlier in the year. Not from a date that opens a span ('since May 2022')."""
    g = m.groupdict()
    if g.get("same") or (g.get("rel") or "").lower().startswith("the"):
        years = _YEAR_WORD.findall(text, 0, m.start())
        return int(years[-1]) if years else None
    if g.get("year") or g.get("mrel") or "mon" not in g:
        return None
    before = [
        d
        for d in found
        if d.end <= m.start()
        and d.kind in ("mdy", "dmy", "month", "span", "iso", "numeric")
        and re.search(r"\d{4}", d.range.mention)
        and m.start() - d.end <= _HINT_REACH
        and not _opens_span(text, d.start)
        and not _REPORTING.search(text, d.end, m.start())
    ]
    if not before:
        return None
    prev = date.fromisoformat(before[-1].range.start)
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    return prev.year if month >= prev.month else prev.year + 1


# Words after which "May" and "March" are months: "in May", "since March", "mid-May".
_MONTH_OPENERS = re.compile(rf"\b({lang.pattern('dates/month_openers')})\s*$")


def _looks_like_month(text: str, m: re.Match[str]) -> bool:
    """'May' and 'March' are also a verb and a noun: accept them only after a preposition or with a year."""
    mon = m.group("mon").lower().rstrip(".")
    if not m.group("mon")[0].isupper():
        return False
    if mon not in ("may", "march", "mar") or m.group("year") or m.group("part") or m.groupdict().get("mrel"):
        return True
    before = text[max(0, m.start() - 8) : m.start()].lower()
    return bool(_MONTH_OPENERS.search(before))


# Words a page's date stamp carries beside the date: "Published 1 November 2024, 10:15 CET", "Wed 30 Aug 2023
# 06.00 BST", "January 15, 2023 11:24 AM · 4 min read", "June 30, 2022 4:12 PM GMT+3 Updated 2 hours ago".
_STAMP_WORDS = lang.words("dates/stamp_words") | {
    form for name, d in _WEEKDAY_TABLE.items() for form in (name, *d["short"])
}
# A wire story's dateline: "MOSCOW, 30 October 2024. ...", "Kyiv, 12 May 2024 - ..."
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s*\([^)]{1,40}\))?,\s+")
_FULL_KINDS = frozenset(["mdy", "dmy", "iso", "numeric"])


def dateline_date(text: str, max_lines: int = 12) -> date | None:
    """The date a page was written, read from its first lines when no publication date came with it: a line
    that is a date stamp, or a dateline opening the story. Only full dates, with their year."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:max_lines]
    for line in lines:
        full = [d for d in find_dates(line[:200], None) if d.kind in _FULL_KINDS]
        if not full:
            continue
        first = full[0]
        opening = _DATELINE.match(line)
        if opening is not None and opening.end() == first.start:
            return date.fromisoformat(first.range.start)
        rest = line[: first.start] + " " + line[first.end :]
        words = [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w.lower() not in _STAMP_WORDS]
        if len(line) <= 80 and len(words) <= 1:
            return date.fromisoformat(first.range.start)
    return None
