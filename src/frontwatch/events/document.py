"""A document's event mentions: sentences with a trigger word are parsed and read in order, the
others only update who is speaking; mentions are merged and dated by the dateline when they carry no date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from frontwatch import nlp
from frontwatch.dates import dateline_date, narrative_day, parse_published
from frontwatch.events.context import Context, RawEvent
from frontwatch.events.merge import fold_casualty_followups, merge
from frontwatch.events.places import focus_region, local_place
from frontwatch.events.sentence import sentence_events
from frontwatch.events.speakers import update_speaker_cheaply
from frontwatch.gazetteer import DIVISION_WORDS
from frontwatch.records import DateRange, Document, EventMention, Evidence, PlaceMention

# A sentence can name a day only with a number, a weekday or a word of days: the cheap test before dates.
_MAY_NAME_DAY = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:yesterday|today|tonight|overnight)\b", re.I
)


def extract_events(doc: Document, places: list[PlaceMention]) -> list[EventMention]:
    """Event mentions of one document, one row per (event, place), in text order with stable ids."""
    sentences = nlp.split_sentences(doc.text)
    pub = parse_published(doc.published) or dateline_date(doc.text)  # "MOSCOW, 30 October 2024. ..."
    selected = [i for i, s in enumerate(sentences) if not s.heading and nlp.prefilter(s.text)]
    parsed = dict(zip(selected, nlp.parse(sentences[i].text for i in selected), strict=True))
    focus = focus_region(places)
    ctx = Context(focus_state=focus.country if focus is not None else None)
    for p in places:
        if p.place is not None and p.place.country:
            ctx.place_states.setdefault(p.mention, p.place.country)
            words = p.mention.split()  # "Mykolaiv region" names "Mykolaiv" too
            if len(words) > 1 and words[-1].lower() in DIVISION_WORDS:
                ctx.place_states.setdefault(" ".join(words[:-1]), p.place.country)
    raws: list[RawEvent] = []
    local = sorted((p for p in places if local_place(p)), key=lambda p: p.start)
    starts = [p.start for p in local]
    for i, sent in enumerate(sentences):
        states = {
            p.place.country
            for p in local[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
            if p.place is not None
        }
        if i not in parsed:
            update_speaker_cheaply(sent.text, ctx, tuple(states))
        else:
            raws.extend(sentence_events(doc, sentences, i, parsed[i], places, pub, focus, ctx, parsed))
        if len(states) == 1:
            ctx.last_state = next(iter(states))
        if _MAY_NAME_DAY.search(sent.text):  # what "the same day" of the next sentences means
            ctx.day = narrative_day([sent.text], pub) or ctx.day
    raws = fold_casualty_followups(raws, {s.start: i for i, s in enumerate(sentences)})
    return _finalise(doc, merge(raws, pub), pub)


def _finalise(doc: Document, raws: list[RawEvent], pub: date | None) -> list[EventMention]:
    """Records in text order with stable ids; an undated mention of news takes the dateline. Background: a
    mention dated more than a week before it, or one told as recalled with no date of its own (which keeps
    no date: the dateline would make an old capture look fresh)."""
    out: list[EventMention] = []
    for n, r in enumerate(sorted(raws, key=lambda r: r.order)):
        when = r.date
        if when is None and pub is not None and r.status != "planned" and not r.background:
            when = DateRange(pub.isoformat(), pub.isoformat(), "day", "")  # the dateline: reported as news
        background = (r.background and r.date is None) or bool(
            when and pub and date.fromisoformat(when.end) < pub - timedelta(days=7)
        )
        out.append(
            EventMention(
                event_id=f"{doc.doc_id}:{n}",
                doc_id=doc.doc_id,
                type=r.type,  # type: ignore[arg-type]
                actor=r.actor,
                place=r.place.place if r.place else None,
                date=when,
                status=r.status,  # type: ignore[arg-type]
                source=r.source,
                quantities=r.quantities,
                evidence=Evidence(r.sentence.text, r.sentence.start, r.sentence.end),
                trigger=r.trigger.text,
                background=background,
            )
        )
    return out
