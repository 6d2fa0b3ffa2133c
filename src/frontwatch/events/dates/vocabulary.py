"""The vocabulary of dates: month, weekday and season names and the patterns of date expressions, read from
the language layer (`lang/<code>/dates/`). `{name}` in a pattern is a part from `dates/parts/`, or a name
list built from the tables here.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from frontwatch import lang

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
_SMALL_NUMBER = "|".join(w for w, n in lang.table("numbers/words")["units"].items() if 1 <= n <= 10)
_TABLE_PARTS = {"month_name": _MON, "weekday_name": _DAY, "season": _SEASON, "small_number": _SMALL_NUMBER}


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


# A word that opens a span right before a date: "since May 2022", "until Friday".
_SPAN_WORDS = lang.entries("dates/span_openers")
SPAN_OPENERS = re.compile(rf"\b(?:{'|'.join(_SPAN_WORDS)})\s*$", re.I)
LONGEST_OPENER = max(map(len, _SPAN_WORDS)) + 1  # and the character before it, for the word boundary

# A year named relative to publication ("last year") and a year written out.
REL_YEAR = _pattern("relative_year", re.I)
YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")

# A statement's own date follows its verb of saying: "since the invasion in February 2022, the ministry said
# in March" names March of the news, not of the invasion's year.
REPORTING = re.compile(rf"\b(?:{'|'.join(lang.entries('dates/reporting_verbs'))})\b", re.I)
# Words after which "May" and "March" are months: "in May", "since March", "mid-May".
MONTH_OPENERS = re.compile(rf"\b({lang.pattern('dates/month_openers')})\s*$")

# Words a page's date stamp carries beside the date: "Published 1 November 2024, 10:15 CET", "Wed 30 Aug 2023
# 06.00 BST", "January 15, 2023 11:24 AM · 4 min read", "June 30, 2022 4:12 PM GMT+3 Updated 2 hours ago".
STAMP_WORDS = lang.words("dates/stamp_words") | {
    form for name, d in _WEEKDAY_TABLE.items() for form in (name, *d["short"])
}
# A wire story's dateline: "MOSCOW, 30 October 2024. ...", "Kyiv, 12 May 2024 - ..."
DATELINE = re.compile(r"(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s*\([^)]{1,40}\))?,\s+")
