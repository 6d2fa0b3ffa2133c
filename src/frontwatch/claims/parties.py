"""The parties: the side a phrase names (the registry `claims/parties` in lang), a titled speaker's side."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from frontwatch import lang
from frontwatch.claims.syntax import TITLE_WORDS, word_tokens

# Marks of an administration put in place by the power that holds the territory, not by its state.
OCCUPATION_WORDS = lang.words("claims/occupation_words")
_PLACE_IN_TITLE = re.compile(lang.pattern("claims/place_in_title"))
_NAME_STAMP = re.compile(lang.pattern("claims/name_stamp"))
_NAME_TAIL = lang.words("claims/name_tail_words")
_NOT_NAMES = lang.words("claims/not_names")


@dataclass(frozen=True, slots=True)
class Registry:
    words: dict[str, str | None]  # lowercase phrase -> side ("none" read as None)
    cased: dict[str, str | None]  # acronyms matched only as written ("US", not the pronoun "us")
    longest: int

    def side(self, text: str | None) -> str | None:
        """Side named in a phrase: the first registry entry found, longer entries first at each position."""
        if not text:
            return None
        tokens = word_tokens(text)
        lower = [t.lower() for t in tokens]
        for i in range(len(tokens)):
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                key = " ".join(lower[i : i + n])
                if key in self.words:
                    return self.words[key]
                if n == 1:
                    if tokens[i] in self.cased:
                        return self.cased[tokens[i]]
                    base = _possessive_base(key)
                    if base is not None and base in self.words:
                        return self.words[base]
        return None

    def known(self, text: str | None) -> bool:
        if not text:
            return False
        return any(t.lower() in self.words or t in self.cased for t in word_tokens(text))


def _possessive_base(word: str) -> str | None:
    return word[:-2] if word.endswith("'s") and len(word) > 3 else None


@lru_cache(maxsize=1)
def registry() -> Registry:
    raw = lang.table("claims/parties")
    words: dict[str, str | None] = {}
    for table in ("adjectives", "places", "institutions", "persons"):
        for k, v in raw[table].items():
            words[k.lower()] = None if v == "none" else v
    cased = {k: (None if v == "none" else v) for k, v in raw.get("case_sensitive", {}).items()}
    return Registry(words, cased, max(len(k.split()) for k in words))


def side_of(text: str | None) -> str | None:
    return registry().side(text)


def is_titled(text: str | None) -> bool:
    return bool(text) and any(w.lower() in TITLE_WORDS for w in word_tokens(text or ""))


def title_places(text: str) -> list[str]:
    """Place names in a title: 'the governor of the Luhansk region', 'Kharkiv's mayor'."""
    out = []
    for m in _PLACE_IN_TITLE.finditer(text):
        name = m.group("a") or m.group("b")
        if name.split()[0].lower() not in ("the", "a", "an"):
            out.append(re.sub(r"['’]s$", "", name))
    return out


def speaker_side(text: str | None, place_of: Callable[[str], str | None] | None = None) -> str | None:
    """Side of a speaker: the registry's word for it, else the state of the place named in an official's title
    (`place_of` gives a place name's country code). An occupation administration speaks for the occupier,
    the belligerent other than the place's state."""
    if not text:
        return None
    side = side_of(text)
    if not is_titled(text):
        return side
    states = [c for name in title_places(text) if place_of and (c := place_of(name))]
    words = {t.lower() for t in word_tokens(text)}
    if words & OCCUPATION_WORDS:
        if side == "RU":
            return side
        state = states[0] if states else side
        return "UA" if state == "RU" else "RU"
    return side or (states[0] if states else None)


def tidy_name(name: str | None) -> str | None:
    """A speaker's or actor's name as a record shows it: no live blog time stamp before it, no verb left
    after it ("the ministry has"), brackets closed ("the UN office (OHCHR"); None for a word that names
    nobody ("As")."""
    if not name:
        return name
    text = _NAME_STAMP.sub("", name).strip()
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _NAME_TAIL:
        words.pop()
    text = " ".join(words)
    if text.count("(") > text.count(")"):
        text += ")"
    if not text or text.lower() in _NOT_NAMES:
        return None
    return text
