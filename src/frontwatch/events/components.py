"""The events stage as spaCy components, run in a declared order over the parsed sentences of a document.

`PIPELINE` names them; `pipeline()` is a spaCy `Language` holding them (`pipeline().pipe_names`), which
`document.extract_events` runs over the sentence `Doc`s it has parsed. Each component is registered with
spaCy, so another one (a learned place linker, an event filter) goes into the list by name:

    nlp = pipeline(); nlp.add_pipe("my_filter", after="frontwatch_events")

Every component takes and returns a sentence `Doc` (see `events.annotations` for what each sets). The
sentence reader, `frontwatch_events`, reads the sentences in text order once all of them are annotated,
because a sentence looks at the next one ("... Russia has not confirmed it.") and the story's speaker
carries on through the sentences that were not parsed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from frontwatch import claims
from frontwatch.events import place_linker  # noqa: F401  registers frontwatch_place_linker
from frontwatch.events.annotations import (
    Reading,
    events_of,
    index_of,
    mark_places,
    places_at,
    reading_of,
    sentence_of,
)
from frontwatch.events.context import RawEvent
from frontwatch.events.dates import find_dates
from frontwatch.events.lexicon import BARE_VERBS, CASUALTY_WORDS, HOST_VERBS, MISHAPS, PERIOD_TALLY, listed
from frontwatch.events.places import local_place
from frontwatch.events.quantities import find_quantities
from frontwatch.events.relations import attempted_assault
from frontwatch.events.relay import names_someone
from frontwatch.events.sentence import sentence_events
from frontwatch.events.speakers import update_speaker_cheaply
from frontwatch.events.triggers import SURE_SENSES, trigger_sense
from frontwatch.records import Party, PlaceMention

PIPELINE = (
    "frontwatch_places",
    "frontwatch_dates",
    "frontwatch_quantities",
    "frontwatch_triggers",
    "frontwatch_events",
    "frontwatch_type_filter",
    "frontwatch_place_linker",
)


@Language.component("frontwatch_places", assigns=["token._.place", "doc.spans"])
def places_component(sdoc: Doc) -> Doc:
    """The document's place mentions that fall in the sentence."""
    return mark_places(sdoc)


@Language.component("frontwatch_dates", assigns=["doc._.dates", "doc.spans"])
def dates_component(sdoc: Doc) -> Doc:
    """Date expressions, "the same day" placed by the day the story last named before the sentence."""
    reading = reading_of(sdoc)
    found = find_dates(sentence_of(sdoc).text, reading.pub, anchor=reading.days[index_of(sdoc)])
    sdoc._.dates = found
    sdoc.spans["dates"] = _char_spans(sdoc, ((d.start, d.end, d.kind or "date") for d in found))
    return sdoc


@Language.component("frontwatch_quantities", assigns=["doc._.quantities", "doc.spans"])
def quantities_component(sdoc: Doc) -> Doc:
    """Counts of people, settlements, areas and distances."""
    found = find_quantities(sentence_of(sdoc).text)
    sdoc._.quantities = found
    sdoc.spans["quantities"] = _char_spans(sdoc, ((q.start, q.end, q.kind) for q in found))
    return sdoc


@Language.component("frontwatch_triggers", requires=["token._.place"], assigns=["doc.spans"])
def triggers_component(sdoc: Doc) -> Doc:
    """The words that tell an event, labelled by its type; in a sentence where no rule finds a trigger, each
    type the learned typer gives it takes the main verb (`Doc._.learned`). Beside a rule's trigger the
    typer's other types added a second event of the same words ("attacked the centre" as an advance too)."""
    token_place = places_at(sdoc)
    decided = [(t, *trigger_sense(t, token_place)) for t in sdoc]
    found = [(t, ty) for t, ty, _ in decided if ty is not None]
    learned: frozenset[str] = sdoc._.learned
    root = _main_verb(sdoc, token_place) if learned and not found else None
    if root is not None:  # a toll needs no trigger: the rules read it from its count and the count's cue
        found += [(root, ty) for ty in sorted(verb_types(learned - {"casualties"}))]
        sdoc._.verb_event = root.i
    sdoc.spans["triggers"] = [Span(sdoc, t.i, t.i + 1, label=ty) for t, ty in found]
    if sdoc._.typed is not None:
        sdoc._.sure = frozenset(t.i for t, ty, rule in decided if ty is not None and rule in SURE_SENSES)
    return sdoc


