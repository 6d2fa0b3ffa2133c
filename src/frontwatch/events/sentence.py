"""One parsed sentence to raw event mentions: triggers, then for each its speaker and status, places,
quantities, actor and date; a count of dead or wounded with no attack beside it is a casualties event.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from frontwatch import claims, lang
from frontwatch.events.actors import find_actor
from frontwatch.events.anaphora import topic_place
from frontwatch.events.annotations import (
    Reading,
    dates_of,
    index_of,
    places_at,
    quantities_of,
    reading_of,
    sentence_of,
    triggers_of,
)
from frontwatch.events.arguments import date_for, has_distance, quantities_for, recalled, separate_statements
from frontwatch.events.context import Context, RawEvent
from frontwatch.events.dates import DateMention
from frontwatch.events.intent import skip_for_intent, xcomp_planned
from frontwatch.events.lexicon import (
    CASUALTY_WORDS,
    CIVILIANS,
    FORCES,
    MISHAPS,
    OPINION_VERBS,
    PARTIES,
    PERSONS,
    REGION_OFFICES,
    WEAK,
    listed,
)
from frontwatch.events.linking import linked_places
from frontwatch.events.merge import dedupe_sentence, merge_coordinated
from frontwatch.events.needs import enough
from frontwatch.events.places import local_place, sentence_region
from frontwatch.events.quantities import Quantity, find_quantities
from frontwatch.events.speakers import speaker_of, titled_speaker, update_speaker_from_parse
from frontwatch.events.targets import carry_from_next, casualty_place, event_places
from frontwatch.events.triggers import trigger_type
from frontwatch.records import Party, PlaceMention


def sentence_events(sdoc: Doc) -> list[RawEvent]:
    """Raw event mentions of one annotated sentence (see `events.annotations`), in the context that the
    sentences before it left."""
    reading, i, sent = reading_of(sdoc), index_of(sdoc), sentence_of(sdoc)
    ctx, sentences = reading.ctx, reading.sentences
    span = sdoc[:]
    token_place = places_at(sdoc)
    triggers = triggers_of(sdoc)
    trigger_ids = {t.i for t, _ in triggers}
    states = tuple(c for p in token_place.values() if local_place(p) and p.place and (c := p.place.country))
    regions_named = any(p.place is not None and p.place.kind != "country" for p in token_place.values())
    next_text = sentences[i + 1].text if i + 1 < len(sentences) else None
    next_hedge = next_text is not None and claims.next_sentence_hedged(next_text)
    next_events = _next_sentence_events(reading, i) if next_hedge else set()
    dates = dates_of(sdoc)
    quantities = quantities_of(sdoc)
    linked: dict[int, list[PlaceMention]] = {}
    blocked: set[int] = set()  # places inside some trigger's own phrase
    placed: set[int] = set()  # triggers of events told with a place of their own
    for t, ty in triggers:
        found, seen = linked_places(t, ty, trigger_ids)
        linked[t.i] = found
        if not (claims.hypothetical(t) or skip_for_intent(t)):
            blocked |= seen  # the place of a question ("whether X will withdraw from Y") stays free
            placed |= {t.i} if found else set()
    out: list[RawEvent] = []
    sentence_speakers: list[Party] = []
    for t, ty in triggers:
        if skip_for_intent(t):
            continue
        speaker, attribution = speaker_of(t, states)
        status = claims.status_of(t, attribution)
        if status is None:
            continue
        if xcomp_planned(t) or _future_conjunct(t):
            status = "planned" if status in ("reported", "claimed") else status
        if speaker is not None and speaker.name and not attribution.pronoun:
            sentence_speakers.append(speaker)
        sibling_placed = any(y == ty and x != t and x.i in placed for x, y in triggers)
        told = ctx.events.get(ty)
        recent = told[1] if told is not None and i - told[0] <= 3 and _definite_event(t) else None
        targets = event_places(t, ty, linked, blocked, sibling_placed, recent)
        qty = quantities_for(t, ty, quantities, sum(1 for _, y in triggers if y == ty) == 1)
        if not (targets or sibling_placed) and ty == "withdrawal":
            targets = _under_attack_at(t, triggers, linked) or (
                [left] if (left := _left_from(t, ctx, i)) else []
            )
        if not targets and ty in ("capture", "advance") and (qty or (ty == "advance" and has_distance(t))):
            carried = carry_from_next(sdoc)
            if carried is not None:
                place, extra = carried
                targets = [place]
                for k, v in extra.items():
                    qty.setdefault(k, v)
            elif (area := sentence_region(sdoc) or reading.focus) is not None:
                targets = [PlaceMention(reading.doc.doc_id, area.name, -1, -1, area)]
        if (
            not targets
            and ty == "attack"
            and not linked[t.i]
            and speaker is not None
            and not any(a.lemma_.lower() in OPINION_VERBS for a in t.ancestors)
        ):
            office = _office_region(sdoc)  # "the governor of the X region reported ... a Russian air attack"
            targets = [office] if office is not None else targets
        if not enough(t, ty, targets, qty, regions_named):
            continue
        if (
            next_hedge
            and status in ("reported", "claimed", "planned")
            and _hedge_applies(ty, targets, next_events)
        ):
            status = "unconfirmed"
        actor = find_actor(t, ty, attribution, speaker, targets[0] if targets else None, status)
        if (
            ty in ("withdrawal", "capture", "advance")
            and (actor.name or "").lower() in claims.FIRST_PERSON
            and actor.side not in PARTIES
        ):
            continue  # "we'd left the city": a voice that speaks for no party tells of people, not forces
        same_type = {x.i for x, y in triggers if y == ty}
        when = date_for(t, trigger_ids, same_type)
        earlier = recalled(t, ty)
        placed_at: list[PlaceMention | None] = [*targets] or [None]
        for p in placed_at:
            out.append(
                RawEvent(
                    ty, t, p, actor, speaker, status, when, dict(qty), sent, (sent.start, t.idx), earlier
                )
            )
        if actor.side:
            ctx.actor[ty] = actor.side
            ctx.last_side = actor.side
        if ty in ("capture", "withdrawal") and status != "planned":
            named = [p for p in targets if p.start >= 0 and p.place is not None and p.place.kind != "country"]
            ctx.control = (i, named[0]) if named else ctx.control
        if targets and targets[0].start >= 0:
            ctx.events[ty] = (i, targets[0])
    merge_coordinated(out)
    cue = _casualty_cue(span, quantities)
    over: list[RawEvent] = []
    if cue is not None:  # "six people were killed in Russian attacks": a count over many attacks
        over = [r for r in out if r.type == "attack" and _toll_over_attacks(cue, r, quantities)]
        out = [r for r in out if all(r is not x for x in over)]
    # a toll told apart from every attack of the sentence ("said it repelled attacks near X and claimed that
    # Kyiv had lost 2,800 men") is a report of its own
    if cue is not None and not any(
        r.type == "attack" and not separate_statements(r.trigger, cue) for r in out
    ):
        where = casualty_place(cue, trigger_ids, blocked)
        if where is None:  # "killed by Russian shelling in X over the year": the attacks' place is the toll's
            where = next((r.place for r in over if r.place is not None and r.place.start >= 0), None)
        if where is None and not _war_wide(sent.text, dates):
            area = sentence_region(sdoc)  # "the governor of the X region said two were killed"
            where = PlaceMention(reading.doc.doc_id, area.name, -1, -1, area) if area is not None else None
            where = where or topic_place(sdoc)
        toll = _casualties(cue, where, next_text if not next_events else None, states)
        out.append(_as_attack(toll) if _struck_civilians(cue, where, sent.text, dates) else toll)
    for s in sentence_speakers[-1:]:
        ctx.speaker = s
    update_speaker_from_parse(span, ctx, states)
    return dedupe_sentence(out, reading.pub)


def _next_sentence_events(reading: Reading, i: int) -> set[tuple[str, str | None]]:
    """(type, place name) of the rule triggers of the next sentence; place None for every place of it."""
    if i + 1 not in reading.parsed:
        return set()
    ndoc = reading.parsed[i + 1]
    token_place = places_at(ndoc)
    types = {ty for t in ndoc if (ty := trigger_type(t, token_place)) is not None}
    names = {p.place.name for p in token_place.values() if p.place is not None}
    return {(ty, n) for ty in types for n in names} | {(ty, None) for ty in types}


def _hedge_applies(ty: str, targets: list[PlaceMention], next_events: set[tuple[str, str | None]]) -> bool:
    """A withheld confirmation in the next sentence refers back to this event unless that sentence reports an
    event of its own; then only to an event of the same type and place."""
    if not next_events:
        return True
    if not targets:
        return (ty, None) in next_events
    return any((ty, p.place.name if p.place else None) in next_events for p in targets)


def _casualty_cue(span: Span, quantities: list[Quantity]) -> Token | None:
    """The word that makes a count of people a toll ("killed", "lost"), when the sentence has such a count."""
    if not any(q.kind in ("fatalities", "injured", "casualties") for q in quantities):
        return None
    return next((x for x in span if listed(x, CASUALTY_WORDS)), None)


_WAR_WIDE = re.compile(lang.pattern("events/casualties/war_wide"), re.I)


def _war_wide(text: str, dates: list[DateMention]) -> bool:
    return _WAR_WIDE.search(text) is not None or any(d.kind == "war" for d in dates)


def _casualties(
    cue: Token, place: PlaceMention | None, next_text: str | None, states: tuple[str, ...] = ()
) -> RawEvent:
    """A count of dead or wounded not tied to an attack in the same sentence is a casualties event."""
    sdoc, span = cue.doc, cue.doc[:]
    sent, ctx = sentence_of(sdoc), reading_of(sdoc).ctx
    quantities, dates = quantities_of(sdoc), dates_of(sdoc)
    qty = {q.kind: q.value for q in quantities if q.kind in ("fatalities", "injured", "casualties")}
    attribution = claims.find_attribution(span, cue, ctx.speaker)
    speaker = attribution.speaker
    if speaker is None:
        doc_text = sent.text
        who = claims.quote_attribution(doc_text, cue.idx, cue.idx + len(cue.text))
        if who:
            speaker = Party(who, claims.side_of(who))
            attribution = claims.Attribution(speaker, cue, False)
    if speaker is not None and not attribution.pronoun:
        speaker = titled_speaker(speaker, ctx, states)
    status = claims.status_of(cue, attribution, next_text) or "reported"
    side = claims.side_of(span.text)
    side = side if side in PARTIES else None  # "... two tanks, one of them made in Germany": no party's loss
    if cue.lemma_.lower() == "lose" and (loser := claims.subject(cue)) is not None:
        side = claims.side_of(claims.phrase(claims.antecedent(loser))) or side  # the side that lost them
    when = dates[0].range if dates else None  # "on 8 April, ... killing 59 people"
    return RawEvent(
        "casualties", cue, place, Party(None, side), speaker, status, when, qty, sent, (sent.start, cue.idx)
    )


# A count of dead this high is a tally over time, not the toll of one strike.
_TALLY = 1000
_TOLL_KINDS = ("fatalities", "injured", "casualties")
# A toll counted over a longer span than this is a tally of many strikes.
_ONE_STRIKE_DAYS = 7


_LOSS_WORDS = lang.words("events/casualties/loss_words")


def _office_region(sdoc: Doc) -> PlaceMention | None:
    """The region whose governor the sentence names ('the governor of the X region'): where an attack he
    reports without a place of its own happened."""
    found = None
    token_place = places_at(sdoc)
    for t in sdoc:
        pm = token_place.get(t.i)
        if pm is None or pm.place is None or pm.place.kind != "region" or pm is found:
            continue
        head = t.head if t.dep_ == "compound" else t
        of = head.head
        if head.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in REGION_OFFICES:
            if found is not None:
                return None  # two governors: no one region
            found = pm
    return found


def _toll_over_attacks(cue: Token, attack: RawEvent, quantities: list[Quantity]) -> bool:
    """'six people were killed in Russian attacks, two of them in the X region', 'over 2,000 were hurt due to
    shelling': a toll over many attacks, or a tally, that no named strike carries; not 'killed in strikes
    on X and Y', attacks at named towns."""
    t = attack.trigger
    tolls = [a for a in t.ancestors if listed(a, CASUALTY_WORDS)]
    if t.pos_ not in ("NOUN", "VERB") or not tolls:
        return False
    where = attack.place.place if attack.place is not None else None
    if where is not None and where.kind in ("settlement", "feature") and t.tag_ == "NNS":
        return False
    tally = any(q.kind in ("fatalities", "injured", "casualties") and q.value >= _TALLY for q in quantities)
    return tally or (t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.head in tolls)


