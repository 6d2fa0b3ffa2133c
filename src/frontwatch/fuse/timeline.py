"""Who holds a place, according to whom: the control timeline built from withdrawal and capture incidents.

A Russian withdrawal from a town and a Ukrainian capture of it are two incidents; both are steps on the
town's timeline. Each step says when, which side holds the place after it, how sure that is (the
incident status) and the reports behind it, each with its speaker, status and publication date, so a
reader sees "unconfirmed on the 10th, reported on the 12th".

A change no report dates (an earlier capture recalled in passing, "Enerhodar, seized by Russia") is not
placed on the day an article recalls it: that would show an old change as fresh. It stays undated, known
only to have happened `before` its first report, and takes its place in the sequence just before the
dated changes of that day and later; with no publication date at all it comes last. A plan reported by
itself ("will be liberated by September") is not a change of control and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from frontwatch.events import types
from frontwatch.records import DateRange, EventMention, Incident, IncidentStatus, Party, Place
from frontwatch.store import Store

CONTROL_TYPES = types.control_types()
HANDOVER_DAYS = 7  # a withdrawal and another side's capture this close apart are one handover


@dataclass(frozen=True, slots=True)
class Report:
    event_id: str
    doc_id: str
    published: str | None
    status: str
    source: Party | None
    date: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "published": self.published,
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "date": self.date,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class ControlChange:
    place: Place
    date: DateRange | None
    change: str  # "withdrawal" or "capture"
    actor_side: str | None
    side: str | None  # the side in control after the change; None when the reports do not tell
    status: IncidentStatus
    incident_id: str
    reports: tuple[Report, ...]
    first_reported: str | None = None  # the first publication that reports it
    before: str | None = None  # for an undated change: it happened before this day (its first report)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.to_dict(),
            "date": self.date.to_dict() if self.date else None,
            "before": self.before,
            "side": self.side,
            "change": self.change,
            "actor_side": self.actor_side,
            "status": self.status,
            "incident_id": self.incident_id,
            "first_reported": self.first_reported,
            "evidence": [r.to_dict() for r in self.reports],
        }


def place_key(place: Place) -> tuple:
    if place.geonameid is not None:
        return ("id", place.geonameid)
    return ("name", place.kind, place.admin1, place.name)


def _when(inc: Incident, news: Sequence[str]) -> date | None:
    """When a change happened: the incident's date, else the first publication that tells it as news. A
    recalled event's publication is no date of it."""
    if inc.date is not None:
        return date.fromisoformat(inc.date.start)
    return date.fromisoformat(min(news)) if news else None


def _position(when: date | None, published: Sequence[str]) -> tuple[date, bool]:
    """Where a change sits in the sequence: its date; an undated one just before the dated changes from its
    first report on (it happened before that day); undated and unpublished, last."""
    if when is not None:
        return when, True
    return (date.fromisoformat(min(published)) if published else date.max), False


def _side_after(
    inc: Incident, when: date | None, captures: Sequence[tuple[Incident, date | None]]
) -> str | None:
    if inc.type == "capture":
        return inc.actor_side
    for cap, cap_when in captures:
        other = cap.actor_side and cap.actor_side != inc.actor_side
        if other and when and cap_when and abs((cap_when - when).days) <= HANDOVER_DAYS:
            return cap.actor_side
    # A force leaving a place gives it back to the state it belongs to unless another force is named.
    country = inc.place.country if inc.place else None
    return country if country and country != inc.actor_side else None


def build(
    incidents: Iterable[Incident],
    events: Mapping[str, EventMention],
    published: Mapping[str, str | None],
) -> list[ControlChange]:
    """The control changes of one place, in time order (undated ones placed by their first report)."""
    rows = []
    for inc in incidents:
        if inc.type not in CONTROL_TYPES or inc.place is None:
            continue
        members = [events[e] for e in inc.event_ids if e in events]
        if members and all(m.status == "planned" for m in members):
            continue  # a plan ("will be liberated by September") changes no one's control
        pubs = sorted(p for p in (published.get(m.doc_id) for m in members) if p)
        news = [
            p
            for m in members
            if not m.background and m.status != "planned" and (p := published.get(m.doc_id))
        ]
        rows.append((inc, members, _when(inc, news), pubs))
    captures = [(inc, when) for inc, _, when, _ in rows if inc.type == "capture"]
    out = []
    # on one day a withdrawal comes before the capture that follows it
    order = sorted(rows, key=lambda r: (_position(r[2], r[3]), r[0].type != "withdrawal", r[0].incident_id))
    for inc, members, when, pubs in order:
        reports = sorted(
            (
                Report(
                    m.event_id,
                    m.doc_id,
                    published.get(m.doc_id),
                    m.status,
                    m.source,
                    m.date.start if m.date else None,
                    m.evidence.text,
                )
                for m in members
            ),
            key=lambda r: (r.date or r.published or "9999", r.published or "9999", r.doc_id, r.event_id),
        )
        out.append(
            ControlChange(
                place=inc.place,  # type: ignore[arg-type]
                date=inc.date,
                change=inc.type,
                actor_side=inc.actor_side,
                side=_side_after(inc, when, captures),
                status=inc.status,
                incident_id=inc.incident_id,
                reports=tuple(reports),
                first_reported=pubs[0] if pubs else None,
                before=pubs[0] if pubs and when is None else None,
            )
        )
    return out


def _changes(store: Store, incidents: Sequence[Incident]) -> list[ControlChange]:
    events = store.events_by_id(e for inc in incidents for e in inc.event_ids)
    meta = store.document_meta({e.doc_id for e in events.values()})
    return build(incidents, events, {d: m["published"] for d, m in meta.items()})


def for_place(store: Store, place: Place) -> list[ControlChange]:
    """The timeline of one place (a settlement, feature or region) from the store."""
    if place.geonameid is not None and place.kind != "region":
        found = store.find_incidents(types=CONTROL_TYPES, geonameid=place.geonameid)
    else:
        found = store.find_incidents(types=CONTROL_TYPES, admin1=place.admin1)
    key = place_key(place)
    if place.kind == "region":
        found = [i for i in found if i.place and i.place.kind == "region"]
    else:
        found = [i for i in found if i.place and place_key(i.place) == key]
    return _changes(store, found)


def all_changes(store: Store) -> Iterator[ControlChange]:
    """Every place's timeline, place by place (for the export)."""
    by_place: dict[tuple, list[Incident]] = {}
    for inc in store.find_incidents(types=CONTROL_TYPES):
        if inc.place is not None:
            by_place.setdefault(place_key(inc.place), []).append(inc)
    for key in sorted(by_place, key=lambda k: tuple(str(x) for x in k)):
        yield from _changes(store, by_place[key])
