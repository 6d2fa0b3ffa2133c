"""Merging within a document: coordinated triggers of one event, repeated mentions in a sentence,
and mentions of one event across sentences (same type, place, certainty, no conflicting actor or date).
"""

from __future__ import annotations

from datetime import date, timedelta

from frontwatch.events.context import RawEvent
from frontwatch.places.gazetteer import DIVISION_WORDS, is_namesake
from frontwatch.records import PlaceMention


def merge_coordinated(out: list[RawEvent]) -> None:
    """'advanced seven km, took control of six localities': coordinated triggers without a place of their own
    report one event; their quantities join the first."""
    for r in list(out):
        t = r.trigger
        if t.dep_ != "conj" or r.place is None:
            continue
        first = t.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        head = next(
            (h for h in out if h.trigger in (t.head, first) and h.place is not None and h is not r), None
        )
        if (
            head is None
            or head.place is None
            or head.place.place != r.place.place
            or not _may_be_one(head, r)
        ):
            continue
        for k, v in r.quantities.items():
            head.quantities.setdefault(k, v)
        out.remove(r)


def fold_casualty_followups(raws: list[RawEvent], sentence_starts: dict[int, int]) -> list[RawEvent]:
    """'A missile hit X. Two people were killed.': a toll with no actor or event of its own, told in the
    sentence right after an attack and naming no other place (or only the attack's), is that attack's toll,
    not a casualty report of its own. 'Russia shelled the X district overnight. In Y, a man was wounded.':
    one naming another town of the attack's region tells where the attack also hit."""
    out: list[RawEvent] = []
    for r in raws:
        idx = sentence_starts.get(r.sentence.start)
        own = [k for k in raws if k.sentence is r.sentence and k is not r]
        prev = [k for k in out if idx is not None and sentence_starts.get(k.sentence.start) == idx - 1]
        attack = next((k for k in reversed(prev) if k.type == "attack" and not k.background), None)
        if (
            r.type == "casualties"
            and r.actor.side is None
            and r.quantities
            and set(r.quantities) <= {"fatalities", "injured"}
            and not own
            and attack is not None
        ):
            if r.place is None or r.place.start < 0 or _same_place(r.place, attack.place):
                for k, v in r.quantities.items():
                    attack.quantities.setdefault(k, v)
                continue
            if _same_region(r.place, attack.place):
                out.append(_toll_as_attack(r, attack))
                continue
        out.append(r)
    return out


def _same_region(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    pa, pb = (a.place if a else None), (b.place if b else None)
    return (
        pa is not None
        and pb is not None
        and pa.kind != "country"
        and bool(pa.admin1)
        and pa.admin1 == pb.admin1
    )


def _toll_as_attack(toll: RawEvent, attack: RawEvent) -> RawEvent:
    return RawEvent(
        "attack",
        toll.trigger,
        toll.place,
        attack.actor,
        toll.source or attack.source,
        toll.status,
        toll.date or attack.date,
        dict(toll.quantities),
        toll.sentence,
        toll.order,
    )


def dedupe_sentence(out: list[RawEvent], pub: date | None = None) -> list[RawEvent]:
    keep: list[RawEvent] = []
    for r in out:
        same = next(
            (
                k
                for k in keep
                if k.type == r.type
                and _same_place(k.place, r.place)
                and _may_be_one(k, r)
                and _old(k, pub) == _old(r, pub)
            ),
            None,
        )
        if same is None:
            keep.append(r)
            continue
        _absorb(same, r)
    return keep


def merge(raws: list[RawEvent], pub: date | None = None) -> list[RawEvent]:
    """Repeated mentions of one event in one document (same type, place, actor, source side, certainty).
    Mentions in different sentences at a town and at the region named after it are one event too; the
    town, the finer place, stands for it."""
    keep: list[RawEvent] = []
    for r in raws:
        match = None
        for k in keep:
            namesake = k.sentence is not r.sentence and _namesakes(k, r)
            if k.type != r.type or not (namesake or _same_place(k.place, r.place)):
                continue
            if _status_class(k.status) != _status_class(r.status) or not _may_be_one(k, r):
                continue
            if k.sentence is r.sentence and _old(k, pub) != _old(r, pub):
                continue
            ks = k.source.side if k.source and not k.relayed else None
            rs = r.source.side if r.source and not r.relayed else None
            if ks and rs and ks != rs:
                continue
            match = k
            break
        if match is None:
            keep.append(r)
            continue
        if (
            r.place
            and r.place.place
            and r.place.place.kind == "settlement"
            and not _same_place(match.place, r.place)
        ):
            match.place = r.place
        _absorb(match, r)
    return keep


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return a is b
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    return pa.name == pb.name and pa.kind == pb.kind


def _absorb(keep: RawEvent, other: RawEvent) -> None:
    for k, v in other.quantities.items():
        keep.quantities.setdefault(k, v)
    if keep.date is None:
        keep.date = other.date
    if keep.actor.side is None and other.actor.side is not None:
        keep.actor = other.actor
    if keep.source is None or (keep.relayed and other.source is not None and not other.relayed):
        keep.source, keep.relayed = other.source, other.relayed
    keep.background = keep.background and other.background  # told once as news, it is news


def _may_be_one(a: RawEvent, b: RawEvent) -> bool:
    """Two mentions of a type and place may be one event: no two known actors, no two disjoint dates."""
    if a.actor.side and b.actor.side and a.actor.side != b.actor.side:
        return False
    return not (a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start))


def _old(r: RawEvent, pub: date | None) -> bool:
    """A recalled event dated more than a week before publication ("troops entered X, a town Russia seized
    in February"): in the sentence that also tells the news at that place, it is another event."""
    if not r.background or r.date is None or pub is None:
        return False
    return date.fromisoformat(r.date.end) < pub - timedelta(days=7)


def _status_class(s: str) -> str:
    return s if s in ("denied", "unconfirmed") else "asserted"


def _namesakes(a: RawEvent, b: RawEvent) -> bool:
    """A town and the region named after it, the region named by the bare name ("Kherson"), which may mean
    either; "the Kherson region" said in so many words is a claim of its own."""
    if a.place is None or b.place is None or a.place.place is None or b.place.place is None:
        return False
    if a.place.start < 0 or b.place.start < 0:
        return False  # a region given for want of a named place ("liberated 41 settlements") names no town
    if {a.place.place.kind, b.place.place.kind} != {"settlement", "region"}:
        return False
    town, region = (a, b) if a.place.place.kind == "settlement" else (b, a)
    if _says_region(region):
        return False
    return is_namesake(town.place.place, region.place.place)  # type: ignore[union-attr,arg-type]


def _says_region(r: RawEvent) -> bool:
    """The mention's words call it a region: 'Kherson Oblast', 'the Kherson region', 'region of Kherson'."""
    p, text = r.place, r.sentence.text
    if p is None or p.start < 0:
        return False
    s, e = p.start - r.sentence.start, p.end - r.sentence.start
    words = text[max(0, s - 12) : e + 12].casefold().replace("(", " ").split()
    return any(w.strip(".,;:)") in DIVISION_WORDS for w in words)