def _struck_civilians(cue: Token, place: PlaceMention | None, text: str, dates: list[DateMention]) -> bool:
    """'Three people were killed and four injured in X overnight': civilians killed or hurt at a town on a
    day are the toll of an attack there, told without naming it; soldiers lost, or a tally of the war,
    are a casualty report."""
    if place is None or place.place is None or place.place.kind not in ("settlement", "feature"):
        return False
    if cue.lemma_.lower() in _LOSS_WORDS or _war_wide(text, dates):
        return False
    if MISHAPS.search(text):
        return False  # "killed when their bus plunged off a bridge", "in a plane crash"
    if any(q.kind in _TOLL_KINDS and q.value >= _TALLY for q in find_quantities(text)):
        return False  # "at least 10,000 people have been killed": a tally of a war, not one strike
    if any(d.range.days() > _ONE_STRIKE_DAYS for d in dates):
        return False  # "in 2023, 300 people were killed by shelling in X": a year's tally
    verb = cue if cue.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False  # "casualties", "dead": a count, not a toll told of its victims
    victims = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    if not victims and verb.dep_ == "conj":
        victims = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
    if not victims and verb.dep_ == "acl":
        victims = [verb.head]  # "reported seven people killed"
    return any(_civilian(v) for v in victims)


def _civilian(tok: Token) -> bool:
    words = {tok.lemma_.lower(), tok.lower_}
    return bool(words & (CIVILIANS | PERSONS)) and not any(
        c.lemma_.lower() in FORCES | {"military", "serviceman"} for c in tok.children
    )


