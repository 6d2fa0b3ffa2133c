"""Date expressions in news text, resolved against the publication date.

Own rules rather than dateparser: news dates are mostly weekdays ("on Saturday"), bare months ("in
September") and short relative phrases ("last week"), whose meaning depends on the publication date and
the tense, and each needs a range and a precision, not a single day. Phrases that point back into the
story ("the same day", "two days later") are placed by the day the narrative last named: an earlier date of
the sentence, or `anchor`, the day the preceding sentences named (`narrative_day`).

The names and patterns are in `vocabulary.py` (read from `lang/<code>/dates/`), the range one match stands
for in `ranges.py`; this module finds the expressions in a text, gives bare months their year and places
the phrases that point back into the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from frontwatch.events.dates.ranges import (
    SMALL_COUNTS,
    UNIT_DAYS,
    add_months,
    date_range,
    last_day_of_month,
    parse_published,
    resolve,
)
from frontwatch.events.dates.vocabulary import (
    ANAPHOR,
    DATELINE,
    DAYPART,
    LONGEST_OPENER,
    MONTH_OPENERS,
    MONTHS,
    PATTERNS,
    REL_YEAR,
    REPORTING,
    SPAN_OPENERS,
    STAMP_WORDS,
    YEAR_WORD,
)
from frontwatch.records import DateRange

__all__ = ["DateMention", "dateline_date", "find_dates", "narrative_day", "parse_published", "resolve"]

# Kinds that name one particular day and so set the narrative's day for what follows.
DAY_KINDS = frozenset(["mdy", "dmy", "iso", "numeric", "span", "weekday", "day", "anaphor"])
# The narrative day a time of day falls on must be news: at most this many days before publication.
_DAYPART_REACH = 3


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    range: DateRange
    kind: str = ""  # which pattern found it: "war" for phrases placed by the war's start


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
                DateMention(
                    part.start(), part.end(), date_range(anchor, anchor, "day", part.group(0)), "daypart"
                )
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
        n = SMALL_COUNTS.get(m.group("n").lower()) or int(m.group("n"))
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
        start, end = add_months(start, months), add_months(end, months)
        if precision == "month" and base is not None and base.range.precision != "day":
            end = last_day_of_month(end.year, end.month)
    else:
        shift = timedelta(days=step * UNIT_DAYS[unit])
        start, end = start + shift, end + shift
    return date_range(start, end, precision, text)


def _opens_span(text: str, start: int) -> bool:
    """Whether a span word ("since", "until") stands right before `start`. Looks back over the spaces
    and one word only: searching the whole text before every date costs quadratic time on long text."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return SPAN_OPENERS.search(text, max(0, end - LONGEST_OPENER), end) is not None


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


def _year_hint(text: str, pub: date | None) -> tuple[int, tuple[int, int]] | None:
    """The one year a sentence names relative to the publication date, and where it is named."""
    if pub is None:
        return None
    found = list(REL_YEAR.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return pub.year + shift, (m.start(), m.end())


def _context_year(text: str, m: re.Match[str], found: list[DateMention]) -> int | None:
    """The year a bare month takes from the text before it: 'September of the same year' takes the last year
    named; 'occupied in March 2022 and retaken in November' takes the year of the date just before, or the
    next where the month comes earlier in the year. Not from a date that opens a span ('since May 2022')."""
    g = m.groupdict()
    if g.get("same") or (g.get("rel") or "").lower().startswith("the"):
        years = YEAR_WORD.findall(text, 0, m.start())
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
        and not REPORTING.search(text, d.end, m.start())
    ]
    if not before:
        return None
    prev = date.fromisoformat(before[-1].range.start)
    month = MONTHS[m.group("mon").lower().rstrip(".")]
    return prev.year if month >= prev.month else prev.year + 1


def _looks_like_month(text: str, m: re.Match[str]) -> bool:
    """'May' and 'March' are also a verb and a noun: accept them only after a preposition or with a year."""
    mon = m.group("mon").lower().rstrip(".")
    if not m.group("mon")[0].isupper():
        return False
    if mon not in ("may", "march", "mar") or m.group("year") or m.group("part") or m.groupdict().get("mrel"):
        return True
    before = text[max(0, m.start() - 8) : m.start()].lower()
    return bool(MONTH_OPENERS.search(before))


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
        opening = DATELINE.match(line)
        if opening is not None and opening.end() == first.start:
            return date.fromisoformat(first.range.start)
        rest = line[: first.start] + " " + line[first.end :]
        words = [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w.lower() not in STAMP_WORDS]
        if len(line) <= 80 and len(words) <= 1:
            return date.fromisoformat(first.range.start)
    return None
