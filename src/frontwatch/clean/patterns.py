"""The boilerplate patterns, read from the language layer (`lang/<code>/clean/`).

A `.re` file lists a rule's alternatives, one a line; `{name}` stands for the part `clean/parts/<name>.re`
(a name list or a shape several rules share, such as agencies, platforms or a byline's personal names),
spliced in as a group. Month and weekday abbreviations come from the dates tables, so the stamps a page
prints and the dates the events stage reads use the same names.
"""

from __future__ import annotations

import re
from functools import cache

from frontwatch import lang

# Rule families tried in this order on each line; the first that fits the whole line names it in the audit.
LINE_FAMILIES = (
    "comment-form",
    "related",
    "navigation",
    "share",
    "promo",
    "feedback",
    "advert",
    "caption",
    "reference",
    "credit",
    "meta",
    "consent",
    "author",
    "outlet",
    "live-blog",
    "separator",
    "copyright",
    "widget",
)
# Families that hold only outside the article's prose, where a name on its own is a byline.
EDGE_FAMILIES = ("author", "related")


def _abbreviations(table: str) -> str:
    return "|".join(re.escape(short) for entry in lang.table(table).values() for short in entry["short"])


# Parts built from tables rather than read from `clean/parts/`.
_TABLE_PARTS = {
    "month_abbreviation": lambda: _abbreviations("dates/months"),
    "weekday_abbreviation": lambda: _abbreviations("dates/weekdays"),
}


@cache
def part(name: str) -> str:
    """The regular expression of a named part, its own parts spliced in."""
    if name in _TABLE_PARTS:
        return _TABLE_PARTS[name]()
    return expand(lang.pattern(f"clean/parts/{name}"))


def expand(text: str) -> str:
    return lang.expand(text, part)


def rules(concept: str) -> re.Pattern[str]:
    """The alternatives of `clean/<concept>.re` as one case-insensitive pattern."""
    return re.compile(expand(lang.pattern(f"clean/{concept}")), re.IGNORECASE)


LINE_RULES: dict[str, re.Pattern[str]] = {family: rules(f"rules/{family}") for family in LINE_FAMILIES}
EDGE_RULES: dict[str, re.Pattern[str]] = {family: rules(f"edge/{family}") for family in EDGE_FAMILIES}
MASTHEAD = rules("masthead")
AUTHOR_BIO = rules("author_bio")
RELATED_HEADER = rules("related_header")
GALLERY_COUNTER = rules("gallery_counter")
TAIL_MARKERS = rules("tail_markers")
COMMENTS_HEADER = re.compile(f"(?:{part('comments_header')})", re.IGNORECASE)
# A labelled date stamp glued before a paragraph's first word (a capital, or a quote before one).
GLUED_STAMP = re.compile(
    f"(?:{expand(lang.pattern('clean/glued_stamp'))})" + r"(?=\s+(?-i:[\"“‘']?[A-Z]))", re.IGNORECASE
)
# The words a screen reader is given after a link that opens elsewhere, at the end of a line.
NEW_TAB = rules("new_tab")