def _as_attack(toll: RawEvent) -> RawEvent:
    """The toll's attack, by the party other than the state where the victims were (the toll's side word may
    be anyone's: the speaker's, the victims')."""
    side = None
    state = toll.place.place.country if toll.place is not None and toll.place.place is not None else None
    if state in PARTIES:
        side = next(iter(PARTIES - {state}))
    return RawEvent(
        "attack",
        toll.trigger,
        toll.place,
        Party(None, side),
        toll.source,
        toll.status,
        toll.date,
        toll.quantities,
        toll.sentence,
        toll.order,
    )


def _future_conjunct(t: Token) -> bool:
    """'his units would hand over their posts and withdraw': the second verb shares the first's future."""
    return t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") and claims.is_future(t.head)


def _definite_event(t: Token) -> bool:
    """'the attack', 'this withdrawal': a nominal trigger told as known, an event the text has just told."""
    return t.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children
    )


def _under_attack_at(
    t: Token, triggers: list[tuple[Token, str]], linked: dict[int, list[PlaceMention]]
) -> list[PlaceMention]:
    """'in response to enemy assaults near X, the units moved to better positions': a withdrawal that names
    no place of its own left where the attack it answers came, an attack told in its own clause."""
    clause = t.head if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") else t
    own = {x.i for x in clause.subtree}
    for x, ty in triggers:
        if ty == "attack" and x.i in own and linked.get(x.i):
            return linked[x.i]
    return []


def _left_from(t: Token, ctx: Context, i: int) -> PlaceMention | None:
    """A withdrawal of forces that names no place, told just after a place changed hands ("the city had been
    taken ... the fighters will withdraw to the rear"), leaves that place."""
    if ctx.control is None or i - ctx.control[0] > 2 or t.lemma_.lower() in WEAK:
        return None
    if t.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in t.children):
        return None  # "the strain of combat, retreat and shelling": a kind of event, not one event
    moved = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    moved += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if any(
        m.lemma_.lower() not in FORCES and m.lower_ not in FORCES and not claims.is_pronoun(m) for m in moved
    ):
        return None  # "withdrew its ambassador", "the withdrawal of the bill"
    return ctx.control[1]
