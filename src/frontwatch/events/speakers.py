"""Who says so: the speaker of a trigger and the side a speaker's title tells ("the governor of X",
"a Ukrainian MP"), remembered per document so that a later "the governor" or a bare surname keeps it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from frontwatch import claims, lang
from frontwatch.events.annotations import reading_of, sentence_of
from frontwatch.events.context import Context
from frontwatch.events.lexicon import OFFICES
from frontwatch.records import Party

# "..., the regional governor said": a capitalised phrase before a verb of saying, for unparsed sentences.
_SAID = re.compile(
    r"(?:^|[,”\"]\s*)((?:the\s+)?(?:[A-Z][\w’'.-]*,?\s+){1,6}?)(?:"
    + "|".join(lang.entries("events/speakers/said_forms"))
    + r")\b"
)


def speaker_of(t: Token, states: tuple[str, ...]) -> tuple[Party | None, claims.Attribution]:
    """The speaker of a trigger and how it is attributed: by the parse, by a quotation's speaker named just
    before or after it in the document, or by the last speaker; `states`: those of the sentence's places."""
    reading, span = reading_of(t.doc), t.doc[:]
    ctx, text, offset = reading.ctx, reading.doc.text, sentence_of(t.doc).start
    attribution = claims.find_attribution(span, t, ctx.speaker)
    if attribution.cue is None and t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
        # "X said his fighters would hand over their positions and withdraw": the first verb's report
        attribution = claims.find_attribution(span, t.head, ctx.speaker)
    if attribution.cue is None and (orderer := _orderer(t)) is not None:
        who = claims.phrase(orderer)  # "Governor X ordered the evacuation of Y": X vouches for it
        attribution = claims.Attribution(Party(who, claims.side_of(who)), orderer.head, False)
    speaker = attribution.speaker
    if speaker is None or attribution.pronoun:
        # a quotation: its speaker is named just before or after it ("...,” General X told the press)
        quoted = claims.quote_attribution(text, offset + t.idx, offset + t.idx + len(t.text))
        if quoted is not None:
            speaker = (
                ctx.speaker
                if quoted.split()[0].lower() in claims.PRONOUNS
                else Party(quoted, claims.side_of(quoted))
            )
            attribution = claims.Attribution(speaker, t, False)
    if speaker is None and attribution.cue is not None:
        speaker = ctx.speaker  # "This withdrawal, announced on Wednesday, ..."
    if speaker is not None:
        speaker = titled_speaker(speaker, ctx, states)
    return speaker, attribution


_ORDER_VERBS = lang.words("events/speakers/order_verbs")
_SPEECH_VERBS = lang.words("events/speakers/speech_verbs")
_HONORIFICS = lang.words("events/speakers/honorifics")
_LOCAL_OFFICE = lang.words("events/speakers/local_office_words")


def _orderer(t: Token) -> Token | None:
    """The named official or party whose order the trigger is ('the governor ordered the evacuation')."""
    if t.dep_ not in ("dobj", "xcomp", "ccomp") or t.head.lemma_.lower() not in _ORDER_VERBS:
        return None
    who = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    if who is None or claims.is_pronoun(who):
        return None
    text = claims.phrase(who)
    return who if claims.is_titled(text) or claims.side_of(text) else None


def titled_speaker(party: Party, ctx: Context, sentence_states: tuple[str, ...] = ()) -> Party:
    """A speaker's side from the title ('the governor of X', 'a Ukrainian MP'); for a local office ('the
    regional governor') from the places of the sentence; else from the same surname or, for a bare title,
    the same office met last in the document; a local office left unknown serves the state of the places
    named last. A side read from a title is kept for later mentions of the same person or office."""
    name = party.name
    if not name:
        return party
    side = claims.speaker_side(name, ctx.place_state)
    from_title = side is not None
    surname = _surname(name, ctx)
    titles = [w.lower() for w in claims.word_tokens(name) if w.lower() in OFFICES]
    local = claims.is_titled(name) and _local_office(name)
    if side is None and local and len(states := set(sentence_states)) == 1:
        side = next(iter(states))
        from_title = True  # the office of the one state whose places the sentence names
    if side is None and surname:
        side = ctx.names.get(surname)
    if side is None and not surname:  # a bare "the governor": the last governor named
        side = next((ctx.titles[w] for w in titles if w in ctx.titles), None)
    if side is None:
        side = party.side
    if side is None and local:
        side = ctx.last_state or ctx.focus_state
    if from_title and claims.is_titled(name):
        if surname:
            ctx.names[surname] = side  # type: ignore[assignment]
        for w in titles:
            ctx.titles[w] = side  # type: ignore[assignment]
    return party if side == party.side else Party(name, side)


def _surname(name: str, ctx: Context) -> str | None:
    """The last capitalised word of a speaker phrase that is neither a title nor a place: the person."""
    words = [w.strip(",.") for w in name.replace("’", "'").split()]
    for w in reversed(words):
        if w[:1].isupper() and w.lower() not in claims.TITLE_WORDS and w not in ctx.place_states:
            if w.endswith("'s") or w.lower() in _HONORIFICS:
                continue
            return w.lower()
    return None


def _local_office(name: str) -> bool:
    words = {w.lower() for w in claims.word_tokens(name)}
    return bool(words & _LOCAL_OFFICE) and not (words & claims.OCCUPATION_WORDS)


def update_speaker_from_parse(span: Span, ctx: Context, states: tuple[str, ...] = ()) -> None:
    for t in span:
        if t.lemma_.lower() in _SPEECH_VERBS and t.pos_ == "VERB":
            who = claims.subject(t)
            who = (claims.poster(who) or who) if who is not None else None  # "a video shared by X claimed"
            if who is not None and not claims.is_pronoun(who):
                text = claims.phrase(who)
                ctx.speaker = titled_speaker(Party(text, claims.side_of(text)), ctx, states)


def update_speaker_cheaply(text: str, ctx: Context, states: tuple[str, ...] = ()) -> None:
    m = _SAID.search(text)
    if m:
        who = m.group(1).strip().rstrip(",")
        if who.lower() not in claims.PRONOUNS:
            ctx.speaker = titled_speaker(Party(who, claims.side_of(who)), ctx, states)
