"""A document's event mentions: sentences with a trigger word are parsed and read in order, the
others only update who is speaking; mentions are merged and dated by the dateline when they carry no date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from frontwatch import claims, lang
from frontwatch.events import components, instance_filter, nlp, typer
from frontwatch.events.annotations import Reading, annotate, events_of
from frontwatch.events.context import Context, RawEvent
from frontwatch.events.dates import dateline_date, find_dates, narrative_day, parse_published
from frontwatch.events.denials import denials
from frontwatch.events.merge import fold_casualty_followups, merge
from frontwatch.events.places import focus_region
from frontwatch.events.relay import content_words, headline_speaker, relayed_sources
from frontwatch.places.gazetteer import DIVISION_WORDS
from frontwatch.records import DateRange, Document, EventMention, Evidence, Party, PlaceMention

_MAY_NAME_DAY = re.compile(lang.pattern("events/arguments/may_name_day"), re.I)
# Sentences the typer gives no type are parsed still when they hold a sure sense's words ("X fell to ...")
# or a toll over days: their events need no typer (`triggers.SURE_SENSES`, `components.type_filter`).
_SURE_CUE = re.compile(
    f"(?:{lang.pattern('events/sure_cues')})|(?:{lang.pattern('events/casualties/period_tally')})", re.I
)


def extract_events(doc: Document, places: list[PlaceMention]) -> list[EventMention]:
    """Event mentions of one document, one row per (event, place), in text order with stable ids: the
    selected sentences are parsed and run through the components (`components.PIPELINE`), then their raw
    mentions through the passes over the whole document (`PASSES`)."""
    reading = _reading(doc, places)
    how = typer.mode()
    selected, typed = _select(reading.sentences, how)
    learned = typed if how in ("add", "learned") and typed is not None else {}
    confirm = typed if how == "learned" else None  # the typer must give an event's sentence its type
    texts = (reading.sentences[i].text for i in selected)
    for i, sdoc in zip(selected, nlp.parse(texts), strict=True):
        sure = confirm.get(i, frozenset()) if confirm is not None else None
        reading.parsed[i] = annotate(sdoc, reading, i, learned.get(i, frozenset()), sure)
    raws = [r for sdoc in components.pipeline().pipe(reading.parsed.values()) for r in events_of(sdoc)]
    if how == "types":
        raws = _confirmed(raws)
    for step in PASSES:
        raws = step(reading, raws)
    out = _finalise(doc, raws, reading.pub)
    reading.parsed.clear()  # the sentence Docs point back to the reading: freed now, not at the next GC
    reading.on_demand.clear()
    return out


def _fold_casualty_followups(reading: Reading, raws: list[RawEvent]) -> list[RawEvent]:
    """A toll told right after an attack is that attack's."""
    return fold_casualty_followups(raws, {s.start: i for i, s in enumerate(reading.sentences)})


def _merge(reading: Reading, raws: list[RawEvent]) -> list[RawEvent]:
    """One event told several times in the document is one mention."""
    return merge(raws, reading.pub)


def _reading(doc: Document, places: list[PlaceMention]) -> Reading:
    """The document to read: its sentences, its date, the region it is about, the states of its places
    as resolved in it, and the days its sentences name."""
    sentences = list(nlp.document_sentences(doc.text))
    # "MOSCOW, 30 October 2024. ...", or a date stamp the cleaner removed from the head of the page
    pub = (
        parse_published(doc.published)
        or dateline_date(doc.text)
        or dateline_date("\n".join(r.line for r in doc.removed[:8] if r.rule != "related"))
    )
    focus = focus_region(places)
    ctx = Context(focus_state=focus.country if focus is not None else None)
    for p in places:
        if p.place is not None and p.place.country:
            ctx.place_states.setdefault(p.mention, p.place.country)
            words = p.mention.split()  # "Mykolaiv region" names "Mykolaiv" too
            if len(words) > 1 and words[-1].lower() in DIVISION_WORDS:
                ctx.place_states.setdefault(" ".join(words[:-1]), p.place.country)
    days, told = _narrative_days(sentences, pub)
    return Reading(doc, sentences, places, pub, focus, ctx, days, told)


def _narrative_days(
    sentences: list[nlp.Sentence], pub: date | None
) -> tuple[list[date | None], list[DateRange | None]]:
    """For each sentence, the day the story last named before it (what "the same day" means) and the span
    that day opened ("on the night of April 26 to 27"), else that day."""
    days: list[date | None] = []
    told: list[DateRange | None] = []
    day: date | None = None
    told_days: DateRange | None = None
    for sent in sentences:
        days.append(day)
        told.append(told_days)
        if _MAY_NAME_DAY.search(sent.text):
            named = narrative_day([sent.text], pub)
            if named is not None:
                told_days = next(
                    (
                        d.range
                        for d in reversed(find_dates(sent.text, pub, anchor=day))
                        if d.kind == "span" and _holds(d.range, named)
                    ),
                    DateRange(named.isoformat(), named.isoformat(), "day", ""),
                )
            day = named or day
    return days, told


def _relay_sources(reading: Reading, raws: list[RawEvent]) -> list[RawEvent]:
    """A mention told with no speaker of its own takes the speaker of its passage or of the headline."""
    doc, ctx, named_at = reading.doc, reading.ctx, reading.named_at
    headline = headline_speaker(doc, ctx, list(named_at.values()))
    if headline is not None and headline.side is None:  # "Ministry of Defense", named in full below
        side = next(
            (p.side for p in named_at.values() if p.side and content_words(p) & content_words(headline)),
            None,
        )
        headline = Party(headline.name, side)
    index = {s.start: i for i, s in enumerate(reading.sentences)}
    relayed_sources(raws, doc.text, reading.sentences, index, named_at, headline, reading.pub)
    return raws


