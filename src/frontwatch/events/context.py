"""The records the steps of the events stage pass along: a raw event mention before merging, and what
earlier sentences of a document tell later ones (speaker, last actors, the states of its places).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from frontwatch.events import nlp
from frontwatch.places import resolve_name
from frontwatch.records import DateRange, Party, Place, PlaceMention


@dataclass
class Context:
    """What earlier sentences of the document say, for pronouns and ellipsis."""

    speaker: Party | None = None
    actor: dict[str, str | None] = field(default_factory=dict)  # event type -> last actor side
    last_side: str | None = None
    place_states: dict[str, str] = field(default_factory=dict)  # place name as written -> country code
    focus_state: str | None = None  # country of the region the document is mostly about
    last_state: str | None = None  # country of the latest sentence whose local places lie in one state
    names: dict[str, str] = field(default_factory=dict)  # a titled speaker's surname -> side
    # a title word ("governor") -> side of its last holder
    titles: dict[str, str] = field(default_factory=dict)
    # the latest place whose control changed hands, and the index of its sentence: where a withdrawal that
    # names no place of its own left from ("the city had been taken ... they will withdraw to the rear")
    control: tuple[int, PlaceMention] | None = None
    # event type -> (sentence index, place) of its latest mention with a place: what "the attack" refers to
    events: dict[str, tuple[int, PlaceMention]] = field(default_factory=dict)

    def place_state(self, name: str) -> str | None:
        """The country of a place named in a speaker's title: as resolved in this document, else alone."""
        if name in self.place_states:
            return self.place_states[name]
        place = _resolve_name(name)
        return place.country if place is not None else None


@dataclass
class RawEvent:
    """One event mention as a sentence yields it, before merging; `order` sorts mentions in text order."""

    type: str
    trigger: Token
    place: PlaceMention | None
    actor: Party
    source: Party | None
    status: str
    date: DateRange | None
    quantities: dict[str, float]
    sentence: nlp.Sentence
    order: tuple[int, int]
    background: bool = False  # told as an earlier event recalled ("Kherson, which Russia seized")
    relayed: bool = False  # the source is the speaker of the passage, not of the sentence
    anchor: DateRange | None = None  # the days the story last named before this sentence


@lru_cache(maxsize=4096)
def _resolve_name(name: str) -> Place | None:
    return resolve_name(name)
