"""Summaries: the incident row of a cluster of mentions, with its place, date, actor, status and counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from frontwatch.fuse.conflicts import actor_dispute, conflicts
from frontwatch.fuse.ids import incident_id
from frontwatch.fuse.mentions import Mention, report_order
from frontwatch.fuse.status import incident_status, independent_groups
from frontwatch.records import DateRange, Incident, Place

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
KIND_RANK = {"settlement": 0, "feature": 1, "region": 2, "country": 3}


def _place(members: Sequence[Mention]) -> Place | None:
    places = [m.event.place for m in members if m.event.place is not None]
    if not places:
        return None
    counts = Counter(places)
    return min(counts, key=lambda p: (KIND_RANK[p.kind], -counts[p], p.geonameid or 0, p.name))


def _date(members: Sequence[Mention]) -> DateRange | None:
    """The most precise date any report gives; the earliest of those (later reports restate). A date in the
    text beats a publication date given for want of one."""
    dates = [m.event.date for m in members if m.event.date is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: (not d.mention, PRECISION_RANK[d.precision], d.start, d.end))


def covered_span(members: Sequence[Mention]) -> tuple[str | None, str | None]:
    """The dates an incident's reports reach, for the store's date-window lookups."""
    spans = [m.span for m in members if m.span]
    if not spans:
        return None, None
    return min(s[0] for s in spans).isoformat(), max(s[1] for s in spans).isoformat()


def summarise(members: Sequence[Mention], iid: str | None = None) -> Incident:
    """The incident of these mentions, under `iid` when it has one already."""
    members = sorted(members, key=report_order)
    first = members[0].event
    sides = Counter(m.event.actor.side for m in members if m.event.actor.side)
    # A disputed author is no one's to give: the conflict tells the versions.
    disputed_author = actor_dispute(members) is not None
    actor_side = min(sides, key=lambda s: (-sides[s], s)) if sides and not disputed_author else None
    docs = {m.event.doc_id for m in members}
    outlets = sorted({m.outlet for m in members if m.outlet})
    sources = {m.outlet or m.event.doc_id for m in members}
    return Incident(
        incident_id=iid or incident_id(m.event.event_id for m in members),
        type=first.type,
        place=_place(members),
        date=_date(members),
        status=incident_status(first.type, actor_side, members),
        n_reports=len(members),
        n_sources=len(sources),
        n_independent_sources=len(independent_groups(members)),
        event_ids=tuple(m.event.event_id for m in members),
        conflicts=tuple(conflicts(members)),
        actor_side=actor_side,
        n_documents=len(docs),
        outlets=tuple(outlets),
    )
