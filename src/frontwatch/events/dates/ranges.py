"""One matched date expression turned into a range and a precision, against the publication date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from frontwatch.events.dates.vocabulary import MONTHS, SEASONS, WAR_START, WEEKDAYS
from frontwatch.events.quantities import UNITS
from frontwatch.records import DateRange

# Counts of days, weeks or months written as words ("two days later", "a few weeks ago").
SMALL_COUNTS = {w: n for w, n in UNITS.items() if 1 <= n <= 10} | {"a": 1, "an": 1, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def last_day_of_month(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def date_range(start: date, end: date, precision: str, mention: str) -> DateRange:
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
        return date_range(d, d, "day", text) if d else None
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
        return date_range(date(year, 1, 1), date(year, 12, 31), "year", text)
    if kind == "weekday":
        return _weekday(g, pub, future, text)
    if kind == "weekend":
        return _weekend((g["rel"] or "").lower(), pub, future, text)
    if kind == "day":
        return _day_word(re.sub(r"\s+", " ", g["word"].lower()), pub, text)
    if kind == "rel":
        return _relative_unit(g, pub, text)
    if kind == "ago":
        n = SMALL_COUNTS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        d = pub - timedelta(days=UNIT_DAYS[unit] * n)
        return date_range(d, d, unit, text)
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
    return date_range(start, end, "day" if days <= 2 else "week" if days <= 7 else "month", text)


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
        start, end = date(year, month, 1), last_day_of_month(year, month)
        thirds = ((1, 10), (11, 20), (21, end.day))
        precision = "month"
    which = {"beginning": 0, "start": 0, "early": 0, "middle": 1, "mid": 1, "end": 2, "late": 2}.get(part)
    if which is not None:
        lo, hi = thirds[which]
        if month is None:
            start, end = date(year, lo, 1), last_day_of_month(year, hi)
        else:
            start, end = date(year, month, lo), date(year, month, hi)
    if cap is not None and start <= cap < end:
        end = cap
    return date_range(start, end, precision, text)


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
    return date_range(d, d, "day", text)


def _weekend(rel: str, pub: date, future: bool, text: str) -> DateRange:
    """Saturday and Sunday: the latest one begun by publication, the one before ('last weekend' told at a
    weekend) or the next."""
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    rel = re.sub(r"\s+", " ", rel)
    if rel == "next" or (future and rel != "last" and pub.weekday() < 5):
        saturday += timedelta(days=7)
    elif rel == "last" and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return date_range(saturday, saturday + timedelta(days=1), "week", text)


def _day_word(word: str, pub: date, text: str) -> DateRange:
    if word == "overnight":
        return date_range(pub - timedelta(days=1), pub, "day", text)
    shift = {
        "yesterday": -1,
        "last night": -1,
        "last evening": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
    }.get(word, 0)
    d = pub + timedelta(days=shift)
    return date_range(d, d, "day", text)


def _relative_unit(g: dict[str, str | None], pub: date, text: str) -> DateRange:
    rel, unit = (g["rel"] or "").lower(), (g["unit"] or "").lower()
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        if rel == "past" or (g.get("the") and rel == "last"):  # "the past week": seven days up to publication
            return date_range(pub - timedelta(days=7), pub, "week", text)
        end = min(monday + timedelta(days=6), pub) if shift == 0 else monday + timedelta(days=6)
        return date_range(monday, end, "week", text)
    if unit == "month":
        y, mo = pub.year, pub.month + shift
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        end = pub if shift == 0 else last_day_of_month(y, mo)
        return date_range(date(y, mo, 1), end, "month", text)
    y = pub.year + shift
    return date_range(date(y, 1, 1), pub if shift == 0 else date(y, 12, 31), "year", text)


def _season_span(season: str, y: int) -> tuple[date, date]:
    """The season that begins in year y (winter: December of y to February of y + 1)."""
    lo, hi = SEASONS[season]
    return date(y, lo, 1), last_day_of_month(y + (1 if lo > hi else 0), hi)


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
    return date_range(start, min(end, pub) if start <= pub < end and not future else end, "month", text)


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
        start, end = first, last_day_of_month(first.year, first.month)
    return date_range(start, end, "month", text)


def _war_range(g: dict[str, str | None], pub: date | None, text: str) -> DateRange | None:
    """'early in the war', 'at the start of the invasion', 'in the first weeks of the war': a span from its
    first day; only in articles written after it began (or undated), where "the war" is this one."""
    if pub is not None and pub < WAR_START:
        return None
    if g.get("early"):
        return date_range(WAR_START, date(2022, 3, 31), "month", text)
    if g.get("start"):
        return date_range(WAR_START, WAR_START + timedelta(days=14), "week", text)
    unit = (g.get("unit") or g.get("unit2") or "weeks").lower().rstrip("s")
    word = (g.get("n") or g.get("n2") or "").lower()
    n = (SMALL_COUNTS.get(word) or int(word)) if word else 1
    if not word and (g.get("unit") or g.get("unit2") or "").lower().endswith("s"):
        n = {"day": 7, "week": 3, "month": 2}[unit]  # "the first days": a week; "the first weeks": a few
    days = {"day": 1, "week": 7, "month": 30}[unit] * n
    end = WAR_START + timedelta(days=days)
    if pub is not None:
        end = min(end, pub)
    return date_range(WAR_START, end, "week" if days <= 31 else "month", text)


def add_months(d: date, months: int) -> date:
    y, mo = divmod(d.month - 1 + months, 12)
    month_end = last_day_of_month(d.year + y, mo + 1)
    return date(d.year + y, mo + 1, min(d.day, month_end.day))