def filter_instances(reading: Reading, raws: list[RawEvent]) -> list[RawEvent]:
    """Mentions the learned filter judges no new reportable event are dropped (`events.instance_filter`);
    after the merge, so that a toll folded into its attack or a repeat merged into its first telling is
    judged once, as the whole mention."""
    return instance_filter.kept(raws, reading.pub)


# The passes over a whole document's raw mentions, after the components, in order.
PASSES: tuple[Callable[[Reading, list[RawEvent]], list[RawEvent]], ...] = (
    _relay_sources,
    _fold_casualty_followups,
    _merge,
    filter_instances,
    denials,
)


def sentences_to_parse(doc: Document) -> list[str]:
    """The sentences `extract_events` will parse whatever the typer says: those the trigger prefilter
    passes (to parse a batch of documents' sentences ahead, `nlp.parse_ahead`)."""
    return [s.text for s in nlp.document_sentences(doc.text) if not s.heading and nlp.prefilter(s.text)]


def _confirmed(raws: list[RawEvent]) -> list[RawEvent]:
    """The mentions whose type the typer gives their sentence; only sentences with a mention are typed,
    a few per document, where typing every candidate sentence would double the stage's time."""
    texts = sorted({r.sentence.text for r in raws})
    types = dict(zip(texts, typer.sentence_types(texts), strict=True))
    return [r for r in raws if components.typed_as(r, types[r.sentence.text])]


def _select(sentences: list[nlp.Sentence], how: str) -> tuple[list[int], dict[int, frozenset[str]] | None]:
    """The sentences to parse, by the trigger prefilter and the learned typer as the mode says, and the
    typer's types by sentence (None when it is off)."""
    body = [i for i, s in enumerate(sentences) if not s.heading]
    passed = [i for i in body if nlp.prefilter(sentences[i].text)]
    if how in ("off", "types"):
        return passed, None
    # "learned" types only the prefilter's sentences: typing every sentence nearly doubled the run for one
    # more true event on dev and two on set E, and no more on val; typing only those that name a place lost
    # events told of "the village" on sets A and D
    pool = body if how in ("union", "add") else passed
    types = dict(zip(pool, typer.sentence_types([sentences[i].text for i in pool]), strict=True))
    if how in ("union", "add"):
        return sorted(set(passed) | {i for i in pool if types[i]}), types
    return [i for i in passed if types[i] or _SURE_CUE.search(sentences[i].text)], types


# The war the record is of began with the seizure of Crimea: an event dated wholly before it ("in 1943 the Red
# Army liberated Kharkiv") is history retold, not a report of this war.
WAR_BEGAN = date(2014, 2, 20)


def _finalise(doc: Document, raws: list[RawEvent], pub: date | None) -> list[EventMention]:
    """Records in text order with stable ids; an undated mention of news takes the dateline. Background: a
    mention dated more than a week before it, or one told as recalled with no date of its own (which keeps
    no date: the dateline would make an old capture look fresh). A mention dated before the war is none."""
    out: list[EventMention] = []
    raws = [r for r in raws if r.date is None or not _before_war(r.date)]
    for n, r in enumerate(sorted(raws, key=lambda r: r.order)):
        when = r.date
        if when is None and pub is not None and r.status != "planned" and not r.background:
            # reported as news: the dateline, or the day before it when the story has just named that day
            # ("overnight strikes on April 26 to 27 ... officials reported strikes on X")
            if r.anchor is not None and _holds(r.anchor, pub - timedelta(days=1)):
                when = DateRange(r.anchor.start, r.anchor.end, "day", "")
            else:
                when = DateRange(pub.isoformat(), pub.isoformat(), "day", "")
        background = (r.background and r.date is None) or bool(
            when and pub and date.fromisoformat(when.end) < pub - timedelta(days=7)
        )
        out.append(
            EventMention(
                event_id=f"{doc.doc_id}:{n}",
                doc_id=doc.doc_id,
                type=r.type,  # type: ignore[arg-type]
                actor=_tidy(_actor_named(r.actor, r.source)),
                place=r.place.place if r.place else None,
                date=when,
                status=r.status,  # type: ignore[arg-type]
                source=_tidy(r.source) if r.source is not None else None,
                quantities=r.quantities,
                evidence=Evidence(r.sentence.text, r.sentence.start, r.sentence.end),
                trigger=r.trigger.text,
                background=background,
            )
        )
    return out


def _tidy(party: Party) -> Party:
    return Party(claims.tidy_name(party.name), party.side)


def _actor_named(actor: Party, source: Party | None) -> Party:
    """An actor told by a pronoun ("the army said it had taken X", "we liberated X") is named by the speaker
    of its side: "it" names nobody a reader of the record can look up."""
    word = (actor.name or "").lower()
    if word not in claims.PRONOUNS and word not in claims.FIRST_PERSON:
        return actor
    if source is None or not source.name or source.name.lower() in claims.PRONOUNS:
        return actor
    if actor.side is not None and source.side == actor.side:
        return Party(source.name, actor.side)
    return actor


def _before_war(days: DateRange) -> bool:
    try:
        return date.fromisoformat(days.end[:10]) < WAR_BEGAN
    except ValueError:
        return False


def _holds(days: DateRange, day: date) -> bool:
    """Whether a day-precision range covers the day."""
    try:
        return days.precision == "day" and date.fromisoformat(days.start[:10]) <= day <= date.fromisoformat(
            days.end[:10]
        )
    except ValueError:
        return False