class SentenceReader:
    """Reads a document's sentences in order: the parsed ones into raw event mentions (`Doc._.events`),
    every one for who is speaking, which state its places lie in, and who it names."""

    def __call__(self, sdoc: Doc) -> Doc:
        return next(iter(self.pipe([sdoc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        pending = list(docs)  # all annotated before any is read: a sentence looks at the next one
        k = 0
        while k < len(pending):
            reading = reading_of(pending[k])
            at: dict[int, Doc] = {}
            while k < len(pending) and reading_of(pending[k]) is reading:
                at[index_of(pending[k])] = pending[k]
                k += 1
            _read(reading, at)
        yield from pending


@Language.factory("frontwatch_events", requires=["doc.spans"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> SentenceReader:
    return SentenceReader()


@Language.component("frontwatch_type_filter", requires=["doc._.events"], assigns=["doc._.events"])
def type_filter_component(sdoc: Doc) -> Doc:
    """Keeps the events whose type the learned typer gives their sentence, when it must (`Doc._.typed`), or
    whose sense a sure rule decided (`Doc._.sure`); and of the main verb's events of ground, those of a
    side."""
    typed: frozenset[str] | None = sdoc._.typed
    if typed is not None:
        sure: frozenset[int] = sdoc._.sure
        sdoc._.events = [
            r for r in events_of(sdoc) if typed_as(r, typed) or r.trigger.i in sure or _period_tally(r)
        ]
    verb: int | None = sdoc._.verb_event
    if verb is not None:  # "a tanker has left the port of X", "the tour took us to X"
        sdoc._.events = [r for r in events_of(sdoc) if not _moved_by_nobody(r, verb)]
    return sdoc


# Ground taken, left or advanced on: someone moves. A verb the typer's types took, whose actor no side owns,
# is no such event.
_GROUND_TYPES = frozenset(("capture", "withdrawal", "advance"))


def _moved_by_nobody(r: RawEvent, verb: int) -> bool:
    return r.trigger.i == verb and r.type in _GROUND_TYPES and r.actor.side is None


# An attempt to take a place ("tried to capture X") is the ground assault the rules call an attack; the
# typer, trained on whole sentences, may call the same sentence an advance or a capture.
_ATTEMPT_TYPES = frozenset(("attack", "advance", "capture"))


def typed_as(r: RawEvent, types: frozenset[str]) -> bool:
    """The typer confirms the mention: it gives its sentence the mention's type or the other view of the same
    change of hands, or reads an attempt to take a place as the advance or capture attempted."""
    if r.type in types:
        return True
    if _CONTROL_CHANGE.get(r.type, "") in types:
        return True
    return r.type == "attack" and not _ATTEMPT_TYPES.isdisjoint(types) and attempted_assault(r.trigger)


# A toll counted over days ("11 civilians were killed in the region over the past week"): a tally the typer,
# taught to give a strike's toll to the strike, scores below its casualties bar.


def _period_tally(r: RawEvent) -> bool:
    """A toll over days, of the war ("over the past week", "between Monday and Sunday"): not of a crash or a
    flood, which the typer alone kept out."""
    text = r.sentence.text
    if r.type != "casualties" or MISHAPS.search(text):
        return False
    return PERIOD_TALLY.search(text) is not None or (r.date is not None and r.date.days() >= _TALLY_DAYS)


# A toll dated over this many days or more counts many strikes ("overnight" spans two days and is one night).
_TALLY_DAYS = 3


# A place changing hands is a capture seen from one side and a withdrawal seen from the other ("pushed the
# enemy out of X"): the rules tell whose deed it was, and the typer's word for either view confirms it.
_CONTROL_CHANGE = {"capture": "withdrawal", "withdrawal": "capture"}


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The components in `PIPELINE` order, over sentence `Doc`s parsed by `nlp.load()`."""
    out = spacy.blank("en")
    for name in PIPELINE:
        out.add_pipe(name)
    return out


def _read(reading: Reading, at: dict[int, Doc]) -> None:
    ctx, sentences = reading.ctx, reading.sentences
    local = sorted((p for p in reading.places if local_place(p)), key=lambda p: p.start)
    starts = [p.start for p in local]
    for i, sent in enumerate(sentences):
        before = ctx.speaker
        states = {
            c
            for p in local[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            if p.place is not None and (c := p.place.country)
        }
        sdoc = at.get(i)
        if sdoc is None:
            update_speaker_cheaply(sent.text, ctx, tuple(states))
        else:
            told = sentence_events(sdoc)
            for r in told:
                r.anchor = reading.told[i]
            sdoc._.events = told
        if ctx.speaker is not None and ctx.speaker is not before and names_someone(ctx.speaker):
            name = (ctx.speaker.name or "").strip("“”\"' ,")  # a phrase cut from a quotation's edge
            reading.named_at[i] = Party(name, ctx.speaker.side) if name != ctx.speaker.name else ctx.speaker
        if len(states) == 1:
            ctx.last_state = next(iter(states))


def verb_types(types: frozenset[str]) -> frozenset[str]:
    """The types one verb is read as, of those the typer gives its sentence: a verb the typer reads as moving
    both ways ("units are redeploying to new lines") tells neither an advance nor a withdrawal; and a
    ground push it calls both an attack and an advance ("continuing the offensive towards X") is one event,
    the advance, not two."""
    if {"advance", "withdrawal"} <= types:
        types -= {"advance", "withdrawal"}
    if {"attack", "advance"} <= types:
        types -= {"attack"}
    return types


def _char_spans(sdoc: Doc, found: Iterable[tuple[int, int, str]]) -> list[Span]:
    spans = (sdoc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in found)
    return [s for s in spans if s is not None]


def _main_verb(sdoc: Doc, token_place: dict[int, PlaceMention]) -> Token | None:
    """The verb that tells what happened: the sentence's root, or what its speaker says
    ("officials said forces shelled ..."); not a verb that tells no act, nor a toll's verb ("112 civilians
    have been killed since January"), which the rules read as the casualties or the attack it is, where the
    typer, trained to give a strike's toll to the strike, calls every toll an attack."""
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    while root is not None and root.lemma_.lower() in claims.REPORT_VERBS:
        root = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp", "parataxis")), None)
    if root is None or root.i in token_place or listed(root, CASUALTY_WORDS) or _bare(root):
        return None
    if root.lemma_.lower() in HOST_VERBS:
        return None  # "the evacuees will be housed in X": where people are put up, no event there
    return root


def _bare(verb: Token) -> bool:
    """A verb that tells no act (`bare_verbs`): "the town remains calm"; "be" with "there" or a complement
    ("there were drones over X", "it is unlikely that ..."); not "has been under Russian control"."""
    if verb.lemma_ in BARE_VERBS:
        return True
    return verb.lemma_ == "be" and any(c.dep_ in ("expl", "acomp", "attr") for c in verb.children)
