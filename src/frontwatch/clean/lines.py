"""The shape of a line: normalised text, the key lines are compared by, prose, headlines and titles."""

from __future__ import annotations

import re
import unicodedata

BULLET = re.compile(r"^[\s•·▪►▶»*\-–—|]+")
_SPACES = re.compile(r"\s+")
# A line that stops like a sentence or a clause (a headline may end in a question mark or a quote).
CLAUSE_END = re.compile(r"[.!;,…:][\"'”’»)\]]*$")
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*$|[\"”’»」』]$")
# A headline: a short line without a full stop ("Prigozhin: Wagner to leave the city on May 25").
HEADLINE_MIN_WORDS, HEADLINE_MIN_WORDS_WITH_COLON, HEADLINE_MAX_WORDS = 5, 3, 25


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\u00a0", " ").replace("\u200b", "")


def core(line: str) -> str:
    """A line without its leading bullets and surrounding spaces."""
    return BULLET.sub("", line).strip()


def line_key(line: str) -> str:
    """A line as compared across documents: no bullets, spacing or case."""
    return _SPACES.sub(" ", BULLET.sub("", line)).strip().casefold()


def is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(SENTENCE_END.search(line.strip()))


def looks_like_title(line: str) -> bool:
    """A first line that can be a headline: short, and not ending as a sentence or clause does."""
    return 0 < len(line.split()) <= HEADLINE_MAX_WORDS and not CLAUSE_END.search(line)


def is_headline(line: str) -> bool:
    words = len(line.split())
    # "Kremlin: talks are possible" names its speaker the way headlines do, so it may be shorter.
    least = HEADLINE_MIN_WORDS_WITH_COLON if re.search(r"\w: \w", line) else HEADLINE_MIN_WORDS
    return least <= words <= HEADLINE_MAX_WORDS and not CLAUSE_END.search(line)
