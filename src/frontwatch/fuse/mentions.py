"""Mentions: a stored event with what fusion needs from its document, and the time the report gives it.

Without a date of its own, a news report is about the days before its publication; a month named with no
year ("in November", in an undated article) still rules out other months; a report with no date and no
publication date fits any time (but a strike's, see `matching`). A background mention (an earlier event
recalled as context) with no date of its own is vague: it cannot tell which of several episodes at that
place it means.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from frontwatch.events import types
from frontwatch.records import EventMention

NEWS_WINDOW_DAYS = 3  # an undated news report is about the days up to its publication
# Strikes hit one town day after day: reports a day apart are two strikes, and an undated report of one
# is about the last two days or so.
RECURRING_TYPES = frozenset(types.names(recurring=True))
RECURRING_NEWS_WINDOW_DAYS = 2

AFFIRMING = frozenset({"reported", "claimed"})

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_RE = re.compile(r"\b(" + "|".join(m for m in calendar.month_name if m) + r")\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """An event mention with what fusion needs from its document."""

    event: EventMention
    published: date | None
    origin: str  # the document this one copies (duplicate_of), else itself
    outlet: str | None  # host of the document's URL
    span: tuple[date, date] | None  # when it happened, as far as the report tells (no slack added)
    month: int | None  # a month named with no year to place it
    vague: bool  # a recalled event with no date: it joins nothing

    @property
    def unconstrained(self) -> bool:
        return self.span is None and self.month is None and not self.vague

    @property
    def own_date(self) -> bool:
        return self.event.date is not None and not is_dateline(self.event)

    @property
    def affirms(self) -> bool:
        return self.event.status in AFFIRMING

    @property
    def speaker_side(self) -> str | None:
        return self.event.source.side if self.event.source else None

    @property
    def when(self) -> date | None:
        """When the statement was made: publication, else the event's own date."""
        if self.published:
            return self.published
        return self.span[1] if self.span and self.event.date else None


def _iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _month_hint(text: str) -> int | None:
    """The one month a text names, for a date that could not be placed in a year."""
    months = {_MONTH_NAMES[m.lower()] for m in _MONTH_RE.findall(text)}
    return months.pop() if len(months) == 1 else None


def is_dateline(e: EventMention) -> bool:
    """The event's date is its document's publication date, given for want of a date in the text."""
    return e.date is not None and not e.date.mention


def make_mention(e: EventMention, meta: dict | None) -> Mention:
    meta = meta or {}
    published = _iso(meta.get("published"))
    span: tuple[date, date] | None = None
    month: int | None = None
    vague = False
    start, end = (_iso(e.date.start), _iso(e.date.end)) if e.date is not None else (None, None)
    if start and end and not is_dateline(e):
        span = (start, end)
    elif (hint := _month_hint(e.evidence.text)) is not None and published is None:
        month = hint
    elif e.background:
        vague = True
    elif (dateline := published or (_iso(e.date.end) if e.date else None)) is not None:
        window = RECURRING_NEWS_WINDOW_DAYS if e.type in RECURRING_TYPES else NEWS_WINDOW_DAYS
        span = (dateline - timedelta(days=window), dateline)
    url = meta.get("url")
    host = urlsplit(url).hostname if url else None
    return Mention(
        event=e,
        published=published,
        origin=meta.get("duplicate_of") or e.doc_id,
        outlet=host.removeprefix("www.") if host else None,
        span=span,
        month=month,
        vague=vague,
    )


def report_order(m: Mention) -> tuple[date, str, str]:
    """Reports by when they were made; undated ones last."""
    return (m.when or date.max, m.event.doc_id, m.event.event_id)
